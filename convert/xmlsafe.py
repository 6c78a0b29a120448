"""XML safety: hardened parsing of untrusted input, and text XML 1.0 cannot carry.

Parsing: no DTD is loaded, no entity is expanded, nothing is fetched (a
resolver answers every external request with nothing, should libxml2 ask), and
any DOCTYPE is refused outright (billion laughs and external entities both need
one). libxml2's own limits stay on (depth 256 where canonical documents nest 7
deep, 10 MB text nodes, entity amplification); ours add a total size and a
shorter attribute limit. Every failure is a one-line :class:`SchemaError`.

Escaping: source text may hold characters XML 1.0 forbids (C0 controls other
than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF). In element content
each one becomes an empty ``<c code="1B"/>`` element (code: upper-case hex);
in an attribute the whole value is escaped: a leading backslash flags it, then
``\\`` stands for a backslash and ``\\uXXXX`` for a forbidden character. A
value that really starts with a backslash is escaped too, so decoding is
unambiguous.
"""

from __future__ import annotations

import re
from functools import cache

from lxml import etree

from .errors import SchemaError

MAX_XML_BYTES = 64 * 1024 * 1024
MAX_ATTRIBUTE_CHARS = 1_000_000
MAX_ATTRIBUTES = 64  # on one element; canonical elements carry at most 8

ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_SPECIAL = re.compile('[&<>"\t\n\r]')
_C0 = bytes([*range(0, 9), 11, 12, *range(14, 32)])  # the control bytes XML 1.0 forbids
_ATTR_ESCAPE = re.compile(r"\\(?:(\\)|u([0-9A-F]{4}))|\\")
# A DOCTYPE in UTF-16, which libxml2 detects from the first bytes (and those hold a NUL).
_DOCTYPES = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-16-le", "utf-16-be"))


# --- characters XML 1.0 cannot carry ----------------------------------------------------------

def encode_attr(value: str) -> str:
    """``value`` as an attribute value XML 1.0 can carry (see the module docstring)."""
    if value.isprintable() and value[:1] != "\\":  # fast path: almost every value
        return value
    if value[:1] != "\\" and ILLEGAL.search(value) is None:
        return value
    escaped = value.replace("\\", "\\\\")
    return "\\" + ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04X}", escaped)


def _unescape(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\"
    if match.group(2):
        return chr(int(match.group(2), 16))
    raise SchemaError(f"bad escape in attribute value at {match.group()!r}: use \\\\ or \\uXXXX")


def decode_attr(value: str) -> str:
    """The inverse of :func:`encode_attr`."""
    if value[:1] != "\\":
        return value
    return _ATTR_ESCAPE.sub(_unescape, value[1:])


# --- escaping for serializers that write XML as text ----------------------------------------

def escape_attr(value: str) -> str:
    if _ATTR_SPECIAL.search(value) is None:
        return value
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;"))


def escape_text(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def escape_attr_strict(value: str) -> str:
    return escape_attr(encode_attr(value))


def escape_text_strict(text: str) -> str:
    """Text with each character XML 1.0 forbids written as ``<c code="XX"/>``."""
    return ILLEGAL.sub(lambda m: f'<c code="{ord(m.group()):02X}"/>', escape_text(text))


def needs_strict(data: bytes) -> bool:
    """Whether the fast pass let through a forbidden character or a value starting with a backslash."""
    if len(data.translate(None, _C0)) != len(data) or b'="\\' in data:
        return True
    return b"\xef\xbf" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data)


# --- hardened parsing ----------------------------------------------------------------------------

class _NoExternalResources(etree.Resolver):
    """Every external DTD or entity resolves to nothing, whatever libxml2 decides to load."""

    def resolve(self, url, pubid, context):
        return self.resolve_string("", context)


@cache
def _parser() -> etree.XMLParser:
    # lxml serializes the use of one parser across threads, so one is enough. Not
    # collect_ids=False: lxml then sets XML_SKIP_IDS in libxml2's loadsubset, and any
    # non-zero loadsubset makes libxml2 load the external DTD subset even with load_dtd=False.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, dtd_validation=False,
        attribute_defaults=False, remove_comments=True, remove_pis=True, strip_cdata=True,
    )
    parser.resolvers.add(_NoExternalResources())
    return parser


def _reject_doctype_early(data: bytes) -> None:
    """Refuse a DOCTYPE before libxml2 reads its internal subset.

    Canonical XML never holds the literal string (``<`` is always escaped), so
    searching all of ``data`` costs no false alarm; the check after parsing
    stays the authoritative one.
    """
    if b"<!DOCTYPE" in data or (b"\0" in data[:4] and any(doctype in data for doctype in _DOCTYPES)):
        raise SchemaError("XML with a DOCTYPE is not accepted (no DTDs, no entities)")


def _syntax_message(exc: etree.XMLSyntaxError) -> str:
    text = str(exc).split("\n", 1)[0]
    if "Excessive depth" in text:
        return "XML nested deeper than 256 levels"
    if "limit exceeded" in text or "too long" in text.lower() or "amplification" in text:
        return f"XML exceeds a size limit ({text.split(',', 1)[0]})"
    return f"not well-formed XML: {' '.join(text.split())}"


def _check_doctype(root: etree._Element) -> None:
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise SchemaError("XML with a DOCTYPE is not accepted (no DTDs, no entities)")


def _check_attributes(root: etree._Element) -> None:
    for element in root.iter():
        # lxml's items() looks each value up by name: 100,000 attributes took a minute.
        if len(element.attrib) > MAX_ATTRIBUTES:
            raise SchemaError(f"XML element with more than {MAX_ATTRIBUTES} attributes (line {element.sourceline})")
        for name, value in element.items():
            if len(value) > MAX_ATTRIBUTE_CHARS:
                raise SchemaError(f"XML attribute {name!r} longer than {MAX_ATTRIBUTE_CHARS} characters "
                                  f"(line {element.sourceline})")


def parse_untrusted(data: bytes) -> etree._Element:
    """The root element of ``data``; SchemaError (one line) for anything unsafe or malformed."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise SchemaError("XML input must be bytes")
    if len(data) > MAX_XML_BYTES:
        raise SchemaError(f"XML larger than {MAX_XML_BYTES} bytes")
    data = bytes(data)
    _reject_doctype_early(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise SchemaError(_syntax_message(exc)) from None
    _check_doctype(root)
    if len(data) > MAX_ATTRIBUTE_CHARS:  # only then can an attribute be too long: skip the walk otherwise
        _check_attributes(root)
    return root
