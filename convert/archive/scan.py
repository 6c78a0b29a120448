"""Which sources to convert: walk them, give them ids, compare them with the archive.

Everything about the inputs goes into a scratch SQLite file beside the
archive rather than into Python lists, so ten million paths cost disk, not
memory, and ids can be made unique with a query over all of them at once.
The scratch file is rebuilt by every run and removed at its end.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError, ReadoutError
from ..parse import make_id
from ..sources import Limits, display_path, iter_paths, read_bytes, unique_ids
from .job import Failure, Task
from .spool import SPOOL_TABLE
from .store import Transaction, iter_pages
from .writer import FORMS, output_path

CONVERT, UNCHANGED, UNCHANGED_FAILURE = 0, 1, 2
PAGE = 2000
RETRACTED_IDS = "SELECT id FROM scan.retracted"
# A file changed this shortly before the scan could change again within one timestamp tick (coarse clocks,
# 2 s on FAT) and keep its stat: its stat is not trusted, so the next run hashes it.
RACY_NS = 2_000_000_000

_SCHEMA = """
CREATE TABLE scan.paths (path TEXT PRIMARY KEY, fs_path TEXT NOT NULL, base_id TEXT NOT NULL, id TEXT,
                         state INTEGER NOT NULL DEFAULT 0, stat TEXT);
CREATE INDEX scan.paths_base ON paths(base_id);
CREATE INDEX scan.paths_id ON paths(id);
CREATE TABLE scan.retracted (id TEXT PRIMARY KEY);
""" + SPOOL_TABLE


@dataclass
class Plan:
    sources: int = 0  # distinct source paths found
    unchanged: int = 0  # documents kept as they are
    unchanged_failures: int = 0  # bad inputs, unchanged, still failing
    to_convert: int = 0
    retracted: int = 0  # archived documents that will be removed or replaced
    rewrites_retracted: bool = False  # some replaced document keeps its id (its files get overwritten)
    unnamed: list[Failure] | None = None  # paths that cannot even be recorded (file names not UTF-8)


def open_scratch(db: sqlite3.Connection, path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path + suffix)
    db.execute("ATTACH DATABASE ? AS scan", (path,))
    # WAL lets the engine's feeder thread read the work list while this connection commits documents.
    db.execute("PRAGMA scan.journal_mode=WAL")
    db.execute("PRAGMA scan.synchronous=OFF")
    db.executescript(_SCHEMA)


def close_scratch(db: sqlite3.Connection, path: str) -> None:
    db.execute("DETACH DATABASE scan")
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path + suffix)


def _walk(sources: list[str]) -> Iterator[tuple[str, str]]:
    """(archive path, local path) for every readout below the sources.

    The archive path is computed once per source and extended by the walk, so
    a hundred thousand files do not each pay for ``Path.resolve``.
    """
    for given in sources:
        if not os.path.exists(given):
            # A typo must not look like "every document was removed".
            raise InputError(f"{given}: no such file or folder")
        root = display_path(given)
        for fs_path in iter_paths([given]):
            if fs_path == given:
                yield root, fs_path
                continue
            rest = fs_path[len(given):].lstrip(os.sep).replace(os.sep, "/")
            yield (rest if root == "." else f"{root}/{rest}"), fs_path


_INSERT_PATH = "INSERT OR IGNORE INTO scan.paths (path, fs_path, base_id, stat) VALUES (?, ?, ?, ?)"


def record_sources(db: sqlite3.Connection, sources: list[str], plan: Plan) -> None:
    unnamed: list[Failure] = []
    batch: list[tuple[str, str, str, str | None]] = []
    recent = time.time_ns() - RACY_NS
    with Transaction(db):
        for path, fs_path in _walk(sources):
            try:
                path.encode("utf-8")
            except UnicodeEncodeError:
                shown = path.encode("utf-8", "backslashreplace").decode("utf-8")
                unnamed.append(Failure(shown, make_id(shown, ""), None, f"{shown}: file name is not valid UTF-8"))
                continue
            # make_id looks at the file name only; giving it just that is three times faster.
            batch.append((path, fs_path, make_id(path.rpartition("/")[2], ""), _stat_key(fs_path, recent)))
            if len(batch) >= PAGE:
                db.executemany(_INSERT_PATH, batch)
                batch.clear()
        db.executemany(_INSERT_PATH, batch)
        _assign_ids(db)
    plan.sources = db.execute("SELECT count(*) FROM scan.paths").fetchone()[0]
    plan.unnamed = unnamed
    if not plan.sources and not unnamed:
        raise ReadoutError("no readouts (*.txt) found in " + ", ".join(sources))


def _stat_key(fs_path: str, recent: int) -> str | None:
    """What identifies this version of the file's bytes, taken before anyone reads them; None: do not trust.

    The change time cannot be set back by hand (unlike the modification
    time), and the inode and device tell a file replaced by another apart.
    """
    try:
        st = os.stat(fs_path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or max(st.st_mtime_ns, st.st_ctime_ns) >= recent:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def _assign_ids(db: sqlite3.Connection) -> None:
    """Plain ids where unique; :func:`convert.sources.unique_ids` decides within each colliding group."""
    last = None
    while True:
        groups = [g for (g,) in db.execute(
            "SELECT base_id FROM scan.paths WHERE base_id > coalesce(?, '') GROUP BY base_id HAVING count(*) > 1 "
            "ORDER BY base_id LIMIT ?", (last, PAGE))]
        for base in groups:
            pairs = db.execute("SELECT path, base_id FROM scan.paths WHERE base_id = ?", (base,)).fetchall()
            db.executemany("UPDATE scan.paths SET id = ? WHERE path = ?",
                           [(doc_id, path) for path, doc_id in unique_ids(pairs).items()])
        if len(groups) < PAGE:
            break
        last = groups[-1]
    db.execute("UPDATE scan.paths SET id = base_id WHERE id IS NULL")
    # A suffixed id could, in theory, equal another file's plain id: number such clashes by path order.
    for _ in range(8):
        clashes = db.execute("SELECT id FROM scan.paths GROUP BY id HAVING count(*) > 1 LIMIT ?", (PAGE,)).fetchall()
        if not clashes:
            return
        for (doc_id,) in clashes:
            paths = [p for (p,) in db.execute("SELECT path FROM scan.paths WHERE id = ? ORDER BY path", (doc_id,))]
            db.executemany("UPDATE scan.paths SET id = ? WHERE path = ?",
                           [(f"{doc_id}-{n}", p) for n, p in enumerate(paths[1:], 2)])
    raise ReadoutError("internal error: could not make document ids unique")


def classify(db: sqlite3.Connection, plan: Plan, schema_version: str, tool_version: str, limits: Limits,
             verify_root: str | None = None, force: bool = False) -> None:
    """Mark sources whose bytes, id and versions match the archive as unchanged.

    A source whose stat is the one recorded when its row was last confirmed
    is unchanged without being read (see :func:`remember_stats`); other
    sources already in the archive are read and hashed here, and new ones go
    straight to the workers, which read each file once. With ``verify_root``
    every source is hashed, and a document also needs its output files
    intact to count as unchanged (the repair for outputs edited or lost
    behind our back); with ``force``, nothing counts as unchanged.
    """
    for table, state, outputs in () if force else _MATCHES:
        if verify_root is None:
            db.execute(_TRUSTED.format(table=table, state=state), (schema_version, tool_version))
        # Paged on the archive's path index, in its order: each page reads only its own rows.
        query = _KNOWN.format(table=table, outputs=outputs)
        for rows in iter_pages(db, query, schema_version, tool_version, page=PAGE):
            same = [(state, path) for path, fs_path, sha, doc_id, *digests in rows
                    if _sha256(fs_path, limits) == sha
                    and (verify_root is None or doc_id is None or _outputs_intact(verify_root, doc_id, digests))]
            with Transaction(db, immediate=False):
                db.executemany("UPDATE scan.paths SET state = ? WHERE path = ?", same)
    counts = dict(db.execute("SELECT state, count(*) FROM scan.paths GROUP BY state").fetchall())
    plan.unchanged = counts.get(UNCHANGED, 0)
    plan.unchanged_failures = counts.get(UNCHANGED_FAILURE, 0)
    plan.to_convert = counts.get(CONVERT, 0)
    db.execute(f"INSERT INTO scan.retracted (id) SELECT d.id FROM documents d WHERE NOT EXISTS "
               f"(SELECT 1 FROM scan.paths p WHERE p.path = d.path AND p.state = {UNCHANGED})")
    plan.retracted = db.execute("SELECT count(*) FROM scan.retracted").fetchone()[0]
    plan.rewrites_retracted = db.execute(
        f"SELECT 1 FROM scan.retracted r JOIN scan.paths p ON p.id = r.id WHERE p.state = {CONVERT} LIMIT 1"
    ).fetchone() is not None


_MATCHES = (("documents", UNCHANGED, "x.id, x.xml_sha256, x.json_sha256"),
            ("failures", UNCHANGED_FAILURE, "NULL, NULL, NULL"))
_SAME = "x.id = p.id AND x.schema_version = ? AND x.tool_version = ? AND x.source_sha256 IS NOT NULL"
_KNOWN = ("SELECT x.path, p.fs_path, x.source_sha256, {outputs} FROM {table} x JOIN scan.paths p "
          f"ON p.path = x.path WHERE x.path > ? AND p.state = {CONVERT} AND {_SAME} ORDER BY x.path LIMIT ?")
_TRUSTED = (f"UPDATE scan.paths SET state = {{state}} WHERE stat IS NOT NULL AND path IN (SELECT x.path "
            f"FROM {{table}} x JOIN source_stats s ON s.path = x.path JOIN scan.paths p ON p.path = x.path "
            f"WHERE s.stat = p.stat AND {_SAME})")


def remember_stats(db: sqlite3.Connection) -> None:
    """Record the scanned stat of every source with a row in the archive; call as a finished run commits.

    Sound because each stat was taken before its bytes were read this run
    (hashed by :func:`classify` or converted by a worker), so a row and the
    stat beside it describe one version of the file; a file changed since
    has another stat and is hashed again. A run killed before this keeps
    older stats, which then match no file and cost a hash only.
    """
    db.execute("DELETE FROM source_stats WHERE NOT EXISTS "
               "(SELECT 1 FROM scan.paths p WHERE p.path = source_stats.path AND p.stat = source_stats.stat)")
    db.execute("INSERT OR IGNORE INTO source_stats (path, stat) SELECT p.path, p.stat FROM scan.paths p "
               "WHERE p.stat IS NOT NULL AND (EXISTS (SELECT 1 FROM documents d WHERE d.path = p.path) OR "
               "EXISTS (SELECT 1 FROM failures f WHERE f.path = p.path AND f.source_sha256 IS NOT NULL))")


def _sha256(fs_path: str, limits: Limits) -> str | None:
    try:
        return hashlib.sha256(read_bytes(fs_path, limits)).hexdigest()
    except InputError:
        return None  # unreadable now: convert it again and let the worker report why


def _outputs_intact(root: str, doc_id: str, digests: list[str]) -> bool:
    for form, digest in zip(FORMS, digests):
        try:
            with open(output_path(root, form, doc_id), "rb") as handle:
                if hashlib.sha256(handle.read()).hexdigest() != digest:
                    return False
        except OSError:
            return False
    return True


def iter_retracted(db: sqlite3.Connection) -> Iterator[str]:
    yield from (i for (i,) in db.execute("SELECT id FROM scan.retracted ORDER BY id"))


STALE_FAILURES = (f"SELECT path FROM failures f WHERE NOT EXISTS "
                  f"(SELECT 1 FROM scan.paths p WHERE p.path = f.path AND p.state = {UNCHANGED_FAILURE})")


def count_stale_failures(db: sqlite3.Connection) -> int:
    """Recorded failures whose source is gone, changed or about to be retried."""
    return db.execute(f"SELECT count(*) FROM ({STALE_FAILURES})").fetchone()[0]


def iter_tasks(scratch_path: str) -> Iterator[Task]:
    """The sources to convert, by path, read a page at a time through a connection of their own.

    A separate connection because process pools pull tasks from a feeder thread.
    """
    db = sqlite3.connect(scratch_path)
    try:
        for rows in iter_pages(db, f"SELECT path, id, fs_path FROM paths WHERE state = {CONVERT} AND path > ? "
                               "ORDER BY path LIMIT ?", page=PAGE):
            for path, doc_id, fs_path in rows:
                yield Task(path, doc_id, fs_path)
    finally:
        db.close()
