"""Canonical XML: lossless round trip, schemas, determinism, hostile input."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from convert.errors import SchemaError
from convert.model import (
    NAMESPACE, SCHEMA_VERSION, DateLine, Document, Event, Extent, Footnote, Item, Lead, Mark, Paragraph,
    Participant, Residue, Section, Source, Span, Title, TranslationMarker,
)
from convert.parse import parse_bytes, parse_text
from convert.resources import schema_path
from convert.serialize.xml import from_xml, to_xml
from convert.xmlsafe import _parser, decode_attr, encode_attr, parse_untrusted
from convert.xmlschema import rule_errors, schematron_errors, validate_xml_bytes, validate_xml_tree

from conftest import DOCUMENTS, ROOT, SEEDS, relpath


def replace(record, **changes):
    return record._replace(**changes)


NS = f"{{{NAMESPACE}}}"
FORBIDDEN = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff"]
AWKWARD = FORBIDDEN + ["\\", "\\u0041", "&", "<", ">", '"', "'", "\r", "\t", "\n", "\xa0", " ", "  ", "]]>", "\u2028"]


def strings(max_size: int, surrogates: bool = True) -> st.SearchStrategy[str]:
    """Strings rich in what XML makes hard: forbidden characters, markup, escapes, whitespace."""
    chars = st.characters(exclude_categories=()) if surrogates else st.characters()
    awkward = AWKWARD if surrogates else [s for s in AWKWARD if not "\ud800" <= s <= "\udfff"]
    return st.lists(st.sampled_from(awkward) | chars, max_size=max_size).map("".join)


@cache
def _doc(path: Path) -> Document:
    return parse_bytes(path.read_bytes(), relpath(path))


def _seed() -> Document:
    return _doc(SEEDS[0])


# --- every real document ---------------------------------------------------------------------------

def test_round_trip_validity_and_determinism(document_path) -> None:
    doc = _doc(document_path)
    data = to_xml(doc)
    assert from_xml(data) == doc
    assert to_xml(doc) == data
    assert validate_xml_bytes(data) == []
    # The bytes are what lxml itself writes for the same tree: escaping and layout are canonical.
    assert etree.tostring(etree.fromstring(data), xml_declaration=True, encoding="UTF-8") + b"\n" == data


def test_the_schematron_file_accepts_every_document() -> None:
    for path in DOCUMENTS:
        root = parse_untrusted(to_xml(_doc(path)))
        assert schematron_errors(root) == [], relpath(path)


def _block_texts(root: etree._Element):
    for element in root.iter(f"{NS}p", f"{NS}item", f"{NS}heading", f"{NS}text", f"{NS}title", f"{NS}footnote",
                             f"{NS}residue"):
        own = [element.text or ""]
        for child in element:
            if child.tag == f"{NS}item":
                break
            own += [*child.itertext(), child.tail or ""]
        yield "".join(own)


def _model_texts(doc: Document):
    yield from (r.text for r in doc.header)
    if doc.title:
        yield doc.title.text
    if doc.lead:
        yield doc.lead.text
    for section in doc.sections:
        if section.heading is not None:
            yield section.heading
        for p in section.paragraphs:
            yield p.text
            yield from (i.text for i in p.items)
    yield from (f.text for f in doc.footnotes)
    yield from (r.text for r in doc.footer)


def test_a_block_elements_character_content_is_its_text_exactly() -> None:
    for path in DOCUMENTS:
        doc = _doc(path)
        assert sorted(_block_texts(etree.fromstring(to_xml(doc)))) == sorted(_model_texts(doc)), relpath(path)


def test_output_does_not_depend_on_the_hash_seed() -> None:
    script = ("import hashlib, sys; from pathlib import Path; from convert.parse import parse_bytes;"
              "from convert.serialize.xml import to_xml;"
              "print(hashlib.sha256(b''.join(to_xml(parse_bytes(Path(p).read_bytes(), p)) for p in sys.argv[1:]))"
              ".hexdigest())")
    paths = [relpath(p) for p in DOCUMENTS[:8]]
    here = hashlib.sha256(b"".join(to_xml(parse_bytes((ROOT / p).read_bytes(), p)) for p in paths)).hexdigest()
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", script, *paths], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == here


def test_layout() -> None:
    data = to_xml(_seed())
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<document xmlns=\"urn:readout:document:1\""
                           b' schema-version="1.0" id="')
    assert b'\n  <lead date="2023-01-31" span="151 691 5 1 5 541">\n    <text>On January 31' in data
    assert b"a joint statement <link>( English (PDF/56KB ) / Japanese (PDF/97KB) )</link> was issued" in data
    assert b'\n      <p kind="text" number="(1)" span="712 875 7 5 7 168">At the outset' in data
    assert data.endswith(b"</document>\n")


def test_footnote_references_are_elements_with_their_target() -> None:
    data = to_xml(_doc(SEEDS[1]))
    assert b'(IP4)<ref marker="*1" term="IP4" target="fn1">(*1)</ref>' in data
    assert b'<footnote id="fn1" marker="*1" label="(*1)"' in data


# --- the schemas --------------------------------------------------------------------------------------

def test_schema_files_carry_the_namespace_and_version() -> None:
    xsd = etree.parse(str(schema_path("document.xsd"))).getroot()
    assert xsd.get("targetNamespace") == NAMESPACE
    assert xsd.get("version") == SCHEMA_VERSION
    assert xsd.get("elementFormDefault") == "qualified"
    sch = etree.parse(str(schema_path("document.sch"))).getroot()
    assert sch.get("schemaVersion") == SCHEMA_VERSION
    assert sch.find("{http://purl.oclc.org/dsdl/schematron}ns").get("uri") == NAMESPACE


def _mutated(old: bytes, new: bytes, count: int = 1) -> etree._Element:
    data = to_xml(_seed())
    assert old in data
    return parse_untrusted(data.replace(old, new, count))


LINK = b"<link>( English (PDF/56KB ) / Japanese (PDF/97KB) )</link>"
BAD_SAMPLES = {
    "XS001": (LINK, b'<ref marker="*1" target="fn9">(*1)</ref>'),
    "XS004": (b'kind="text" number="(1)"', b'kind="bullet" number="(1)"'),
    "XS005": (b'kind="text" number="(1)"', b'kind="text" number="-"'),
    "XS006": (b'kind="text" number="(1)"', b'kind="quote" number="(1)"'),
    "XS007": (b'kind="text" number="(1)"', b'kind="text" number="(1)" residue="caption"'),
    "XS008": (b'<section number="2."', b"<section"),
    "XS010": (LINK, b"<link/>"),
    "XS011": (b'span="712 875 7 5 7 168"', b'span="875 712 7 5 7 168"'),
}


@pytest.mark.parametrize("code", sorted(BAD_SAMPLES))
def test_each_rule_fails_its_bad_sample_in_both_engines(code: str) -> None:
    root = _mutated(*BAD_SAMPLES[code])
    errors = validate_xml_tree(root)
    assert errors == validate_xml_tree(root, schematron=True)
    assert errors and all(f": {code} " in e for e in errors), errors
    assert all("\n" not in e and e.startswith("line ") for e in errors)


def _footnoted(**changes) -> etree._Element:
    doc = _seed()
    note = Footnote("fn1", "*1", "(*1)", "NATO", "North Atlantic Treaty Organization", "NATO: ...",
                    Span(3600, 3610, 30, 1, 30, 11))
    lead = doc.lead
    ref = Mark("footnote-ref", 10, 14, "*1", "x", "fn1")
    doc = replace(doc, lead=replace(lead, marks=(ref,) + lead.marks), footnotes=(note, *changes.get("more", ())))
    return parse_untrusted(to_xml(doc))


def test_footnote_rules_in_both_engines() -> None:
    assert rule_errors(_footnoted()) == schematron_errors(_footnoted()) == []
    clash = Footnote("fn1", "*2", "(*2)", None, None, "", Span(3611, 3612, 31, 1, 31, 2))
    root = _footnoted(more=(clash,))
    errors = rule_errors(root)
    assert errors == schematron_errors(root)
    assert [e.split(": ")[2].split()[0] for e in errors] == ["XS002", "XS003", "XS003"]


def test_a_dangling_footnote_target_is_named() -> None:
    root = _mutated(LINK, b'<ref marker="*1" target="fn9">(*1)</ref>')
    for errors in (validate_xml_tree(root), validate_xml_tree(root, schematron=True)):
        assert errors == ["line 8: /document/lead/text/ref: XS001 footnote reference '(*1)' targets 'fn9', "
                          "which no footnote defines"]


def test_event_rules_in_both_engines() -> None:
    good = Event("meeting", "2023-01-31", "6:20 p.m.", "2023-01-31T18:20+09:00", "2023-01-31T18:20+09:00",
                 None, "+09:00", "PT25M", "approximately 25 minutes", True, Extent(3, 20))
    bad = replace(good, start="2023-01-31T18:20+02:00", start_japan="2023-01-31T18:20+02:00", extent=Extent(5, 9999))
    who = Participant("Mr. KISHIDA Fumio", "Mr.", "Fumio", "KISHIDA", "Prime Minister", "Japan", Extent(9, 2))
    doc = _seed()
    root = parse_untrusted(to_xml(replace(doc, lead=replace(doc.lead, events=(good, bad), participants=(who,)))))
    errors = validate_xml_tree(root)
    assert errors == validate_xml_tree(root, schematron=True)
    assert [e.split(": ")[2].split()[0] for e in errors] == ["XS012", "XS013", "XS014", "XS012"]


def test_xsd_errors_name_the_line_and_element() -> None:
    root = _mutated(b'<section number="2."', b'<section number="2.x"')
    line = root.find(".//{*}section[2]").sourceline
    errors = validate_xml_tree(root)
    assert errors[0].startswith(f"line {line}: /document/body/section[2]: Element 'section', attribute 'number'")
    assert len(errors) == 1 and "\n" not in errors[0]


def test_lead_date_may_disagree_with_the_date_line() -> None:
    doc = _seed()
    assert validate_xml_bytes(to_xml(replace(doc, lead=replace(doc.lead, date="2023-02-01")))) == []


# --- what the model can hold and XML 1.0 cannot ------------------------------------------------------

@given(strings(40))
@settings(max_examples=150, deadline=None)
def test_any_string_in_text_and_attributes_survives_and_stays_valid(value: str) -> None:
    doc = _seed()
    section = doc.sections[0]
    paragraph = replace(section.paragraphs[0], text="A " + value + " B", marks=(Mark("link", 2, 2 + len(value)),))
    doc = replace(doc, source=replace(doc.source, path=value), title=replace(doc.title, qualifier=value),
                  sections=(replace(section, paragraphs=(paragraph, *section.paragraphs[1:])), *doc.sections[1:]),
                  lead=replace(doc.lead, unresolved=(value,)))
    data = to_xml(doc)
    assert from_xml(data) == doc
    marks_ok = value != ""  # an empty mark is a Schematron error (XS010), rightly
    assert (validate_xml_bytes(data) == []) == marks_ok


def test_forbidden_characters_are_c_elements_and_escaped_attributes() -> None:
    doc = _seed()
    doc = replace(doc, title=replace(doc.title, text="a\x1bb\ud800", qualifier="\\x\x00"))
    data = to_xml(doc)
    assert rb'<title qualifier="\\\x\u0000" span="0 106 1 1 1 107">a<c code="1B"/>b<c code="D800"/></title>' in data
    assert from_xml(data) == doc


@given(strings(30))
@settings(max_examples=200, deadline=None)
def test_attribute_escape_round_trips(value: str) -> None:
    assert decode_attr(encode_attr(value)) == value


# --- random documents ----------------------------------------------------------------------------------

TEXT = strings(12)
OPT = st.none() | TEXT
N = st.integers(0, 10**7)
SPANS = st.builds(Span, N, N, N, N, N, N)


@st.composite
def texts_with_marks(draw, allow_marks: bool = True) -> tuple[str, tuple[Mark, ...]]:
    text = draw(TEXT)
    if not allow_marks:
        return text, ()
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=4)))
    marks = tuple(Mark(draw(st.sampled_from(["footnote-ref", "link"])), a, b, draw(OPT), draw(OPT), draw(OPT))
                  for a, b in zip(cuts[::2], cuts[1::2]))
    return text, marks


@st.composite
def items(draw) -> Item:
    text, marks = draw(texts_with_marks())
    return Item(draw(OPT), text, draw(SPANS), marks)


@st.composite
def paragraphs(draw) -> Paragraph:
    text, marks = draw(texts_with_marks())
    return Paragraph(draw(TEXT), draw(OPT), text, draw(SPANS), marks, tuple(draw(st.lists(items(), max_size=2))),
                     draw(OPT))


@st.composite
def sections(draw) -> Section:
    heading, marks = draw(st.none() | texts_with_marks()) or (None, ())
    return Section(draw(OPT), heading, draw(st.none() | SPANS), tuple(draw(st.lists(paragraphs(), max_size=3))),
                   marks)


EXTENTS = st.builds(Extent, N, N)
EVENTS = st.builds(Event, TEXT, OPT, OPT, OPT, OPT, OPT, OPT, OPT, OPT, st.booleans(), EXTENTS)
PEOPLE = st.builds(Participant, TEXT, OPT, OPT, OPT, OPT, OPT, EXTENTS)


@st.composite
def leads(draw) -> Lead:
    text, marks = draw(texts_with_marks())
    return Lead(text, draw(SPANS), marks, draw(OPT), tuple(draw(st.lists(EVENTS, max_size=2))),
                tuple(draw(st.lists(PEOPLE, max_size=2))), tuple(draw(st.lists(TEXT, max_size=2))))


RESIDUES = st.lists(st.builds(Residue, TEXT, TEXT, SPANS), max_size=2).map(tuple)
DOCS = st.builds(
    Document, TEXT, st.builds(Source, TEXT, TEXT, TEXT, st.booleans(), TEXT), RESIDUES,
    st.none() | st.builds(Title, TEXT, OPT, SPANS), st.none() | st.builds(DateLine, TEXT, OPT, SPANS),
    st.none() | st.builds(TranslationMarker, TEXT, SPANS), st.none() | leads(),
    st.lists(sections(), max_size=3).map(tuple),
    st.lists(st.builds(Footnote, TEXT, TEXT, TEXT, OPT, OPT, TEXT, SPANS), max_size=2).map(tuple), RESIDUES, TEXT,
)


@given(DOCS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_random_documents_round_trip(doc: Document) -> None:
    data = to_xml(doc)
    assert from_xml(data) == doc
    assert to_xml(doc) == data
    assert etree.tostring(etree.fromstring(data), xml_declaration=True, encoding="UTF-8") + b"\n" == data


LINES = st.sampled_from([
    "Meeting between Prime Minister Kishida and Mr. X (Summary)", "July 11, 2024", "[Provisional translation]",
    "On July 11, commencing at 8:35 a.m., Prime Minister held a meeting.", "1. Introduction", "2.",
    "(1) Both sides (IP4)(*1) agreed.", "(a) lettered item", "• bullet point", "- dash bullet", "(*1) IP4: Partners",
    "\"A quote.\"", "[Subheading]", "Related Link", "Photograph of the meeting", "text ( English (PDF/56KB ) )",
    "Archives (2024)", "", "  indented  line\u3000", "tab\there", "nbsp\xa0here",
])


@given(st.lists(LINES | strings(20, surrogates=False), max_size=14))
@settings(max_examples=100, deadline=None)
def test_random_readouts_round_trip_through_the_parser(lines: list[str]) -> None:
    doc = parse_text("\n".join(lines), "random.txt")
    assert from_xml(to_xml(doc)) == doc


def test_unwritable_marks_are_a_clear_error() -> None:
    doc = _seed()
    overlapping = (Mark("link", 0, 10), Mark("link", 5, 12))
    with pytest.raises(SchemaError, match="overlapping"):
        to_xml(replace(doc, lead=replace(doc.lead, marks=overlapping)))
    with pytest.raises(SchemaError, match="inside the text"):
        to_xml(replace(doc, lead=replace(doc.lead, marks=(Mark("link", 0, 10**6),))))


@pytest.mark.parametrize("data, message", [
    (b"<document xmlns='urn:readout:document:1' id='x' schema-version='1.0'/>", "no <source>"),
    (b"<other/>", "root is <other>"),
    (b"<document xmlns='urn:readout:document:1' id='x' schema-version='1.0'><source path='p' sha256='s' "
     b"encoding='e' bom='true' newline='lf'/><title span='1 2'>t</title></document>", "not a canonical"),
    (b"<document xmlns='urn:readout:document:1' id='x' schema-version='1.0'><source path='p' sha256='s' "
     b"encoding='e' bom='maybe' newline='lf'/></document>", "not a boolean"),
    (b"<document xmlns='urn:readout:document:1' id='x' schema-version='1.0'><source path='\\ok\\q' sha256='s' "
     b"encoding='e' bom='true' newline='lf'/></document>", "bad escape"),
])
def test_from_xml_rejects_what_it_cannot_read(data: bytes, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        from_xml(data)


# --- hostile input ---------------------------------------------------------------------------------

LAUGHS = b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' + b"".join(
    b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
) + b']>\n<lolz a="&lol9;">&lol9;</lolz>'


def _rejected(data: bytes, message: str = "") -> SchemaError:
    started = time.perf_counter()
    with pytest.raises(SchemaError, match=message) as caught:
        parse_untrusted(data)
    assert time.perf_counter() - started < 2
    assert "\n" not in str(caught.value)
    return caught.value


def test_billion_laughs() -> None:
    _rejected(LAUGHS, "DOCTYPE")
    _rejected(LAUGHS.decode().encode("utf-16"), "DOCTYPE")


def test_entity_references_without_a_doctype_are_not_well_formed() -> None:
    _rejected(b"<a>&lol9;</a>", "not well-formed")


def test_external_entities_and_doctypes() -> None:
    error = _rejected(b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', "DOCTYPE")
    assert "root:" not in str(error)
    _rejected(b'<!DOCTYPE r SYSTEM "http://127.0.0.1:9/r.dtd"><r/>', "DOCTYPE")
    _rejected(b"<!DOCTYPE r><r/>", "DOCTYPE")


@pytest.fixture
def fifo(tmp_path) -> Path:
    """A named pipe: opening it for reading blocks until a writer comes, so a read would hang."""
    path = tmp_path / "secret"
    os.mkfifo(path)
    yield path
    try:  # release a reader that should not exist
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


@pytest.fixture
def listener():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    yield server
    server.close()


def _parse_in_thread(parse, data: bytes) -> bool:
    """Whether ``parse(data)`` finished (by returning or raising) within a second."""
    done = threading.Event()

    def run():
        try:
            parse(data)
        except Exception:
            pass
        done.set()

    threading.Thread(target=run, daemon=True).start()
    return done.wait(1.0)


@pytest.mark.parametrize("template", [
    b'<!DOCTYPE r [<!ENTITY x SYSTEM "%s">]><r>&x;</r>',
    b'<!DOCTYPE r [<!ENTITY x SYSTEM "%s">]><r a="&x;"/>',
    b'<!DOCTYPE r [<!ENTITY %% p SYSTEM "%s"> %%p;]><r/>',
    b'<!DOCTYPE r SYSTEM "%s"><r/>',
])
def test_nothing_is_read_or_fetched_even_by_the_parser_alone(template: bytes, fifo: Path, listener) -> None:
    url = b"http://127.0.0.1:%d/x" % listener.getsockname()[1]
    for parse in (parse_untrusted, lambda data: etree.fromstring(data, _parser())):
        assert _parse_in_thread(parse, template % fifo.as_uri().encode()), "the parser opened the file"
        _parse_in_thread(parse, template % url)
        with pytest.raises(socket.timeout):
            listener.accept()


def test_deep_nesting() -> None:
    _rejected(b"<a>" * 100_000 + b"</a>" * 100_000, "nested deeper")


def test_long_attributes() -> None:
    _rejected(b'<a x="' + b"a" * (10 * 1024 * 1024) + b'"/>', "size limit")
    _rejected(b'<a x="' + b"a" * 2_000_000 + b'"/>', "longer than")


def test_malformed_and_non_bytes() -> None:
    _rejected(b"<a>", "not well-formed")
    _rejected(b"", "not well-formed")
    with pytest.raises(SchemaError):
        parse_untrusted("<a/>")  # type: ignore[arg-type]


def test_comments_and_processing_instructions_are_not_content() -> None:
    data = to_xml(_seed()).replace(b"At the outset", b"At<!-- c --> the<?pi x?> outset")
    assert from_xml(data) == _seed()
