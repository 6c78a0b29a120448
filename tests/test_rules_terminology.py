"""Terminology rules TR001 (one term, two forms) and TR002 (preferred terms)."""

from __future__ import annotations

import pytest

from convert.config import Config
from convert.fix import fix_bytes
from convert.lint import lint
from convert.parse import parse_text

HEAD = ("Japan-NATO Meeting (Summary)\n\nJuly 11, 2024\n[Provisional translation]\n"
        "On July 11, Prime Minister Kishida held a meeting with Secretary General Stoltenberg.\n1. Meeting\n")
FOOT = "\nRelated Link\n"


def doc(body: str) -> str:
    return HEAD + body + FOOT


def found(text: str, code: str, **settings) -> list:
    config = Config(select=(code,), **settings)
    return [p for p in lint(parse_text(text, "t.txt"), text, config, "t.txt") if p.code == code]


@pytest.mark.parametrize("body,flagged", [
    ("(1) The Asia-Pacific region and the Asia-Pacific and the Asia Pacific.\n", ["Asia Pacific"]),
    ("(1) The Indo-Pacific and the Indo-Pacific and the Indo-PACIFIC.\n", ["Indo-PACIFIC"]),
    ("(1) Co-operation and more co-operation; Cooperation.\n", ["Cooperation"]),
    ("(1) The Euro-Atlantic area and the Euro-Atlantic and Europa-Atlantic.\n", ["Europa-Atlantic"]),
    ("(1) The Japan-U.S. Alliance, the Japan-U.S. summit and Japan-US relations.\n", ["Japan-US"]),
    ("(1) The Japan-China summit and the Japan-China.\n", []),  # a sentence's full stop is no dot of a term
    # Not variants: other words, a derived word, names in capitals, different compounds.
    ("(1) The Japan-Korea and Japan-Korean relations, the Japan-China summit.\n", []),
    ("(1) Mr. OYUN-ERDENE Luvsannamsrai, Prime Minister Oyun-erdene.\n", []),
    ("(1) The Japan-U.S. Alliance and the Japan-U.S.-ROK summit.\n", []),
    # A lower-case compound with its hyphen and without: the form written more often, or first, wins.
    ("(1) The co-operation, more co-operation and cooperation.\n", ["cooperation"]),
    ("(1) The non-proliferation regime and nonproliferation.\n", ["nonproliferation"]),
    ("(1) The decisionmaking, the decisionmaking and the decision-making.\n", ["decision-making"]),
    # Not variants: "re-" makes other words, a space is grammar (a follow-up, to follow up).
    ("(1) They will re-sign the deal; he did not resign.\n", []),
    ("(1) A follow-up meeting, to follow up.\n", []),
])
def test_term_variants(body, flagged):
    problems = found(doc(body), "TR001")
    assert [doc(body)[p.start:p.end] for p in problems] == flagged
    assert all(p.fix is None or not p.fix.safe for p in problems)


@pytest.mark.parametrize("body,flagged", [
    # A Title-Case name followed by its acronym keeps its own spelling: its forms neither vote nor are reported.
    ("(1) The head of the Organisation for Economic Co-operation and Development (OECD) "
     "and the Agreement concerning Cooperation on Nuclear Safety.\n", []),
    ("(1) Leaders of the Asia Pacific Economic Cooperation (APEC) discussed the Asia-Pacific region.\n", []),
    ("(1) The Comprehensive and Progressive Agreement for Trans-Pacific Partnership (CPTPP) and "
     "the Trans Pacific region.\n", []),
    # The forms outside the name still count among themselves.
    ("(1) The Asia Pacific Economic Cooperation (APEC) summit, the Asia-Pacific region and the Asia Pacific.\n",
     ["Asia Pacific"]),
    # Not a name: the words do not give the acronym, the name is not in Title Case, or not before the bracket.
    ("(1) Co-operation in the Economic Cooperation (OECD) and co-operation.\n", ["Cooperation"]),
    ("(1) The Asia-Pacific and the Asia Pacific economic cooperation (APEC).\n", ["Asia Pacific"]),
    ("(1) The Asia-Pacific and the Asia Pacific (AP) region.\n", []),  # "Asia Pacific (AP)" is named so
])
def test_forms_inside_an_official_name_are_left_alone(body, flagged):
    problems = found(doc(body), "TR001")
    assert [doc(body)[p.start:p.end] for p in problems] == flagged


def test_a_vocabulary_name_keeps_its_spelling_without_its_acronym():
    body = "(1) The Organisation for Economic Co-operation and Development will support Cooperation.\n"
    assert found(doc(body), "TR001") == []
    assert [p.message for p in found(doc("(1) Co-operation and Cooperation.\n"), "TR001")] == [
        "'Cooperation' beside 'Co-operation' in the same document"]


def test_a_variant_that_is_a_preferred_term_is_left_to_tr002():
    body = "(1) The Euro-Atlantic and the Euro-Atlantic and the Europe-Atlantic.\n"
    assert found(doc(body), "TR001") == []
    [problem] = found(doc(body), "TR002")
    assert "Euro-Atlantic" in problem.message


def test_preferred_terms_from_configuration_and_their_safe_fix():
    body = "(1) Both sides discussed the Indo Pacific and the Senkaku islands.\n"
    terms = {"Indo Pacific": "Indo-Pacific", "Senkaku islands": "Senkaku Islands"}
    problems = found(doc(body), "TR002", preferred_terms=terms)
    assert [p.message.split(":")[0] for p in problems] == ["'Indo Pacific'", "'Senkaku islands'"]
    after = fix_bytes(doc(body).encode(), "t.txt", Config(select=("TR002",), preferred_terms=terms)).fixed.decode()
    assert after == doc("(1) Both sides discussed the Indo-Pacific and the Senkaku Islands.\n")
    assert found(after, "TR002", preferred_terms=terms) == []


@pytest.mark.parametrize("wrong,right", [
    ("Asia Pacific Economic Cooperation (APEC)", "Asia-Pacific Economic Cooperation (APEC)"),
    ("the Laos People's Democratic Republic", "the Lao People's Democratic Republic"),
    ("the Laos People’s Democratic Republic", "the Lao People’s Democratic Republic"),
    ("the rule of laws", "the rule of law"),
    ("ASEAN (Association of South East Asian Nations)", "ASEAN (Association of Southeast Asian Nations)"),
])
def test_default_preferred_terms_and_their_fix(wrong, right):
    text = doc(f"(1) Both sides discussed {wrong} at length.\n")
    [problem] = found(text, "TR002")
    assert problem.fix.safe
    fixed = fix_bytes(text.encode("utf-8"), "t.txt", Config(select=("TR002",))).fixed.decode("utf-8")
    assert fixed == doc(f"(1) Both sides discussed {right} at length.\n")


def test_default_preferred_terms_leave_the_right_forms_alone():
    body = ("(1) The Asia-Pacific Economic Cooperation, the Lao People's Democratic Republic, "
            "Southeast Asian Nations, South East Asia and the rule of law and the laws.\n")
    assert found(doc(body), "TR002") == []


def test_preferred_terms_match_whole_words_only():
    body = "(1) The Indo-pacifically minded.\n"
    assert found(doc(body), "TR002") == []


def test_seed_002_euro_atlantic():
    from conftest import ROOT

    text = (ROOT / "seeds" / "002_a1657387018532e3.txt").read_text(encoding="utf-8")
    problems = found(text, "TR002")
    assert [p.line for p in problems] == [34] and problems[0].category == "terminology"
