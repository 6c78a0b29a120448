"""Terminology: honorific slips.

A readout styles a person ``H.E. Mr. Jens Stoltenberg``: at most one title
of address (Mr., Ms., Mrs., Mme., Miss), after the ``H.E.`` of an excellency.
Two titles of address in a row ("H.E. Ms. Mr.", "Mr. Mr."), a doubled
"H.E. H.E.", or a title of address before "H.E." are slips of the pen. A
doubled title gets a safe fix (the second goes); for two different titles
the right one cannot be told, so there is no fix.

"Prof. Dr." and "H.E. Dr." are usual and never reported.
"""

from __future__ import annotations

from .. import regex
from ..problem import Edit, Fix
from .base import Finding, Rule, register

# Two patterns, each opening with a literal ("M", "H.E"), so the engine skips
# ahead instead of trying every position. The second honorific sits in a
# look-ahead so that it can open the next pair: "H.E. Mr. Mr." holds the
# pairs "H.E. Mr." and "Mr. Mr.".
_NEXT = r"(?=([ \u00a0]+)(M(?:rs|r|s|me|iss)|H\.E)(\.?)(?![A-Za-z]))"
_PAIRS = (regex.compile(r"(M(?:rs|r|s|me|iss))(\.?)" + _NEXT), regex.compile(r"(H\.E)(\.?)" + _NEXT))
_ADDRESS = frozenset({"Mr", "Ms", "Mrs", "Mme", "Miss"})


@register
class HonorificSlip(Rule):
    """Two honorifics where one belongs: "H.E. Ms. Mr.", "Mr. Mr.", "H.E. H.E.".

    Also a title of address before the excellency ("Mr. H.E."), which the
    house writes the other way round.
    """

    code = "TR003"
    name = "honorific-slip"
    severity = "warning"
    summary = "Two honorifics where one belongs"
    bad = ("Meeting\n\nJuly 11, 2024\n\nPrime Minister Kishida held a meeting with H.E. Mr. Mr. Jens Stoltenberg, "
           "Secretary General of NATO.\n")
    good = ("Meeting\n\nJuly 11, 2024\n\nPrime Minister Kishida held a meeting with H.E. Mr. Jens Stoltenberg, "
            "Secretary General of NATO.\n")
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        for m in _pairs(text):
            start, end = m.start(), m.end(5)
            if start and (text[start - 1].isalnum() or text[start - 1] == "."):
                continue  # inside a word or an abbreviation: "UMr", "U.S.H.E"
            first, second, pair = m.group(1), m.group(4), text[start:end]
            if first == second:
                # "Mr. Mr.": the second copy goes, with the space before it.
                fix = Fix((Edit(m.end(2), end, ""),), "safe")
                yield Finding(start, end, f"'{pair}': the honorific is written twice", fix)
            elif first in _ADDRESS and second in _ADDRESS:
                yield Finding(start, end, f"'{pair}': two titles of address for one person")
            elif first in _ADDRESS and second == "H.E":
                yield Finding(start, end, f"'{pair}': 'H.E.' comes before the title of address")


def _pairs(text: str):
    """The matches of both patterns, the second tried only from the first "H.E".

    Most readouts have no "H.E", and str.find tells so for far less than the
    pattern's own scan, which stops at every "H".
    """
    yield from _PAIRS[0].finditer(text)
    at = text.find("H.E")
    if at != -1:
        yield from _PAIRS[1].finditer(text, at)
