"""Results go into the database a batch at a time, into transactions of several batches."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import convert.archive.build as build_module
from convert.archive.build import Options, build
from convert.archive.store import Store
from conftest import DOCUMENTS


def _sources(dest: Path, count: int) -> Path:
    dest.mkdir(parents=True)
    for path in DOCUMENTS[:count]:
        shutil.copyfile(path, dest / path.name)
    return dest


def _documents(out: Path) -> int:
    db = sqlite3.connect(out / "readout.sqlite")
    try:
        return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        db.close()


def test_a_transaction_holds_several_batches(tmp_path: Path, monkeypatch) -> None:
    src = _sources(tmp_path / "src", 13)
    commits = []
    original = Store.commit
    monkeypatch.setattr(Store, "commit", lambda self: commits.append(self.db.in_transaction) or original(self))
    monkeypatch.setattr(build_module, "BATCH", 2)
    monkeypatch.setattr(build_module, "COMMIT_DOCS", 6)
    monkeypatch.setattr(build_module, "BATCH_SECONDS", 3600.0)
    summary = build(Options(sources=[str(src)], root=str(tmp_path / "out"), progress=False, jobs=1))
    assert summary.converted == 13 and _documents(tmp_path / "out") == 13
    assert commits.count(True) == 3  # 6, 6 and the last one: not one a batch of 2


def test_a_failed_run_keeps_only_committed_transactions(tmp_path: Path, monkeypatch) -> None:
    src = _sources(tmp_path / "src", 13)
    out = tmp_path / "out"
    monkeypatch.setattr(build_module, "BATCH", 2)
    monkeypatch.setattr(build_module, "COMMIT_DOCS", 6)
    monkeypatch.setattr(build_module, "BATCH_SECONDS", 3600.0)
    original = build_module._insert
    calls = []

    def failing(*args):
        calls.append(1)
        if len(calls) == 6:  # 3 batches, the commit (nothing left to insert), a batch, and now
            raise RuntimeError("disk full")
        return original(*args)

    monkeypatch.setattr(build_module, "_insert", failing)
    with pytest.raises(RuntimeError):
        build(Options(sources=[str(src)], root=str(out), progress=False, jobs=1))
    assert _documents(out) == 6  # the first transaction only; the open one was rolled back
    monkeypatch.undo()
    assert build(Options(sources=[str(src)], root=str(out), progress=False, jobs=1)).converted == 7
