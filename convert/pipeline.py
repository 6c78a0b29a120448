"""One source in, its canonical forms out: the function every engine calls."""

from __future__ import annotations

from .errors import SchemaError
from .model import Document, Source
from .parse import decode, make_id, parse_text
from .record import Record
from .sources import Limits, check_line_length


class Converted(Record):
    doc: Document
    text: str  # decoded source, newlines normalized
    json: bytes | None
    xml: bytes | None


def parse_source(raw: bytes, path: str, *, doc_id: str | None = None, encoding: str | None = None,
                 limits: Limits = Limits(), lead_facts: bool = True, digest: bool = True) -> tuple[Document, str]:
    """The model of ``raw`` and its decoded text. ``check`` asks for neither the lead's facts
    nor the source's sha256 (its model is never serialized): see :func:`parse_text` and
    :func:`convert.parse.decode`."""
    decoded = decode(raw, path, encoding, digest=digest)
    check_line_length(decoded.text, path, limits)
    source = Source(path, decoded.sha256, decoded.encoding, decoded.bom, decoded.newline)
    doc = parse_text(decoded.text, path, source=source, doc_id=doc_id or make_id(path, decoded.sha256),
                     lead_facts=lead_facts)
    return doc, decoded.text


def convert_source(raw: bytes, path: str, *, doc_id: str | None = None, forms: tuple[str, ...] = ("json", "xml"),
                   validate: bool = True, encoding: str | None = None, limits: Limits = Limits()) -> Converted:
    """Parse ``raw`` and serialize it; with ``validate``, a form that fails its schema raises SchemaError."""
    doc, text = parse_source(raw, path, doc_id=doc_id, encoding=encoding, limits=limits)
    json_bytes = xml_bytes = None
    if "json" in forms:
        from .serialize.jsonform import to_dict, dumps

        obj = to_dict(doc)
        if validate:
            from .schema import json_errors_fast

            _raise_if(json_errors_fast(obj), path, "JSON")
        json_bytes = dumps(obj)
    if "xml" in forms:
        from .serialize.xml import to_xml

        xml_bytes = to_xml(doc)
        if validate:
            from .xmlschema import validate_xml_bytes

            _raise_if(validate_xml_bytes(xml_bytes), path, "XML")
    return Converted(doc, text, json_bytes, xml_bytes)


def _raise_if(errors: list[str], path: str, form: str) -> None:
    if errors:
        raise SchemaError(f"{path}: internal error: canonical {form} does not validate: {errors[0]}")
