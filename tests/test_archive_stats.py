"""`readout archive`: an unchanged source is known by its stat and not read again; any change is still seen."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

import convert.archive.scan as scan
from convert.archive.build import Options, build
from conftest import DOCUMENTS

OLD = time.time() - 3600  # well before any scan: such a stat is trusted


def _sources(dest: Path, count: int = 4) -> list[Path]:
    dest.mkdir(parents=True)
    paths = []
    for doc in DOCUMENTS[:count]:
        shutil.copyfile(doc, dest / doc.name)
        paths.append(dest / doc.name)
    return paths


def _age(paths: list[Path]) -> None:
    """Set the modification time back; the change time, which cannot be set, must be old too."""
    for path in paths:
        os.utime(path, (OLD, OLD))


@pytest.fixture
def hashed(monkeypatch) -> list[str]:
    """The sources the scan reads to hash them."""
    calls: list[str] = []
    original = scan._sha256

    def counting(fs_path, limits):
        calls.append(Path(fs_path).name)
        return original(fs_path, limits)

    monkeypatch.setattr(scan, "_sha256", counting)
    return calls


def _run(src: Path, out: Path, **kw):
    return build(Options(sources=[str(src)], root=str(out), jobs=1, progress=False, **kw))


def test_trusted_stats_skip_reading_and_changes_are_still_seen(tmp_path: Path, monkeypatch, hashed) -> None:
    paths = _sources(tmp_path / "src")
    out = tmp_path / "out"
    _age(paths)
    monkeypatch.setattr(scan, "RACY_NS", -3600 * 10**9)  # the change times are new: trust them anyway
    _run(tmp_path / "src", out)
    again = _run(tmp_path / "src", out)
    assert again.unchanged == len(paths) and hashed == []

    # Same size, same modification time, other bytes: the change time moved, so the file is read.
    data = paths[0].read_bytes()
    paths[0].write_bytes(data[:-2] + (b"X\n" if data[-2:] != b"X\n" else b"Y\n"))
    _age(paths[:1])
    changed = _run(tmp_path / "src", out)
    assert changed.converted == 1 and hashed == [paths[0].name]

    # --verify trusts no stat; --force reads nothing to compare.
    hashed.clear()
    assert _run(tmp_path / "src", out, verify=True).converted == 0 and sorted(hashed) == sorted(p.name for p in paths)
    hashed.clear()
    assert _run(tmp_path / "src", out, force=True).converted == len(paths) and hashed == []


def test_recent_files_are_hashed_every_time(tmp_path: Path, hashed) -> None:
    """A file changed within a timestamp tick of the scan could change again unseen: it is never trusted."""
    paths = _sources(tmp_path / "src", 2)
    out = tmp_path / "out"
    _run(tmp_path / "src", out)
    for _ in range(2):
        assert _run(tmp_path / "src", out).unchanged == 2
    assert sorted(hashed) == sorted([p.name for p in paths] * 2)
    db = sqlite3.connect(out / "readout.sqlite")
    assert db.execute("SELECT count(*) FROM source_stats").fetchone()[0] == 0
    db.close()


def test_stats_of_removed_sources_are_dropped(tmp_path: Path, monkeypatch) -> None:
    paths = _sources(tmp_path / "src")
    out = tmp_path / "out"
    _age(paths)
    monkeypatch.setattr(scan, "RACY_NS", -3600 * 10**9)
    _run(tmp_path / "src", out)
    paths[0].unlink()
    assert _run(tmp_path / "src", out).removed == 1
    db = sqlite3.connect(out / "readout.sqlite")
    recorded = {p for (p,) in db.execute("SELECT path FROM source_stats")}
    assert recorded == {p for (p,) in db.execute("SELECT path FROM documents")} and len(recorded) == len(paths) - 1
    db.close()


def test_an_archive_without_the_stats_table_gets_one(tmp_path: Path) -> None:
    """Archives written before stats were kept open as before and start keeping them."""
    _sources(tmp_path / "src", 2)
    out = tmp_path / "out"
    _run(tmp_path / "src", out)
    db = sqlite3.connect(out / "readout.sqlite")
    db.execute("DROP TABLE source_stats")
    db.commit()
    db.close()
    assert _run(tmp_path / "src", out).unchanged == 2
