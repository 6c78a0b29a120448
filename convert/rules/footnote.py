"""Footnotes: markers in the text (``(IP4)(*1)``) and their definitions (``(*1) ITPP: ...``).

Every marker needs a definition, every definition a marker; a marker stands
right after the term its definition explains, and markers are numbered in
the order they first appear. A document cut short (ST008) may have lost its
definitions, so missing ones are not reported there.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import regex
from ..problem import Edit, Fix
from ..record import Record
from .base import Finding, Rule, register

_WINDOW = 80  # characters before a marker searched for its term
_NON_WORD = regex.compile(r"[^\w]+")


class Ref(Record):
    marker: str  # "*1"
    term: str | None  # the term just before it, as the parser read it
    target: str | None  # footnote id, None when undefined
    start: int  # absolute offsets of "(*1)"
    end: int
    before: str  # the text just before the marker, in its block


def refs(ctx) -> list[Ref]:
    """Every footnote reference in the document, in order (computed once per document)."""
    return ctx.shared("footnote-refs", _refs)


def _refs(ctx) -> list[Ref]:
    found = []
    for block in ctx.blocks:
        for mark in block.marks:
            if mark.kind == "footnote-ref":
                found.append(Ref(mark.marker, mark.term, mark.target, block.start + mark.start,
                                 block.start + mark.end, block.text[max(0, mark.start - _WINDOW):mark.start]))
    return found


def _norm(text: str | None) -> str:
    return _NON_WORD.sub(" ", text or "").strip().casefold()


def _number(marker: str) -> int:
    digits = marker.lstrip("*※")
    return int(digits) if digits.isdigit() else 0


@register
class UndefinedMarker(Rule):
    """A footnote marker in the text has no definition.

    ``ITPP(*3)`` with no ``(*3) ...`` line anywhere in the document. Not
    reported in a document that was cut short, whose definitions may have
    been lost with its end.
    """

    code = "FN001"
    name = "undefined-marker"
    summary = "footnote marker without a definition"
    bad = ("Japan-NATO Meeting\n\nJuly 11, 2024\n"
           "Both sides affirmed further cooperation based on the ITPP(*1) and on the Partners Session.\n")
    good = ("Japan-NATO Meeting\n\nJuly 11, 2024\n"
            "Both sides affirmed further cooperation based on the ITPP(*1) and on the Partners Session.\n"
            "(*1) ITPP: Individually Tailored Partnership Programme\n")

    def check(self, ctx):
        if ctx.truncated:
            return
        for ref in refs(ctx):
            if ref.target is None:
                yield Finding(ref.start, ref.end, f"footnote marker ({ref.marker}) has no definition")


@register
class UnreferencedDefinition(Rule):
    """A footnote definition is never referenced by a marker in the text."""

    code = "FN002"
    name = "unreferenced-definition"
    summary = "footnote definition never referenced"
    bad = ("Japan-NATO Meeting\n\nJuly 11, 2024\n"
           "Both sides affirmed further cooperation based on the ITPP and on the Partners Session.\n"
           "(*1) ITPP: Individually Tailored Partnership Programme\n")
    good = ("Japan-NATO Meeting\n\nJuly 11, 2024\n"
            "Both sides affirmed further cooperation based on the ITPP(*1) and on the Partners Session.\n"
            "(*1) ITPP: Individually Tailored Partnership Programme\n")

    def check(self, ctx):
        used = {ref.marker for ref in refs(ctx)}
        for note in ctx.doc.footnotes:
            if note.marker not in used:
                label_at = ctx.text.rfind(note.label, max(0, note.span.start - len(note.label) - 4), note.span.start)
                start = label_at if label_at >= 0 else note.span.start
                yield Finding(start, note.span.end, f"footnote {note.label} is never referenced in the text")


def _matches(ref: Ref, term: str | None, terms: frozenset[str] = frozenset()) -> bool:
    """Whether ``term`` (a definition's) is what the marker follows.

    The term the parser saw just before the marker decides when it is one of
    the defined terms; otherwise the definition's term may stand a few words
    earlier ("the ITPP framework(*1)").
    """
    key = _norm(term)
    if not key:
        return False
    own = _norm(ref.term)
    before = _norm(ref.before)
    if own == key or before.endswith(key):
        return True
    if own in terms:
        return False  # the marker follows another defined term
    return key in before[-len(key) - 24:]


def mismatches(ctx) -> list[tuple[Ref, object, object | None]]:
    """(reference, its footnote, the footnote whose term it follows) for markers on a foreign term."""
    notes = {n.id: n for n in ctx.doc.footnotes}
    by_term = {}
    for note in ctx.doc.footnotes:
        if note.term:
            by_term.setdefault(_norm(note.term), note)
    terms = frozenset(by_term)
    found = []
    for ref in refs(ctx):
        note = notes.get(ref.target) if ref.target else None
        if note is None or not note.term or _matches(ref, note.term, terms):
            continue
        other = next((n for n in by_term.values() if n is not note and _matches(ref, n.term, terms)), None)
        if other is not None or _looks_like_term(ref.term):
            found.append((ref, note, other))
    return found


def _looks_like_term(term: str | None) -> bool:
    """An acronym such as IP4 or ITPP: a term that a definition would name exactly."""
    return bool(term) and len(term) <= 12 and term.replace("-", "").isalnum() and term.upper() == term


def swap_fix(ctx, found) -> Fix | None:
    """Rewrite the definitions so each marker defines the term it follows, when that is a permutation."""
    wanted = {}  # footnote -> the footnote whose text it should carry
    for ref, note, other in found:
        if other is None or wanted.get(note.id, other) is not other:
            return None
        wanted[note.id] = other
    notes = {n.id: n for n in ctx.doc.footnotes}
    sources = [o.id for o in wanted.values()]
    if sorted(sources) != sorted(wanted) or len(set(sources)) != len(sources):
        return None  # not a permutation of the same definitions
    edits = tuple(sorted(Edit(notes[i].span.start, notes[i].span.end, wanted[i].text) for i in wanted))
    return Fix(edits, "safe")


@register
class MarkerTermMismatch(Rule):
    """A footnote marker follows a term other than the one its definition explains.

    ``(IP4)(*1)`` while ``(*1) ITPP: ...`` defines ITPP: the markers were
    swapped. When every mismatched marker follows the term of another
    definition and the mismatches form a permutation, the fix rewrites the
    definitions so that each marker defines the term it follows (markers
    keep their order in the text).
    """

    code = "FN003"
    name = "marker-term-mismatch"
    summary = "footnote marker attached to the wrong term"
    bad = ("Japan-NATO Meeting\n\nJuly 11, 2024\n"
           "Both sides welcomed cooperation with the Indo-Pacific partners (IP4)(*1) based on the ITPP(*2).\n"
           "(*1) ITPP: Individually Tailored Partnership Programme\n(*2) IP4: Indo-Pacific Partners\n")
    good = ("Japan-NATO Meeting\n\nJuly 11, 2024\n"
            "Both sides welcomed cooperation with the Indo-Pacific partners (IP4)(*1) based on the ITPP(*2).\n"
            "(*1) IP4: Indo-Pacific Partners\n(*2) ITPP: Individually Tailored Partnership Programme\n")
    fixed = good

    def check(self, ctx):
        if not ctx.doc.footnotes:
            return
        found = mismatches(ctx)
        fix = swap_fix(ctx, found) if found else None
        for ref, note, other in found:
            hint = f"; ({other.label.strip('()')}) defines {other.term}" if other is not None else ""
            yield Finding(ref.start, ref.end,
                          f"footnote ({ref.marker}) follows {ref.term!r} but defines {note.term!r}{hint}", fix)
            fix = None  # one fix for the whole permutation


@register
class MarkersOutOfOrder(Rule):
    """Footnote markers are not numbered in order of first appearance, or definitions are out of order.

    ``(*2)`` appears in the text before ``(*1)``, or the definition of
    ``(*2)`` stands before that of ``(*1)``.
    """

    code = "FN004"
    name = "markers-out-of-order"
    summary = "footnote markers out of order"
    bad = ("Japan-NATO Meeting\n\nJuly 11, 2024\n"
           "Both sides welcomed cooperation based on the ITPP(*2) with the Indo-Pacific partners (IP4)(*1).\n"
           "(*1) IP4: Indo-Pacific Partners\n(*2) ITPP: Individually Tailored Partnership Programme\n")
    good = ("Japan-NATO Meeting\n\nJuly 11, 2024\n"
            "Both sides welcomed cooperation based on the ITPP(*1) with the Indo-Pacific partners (IP4)(*2).\n"
            "(*1) ITPP: Individually Tailored Partnership Programme\n(*2) IP4: Indo-Pacific Partners\n")

    def check(self, ctx):
        yield from _first_use_order(refs(ctx))
        yield from _definition_order(ctx)


def _first_use_order(found: list[Ref]) -> Iterator[Finding]:
    seen: set[str] = set()
    highest = 0
    for ref in found:
        if ref.marker in seen:
            continue
        seen.add(ref.marker)
        number = _number(ref.marker)
        if number < highest:
            yield Finding(ref.start, ref.end, f"footnote marker ({ref.marker}) first appears after (*{highest})")
        highest = max(highest, number)


def _definition_order(ctx) -> Iterator[Finding]:
    highest = 0
    for note in ctx.doc.footnotes:
        number = _number(note.marker)
        if number < highest:
            yield Finding(note.span.start, note.span.end, f"footnote {note.label} is defined after (*{highest})")
        highest = max(highest, number)
