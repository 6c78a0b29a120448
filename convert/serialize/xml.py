"""Model to canonical XML and back.

Layout (schema/document.xsd documents every element):

    <document xmlns="urn:readout:document:1" schema-version="1.0" id="...">
      <source path sha256 encoding bom newline/>
      <header><residue kind span>text</residue>...</header>
      <title qualifier? span>text</title>
      <date-line value? span>text</date-line>
      <translation span>text</translation>
      <lead date? span><text>inline</text><event .../>*<participant .../>*<unresolved>text</unresolved>*</lead>
      <body>
        <section number? span?><heading>inline</heading>?
          <p kind number? residue? span>inline<item number? span>inline</item>*</p>*
        </section>*
      </body>
      <footnotes><footnote id marker label term? definition? span>text</footnote>*</footnotes>
      <footer><residue .../>*</footer>
    </document>

"inline" is mixed content: the block's text with each mark as ``<ref>`` (a
footnote reference) or ``<link>`` (link residue) around the characters it
covers, so mark offsets are implied by position and cannot point outside the
text. A None field is an absent attribute or element; "" is present and empty.
``span`` is "start end line column end-line end-column"; ``extent`` is "start end".

Bytes are deterministic: attributes in a fixed order, two-space indentation
only between elements that hold no text, never inside a block, so a block's
character content is its text. Characters XML 1.0 forbids are escaped as
described in :mod:`convert.xmlsafe`.
"""

from __future__ import annotations

from lxml import etree

from ..errors import SchemaError
from ..model import (
    NAMESPACE, DateLine, Document, Event, Extent, Footnote, Item, Lead, Mark, Paragraph, Participant, Residue,
    Section, Source, Span, Title, TranslationMarker,
)
from ..xmlsafe import (
    decode_attr, escape_attr, escape_attr_strict, escape_text, escape_text_strict, needs_strict, parse_untrusted,
)

_NAMES = ("document source header footer residue title date-line translation lead text event participant "
          "unresolved body section heading p item ref link c footnotes footnote").split()
T = {name: f"{{{NAMESPACE}}}{name}" for name in _NAMES}
_TAG_KIND = {T["ref"]: "footnote-ref", T["link"]: "link"}
_ITEM, _C, _P = T["item"], T["c"], T["p"]
_MARK_TAG = {"footnote-ref": "ref", "link": "link"}
_NL = tuple("\n" + "  " * depth for depth in range(4))
_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"

# --- model to XML ----------------------------------------------------------------------------------
# Written as text, not built with lxml: a tree costs about 1 us an element and 0.5 us an
# attribute before serializing, several times the cost of these f-strings. The bytes are
# exactly what lxml would write for the same tree (a test parses and re-serializes them).
# The fast pass leaves forbidden characters alone; the rare document that has one is
# written again by the strict pass.

_FAST = (escape_attr, escape_text)
_STRICT = (escape_attr_strict, escape_text_strict)


def _span(s: Span) -> str:
    return f"{s.start} {s.end} {s.line} {s.column} {s.end_line} {s.end_column}"


def _opt(name: str, value: str | None, attr) -> str:
    return "" if value is None else f' {name}="{attr(value)}"'


def _element(tag: str, attrs: str, content: str) -> str:
    return f"<{tag}{attrs}>{content}</{tag}>" if content else f"<{tag}{attrs}/>"


def _bad_mark(mark: Mark, span: Span | None) -> SchemaError:
    where = f" (block at line {span.line})" if span else ""
    return SchemaError(f"{mark.kind} mark [{mark.start}, {mark.end}) cannot be written as XML: marks must be "
                       f"known kinds, sorted, inside the text and not overlapping{where}")


def _inline(text: str, marks: tuple[Mark, ...], span: Span | None, esc) -> str:
    """``text`` as mixed content, each mark an element around the characters it covers."""
    attr, content = esc
    if not marks:
        return content(text)
    parts, pos = [], 0
    for mark in marks:
        if not pos <= mark.start <= mark.end <= len(text) or mark.kind not in _MARK_TAG:
            raise _bad_mark(mark, span)
        attrs = _opt("marker", mark.marker, attr) + _opt("term", mark.term, attr) + _opt("target", mark.target, attr)
        parts += (content(text[pos:mark.start]),
                  _element(_MARK_TAG[mark.kind], attrs, content(text[mark.start:mark.end])))
        pos = mark.end
    parts.append(content(text[pos:]))
    return "".join(parts)


def _residues(tag: str, residues: tuple[Residue, ...], esc) -> str:
    attr, content = esc
    rows = "".join(f'{_NL[2]}<residue kind="{attr(r.kind)}" span="{_span(r.span)}"'
                   + (f">{content(r.text)}</residue>" if r.text else "/>") for r in residues)
    return f"{_NL[1]}<{tag}>{rows}{_NL[1]}</{tag}>"


def _event(e: Event, attr) -> str:
    return (f'{_NL[2]}<event kind="{attr(e.kind)}"' + _opt("date", e.date, attr)
            + _opt("start-text", e.start_text, attr) + _opt("start", e.start, attr)
            + _opt("start-japan", e.start_japan, attr) + _opt("japan-time-text", e.japan_time_text, attr)
            + _opt("utc-offset", e.utc_offset, attr) + _opt("duration", e.duration, attr)
            + _opt("duration-text", e.duration_text, attr)
            + f' approximate="{"true" if e.approximate else "false"}" extent="{e.extent.start} {e.extent.end}"/>')


def _participant(p: Participant, attr) -> str:
    return (f'{_NL[2]}<participant name="{attr(p.name)}"' + _opt("honorific", p.honorific, attr)
            + _opt("given-name", p.given_name, attr) + _opt("family-name", p.family_name, attr)
            + _opt("role", p.role, attr) + _opt("organisation", p.organisation, attr)
            + f' extent="{p.extent.start} {p.extent.end}"/>')


def _lead(lead: Lead, esc) -> str:
    attr, content = esc
    parts = [f"{_NL[1]}<lead{_opt('date', lead.date, attr)} span=\"{_span(lead.span)}\">",
             _NL[2] + _element("text", "", _inline(lead.text, lead.marks, lead.span, esc))]
    parts += (_event(e, attr) for e in lead.events)
    parts += (_participant(p, attr) for p in lead.participants)
    parts += (_NL[2] + _element("unresolved", "", content(fact)) for fact in lead.unresolved)
    parts.append(f"{_NL[1]}</lead>")
    return "".join(parts)


def _paragraph(p: Paragraph, esc) -> str:
    attr = esc[0]
    content = _inline(p.text, p.marks, p.span, esc)
    for item in p.items:  # nested blocks close the paragraph's text, with no whitespace around them
        content += _element("item", f'{_opt("number", item.number, attr)} span="{_span(item.span)}"',
                            _inline(item.text, item.marks, item.span, esc))
    attrs = (f' kind="{attr(p.kind)}"{_opt("number", p.number, attr)}{_opt("residue", p.residue, attr)}'
             f' span="{_span(p.span)}"')
    return _NL[3] + _element("p", attrs, content)


def _section(s: Section, esc) -> str:
    attrs = _opt("number", s.number, esc[0]) + ("" if s.span is None else f' span="{_span(s.span)}"')
    parts = []
    if s.heading is not None:
        parts.append(_NL[3] + _element("heading", "", _inline(s.heading, s.marks, s.span, esc)))
    elif s.marks:
        raise SchemaError(f"section {s.number!r} has heading marks but no heading: cannot be written as XML")
    parts += (_paragraph(p, esc) for p in s.paragraphs)
    if not parts:
        return f"{_NL[2]}<section{attrs}/>"
    return f"{_NL[2]}<section{attrs}>{''.join(parts)}{_NL[2]}</section>"


def _footnote(f: Footnote, esc) -> str:
    attr, content = esc
    attrs = (f' id="{attr(f.id)}" marker="{attr(f.marker)}" label="{attr(f.label)}"' + _opt("term", f.term, attr)
             + _opt("definition", f.definition, attr) + f' span="{_span(f.span)}"')
    return _NL[2] + _element("footnote", attrs, content(f.text))


def _document(doc: Document, esc) -> str:
    attr, content = esc
    src = doc.source
    parts = [f'{_DECLARATION}<document xmlns="{NAMESPACE}" schema-version="{attr(doc.schema_version)}"'
             f' id="{attr(doc.id)}">{_NL[1]}<source path="{attr(src.path)}" sha256="{attr(src.sha256)}"'
             f' encoding="{attr(src.encoding)}" bom="{"true" if src.bom else "false"}"'
             f' newline="{attr(src.newline)}"/>']
    if doc.header:
        parts.append(_residues("header", doc.header, esc))
    if (title := doc.title) is not None:
        attrs = f'{_opt("qualifier", title.qualifier, attr)} span="{_span(title.span)}"'
        parts.append(_NL[1] + _element("title", attrs, content(title.text)))
    if (line := doc.date_line) is not None:
        attrs = f'{_opt("value", line.value, attr)} span="{_span(line.span)}"'
        parts.append(_NL[1] + _element("date-line", attrs, content(line.text)))
    if (marker := doc.translation) is not None:
        parts.append(_NL[1] + _element("translation", f' span="{_span(marker.span)}"', content(marker.text)))
    if doc.lead is not None:
        parts.append(_lead(doc.lead, esc))
    if doc.sections:
        parts += (f"{_NL[1]}<body>", *(_section(s, esc) for s in doc.sections), f"{_NL[1]}</body>")
    if doc.footnotes:
        parts += (f"{_NL[1]}<footnotes>", *(_footnote(f, esc) for f in doc.footnotes), f"{_NL[1]}</footnotes>")
    if doc.footer:
        parts.append(_residues("footer", doc.footer, esc))
    parts.append("\n</document>\n")
    return "".join(parts)


def to_xml(doc: Document) -> bytes:
    """Canonical XML bytes: UTF-8 with a declaration, deterministic, ending in a newline."""
    try:
        data = _document(doc, _FAST).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        data = b"\0"
    if needs_strict(data):
        data = _document(doc, _STRICT).encode("utf-8")
    return data


# --- XML to model ------------------------------------------------------------------------------------

def _to_span(value: str) -> Span:
    start, end, line, column, end_line, end_column = value.split(" ")
    return Span(int(start), int(end), int(line), int(column), int(end_line), int(end_column))


def _span_of(element: etree._Element) -> Span:
    value = element.get("span")  # digits only: never escaped
    if value is None:
        _need(element, "span")
    return _to_span(value)


def _to_extent(value: str) -> Extent:
    return Extent(*map(int, value.split(" ")))


def _bool(value: str) -> bool:
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise SchemaError(f"not a boolean: {value!r}")


def _get(element: etree._Element, name: str) -> str | None:
    value = element.get(name)
    return value if value is None or value[:1] != "\\" else decode_attr(value)


def _need(element: etree._Element, name: str) -> str:
    value = element.get(name)
    if value is None:
        raise SchemaError(f"line {element.sourceline}: <{etree.QName(element).localname}> needs {name!r}")
    return value if value[:1] != "\\" else decode_attr(value)


def _char(element: etree._Element) -> str:
    return chr(int(_need(element, "code"), 16))


def _plain(element: etree._Element) -> str:
    """Text with ``<c>`` escapes and nothing else (titles, residue, footnotes, mark contents)."""
    if not len(element):
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        if child.tag != _C:
            raise SchemaError(f"line {child.sourceline}: unexpected <{etree.QName(child).localname}> in text")
        parts.append(_char(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _read_inline(element: etree._Element) -> tuple[str, tuple[Mark, ...]]:
    """Text and marks of mixed content; stops at the first nested block (``<item>``)."""
    text = element.text or ""
    if not len(element):
        return text, ()
    parts, marks, size = [text], [], len(text)
    for child in element:
        tag = child.tag
        if tag == _ITEM:
            break
        if tag == _C:
            piece = _char(child)
        elif tag in _TAG_KIND:
            piece = _plain(child)
            marks.append(Mark(_TAG_KIND[tag], size, size + len(piece), _get(child, "marker"), _get(child, "term"),
                              _get(child, "target")))
        else:
            raise SchemaError(f"line {child.sourceline}: unexpected <{etree.QName(child).localname}> in text")
        tail = child.tail or ""
        parts += (piece, tail)
        size += len(piece) + len(tail)
    return "".join(parts), tuple(marks)


def _to_item(element) -> Item:
    if element.tail:
        raise SchemaError(f"line {element.sourceline}: text after an <item>")
    text, marks = _read_inline(element)
    return Item(_get(element, "number"), text, _span_of(element), marks)


def _to_paragraph(element) -> Paragraph:
    text, marks = _read_inline(element)
    items = tuple(_to_item(child) for child in element if child.tag == _ITEM) if len(element) else ()
    return Paragraph(_need(element, "kind"), _get(element, "number"), text, _span_of(element), marks,
                     items, _get(element, "residue"))


def _to_section(element) -> Section:
    heading, marks, paragraphs = None, (), []
    for child in element:
        if child.tag == T["heading"]:
            heading, marks = _read_inline(child)
        elif child.tag == _P:
            paragraphs.append(_to_paragraph(child))
    span = element.get("span")
    return Section(_get(element, "number"), heading, None if span is None else _to_span(span), tuple(paragraphs),
                   marks)


def _to_event(e) -> Event:
    return Event(_need(e, "kind"), _get(e, "date"), _get(e, "start-text"), _get(e, "start"), _get(e, "start-japan"),
                 _get(e, "japan-time-text"), _get(e, "utc-offset"), _get(e, "duration"), _get(e, "duration-text"),
                 _bool(_need(e, "approximate")), _to_extent(_need(e, "extent")))


def _to_participant(p) -> Participant:
    return Participant(_need(p, "name"), _get(p, "honorific"), _get(p, "given-name"), _get(p, "family-name"),
                       _get(p, "role"), _get(p, "organisation"), _to_extent(_need(p, "extent")))


def _to_lead(element) -> Lead:
    text, marks, events, participants, unresolved = "", (), [], [], []
    for child in element:
        tag = child.tag
        if tag == T["text"]:
            text, marks = _read_inline(child)
        elif tag == T["event"]:
            events.append(_to_event(child))
        elif tag == T["participant"]:
            participants.append(_to_participant(child))
        elif tag == T["unresolved"]:
            unresolved.append(_plain(child))
    return Lead(text, _span_of(element), marks, _get(element, "date"), tuple(events),
                tuple(participants), tuple(unresolved))


def _to_residues(element) -> tuple[Residue, ...]:
    return tuple(Residue(_need(r, "kind"), _plain(r), _span_of(r)) for r in element
                 if r.tag == T["residue"])


def _to_footnote(f) -> Footnote:
    return Footnote(_need(f, "id"), _need(f, "marker"), _need(f, "label"), _get(f, "term"), _get(f, "definition"),
                    _plain(f), _span_of(f))


_READERS = {
    T["source"]: ("source", lambda s: Source(_need(s, "path"), _need(s, "sha256"), _need(s, "encoding"),
                                             _bool(_need(s, "bom")), _need(s, "newline"))),
    T["header"]: ("header", _to_residues),
    T["title"]: ("title", lambda t: Title(_plain(t), _get(t, "qualifier"), _span_of(t))),
    T["date-line"]: ("date_line", lambda d: DateLine(_plain(d), _get(d, "value"), _span_of(d))),
    T["translation"]: ("translation", lambda m: TranslationMarker(_plain(m), _span_of(m))),
    T["lead"]: ("lead", _to_lead),
    T["body"]: ("sections", lambda b: tuple(_to_section(s) for s in b if s.tag == T["section"])),
    T["footnotes"]: ("footnotes", lambda n: tuple(_to_footnote(f) for f in n if f.tag == T["footnote"])),
    T["footer"]: ("footer", _to_residues),
}


def from_tree(root: etree._Element) -> Document:
    """The model of a canonical XML tree (validate it first: this checks only what it needs)."""
    if root.tag != T["document"]:
        raise SchemaError(f"not a canonical readout document: root is <{root.tag}>, expected {T['document']}")
    fields = {}
    try:
        for child in root:
            if (reader := _READERS.get(child.tag)) is not None:
                fields[reader[0]] = reader[1](child)
        if "source" not in fields:
            raise SchemaError("not a canonical readout document: no <source>")
        return Document(id=_need(root, "id"), schema_version=_need(root, "schema-version"), **fields)
    except (ValueError, TypeError) as exc:
        raise SchemaError(f"not a canonical readout document: {' '.join(str(exc).split())}") from None


def from_xml(data: bytes) -> Document:
    """Parse canonical XML (hardened: no DTD, no entities, no network) into the model."""
    return from_tree(parse_untrusted(data))
