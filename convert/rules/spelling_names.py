"""Spelling: a name spelled two ways in one document.

"Stoltenberg" five times and "Stoltenburg" once, "Zelenskyy" and
"Zelensky": the same person, two spellings. A capitalised word no list knows
is paired with the capitalised words of the document one edit away; the
spelling used less often is reported, with the other as an unsafe fix.

Pairs that are not two spellings are left alone: forms of one word
("Korea"/"Korean", "Minister"/"Ministers", possessives), a common English
word beside a name (the typo rules judge those), short names (four letters or
fewer sit one edit from too many others: "Kato", "Kano"), two names the
field vocabulary both knows ("Naoki", "Naoko"), and a tie between two
unknown names, which may well be two people.
"""

from __future__ import annotations

import re

from .. import regex
from ..problem import Edit, Fix
from ..words import dictionary_names, english, field, recase
from .base import Finding, Rule, register
from .spelling_scan import inflection_pair, scan
from .spelling_suggest import within_one_edit

_MIN = 5


def _pairs(sc):
    """(rare, common) lower-cased spellings of one name."""
    candidates = {}
    for s in sc.suspects:
        word = s.text
        if (s.kind == "unknown" and s.block != "caption" and len(word) >= _MIN and word[1:].islower()
                and not sc.is_accepted(word) and sc.near_reference(word) is None):
            candidates.setdefault(word.lower(), word)
    if not candidates:
        return
    # A common English word is the typo rules' business, unless the field knows it as a name ("Macron").
    names, vocabulary = dictionary_names(), field()
    for lower in candidates:
        counts = sc.capitalised(lower[0])  # counted only now, for its letter: most documents have no candidate
        for other, n in counts.items():
            if (other == lower or len(other) < _MIN or other[0] != lower[0]
                    or not within_one_edit(lower, other) or inflection_pair(lower, other)
                    or (other in english() and other not in names and other not in vocabulary)):
                continue
            mine = counts[lower]
            if mine < n or (mine == n and other in field()):
                yield lower, other
            elif mine > n and other in field():
                yield other, lower  # the known spelling is the odd one out here


@register
class NameTwoWays(Rule):
    """A name is spelled two ways in one document.

    The less frequent spelling is reported; on a tie, the one the field
    vocabulary does not know. Names one letter apart that are both in the
    vocabulary are taken for two people.
    """

    code = "SP003"
    name = "name-two-ways"
    severity = "warning"
    summary = "A name is spelled two ways in one document"
    bad = ("Meeting with NATO Secretary General Stoltenberg\n\nJuly 11, 2024\n\n"
           "Prime Minister Kishida met Secretary General Stoltenberg. Secretary General Stoltenburg "
           "welcomed the progress of Japan-NATO cooperation.\n")
    good = ("Meeting with NATO Secretary General Stoltenberg\n\nJuly 11, 2024\n\n"
            "Prime Minister Kishida met Secretary General Stoltenberg. Secretary General Stoltenberg "
            "welcomed the progress of Japan-NATO cooperation.\n")

    def check(self, ctx):
        sc = scan(ctx)
        for rare, common in _pairs(sc):
            pattern = regex.compile(rf"(?<![\w-]){re.escape(rare)}(?![\w-])", re.I)
            for m in pattern.finditer(ctx.prose):
                word = m.group()
                if not word[:1].isupper():
                    continue
                right = recase(word, common)
                yield Finding(m.start(), m.end(),
                              f"'{word}' here, '{right}' elsewhere in the document "
                              f"({sc.capitalised(common[0])[common]} times): one name, two spellings?",
                              Fix((Edit(m.start(), m.end(), right),), "unsafe"))
