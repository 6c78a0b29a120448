"""Spelling: typos in the title and in the body.

A word is a typo when it is a known misspelling (``misspellings.txt``: these
win over the dictionary, so "intension" and "minster" are reported), or when
no word list knows it: English (British and American), the field's
vocabulary (people, places, organisations, acronyms, honorifics, terms) and
the words the configuration accepts (``accepted-words``).

Names are the hard part: a readout is full of names no list has. A
capitalised unknown word is therefore only reported when it is one edit (two
for long words) from a word the document itself uses or from a title word of
the field ("Summray" in a document about a summary meeting); otherwise it is
taken for a name. All-capital words (acronyms, family names as in
"KISHIDA Fumio"), words with digits, web addresses, link labels and web
residue are never checked, nor the last word of a text cut off mid-word. A misspelt translation marker
(``[Provisonal translation]``) is left to ST011 while that rule is on.

A known misspelling with a single correction gets a safe fix; other
suggestions come as an unsafe fix, shown but never applied by ``--fix``.
"""

from __future__ import annotations

from ..problem import Edit, Fix
from ..words import misspellings, recase
from .base import Finding, Rule, register
from .spelling_scan import scan
from .spelling_suggest import run_together, suggestions
from .structure_header import marker_typos


def typos(ctx, in_title: bool):
    sc = scan(ctx)
    if not sc.suspects:
        return
    # A misspelt translation marker is ST011's, which says so once for the marker.
    markers = [(a, b) for a, b, _, _ in marker_typos(ctx)] if ctx.selects("ST011") else []
    for s in sc.suspects:
        if (s.block == "title") != in_title or s.kind in ("glued", "camel") or sc.is_accepted(s.text):
            continue
        if markers and any(a <= s.start < b for a, b in markers):
            continue
        lower = s.text.lower()
        if s.kind == "misspelling":
            fixes = misspellings()[lower]
            found = [recase(s.text, f) for f in fixes]
            fix = Fix((Edit(s.start, s.end, found[0]),), "safe" if len(found) == 1 else "unsafe")
            yield Finding(s.start, s.end, f"'{s.text}' is a misspelling of {_either(found)}", fix)
        elif s.text[0].isupper():
            ref = sc.near_reference(s.text)
            if ref is not None:
                right = recase(s.text, ref)
                fix = Fix((Edit(s.start, s.end, right),), "unsafe")
                yield Finding(s.start, s.end, f"'{s.text}' looks like a typo: did you mean '{right}'?", fix)
        elif run_together(lower) is None:  # run-together words are SP004's
            found = suggestions(s.text, prefer=sc.doc_words)
            if found:
                fix = Fix((Edit(s.start, s.end, found[0]),), "unsafe")
                yield Finding(s.start, s.end, f"unknown word '{s.text}': did you mean {_either(found)}?", fix)
            else:
                yield Finding(s.start, s.end, f"unknown word '{s.text}'")


def _either(words: list[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


@register
class TitleTypo(Rule):
    """A word of the title is misspelt.

    The title is what readers and search engines see first. A title word is
    reported when it is a known misspelling or, since title words are
    capitalised like names, when it is one edit from a word of the document
    or of the field's titles ("Sumarry", "Meetign", "Telephone Tlak").
    """

    code = "SP001"
    name = "title-typo"
    severity = "warning"
    summary = "A word of the title is misspelt"
    bad = "Meeting between Prime Minister Kishida and NATO Secretary General Stoltenberg (Sumarry)\n"
    good = "Meeting between Prime Minister Kishida and NATO Secretary General Stoltenberg (Summary)\n"
    fixed = good

    def check(self, ctx):
        return typos(ctx, in_title=True)


@register
class BodyTypo(Rule):
    """A word of the body (lead, headings, paragraphs, footnotes) is misspelt.

    Lower-case words no list knows are reported with suggestions; known
    misspellings ("refering", "intension") with their correction. Add the
    field's own words to ``accepted-words`` in the configuration.
    """

    code = "SP002"
    name = "body-typo"
    severity = "warning"
    summary = "A word of the body is misspelt"
    bad = ("Meeting\n\nJanuary 31, 2023\n\nPrime Minister Kishida welcomed the visit, refering to their "
           "last meeting, and expressed his intension to visit.\n")
    good = ("Meeting\n\nJanuary 31, 2023\n\nPrime Minister Kishida welcomed the visit, referring to their "
            "last meeting, and expressed his intention to visit.\n")
    fixed = good

    def check(self, ctx):
        return typos(ctx, in_title=False)
