"""The shipped word lists: sorted, no duplicates, consistent with each other, quick to load."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from convert import words
from convert.rules import spelling_suggest as suggest
from convert.resources import data_path

DATA = Path(data_path("words.txt")).parent
FILES = sorted(p.name for p in DATA.glob("*.txt"))


def test_every_list_is_shipped_and_documented():
    assert {"words.txt", "misspellings.txt", "function-words.txt", "nouns.txt", "noun-verbs.txt"} <= set(FILES)
    assert set(words.VOCAB_FILES) <= set(FILES)
    for name in FILES:
        first = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#"), f"{name} has no header saying what it is"


@pytest.mark.parametrize("name", FILES)
def test_sorted_without_duplicates(name):
    entries = words.read_lines(name)
    assert entries == sorted(entries), f"{name} is not sorted"
    assert len(set(entries)) == len(entries), f"{name} has duplicates"
    assert all(e == e.strip() for e in entries), f"{name} has stray spaces"


def test_words_txt_says_how_it_was_built():
    head = (DATA / "words.txt").read_text(encoding="utf-8")[:600]
    assert "tools/build_wordlist.py" in head and "wamerican" in head and "wbritish" in head


def test_no_misspelling_is_also_accepted():
    wrong = set(words.misspellings())
    assert not wrong & words.english()
    assert not wrong & words.field()
    assert not any(words.is_known(w) for w in wrong)


def test_every_correction_is_known():
    for wrong, fixes in words.misspellings().items():
        for fix in fixes:
            assert all(words.is_known(part) for part in fix.split()), f"{wrong} -> {fix}: correction unknown"


def test_misspellings_are_lower_case_and_never_their_own_fix():
    for wrong, fixes in words.misspellings().items():
        assert wrong == wrong.lower()
        assert wrong not in [f.lower() for f in fixes]


def test_preferred_terms_are_not_their_own_fix():
    for wrong, right in words.preferred_terms().items():
        assert wrong != right


def test_nouns_and_noun_verbs():
    assert words.noun_verbs() <= words.nouns()
    assert "meeting" in words.nouns() and "meeting" not in words.noun_verbs()


@pytest.mark.parametrize("word", [
    "programme", "centre", "defence", "organisation", "organisations", "realise", "realize",
    "meetings", "countries", "strongly", "Japan's"[:-2], "KISHIDA", "Stoltenberg", "Zelenskyy", "ASEAN",
    "QUAD", "IP4", "ITPP", "NATO", "Diet", "Kantei", "Komeito", "Liberal", "Democratic", "Itsukushima",
    "Indo", "Pacific", "denuclearization", "counterterrorism", "reconfirmed", "cooperation",
])
def test_known(word):
    assert words.is_known(word)


@pytest.mark.parametrize("word", ["intension", "minster", "refering", "sumarry", "contined", "meenting",
                                  "ministger", "recieve", "goverment", "regionand", "attemtps"])
def test_not_known(word):
    assert not words.is_known(word)


def test_accepted_words_extend_the_lists():
    assert not words.is_known("Zorbling")
    assert words.is_known("Zorbling", frozenset({"zorbling"}))
    assert words.is_known("Zorblings", frozenset({"zorbling"}))  # its plural too


@pytest.mark.parametrize("typo,first", [
    ("sumarry", "summary"), ("Sumarry", "Summary"), ("refering", "referring"), ("intension", "intention"),
    ("attemtps", "attempts"), ("nucleer", "nuclear"), ("islandsasked", "islands asked"),
    ("denuclearizaton", "denuclearization"), ("REFERING", "REFERRING"),
])
def test_suggestions(typo, first):
    assert suggest.suggestions(typo)[0] == first


def test_run_together():
    assert suggest.run_together("regionand") == ("region", "and")
    assert suggest.run_together("gratitudeto") == ("gratitude", "to")
    assert suggest.run_together("abducton") is None  # one letter from "abduction": a typo


def _osa(a: str, b: str) -> int:
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def test_distances_agree_with_the_textbook_table():
    rng = random.Random(7)
    for _ in range(3000):
        a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 7)))
        b = "".join(rng.choice("abc") for _ in range(rng.randint(0, 7)))
        expected = _osa(a, b)
        assert suggest.edit_distance(a, b, 3) == min(expected, 3), (a, b)
        assert suggest.within_one_edit(a, b) == (expected <= 1), (a, b)


def test_english_list_loads_fast():
    best = 1.0
    for _ in range(3):
        words.english.cache_clear()
        start = time.perf_counter()
        words.english()
        best = min(best, time.perf_counter() - start)
    assert best < 0.030, f"loading words.txt took {best * 1000:.1f} ms"


def test_english_list_is_compact():
    assert (DATA / "words.txt").stat().st_size < 600_000
