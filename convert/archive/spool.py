"""Where documents.jsonl gets its lines from, cheapest first, each checked against the database.

documents.jsonl is every document's JSON form in id order. Reading
``json/<id>.json`` back for each one cost a third of the parent's time on a
100,000-document first run (one open and read per file), so publishing takes
each line from the first of:

1. the :class:`Spool`: the JSON lines that workers sent back this run, appended
   to one anonymous temporary file as they arrive (their offsets go into the
   scratch database, so memory stays flat);
2. the :class:`Previous` documents.jsonl, read once, in step, since both are in
   id order: that is where an unchanged document's line is;
3. the document's own ``json/<id>.json``.

A line is used only if its sha256 is the one the database recorded for the
document's JSON file, so whatever the spool or the old file hold (a line of
a document since changed, a file edited by hand), the output is the same
bytes the files would give.
"""

from __future__ import annotations

import os
import re
import tempfile
from typing import BinaryIO

from .writer import TMP_SUFFIX

SPOOL_TABLE = "CREATE TABLE scan.spool (id TEXT PRIMARY KEY, offset INTEGER NOT NULL, length INTEGER NOT NULL);"
_INSERT = "INSERT OR REPLACE INTO scan.spool (id, offset, length) VALUES (?, ?, ?)"
# Canonical JSON starts with these two keys, in this order; ids are [a-z0-9._-], never escaped.
_LINE_ID = re.compile(rb'\{"schema_version":"[^"\\]*","id":"([^"\\]*)"')
MAX_LINE = 64 * 1024 * 1024  # longer than any canonical document: past it the old file is not trusted


class Spool:
    """This run's JSON lines in one unnamed file (gone with the process, whatever kills it)."""

    def __init__(self, folder: str) -> None:
        # A large buffer: with the default 8 KB nearly every line was a write call of its own (35 us each).
        # Named like the archive's temporary files where the system must give it a name (Windows), so the
        # sweep of the next run removes one that a killed run left.
        self._file: BinaryIO = tempfile.TemporaryFile(dir=folder, prefix=".spool.", suffix=TMP_SUFFIX,
                                                      buffering=1024 * 1024)
        self._end = 0
        self._pending: list[tuple[str, int, int]] = []

    def add(self, doc_id: str, data: bytes) -> None:
        self._file.write(data)
        self._pending.append((doc_id, self._end, len(data)))
        self._end += len(data)

    def record(self, db) -> None:
        """Write the offsets added since the last call to the scratch table (inside the caller's transaction)."""
        if self._pending:
            db.executemany(_INSERT, self._pending)
            self._pending.clear()

    def read(self, offset: int, length: int) -> bytes:
        self._file.flush()
        return os.pread(self._file.fileno(), length, offset)

    def close(self) -> None:
        self._file.close()


class Previous:
    """The documents.jsonl being replaced, read forward only, a line at a time."""

    def __init__(self, path: str) -> None:
        try:
            self._file: BinaryIO | None = open(path, "rb")
        except OSError:
            self._file = None
        self._line = self._id = None
        self._advance()

    def _advance(self) -> None:
        if self._file is None:
            return
        line = self._file.readline(MAX_LINE)
        match = _LINE_ID.match(line)
        if not line.endswith(b"\n") or match is None:  # the end, or not a file we wrote: stop using it
            self.close()
            self._line = self._id = None
            return
        self._line, self._id = line, match.group(1).decode("ascii", "replace")

    def take(self, doc_id: str) -> bytes | None:
        """The old line of ``doc_id`` if the old file has one; call with ids in increasing order."""
        while self._id is not None and self._id < doc_id:
            self._advance()
        if self._id != doc_id:
            return None
        line = self._line
        self._advance()
        return line

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> Previous:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
