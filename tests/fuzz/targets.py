"""What fuzzing checks, shared by the atheris harness and the hypothesis properties.

Each target takes bytes and either returns quietly or raises AssertionError
(a broken property) or any other exception (a crash). A ReadoutError is the
*expected* answer to bad input: one clear line, exit code 2.
"""

from __future__ import annotations

from convert.errors import InputError, ReadoutError, SchemaError

ENCODINGS = (None, "utf-8", "cp1252", "shift_jis", "utf-16", "latin-1")


def _lint():
    """The linter, once it is built (None until then)."""
    try:
        from convert.lint import lint
    except ImportError:
        return None
    return lint


def check_text(raw: bytes, encoding: str | None = None) -> None:
    """Convert a readout: refused with an InputError, or converted, deterministic and lossless both ways."""
    from convert.canonical import load_document
    from convert.pipeline import convert_source
    from convert.serialize.jsonform import to_json
    from convert.serialize.render import render
    from convert.serialize.xml import to_xml

    try:
        first = convert_source(raw, "fuzz.txt", encoding=encoding)
    except InputError:
        return  # bad input, reported on one line; a SchemaError here would be our bug
    again = convert_source(raw, "fuzz.txt", encoding=encoding)
    assert (first.json, first.xml) == (again.json, again.xml), "convert is not deterministic"
    from_json = load_document(first.json, "fuzz.json")
    from_xml = load_document(first.xml, "fuzz.xml")
    assert from_json == first.doc, "JSON does not load back to the same document"
    assert from_xml == first.doc, "XML does not load back to the same document"
    assert to_json(from_xml) == first.json and to_xml(from_json) == first.xml
    text = render(first.doc)
    assert render(from_json) == text
    assert _reparse_render(text) == text, "render(parse(render(doc))) differs from render(doc)"
    lint = _lint()
    if lint is not None:
        lint(first.doc, first.text)


def _reparse_render(text: str) -> str:
    from convert.parse import parse_text
    from convert.serialize.render import render

    return render(parse_text(text))


def check_canonical(raw: bytes, name: str) -> None:
    """Load an untrusted canonical file: a SchemaError (or InputError), or a document that renders."""
    from convert.canonical import load_document, validate_bytes
    from convert.serialize.jsonform import to_json
    from convert.serialize.render import render
    from convert.serialize.xml import to_xml

    try:
        validate_bytes(raw, name)
        doc = load_document(raw, name)
    except ReadoutError:
        return
    render(doc)
    to_json(doc)
    try:
        to_xml(doc)
    except SchemaError:
        pass  # marks the JSON form allows and XML cannot nest: one clear line, exit 2


def check_json(raw: bytes) -> None:
    from convert.schema import load_json_untrusted

    try:
        load_json_untrusted(raw, "fuzz.json")
    except SchemaError:
        pass
    check_canonical(raw, "fuzz.json")


def check_xml(raw: bytes) -> None:
    check_canonical(raw, "fuzz.xml")
