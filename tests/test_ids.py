"""Document ids from file names: safe as file names anywhere, stable, distinct."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convert.parse import make_id
from convert.sources import unique_ids

SAFE = re.compile(r"[a-z0-9][a-z0-9._-]{0,119}")  # the schema's pattern for "id"
DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def assert_safe(doc_id: str) -> None:
    assert SAFE.fullmatch(doc_id), doc_id
    assert doc_id.split(".")[0] not in DEVICES
    assert not doc_id.endswith((".", " "))  # Windows drops them: two ids would meet


@pytest.mark.parametrize("path, expected", [
    ("seeds/000_0bcac0d4543df4fe.txt", "000_0bcac0d4543df4fe"),
    ("a/b/Japan-US Summit.txt", "japan-us-summit"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\x\\readout.txt", "readout"),
    ("/abs/CON.txt", "doc-con"),
    ("nul", "doc-nul"),
    ("LPT1.txt", "doc-lpt1"),
    ("com1.2024.txt", "doc-com1.2024"),
    ("Élysée.txt", "elysee"),
    ("ﬁle.txt", "file"),
    ("Ａｂｃ.txt", "abc"),
    ("report.text", "report"),
])
def test_ids(path: str, expected: str) -> None:
    assert make_id(path) == expected
    assert_safe(make_id(path))


@pytest.mark.parametrize("path", ["首脳会談.txt", "...", "-.-", ".txt", "bad\udcff.txt", "会談-2024.txt", "x" * 400])
def test_names_that_lose_characters_get_a_hash_of_the_name(path: str) -> None:
    doc_id = make_id(path)
    assert_safe(doc_id)
    assert re.search(r"-[0-9a-f]{12}$", doc_id), doc_id
    assert make_id(path) == doc_id  # stable


def test_the_id_depends_on_the_name_only() -> None:
    # convert --to, convert -o and archive agree whatever the content's hash.
    assert make_id("CON.txt", "ab" * 32) == make_id("CON.txt") == make_id("other/dir/CON.txt", "")


def test_different_unicode_names_get_different_ids() -> None:
    assert make_id("首脳会談.txt") != make_id("外相会談.txt")


def test_names_differing_in_case_meet_and_are_told_apart() -> None:
    paths = ["in/A.txt", "in/a.txt", "other/a.txt"]
    ids = unique_ids((p, make_id(p)) for p in paths)
    assert len(set(ids.values())) == 3
    assert ids["in/A.txt"] == "a"  # the first in sorted order keeps the plain id
    assert len({i.lower() for i in ids.values()}) == 3  # distinct on a case-insensitive file system too
    assert unique_ids((p, make_id(p)) for p in reversed(paths)) == ids  # whatever the input order


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=300))
def test_any_name_gives_a_safe_id(name: str) -> None:
    assert_safe(make_id(name))
    assert_safe(make_id(name + ".txt"))
    assert "/" not in make_id("../" + name) and "\\" not in make_id(name)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=20, unique=True))
def test_unique_ids_are_unique_and_safe(names: list[str]) -> None:
    ids = unique_ids((n, make_id(n)) for n in names)
    assert len(set(ids.values())) == len(names)
    for doc_id in ids.values():
        assert_safe(doc_id)
