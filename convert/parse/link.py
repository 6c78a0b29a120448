"""Footnote references to definitions: each resolving marker gets its target id."""

from __future__ import annotations

from dataclasses import replace

from ..model import Document, Mark


def _linked(marks: tuple[Mark, ...], targets: dict[str, str]) -> tuple[Mark, ...]:
    if not any(m.kind == "footnote-ref" for m in marks):
        return marks
    return tuple(
        replace(m, target=targets.get(m.marker)) if m.kind == "footnote-ref" else m for m in marks
    )


def link_footnotes(doc: Document) -> Document:
    """Set ``Mark.target`` on every reference whose marker has a definition."""
    targets: dict[str, str] = {}
    for note in doc.footnotes:
        targets.setdefault(note.marker, note.id)
    if not targets:
        return doc
    sections = tuple(
        replace(
            section,
            marks=_linked(section.marks, targets),
            paragraphs=tuple(
                replace(
                    p,
                    marks=_linked(p.marks, targets),
                    items=tuple(replace(i, marks=_linked(i.marks, targets)) for i in p.items),
                )
                for p in section.paragraphs
            ),
        )
        for section in doc.sections
    )
    lead = replace(doc.lead, marks=_linked(doc.lead.marks, targets)) if doc.lead else None
    return replace(doc, sections=sections, lead=lead)
