"""The canonical document model shared by every stage.

Every block keeps its :class:`Span` in the decoded source text, so a
diagnostic can always point at a line and column. Inline annotations
(:class:`Mark`) keep offsets relative to their block's ``text``.

Rendering orders blocks by ``span.start``; that is what keeps footnote
definitions, captions and other residue where the source had them.
"""

from __future__ import annotations

from .record import Record


SCHEMA_VERSION = "1.0"
NAMESPACE = "urn:readout:document:1"


class Span(Record):
    """Character offsets ``[start, end)`` and 1-based line/column (end exclusive)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class Mark(Record):
    """An inline annotation over ``text[start:end]`` of the block that owns it.

    ``kind`` is ``footnote-ref`` (``marker``, ``term`` and, when the marker
    resolves, ``target`` = the footnote id) or ``link`` (web link residue such
    as ``( English (PDF/56KB ) / Japanese (PDF/97KB) )``).
    """

    kind: str
    start: int
    end: int
    marker: str | None = None
    term: str | None = None
    target: str | None = None


class Residue(Record):
    """Web residue that is not content: breadcrumbs, site labels, footer links."""

    kind: str
    text: str
    span: Span


class Title(Record):
    text: str
    qualifier: str | None
    span: Span


class DateLine(Record):
    text: str
    value: str | None  # ISO 8601 date
    span: Span


class TranslationMarker(Record):
    text: str
    span: Span


class Extent(Record):
    """Offsets ``[start, end)`` of a phrase inside its block's text."""

    start: int
    end: int


class Participant(Record):
    name: str  # as printed, honorific included: "H.E. Mr. Jens Stoltenberg"
    honorific: str | None
    given_name: str | None
    family_name: str | None
    role: str | None
    organisation: str | None
    extent: Extent


class Event(Record):
    kind: str  # "meeting", "working dinner", "telephone talk", ...
    date: str | None  # ISO date, local
    start_text: str | None  # as printed: "8:35 a.m."
    start: str | None  # ISO 8601 date-time with UTC offset, when derivable
    start_japan: str | None  # the same instant in Japan time (+09:00)
    japan_time_text: str | None  # as printed: "9:35 p.m. JST"
    utc_offset: str | None  # "+02:00"
    duration: str | None  # ISO 8601: "PT25M"
    duration_text: str | None  # as printed: "approximately 25 minutes"
    approximate: bool
    extent: Extent


class Item(Record):
    number: str | None  # as printed: "(a)"
    text: str
    span: Span
    marks: tuple[Mark, ...] = ()


class Paragraph(Record):
    """A body block. ``kind``: text, quote, subheading, bullet or residue.

    For ``residue`` paragraphs ``residue`` names what it is (caption, link...).
    """

    kind: str
    number: str | None
    text: str
    span: Span
    marks: tuple[Mark, ...] = ()
    items: tuple[Item, ...] = ()
    residue: str | None = None


class Section(Record):
    """A numbered section; ``number`` None for the unnumbered run of paragraphs.

    When ``number`` is set and ``heading`` is None the section is a numbered
    paragraph: its first paragraph stands on the numbered line.
    """

    number: str | None
    heading: str | None
    span: Span | None
    paragraphs: tuple[Paragraph, ...]
    marks: tuple[Mark, ...] = ()  # marks inside the heading


class Lead(Record):
    text: str
    span: Span
    marks: tuple[Mark, ...]
    date: str | None
    events: tuple[Event, ...]
    participants: tuple[Participant, ...]
    unresolved: tuple[str, ...]  # facts the reader saw but could not derive


class Footnote(Record):
    id: str  # "fn1": unique, in order of definition
    marker: str  # "*1"
    label: str  # as printed: "(*1)"
    term: str | None  # "ITPP"
    definition: str | None  # "Individually Tailored Partnership Programme"
    text: str  # everything after the label, as printed
    span: Span


class Source(Record):
    path: str
    sha256: str | None  # of the raw bytes; None in the model `check` builds, which is never serialized
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "lf"  # lf, crlf, cr or mixed


class Document(Record):
    id: str
    source: Source
    header: tuple[Residue, ...] = ()
    title: Title | None = None
    date_line: DateLine | None = None
    translation: TranslationMarker | None = None
    lead: Lead | None = None
    sections: tuple[Section, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    footer: tuple[Residue, ...] = ()
    schema_version: str = SCHEMA_VERSION

    @property
    def date(self) -> str | None:
        return self.date_line.value if self.date_line else None
