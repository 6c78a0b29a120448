"""Inline marks: footnote references and web link labels inside a block's text."""

from __future__ import annotations

from bisect import bisect_right

from .. import regex
from ..model import Mark

# "(*1)", "(* 2)", "(※1)"; a bare "*1" only when glued to a word: "ITPP*1".
FOOTNOTE_REF = regex.compile(r"\(\s?[*※]\s?(?P<m>\d{1,2})\s?\)|(?<=[A-Za-z)])[*※](?P<m2>\d{1,2})\b")
# The term a marker follows: "(IP4)(*1)" -> IP4, "ITPP(*2)" -> ITPP.
_TERM_PAREN = regex.compile(r"\(([^()]{1,60})\)\s?$")
_TERM_WORD = regex.compile(r"([A-Za-z0-9][\w&.'’-]{0,60})\s?$")
# Both term patterns match at most 63 characters before a marker; looking at
# no more keeps a line of 40,000 markers linear instead of quadratic.
_TERM_WINDOW = 64
# "( English (PDF/56KB ) / Japanese (PDF/97KB) )", "(PDF)", "(Japanese (PDF))"
LINK = regex.compile(
    r"\(\s*(?:(?:English|Japanese|Summary|Text|Full text)?\s*\(\s*(?:PDF|PPT|Word|Excel)[^()]{0,20}\)\s*/?\s*)+\)"
    r"|\(\s*(?:PDF|PPT)(?:/[\d.,]+\s?[KMG]B)?\s*\)"
)


def term_before(text: str, end: int) -> str | None:
    before = text[max(0, end - _TERM_WINDOW):end]
    match = _TERM_PAREN.search(before) or _TERM_WORD.search(before)
    if not match:
        return None
    return match.group(1).strip().rstrip(".") or None


def _overlaps_link(links: list[Mark], ends: list[int], start: int, end: int) -> bool:
    # Bisect rather than scan: a line of 20,000 link labels and 20,000 markers stays linear.
    i = bisect_right(ends, start)
    return i < len(links) and links[i].start < end


def find_marks(text: str) -> tuple[Mark, ...]:
    """Footnote references and link labels, sorted and never overlapping."""
    # Every FOOTNOTE_REF match holds a star: most lines hold none and are spared its scan, the dearest
    # part of parsing a line of prose (its lookbehind alternative is tried at every character).
    may_refer = "*" in text or "※" in text
    # Every LINK match is a parenthesis holding one of these words (case counts). Without them the
    # pattern would still be tried at each "(" of the line: these searches cost less. (Asked inline, not
    # by a function of their own: find_marks runs on every line.)
    may_link = "(" in text and ("PDF" in text or "PPT" in text or "Word" in text or "Excel" in text)
    links = [Mark("link", match.start(), match.end()) for match in LINK.finditer(text)] if may_link else []
    if not may_refer:
        return tuple(links)  # in order: links come in order and never overlap (most lines: none)
    marks: list[Mark] = list(links)
    ends = [m.end for m in links]  # sorted, as the links are
    for match in FOOTNOTE_REF.finditer(text):
        if _overlaps_link(links, ends, match.start(), match.end()):
            continue
        marker = "*" + (match.group("m") or match.group("m2"))
        marks.append(Mark("footnote-ref", match.start(), match.end(), marker, term_before(text, match.start())))
    marks.sort(key=lambda m: (m.start, m.end))
    return tuple(marks)
