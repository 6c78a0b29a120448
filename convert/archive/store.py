"""The archive's SQLite database: schema, transactions, and the queries the run needs.

The database is both the user's index (documents and their parts, full-text
search) and the run's memory (source sha256, schema and tool versions per
document, used to skip unchanged inputs). Each batch of documents is one
transaction, so a killed run leaves every document either fully in or fully
out; WAL with ``synchronous=NORMAL`` keeps the commits cheap and the file
consistent after a crash.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from ..errors import ReadoutError
from .rows import SEVERITIES, TABLE_COLUMNS

FORMAT = 2  # PRAGMA user_version: bump when the tables change

# The run's memory of each source's stat when its row was last confirmed (see scan.remember_stats).
# Added within format 2: an older archive gets it empty, and its next run hashes every source as before.
STATS_TABLE = "CREATE TABLE IF NOT EXISTS source_stats (path TEXT PRIMARY KEY, stat TEXT NOT NULL) WITHOUT ROWID;"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE documents (
    key INTEGER PRIMARY KEY,            -- given in commit order; doc_key in the other tables, rowid in readouts_fts
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL UNIQUE,          -- source path as given (relative, forward slashes)
    source_sha256 TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    xml_sha256 TEXT NOT NULL,
    json_sha256 TEXT NOT NULL,
    title TEXT, qualifier TEXT, date TEXT, lead TEXT, encoding TEXT,
    errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL
);
CREATE INDEX documents_date ON documents(date);
CREATE TABLE sections (doc_key INTEGER, doc_id TEXT, ordinal INTEGER, number TEXT, heading TEXT, line INTEGER,
    end_line INTEGER, PRIMARY KEY (doc_key, ordinal)) WITHOUT ROWID;
CREATE TABLE paragraphs (doc_key INTEGER, doc_id TEXT, ordinal INTEGER, section INTEGER, parent INTEGER, kind TEXT,
    number TEXT, text TEXT, residue TEXT, line INTEGER, "column" INTEGER, end_line INTEGER, end_column INTEGER,
    PRIMARY KEY (doc_key, ordinal)) WITHOUT ROWID;
CREATE TABLE footnotes (doc_key INTEGER, doc_id TEXT, ordinal INTEGER, footnote_id TEXT, marker TEXT, label TEXT,
    term TEXT, definition TEXT, text TEXT, line INTEGER, PRIMARY KEY (doc_key, ordinal)) WITHOUT ROWID;
CREATE TABLE participants (doc_key INTEGER, doc_id TEXT, ordinal INTEGER, name TEXT, honorific TEXT,
    given_name TEXT, family_name TEXT, role TEXT, organisation TEXT, PRIMARY KEY (doc_key, ordinal)) WITHOUT ROWID;
CREATE INDEX participants_family ON participants(family_name COLLATE NOCASE);
CREATE TABLE events (doc_key INTEGER, doc_id TEXT, ordinal INTEGER, kind TEXT, date TEXT, start TEXT,
    start_japan TEXT, utc_offset TEXT, duration TEXT, start_text TEXT, japan_time_text TEXT, duration_text TEXT,
    approximate INTEGER, PRIMARY KEY (doc_key, ordinal)) WITHOUT ROWID;
CREATE TABLE diagnostics (doc_key INTEGER, doc_id TEXT, ordinal INTEGER, code TEXT, category TEXT, severity TEXT,
    message TEXT, line INTEGER, "column" INTEGER, end_line INTEGER, end_column INTEGER, fix TEXT,
    PRIMARY KEY (doc_key, ordinal)) WITHOUT ROWID;
CREATE INDEX diagnostics_code ON diagnostics(code, severity);
CREATE TABLE failures (path TEXT PRIMARY KEY, id TEXT NOT NULL, source_sha256 TEXT, schema_version TEXT NOT NULL,
    tool_version TEXT NOT NULL, reason TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE readouts_fts USING fts5(title, lead, body, footnotes);
""" + STATS_TABLE

_DOC_COLUMNS = ("key", "id", "path", "source_sha256", "schema_version", "tool_version", "xml_sha256", "json_sha256",
                "title", "qualifier", "date", "lead", "encoding", "errors", "warnings", "infos")


def _insert(table: str, columns: Iterable[str]) -> str:
    cols = tuple(columns)
    return f"INSERT INTO {table} ({', '.join(map(_quote, cols))}) VALUES ({', '.join('?' * len(cols))})"


def _quote(name: str) -> str:
    return f'"{name}"'


# Child rows come from the workers as (doc_id, ordinal, ...); the parent adds the document's key in front.
# Keys grow with every commit, so every table's primary key (doc_key, ordinal) only ever appends: inserts
# stay as cheap in a database of a million documents as in an empty one (keyed by the text id, they
# landed on random pages and cost five times more at 100,000 documents).
_INSERTS = {table: _insert(table, ("doc_key",) + cols) for table, cols in TABLE_COLUMNS.items()}
_INSERT_DOC = _insert("documents", _DOC_COLUMNS)
_INSERT_FTS = "INSERT INTO readouts_fts (rowid, title, lead, body, footnotes) VALUES (?, ?, ?, ?, ?)"


class Store:
    def __init__(self, path: str) -> None:
        try:
            self.db = sqlite3.connect(path, isolation_level=None)  # explicit BEGIN/COMMIT below
            # 16 KB pages: a quarter of the write calls per commit (set before WAL; ignored once created).
            self.db.execute("PRAGMA page_size=16384")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA cache_size=-65536")  # 64 MB: bounded whatever the archive's size
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise ReadoutError(f"{path}: not a readout archive database ({exc})") from None
        if version == 0:
            # One script, one transaction: a run killed here leaves an empty file, never half a schema.
            self.db.executescript("BEGIN;" + SCHEMA + f"PRAGMA user_version={FORMAT};COMMIT;")
        elif version != FORMAT:
            raise ReadoutError(f"{path}: archive database format {version}; this readout writes format {FORMAT} "
                               "(archive into a new folder)")
        else:
            self.db.execute(STATS_TABLE)

    # --- transactions ----------------------------------------------------------------

    def transaction(self) -> Transaction:
        return Transaction(self.db)

    def begin(self) -> None:
        """Open a transaction unless one is open: rows then go in by batches until :meth:`commit`."""
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self.db.in_transaction:
            self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.execute("PRAGMA optimize")
        self.db.close()

    # --- meta ------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- writing (call inside a transaction) -------------------------------------------

    def add_results(self, results: list, schema_version: str, tool_version: str) -> None:
        key = self.db.execute("SELECT coalesce(max(key), 0) FROM documents").fetchone()[0]
        docs, fts = [], []
        children: dict[str, list[tuple]] = {table: [] for table in TABLE_COLUMNS}
        for r in results:
            key += 1
            s = r.summary
            docs.append((key, r.id, r.path, r.source_sha256, schema_version, tool_version, r.sha256["xml"],
                         r.sha256["json"], s["title"], s["qualifier"], s["date"], s["lead"], s["encoding"],
                         *s["counts"]))
            fts.append((key, *s["fts"]))
            head = (key,)
            for table, rows in r.rows.items():
                children[table].extend([head + row for row in rows])
        self.db.executemany(_INSERT_DOC, docs)
        self.db.executemany(_INSERT_FTS, fts)
        for table, rows in children.items():
            if rows:
                self.db.executemany(_INSERTS[table], rows)

    def add_failures(self, failures: list, schema_version: str, tool_version: str) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO failures (path, id, source_sha256, schema_version, tool_version, reason) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(f.path, f.id, f.source_sha256, schema_version, tool_version, f.reason) for f in failures])

    def remove_documents(self, ids_query: str) -> None:
        """Delete the documents whose ids ``ids_query`` (a SELECT) returns, with all their rows.

        A subquery rather than a list: retracting every document of a large archive costs no memory.
        """
        keys = f"SELECT key FROM documents WHERE id IN ({ids_query})"
        self.db.execute(f"DELETE FROM readouts_fts WHERE rowid IN ({keys})")
        for table in TABLE_COLUMNS:
            self.db.execute(f"DELETE FROM {table} WHERE doc_key IN ({keys})")
        self.db.execute(f"DELETE FROM documents WHERE id IN ({ids_query})")

    def remove_failures(self, paths_query: str) -> None:
        """Delete the failures whose paths ``paths_query`` (a SELECT) returns."""
        self.db.execute(f"DELETE FROM failures WHERE path IN ({paths_query})")

    # --- reading -----------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def known_ids(self, ids: list[str]) -> set[str]:
        """Those of ``ids`` that name a document (one query, however many: they go as one JSON array)."""
        return {i for (i,) in self.db.execute(
            "SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))}

    def iter_documents(self, page: int = 2000) -> Iterator[tuple]:
        """(id, path, source_sha256, schema_version, xml_sha256, json_sha256, errors, warnings, infos) by id.

        Read by pages on the primary key, so memory stays flat however many documents there are.
        """
        return self.iter_by_id(
            "SELECT id, path, source_sha256, schema_version, xml_sha256, json_sha256, errors, warnings, infos "
            "FROM documents WHERE id > ? ORDER BY id LIMIT ?", page)

    def iter_by_id(self, query: str, page: int = 2000) -> Iterator[tuple]:
        """The rows of ``query`` (see :func:`iter_pages`), one by one."""
        for rows in iter_pages(self.db, query, page=page):
            yield from rows

    def iter_failures(self) -> Iterator[tuple]:
        """(path, id, source_sha256, reason) by path."""
        yield from self.db.execute("SELECT path, id, source_sha256, reason FROM failures ORDER BY path")

    def totals(self) -> dict[str, int]:
        docs, e, w, i = self.db.execute(
            "SELECT count(*), total(errors), total(warnings), total(infos) FROM documents").fetchone()
        failures = self.db.execute("SELECT count(*) FROM failures").fetchone()[0]
        return {"documents": docs, "failures": failures, **dict(zip(SEVERITIES, (int(e), int(w), int(i))))}


def iter_pages(db: sqlite3.Connection, query: str, *params, page: int = 2000) -> Iterator[list[tuple]]:
    """The rows of ``query`` a page at a time, each page fetched whole before it is yielded.

    ``query`` takes ``(last, *params, page)``: it ends ``WHERE key > ? ... ORDER BY key LIMIT ?`` on the
    key in its first column, so each page starts from an index and memory stays flat.
    """
    last = ""
    while True:
        rows = db.execute(query, (last, *params, page)).fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


class Transaction:
    """``with Transaction(db):`` — BEGIN, COMMIT, or ROLLBACK on any exception.

    IMMEDIATE (the default) takes the write lock at once, so a transaction
    that reads before it writes cannot fail half-way on a busy database.
    """

    def __init__(self, db: sqlite3.Connection, immediate: bool = True) -> None:
        self.db = db
        self.immediate = immediate

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE" if self.immediate else "BEGIN")

    def __exit__(self, kind, value, tb) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")
