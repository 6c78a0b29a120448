"""Lines to document: the header zone, the body's sections, and the footer.

Every non-blank line becomes exactly one block, so no text is ever lost;
a line whose shape is unknown becomes a plain paragraph.
"""

from __future__ import annotations

import re

from .. import regex
from ..model import (
    SCHEMA_VERSION, DateLine, Document, Footnote, Item, Lead, Paragraph, Residue, Section, Source, Span, Title,
    TranslationMarker,
)
from ..record import new_record
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
# The characters a line (stripped, so never white space first) must start with for a line pattern to
# match it. A failing match still costs a call into the engine; asking the first character spares
# most lines of prose the patterns they cannot match. \d also matches other scripts' digits, hence
# str.isdecimal beside the ASCII ones where a pattern starts with it.
_NUMBERED_START = frozenset("(IVX")  # SECTION or PARAGRAPH, besides a digit
_SECTION_START = frozenset("0123456789IVX")  # in the body, where only ASCII digits get this far
_PARAGRAPH_START = frozenset("(0123456789")
_ITEM_START = frozenset("(abcdefghijklmnopqrstuvwxyz")
_FOOTNOTE_START = frozenset("(*※")
_TRANSLATION_START = frozenset("[(*tTpP")
_SUBHEADING_START = frozenset("[(<【")
_BULLET_START = frozenset("•・●◆■□○◎▪-")
_QUOTE_START = frozenset("\"“‘'")  # QUOTE_OPEN, which looks at the first character only
_DATE_START = frozenset("D(MTWFSJAOND")  # "Date:", "(", a weekday or month; besides a digit
# First characters of the lines a numbering or footnote pattern can match.
_STRUCTURAL_START = _SECTION_START | _PARAGRAPH_START | _ITEM_START | _FOOTNOTE_START
_HEADER_LIMIT = 12  # non-blank lines searched for the title, date line and marker
_LONG_LINE = 160  # longer lines after the date line are body text
_LONG_TITLE = 300  # the longest line taken as a title before the date line


# A non-blank line, stripped, and its span: a plain pair, since a record for each line cost as much
# again as its span.
Line = tuple[str, Span]


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their spans; ``text`` has ``\\n`` newlines only."""
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(_BLANK)
        if stripped:
            lead = 0 if stripped is raw else raw.index(stripped[0])  # most lines have nothing to strip
            start = offset + lead
            size = len(stripped)
            lines.append((stripped, new_record(Span, (start, start + size, number, lead + 1, number, lead + 1 + size))))
        offset += len(raw) + 1
    return lines


def _numbered(text: str) -> bool:
    """SECTION or PARAGRAPH matches ``text`` (a line)."""
    first = text[0]
    if first not in _NUMBERED_START and not first.isdecimal():
        return False
    return bool(P.SECTION.match(text) or P.PARAGRAPH.match(text))


def _is_body(text: str) -> bool:
    return _numbered(text) or text.startswith("On ")


def _header_residue(lines: list[Line], i: int) -> str | None:
    """Residue kind of a header line; a line just above a caption is one too."""
    text = lines[i][0]
    kind = P.residue_kind(text)
    if kind in _HEADER_RESIDUE:
        return kind
    if i + 1 < len(lines) and P.residue_kind(lines[i + 1][0]) == "caption" and not P.is_sentence(text):
        return "caption"
    return None


def _is_title_candidate(text: str) -> bool:
    return len(text) <= _LONG_LINE and not _numbered(text)


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
        text, span = line
        first = text[0]
        if head.translation is None and first in _TRANSLATION_START and P.TRANSLATION.match(text):
            head.translation = new_record(TranslationMarker, (text, span))
        elif (head.date_line is None and (first in _DATE_START or first.isdecimal())
              and (m := P.DATE_LINE.match(text))):
            head.date_line = new_record(DateLine, (text, P.parse_date(m), span))
        elif (kind := _header_residue(lines, i)) and (head.title is None or kind != "site-label"):
            head.header.append(new_record(Residue, (kind, text, span)))
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
    text, span = line
    match = _QUALIFIER.search(text)
    qualifier = match.group("q") if match else None
    return new_record(Title, (text, qualifier, span))


def _footer_start(lines: list[Line], start: int) -> int:
    """Index of the first line of the trailing run of footer residue."""
    first = len(lines)
    for i in range(len(lines) - 1, start - 1, -1):
        text = lines[i][0]
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
                new_record(Section, (self.number, self.heading, self.span, tuple(self.paragraphs), self.heading_marks))
            )
        self.number = self.heading = self.span = None
        self.heading_marks = ()
        self.paragraphs = []

    def open_section(self, number: str, text: str, line: Line) -> None:
        self.close()
        line_text, line_span = line
        self.number, self.span = number, line_span
        if not text or _is_heading(text):
            self.heading = text
            self.heading_marks = find_marks(text)
        else:
            body_span = _sub_span(line_span, len(line_text) - len(text))
            self.paragraphs.append(new_record(Paragraph, ("text", None, text, body_span, find_marks(text), (), None)))

    def add(self, paragraph: Paragraph) -> None:
        if self.items:
            self._attach_items()
        self.paragraphs.append(paragraph)

    def add_item(self, item: Item) -> None:
        if self.paragraphs and self.paragraphs[-1].kind in ("text", "quote", "bullet", "subheading"):
            self.items.append(item)
        else:
            self._attach_items()
            self.paragraphs.append(new_record(Paragraph, ("text", item.number, item.text, item.span, item.marks, (), None)))


def _sub_span(span: Span, skip: int) -> Span:
    start, end, line, column, end_line, end_column = span
    return new_record(Span, (start + skip, end, line, column + skip, end_line, end_column))


def _is_heading(text: str) -> bool:
    return 0 < len(text) <= 100 and P.ends_like_heading(text) and len(text.split()) <= 14


def _body_paragraph(line: Line) -> Paragraph:
    text, span = line
    first = text[0]
    if (kind := P.residue_kind(text)) is not None and kind not in ("breadcrumb", "site-label"):
        return new_record(Paragraph, ("residue", None, text, span, (), (), kind))
    if first in _TRANSLATION_START and P.TRANSLATION.match(text):
        return new_record(Paragraph, ("residue", None, text, span, (), (), "translation-note"))
    if first in _SUBHEADING_START and P.SUBHEADING.match(text):
        return new_record(Paragraph, ("subheading", None, text, span, find_marks(text), (), None))
    if first in _BULLET_START and (m := P.BULLET.match(text)):
        rest = m.group("text")
        return new_record(Paragraph, ("bullet", m.group("number"), rest, _sub_span(span, len(text) - len(rest)),
                                       find_marks(rest), (), None))
    kind = "quote" if first in _QUOTE_START else "text"
    return new_record(Paragraph, (kind, None, text, span, find_marks(text), (), None))


def _footnote(match: re.Match[str], line: Line, index: int) -> Footnote:
    label = match.group("label")
    marker = "*" + (match.group("marker") or match.group("marker2"))
    text = match.group("text")
    term, sep, definition = text.partition(":")
    if sep and 0 < len(term.strip()) <= 60:
        term_value, definition_value = term.strip(), definition.strip() or None
    else:
        term_value, definition_value = None, text or None
    line_text, line_span = line
    return Footnote(f"fn{index}", marker, label, term_value, definition_value, text,
                    _sub_span(line_span, len(line_text) - len(text)))


def segment(text: str, source: Source, doc_id: str, read_lead=None) -> Document:
    """Build the document model of ``text`` (``\\n`` newlines)."""
    lines = split_lines(text)
    head = _read_head(lines)
    footer_at = _footer_start(lines, head.body_start)
    body = _Body()
    footnotes: list[Footnote] = []
    lead: Lead | None = None
    for text, span in head.extra:
        body.add(Paragraph("subheading", None, text, span, find_marks(text)))
    for index in range(head.body_start, footer_at):
        line = lines[index]
        text, span = line
        if index == head.body_start and lead is None and _is_lead(text):
            lead = _make_lead(line, head, read_lead)
            continue
        first = text[0]
        if first not in _STRUCTURAL_START:
            body.add(_body_paragraph(line))
        elif first in _FOOTNOTE_START and (m := P.FOOTNOTE.match(text)):
            footnotes.append(_footnote(m, line, len(footnotes) + 1))
        elif (first in _SECTION_START and (m := P.SECTION.match(text))
              and not (first in _TRANSLATION_START and P.TRANSLATION.match(text))):
            number = m.group("number") or m.group("bare")
            rest = m.group("text") if m.group("number") else m.group("btext")
            body.open_section(number, rest or "", line)
        elif first in _PARAGRAPH_START and (m := P.PARAGRAPH.match(text)):
            rest = m.group("text")
            body_span = _sub_span(span, len(text) - len(rest))
            body.add(new_record(Paragraph, ("text", m.group("number"), rest, body_span, find_marks(rest), (), None)))
        elif first in _ITEM_START and (m := P.ITEM.match(text)):
            rest = m.group("text")
            item = (m.group("number"), rest, _sub_span(span, len(text) - len(rest)), find_marks(rest))
            body.add_item(new_record(Item, item))
        else:
            body.add(_body_paragraph(line))
    body.close()
    footer = tuple(new_record(Residue, (P.residue_kind(text) or "other", text, span)) for text, span in lines[footer_at:])
    return new_record(Document, (
        doc_id,  # id
        source,
        tuple(head.header),
        head.title,
        head.date_line,
        head.translation,
        lead,
        tuple(body.sections),
        tuple(footnotes),
        footer,
        SCHEMA_VERSION,  # schema_version
    ))


def _is_lead(text: str) -> bool:
    if len(text) <= 40:  # asked first: it spares a short line the ten patterns
        return False
    first = text[0]
    if _numbered(text) or (first in _ITEM_START and P.ITEM.match(text)):
        return False
    if first in _FOOTNOTE_START and P.FOOTNOTE.match(text):
        return False
    if first in _SUBHEADING_START and P.SUBHEADING.match(text):
        return False
    if P.residue_kind(text) or (first in _TRANSLATION_START and P.TRANSLATION.match(text)):
        return False
    return not (first in _BULLET_START and P.BULLET.match(text)) and first not in _QUOTE_START


def _make_lead(line: Line, head: _Head, read_lead) -> Lead:
    text, span = line
    marks = find_marks(text)
    if read_lead is None:
        return new_record(Lead, (text, span, marks, None, (), (), ()))
    return read_lead(text, span, marks, head.date_line.value if head.date_line else None)
