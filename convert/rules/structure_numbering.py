"""Numbering of sections ``1.``, paragraphs ``(1)`` and items ``(a)``: gaps, repeats, run-ins.

Each list is checked on its own: sections through the document, numbered
paragraphs within their section, items within their paragraph. A number
printed deeper in the line than its predecessor opens a nested list (web
pages indent an ordered list inside ``1.``), and a list may restart at 1 or
(a) at any point: a press conference numbers each answer's points afresh.

What is left is reported once per slip: a number that skips (``(1)``,
``(3)``) or goes back, one that repeats (``(2)``, ``(2)``), and, when the
missing number stands inside the text before after a full stop (``... as
follows. (2) Both sides ...``), a run-in: a line break was lost. One wrong
number between two right ones (``(1)``, ``(4)``, ``(3)``) is one finding,
not two.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import regex
from ..parse.patterns import ends_like_heading
from ..record import Record
from .base import Finding, Rule, register

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}
_ROMAN_UPPER = {v: k.upper() for k, v in _ROMAN.items()}
_ROMAN_LOWER = {v: k for k, v in _ROMAN.items()}
_TOKEN = regex.compile(r"^(\()?([0-9]{1,2}|[a-z]|[ivx]{1,4}|[IVX]{1,4})([.)])?$")
_BLANKS = " \t\u3000\xa0"
_LONGEST_HEADING = 80  # characters of an unnumbered heading between two lists


class Number:
    """One printed number: where it stands, the shape of its list, its value, and the text it opens.

    A plain class with slots: a dataclass costs a millisecond of start-up to build.
    """

    __slots__ = ("text", "start", "column", "shape", "value", "end")

    def __init__(self, text: str, start: int, column: int, shape: str, value: int) -> None:
        self.text = text  # as printed: "(2)"
        self.start = start  # offset of the number in the document text
        self.column = column  # 1-based column of the line's first character
        self.shape = shape  # "(#)", "#.", "#)" or "#" and the family: "(#)1", "(#)a", "(#)i", "#.I"
        self.value = value
        self.end = start  # where its text ends: the next number of its list, or the end of its scope


@lru_cache(maxsize=512)
def _value(token: str, family_hint: str | None) -> tuple[str, int] | None:
    match = _TOKEN.match(token)
    if match is None:
        return None
    opened, core, closed = match.groups()
    if opened and closed != ")":
        return None
    form = ("(" if opened else "") + "#" + (closed or "")
    if core.isdigit():
        return form + "1", int(core)
    if core.isupper():
        return (form + "I", _ROMAN[core.lower()]) if core.lower() in _ROMAN else None
    # "(i)" after "(h)" is a letter; "(i)" opening a list, or after "(iii)", is a roman numeral.
    if core in _ROMAN and (len(core) > 1 or family_hint == "i" or (family_hint is None and core == "i")):
        return form + "i", _ROMAN[core]
    return (form + "a", ord(core) - 96) if len(core) == 1 else None


@lru_cache(maxsize=512)  # every list asks for the next number at its end: the same few pairs recur
def printed(shape: str, value: int) -> str:
    """The token a list of ``shape`` prints for ``value``: ("(#)a", 3) -> "(c)"."""
    family = shape[-1]
    core = {"1": str(value), "a": chr(96 + value) if 0 < value < 27 else "?",
            "i": _ROMAN_LOWER.get(value, "?"), "I": _ROMAN_UPPER.get(value, "?")}[family]
    return shape[:-1].replace("#", core)


def lists(ctx) -> list[list[Number]]:
    """The document's numbered lists, each in order: sections, then paragraphs and items per scope."""
    return ctx.shared("numbering.lists", _lists)


def _lists(ctx) -> list[list[Number]]:
    # The walk gathers (printed number, offset of its line) for each list; _numbers reads a whole
    # list in one call: a call per number cost more than the reading.
    text = ctx.text
    sections: list[tuple[str, int]] = []
    scoped: list[list[Number]] = []
    for section in ctx.doc.sections:
        span = section.span
        if span and section.number:
            sections.append((section.number, span.start))
        body = section.paragraphs
        numbered = []
        for p in body:
            if p.number and p.kind != "bullet":
                numbered.append((p.number, p.span.start))
            if p.items:
                items = _numbers(text, [(item.number, item.span.start) for item in p.items if item.number],
                                 p.items[-1].span.end)
                if items:
                    scoped.append(items)
        if numbered:  # the scope of the paragraphs ends where the section's last paragraph (or item) does
            last = body[-1]
            found = _numbers(text, numbered, last.items[-1].span.end if last.items else last.span.end)
            if found:
                scoped.append(found)
    if sections:
        found = _numbers(text, sections, len(text))
        if found:
            scoped.insert(0, found)
    return scoped


def _numbers(text: str, printed_at: list[tuple[str, int]], end: int) -> list[Number]:
    """The list of the tokens that are numbers and start their line (past its indent).

    Each number's text runs to the next number of the list, the last one's to ``end``, the end of its scope.
    """
    seq: list[Number] = []
    hint = None  # the family of the number before: "(i)" after "(h)" is a letter
    for token, anchor in printed_at:
        parsed = _value(token, hint)
        if parsed is None:
            continue
        if anchor == 0 or text[anchor - 1] == "\n":  # half the numbers open their line: no search back
            begin = first = anchor
        else:
            begin = text.rfind("\n", 0, anchor) + 1
            first = anchor - len(text[begin:anchor].lstrip(_BLANKS))  # past the indent, never past the anchor
        if text.startswith(token, first):
            if seq:
                seq[-1].end = first
            shape, value = parsed
            seq.append(Number(token, first, first - begin + 1, shape, value))
            hint = shape[-1]
    if seq:
        seq[-1].end = max(end, seq[-1].start)
    return seq


def _levels(sequence: list[Number]) -> list[list[Number]]:
    """Split one list into its levels: a number printed deeper, or in another shape, opens a nested list."""
    column, shape = sequence[0].column, sequence[0].shape
    for n in sequence:
        if n.column != column or n.shape != shape:
            break
    else:
        return [sequence]  # the common case, one flat list: the walk below would keep it whole
    levels: list[list[Number]] = []
    open_: list[list[Number]] = []  # the levels still open, outermost first
    for n in sequence:
        while open_ and open_[-1][-1].column > n.column:
            open_.pop()
        same = next((lv for lv in reversed(open_) if lv[-1].column == n.column and lv[-1].shape == n.shape), None)
        if same is None:
            same = []
            levels.append(same)
            open_.append(same)
        else:
            del open_[open_.index(same) + 1:]
        same.append(n)
    return levels


class Slip(Record):
    number: Number  # the number reported (for a run-in: the one whose text holds it)
    kind: str  # "gap", "back", "repeat", "run-in"
    expected: int
    before: Number | None = None
    at: int = -1  # a run-in's offset in the document


def _run_in(text: str, n: Number, value: int) -> int:
    """Offset of the number ``value`` run into the text of ``n`` after a sentence, or -1."""
    plain = printed(n.shape, value)
    if text.find(plain, n.start + len(n.text), n.end) < 0:  # a C-speed look first: a run-in is rare
        return -1
    pattern = regex.compile(r"[.:;!?][\"”’)]?[ \t\xa0]+(" + re.escape(plain) + r")\s*(?=[A-Z\"“‘])")
    match = pattern.search(text, n.start + len(n.text), n.end)
    return match.start(1) if match else -1


def slips(ctx) -> list[Slip]:
    return ctx.shared("numbering.slips", _slips)


def _slips(ctx) -> list[Slip]:
    found: list[Slip] = []
    text = ctx.text
    for sequence in lists(ctx):
        for level in _levels(sequence):
            found.extend(_judge(text, level))
    return found


def _judge(text: str, level: list[Number]) -> list[Slip]:
    found: list[Slip] = []
    value = level[0].value  # the value the previous number should have had
    for i in range(1, len(level)):
        n = level[i]
        expected = value + 1
        if n.value == expected or (n.value == 1 and value != 1):
            value = n.value
            continue
        prev = level[i - 1]
        after = level[i + 1].value if i + 1 < len(level) else None
        # The number after a run-in follows it, or restarts the list: "(1) ... (2) ...", then "(1)".
        at = _run_in(text, prev, expected) if n.value in (expected + 1, 1) else -1
        if at >= 0:
            found.append(Slip(prev, "run-in", expected, prev, at))
            value = n.value
            continue
        if n.value == 1 and _under_heading(text, prev, n):
            continue  # a list of one, then another list
        kind = "repeat" if n.value == value else "gap" if n.value > expected else "back"
        found.append(Slip(n, kind, expected, prev))
        # One wrong number between two right ones: the next is judged against what this one should be.
        value = expected if after == expected + 1 else n.value
    last = level[-1]
    at = _run_in(text, last, value + 1)
    if at >= 0:
        found.append(Slip(last, "run-in", value + 1, last, at))
    return found


def _under_heading(text: str, prev: Number, n: Number) -> bool:
    """A heading stands between ``prev``'s text and ``n``: a list of one, then another list ("(1)", "Economy", "(1)")."""
    before = text[prev.start:n.start].rstrip(_BLANKS + "\n")  # prev's text runs up to n
    cut = before.rfind("\n")
    line = before[cut + 1:].strip(_BLANKS)
    return cut >= 0 and 0 < len(line) <= _LONGEST_HEADING and line[0].isupper() and ends_like_heading(line)


def _span(n: Number) -> tuple[int, int]:
    return n.start, n.start + len(n.text)


@register
class NumberingGap(Rule):
    """A numbered list skips a number, or goes back to an earlier one.

    Sections ``1.``, numbered paragraphs ``(1)`` and items ``(a)`` count up
    by one. A list may restart at 1 or (a); a nested list may be printed
    deeper in the line; anything else is a lost or misnumbered paragraph.
    """

    code = "ST005"
    name = "numbering-gap"
    summary = "a numbered list skips a number or goes back"
    bad = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met.\n(3) They agreed.\n"
    good = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met.\n(2) They agreed.\n"

    def check(self, ctx):
        for slip in slips(ctx):
            if slip.kind in ("gap", "back"):
                n = slip.number
                what = "skips from" if slip.kind == "gap" else "goes back from"
                yield Finding(*_span(n), f"numbering {what} {slip.before.text} to {n.text}"
                                         f" (expected {printed(n.shape, slip.expected)})")


@register
class NumberingRepeat(Rule):
    """The same number twice in a row in one list: ``(2)`` then ``(2)``."""

    code = "ST006"
    name = "numbering-repeat"
    summary = "a numbered list repeats a number"
    bad = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met.\n(1) They agreed.\n"
    good = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met.\n(2) They agreed.\n"

    def check(self, ctx):
        for slip in slips(ctx):
            if slip.kind == "repeat":
                n = slip.number
                yield Finding(*_span(n), f"number {n.text} repeats the one before it"
                                         f" (expected {printed(n.shape, slip.expected)})")


@register
class NumberingRunIn(Rule):
    """A numbered paragraph is run into the one before it: a line break was lost.

    ``(1) ... as follows. (2) Both sides ...``: the ``(2)`` should start a
    line of its own. Reported when the list lacks that number and it stands
    after a sentence, before a capital letter, in the text before.
    """

    code = "ST007"
    name = "numbering-run-in"
    summary = "a numbered paragraph runs into the previous one"
    bad = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met. (2) They talked.\n(3) They agreed.\n"
    good = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met.\n(2) They talked.\n(3) They agreed.\n"

    def check(self, ctx):
        for slip in slips(ctx):
            if slip.kind == "run-in":
                token = printed(slip.number.shape, slip.expected)
                yield Finding(slip.at, slip.at + len(token),
                              f"{token} runs into {slip.number.text}: start it on a line of its own")
