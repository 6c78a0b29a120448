"""convert.regex: patterns built from the user cache are exactly re's, and any doubt falls back to re."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from convert import regex, resources
from conftest import ROOT, SEEDS


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and a module that has loaded nothing yet."""
    monkeypatch.setenv("READOUT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex, "_entries", None)
    monkeypatch.setattr(regex, "_used", set())
    monkeypatch.setattr(regex, "_changed", False)
    return tmp_path


def _reload(monkeypatch) -> None:
    """As a new process would: forget what was loaded, read the folder again."""
    monkeypatch.setattr(regex, "_entries", None)
    monkeypatch.setattr(regex, "_used", set())
    monkeypatch.setattr(regex, "_changed", False)


PATTERNS = [
    (r"(?P<month>January|February) (\d{1,2}), (?P<year>\d{4})", 0),
    (r"\b[Aa]n?\s+(?=\w)", re.I),
    (r"^\(\d+\)\s", re.M),
    (r"(?<![\w.])x(?!y)|[^\W\d_]+", re.VERBOSE | re.UNICODE),
    (r"(?i:on) (?:the)?", 0),
    (r"\A\s*\Z", re.S),
]


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_cached_pattern_equals_res_own(fresh, monkeypatch, pattern, flags):
    first = regex.compile(pattern, flags)
    assert first == re.compile(pattern, flags)
    regex.save()
    _reload(monkeypatch)
    cached = regex.compile(pattern, flags)
    assert (pattern, int(flags)) in regex._entries  # built from the cache this time
    # Pattern equality compares flags, pattern and the compiled code.
    assert cached == re.compile(pattern, flags)
    assert cached.groupindex == re.compile(pattern, flags).groupindex and cached.groups == first.groups
    assert cached.findall("On the 1 January 3, 2020 an x") == first.findall("On the 1 January 3, 2020 an x")


def test_every_pattern_a_check_caches_equals_res_own(tmp_path, monkeypatch):
    monkeypatch.setenv("READOUT_CACHE_DIR", str(tmp_path))
    env = dict(os.environ)
    subprocess.run([sys.executable, "-m", "convert", "check", "--exit-zero", *map(str, SEEDS)],
                   cwd=ROOT, env=env, capture_output=True, check=True)
    kept = resources.read_cache("patterns", (), regex._valid)
    assert kept is not None and len(kept[1]) > 50
    import _sre

    for (pattern, flags), parts in kept[1].items():
        assert _sre.compile(pattern, *parts) == re.compile(pattern, flags), pattern


def test_damaged_code_compiles_afresh(fresh, monkeypatch):
    pattern = r"(\d+) minutes"
    regex.compile(pattern)
    regex.save()
    _reload(monkeypatch)
    regex._load()[(pattern, 0)] = (32, [999, 1, 2], 0, {}, (None,))  # code the engine refuses
    compiled = regex.compile(pattern)
    assert compiled == re.compile(pattern) and compiled.match("45 minutes").group(1) == "45"


def test_a_corrupt_or_foreign_cache_file_is_ignored(fresh, monkeypatch):
    regex.compile("abc")
    regex.save()
    Path(resources._cache_file(str(fresh), "patterns")).write_bytes(b"garbage")
    _reload(monkeypatch)
    assert regex.compile("abc") == re.compile("abc") and regex._entries == {("abc", 0): regex._entries[("abc", 0)]}
    resources.write_cache("patterns", (), (("another engine", 1), {("abc", 0): (0, [], 0, {}, ())}))
    _reload(monkeypatch)
    assert regex._load() == {}  # another _sre's code is not even looked at


def test_nothing_is_written_when_nothing_was_new(fresh, monkeypatch):
    regex.compile("abc")
    regex.save()
    stamp = Path(resources._cache_file(str(fresh), "patterns")).stat().st_mtime_ns
    _reload(monkeypatch)
    regex.compile("abc")
    assert not regex._changed
    regex.save()
    assert Path(resources._cache_file(str(fresh), "patterns")).stat().st_mtime_ns == stamp


def test_without_a_cache_folder_patterns_still_compile(monkeypatch):
    monkeypatch.setenv("READOUT_CACHE_DIR", "")
    _reload(monkeypatch)
    assert regex.compile("a+b", re.I) == re.compile("a+b", re.I)
    regex.save()  # nowhere to write: silently nothing


def test_bytes_patterns_are_left_to_re(fresh):
    assert regex.compile(rb"\d+") == re.compile(rb"\d+")
    assert not regex._changed


def test_a_full_cache_keeps_only_what_the_last_run_used(fresh, monkeypatch):
    monkeypatch.setattr(regex, "_MAX_ENTRIES", 3)
    for n in range(5):
        regex.compile(f"x{n}")
    regex.save()
    _reload(monkeypatch)
    regex.compile("x4")
    regex.compile("new")
    regex.save()
    _reload(monkeypatch)
    assert set(regex._load()) == {("x4", 0), ("new", 0)}


def test_memory_stays_bounded_in_a_long_lived_process(fresh, monkeypatch):
    monkeypatch.setattr(regex, "_MAX_ENTRIES", 3)
    for n in range(20):
        assert regex.compile(f"y{n}") == re.compile(f"y{n}")
    assert len(regex._entries) == 6
