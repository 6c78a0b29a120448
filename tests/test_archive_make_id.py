"""make_id takes the file name with string operations: the same ids as with PurePosixPath, odd paths too."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convert.parse import make_id


def _reference(path: str) -> str:
    """make_id as it was written with pathlib: the name of the path, slashes either way."""
    return make_id(PurePosixPath(path.replace("\\", "/")).name)


ODD = ["a/b.txt", "a/b/", "a/b/.", "a/./b.txt", "./", ".", "", "/", "//", "a//b.txt", "a/..", "..", "...",
       "a/.hidden.txt", "C:\\Users\\x\\Readout.TXT", "C:readout.txt", "\\\\server\\share\\f.txt", "dir\\", "x/./../",
       "a/b/./.", " /b .txt", "Élysée/首脳会談.txt", "a/CON.txt/", "con/", "x/\udcff.txt", "a\\.\\b.text"]


@pytest.mark.parametrize("path", ODD)
def test_odd_paths_give_the_ids_they_always_gave(path: str) -> None:
    assert make_id(path) == _reference(path)


def test_windows_and_posix_spellings_meet() -> None:
    assert make_id("C:\\data\\2024\\Japan-US Summit.txt") == make_id("data/2024/Japan-US Summit.txt") \
        == "japan-us-summit"
    assert make_id("a/b/") == make_id("a\\b\\.") == "b"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["", ".", "..", "a", "B.txt", "c d", "é", "\\", "x.text", "/"]), max_size=6))
def test_any_path_made_of_odd_parts(parts: list[str]) -> None:
    path = "/".join(parts)
    assert make_id(path) == _reference(path)


def test_a_drive_relative_windows_path_names_its_file(monkeypatch) -> None:
    import convert.parse as parse

    monkeypatch.setattr(parse, "_WINDOWS", True)
    assert make_id("C:readout.txt") == make_id("D:\\x\\readout.txt") == "readout"
    monkeypatch.setattr(parse, "_WINDOWS", False)
    assert make_id("C:readout.txt") == "c-readout"  # on POSIX "C:" is part of the name, as PurePosixPath says
