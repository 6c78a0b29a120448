"""Footnote references to definitions: each resolving marker gets its target id."""

from __future__ import annotations

from ..model import Document, Mark


def _linked(marks: tuple[Mark, ...], targets: dict[str, str]) -> tuple[Mark, ...]:
    if not any(m.kind == "footnote-ref" for m in marks):
        return marks
    return tuple(
        m._replace(target=targets.get(m.marker)) if m.kind == "footnote-ref" else m for m in marks
    )


def link_footnotes(doc: Document) -> Document:
    """Set ``Mark.target`` on every reference whose marker has a definition."""
    targets: dict[str, str] = {}
    for note in doc.footnotes:
        targets.setdefault(note.marker, note.id)
    if not targets:
        return doc
    sections = tuple(
        section._replace(
            marks=_linked(section.marks, targets),
            paragraphs=tuple(
                p._replace(
                    marks=_linked(p.marks, targets),
                    items=tuple(i._replace(marks=_linked(i.marks, targets)) for i in p.items),
                )
                for p in section.paragraphs
            ),
        )
        for section in doc.sections
    )
    lead = doc.lead._replace(marks=_linked(doc.lead.marks, targets)) if doc.lead else None
    return doc._replace(sections=sections, lead=lead)
