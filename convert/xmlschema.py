"""Validating canonical XML: document.xsd, then the cross-field rules of document.sch.

The Schematron file is the shipped contract. Running it through lxml's ISO
Schematron (XSLT) costs about 15 times the XSD validation, so the default path
runs the same assertions written in Python (:func:`rule_errors`, about as fast
as the XSD itself); a test keeps the two in agreement, message for message, on
good and bad documents. Pass ``schematron=True`` to run the .sch itself.

Every message is one line: ``line N: /document/body/section[2]/p[3]: text``.
Validators are built once, on first use, and reused.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from lxml import etree

from .model import NAMESPACE
from .resources import schema_path
from .xmlsafe import parse_untrusted

XSD = "document.xsd"
SCHEMATRON = "document.sch"
_SVRL = "{http://purl.oclc.org/dsdl/svrl}"
_NS_BRACES = re.compile(r"\{" + re.escape(NAMESPACE) + r"\}")
_BULLETS = "•・●◆■□○◎▪-"
_NUMBER_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz()")
_Q = {name: f"{{{NAMESPACE}}}{name}" for name in
      "ref link c p item section heading footnote footnotes event participant text".split()}


@cache
def _schema_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@cache
def xsd_validator() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path(XSD)), _schema_parser()))


@cache
def schematron_validator():
    from lxml.isoschematron import Schematron

    return Schematron(etree.parse(str(schema_path(SCHEMATRON)), _schema_parser()), store_report=True)


# --- where: a readable path and a line for an element --------------------------------------

def element_path(element: etree._Element) -> str:
    """``/document/body/section[2]``: local names, an index when an earlier sibling shares the name."""
    steps = []
    while element is not None:
        name = etree.QName(element).localname
        same = sum(1 for _ in element.itersiblings(element.tag, preceding=True))
        steps.append(f"{name}[{same + 1}]" if same else name)
        element = element.getparent()
    return "/" + "/".join(reversed(steps))


def _where(element: etree._Element | None) -> str:
    if element is None:
        return "line ?: /"
    return f"line {element.sourceline or '?'}: {element_path(element)}"


def _locate(root: etree._Element, xpath: str | None) -> etree._Element | None:
    """The element an XSD or SVRL location names (both plain XPath 1.0), or None."""
    if not xpath:
        return None
    try:
        found = root.getroottree().xpath(xpath)
    except etree.XPathError:
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None


# --- XSD --------------------------------------------------------------------------------------

def xsd_errors(root: etree._Element) -> list[str]:
    schema = xsd_validator()
    if schema.validate(root):
        return []
    return [f"{_where(_locate(root, e.path))}: {_NS_BRACES.sub('', ' '.join(e.message.split()))}"
            for e in schema.error_log]


# --- the rules of document.sch, in Python ---------------------------------------------------------

def _string(element: etree._Element) -> str:
    return "".join(element.itertext())


def _ordered(value: str, first: int, second: int, parts: int) -> bool:
    """Whether number ``first`` <= number ``second`` of a span or extent (False where XPath sees NaN)."""
    numbers = value.split(" ")
    try:
        return len(numbers) == parts and int(numbers[first]) <= int(numbers[second])
    except ValueError:
        return False


def _span_ok(span: str) -> bool:
    """start <= end and line <= end line (False where XPath's number() sees NaN)."""
    numbers = span.split(" ")
    try:
        return len(numbers) == 6 and int(numbers[0]) <= int(numbers[1]) and int(numbers[2]) <= int(numbers[4])
    except ValueError:
        return False


def _ref(el, notes: dict[str, list[str]]) -> list[str]:
    target, marker, out = el.get("target"), el.get("marker"), []
    if target is None:
        return out
    if target not in notes:
        out.append(f"XS001 footnote reference '{_string(el)}' targets '{target}', which no footnote defines")
    if marker is not None and any(m != marker for m in notes.get(target, ())):
        out.append(f"XS002 footnote reference '{_string(el)}' has marker '{marker}' but targets footnote "
                   f"'{target}' with another marker")
    return out


def _mark(el) -> list[str]:
    if el.text or any(child.tag == _Q["c"] or child.tail for child in el):
        return []
    return [f"XS010 empty {etree.QName(el).localname}: a mark covers at least one character (start < end)"]


def _paragraph(el) -> list[str]:
    kind, number, out = el.get("kind"), el.get("number"), []
    if number is not None:
        if kind == "bullet":
            if not (len(number) == 1 and number in _BULLETS):
                out.append(f"XS004 bullet paragraph numbered '{number}': a bullet paragraph's number is its "
                           "bullet character")
        elif kind == "text":
            if not (len(number) > 1 and set(number) <= _NUMBER_CHARS and number.endswith(")")):
                out.append(f"XS005 text paragraph numbered '{number}': expected \"(1)\", \"1)\" or an item "
                           "number such as \"(a)\"")
        else:
            out.append(f"XS006 {kind} paragraph numbered '{number}': only text and bullet paragraphs have numbers")
    if (kind == "residue") != (el.get("residue") is not None):
        out.append(f"XS007 {kind} paragraph: the residue attribute is present exactly when kind is residue")
    return out


def _section(el) -> list[str]:
    if el.get("number") is None and el.find(_Q["heading"]) is not None:
        return ["XS008 unnumbered section with a heading: only a numbered section has one"]
    return []


def _item(el) -> list[str]:
    if el.tail or any(sibling.tail for sibling in el.itersiblings()):
        return ["XS009 text after an item: a paragraph's own text comes before its items"]
    return []


def _extent(el) -> list[str]:
    extent = el.get("extent") or ""
    text = el.getparent().find(_Q["text"])
    size = 0 if text is None else len(_string(text)) + sum(1 for _ in text.iter(_Q["c"]))
    if _ordered(extent, 0, 1, 2) and int(extent.split(" ")[1]) <= size:
        return []
    return [f"XS012 {etree.QName(el).localname} extent '{extent}' is not inside the lead's text"]


def _event(el) -> list[str]:
    out = []
    japan, start, offset = el.get("start-japan"), el.get("start"), el.get("utc-offset")
    if japan is not None and japan[-6:] != "+09:00":
        out.append(f"XS013 start-japan '{japan}' is not in Japan time (+09:00)")
    if start is not None and offset is not None and start[-6:] != offset:
        out.append(f"XS014 start '{start}' disagrees with utc-offset '{offset}'")
    return out


def _footnote_ids(root: etree._Element) -> tuple[dict[str, list[str]], Counter]:
    notes: dict[str, list[str]] = {}
    for note in root.iterfind(f"{_Q['footnotes']}/{_Q['footnote']}"):
        notes.setdefault(note.get("id"), []).append(note.get("marker"))
    return notes, Counter({key: len(markers) for key, markers in notes.items()})


def rule_errors(root: etree._Element) -> list[str]:
    """The assertions of document.sch, in document order (assumes an XSD-valid tree)."""
    notes, counts = _footnote_ids(root)
    ref, link, footnote, p, section, item, event, participant = (
        _Q[name] for name in "ref link footnote p section item event participant".split())
    errors = []
    for el in root.iter(etree.Element):
        tag, found = el.tag, []
        if tag == p:
            found = _paragraph(el)
        elif tag == ref:
            found = _ref(el, notes) + _mark(el)
        elif tag == link:
            found = _mark(el)
        elif tag == section:
            found = _section(el)
        elif tag == footnote and counts[el.get("id")] != 1:
            found = [f"XS003 footnote id '{el.get('id')}' is not unique"]
        elif tag == item:
            found = _item(el)
        elif tag == event:
            found = _extent(el) + _event(el)
        elif tag == participant:
            found = _extent(el)
        span = el.get("span")
        if span is not None and not _span_ok(span):
            found.append(f"XS011 span '{span}' runs backwards")
        if found:
            errors += (f"{_where(el)}: {message}" for message in found)
    return errors


# --- the .sch itself ----------------------------------------------------------------------------

def schematron_errors(root: etree._Element) -> list[str]:
    """Failed assertions of document.sch run by lxml's ISO Schematron, in document order."""
    validator = schematron_validator()
    if validator.validate(root):
        return []
    position = {element: index for index, element in enumerate(root.iter(etree.Element))}
    found = []
    for failed in validator.validation_report.iter(f"{_SVRL}failed-assert"):
        element = _locate(root, failed.get("location"))
        text = " ".join("".join(failed.find(f"{_SVRL}text").itertext()).split())
        found.append((position.get(element, -1), f"{_where(element)}: {text}"))
    return [message for _, message in sorted(found, key=lambda pair: pair[0])]


# --- entry points ----------------------------------------------------------------------------

def validate_xml_tree(root: etree._Element, *, schematron: bool = False) -> list[str]:
    """XSD errors; when there are none, the cross-field rules (Python, or the .sch with ``schematron``)."""
    errors = xsd_errors(root)
    if errors:
        return errors
    return schematron_errors(root) if schematron else rule_errors(root)


def validate_xml_bytes(data: bytes, *, schematron: bool = False) -> list[str]:
    """Parse (hardened) and validate; SchemaError when ``data`` is not even safe, well-formed XML."""
    return validate_xml_tree(parse_untrusted(data), schematron=schematron)
