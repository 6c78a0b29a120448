"""`readout check` on many files runs on several processes and says exactly what one process says."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import DOCUMENTS
from convert.cli import main
from convert.commands.check_files import POOL_THRESHOLD, Options, check_files

BATCH = POOL_THRESHOLD + 20  # enough files for the pool to start


@pytest.fixture
def batch(tmp_path, monkeypatch):
    """Seed and corpus documents under new names, a binary file and an undecodable one among them."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(BATCH):
        shutil.copy(DOCUMENTS[i % len(DOCUMENTS)], folder / f"{i:03d}.txt")
    (folder / "030.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "050.txt").write_bytes(b"Title\nJuly 11, 2024\n\x81\x8d\x90 \xff\xfe broken\n")
    return folder


def run(capsys, *argv):
    code = main(["check", "--no-progress", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("form", ["json", "text", "sarif"])
def test_two_workers_say_what_one_says(batch, capsys, form):
    one = run(capsys, "--format", form, "-j", "1", "batch")
    two = run(capsys, "--format", form, "-j", "2", "batch")
    assert one == two
    assert one[0] == 2, "an unreadable file in the batch makes the exit status 2"
    if form == "json":
        problems = json.loads(one[1])
        paths = {p["path"] for p in problems}
        assert "batch/030.txt" in paths and "batch/050.txt" in paths, "bad files are ST000, the batch goes on"
        assert len(paths) > BATCH // 2


def test_fix_on_two_workers_writes_what_one_writes(batch, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(batch, copy)
    run(capsys, "--fix", "-j", "1", "batch")
    run(capsys, "--fix", "-j", "2", "copy")
    for fixed in batch.iterdir():
        assert fixed.read_bytes() == (copy / fixed.name).read_bytes(), fixed.name


def test_diff_on_two_workers_prints_in_path_order(batch, capsys):
    one = run(capsys, "--diff", "-j", "1", "batch")
    two = run(capsys, "--diff", "-j", "2", "batch")
    assert one == two and one[1].count("\n--- ") + one[1].startswith("--- ") > 1


def test_outcomes_come_back_in_the_order_given(batch):
    paths = sorted(str(p.relative_to(batch.parent)) for p in batch.iterdir())[::-1]
    outcomes = list(check_files(paths, None, Options(), jobs=2))
    assert [o.path for o in outcomes] == paths
    assert sum(o.failed for o in outcomes) == 2 and sum(o.checked for o in outcomes) == len(paths) - 2


def test_a_small_batch_stays_in_this_process(tmp_path, monkeypatch):
    import multiprocessing

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool for a few files")

    monkeypatch.setattr(multiprocessing, "get_context", no_pool)
    paths = [str(p) for p in DOCUMENTS[:POOL_THRESHOLD - 1]]
    assert all(o.checked for o in check_files(paths, None, Options(), jobs=2))


@pytest.mark.parametrize("files, jobs, size", [(10, 2, 16), (200, 2, 16), (2000, 2, 125), (10_000, 2, 128),
                                               (10_000, 64, 19), (100, 1, 16)])
def test_large_batches_go_in_larger_chunks(files, jobs, size):
    from convert.commands.check_files import CHUNK_SIZE, MAX_CHUNK_SIZE, chunk_size

    assert chunk_size(files, jobs) == size and CHUNK_SIZE <= size <= MAX_CHUNK_SIZE
