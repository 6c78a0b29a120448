"""The resume's sweep: files no committed row owns go, a page of names per query."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import convert.archive.build as build_module
from convert.archive.build import Options, build
from convert.archive.store import Store
from conftest import DOCUMENTS


def test_sweep_deletes_unowned_files_a_page_at_a_time(tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for path in DOCUMENTS[::6]:
        shutil.copyfile(path, src / path.name)
    out = tmp_path / "out"
    build(Options(sources=[str(src)], root=str(out), progress=False, jobs=1))
    owned = [p for form in ("xml", "json") for p in (out / form).iterdir()]
    strays = ["xml/gone.xml", "json/gone.json", "json/.gone.json.123.tmp", ".manifest.json.9.tmp",
              "json/odd \udcff name.json", "xml/notes.txt"]
    for name in strays:
        (out / name).write_bytes(b"left by a killed run")
    db = sqlite3.connect(out / "readout.sqlite")
    db.execute("UPDATE meta SET value = '0' WHERE key = 'published'")  # as a killed run leaves it
    db.commit()
    db.close()
    monkeypatch.setattr(build_module, "SWEEP_PAGE", 3)  # several pages
    monkeypatch.setattr(Store, "has_document", lambda *a: (_ for _ in ()).throw(AssertionError("one by one")))
    summary = build(Options(sources=[str(src)], root=str(out), progress=False, jobs=1))
    assert summary.converted == 0
    assert owned and all(p.exists() for p in owned)
    assert [name for name in strays if (out / name).exists()] == ["xml/notes.txt"]  # not an output: kept


def test_known_ids(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "db.sqlite"))
    store.db.execute("INSERT INTO documents (key, id, path, source_sha256, schema_version, tool_version, "
                     "xml_sha256, json_sha256, errors, warnings, infos) VALUES (1, 'a-b', 'p', '', '', '', '', '', "
                     "0, 0, 0)")
    assert store.known_ids(["a-b", "c", 'q"uote', "\udcff", "é"]) == {"a-b"}
    assert store.known_ids([]) == set()
    store.close()
