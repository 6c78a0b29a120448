"""Model to normalized text: one block a line, blocks apart by a blank line.

Blocks come out in source order (by ``span.start``), so residue and footnote
definitions stay where the source had them; numbers are printed as stored.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Document, Section


def _numbered(number: str | None, text: str) -> str:
    if number is None:
        return text
    return f"{number} {text}" if text else number


def _section_start(section: Section) -> int:
    # The parser gives every numbered section a span; a canonical file from
    # elsewhere may not (the schemas allow it): place it at its first paragraph.
    if section.span is not None:
        return section.span.start
    return section.paragraphs[0].span.start if section.paragraphs else 0


def blocks(doc: Document) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` for every block of ``doc``, in no particular order."""
    for residue in doc.header:
        yield residue.span.start, residue.text
    for single in (doc.title, doc.date_line, doc.translation, doc.lead):
        if single is not None:
            yield single.span.start, single.text
    for section in doc.sections:
        paragraphs = section.paragraphs
        if section.number is not None:
            if section.heading is None and paragraphs:
                yield _section_start(section), _numbered(section.number, paragraphs[0].text)
                paragraphs = paragraphs[1:]
            else:
                yield _section_start(section), _numbered(section.number, section.heading or "")
        for paragraph in paragraphs:
            yield paragraph.span.start, _numbered(paragraph.number, paragraph.text)
            for item in paragraph.items:
                yield item.span.start, _numbered(item.number, item.text)
    for note in doc.footnotes:
        yield note.span.start, _numbered(note.label, note.text)
    for residue in doc.footer:
        yield residue.span.start, residue.text


def render(doc: Document) -> str:
    lines = [text for _, text in sorted(blocks(doc), key=lambda pair: pair[0])]
    return "\n\n".join(lines) + "\n" if lines else ""
