"""documents.jsonl from the workers' lines and the last documents.jsonl, not from every json/<id>.json."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

import convert.archive.manifest as manifest_module
import convert.archive.spool as spool_module
from convert.archive.build import Options, build
from convert.archive.spool import SPOOL_TABLE, Previous, Spool
from convert.archive.writer import is_temp
from conftest import DOCUMENTS


def _archive(src: Path, out: Path, **kw) -> object:
    return build(Options(sources=[str(src)], root=str(out), progress=False, **kw))


def _sources(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for path in DOCUMENTS[::4]:
        shutil.copyfile(path, dest / path.name)
    return dest


def _jsonl_from_files(out: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted((out / "json").iterdir()))


def test_publishing_reads_no_json_file(tmp_path: Path, monkeypatch) -> None:
    src = _sources(tmp_path / "src")
    out = tmp_path / "out"
    read = []
    original = manifest_module._read_json
    monkeypatch.setattr(manifest_module, "_read_json", lambda *a: read.append(a[1]) or original(*a))
    _archive(src, out, jobs=2)  # every line from the spool
    assert read == [] and (out / "documents.jsonl").read_bytes() == _jsonl_from_files(out)
    changed = sorted(src.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    sorted(src.iterdir())[-1].unlink()
    assert _archive(src, out, jobs=1).converted == 1  # the rest from the last documents.jsonl
    assert read == [] and (out / "documents.jsonl").read_bytes() == _jsonl_from_files(out)


@pytest.mark.parametrize("damage", ["missing", "shuffled", "truncated", "garbage"])
def test_a_damaged_last_jsonl_falls_back_to_the_files(tmp_path: Path, damage: str) -> None:
    src = _sources(tmp_path / "src")
    out = tmp_path / "out"
    _archive(src, out, jobs=1)
    jsonl = out / "documents.jsonl"
    lines = jsonl.read_bytes().splitlines(keepends=True)
    if damage == "missing":
        jsonl.unlink()
    elif damage == "shuffled":
        jsonl.write_bytes(b"".join(reversed(lines)))
    elif damage == "truncated":
        jsonl.write_bytes(b"".join(lines)[:-10])
    else:
        jsonl.write_bytes(lines[0] + b'{"schema_version":"1.0","id":"zzz"}\n' + b"".join(lines[1:]))
    (src / "added.txt").write_bytes(DOCUMENTS[1].read_bytes())
    assert _archive(src, out, jobs=1).converted == 1
    assert jsonl.read_bytes() == _jsonl_from_files(out)


def test_previous_takes_lines_in_id_order_and_skips_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "documents.jsonl"
    line = '{{"schema_version":"1.0","id":"{}","x":1}}\n'.format
    path.write_text("".join(line(i) for i in ("a", "b", "d")), encoding="utf-8")
    with Previous(str(path)) as previous:
        assert previous.take("a") == line("a").encode()
        assert previous.take("c") is None  # not there: "d" is kept for later
        assert previous.take("d") == line("d").encode()
        assert previous.take("e") is None
    assert Previous(str(tmp_path / "none")).take("a") is None


def test_spool_reads_back_what_it_was_given(tmp_path: Path) -> None:
    spool = Spool(str(tmp_path))
    db = sqlite3.connect(":memory:")
    db.execute("ATTACH DATABASE ':memory:' AS scan")
    db.execute(SPOOL_TABLE)
    spool.add("a", b"first\n")
    spool.add("b", b"second line\n")
    spool.record(db)
    rows = dict((i, (o, n)) for i, o, n in db.execute("SELECT id, offset, length FROM scan.spool"))
    assert spool.read(*rows["b"]) == b"second line\n" and spool.read(*rows["a"]) == b"first\n"
    spool.close()
    assert list(tmp_path.iterdir()) == []  # nothing left behind


def test_a_named_spool_is_one_the_sweep_removes(tmp_path: Path, monkeypatch) -> None:
    """Where the system cannot make an unnamed file (Windows), a killed run's spool is left for the sweep."""
    made = []

    def named(**kwargs):
        handle = tempfile.NamedTemporaryFile(**kwargs)
        made.append(os.path.basename(handle.name))
        return handle

    monkeypatch.setattr(spool_module.tempfile, "TemporaryFile", named)
    Spool(str(tmp_path)).close()
    assert len(made) == 1 and is_temp(made[0])
