"""Typography: apostrophes and quotation marks.

A document keeps to one kind: straight (``Japan's``, ``"free and open"``)
or curly (``Japan’s``, ``“free and open”``). The kind used most often is
the document's; the others are reported, with a safe fix where the
replacement is certain. Web residue (link labels, breadcrumbs, footers)
is never looked at.
"""

from __future__ import annotations

import re
from collections import Counter

from ..problem import replace
from .base import Finding, Rule, register

_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z])")
_DOUBLE = re.compile(r"[\"“”]")
_KIND = {"'": "straight", "’": "curly", '"': "straight", "“": "curly", "”": "curly"}


def _main_kind(found: list[re.Match]) -> str:
    """The kind used most often; on a tie, the one used first."""
    counts = Counter(_KIND[m.group(0)] for m in found)
    first = _KIND[found[0].group(0)]
    return max(counts, key=lambda kind: (counts[kind], kind == first))


@register
class MixedApostrophes(Rule):
    """Straight and curly apostrophes are mixed in one document.

    ``Russia’s`` beside ``Japan's``: the kind used most often (on a tie, the
    first one used) is the document's; the others are replaced by it (safe fix).
    """

    code = "TY001"
    name = "mixed-apostrophes"
    summary = "straight and curly apostrophes mixed"
    bad = "Japan's position and Russia’s aggression were discussed. Japan's support continues.\n"
    good = "Japan's position and Russia's aggression were discussed. Japan's support continues.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        if "’" not in text or "'" not in text:
            return
        found = list(_APOSTROPHE.finditer(text))
        if len({m.group(0) for m in found}) < 2:
            return
        main = _main_kind(found)
        mark = "'" if main == "straight" else "’"
        for m in found:
            if _KIND[m.group(0)] != main:
                word = _word_around(text, m.start())
                yield Finding(m.start(), m.end(), f"{_KIND[m.group(0)]} apostrophe in {word!r}; "
                                                  f"this document uses {main} ones", replace(m.start(), m.end(), mark))


def _word_around(text: str, at: int) -> str:
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = at + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


@register
class MixedQuotes(Rule):
    """Straight and curly double quotation marks are mixed in one document.

    ``"free and open Indo-Pacific"`` beside ``“rule of law”``. When straight
    quotes are the document's kind, curly ones are replaced (safe fix);
    the other way round the direction of each quote is left to the editor.
    """

    code = "TY002"
    name = "mixed-quotes"
    summary = "straight and curly double quotes mixed"
    bad = 'a "free and open Indo-Pacific" and a "world without nuclear weapons" based on the “rule of law”.\n'
    good = 'a "free and open Indo-Pacific" and a "world without nuclear weapons" based on the "rule of law".\n'
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        if '"' not in text or ("“" not in text and "”" not in text):
            return
        found = list(_DOUBLE.finditer(text))
        main = _main_kind(found)
        for m in found:
            if _KIND[m.group(0)] != main:
                fix = replace(m.start(), m.end(), '"') if main == "straight" else None
                yield Finding(m.start(), m.end(), f"{_KIND[m.group(0)]} quotation mark {m.group(0)}; "
                                                  f"this document uses {main} ones", fix)


@register
class UnpairedQuote(Rule):
    """A quotation mark is opened and never closed, or closed and never opened.

    A quotation opened inside a paragraph closes in that paragraph; one that
    opens a paragraph may run over several (reopening each with a quotation
    mark or not), as long quotations of statements do. A quotation still open where a document stops mid-sentence is not
    reported: the page was cut.
    """

    code = "TY003"
    name = "unpaired-quote"
    summary = "unpaired quotation mark"
    bad = 'Both sides confirmed the importance of a “free and open Indo-Pacific.\n'
    good = 'Both sides confirmed the importance of a “free and open Indo-Pacific.”\n'

    def check(self, ctx):
        text = ctx.prose
        if '"' not in text and "“" not in text and "”" not in text:
            return
        opened: int | None = None
        for at in _positions(text, '"“”'):
            mark = text[at]
            if opened is not None and "\n" in text[opened:at] and not _starts_paragraph(text, opened):
                # A quotation opened inside a paragraph closes in it.
                yield Finding(opened, opened + 1, f"quotation mark {text[opened]} is never closed in its paragraph")
                opened = None
            if mark == "“" or (mark == '"' and opened is None):
                if opened is not None and not _starts_paragraph(text, at):
                    yield Finding(opened, opened + 1, f"quotation mark {text[opened]} is never closed")
                if opened is None or not _starts_paragraph(text, at):
                    opened = at
            elif opened is None:
                yield Finding(at, at + 1, f"closing quotation mark {mark} was never opened")
            else:
                opened = None
        if opened is not None and not (ctx.ends_open and _in_last_paragraph(ctx, opened)):
            yield Finding(opened, opened + 1, f"quotation mark {text[opened]} is never closed")


def _in_last_paragraph(ctx, at: int) -> bool:
    """Whether ``at`` is in the last paragraph (or in a quotation opening a paragraph and running to it)."""
    last = ctx.last_content
    return last is not None and (at >= last.start or _starts_paragraph(ctx.prose, at))


def _positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every character of ``chars`` in ``text``, found with str.find (C speed)."""
    found = []
    for ch in chars:
        at = text.find(ch)
        while at != -1:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found


def _starts_paragraph(text: str, at: int) -> bool:
    """The mark opens a paragraph (after its number): how a quotation continues into it."""
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip()
