"""Bytes to text: decoding, BOM and newline handling, and refusing what is not text.

The parser works on text with ``\\n`` newlines only; :class:`Decoded` keeps
what was found so the canonical form can say how the source was stored.

Detection order when no encoding is named (``--encoding`` skips all of it and
decodes strictly with the named codec):

1. A byte-order mark: UTF-8, UTF-32 LE/BE, UTF-16 LE/BE. UTF-32 LE is tried
   before UTF-16 LE because its mark starts with UTF-16 LE's.
2. A known binary signature (PNG, JPEG, GIF, PDF, ZIP and Office, gzip, xz,
   7-Zip, ELF, SQLite, old Office) or a NUL byte: refused as binary, with a
   hint when the NULs look like UTF-16 without a mark.
3. UTF-8, strictly (ASCII is UTF-8).
4. Shift_JIS, read as cp932 (the superset Japanese Windows writes), only when
   it decodes strictly *and* reads as Japanese: kana, CJK punctuation,
   full-width forms, or two ideographs in a row. Decoding alone proves
   little: English cp1252 text whose only non-ASCII bytes are curly
   apostrophes before a letter ("Japan’s") decodes as cp932 too, each pair
   turning into one lone ideograph.
5. cp1252 (Windows Western), strictly: five byte values are undefined in it,
   so a file holding them is not cp1252 either.
6. Otherwise an :class:`InputError` names the first byte that is not UTF-8.

Then, whatever the encoding: a NUL character means binary; a text that is
more than a tenth C0 control characters in its first 8 KB is binary too;
rarer controls are kept (the text is lossless; the XML form escapes them).
An empty file, a file of white space only and an HTML page are refused with
a message, since converting them would give an empty or meaningless
document. CRLF and lone CR become LF; the original style is recorded.
"""

from __future__ import annotations

import codecs
import re

from .. import regex
from ..errors import InputError
from ..record import Record

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures ("magic numbers") of formats users mistake for text.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
)
_ANY_SIGNATURE = tuple(magic for magic, _ in _SIGNATURES)

SAMPLE = 8192  # bytes or characters looked at to call a file binary
_CONTROL_SHARE = 0.1  # more C0 controls than this in the sample: binary
_CONTROLS = regex.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f]")  # not tab, LF, VT, FF, CR, ESC
_CONTROL_BYTES = bytes(c for c in range(0x80) if _CONTROLS.match(chr(c)))  # the same, as bytes
_BLANK = regex.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]*")
# An HTML page: its first tag (after comments) is a doctype, html, head or body.
_HTML_TAG = regex.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)

SHIFT_JIS = "cp932"
# Kana, CJK symbols and punctuation, full-width ASCII and signs: not half-width
# katakana, which is what stray cp1252 accented letters become in cp932.
_JAPANESE = regex.compile("[\u3000-\u30ff\uff01-\uff5e\uffe0-\uffe6]|[\u4e00-\u9fff]{2}")
_CP1252 = "cp1252"


class Decoded(Record):
    text: str  # newlines normalized to "\n", BOM removed
    encoding: str
    bom: bool
    newline: str  # lf, crlf, cr, mixed (or lf when there is none)
    sha256: str | None  # of the raw bytes; None when not asked for


def newline_style(text: str) -> str:
    if "\r" not in text:
        return "lf"  # most files: LF only, or one line
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("crlf", crlf), ("cr", cr), ("lf", lf)) if n]
    if len(kinds) > 1:
        return "mixed"
    return kinds[0] if kinds else "lf"


def normalize_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- binary input ---------------------------------------------------------------------------------

def _signature(raw: bytes) -> str | None:
    if not raw.startswith(_ANY_SIGNATURE):
        return None
    for magic, what in _SIGNATURES:
        if raw.startswith(magic):
            return what
    return None


def _utf16_hint(raw: bytes) -> str:
    """A hint when NULs sit in every other byte, as in UTF-16 text without a mark."""
    sample = raw[:SAMPLE]
    if len(sample) < 4:
        return ""
    for zeros, name in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            return f"; if it is UTF-16 text without a byte-order mark, name it with --encoding {name}"
    return ""


def _refuse_binary_bytes(raw: bytes, name: str) -> None:
    """Before guessing an encoding: formats with a signature, and NUL bytes."""
    what = _signature(raw)
    if what:
        raise InputError(f"{name}: binary file ({what}), not a readout's text")
    nul = raw.find(0, 0, SAMPLE)
    if nul < 0:
        nul = raw.find(0)
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL byte at byte {nul}){_utf16_hint(raw)}")


def _byte_offset(text: str, index: int, encoding: str, skipped: int) -> int:
    """The byte offset in the file of character ``index`` (``skipped``: the BOM's length)."""
    try:
        return skipped + len(text[:index].encode(encoding))
    except (UnicodeEncodeError, LookupError):  # a codec that cannot encode back: characters will do
        return skipped + index


def _refuse_binary_text(text: str, name: str, encoding: str, skipped: int) -> None:
    """After decoding: NUL characters and a text made of control characters."""
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL character at byte {_byte_offset(text, nul, encoding, skipped)})")
    sample = text[:SAMPLE]
    controls = _count_controls(sample)
    if controls > _CONTROL_SHARE * len(sample):
        first = _CONTROLS.search(sample).start()
        raise InputError(
            f"{name}: binary file ({controls} control characters in the first {len(sample)},"
            f" the first at byte {_byte_offset(text, first, encoding, skipped)})"
        )


def _count_controls(text: str) -> int:
    """How many of ``text``'s characters ``_CONTROLS`` matches.

    Counted on the UTF-8 bytes, where each such character is its own byte and no other character has a
    byte below 0x80, by one C pass (``bytes.translate``): the regex took 10 us for a readout's 2,000
    characters, more than decoding it. ``surrogatepass`` encodes whatever a codec gave.
    """
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))


# --- text that is no readout -------------------------------------------------------------------

def _refuse_non_readout(text: str, raw: bytes, name: str) -> None:
    if not raw:
        raise InputError(f"{name}: empty file")
    if _BLANK.fullmatch(text):
        raise InputError(f"{name}: no text (only white space)")
    if _HTML_TAG.match(_after_comments(text[:SAMPLE])):
        raise InputError(f"{name}: an HTML page, not a readout's text (save the page as plain text first)")


def _after_comments(text: str) -> str:
    """``text`` from its first tag that is not a comment.

    A loop, not a regex: ``(<!--.*?-->\\s*)*`` backtracks exponentially on a
    run of comments that is not followed by a tag.
    """
    rest = text.lstrip()
    while rest.startswith("<!--"):
        end = rest.find("-->", 4)
        if end < 0:
            return ""
        rest = rest[end + 3:].lstrip()
    return rest


# --- decoding ---------------------------------------------------------------------------------------

def _strict_decode(raw: bytes, encoding: str, name: str, skipped: int = 0) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode as {encoding} at byte {skipped + exc.start}") from None
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None


def _reads_as_japanese(raw: bytes) -> str | None:
    try:
        text = raw.decode(SHIFT_JIS)
    except UnicodeDecodeError:
        return None
    return text if _JAPANESE.search(text) else None


def _guess(raw: bytes, name: str) -> tuple[str, str]:
    """Text and encoding of bytes with no BOM and no encoding named (steps 3 to 6)."""
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc.start
    text = _reads_as_japanese(raw)
    if text is not None:
        return text, SHIFT_JIS
    try:
        return raw.decode(_CP1252), _CP1252
    except UnicodeDecodeError:
        pass
    raise InputError(
        f"{name}: cannot decode: not UTF-8 at byte {first_error}, nor Shift_JIS or cp1252;"
        " name the encoding with --encoding"
    )


def _canonical_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding.lower()


def _named_bom(raw: bytes, encoding: str) -> bool:
    """Whether a named codec that removes the mark itself (utf-16, utf-32) found one."""
    return encoding in ("utf-16", "utf-32") and raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                                                codecs.BOM_UTF32_BE))


def decode(raw: bytes, name: str = "<input>", encoding: str | None = None, *, digest: bool = True) -> Decoded:
    """Decode ``raw``; raise :class:`InputError` (with the byte offset) when impossible or not text.

    Without ``digest`` the raw bytes' sha256 is not computed (``check`` reports
    none): hashlib is then not even imported.
    """
    sha256 = None
    if digest:
        import hashlib

        sha256 = hashlib.sha256(raw).hexdigest()
    bom = False
    skipped = 0  # bytes of a mark removed here, before decoding
    if encoding is None:
        for mark, enc in _BOMS:
            if raw.startswith(mark):
                encoding, bom, skipped = enc, True, len(mark)
                break
        if bom:
            text = _strict_decode(raw[skipped:], encoding, name, skipped)
        else:
            _refuse_binary_bytes(raw, name)
            text, encoding = _guess(raw, name)
    else:
        text = _strict_decode(raw, encoding, name)
        encoding = _canonical_name(encoding)
        bom = _named_bom(raw, encoding)
    _refuse_binary_text(text, name, encoding, skipped)
    if text.startswith("\ufeff"):  # a named codec that keeps the mark (utf-8, utf-16-le, ...)
        text, bom = text[1:], True
    _refuse_non_readout(text, raw, name)
    style = newline_style(text)
    return Decoded(normalize_newlines(text), encoding.lower(), bom, style, sha256)
