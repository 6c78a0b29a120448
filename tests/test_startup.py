"""Start-up of `readout check FILE`: the user caches behind it, and what it must not import.

The word-list cache only makes start-up faster: a missing, stale, corrupt
or unwritable cache must give the same results as no cache at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from convert import resources, words
from conftest import ROOT, SEEDS

SEED = "seeds/000_0bcac0d4543df4fe.txt"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("READOUT_CACHE_DIR", str(folder))
    return folder


def _reload_words() -> None:
    for function in (words._lists, words.known_words, words.english, words.dictionary_names, words.field):
        function.cache_clear()
    words._KNOWN_CACHE.clear()


@pytest.fixture
def fresh_words():
    _reload_words()
    yield
    _reload_words()  # later tests see the lists as read from the files again


def _counting(tmp_path, text="one"):
    source = tmp_path / "source.txt"
    source.write_text(text, encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return (source.read_text(encoding="utf-8"),)

    def load():
        return resources.cached("test", [source], build, lambda v: isinstance(v, tuple))

    return source, builds, load


def test_cache_is_built_once_then_read(cache, tmp_path):
    _, builds, load = _counting(tmp_path)
    assert load() == ("one",) and load() == ("one",)
    assert len(builds) == 1
    assert Path(resources._cache_file(str(cache), "test")).is_file()


def test_a_changed_source_rebuilds_the_cache(cache, tmp_path):
    source, builds, load = _counting(tmp_path)
    load()
    source.write_text("two, longer", encoding="utf-8")
    assert load() == ("two, longer",)
    assert load() == ("two, longer",) and len(builds) == 2


def test_a_new_package_version_rebuilds_the_cache(cache, tmp_path, monkeypatch):
    _, builds, load = _counting(tmp_path)
    load()
    monkeypatch.setattr(resources, "__version__", "99.0")
    load()
    assert len(builds) == 2


@pytest.mark.parametrize("garbage", [b"", b"readout-cache", b"\x00" * 100, "truncated"])
def test_a_corrupt_cache_is_ignored_and_replaced(cache, tmp_path, garbage):
    _, builds, load = _counting(tmp_path)
    load()
    path = Path(resources._cache_file(str(cache), "test"))
    path.write_bytes(path.read_bytes()[:-3] if garbage == "truncated" else garbage)
    assert load() == ("one",)
    assert load() == ("one",) and len(builds) == 2  # the bad file was replaced


def test_an_invalid_value_is_ignored(cache, tmp_path):
    _, builds, load = _counting(tmp_path)
    source = tmp_path / "source.txt"
    resources.write_cache("test", [source], ["not", "a", "tuple"])
    assert load() == ("one",) and len(builds) == 1


def test_an_unwritable_cache_folder_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("READOUT_CACHE_DIR", str(blocker / "cache"))
    _, builds, load = _counting(tmp_path)
    assert load() == ("one",) and load() == ("one",)
    assert len(builds) == 2


def test_an_empty_cache_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("READOUT_CACHE_DIR", "")
    assert resources.cache_dir() is None
    _, builds, load = _counting(tmp_path)
    load(), load()
    assert len(builds) == 2


def test_default_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("READOUT_CACHE_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert resources.cache_dir() == str(tmp_path / "readout")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert resources.cache_dir() == os.path.join(os.path.expanduser("~/.cache"), "readout")


def _word_lists():
    return (words.known_words(), words.english(), words.dictionary_names(), words.field())


def test_word_lists_are_the_same_with_and_without_cache(cache, monkeypatch, fresh_words):
    english = frozenset(words._body(words.ENGLISH).lower().split())  # as words.txt says, no cache
    monkeypatch.setenv("READOUT_CACHE_DIR", "")
    uncached = _word_lists()
    assert uncached[1] == english and uncached[0] == english | uncached[3]
    monkeypatch.setenv("READOUT_CACHE_DIR", str(cache))
    for _ in range(2):  # the run that writes the cache, then one that reads it
        _reload_words()
        assert _word_lists() == uncached
    assert Path(resources._cache_file(str(cache), "words")).is_file()


def test_word_cache_is_rebuilt_when_stale(cache, monkeypatch, fresh_words):
    words._lists()  # writes the cache
    _reload_words()
    calls = []
    monkeypatch.setattr(words, "_build_lists", lambda: calls.append(1) or _STUB)
    words._lists()
    assert not calls  # read from the cache
    _reload_words()
    monkeypatch.setattr(resources, "__version__", "99.0")  # as a new release would: stale
    assert words._lists() == _STUB and calls == [1]


_STUB = ({"stu": "stub"}, frozenset(), b"")


def _check(env_cache: str, *paths: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, READOUT_CACHE_DIR=env_cache)
    return subprocess.run([sys.executable, "-m", "convert", "check", "--exit-zero", "--no-progress", *paths],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=True)


def test_check_output_is_the_same_cold_warm_and_uncached(tmp_path):
    paths = [str(p.relative_to(ROOT)) for p in SEEDS[:5]]
    uncached = _check("", *paths)
    cold = _check(str(tmp_path), *paths)
    names = {Path(resources._cache_file(str(tmp_path), n)).name for n in ("words", "patterns")}
    assert {p.name for p in tmp_path.iterdir()} == names
    warm = _check(str(tmp_path), *paths)
    for run in (cold, warm):
        assert (run.stdout, run.stderr) == (uncached.stdout, uncached.stderr)
    for name in names:
        (tmp_path / name).write_bytes(b"garbage")
    corrupt = _check(str(tmp_path), *paths)
    assert (corrupt.stdout, corrupt.stderr) == (uncached.stdout, uncached.stderr)


def _after_check(cache: Path, expression: str, *python_options: str) -> str:
    """What ``expression`` prints after a one-file check in a fresh interpreter (with ``python_options``)."""
    code = ("import sys\nfrom convert import words\nfrom convert.cli import main\n"
            f"main(['check', '--exit-zero', {SEED!r}])\nprint({expression}, file=sys.stderr)")
    env = dict(os.environ, READOUT_CACHE_DIR=str(cache))
    run = subprocess.run([sys.executable, *python_options, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True)
    return run.stderr.splitlines()[-1]


_MODULES = "' '.join(sorted(sys.modules))"


def test_check_imports_nothing_it_does_not_use(tmp_path):
    loaded = set(_after_check(tmp_path, _MODULES).split())
    for name in ("lxml", "jsonschema", "jsonschema_rs", "convert.xmlschema", "convert.schema",
                 "convert.archive.engines", "convert.commands.archive", "convert.commands.validate",
                 "convert.commands.render", "convert.commands.rules", "convert.report.sarif",
                 "convert.report.json", "convert.report.junit", "convert.report.full",
                 "convert.parse.people",  # the seed's lead is read for its events, not its people
                 "typing"):  # 3 ms, for annotations that are strings anyway
        assert name not in loaded, name


def test_word_set_answers_as_the_whole_set_would(fresh_words):
    known = words.known_words()
    whole = known.all()
    sample = sorted(whole)[::997] + ["", "a", "xq", "zzzzzz", "Meeting", "meetings", "ab\ncd"]
    assert [w in known for w in sample] == [w in whole for w in sample]
    assert len(known) == len(whole) and frozenset(known) == whole and known == whole
    doc = frozenset({"meeting", "unlistedword", "cooperation"})
    assert doc & known == frozenset({"meeting", "cooperation"}) and type(doc & known) is frozenset


def test_a_lookup_builds_only_its_group(fresh_words):
    known = words.known_words()
    assert "meeting" in known and "cooperation" in known and "qqq" not in known
    assert set(known._sets) == {"mee", "coo", "qqq"} and known._all is None  # no whole set built
    doc = frozenset({"meeting", "unlistedword", "cooperation"})
    assert doc & known == frozenset({"meeting", "cooperation"}) == known & doc and known._all is None
    assert words.is_known("meetings") and known._all is None


def test_a_one_file_check_never_builds_the_whole_word_set(tmp_path):
    assert _after_check(tmp_path, "words.known_words()._all is None") == "True"


def test_check_imports_neither_pathlib_nor_shutil(tmp_path):
    # -S: without site, whose editable-install hook imports pathlib itself.
    _after_check(tmp_path, "''", "-S")  # the run that writes the caches may import more; the next one may not
    loaded = set(_after_check(tmp_path, _MODULES, "-S").split())
    assert "convert.lint" in loaded
    for name in ("pathlib", "shutil", "urllib.parse", "tempfile",
                 "hashlib", "importlib.util"):  # OpenSSL's load is 4 ms; check hashes nothing
        assert name not in loaded, name


def test_help_is_as_wide_as_shutil_says(monkeypatch):
    import shutil

    from convert import cli

    for columns in ("100", "60", "0", "junk"):
        monkeypatch.setenv("COLUMNS", columns)
        cli.terminal_width.cache_clear()
        assert cli.terminal_width() == shutil.get_terminal_size().columns
    monkeypatch.setenv("COLUMNS", "72")
    cli.terminal_width.cache_clear()
    assert max(len(line) for line in cli.build_parser().format_help().splitlines()) <= 70
    cli.terminal_width.cache_clear()


def test_two_installations_keep_their_own_cache_files(cache, tmp_path, monkeypatch):
    _, builds, load = _counting(tmp_path)
    load()
    with monkeypatch.context() as other:
        other.setattr(resources, "_PACKAGE", "/elsewhere/site-packages/convert")
        resources._install_tag.cache_clear()
        load()  # the other installation builds its own once...
        load()
    resources._install_tag.cache_clear()
    load()  # ...and this one's file is still there, untouched
    assert len(builds) == 2 and len(list(cache.iterdir())) == 2
