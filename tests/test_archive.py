"""`readout archive`: layout, database, incremental runs, bad inputs, determinism, kill -9, Dask."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from convert.archive.build import Options, build
from convert.cli import main
from convert.errors import ReadoutError
from convert.sources import Limits, display_path
from conftest import DOCUMENTS, ROOT

SEED = "000_0bcac0d4543df4fe"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _copy_sources(dest: Path, every: int = 1) -> Path:
    """Seeds and corpus (or every n-th of them) in one folder of our own, so tests may change them."""
    dest.mkdir(parents=True)
    for path in DOCUMENTS[::every]:
        shutil.copyfile(path, dest / path.name)
    return dest


def _synthetic(dest: Path, count: int) -> None:
    """Distinct readouts made from the real ones (a numbered closing line each)."""
    dest.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in DOCUMENTS]
    for n in range(count):
        (dest / f"synthetic-{n:05d}.txt").write_text(texts[n % len(texts)] + f"\n(Reference {n}.)\n",
                                                     encoding="utf-8")


def _archive(sources: list[Path], out: Path, **kw) -> object:
    return build(Options(sources=[str(s) for s in sources], root=str(out), progress=False, **kw))


def _check_consistent(out: Path) -> dict:
    """What any reader may rely on, even after kill -9: parseable manifest, sound database, hashes that match."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["documents"]:
        for form in ("xml", "json"):
            output = entry["outputs"][form]
            assert _sha(out / output["path"]) == output["sha256"], output["path"]
    db = sqlite3.connect(out / "readout.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for doc_id, xml_sha, json_sha in db.execute("SELECT id, xml_sha256, json_sha256 FROM documents"):
        assert _sha(out / "xml" / f"{doc_id}.xml") == xml_sha
        assert _sha(out / "json" / f"{doc_id}.json") == json_sha
    lines = (out / "documents.jsonl").read_bytes().splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == sorted(ids)
    db.close()
    return manifest


def _published(out: Path) -> dict[str, bytes]:
    """Every byte that must not depend on workers or input order."""
    files = {name: (out / name).read_bytes() for name in ("manifest.json", "documents.jsonl")}
    for form in ("xml", "json"):
        for path in sorted((out / form).iterdir()):
            files[f"{form}/{path.name}"] = path.read_bytes()
    return files


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "out"
    code = main(["archive", str(ROOT / "seeds"), str(ROOT / "tests" / "corpus"), "-o", str(out), "-j", "2",
                 "--no-progress"])
    assert code == 0
    return out


def test_layout_and_manifest(archive: Path) -> None:
    manifest = _check_consistent(archive)
    assert manifest["format"] == "readout-archive/1"
    assert manifest["totals"]["documents"] == len(DOCUMENTS) == len(manifest["documents"])
    assert manifest["failures"] == []
    ids = [e["id"] for e in manifest["documents"]]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    entry = manifest["documents"][ids.index(SEED)]
    seed = ROOT / "seeds" / f"{SEED}.txt"
    assert entry["source"] == {"path": display_path(str(seed)), "sha256": _sha(seed)}
    assert set(entry["diagnostics"]) == {"error", "warning", "info"}
    # JSON Lines is exactly the per-document JSON files, in id order.
    jsonl = (archive / "documents.jsonl").read_bytes()
    assert jsonl == b"".join((archive / "json" / f"{i}.json").read_bytes() for i in ids)
    assert not [p for p in archive.rglob("*.tmp")] and not (archive / ".scan.sqlite").exists()


def test_database_queries(archive: Path) -> None:
    from convert.pipeline import parse_source

    db = sqlite3.connect(archive / "readout.sqlite")
    # Full-text search, as in the README.
    hits = [row[0] for row in db.execute(
        "SELECT d.id FROM readouts_fts JOIN documents d ON d.key = readouts_fts.rowid "
        "WHERE readouts_fts MATCH 'Stoltenberg' ORDER BY rank")]
    assert SEED in hits
    assert not db.execute("SELECT 1 FROM readouts_fts WHERE readouts_fts MATCH 'xyzzyplugh'").fetchall()
    # Participants and events are the model's, row for row.
    doc, _ = parse_source((ROOT / "seeds" / f"{SEED}.txt").read_bytes(), "x")
    names = [n for (n,) in db.execute("SELECT name FROM participants WHERE doc_id = ? ORDER BY ordinal", (SEED,))]
    assert names == [p.name for p in doc.lead.participants]
    assert db.execute("SELECT count(*) FROM events WHERE doc_id = ?", (SEED,)).fetchone()[0] == len(doc.lead.events)
    assert db.execute("SELECT count(*) FROM footnotes").fetchone()[0] > 0
    texts = [t for (t,) in db.execute("SELECT text FROM paragraphs WHERE doc_id = ?", (SEED,))]
    assert any("refering to their last meeting" in t for t in texts)
    # Diagnostics agree with the manifest's counts, rule by rule and document by document.
    manifest = json.loads((archive / "manifest.json").read_text(encoding="utf-8"))
    by_severity = dict(db.execute("SELECT severity, count(*) FROM diagnostics GROUP BY severity").fetchall())
    for severity in ("error", "warning", "info"):
        assert by_severity.get(severity, 0) == manifest["totals"]["diagnostics"][severity]
    by_code = db.execute("SELECT code, count(*) FROM diagnostics GROUP BY code ORDER BY count(*) DESC").fetchall()
    assert sum(n for _, n in by_code) == sum(by_severity.values())
    db.close()


def test_the_readme_queries_run_on_the_archive(archive: Path) -> None:
    """Every ```sql block of the README pastes into sqlite3 and finds something in the seeds and corpus."""
    import re

    queries = re.findall(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert len(queries) >= 3
    db = sqlite3.connect(archive / "readout.sqlite")
    results = [db.execute(query).fetchall() for query in queries]
    db.close()
    assert all(results), [q for q, rows in zip(queries, results) if not rows]
    by_term, by_person, by_rule = results[:3]
    assert SEED in {row[1] for row in by_term}
    assert all("Stoltenberg" in row[1] for row in by_person)
    assert [n for *_, n in by_rule] == sorted((n for *_, n in by_rule), reverse=True)


def test_rows_match_tables() -> None:
    from convert.archive.rows import TABLE_COLUMNS

    db = sqlite3.connect(":memory:")
    from convert.archive.store import SCHEMA

    db.executescript(SCHEMA)
    for table, columns in TABLE_COLUMNS.items():
        assert tuple(r[1] for r in db.execute(f"PRAGMA table_info({table})")) == ("doc_key",) + columns


def test_incremental_change_remove_and_bad_inputs(tmp_path: Path) -> None:
    src = _copy_sources(tmp_path / "src")
    out = tmp_path / "out"
    first = _archive([src], out, jobs=2)
    assert first.converted == len(DOCUMENTS) and first.failures == 0
    before = _published(out)
    mtime = (out / "xml" / f"{SEED}.xml").stat().st_mtime_ns

    again = _archive([src], out, jobs=2)
    assert (again.converted, again.unchanged, again.removed) == (0, len(DOCUMENTS), 0)
    assert _published(out) == before and (out / "xml" / f"{SEED}.xml").stat().st_mtime_ns == mtime

    seed = src / f"{SEED}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("January 31, 2023", "February 1, 2023"),
                    encoding="utf-8")
    removed = sorted(src.glob("mofa*.txt"))[0]
    removed.unlink()
    changed = _archive([src], out, jobs=2)
    assert (changed.converted, changed.removed) == (1, 1)
    assert changed.documents == len(DOCUMENTS) - 1
    manifest = _check_consistent(out)
    gone = removed.stem.lower()
    assert gone not in {e["id"] for e in manifest["documents"]}
    assert not (out / "xml" / f"{gone}.xml").exists() and not (out / "json" / f"{gone}.json").exists()
    db = sqlite3.connect(out / "readout.sqlite")
    assert db.execute("SELECT count(*) FROM paragraphs WHERE doc_id = ?", (gone,)).fetchone()[0] == 0
    assert db.execute("SELECT date FROM documents WHERE id = ?", (SEED,)).fetchone()[0] == "2023-02-01"
    db.close()

    # Bad inputs are reported, counted, and do not stop the batch; the exit status says so.
    (src / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (src / "huge.txt").write_bytes(b"a" * 5000)
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(src / "pipe.txt")  # opening it would block forever: refused unread
    code = main(["archive", str(src), "-o", str(out), "--max-bytes", "4096", "--no-progress"])
    assert code == 2
    manifest = _check_consistent(out)
    reasons = {Path(f["path"]).name: f["reason"] for f in manifest["failures"]}
    assert set(reasons) == {"binary.txt", "huge.txt", "dangling.txt", "pipe.txt"}
    assert "binary" in reasons["binary.txt"] and "limit" in reasons["huge.txt"]
    assert manifest["totals"]["failures"] == 4 and manifest["totals"]["documents"] == len(DOCUMENTS) - 1
    # Unchanged bad inputs are not retried; fixed ones convert.
    (src / "binary.txt").unlink()
    last = _archive([src], out, limits=Limits(max_bytes=4096))
    assert last.converted == 0 and last.failures == 3


def test_verify_repairs_outputs_changed_by_hand_and_force_reconverts_all(tmp_path: Path) -> None:
    src = _copy_sources(tmp_path / "src", every=10)
    out = tmp_path / "out"
    _archive([src], out)
    before = _published(out)
    target = sorted((out / "json").iterdir())[0]
    target.write_bytes(target.read_bytes().replace(b'"', b"'", 2))
    (src / "new.txt").write_bytes((ROOT / "seeds" / f"{SEED}.txt").read_bytes())
    good = (out / "documents.jsonl").read_bytes()
    # Publishing takes the lines of unchanged documents from the last documents.jsonl, checked against the
    # database, and does not read their JSON files: the edited file neither stops the run nor leaks into it.
    assert _archive([src], out).converted == 1
    lines = (out / "documents.jsonl").read_bytes().splitlines(keepends=True)
    assert len(lines) == (len(before) - 2) // 2 + 1 and set(good.splitlines(keepends=True)) < set(lines)
    (src / "new.txt").unlink()
    repaired = _archive([src], out, verify=True)
    assert repaired.converted == 1
    assert _published(out) == before
    forced = _archive([src], out, force=True)
    assert forced.converted == len(before) // 2 - 1 and _published(out) == before


def test_workers_and_input_order_give_identical_bytes(tmp_path: Path) -> None:
    seeds, corpus = ROOT / "seeds", ROOT / "tests" / "corpus"
    _archive([seeds, corpus], tmp_path / "one", jobs=1)
    _archive([corpus, seeds], tmp_path / "two", jobs=2, chunk_size=3)
    assert _published(tmp_path / "one") == _published(tmp_path / "two")


def test_colliding_ids_are_distinct_and_stable(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / "src" / folder).mkdir(parents=True)
        shutil.copyfile(ROOT / "seeds" / f"{SEED}.txt", tmp_path / "src" / folder / "Same Name.txt")
    _archive([tmp_path / "src"], tmp_path / "out", jobs=1)
    ids = sorted(p.stem for p in (tmp_path / "out" / "json").iterdir())
    assert ids[0] == "same-name" and ids[1].startswith("same-name-") and len(ids) == 2
    again = _archive([tmp_path / "src" / "b", tmp_path / "src" / "a"], tmp_path / "out", jobs=2)
    assert again.converted == 0


def test_missing_source_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["archive", str(tmp_path / "typo"), "-o", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_kill_9_leaves_a_consistent_archive_and_the_next_run_finishes(tmp_path: Path) -> None:
    src = _copy_sources(tmp_path / "src")
    out = tmp_path / "out"
    _archive([src], out, jobs=2)
    base = len(DOCUMENTS)
    # Change existing documents (retraction and overwriting) and add many new ones.
    for path in sorted(src.glob("japan*.txt"))[:20]:
        path.write_text(path.read_text(encoding="utf-8") + "\nAn added closing sentence.\n", encoding="utf-8")
    _synthetic(src / "more", 2000)
    # Killed while scanning or retracting, then twice while converting: each time the archive stays sound.
    for wait_for in (None, 50, 1000):
        proc = subprocess.Popen([sys.executable, "-m", "convert", "archive", str(src), "-o", str(out), "-j", "2",
                                 "--chunk-size", "8"], cwd=ROOT, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if wait_for is None:
            time.sleep(0.4)
        else:
            _wait_for_documents(out, base - 20 + wait_for, proc)
        os.killpg(proc.pid, signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL, "the run finished before it could be killed"
        _check_consistent(out)
    finished = _archive([src], out, jobs=2)
    assert finished.documents == base + 2000 and finished.failures == 0
    _check_consistent(out)
    fresh = tmp_path / "fresh"
    _archive([src], fresh, jobs=2)
    assert _published(out) == _published(fresh)
    assert not list(out.rglob("*.tmp"))


class Crash(BaseException):
    """Stands for kill -9: nothing after it runs (BaseException, so no handler catches it)."""


CRASH_POINTS = [("_publish", 1), ("_publish", 2), ("_commit", 1), ("_commit", 2), ("_sweep", 1),
                ("remove_outputs", 1), ("write_outputs", 3)]


@pytest.mark.parametrize("name,nth", CRASH_POINTS, ids=[f"{n}-{i}" for n, i in CRASH_POINTS])
def test_a_crash_at_each_step_is_recovered(tmp_path: Path, monkeypatch, name: str, nth: int) -> None:
    """Deterministic twin of the SIGKILL test: stop the run at a chosen step, twice in a row."""
    import convert.archive.build as build_module
    import convert.archive.writer as writer_module

    src = _copy_sources(tmp_path / "src", every=5)
    out = tmp_path / "out"
    _archive([src], out, jobs=1)
    for path in sorted(src.glob("japan*.txt"))[:3]:  # changed, keeping their ids
        path.write_text(path.read_text(encoding="utf-8") + "\nAn added closing sentence.\n", encoding="utf-8")
    for path in sorted(src.glob("mofa*.txt"))[:2]:  # removed
        path.unlink()
    _synthetic(src / "more", 5)  # new
    crashes = 0
    # The step on a published archive, then on one a crash left unpublished (the resume path).
    for k, (step, at) in enumerate(((name, nth), ("_commit", 2), (name, nth))):
        _synthetic(src / f"more{k}", 5)  # work for every run
        module = writer_module if step == "write_outputs" else build_module
        original = getattr(module, step)
        calls = []

        def crashing(*args, _original=original, _at=at, **kwargs):
            calls.append(1)
            if len(calls) == _at:
                raise Crash
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, step, crashing)
        monkeypatch.setattr(build_module, "BATCH", 2)  # several inserts per transaction...
        monkeypatch.setattr(build_module, "COMMIT_DOCS", 4)  # ...and several transactions per run
        try:
            _archive([src], out, jobs=1)
        except Crash:
            crashes += step == name
        monkeypatch.undo()
        _check_consistent(out)
    assert crashes, "the step never ran"
    _archive([src], out, jobs=1)
    _check_consistent(out)
    _archive([src], tmp_path / "fresh", jobs=1)
    assert _published(out) == _published(tmp_path / "fresh")
    assert not list(out.rglob("*.tmp"))


def _wait_for_documents(out: Path, count: int, proc: subprocess.Popen) -> None:
    """Until the running archive has committed ``count`` documents (or has finished)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            db = sqlite3.connect(f"file:{out / 'readout.sqlite'}?mode=ro", uri=True, timeout=1)
            n = db.execute("SELECT count(*) FROM documents").fetchone()[0]
            db.close()
            if n >= count:
                return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.02)


@pytest.mark.parametrize("given_scheduler", [False, True], ids=["own-local-cluster", "scheduler-address"])
def test_dask_local_cluster_gives_identical_bytes(tmp_path: Path, given_scheduler: bool) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'readout[dask]'")
    seeds, corpus = ROOT / "seeds", ROOT / "tests" / "corpus"
    _archive([seeds, corpus], tmp_path / "pool", jobs=1)
    if given_scheduler:  # as with a cluster of its own: the client reads the sources and writes the outputs
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
            _archive([seeds, corpus], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                     chunk_size=16)
    else:
        _archive([seeds, corpus], tmp_path / "dask", engine="dask", jobs=2, chunk_size=16)
    assert _published(tmp_path / "pool") == _published(tmp_path / "dask")


def test_progress_bar_only_on_a_terminal(monkeypatch) -> None:
    from convert.archive.progress import Bar, wanted

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    assert wanted(Tty()) and not wanted(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not wanted(Tty())
    stream = Tty()
    bar = Bar(4, enabled=True, stream=stream)
    for _ in range(4):
        bar.update()
    bar.close()
    assert "4/4" in stream.getvalue()
