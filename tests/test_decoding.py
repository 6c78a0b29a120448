"""Bytes to text: what is detected, what is refused, and the byte offsets in the messages."""

from __future__ import annotations

import codecs
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convert.errors import InputError
from convert.parse.reading import decode

TEXT = "Japan-US Summit Meeting (Summary)\nJuly 11, 2024\n[Provisional translation]\n1. Talks.\n"


@pytest.mark.parametrize("raw, encoding, bom", [
    (TEXT.encode("utf-8"), "utf-8", False),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
    (TEXT.encode("utf-16"), "utf-16-le", True),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
    (TEXT.encode("utf-32"), "utf-32-le", True),
    (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32-be", True),
    (TEXT.replace("Talks", "Café talks – Japan’s “view”").encode("cp1252"), "cp1252", False),
    (TEXT.replace("Talks", "首脳会談「日本」").encode("cp932"), "cp932", False),
    (TEXT.replace("Talks", "Mr. 岸田 said").encode("cp932"), "cp932", False),  # two ideographs in a row
])
def test_detected_encodings(raw: bytes, encoding: str, bom: bool) -> None:
    decoded = decode(raw, "x.txt")
    assert (decoded.encoding, decoded.bom) == (encoding, bom)
    assert decoded.text.startswith("Japan-US Summit Meeting (Summary)\nJuly 11, 2024\n")


def test_curly_apostrophes_in_cp1252_are_not_taken_for_shift_jis() -> None:
    # "’s" is a valid cp932 pair (one lone ideograph): decoding alone would pick Shift_JIS.
    raw = "Japan’s and Russia’s views, don’t".encode("cp1252")
    raw.decode("cp932")  # proves the trap is real
    assert decode(raw).encoding == "cp1252"
    assert decode(raw).text == "Japan’s and Russia’s views, don’t"


@pytest.mark.parametrize("named, expected", [("windows-1252", "cp1252"), ("Shift_JIS", "shift_jis"),
                                             ("latin-1", "iso8859-1"), ("UTF8", "utf-8")])
def test_named_encodings_are_recorded_by_their_canonical_name(named: str, expected: str) -> None:
    assert decode(b"Title\n", "x", named).encoding == expected


def test_named_encoding_keeps_and_strips_its_own_mark() -> None:
    decoded = decode(codecs.BOM_UTF8 + b"Title\n", "x", "utf-8")
    assert (decoded.text, decoded.bom) == ("Title\n", True)
    decoded = decode(TEXT.encode("utf-16"), "x", "utf-16")
    assert (decoded.text, decoded.bom) == (TEXT, True)


@pytest.mark.parametrize("raw, newline", [
    (b"a\nb\n", "lf"), (b"a\r\nb\r\n", "crlf"), (b"a\rb\r", "cr"), (b"a\r\nb\nc\r", "mixed"), (b"a", "lf"),
])
def test_newline_styles_are_recorded_and_normalized(raw: bytes, newline: str) -> None:
    decoded = decode(raw)
    assert decoded.newline == newline
    assert "\r" not in decoded.text


def test_invisible_spaces_and_rare_controls_are_kept() -> None:
    text = "Title\u00a0here\u200b\nJuly\u202f11, 2024\ufeff\n\x1b[1mbold\x1b[0m\x0c\n"
    assert decode(text.encode("utf-8")).text == text


@pytest.mark.parametrize("raw, encoding, message", [
    (b"Title\n\x81\x8d\x90\xff", None, r"^x\.txt: cannot decode: not UTF-8 at byte 6, nor Shift_JIS or cp1252; name the encoding with --encoding$"),
    (codecs.BOM_UTF8 + b"ab\xff", None, r"^x\.txt: cannot decode as utf-8 at byte 5$"),  # the offset counts the mark
    (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8b\x00", None, r"^x\.txt: cannot decode as utf-16-le at byte 4$"),
    ("Japan’s".encode("cp1252"), "utf-8", r"^x\.txt: cannot decode as utf-8 at byte 5$"),
    (b"Title", "no-such-codec", r"^x\.txt: unknown encoding 'no-such-codec'$"),
    (b"", None, r"^x\.txt: empty file$"),
    (codecs.BOM_UTF8, None, r"^x\.txt: no text \(only white space\)$"),
    (" \u3000\u200b\n".encode("utf-8"), None, r"^x\.txt: no text \(only white space\)$"),
    (b"abc\x00def", None, r"^x\.txt: binary file \(NUL byte at byte 3\)$"),
    (codecs.BOM_UTF16_LE + "ab\x00c".encode("utf-16-le"), None, r"^x\.txt: binary file \(NUL character at byte 6\)$"),
    (codecs.BOM_UTF8 + b"x\x00", "utf-8", r"^x\.txt: binary file \(NUL character at byte 4\)$"),
    ("Title here".encode("utf-16-le"), None, r"binary file \(NUL byte at byte 1\); if it is UTF-16 text without a "
                                             r"byte-order mark, name it with --encoding utf-16-le$"),
    ("Title here".encode("utf-16-be"), None, r"--encoding utf-16-be$"),
    (b"\x89PNG\r\n\x1a\n\x00", None, r"^x\.txt: binary file \(a PNG image\), not a readout's text$"),
    (b"\xff\xd8\xff\xe0", None, r"a JPEG image"),
    (b"GIF89a", None, r"a GIF image"),
    (b"%PDF-1.4\n", None, r"a PDF document"),
    (b"PK\x03\x04\x14\x00", None, r"a ZIP archive or Office document"),
    (b"\x1f\x8b\x08\x00", None, r"a gzip file"),
    (b"\x7fELF\x02\x01", None, r"an executable"),
    (b"SQLite format 3\x00", None, r"an SQLite database"),
    (bytes(range(1, 32)) * 10, None, r"^x\.txt: binary file \(\d+ control characters in the first 310, the first at byte 0\)$"),
    (b"<!DOCTYPE html>\n<html>", None, r"an HTML page, not a readout's text"),
    (b"  <!-- saved from url -->\n<HTML lang=en>", None, r"an HTML page"),
    (b"<head><title>x</title></head>", None, r"an HTML page"),
])
def test_refused_with_one_line_naming_the_byte(raw: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        decode(raw, "x.txt", encoding)
    assert "\n" not in str(caught.value)


def test_html_sniffing_is_linear_on_a_run_of_comments() -> None:
    # A regex with nested repetition took seconds on 25 comments and doubled with each one more.
    raw = b"<!--a-->" * 1000 + b"X"
    start = time.monotonic()
    assert decode(raw).text.endswith("X")
    assert time.monotonic() - start < 0.5
    with pytest.raises(InputError, match="an HTML page"):
        decode(b"<!--a-->" * 1000 + b"<html>")


def test_a_readout_with_angle_brackets_is_not_html() -> None:
    assert decode(b"<Opening remarks>\nJuly 11, 2024\n").text.startswith("<Opening")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([None, "utf-8", "cp1252", "shift_jis", "utf-16", "latin-1"]))
def test_any_bytes_decode_or_raise_input_error(raw: bytes, encoding: str | None) -> None:
    try:
        decoded = decode(raw, "x", encoding)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x: ")
        return
    assert "\r" not in decoded.text and "\x00" not in decoded.text


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), min_size=1, max_size=300)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]))
def test_unicode_with_a_mark_round_trips(text: str, codec: str) -> None:
    try:
        decoded = decode(text.encode(codec), "x")
    except InputError as exc:  # white space only, HTML or mostly control characters: refused, as documented
        assert re.search(r"only white space|HTML|binary file", str(exc)), exc
        return
    assert decoded.text == text.removeprefix("\ufeff") or decoded.text == text
