"""Numbering of sections ``1.``, paragraphs ``(1)`` and items ``(a)``: gaps, repeats, run-ins.

Each list is checked on its own: sections through the document, numbered
paragraphs within their section, items within their paragraph. A number
printed deeper in the line than its predecessor opens a nested list (web
pages indent an ordered list inside ``1.``), and a list may restart at 1 or
(a) at any point: a press conference numbers each answer's points afresh.
What is left is reported: a number that skips (``(1)``, ``(3)``), one that
repeats (``(2)``, ``(2)``) and, when the skipped number stands inside the
previous paragraph after its last sentence, a run-in (``... as follows. (2)
Both sides ...``): a line break was lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import Finding, Rule, register

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15}
_TOKEN = re.compile(r"^(\()?([0-9]{1,2}|[a-z]|[ivx]{1,4}|[IVX]{1,4})([.)])?$")


@dataclass(slots=True)
class Number:
    """One printed number: where it stands, what list shape it belongs to, its value."""

    text: str  # as printed: "(2)"
    start: int  # offset of the number in the document text
    column: int  # 1-based column of the line's first character
    shape: str  # "(#)", "#.", "#)" or "#" and the family: "(#)1", "(#)a", "(#)i", "#.I"
    value: int
    body: str  # the text of the block the number opens (to find run-ins in it)
    body_end: int


def _value(token: str, family_hint: str | None) -> tuple[str, int] | None:
    match = _TOKEN.match(token)
    if match is None:
        return None
    opened, core, closed = match.groups()
    form = ("(" if opened else "") + "#" + (closed or "")
    if opened and closed != ")":
        return None
    if core.isdigit():
        return form + "1", int(core)
    if core.isupper():
        return (form + "I", _ROMAN[core.lower()]) if core.lower() in _ROMAN else None
    roman = core in _ROMAN and (len(core) > 1 or family_hint == "i" or (family_hint is None and core == "i"))
    if roman:
        return form + "i", _ROMAN[core]
    return (form + "a", ord(core) - 96) if len(core) == 1 else None


def _line_start(text: str, offset: int) -> tuple[int, int]:
    """Offset of the first printed character on ``offset``'s line, and its 1-based column."""
    begin = text.rfind("\n", 0, offset) + 1
    first = begin
    while first < offset and text[first] in " \t\u3000\xa0":
        first += 1
    return first, first - begin + 1


def _number(ctx, token: str, anchor: int, body: str, body_end: int, hint: str | None) -> Number | None:
    parsed = _value(token, hint)
    if parsed is None:
        return None
    first, column = _line_start(ctx.text, anchor)
    if not ctx.text.startswith(token, first):
        return None
    return Number(token, first, column, parsed[0], parsed[1], body, body_end)


def lists(ctx) -> list[list[Number]]:
    """The document's numbered lists, each in order: sections, then paragraphs and items per scope."""
    cached = ctx.__dict__.get("_numbered_lists")
    if cached is not None:
        return cached
    sections: list[Number] = []
    scoped: list[list[Number]] = []
    for section in ctx.doc.sections:
        if section.number and section.span is not None:
            body = section.heading or (section.paragraphs[0].text if section.paragraphs else "")
            n = _number(ctx, section.number, section.span.start, body, section.span.end, None)
            if n:
                sections.append(n)
        paragraphs: list[Number] = []
        for p in section.paragraphs:
            if p.number and p.kind != "bullet":
                hint = paragraphs[-1].shape[-1] if paragraphs else None
                n = _number(ctx, p.number, p.span.start, p.text, p.span.end, hint)
                if n:
                    paragraphs.append(n)
            items: list[Number] = []
            for item in p.items:
                if item.number:
                    hint = items[-1].shape[-1] if items else None
                    n = _number(ctx, item.number, item.span.start, item.text, item.span.end, hint)
                    if n:
                        items.append(n)
            scoped.append(items)
        scoped.append(paragraphs)
    result = [seq for seq in [sections, *scoped] if len(seq) > 1]
    ctx.__dict__["_numbered_lists"] = result
    return result


@dataclass(slots=True)
class Step:
    """Two consecutive numbers of one list level, and what is wrong between them."""

    before: Number
    after: Number
    kind: str  # "gap", "repeat", "back", "run-in"
    run_in: int = -1  # offset of the run-in number in the previous block, for "run-in"


def _run_in(prev: Number, missing: int) -> int:
    """Offset in the document of number ``missing`` run into ``prev``'s text after a sentence, or -1."""
    shape = prev.shape[:-1]
    family = prev.shape[-1]
    token = str(missing) if family == "1" else chr(96 + missing) if family == "a" else None
    if token is None:
        return -1
    printed = re.escape(shape.replace("#", token))
    match = None
    for match in re.finditer(r"(?:[.:;]\s*|\s)(" + printed + r")\s*(?=[A-Z\"“])", prev.body):
        pass
    if match is None:
        return -1
    return prev.body_end - len(prev.body) + match.start(1)


def steps(ctx) -> list[Step]:
    """Every irregular step in every list of the document."""
    cached = ctx.__dict__.get("_numbering_steps")
    if cached is not None:
        return cached
    found: list[Step] = []
    for sequence in lists(ctx):
        levels: list[tuple[int, str, Number]] = []  # (column, shape, last number) from outer to inner
        for n in sequence:
            while levels and levels[-1][0] > n.column:
                levels.pop()
            same = [i for i, (col, shape, _) in enumerate(levels) if col == n.column and shape == n.shape]
            if not same:
                levels.append((n.column, n.shape, n))
                continue
            i = same[-1]
            prev = levels[i][2]
            del levels[i + 1:]
            levels[i] = (n.column, n.shape, n)
            if n.value == prev.value:
                found.append(Step(prev, n, "repeat"))
            elif n.value == prev.value + 1 or n.value == 1:
                continue  # the next number, or a new list starting over
            elif n.value > prev.value + 1:
                at = _run_in(prev, prev.value + 1) if n.value == prev.value + 2 else -1
                found.append(Step(prev, n, "run-in" if at >= 0 else "gap", at))
            else:
                found.append(Step(prev, n, "back"))
    ctx.__dict__["_numbering_steps"] = found
    return found


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
        for step in steps(ctx):
            if step.kind in ("gap", "back"):
                n = step.after
                what = "skips from" if step.kind == "gap" else "goes back from"
                yield Finding(n.start, n.start + len(n.text), f"numbering {what} {step.before.text} to {n.text}")


@register
class NumberingRepeat(Rule):
    """The same number twice in a row in one list: ``(2)`` then ``(2)``."""

    code = "ST006"
    name = "numbering-repeat"
    summary = "a numbered list repeats a number"
    bad = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met.\n(1) They agreed.\n"
    good = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met.\n(2) They agreed.\n"

    def check(self, ctx):
        for step in steps(ctx):
            if step.kind == "repeat":
                n = step.after
                yield Finding(n.start, n.start + len(n.text), f"number {n.text} repeats the one before it")


@register
class NumberingRunIn(Rule):
    """A numbered paragraph is run into the one before it: a line break was lost.

    ``(1) ... as follows. (2) Both sides ...`` followed by ``(3)`` on its own
    line: the ``(2)`` should start a line of its own.
    """

    code = "ST007"
    name = "numbering-run-in"
    summary = "a numbered paragraph runs into the previous one"
    bad = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met. (2) They talked.\n(3) They agreed.\n"
    good = "Title\nMay 24, 2022\n1. Introduction\n(1) The leaders met.\n(2) They talked.\n(3) They agreed.\n"

    def check(self, ctx):
        for step in steps(ctx):
            if step.kind == "run-in":
                token = step.before.shape[:-1].replace(
                    "#", str(step.before.value + 1) if step.before.shape[-1] == "1" else chr(97 + step.before.value))
                yield Finding(step.run_in, step.run_in + len(token),
                              f"{token} runs into {step.before.text}: start it on a line of its own")
