"""Model to JSON and back.

Canonical JSON is compact UTF-8 with keys in a fixed order (the order below),
every key present (null when absent) and a final newline, so the same model
always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import SchemaError
from ..model import (
    DateLine, Document, Event, Extent, Footnote, Item, Lead, Mark, Paragraph, Participant, Residue,
    Section, Source, Span, Title, TranslationMarker,
)


def _span(s: Span | None) -> dict | None:
    if s is None:
        return None
    return {"start": s.start, "end": s.end, "line": s.line, "column": s.column,
            "end_line": s.end_line, "end_column": s.end_column}


def _mark(m: Mark) -> dict:
    return {"kind": m.kind, "start": m.start, "end": m.end, "marker": m.marker, "term": m.term, "target": m.target}


def _marks(marks: tuple[Mark, ...]) -> list[dict]:
    return [_mark(m) for m in marks]


def _residue(r: Residue) -> dict:
    return {"kind": r.kind, "text": r.text, "span": _span(r.span)}


def _extent(e: Extent) -> dict:
    return {"start": e.start, "end": e.end}


def _event(e: Event) -> dict:
    return {"kind": e.kind, "date": e.date, "start_text": e.start_text, "start": e.start,
            "start_japan": e.start_japan, "japan_time_text": e.japan_time_text, "utc_offset": e.utc_offset,
            "duration": e.duration, "duration_text": e.duration_text, "approximate": e.approximate,
            "extent": _extent(e.extent)}


def _participant(p: Participant) -> dict:
    return {"name": p.name, "honorific": p.honorific, "given_name": p.given_name, "family_name": p.family_name,
            "role": p.role, "organisation": p.organisation, "extent": _extent(p.extent)}


def _item(i: Item) -> dict:
    return {"number": i.number, "text": i.text, "span": _span(i.span), "marks": _marks(i.marks)}


def _paragraph(p: Paragraph) -> dict:
    return {"kind": p.kind, "number": p.number, "text": p.text, "span": _span(p.span), "marks": _marks(p.marks),
            "items": [_item(i) for i in p.items], "residue": p.residue}


def _section(s: Section) -> dict:
    return {"number": s.number, "heading": s.heading, "span": _span(s.span), "marks": _marks(s.marks),
            "paragraphs": [_paragraph(p) for p in s.paragraphs]}


def _footnote(f: Footnote) -> dict:
    return {"id": f.id, "marker": f.marker, "label": f.label, "term": f.term, "definition": f.definition,
            "text": f.text, "span": _span(f.span)}


def _lead(lead: Lead | None) -> dict | None:
    if lead is None:
        return None
    return {"text": lead.text, "span": _span(lead.span), "marks": _marks(lead.marks), "date": lead.date,
            "events": [_event(e) for e in lead.events],
            "participants": [_participant(p) for p in lead.participants],
            "unresolved": list(lead.unresolved)}


def to_dict(doc: Document) -> dict[str, Any]:
    title = doc.title
    return {
        "schema_version": doc.schema_version,
        "id": doc.id,
        "source": {"path": doc.source.path, "sha256": doc.source.sha256, "encoding": doc.source.encoding,
                   "bom": doc.source.bom, "newline": doc.source.newline},
        "header": [_residue(r) for r in doc.header],
        "title": None if title is None else {"text": title.text, "qualifier": title.qualifier, "span": _span(title.span)},
        "date": doc.date,
        "date_line": None if doc.date_line is None else {"text": doc.date_line.text, "span": _span(doc.date_line.span)},
        "translation": None if doc.translation is None else {"text": doc.translation.text,
                                                             "span": _span(doc.translation.span)},
        "lead": _lead(doc.lead),
        "sections": [_section(s) for s in doc.sections],
        "footnotes": [_footnote(f) for f in doc.footnotes],
        "footer": [_residue(r) for r in doc.footer],
    }


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def dumps(obj: dict[str, Any]) -> bytes:
    return (_ENCODER.encode(obj) + "\n").encode("utf-8", "surrogatepass")


def to_json(doc: Document) -> bytes:
    return dumps(to_dict(doc))


# --- JSON to model -------------------------------------------------------------------------

def _to_span(d: dict | None) -> Span | None:
    if d is None:
        return None
    return Span(d["start"], d["end"], d["line"], d["column"], d["end_line"], d["end_column"])


def _to_marks(items: list[dict]) -> tuple[Mark, ...]:
    return tuple(Mark(m["kind"], m["start"], m["end"], m["marker"], m["term"], m["target"]) for m in items)


def _to_extent(d: dict) -> Extent:
    return Extent(d["start"], d["end"])


def _to_event(d: dict) -> Event:
    return Event(d["kind"], d["date"], d["start_text"], d["start"], d["start_japan"], d["japan_time_text"],
                 d["utc_offset"], d["duration"], d["duration_text"], d["approximate"], _to_extent(d["extent"]))


def _to_participant(d: dict) -> Participant:
    return Participant(d["name"], d["honorific"], d["given_name"], d["family_name"], d["role"], d["organisation"],
                       _to_extent(d["extent"]))


def _to_item(d: dict) -> Item:
    return Item(d["number"], d["text"], _to_span(d["span"]), _to_marks(d["marks"]))


def _to_paragraph(d: dict) -> Paragraph:
    return Paragraph(d["kind"], d["number"], d["text"], _to_span(d["span"]), _to_marks(d["marks"]),
                     tuple(_to_item(i) for i in d["items"]), d["residue"])


def _to_section(d: dict) -> Section:
    return Section(d["number"], d["heading"], _to_span(d["span"]),
                   tuple(_to_paragraph(p) for p in d["paragraphs"]), _to_marks(d["marks"]))


def _to_lead(d: dict | None) -> Lead | None:
    if d is None:
        return None
    return Lead(d["text"], _to_span(d["span"]), _to_marks(d["marks"]), d["date"],
                tuple(_to_event(e) for e in d["events"]),
                tuple(_to_participant(p) for p in d["participants"]), tuple(d["unresolved"]))


def from_dict(d: dict[str, Any]) -> Document:
    """Build the model from a dict that the JSON Schema accepts."""
    try:
        src = d["source"]
        title = d["title"]
        date_line = d["date_line"]
        translation = d["translation"]
        return Document(
            id=d["id"],
            source=Source(src["path"], src["sha256"], src["encoding"], src["bom"], src["newline"]),
            header=tuple(Residue(r["kind"], r["text"], _to_span(r["span"])) for r in d["header"]),
            title=None if title is None else Title(title["text"], title["qualifier"], _to_span(title["span"])),
            date_line=None if date_line is None else DateLine(date_line["text"], d["date"], _to_span(date_line["span"])),
            translation=None if translation is None else TranslationMarker(translation["text"],
                                                                           _to_span(translation["span"])),
            lead=_to_lead(d["lead"]),
            sections=tuple(_to_section(s) for s in d["sections"]),
            footnotes=tuple(Footnote(f["id"], f["marker"], f["label"], f["term"], f["definition"], f["text"],
                                     _to_span(f["span"])) for f in d["footnotes"]),
            footer=tuple(Residue(r["kind"], r["text"], _to_span(r["span"])) for r in d["footer"]),
            schema_version=d["schema_version"],
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise SchemaError(f"not a canonical readout document: missing or malformed {exc}") from None
