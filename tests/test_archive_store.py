"""The store's keyset paging: every row once, in key order, whatever the page size and the extra parameters."""

from __future__ import annotations

import sqlite3

import pytest

from convert.archive.store import iter_pages


@pytest.mark.parametrize("page", [1, 2, 3, 5, 100])
def test_pages_cover_every_row_once_in_order(page: int) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER)")
    db.executemany("INSERT INTO t VALUES (?, ?)", [(f"k{i:02}", i % 3) for i in range(10)])
    pages = list(iter_pages(db, "SELECT k, n FROM t WHERE k > ? AND n != ? ORDER BY k LIMIT ?", 1, page=page))
    assert [row for rows in pages for row in rows] == [(f"k{i:02}", i % 3) for i in range(10) if i % 3 != 1]
    assert all(0 < len(rows) <= page for rows in pages) and len(pages) == -(-7 // page)


def test_rows_changed_between_pages_are_seen_by_the_next_page() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, done INTEGER)")
    db.executemany("INSERT INTO t VALUES (?, 0)", [(f"k{i}",) for i in range(6)])
    seen = []
    for rows in iter_pages(db, "SELECT k FROM t WHERE k > ? AND done = 0 ORDER BY k LIMIT ?", page=2):
        seen += [k for (k,) in rows]
        db.execute("UPDATE t SET done = 1 WHERE k = 'k5'")  # as classify marks rows while it pages
    assert seen == ["k0", "k1", "k2", "k3", "k4"]
