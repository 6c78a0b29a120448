"""Inline marks: footnote references and web link labels inside a block's text."""

from __future__ import annotations

import re

from ..model import Mark

# "(*1)", "(* 2)", "(※1)"; a bare "*1" only when glued to a word: "ITPP*1".
FOOTNOTE_REF = re.compile(r"\(\s?[*※]\s?(?P<m>\d{1,2})\s?\)|(?<=[A-Za-z)])[*※](?P<m2>\d{1,2})\b")
# The term a marker follows: "(IP4)(*1)" -> IP4, "ITPP(*2)" -> ITPP.
_TERM_PAREN = re.compile(r"\(([^()]{1,60})\)\s?$")
_TERM_WORD = re.compile(r"([A-Za-z0-9][\w&.'’-]{0,60})\s?$")
# "( English (PDF/56KB ) / Japanese (PDF/97KB) )", "(PDF)", "(Japanese (PDF))"
LINK = re.compile(
    r"\(\s*(?:(?:English|Japanese|Summary|Text|Full text)?\s*\(\s*(?:PDF|PPT|Word|Excel)[^()]{0,20}\)\s*/?\s*)+\)"
    r"|\(\s*(?:PDF|PPT)(?:/[\d.,]+\s?[KMG]B)?\s*\)"
)


def term_before(text: str, end: int) -> str | None:
    before = text[:end]
    match = _TERM_PAREN.search(before) or _TERM_WORD.search(before)
    if not match:
        return None
    return match.group(1).strip().rstrip(".") or None


def find_marks(text: str) -> tuple[Mark, ...]:
    """Footnote references and link labels, sorted and never overlapping."""
    if "(" not in text and "*" not in text and "※" not in text:
        return ()
    marks: list[Mark] = []
    for match in LINK.finditer(text):
        marks.append(Mark("link", match.start(), match.end()))
    for match in FOOTNOTE_REF.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in marks):
            continue
        marker = "*" + (match.group("m") or match.group("m2"))
        marks.append(Mark("footnote-ref", match.start(), match.end(), marker, term_before(text, match.start())))
    marks.sort(key=lambda m: (m.start, m.end))
    return tuple(marks)
