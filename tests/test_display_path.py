"""How `check` names a file: its path below the current folder, with forward slashes."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from convert.sources import _as_posix, display_path

PARTS = st.sampled_from(["a", "b.txt", ".", "..", "", "x y", "dir.d", "é", "\\"])


@given(st.lists(PARTS, max_size=6), st.booleans())
def test_as_posix_is_paths_own(parts, absolute):
    path = ("/" if absolute else "") + "/".join(parts)
    if path:
        assert _as_posix(path) == Path(path).as_posix()


def test_usual_and_unusual_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path("batch/001.txt") == "batch/001.txt"
    assert display_path("./batch//001.txt") == "batch/001.txt"
    assert display_path(str(tmp_path / "a" / "b.txt")) == "a/b.txt"
    assert display_path(str(tmp_path)) == "."
    assert display_path("/elsewhere/x.txt") == "/elsewhere/x.txt"
    assert display_path("dir/") == "dir" and display_path(".") == "."
    assert display_path(os.path.join("a", "..", "b.txt")) == "b.txt"  # below the current folder: its own name
