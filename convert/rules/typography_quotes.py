"""Typography: apostrophes and quotation marks.

A document keeps to one kind: straight (``Japan's``, ``"free and open"``)
or curly (``Japan’s``, ``“free and open”``). The kind used most often is
the document's; the others are reported, with a safe fix where the
replacement is certain. Web residue (link labels, breadcrumbs, footers)
is never looked at.
"""

from __future__ import annotations

from ..problem import replace
from .base import Finding, Rule, register
from .context import SENTENCE_BREAK

_DOUBLE_QUOTES = '"“”'
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# After a plural's apostrophe ("Leaders' Meeting", "the Ministers’."): a blank or punctuation.
_AFTER_PLURAL = frozenset(" \t\n\u00a0.,;:!?)]\"”—–-")
# Before an opening single quote ("the ‘free and open’ order"): a blank, a bracket or a dash.
_BEFORE_OPENING = frozenset(" \t\n\u00a0([“\"—–-")
_KIND = {"'": "straight", "’": "curly", '"': "straight", "“": "curly", "”": "curly"}


def _main_kind(marks: list[str]) -> str:
    """The kind used most often; on a tie, the one used first."""
    straight = marks.count("'") + marks.count('"')  # list.count: no Python loop over the marks
    curly = len(marks) - straight
    if straight == curly:
        return _KIND[marks[0]]
    return "straight" if straight > curly else "curly"


def apostrophes(text: str) -> list[int]:
    """Offsets of the apostrophes, straight or curly: ``Japan's``, ``don’t``, and plural possessives.

    A mark between two letters is one. A mark right after the ``s`` of a
    word and before a blank or punctuation (``Leaders' Meeting``,
    ``Ministers’.``) is a plural's apostrophe, unless a single-quoted span
    is open in the paragraph: then it closes that quotation (``the
    ‘Leaders’ statement``). Marks are found with str.find, then judged by
    their neighbours: no regex tried at every position.
    """
    found = []
    quoting = False
    previous = 0
    size = len(text)
    for at in char_positions(text, "'’‘"):
        if quoting and text.find("\n", previous, at) != -1:
            quoting = False  # a single quotation closes in its paragraph
        previous = at
        mark = text[at]
        before = text[at - 1] if at else "\n"
        after = text[at + 1] if at + 1 < size else "\n"
        if mark != "‘" and before in _LETTERS and after in _LETTERS:
            found.append(at)
        elif mark != "‘" and before in "sS" and after in _AFTER_PLURAL and at > 1 and text[at - 2] in _LETTERS:
            if quoting:
                quoting = False  # the mark closes the quotation
            else:
                found.append(at)
        elif before in _BEFORE_OPENING and after in _LETTERS and (mark == "‘" or mark == "'"):
            quoting = True
        elif mark != "‘" and quoting:
            quoting = False
    return found


@register
class MixedApostrophes(Rule):
    """Straight and curly apostrophes are mixed in one document.

    ``Russia’s`` beside ``Japan's``: the kind used most often (on a tie, the
    first one used) is the document's; the others are replaced by it (safe fix).
    Plural possessives count too (``Leaders' Meeting`` beside ``Leaders’
    Meeting``), except where the mark closes a single-quoted span open in
    its paragraph (``the ‘Leaders’ statement``).
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
        found = apostrophes(text)
        marks = [text[at] for at in found]
        if len(set(marks)) < 2:
            return
        main = _main_kind(marks)
        right = "'" if main == "straight" else "’"
        for at, mark in zip(found, marks):
            if _KIND[mark] != main:
                word = _word_around(text, at)
                yield Finding(at, at + 1, f"{_KIND[mark]} apostrophe in {word!r}; this document uses {main} ones",
                              replace(at, at + 1, right))


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
        found = _double_quotes(ctx)
        marks = [text[at] for at in found]
        main = _main_kind(marks)
        for at, mark in zip(found, marks):
            if _KIND[mark] != main:
                fix = replace(at, at + 1, '"') if main == "straight" else None
                yield Finding(at, at + 1, f"{_KIND[mark]} quotation mark {mark}; this document uses {main} ones", fix)


@register
class UnpairedQuote(Rule):
    """A quotation mark is opened and never closed, or closed and never opened.

    A quotation opened inside a paragraph closes in that paragraph; one that
    opens a paragraph may run over several (reopening each with a quotation
    mark or not), as long quotations of statements do. A quotation still
    open where a document stops mid-sentence is not reported (the page was
    cut) unless it opened inside a sentence that ended before the cut.
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
        for at in _double_quotes(ctx):
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
        if opened is not None and not (ctx.ends_open and _in_last_paragraph(ctx, opened)
                                       and not _sentence_ends_after(text, opened)):
            yield Finding(opened, opened + 1, f"quotation mark {text[opened]} is never closed")


def _sentence_ends_after(text: str, at: int) -> bool:
    """A quotation opened inside a sentence, and a finished sentence after it: it should have closed there."""
    end = text.find("\n", at)
    end = end if end != -1 else len(text)
    return not _starts_paragraph(text, at) and SENTENCE_BREAK.search(text, at, end) is not None


def _in_last_paragraph(ctx, at: int) -> bool:
    """Whether ``at`` is in the last paragraph (or in a quotation opening a paragraph and running to it)."""
    last = ctx.last_content
    return last is not None and (at >= last.start or _starts_paragraph(ctx.prose, at))


def _double_quotes(ctx) -> list[int]:
    """Sorted offsets of the double quotation marks of the prose, straight or curly: for TY002 and TY003."""
    return ctx.shared("typography.double-quotes", _find_double_quotes)


def _find_double_quotes(ctx) -> list[int]:
    return char_positions(ctx.prose, _DOUBLE_QUOTES)


def char_positions(text: str, chars: str) -> list[int]:
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
