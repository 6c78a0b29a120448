"""Defects put into every seed and corpus readout one at a time are found on their line, without noise.

The injectors are in tests/injectors.py, the harness in tests/injection.py
(``python tests/injection.py -v`` prints the table and each miss). The
floors below, tried with two seeds (two sets of places), are what the rules
reach today, a little under: a change that loses recall on real text, or
that makes a rule speak where nothing was put in, fails here.
"""

from __future__ import annotations

import pytest

from conftest import DOCUMENTS
from injection import INJECTORS, trials

# name: (least number of documents with a place for it, least recall, most noisy trials)
FLOORS = {
    "body typo": (150, 0.99, 0),
    "title typo": (120, 0.97, 0),
    "known misspelling": (150, 0.99, 0),
    "run-together words": (150, 0.95, 0),
    "name spelled two ways": (110, 0.95, 0),
    "ordinal suffix": (25, 0.99, 0),
    "marker without definition": (90, 0.99, 0),
    "definition never referenced": (60, 0.99, 0),
    "footnote markers swapped": (14, 0.99, 0),
    "footnote markers out of order": (14, 0.99, 0),
    "impossible time": (50, 0.99, 0),
    "impossible morning time": (20, 0.99, 0),
    "Japan date rolled wrong": (6, 0.85, 0),
    "events overlapping": (2, 0.99, 0),  # few leads give two events with their times
    "mixed time notation": (20, 0.99, 0),
    "a 24-hour time among p.m.": (12, 0.90, 0),
    "local and Japan time apart": (18, 0.95, 0),
    "mixed apostrophes": (35, 0.99, 0),
    "space inside brackets": (80, 0.99, 0),
    "missing space after full stop": (140, 0.99, 0),
    "space before comma": (150, 0.99, 0),
    "unbalanced bracket": (70, 0.93, 0),
    "no closing punctuation": (120, 0.95, 0),
    "double space": (150, 0.99, 0),
    "missing space after comma": (150, 0.99, 0),
    "space before full stop": (140, 0.99, 0),
    "space after hyphen": (85, 0.95, 0),
    "unpaired quote": (55, 0.92, 0),
    "mixed quotes": (5, 0.99, 0),
    "term in two forms": (35, 0.92, 0),
    "compound closed up": (5, 0.99, 0),
    "compound spaced": (35, 0.95, 0),
    "honorific slip": (35, 0.99, 0),
    "article slip": (120, 0.97, 0),
    "agreement slip": (30, 0.97, 0),
    "plural after 'this'": (30, 0.94, 0),
    "missing date line": (150, 0.95, 1),  # without a date line, a caption repeating the title is ST009
    "missing translation marker": (55, 0.95, 0),
    "marker not in house form": (35, 0.99, 0),
    "marker misspelt": (50, 0.97, 0),
    "date line impossible": (70, 0.99, 0),
    "date line month misspelt": (100, 0.99, 0),
    "numbering run in": (15, 0.99, 0),
    "numbering gap": (20, 0.99, 0),
    "numbering repeat": (20, 0.99, 0),
    "section numbering gap": (100, 0.97, 0),
    "section numbering repeat": (100, 0.97, 0),
    "item lettering gap": (1, 0.99, 0),  # lettered items are rare in the corpus
    "item lettering repeat": (1, 0.99, 0),
    "title repeated": (120, 0.95, 1),  # one more curly apostrophe in the copy turns the majority
    "lead date off the date line": (80, 0.99, 0),
    "text cut mid-sentence": (60, 0.95, 0),
}


# The floors are set on seed 0; seed 1 puts each defect in other places of the same documents,
# so a rule fitted to the places seed 0 happens to choose fails there.
@pytest.fixture(scope="module", params=[0, 1], ids=["seed0", "seed1"])
def results(request):
    return trials(DOCUMENTS, request.param)


def test_every_injector_has_a_floor():
    assert sorted(FLOORS) == sorted(i.name for i in INJECTORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_injected_defect_is_found_without_noise(results, name):
    places, recall, noisy = FLOORS[name]
    found = results[name]
    missed = [f"{t.path}:{t.line}" for t in found if not t.found]
    noise = [f"{t.path}:{n}" for t in found for n in t.noise]
    assert len(found) >= places, f"only {len(found)} documents had a place for it"
    assert sum(t.found for t in found) >= recall * len(found), f"missed: {missed}"
    assert sum(bool(t.noise) for t in found) <= noisy, f"noise: {noise}"


def test_a_defect_reported_by_another_rule_or_on_another_line_is_a_miss():
    from injection import trial

    double_space = next(i for i in INJECTORS if i.name == "double space")
    assert trial(DOCUMENTS[0], double_space).found
    assert not trial(DOCUMENTS[0], double_space._replace(code="TY001")).found
