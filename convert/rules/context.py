"""What rules look at: the model, the text, configuration, and shared derived views.

Derived views (blocks with absolute offsets, word lists) are computed once per
document, on first use, so rules that share them do not pay twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ..model import Document, Mark


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of prose with its absolute start offset in the document text."""

    kind: str  # title, date, translation, lead, heading, paragraph, item, footnote, residue
    text: str
    start: int  # offset of text[0] in the document text
    marks: tuple[Mark, ...] = ()
    number: str | None = None
    residue: str | None = None  # kind of residue for header/footer/residue paragraphs

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_prose(self) -> bool:
        return self.kind in ("title", "lead", "heading", "paragraph", "item", "footnote")


class Context:
    def __init__(self, doc: Document, text: str, config=None) -> None:
        self.doc = doc
        self.text = text
        self.config = config

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(sorted(_blocks(self.doc), key=lambda b: b.start))

    def prose(self) -> Iterator[Block]:
        """Blocks of content, residue left out."""
        return (b for b in self.blocks if b.is_prose)

    def setting(self, name: str, default=None):
        """A configuration value, or ``default`` when there is no configuration."""
        if self.config is None:
            return default
        return getattr(self.config, name, default)


def _blocks(doc: Document) -> Iterator[Block]:
    for residue in doc.header:
        yield Block("residue", residue.text, residue.span.start, residue=residue.kind)
    if doc.title:
        yield Block("title", doc.title.text, doc.title.span.start)
    if doc.date_line:
        yield Block("date", doc.date_line.text, doc.date_line.span.start)
    if doc.translation:
        yield Block("translation", doc.translation.text, doc.translation.span.start)
    if doc.lead:
        yield Block("lead", doc.lead.text, doc.lead.span.start, doc.lead.marks)
    for section in doc.sections:
        if section.heading:
            start = section.span.end - len(section.heading)
            yield Block("heading", section.heading, start, section.marks, section.number)
        for p in section.paragraphs:
            kind = "residue" if p.kind == "residue" else "paragraph"
            yield Block(kind, p.text, p.span.start, p.marks, p.number, p.residue)
            for item in p.items:
                yield Block("item", item.text, item.span.start, item.marks, item.number)
    for note in doc.footnotes:
        yield Block("footnote", note.text, note.span.start, (), note.label)
    for residue in doc.footer:
        yield Block("residue", residue.text, residue.span.start, residue=residue.kind)
