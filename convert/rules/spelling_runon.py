"""Spelling: words run together.

A space lost between two words makes a token no list knows: "regionand",
"gratitudeto", "theUN", "nextG7". It is reported when it splits into a known
word and a short function word ("and", "to", "the", "next"), or when a
lower-case function word is glued to a capitalised word or an acronym, or
a lower-case word to a capitalised word ("foreignMinisters"; "macOS" and
"eVTOL" are names), or two capitalised words ("SummitMeeting"; brands the
field vocabulary knows, such as "SoftBank", are words).
A token one edit from a known word is left to the typo rules ("abducton" is
not "abduct on").
"""

from __future__ import annotations

from ..problem import Edit, Fix
from .base import Finding, Rule, register
from .spelling_scan import CAMEL, GLUED, scan
from .spelling_suggest import run_together


@register
class RunTogether(Rule):
    """Two words are written without the space between them.

    The fix inserts the space. It is safe for a lower-case word glued to a
    capitalised word or acronym ("theUN", "nextG7"), where the case change
    marks the boundary; for lower-case tokens ("regionand") it is unsafe:
    the split is a guess, however likely; so it is for two capitalised words,
    which may be a brand.
    """

    code = "SP004"
    name = "run-together"
    severity = "warning"
    summary = "Two words are written without a space"
    bad = "Meeting\n\nJuly 11, 2024\n\nThe two leaders agreed to meet again at the nextG7 summit.\n"
    good = "Meeting\n\nJuly 11, 2024\n\nThe two leaders agreed to meet again at the next G7 summit.\n"
    fixed = good

    def check(self, ctx):
        sc = scan(ctx)
        for s in sc.suspects:
            if s.kind == "glued":
                cut, safety = GLUED.match(s.text).end(1), "safe"
            elif s.kind == "camel":
                cut, safety = CAMEL.match(s.text).end(1), "unsafe"  # a brand may be written so
                if f"{s.text[:cut]}-{s.text[cut:]}" in ctx.prose:
                    continue  # "IndoPacific" beside "Indo-Pacific": one term in two forms, TR001's
            elif s.kind == "unknown" and s.text.islower() and (parts := run_together(s.text)):
                cut, safety = len(parts[0]), "unsafe"
            else:
                continue
            if sc.is_accepted(s.text):
                continue
            fix = Fix((Edit(s.start + cut, s.start + cut, " "),), safety)
            yield Finding(s.start, s.end, f"'{s.text}' looks like two words run together: "
                                          f"'{s.text[:cut]} {s.text[cut:]}'", fix)
