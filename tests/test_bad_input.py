"""Bad and hostile input, end to end: one case per kind of input (SPEC section 7).

Each case runs ``python -m convert`` in a subprocess on a batch that holds the
bad input *and* a good readout, and asserts: the exit code, the one-line
message naming the file, that no traceback is printed, that the run finished
within ``SECONDS`` (a hang fails at ``TIMEOUT``), and that the good readout
was still processed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

SEED = ROOT / "seeds" / "000_0bcac0d4543df4fe.txt"
# "Within a couple of seconds", plus slack for interpreter start-up on a busy two-core CI machine.
SECONDS = float(os.environ.get("READOUT_BAD_INPUT_SECONDS", "6"))
TIMEOUT = 60  # a hang fails the test here rather than blocking the suite
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float


def readout(*args: str, cwd: Path) -> Run:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "convert", *args], cwd=cwd, capture_output=True,
                          timeout=TIMEOUT, env=env, stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), seconds)


def assert_reported(run: Run, code: int, message: str) -> None:
    """Exit ``code``; ``message`` (a regex) on one stderr line; no traceback; in time."""
    assert "Traceback" not in run.err + run.out, run.err
    assert run.code == code, run.err
    lines = run.err.splitlines()
    assert any(re.search(message, line) for line in lines), run.err
    assert all(line.startswith("readout: ") for line in lines), run.err
    assert run.seconds < SECONDS, f"took {run.seconds:.1f}s"


# --- a batch: the bad input next to a good readout ----------------------------------------------------

@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    return folder


def convert_batch(folder: Path, *extra: str) -> tuple[Run, Path]:
    out = folder.parent / "out"
    run = readout("convert", "in", *extra, "-o", "out", cwd=folder.parent)
    return run, out


def assert_good_converted(out: Path) -> None:
    assert json.loads((out / "good.json").read_bytes())["id"] == "good"
    assert (out / "good.xml").read_bytes().startswith(b"<?xml")


def assert_batch_reports(folder: Path, code: int, message: str, *extra: str) -> Run:
    run, out = convert_batch(folder, *extra)
    assert_reported(run, code, message)
    assert_good_converted(out)
    return run


# --- not a readout --------------------------------------------------------------------------------

def test_empty_file(batch: Path) -> None:
    (batch / "empty.txt").write_bytes(b"")
    assert_batch_reports(batch, 2, r"^readout: error: in/empty\.txt: empty file$")
    assert not (batch.parent / "out" / "empty.json").exists()


def test_white_space_only(batch: Path) -> None:
    (batch / "blank.txt").write_bytes(b" \r\n\t\n\xc2\xa0\n")
    assert_batch_reports(batch, 2, r"in/blank\.txt: no text \(only white space\)")


def test_binary_file_with_nul_bytes(batch: Path) -> None:
    (batch / "data.txt").write_bytes(b"Title\n" + bytes(range(256)) * 4)
    assert_batch_reports(batch, 2, r"in/data\.txt: binary file \(NUL byte at byte 6\)")


def test_png_image(batch: Path) -> None:
    (batch / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    assert_batch_reports(batch, 2, r"in/photo\.txt: binary file \(a PNG image\), not a readout's text")


def test_zip_archive(batch: Path) -> None:
    with zipfile.ZipFile(batch / "bundle.txt", "w") as archive:
        archive.writestr("a.txt", "July 11, 2024\n" * 100)
    assert_batch_reports(batch, 2, r"in/bundle\.txt: binary file \(a ZIP archive or Office document\)")


def test_pdf_document(batch: Path) -> None:
    (batch / "readout.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    assert_batch_reports(batch, 2, r"in/readout\.txt: binary file \(a PDF document\)")


def test_mostly_control_characters(batch: Path) -> None:
    (batch / "ctl.txt").write_bytes(bytes(range(1, 9)) * 200)
    assert_batch_reports(batch, 2, r"in/ctl\.txt: binary file \(\d+ control characters in the first \d+, the first at byte 0\)")


def test_html_page(batch: Path) -> None:
    (batch / "page.txt").write_text("<!-- saved -->\n<!DOCTYPE html>\n<html><body><h1>Japan-US Summit</h1></body></html>\n")
    assert_batch_reports(batch, 2, r"in/page\.txt: an HTML page, not a readout's text \(save the page as plain text first\)")


def test_csv_converts_as_plain_paragraphs_with_a_warning(batch: Path) -> None:
    """Decision: text that is no readout still converts (lossless, plain paragraphs); a warning says so."""
    (batch / "table.txt").write_text("name,date,place\nKishida,2024-07-11,Washington\nBiden,2024-07-11,Washington\n")
    run = assert_batch_reports(batch, 0, r"^readout: warning: in/table\.txt: no date line, translation marker, lead "
                                         r"or numbered section; not a readout\? converted as plain paragraphs$")
    doc = json.loads((batch.parent / "out" / "table.json").read_bytes())
    assert doc["date"] is None and "Kishida,2024-07-11,Washington" in json.dumps(doc)
    assert "converted 2 of 2" in run.err


def test_huge_file_is_refused_unread(batch: Path) -> None:
    # Sparse: 100 MB on paper, no disk; refused on its size before a byte is read.
    with open(batch / "huge.txt", "wb") as handle:
        handle.write(b"July 11, 2024\n")
        handle.truncate(100 * 1024 * 1024)
    assert_batch_reports(batch, 2, r"in/huge\.txt: 104857600 bytes is over the limit of 1048576 "
                                   r"\(raise it with --max-bytes\)")


def test_max_bytes_limit_and_option(batch: Path) -> None:
    limit = SEED.stat().st_size - 1
    run, out = convert_batch(batch, "--max-bytes", str(limit))
    assert_reported(run, 2, rf"in/good\.txt: {limit + 1} bytes is over the limit of {limit} \(raise it with --max-bytes\)")
    run, out = convert_batch(batch, "--max-bytes", str(limit + 1))
    assert run.code == 0, run.err
    assert_good_converted(out)


def test_one_10_mb_line(batch: Path) -> None:
    (batch / "oneline.txt").write_bytes(b"word " * (2 * 1024 * 1024))
    assert_batch_reports(batch, 2, r"in/oneline\.txt: 10485760 bytes is over the limit of 1048576")
    # Past the size limit, the line limit still holds.
    assert_batch_reports(batch, 2, r"in/oneline\.txt: line 1 has 10485760 characters, over the limit of 20000 "
                                   r"\(raise it with --max-line\)", "--max-bytes", "20000000")


def test_max_line_option_raises_the_limit(batch: Path) -> None:
    (batch / "long.txt").write_text("Title\nJuly 11, 2024\n" + "x " * 150_000 + "\n")
    assert_batch_reports(batch, 2, r"in/long\.txt: line 3 has 300000 characters", "--max-line", "250000")
    run, out = convert_batch(batch, "--max-line", "300000")
    assert run.code == 0 and (out / "long.json").exists(), run.err


@pytest.mark.parametrize("value", ["0", "-5", "lots"])
def test_limit_options_must_be_positive_numbers(batch: Path, value: str) -> None:
    run, _ = convert_batch(batch, "--max-bytes", value)
    assert run.code == 2 and "Traceback" not in run.err
    assert re.search(r"argument --max-bytes: (must be at least 1|not a number)", run.err), run.err


def test_folder_with_no_readouts(batch: Path) -> None:
    (batch.parent / "notes").mkdir()
    (batch.parent / "notes" / "readme.md").write_text("not a readout")
    run = readout("convert", "in", "notes", "-o", "out", cwd=batch.parent)
    assert_reported(run, 2, r"^readout: error: notes: a folder with no readouts \(\*\.txt\) in it$")
    assert_good_converted(batch.parent / "out")


def test_validate_folder_with_no_canonical_files(batch: Path) -> None:
    run = readout("validate", "in", cwd=batch.parent)
    assert_reported(run, 2, r"^readout: error: in: a folder with no canonical files \(\*\.json, \*\.xml\) in it$")


@pytest.mark.skipif(AS_ROOT, reason="running as root: chmod 000 does not stop root from reading")
def test_unreadable_file(batch: Path) -> None:
    secret = batch / "secret.txt"
    shutil.copy(SEED, secret)
    secret.chmod(0)
    try:
        assert_batch_reports(batch, 2, r"in/secret\.txt: permission denied")
    finally:
        secret.chmod(0o644)


@pytest.mark.skipif(AS_ROOT, reason="running as root: chmod 000 does not stop root from listing")
def test_unlistable_folder(batch: Path) -> None:
    locked = batch / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert_batch_reports(batch, 2, r"in/locked: cannot list folder: Permission denied")
    finally:
        locked.chmod(0o755)


def test_named_pipe_is_refused_without_blocking(batch: Path) -> None:
    # What an unreadable file would do to a naive reader: open() on a FIFO waits forever for a writer.
    os.mkfifo(batch / "pipe.txt")
    assert_batch_reports(batch, 2, r"in/pipe\.txt: a named pipe, not a regular file")


def test_device_is_refused(batch: Path) -> None:
    run = readout("convert", "/dev/zero", "--to", "json", cwd=batch.parent)
    assert_reported(run, 2, r"^readout: error: /dev/zero: a character device, not a regular file$")


def test_folder_named_like_a_readout(batch: Path) -> None:
    (batch.parent / "odd.txt").mkdir()
    run = readout("convert", "in", "odd.txt", "-o", "out", cwd=batch.parent)
    assert_reported(run, 2, r"odd\.txt: a folder with no readouts")
    assert_good_converted(batch.parent / "out")
    run = readout("render", "odd.txt", cwd=batch.parent)
    assert_reported(run, 2, r"^readout: error: odd\.txt: a folder, not a file$")


def test_broken_symlink(batch: Path) -> None:
    (batch / "gone.txt").symlink_to("nowhere.txt")
    assert_batch_reports(batch, 2, r"in/gone\.txt: broken symbolic link \(its target 'nowhere\.txt' does not exist\)")


def test_symlink_loop(batch: Path) -> None:
    (batch / "loop.txt").symlink_to("loop.txt")
    (batch / "a.txt").symlink_to("b.txt")
    (batch / "b.txt").symlink_to("a.txt")
    run = assert_batch_reports(batch, 2, r"in/loop\.txt: symbolic link loop")
    assert "in/a.txt: symbolic link loop" in run.err and "in/b.txt: symbolic link loop" in run.err


def test_folder_symlink_loop_is_not_followed(batch: Path) -> None:
    (batch / "sub").mkdir()
    (batch / "sub" / "up").symlink_to("..", target_is_directory=True)
    run, out = convert_batch(batch)
    assert run.code == 0 and run.seconds < SECONDS, run.err
    assert_good_converted(out)


def test_very_deep_folders(batch: Path) -> None:
    deep = batch
    for _ in range(600):  # deeper than Python's recursion limit allows a recursive walk
        deep = deep / "d"
    deep.mkdir(parents=True)
    shutil.copy(SEED, deep / "deep.txt")
    run, out = convert_batch(batch)
    assert run.code == 0, run.err
    assert (out / "deep.json").exists()
    assert_good_converted(out)


def test_missing_file(batch: Path) -> None:
    run = readout("convert", "in", "missing.txt", "-o", "out", cwd=batch.parent)
    assert_reported(run, 2, r"^readout: error: missing\.txt: no such file$")
    assert_good_converted(batch.parent / "out")


# --- encodings ---------------------------------------------------------------------------------

def test_undecodable_bytes_name_the_byte(batch: Path) -> None:
    (batch / "mixed.txt").write_bytes(b"Title\nJuly 11, 2024\n\x81\x8d\x90 \xff\xfe broken\n")
    assert_batch_reports(batch, 2, r"in/mixed\.txt: cannot decode: not UTF-8 at byte 20, nor Shift_JIS or cp1252; "
                                   r"name the encoding with --encoding")


def test_named_encoding_that_does_not_fit(batch: Path) -> None:
    (batch / "western.txt").write_bytes("Title\nJapan’s view\n".encode("cp1252"))
    run = assert_batch_reports(batch, 2, r"in/western\.txt: cannot decode as utf-8 at byte 11", "--encoding", "utf-8")
    assert "converted 1 of 2" in run.err


def test_unknown_encoding_name(batch: Path) -> None:
    run, _ = convert_batch(batch, "--encoding", "klingon")
    assert_reported(run, 2, r"in/good\.txt: unknown encoding 'klingon'")


def test_utf16_without_byte_order_mark_gets_a_hint(batch: Path) -> None:
    (batch / "wide.txt").write_bytes("Japan-US Summit\nJuly 11, 2024\n".encode("utf-16-le"))
    assert_batch_reports(batch, 2, r"in/wide\.txt: binary file \(NUL byte at byte 1\); if it is UTF-16 text without "
                                   r"a byte-order mark, name it with --encoding utf-16-le")


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", b"\xef\xbb\xbf" + SEED.read_bytes()),
    ("utf-16-le", SEED.read_text(encoding="utf-8").encode("utf-16")),
    ("utf-16-be", b"\xfe\xff" + SEED.read_text(encoding="utf-8").encode("utf-16-be")),
    ("utf-32-le", SEED.read_text(encoding="utf-8").encode("utf-32")),
])
def test_byte_order_marks_are_detected(batch: Path, encoding: str, data: bytes) -> None:
    (batch / "marked.txt").write_bytes(data)
    run, out = convert_batch(batch)
    assert run.code == 0, run.err
    doc = json.loads((out / "marked.json").read_bytes())
    good = json.loads((out / "good.json").read_bytes())
    assert doc["source"]["encoding"] == encoding and doc["source"]["bom"] is True
    assert doc["title"] == good["title"] and doc["sections"] == good["sections"]


def test_legacy_encodings_and_newlines_convert(batch: Path) -> None:
    text = "Japan-France Summit Meeting (Summary)\nJuly 11, 2024\n[Provisional translation]\n1. Café “talks” – Japan’s view\n"
    (batch / "western.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    japanese_text = "Japan-China Summit Meeting (Summary)\nJuly 11, 2024\n[Provisional translation]\n1. 首脳会談：「日本」\n"
    (batch / "japanese.txt").write_bytes(japanese_text.replace("\n", "\r").encode("cp932"))
    run, out = convert_batch(batch)
    assert run.code == 0, run.err
    western = json.loads((out / "western.json").read_bytes())
    japanese = json.loads((out / "japanese.json").read_bytes())
    assert (western["source"]["encoding"], western["source"]["newline"]) == ("cp1252", "crlf")
    assert (japanese["source"]["encoding"], japanese["source"]["newline"]) == ("cp932", "cr")
    assert "Café “talks” – Japan’s view" in json.dumps(western, ensure_ascii=False)
    assert "「日本」" in json.dumps(japanese, ensure_ascii=False)


def test_rare_control_characters_are_kept_and_serialized(batch: Path) -> None:
    """Decision: a few C0 controls in text are kept (lossless); XML escapes them, JSON carries them."""
    (batch / "esc.txt").write_bytes(b"Japan-US Summit\nJuly 11, 2024\n1. Talks\x1b[0m went well\x07.\x0c\n")
    run, out = convert_batch(batch)
    assert run.code == 0, run.err
    doc = json.loads((out / "esc.json").read_bytes())
    assert doc["sections"][0]["paragraphs"][0]["text"] == "Talks\x1b[0m went well\x07."
    assert readout("validate", "out", cwd=batch.parent).code == 0
    rendered = readout("render", "out/esc.xml", cwd=batch.parent)
    assert rendered.code == 0 and "Talks\x1b[0m went well\x07." in rendered.out


# --- hostile canonical files -------------------------------------------------------------------------

_ROOT_OPEN = '<document xmlns="urn:readout:document:1" schema-version="1.0" id="x">'


def _billion_laughs() -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{entities}]>\n{_ROOT_OPEN}&lol9;</document>'


def _quadratic_blowup() -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "{"x" * 50_000}">]>\n'
            f'{_ROOT_OPEN}{"&a;" * 50_000}</document>')


def _external_entity(target: str) -> str:
    return f'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "{target}">]>\n{_ROOT_OPEN}&x;</document>'


def _parameter_entity(target: str) -> str:
    return f'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY % p SYSTEM "{target}"> %p;]>\n{_ROOT_OPEN}</document>'


HOSTILE_XML = {
    "billion-laughs": (_billion_laughs, r"XML with a DOCTYPE is not accepted \(no DTDs, no entities\)"),
    "quadratic-blowup": (_quadratic_blowup, r"XML with a DOCTYPE is not accepted"),
    "doctype": (lambda: f"<!DOCTYPE document>\n{_ROOT_OPEN}</document>", r"XML with a DOCTYPE is not accepted"),
    "deep-elements": (lambda: _ROOT_OPEN + "<a>" * 100_000 + "</a>" * 100_000 + "</document>", r"XML nested deeper than"),
    "huge-attribute": (lambda: f'<document xmlns="urn:readout:document:1" id="{"a" * 6_000_000}"/>',
                       r"XML exceeds a size limit|XML attribute 'id' longer than"),
    "over-the-size-limit": (lambda: f'<document xmlns="urn:readout:document:1" id="{"a" * 9_000_000}"/>',
                            r"9000048 bytes is over the limit of 8388608 \(raise it with --max-bytes\)"),
    "many-attributes": (lambda: "<document xmlns=\"urn:readout:document:1\" "
                        + " ".join(f'a{i}="x"' for i in range(200_000)) + "/>",
                        r"XML element with more than \d+ attributes"),
    "not-well-formed": (lambda: _ROOT_OPEN + "<title>", r"not well-formed XML"),
}

HOSTILE_JSON = {
    "deep-nesting": (b"[" * 100_000 + b"]" * 100_000, r"JSON nested deeper than 64 levels"),
    "duplicate-keys": (b'{"id": "a", "id": "b"}', r"duplicate key 'id'"),
    "nan": (b'{"schema_version": NaN}', r"NaN is not valid JSON"),
    "infinity": (b'{"schema_version": -Infinity}', r"-Infinity is not valid JSON"),
    "huge-float": (b'{"schema_version": 1e999}', r"number 1e999 is too large for a double"),
    "huge-integer": (b'{"schema_version": ' + b"9" * 100_000 + b"}", r"number 9+… is too large \(the limit is 2\*\*53\)"),
    "lone-surrogate": (b'{"id": "\\ud800"}', r"string holds a lone surrogate \(U\+D800\)"),
    "not-utf8": (b'{"id": "\xff"}', r"JSON is not UTF-8 \(byte 8\)"),
    "truncated": (b'{"id": ', r"not valid JSON: Expecting value"),
}


@pytest.fixture(scope="module")
def canonical(tmp_path_factory) -> Path:
    """good.json and good.xml, converted once."""
    folder = tmp_path_factory.mktemp("canonical")
    run = readout("convert", str(SEED), "-o", str(folder), cwd=folder)
    assert run.code == 0, run.err
    (folder / "000_0bcac0d4543df4fe.json").rename(folder / "good.json")
    (folder / "000_0bcac0d4543df4fe.xml").rename(folder / "good.xml")
    return folder


@pytest.fixture
def canon_batch(tmp_path: Path, canonical: Path) -> Path:
    folder = tmp_path / "canon"
    folder.mkdir()
    for name in ("good.json", "good.xml"):
        shutil.copy(canonical / name, folder / name)
    return folder


def assert_validate_reports(folder: Path, message: str) -> Run:
    run = readout("validate", folder.name, cwd=folder.parent)
    assert_reported(run, 2, message)
    assert f"{folder.name}/good.json: valid json" in run.out and f"{folder.name}/good.xml: valid xml" in run.out
    return run


@pytest.mark.parametrize("case", sorted(HOSTILE_XML))
def test_validate_refuses_hostile_xml(canon_batch: Path, case: str) -> None:
    make, message = HOSTILE_XML[case]
    (canon_batch / f"{case}.xml").write_text(make())
    assert_validate_reports(canon_batch, rf"^readout: error: canon/{case}\.xml: ({message})")


@pytest.mark.parametrize("case", sorted(HOSTILE_JSON))
def test_validate_refuses_hostile_json(canon_batch: Path, case: str) -> None:
    data, message = HOSTILE_JSON[case]
    (canon_batch / f"{case}.json").write_bytes(data)
    assert_validate_reports(canon_batch, rf"^readout: error: canon/{case}\.json: {message}")


@pytest.mark.parametrize("command", [("render",), ("convert", "--to", "json"), ("convert", "--to", "xml")])
@pytest.mark.parametrize("case", ["billion-laughs", "deep-elements", "json:deep-nesting", "json:duplicate-keys"])
def test_loading_refuses_hostile_canonical_files(canon_batch: Path, command: tuple[str, ...], case: str) -> None:
    if case.startswith("json:"):
        data, message = HOSTILE_JSON[case[5:]]
        path = canon_batch / "hostile.json"
        path.write_bytes(data)
    else:
        make, message = HOSTILE_XML[case]
        path = canon_batch / "hostile.xml"
        path.write_text(make())
    run = readout(*command[:1], path.name, *command[1:], cwd=canon_batch)
    assert_reported(run, 2, rf"^readout: error: {path.name}: ({message})")
    assert run.out == "", "nothing is printed on stdout when loading fails"


@pytest.fixture
def listener():
    """A TCP port that records whether anyone connected: nothing may be fetched."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def _connected(server: socket.socket) -> bool:
    try:
        server.accept()[0].close()
    except BlockingIOError:
        return False
    return True


def test_external_entities_are_never_fetched_or_read(canon_batch: Path, listener: socket.socket) -> None:
    port = listener.getsockname()[1]
    secret = canon_batch.parent / "secret"
    secret.write_text("TOPSECRET")
    fifo = canon_batch.parent / "fifo"
    os.mkfifo(fifo)  # opening it would block: a run that finishes in time never opened it
    good = (canon_batch / "good.xml").read_text()
    cases = {
        "file-entity": _external_entity(secret.as_uri()),
        "fifo-entity": _external_entity(fifo.as_uri()),
        "url-entity": _external_entity(f"http://127.0.0.1:{port}/x"),
        "parameter-entity": _parameter_entity(fifo.as_uri()),
        "external-dtd": f'<?xml version="1.0"?>\n<!DOCTYPE d SYSTEM "http://127.0.0.1:{port}/d.dtd">\n{_ROOT_OPEN}</document>',
        "utf16-entity": None,
    }
    for name, text in cases.items():
        if text is not None:
            (canon_batch / f"{name}.xml").write_text(text)
    (canon_batch / "utf16-entity.xml").write_bytes(_external_entity(secret.as_uri())
                                                   .replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
                                                   .encode("utf-16"))
    # Valid documents that point elsewhere: the schema location, an XInclude, a stylesheet are never followed.
    (canon_batch / "schema-location.xml").write_text(good.replace(
        "<document ", '<document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="urn:readout:document:1 http://127.0.0.1:{port}/x.xsd" ', 1))
    (canon_batch / "stylesheet.xml").write_text(good.replace(
        "?>", f"?><?xml-stylesheet href='http://127.0.0.1:{port}/s.xsl'?>", 1))
    (canon_batch / "xinclude.xml").write_text(good.replace(
        "<title", f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{fifo.as_uri()}" parse="text"/><title', 1))
    run = readout("validate", "canon", cwd=canon_batch.parent)
    assert run.seconds < SECONDS and "Traceback" not in run.err
    for name in cases:
        assert f"canon/{name}.xml: XML with a DOCTYPE is not accepted" in run.err, run.err
    assert "TOPSECRET" not in run.out + run.err
    assert not _connected(listener), "something was fetched over the network"
    assert "canon/schema-location.xml: valid xml" in run.out and "canon/stylesheet.xml: valid xml" in run.out
    assert "canon/xinclude.xml: invalid xml" in run.out
    for command in (("render", "canon/xinclude.xml"), ("convert", "canon/schema-location.xml", "--to", "json")):
        other = readout(*command, cwd=canon_batch.parent)
        assert "TOPSECRET" not in other.out and "Traceback" not in other.err and other.seconds < SECONDS
    assert not _connected(listener)


# --- output safety --------------------------------------------------------------------------------

def _tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_ids_never_escape_the_output_folder(batch: Path) -> None:
    names = ["CON.txt", "nul.txt", "com1.2024.txt", "..txt", "...txt", "-.txt", "A.txt", "a.txt",
             "x" * 240 + ".txt", "首脳会談.txt", "Élysée.txt", "name with spaces.txt", "tab\there.txt"]
    for name in names:
        shutil.copy(SEED, batch / name)
    nested = batch / "sub" / ".." / "sub"
    (batch / "sub").mkdir()
    shutil.copy(SEED, batch / "sub" / "a.txt")
    before = _tree(batch.parent)
    # Names starting with a dot are hidden from a folder walk: these are named one by one.
    dotted = [f"in/{name}" for name in names if name.startswith(".")]
    run = readout("convert", "in", *dotted, str(nested / "a.txt"), "-o", "out", cwd=batch.parent)
    assert run.code == 0, run.err
    created = _tree(batch.parent) - before
    assert all(p.startswith("out/") and p.count("/") == 1 for p in created if p != "out"), created
    ids = {p[4:].rsplit(".", 1)[0] for p in created if p != "out"}
    assert len(ids) == len(names) + 2  # every input, good.txt and sub/a.txt has its own id
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,119}", i) for i in ids), ids
    assert not {i.split(".")[0] for i in ids} & {"con", "nul", "com1", "prn", "aux"}
    # Case: A.txt and a.txt meet in one lower-case id and are told apart, so a
    # case-insensitive file system never merges their outputs.
    assert len({i for i in ids if i == "a" or i.startswith("a-")}) == 3


def test_undecodable_file_name_and_newline_in_name(batch: Path) -> None:
    weird = os.fsencode(batch) + b"/caf\xe9.txt"
    with open(weird, "wb") as handle:
        handle.write(b"")
    (batch / "two\nlines.txt").write_bytes(b"")
    run = assert_batch_reports(batch, 2, r"^readout: error: in/caf\\xe9\.txt: empty file$")
    assert "readout: error: in/two\\x0alines.txt: empty file" in run.err


def test_failing_document_leaves_no_output_and_keeps_the_previous_one(batch: Path) -> None:
    out = batch.parent / "out"
    out.mkdir()
    (out / "bad.json").write_bytes(b"previous json")
    (out / "bad.xml").write_bytes(b"previous xml")
    (batch / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (batch / "empty.txt").write_bytes(b"")
    run, _ = convert_batch(batch)
    assert run.code == 2
    assert (out / "bad.json").read_bytes() == b"previous json" and (out / "bad.xml").read_bytes() == b"previous xml"
    assert not (out / "empty.json").exists() and not (out / "empty.xml").exists()
    assert sorted(p.name for p in out.iterdir()) == ["bad.json", "bad.xml", "good.json", "good.xml"]


def test_output_folder_that_is_a_file(batch: Path) -> None:
    (batch.parent / "out").write_text("a file")
    run, _ = convert_batch(batch)
    assert_reported(run, 2, r"^readout: error: out: cannot create the output folder: File exists$")


def test_to_stdout_prints_nothing_on_failure(batch: Path) -> None:
    (batch / "empty.txt").write_bytes(b"")
    run = readout("convert", "in/empty.txt", "--to", "xml", cwd=batch.parent)
    assert_reported(run, 2, r"^readout: error: in/empty\.txt: empty file$")
    assert run.out == ""


# --- the linter ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, message", [
    ("undecodable.txt", b"Title\n\x81\x8d\x90\xff\n", r"cannot decode: not UTF-8 at byte 6"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(32), r"binary file \(a PNG image\)"),
    ("empty.txt", b"", r"empty file"),
])
def test_check_reports_bad_input_and_goes_on(batch: Path, name: str, data: bytes, message: str) -> None:
    (batch / name).write_bytes(data)
    run = readout("check", "in", cwd=batch.parent)
    assert "Traceback" not in run.err + run.out and run.seconds < SECONDS
    assert run.code == 2, run.out + run.err
    assert re.search(rf"^in/{re.escape(name)}:1:1: ST000 .*{message}", run.out, re.MULTILINE), run.out + run.err
    assert "in/good.txt" not in run.out or "ST000" not in [
        line.split()[1] for line in run.out.splitlines() if line.startswith("in/good.txt:")]


def test_check_options_for_encoding_and_limits(batch: Path) -> None:
    (batch / "western.txt").write_bytes("Title\nJapan’s view\n".encode("cp1252"))
    run = readout("check", "in", "--encoding", "utf-8", "--max-bytes", "1000000", "--max-line", "1000", cwd=batch.parent)
    assert "Traceback" not in run.err and run.code == 2, run.err
    assert re.search(r"^in/western\.txt:1:1: ST000 .*cannot decode as utf-8 at byte 11", run.out, re.MULTILINE), run.out
    assert re.search(r"^in/good\.txt:1:1: ST000 .*longer than 1,?000", run.out, re.MULTILINE) is None


def test_check_limits_refuse_and_options_raise_them(batch: Path) -> None:
    (batch / "long.txt").write_text("Title\n\n" + "word " * 5000 + "\n", encoding="utf-8")  # 25,000 characters
    refused = readout("check", "in", cwd=batch.parent)
    assert refused.code == 2 and re.search(r"^in/long\.txt:1:1: ST000 .*line", refused.out, re.MULTILINE), refused.out
    assert "in/good.txt" not in {line.split(":")[0] for line in refused.out.splitlines() if " ST000 " in line}
    raised = readout("check", "in", "--max-line", "30000", cwd=batch.parent)
    assert not re.search(r"^in/long\.txt:1:1: ST000", raised.out, re.MULTILINE), raised.out
    small = readout("check", "in", "--max-bytes", "100", cwd=batch.parent)
    assert re.search(r"^in/long\.txt:1:1: ST000 .*100", small.out, re.MULTILINE), small.out


# --- failures midway, in process (to inject them) --------------------------------------------------

def _seed_batch(tmp_path: Path) -> tuple[Path, Path]:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SEED, folder / name)
    (out / "b.json").write_bytes(b"previous json")
    (out / "b.xml").write_bytes(b"previous xml")
    return folder, out


def test_disk_full_while_writing_keeps_the_previous_pair(tmp_path: Path, monkeypatch, capsys) -> None:
    from convert.cli import main

    folder, out = _seed_batch(tmp_path)
    real_fsync = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 4:  # b.txt's second file (a.txt wrote two before it)
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert main(["convert", str(folder), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert re.search(r"^readout: error: .*in/b\.txt: cannot write b\.json/\.xml into .*: No space left on device$",
                     err, re.MULTILINE), err
    assert (out / "b.json").read_bytes() == b"previous json" and (out / "b.xml").read_bytes() == b"previous xml"
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "a.xml", "b.json", "b.xml", "c.json", "c.xml"]


def test_exception_midway_stays_with_its_document(tmp_path: Path, monkeypatch, capsys) -> None:
    import convert.serialize.xml as xml_form
    from convert.cli import main

    folder, out = _seed_batch(tmp_path)
    real_to_xml = xml_form.to_xml

    def to_xml(doc):
        if doc.id == "b":
            raise RuntimeError("serializer bug")
        return real_to_xml(doc)

    monkeypatch.setattr(xml_form, "to_xml", to_xml)
    assert main(["convert", str(folder), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert re.search(r"^readout: error: .*in/b\.txt: internal error: RuntimeError: serializer bug$", err, re.MULTILINE), err
    assert (out / "b.json").read_bytes() == b"previous json"
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "a.xml", "b.json", "b.xml", "c.json", "c.xml"]


def test_outputs_are_ordinary_files(batch: Path) -> None:
    # Atomic writes go through mkstemp, which makes 0600 files: the outputs must not stay private.
    run, out = convert_batch(batch)
    mask = os.umask(0)
    os.umask(mask)
    assert run.code == 0
    assert (out / "good.json").stat().st_mode & 0o777 == 0o666 & ~mask
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "a temporary file was left behind"


def test_check_fix_keeps_the_file_mode(batch: Path) -> None:
    target = batch / "fixable.txt"
    target.write_text("Japan-US Summit Meeting (Summary)\nJuly 11, 2024\n[Provisional Translation]\n")
    target.chmod(0o640)
    run = readout("check", "--fix", "in/fixable.txt", cwd=batch.parent)
    assert "Traceback" not in run.err
    assert "[Provisional translation]" in target.read_text()
    assert target.stat().st_mode & 0o777 == 0o640
