"""Spelling: ordinal numbers with the wrong suffix.

``101th`` for ``101st``, ``2th`` for ``2nd``, ``11st`` for ``11th``: the
suffix follows from the number (``st`` after a last digit 1, ``nd`` after
2, ``rd`` after 3, ``th`` otherwise, and ``th`` for 11, 12 and 13 whatever
comes before them). Content only, like the other spelling rules: footers
and link labels are web residue.
"""

from __future__ import annotations

from .. import regex
from ..parse import skeleton
from ..problem import replace
from .base import Finding, Rule, register

# The last digit of a number and a suffix, not inside a longer token ("G20th", "A4th", "1.5th" are no
# ordinals). One digit, not \d+: tried at every digit of the text, a run would be matched again and again.
_ORDINAL = regex.compile(r"[0-9](st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z0-9])")
# The same in the digits skeleton, where it starts with a literal: the engine skips to each digit at
# memchr speed instead of testing [0-9] at every character (the rule costs 0.4x what it did).
_ORDINAL_START = regex.compile(rb"0(?=st|nd|rd|th|ST|ND|RD|TH)")


def ordinal_suffix(number: int) -> str:
    """The English suffix of ``number`` as an ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 111th."""
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


@register
class OrdinalSuffix(Rule):
    """An ordinal number has the wrong suffix: ``101th``, ``2th``, ``11st``, ``3nd``, ``22th``.

    The right ones are ``1st 2nd 3rd 4th 11th 12th 13th 21st 101st 111th``.
    The fix writes the suffix the number takes, in the case printed (safe).
    """

    code = "SP005"
    name = "ordinal-suffix"
    severity = "warning"
    summary = "An ordinal number has the wrong suffix, such as 101th"
    bad = "Meeting\n\nJuly 11, 2024\n\nThe two leaders welcomed the 22th meeting and the 101th session.\n"
    good = "Meeting\n\nJuly 11, 2024\n\nThe two leaders welcomed the 22nd meeting and the 101st session.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        for m in skeleton.finditer(_ORDINAL, _ORDINAL_START, text):
            start = m.start()
            while start and text[start - 1].isdigit():
                start -= 1
            if start and (text[start - 1].isalpha() or text[start - 1] in ".,"):
                continue  # "G20th", "1.5th", "1,001st": no ordinal, or one too rare to judge
            number, suffix = text[start:m.start(1)], m.group(1)
            right = ordinal_suffix(int(number))
            if suffix.lower() == right:
                continue
            right = right.upper() if suffix.isupper() else right
            yield Finding(start, m.end(), f"'{number}{suffix}' is written '{number}{right}'",
                          replace(m.start(1), m.end(), right))
