"""Footnote rules (FN): markers, definitions, the terms they explain, their order."""

from __future__ import annotations

from convert.config import Config
from convert.fix import fix_bytes
from convert.lint import lint
from convert.parse import parse_text

HEAD = "Japan-NATO Meeting (Summary)\n\nJuly 11, 2024\n[Provisional translation]\n"
LEAD = "On July 11, Prime Minister Kishida held a meeting with Secretary General Stoltenberg.\n1. Meeting\n"
FOOT = "\nRelated Link\n"
IP4 = "(*{n}) IP4: Indo-Pacific Partners (Japan, Australia, New Zealand, the Republic of Korea)\n"
ITPP = "(*{n}) ITPP: Individually Tailored Partnership Programme\n"


def doc(body: str) -> str:
    return HEAD + LEAD + body + FOOT


def found(text: str, code: str) -> list:
    return [p for p in lint(parse_text(text, "t.txt"), text, Config(select=(code,)), "t.txt") if p.code == code]


def fixed(text: str, code: str) -> str:
    return fix_bytes(text.encode("utf-8"), "t.txt", Config(select=(code,))).fixed.decode("utf-8")


BODY_OK = ("(1) Cooperation between the Indo-Pacific partners (IP4)(*1) and NATO is important.\n"
           "(2) Japan will cooperate based on the ITPP(*2).\n")


def test_clean_footnotes_raise_nothing():
    text = doc(BODY_OK + IP4.format(n=1) + ITPP.format(n=2))
    assert [p for p in lint(parse_text(text, "t.txt"), text, Config(select=("FN",)), "t.txt")] == []


def test_marker_without_definition():
    text = doc(BODY_OK + IP4.format(n=1))
    [problem] = found(text, "FN001")
    assert problem.line == 8 and "(*2)" in problem.message


def test_missing_definitions_of_a_cut_page_are_not_reported():
    text = HEAD + LEAD + "(1) Cooperation with the partners (IP4)(*1) is important and the"
    assert found(text, "FN001") == []


def test_definition_never_referenced():
    text = doc("(1) Cooperation between the Indo-Pacific partners (IP4) and NATO is important.\n" + IP4.format(n=1))
    [problem] = found(text, "FN002")
    assert problem.line == 8 and problem.column == 1


def test_swapped_markers_are_found_and_fixed_by_swapping_definitions():
    text = doc(BODY_OK + ITPP.format(n=1) + IP4.format(n=2))
    problems = found(text, "FN003")
    assert [p.line for p in problems] == [7, 8]
    assert problems[0].fix is not None and problems[0].fix.safe
    after = fixed(text, "FN003")
    assert after == doc(BODY_OK + IP4.format(n=1) + ITPP.format(n=2))
    assert found(after, "FN003") == []


def test_a_wrong_term_that_is_no_permutation_is_reported_without_a_fix():
    body = "(1) Cooperation with the partners (IP4)(*1) is important.\n"
    text = doc(body + ITPP.format(n=1))
    [problem] = found(text, "FN003")
    assert problem.fix is None


def test_term_a_few_words_before_the_marker_matches():
    body = "(1) Japan will cooperate based on the ITPP framework(*1).\n"
    assert found(doc(body + ITPP.format(n=1)), "FN003") == []


def test_markers_out_of_order():
    body = "(1) Japan will cooperate based on the ITPP(*2) with the partners (IP4)(*1).\n"
    text = doc(body + IP4.format(n=1) + ITPP.format(n=2))
    [problem] = found(text, "FN004")
    assert "(*1)" in problem.message


def test_definitions_out_of_order():
    text = doc(BODY_OK + ITPP.format(n=2) + IP4.format(n=1))
    problems = found(text, "FN004")
    assert len(problems) == 1 and "defined after" in problems[0].message


def test_seed_002_swapped_markers():
    from conftest import ROOT

    text = (ROOT / "seeds" / "002_a1657387018532e3.txt").read_text(encoding="utf-8")
    problems = found(text, "FN003")
    assert [p.line for p in problems] == [12, 16]
    assert all(p.category == "footnote" for p in problems)
