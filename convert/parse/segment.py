"""Lines to document: the header zone, the body's sections, and the footer.

Every non-blank line becomes exactly one block, so no text is ever lost;
a line whose shape is unknown becomes a plain paragraph.
"""

from __future__ import annotations

import re

from .. import regex
from ..model import (
    DateLine, Document, Footnote, Item, Lead, Paragraph, Residue, Section, Source, Span, Title,
    TranslationMarker,
)
from ..record import Record
from . import patterns as P
from .inline import find_marks

# Every character Python calls white space, and the zero-width ones it does not.
_BLANK = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" "\u200b\u200c\u200d\u2060\ufeff"
)
# "(Summary)", "(Overview)", "(Sumarry)": one word, not an acronym such as "(PIF)".
_QUALIFIER = regex.compile(r"\((?P<q>[A-Z]?[a-z]{3,15})\)\s*$")
_HEADER_RESIDUE = ("skip-link", "breadcrumb", "site-label", "page-top", "language-link", "caption")
# First characters of the lines a numbering or footnote pattern can match.
_STRUCTURAL_START = frozenset("(0123456789IVX*※abcdefghijklmnopqrstuvwxyz")
_HEADER_LIMIT = 12  # non-blank lines searched for the title, date line and marker
_LONG_LINE = 160  # longer lines after the date line are body text
_LONG_TITLE = 300  # the longest line taken as a title before the date line


class Line(Record):
    text: str
    span: Span


# Records built straight from their tuples: a record's own __new__ is a Python function, and two of them
# for each line were a quarter of splitting a document into lines.
_new_record = tuple.__new__


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their spans; ``text`` has ``\\n`` newlines only."""
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(_BLANK)
        if stripped:
            lead = raw.index(stripped[0])
            start = offset + lead
            size = len(stripped)
            span = _new_record(Span, (start, start + size, number, lead + 1, number, lead + 1 + size))
            lines.append(_new_record(Line, (stripped, span)))
        offset += len(raw) + 1
    return lines


def _is_body(text: str) -> bool:
    return bool(P.SECTION.match(text) or P.PARAGRAPH.match(text) or text.startswith("On "))


def _header_residue(lines: list[Line], i: int) -> str | None:
    """Residue kind of a header line; a line just above a caption is one too."""
    kind = P.residue_kind(lines[i].text)
    if kind in _HEADER_RESIDUE:
        return kind
    if i + 1 < len(lines) and P.residue_kind(lines[i + 1].text) == "caption" and not P.is_sentence(lines[i].text):
        return "caption"
    return None


def _is_title_candidate(text: str) -> bool:
    return len(text) <= _LONG_LINE and not P.SECTION.match(text) and not P.PARAGRAPH.match(text)


class _Head:
    """What the head of a document holds, filled in as its lines are read."""

    __slots__ = ("header", "title", "date_line", "translation", "extra", "body_start")

    def __init__(self) -> None:
        self.header: list[Residue] = []
        self.title: Title | None = None
        self.date_line: DateLine | None = None
        self.translation: TranslationMarker | None = None
        self.extra: list[Line] = []  # title-zone lines that are none of these
        self.body_start = 0


def _read_head(lines: list[Line]) -> _Head:
    """Residue, title, date line and translation marker, in whatever order they come."""
    head = _Head()
    i = 0
    limit = min(len(lines), _HEADER_LIMIT)
    while i < limit:
        line = lines[i]
        text = line.text
        if head.translation is None and P.TRANSLATION.match(text):
            head.translation = TranslationMarker(text, line.span)
        elif head.date_line is None and (m := P.DATE_LINE.match(text)):
            head.date_line = DateLine(text, P.parse_date(m), line.span)
        elif (kind := _header_residue(lines, i)) and (head.title is None or kind != "site-label"):
            head.header.append(Residue(kind, text, line.span))
        elif head.title is None and head.date_line is None and len(text) <= _LONG_TITLE and not _is_body(text):
            head.title = _title(line)
        elif head.title is None and _is_title_candidate(text) and not P.is_sentence(text) and not text.startswith("On "):
            head.title = _title(line)
        elif head.date_line is None and head.translation is None and _is_title_candidate(text) and P.ends_like_heading(text):
            head.extra.append(line)
        elif head.date_line is None and head.title is not None and text == head.title.text:
            head.extra.append(line)  # the title printed twice, however long: the date line may follow
        else:
            break
        i += 1
    head.body_start = i
    _promote_label_as_title(head)
    return head


def _promote_label_as_title(head: _Head) -> None:
    """A MOFA page whose only heading is its site label has no title of its own."""
    if head.title is None:
        return
    if P.residue_kind(head.title.text) == "site-label" and not head.extra:
        head.header.append(Residue("site-label", head.title.text, head.title.span))
        head.header.sort(key=lambda r: r.span.start)
        head.title = None


def _title(line: Line) -> Title:
    match = _QUALIFIER.search(line.text)
    qualifier = match.group("q") if match else None
    return Title(line.text, qualifier, line.span)


def _footer_start(lines: list[Line], start: int) -> int:
    """Index of the first line of the trailing run of footer residue."""
    first = len(lines)
    for i in range(len(lines) - 1, start - 1, -1):
        text = lines[i].text
        kind = P.residue_kind(text)
        if kind in P.FOOTER_START:
            first = i
        elif kind is None and (len(text) > 120 or P.is_sentence(text)):
            break
    return first


class _Body:
    """Accumulates sections, paragraphs and items as lines arrive."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.number: str | None = None
        self.heading: str | None = None
        self.heading_marks: tuple = ()
        self.span: Span | None = None
        self.paragraphs: list[Paragraph] = []
        # Items of the last paragraph, attached when it is complete: growing its
        # tuple one item at a time made 60,000 items quadratic.
        self.items: list[Item] = []

    def _attach_items(self) -> None:
        if self.items:
            last = self.paragraphs[-1]
            self.paragraphs[-1] = last._replace(items=last.items + tuple(self.items))
            self.items = []

    def close(self) -> None:
        self._attach_items()
        if self.paragraphs or self.number is not None:
            self.sections.append(
                Section(self.number, self.heading, self.span, tuple(self.paragraphs), self.heading_marks)
            )
        self.number = self.heading = self.span = None
        self.heading_marks = ()
        self.paragraphs = []

    def open_section(self, number: str, text: str, line: Line) -> None:
        self.close()
        self.number, self.span = number, line.span
        if not text or _is_heading(text):
            self.heading = text
            self.heading_marks = find_marks(text)
        else:
            body_span = _sub_span(line.span, len(line.text) - len(text))
            self.paragraphs.append(Paragraph("text", None, text, body_span, find_marks(text)))

    def add(self, paragraph: Paragraph) -> None:
        self._attach_items()
        self.paragraphs.append(paragraph)

    def add_item(self, item: Item) -> None:
        if self.paragraphs and self.paragraphs[-1].kind in ("text", "quote", "bullet", "subheading"):
            self.items.append(item)
        else:
            self._attach_items()
            self.paragraphs.append(Paragraph("text", item.number, item.text, item.span, item.marks))


def _sub_span(span: Span, skip: int) -> Span:
    start, end, line, column, end_line, end_column = span
    return _new_record(Span, (start + skip, end, line, column + skip, end_line, end_column))


def _is_heading(text: str) -> bool:
    return 0 < len(text) <= 100 and P.ends_like_heading(text) and len(text.split()) <= 14


def _body_paragraph(line: Line) -> Paragraph:
    text = line.text
    if (kind := P.residue_kind(text)) is not None and kind not in ("breadcrumb", "site-label"):
        return Paragraph("residue", None, text, line.span, (), (), kind)
    if P.TRANSLATION.match(text):
        return Paragraph("residue", None, text, line.span, (), (), "translation-note")
    if P.SUBHEADING.match(text):
        return Paragraph("subheading", None, text, line.span, find_marks(text))
    if m := P.BULLET.match(text):
        rest = m.group("text")
        return Paragraph("bullet", m.group("number"), rest, _sub_span(line.span, len(text) - len(rest)), find_marks(rest))
    kind = "quote" if P.QUOTE_OPEN.match(text) else "text"
    return Paragraph(kind, None, text, line.span, find_marks(text))


def _footnote(match: re.Match[str], line: Line, index: int) -> Footnote:
    label = match.group("label")
    marker = "*" + (match.group("marker") or match.group("marker2"))
    text = match.group("text")
    term, sep, definition = text.partition(":")
    if sep and 0 < len(term.strip()) <= 60:
        term_value, definition_value = term.strip(), definition.strip() or None
    else:
        term_value, definition_value = None, text or None
    skip = len(line.text) - len(text)
    return Footnote(f"fn{index}", marker, label, term_value, definition_value, text, _sub_span(line.span, skip))


def segment(text: str, source: Source, doc_id: str, read_lead=None) -> Document:
    """Build the document model of ``text`` (``\\n`` newlines)."""
    lines = split_lines(text)
    head = _read_head(lines)
    footer_at = _footer_start(lines, head.body_start)
    body = _Body()
    footnotes: list[Footnote] = []
    lead: Lead | None = None
    for line in head.extra:
        body.add(Paragraph("subheading", None, line.text, line.span, find_marks(line.text)))
    for index in range(head.body_start, footer_at):
        line = lines[index]
        text = line.text
        if index == head.body_start and lead is None and _is_lead(text):
            lead = _make_lead(line, head, read_lead)
            continue
        if text[0] not in _STRUCTURAL_START:
            body.add(_body_paragraph(line))
        elif m := P.FOOTNOTE.match(text):
            footnotes.append(_footnote(m, line, len(footnotes) + 1))
        elif (m := P.SECTION.match(text)) and not P.TRANSLATION.match(text):
            number = m.group("number") or m.group("bare")
            rest = m.group("text") if m.group("number") else m.group("btext")
            body.open_section(number, rest or "", line)
        elif m := P.PARAGRAPH.match(text):
            rest = m.group("text")
            span = _sub_span(line.span, len(text) - len(rest))
            body.add(Paragraph("text", m.group("number"), rest, span, find_marks(rest)))
        elif m := P.ITEM.match(text):
            rest = m.group("text")
            body.add_item(Item(m.group("number"), rest, _sub_span(line.span, len(text) - len(rest)), find_marks(rest)))
        else:
            body.add(_body_paragraph(line))
    body.close()
    footer = tuple(Residue(P.residue_kind(l.text) or "other", l.text, l.span) for l in lines[footer_at:])
    return Document(
        id=doc_id,
        source=source,
        header=tuple(head.header),
        title=head.title,
        date_line=head.date_line,
        translation=head.translation,
        lead=lead,
        sections=tuple(body.sections),
        footnotes=tuple(footnotes),
        footer=footer,
    )


def _is_lead(text: str) -> bool:
    if len(text) <= 40:  # asked first: it spares a short line the ten patterns
        return False
    if P.SECTION.match(text) or P.PARAGRAPH.match(text) or P.ITEM.match(text) or P.FOOTNOTE.match(text):
        return False
    if P.SUBHEADING.match(text) or P.residue_kind(text) or P.TRANSLATION.match(text) or P.BULLET.match(text):
        return False
    return not P.QUOTE_OPEN.match(text)


def _make_lead(line: Line, head: _Head, read_lead) -> Lead:
    marks = find_marks(line.text)
    if read_lead is None:
        return Lead(line.text, line.span, marks, None, (), (), ())
    return read_lead(line.text, line.span, marks, head.date_line.value if head.date_line else None)
