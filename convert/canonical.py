"""Reading canonical files (XML or JSON) back into the model, and validating them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import SchemaError
from .model import Document


@dataclass(frozen=True, slots=True)
class Checked:
    format: str  # "xml" or "json"
    errors: tuple[str, ...]


# What canonical XML can start with: a declaration, a DOCTYPE or comment (refused
# later, but as XML), or the document element. A readout may start with "<Opening
# remarks>" or "[Provisional translation]", so "<" or "[" alone proves nothing.
_XML_START = re.compile(rb"<(?:\?xml[\s?]|!DOCTYPE|!--|(?:[A-Za-z_][\w.-]*:)?document[\s>/])")


def sniff(data: bytes, name: str) -> str:
    """"json", "xml" or "text" (a readout): by the first bytes, then by the file's suffix."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:64]
    if head[:1] == b"{":
        return "json"
    if _XML_START.match(head):
        return "xml"
    if name.endswith(".xml"):
        return "xml"
    if name.endswith(".json"):
        return "json"
    return "text"


def validate_bytes(data: bytes, name: str) -> Checked:
    """Schema errors of a canonical file; raises SchemaError when it cannot even be read."""
    kind = sniff(data, name)
    if kind == "json":
        from .schema import json_errors_fast, load_json_untrusted

        return Checked("json", tuple(json_errors_fast(load_json_untrusted(data, name))))
    if kind == "xml":
        from .xmlsafe import parse_untrusted
        from .xmlschema import validate_xml_tree

        return Checked("xml", tuple(validate_xml_tree(parse_untrusted(data))))
    raise SchemaError(f"{name}: neither canonical XML nor JSON")


def load_document(data: bytes, name: str) -> Document:
    """A validated canonical file as a model; SchemaError when it does not validate."""
    checked = validate_bytes(data, name)
    if checked.errors:
        raise SchemaError(f"{name}: invalid {checked.format}: {checked.errors[0]}")
    if checked.format == "json":
        from .schema import load_json_untrusted
        from .serialize.jsonform import from_dict

        return from_dict(load_json_untrusted(data, name))
    from .serialize.xml import from_xml

    return from_xml(data)
