"""Bytes to text: decoding, BOM and newline handling.

The parser works on text with ``\\n`` newlines only; :class:`Decoded` keeps
what was found so the canonical form can say how the source was stored.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Tried in order when no encoding is named and the bytes are not UTF-8.
_FALLBACKS = ("cp1252", "shift_jis")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # newlines normalized to "\n", BOM removed
    encoding: str
    bom: bool
    newline: str  # lf, crlf, cr, mixed (or lf when there is none)
    sha256: str  # of the raw bytes


def newline_style(text: str) -> str:
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


def _looks_binary(raw: bytes) -> bool:
    return b"\x00" in raw[:8192]


def _strict_decode(raw: bytes, encoding: str, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode as {encoding} at byte {exc.start}") from None
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None


def decode(raw: bytes, name: str = "<input>", encoding: str | None = None) -> Decoded:
    """Decode ``raw``; raise :class:`InputError` with the byte offset when impossible."""
    digest = hashlib.sha256(raw).hexdigest()
    bom = False
    if encoding is None:
        for mark, enc in _BOMS:
            if raw.startswith(mark):
                raw, encoding, bom = raw[len(mark):], enc, True
                break
    if encoding is None:
        if _looks_binary(raw):
            raise InputError(f"{name}: binary file (NUL byte at offset {raw.index(0)})")
        try:
            text = raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as exc:
            first_error = exc.start
            for enc in _FALLBACKS:
                try:
                    text = raw.decode(enc)
                except UnicodeDecodeError:
                    continue
                encoding = enc
                break
            else:
                raise InputError(
                    f"{name}: not valid UTF-8 at byte {first_error} and no fallback encoding fits;"
                    " name one with --encoding"
                ) from None
    else:
        text = _strict_decode(raw, encoding, name)
        if text.startswith("\ufeff"):
            text, bom = text[1:], True
    if "\x00" in text:
        raise InputError(f"{name}: binary file (NUL character at offset {text.index(chr(0))})")
    style = newline_style(text)
    return Decoded(normalize_newlines(text), encoding.lower(), bom, style, digest)
