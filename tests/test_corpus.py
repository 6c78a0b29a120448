"""Every seed and corpus document converts losslessly, validly and deterministically."""

from __future__ import annotations

import json
import re
from collections import Counter

from convert.pipeline import convert_source
from convert.schema import json_errors
from convert.serialize.jsonform import from_dict

from conftest import relpath

_TOKEN = re.compile(r"\w+")


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def _content_strings(obj: dict) -> list[str]:
    """Text-bearing strings only: structured facts and metadata repeat words and would hide a loss."""
    skip = {"source", "id", "schema_version", "date"}
    out = []
    for key, value in obj.items():
        if key in skip:
            continue
        if key == "lead" and value:
            out += [value["text"]]
            continue
        out += _strings(value)
    return out


def test_every_word_of_the_source_is_in_the_json(document_path) -> None:
    raw = document_path.read_bytes()
    obj = json.loads(convert_source(raw, relpath(document_path), forms=("json",)).json)
    have = Counter(_TOKEN.findall(" ".join(_content_strings(obj))))
    want = Counter(_TOKEN.findall(raw.decode("utf-8")))
    missing = want - have
    assert not missing, f"lost words: {sorted(missing)[:10]}"


def test_json_validates_and_round_trips(document_path) -> None:
    result = convert_source(document_path.read_bytes(), relpath(document_path), forms=("json",), validate=False)
    obj = json.loads(result.json)
    assert json_errors(obj) == []
    assert from_dict(obj) == result.doc


_DATE_PREFIX = re.compile(r"^(?:Date:\s*)?\(?(?:[A-Z][a-z]+day,?\s+)?([A-Z][a-z]+ \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+,? \d{4})")


def _independent_date(text: str) -> str | None:
    from datetime import datetime

    match = _DATE_PREFIX.match(text)
    if not match:
        return None
    printed = match.group(1).replace(",", "")
    for form in ("%B %d %Y", "%d %B %Y"):
        try:
            return datetime.strptime(printed, form).date().isoformat()
        except ValueError:
            continue
    return None


def test_date_equals_the_date_line(document_path) -> None:
    result = convert_source(document_path.read_bytes(), relpath(document_path), forms=("json",))
    obj = json.loads(result.json)
    if obj["date_line"] is not None:
        assert obj["date"] == _independent_date(obj["date_line"]["text"])


def test_most_documents_have_a_date_and_a_title() -> None:
    from conftest import DOCUMENTS

    docs = [convert_source(p.read_bytes(), relpath(p), forms=()).doc for p in DOCUMENTS]
    assert sum(d.date is not None for d in docs) >= 0.9 * len(docs)
    assert sum(d.title is not None for d in docs) >= 0.75 * len(docs)


def test_conversion_is_deterministic(document_path) -> None:
    raw = document_path.read_bytes()
    first = convert_source(raw, relpath(document_path), forms=("json",))
    second = convert_source(raw, relpath(document_path), forms=("json",))
    assert first.json == second.json


def test_xml_and_json_convert_into_each_other_without_loss(document_path) -> None:
    from convert.serialize.jsonform import to_json
    from convert.serialize.xml import from_xml, to_xml
    from convert.xmlschema import validate_xml_bytes

    result = convert_source(document_path.read_bytes(), relpath(document_path))
    assert validate_xml_bytes(result.xml) == []
    via_xml = from_xml(result.xml)
    assert to_json(via_xml) == result.json  # XML -> JSON
    via_json = from_dict(json.loads(result.json))
    assert to_xml(via_json) == result.xml  # JSON -> XML
