"""Terminology rules TR003-TR005 (honorific, article and agreement slips).

Triggers, non-triggers, fixes, the seed defect, and a quiet corpus.
"""

from __future__ import annotations

import pytest

from conftest import CORPUS, SEEDS
from convert.config import Config
from convert.lint import lint
from convert.parse import parse_text

HEAD = "Meeting between Prime Minister Kishida and President Biden\n\nJuly 11, 2024\n\n"


def found(text: str, code: str) -> list:
    doc = parse_text(text, "example.txt")
    return [p for p in lint(doc, text, Config(select=(code,)), "example.txt") if p.code.startswith(code)]


def body(sentence: str, code: str) -> list:
    return found(HEAD + sentence + "\n", code)


def apply(text: str, problems, safe_only: bool = True) -> str:
    edits = sorted((e for p in problems if p.fix and (p.fix.safe or not safe_only) for e in p.fix.edits),
                   reverse=True)
    for e in edits:
        text = text[:e.start] + e.replacement + text[e.end:]
    return text


def spans(text: str, problems) -> list[str]:
    return [text[p.start:p.end] for p in problems]


# --- TR003 honorific slips -----------------------------------------------------------------------

@pytest.mark.parametrize("sentence,span,safe", [
    ("Prime Minister Kishida met H.E. Ms. Mr. Jens Stoltenberg.", "Ms. Mr.", None),
    ("Prime Minister Kishida met H.E. Mr. Mr. Jens Stoltenberg.", "Mr. Mr.", True),
    ("Prime Minister Kishida met H.E. H.E. Mr. Jens Stoltenberg.", "H.E. H.E.", True),
    ("Prime Minister Kishida met Mr. H.E. Jens Stoltenberg.", "Mr. H.E.", None),
    ("Prime Minister Kishida met Mrs.\u00a0Ms. Smith.", "Mrs.\u00a0Ms.", None),
])
def test_honorific_slip(sentence, span, safe):
    text = HEAD + sentence + "\n"
    problems = found(text, "TR003")
    assert spans(text, problems) == [span]
    if safe is None:
        assert problems[0].fix is None
    else:
        assert problems[0].fix.safe
        assert not found(apply(text, problems), "TR003")
        assert "H.E. Mr. Jens" in apply(text, problems)


@pytest.mark.parametrize("sentence", [
    "Prime Minister Kishida met H.E. Mr. Jens Stoltenberg and H.E. Dr. Tedros and Prof. Dr. Schmidt.",
    "Mr. KISHIDA Fumio and Ms. KAMIKAWA Yoko met Mrs. Smith; Mr. and Mrs. Smith attended.",
    "The U.S.H.E. programme and SUMMr. data are not honorifics.",
])
def test_honorific_slip_not(sentence):
    assert not body(sentence, "TR003")


# --- TR004 article slips -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,span,replacement,safe", [
    ("They held an great meeting.", "an great", "a", True),
    ("It was a important meeting.", "a important", "an", True),
    ("It was an year of progress.", "an year", "a", True),
    ("He made an useful remark.", "an useful", "a", False),
    ("It was a unusual step.", "a unusual", "an", False),
    ("He met a Indian delegation.", "a Indian", "an", False),
    ("A important point was raised.", "A important", "An", True),
    ("It was a honest exchange.", "a honest", "an", False),
])
def test_article_slip(sentence, span, replacement, safe):
    text = HEAD + sentence + "\n"
    problems = found(text, "TR004")
    assert spans(text, problems) == [span]
    assert problems[0].fix.edits[0].replacement == replacement
    assert problems[0].fix.safe is safe
    assert not found(apply(text, problems, safe_only=False), "TR004")


@pytest.mark.parametrize("sentence", [
    "It was a European initiative, a one-time event and a unilateral move.",
    "He arrived an hour late with an MP, a U.S. delegation and a NATO official.",
    "It was a union of a unique kind, an unusual one and a useful talk at a university.",
    "It was an historic visit and a historic visit; an honour and an heir.",
    "Under Plan A it was agreed; Annex A applies; item (a) and 10 a.m. and an 8% rise.",
    "A Ukrainian and a Uyghur delegate met an F-35 pilot and an X-ray expert.",
    "Ms. Nguyen Thi An and Mr. Le Van An attended.",
    "It was an Amb. meeting, a Gov. decision and an uninformed guess.",
])
def test_article_slip_not(sentence):
    assert not body(sentence, "TR004")


# --- TR005 agreement slips -----------------------------------------------------------------------

@pytest.mark.parametrize("sentence,span,replacement", [
    ("The overview of these meeting is as follows.", "these meeting", "meetings"),
    ("They discussed this meetings at length.", "this meetings", "meeting"),
    ("Both leaders welcomed these initiative.", "these initiative", "initiatives"),
    ("Each countries will act.", "Each countries", "country"),
    ("This changes are welcome.", "This changes", "change"),
    ("Those country will meet.", "Those country", "countries"),
    ("They spoke on this issues at length.", "this issues", "issue"),
    ("The problem since these problem since then grew.", "these problem", "problems"),
    ("Nairobi hosted it in 2016, as these year marked the 60th anniversary.", "these year", "years"),
    ("What is the significance of concluding these agreement?", "these agreement", "agreements"),
    ("He hoped to make these meeting an opportunity.", "these meeting", "meetings"),  # an article: a new phrase
    ("As these year marks the 80th anniversary, they met.", "these year", "years"),  # a singular verb
    ("The conclusion of these agreement means much.", "these agreement", "agreements"),
])
def test_agreement_slip(sentence, span, replacement):
    text = HEAD + sentence + "\n"
    problems = found(text, "TR005")
    assert spans(text, problems) == [span]
    assert problems[0].fix.edits[0].replacement == replacement and not problems[0].fix.safe
    assert not found(apply(text, problems, safe_only=False), "TR005")


def test_agreement_slip_before_a_possessive_has_no_fix():
    # "these years’s" would be no better: the editor chooses "this year’s" or "these years’".
    text = HEAD + "They acted in consideration of these year’s significance.\n"
    [problem] = found(text, "TR005")
    assert text[problem.start:problem.end] == "these year" and problem.fix is None


@pytest.mark.parametrize("sentence", [
    "These meeting rooms were used and these summit outcomes matter.",
    "These meeting points remain and these visit programs continue.",
    "This calls for action and this changes nothing; each seeks peace.",
    "They agreed that countries should act. Those present agreed.",
    "This process is good, this year's summit and this series of talks.",
    "These meetings and this meeting; each country and every year.",
])
def test_agreement_slip_not(sentence):
    assert not body(sentence, "TR005")


# --- seeds and corpus ------------------------------------------------------------------------------

def _lint_file(path, code):
    text = path.read_text(encoding="utf-8")
    return text, lint(parse_text(text, str(path)), text, Config(select=(code,)), str(path))


def test_seed_these_meeting_on_its_line():
    seed0 = next(p for p in SEEDS if p.name.startswith("000"))
    text, problems = _lint_file(seed0, "TR005")
    assert [(p.code, p.line, text[p.start:p.end]) for p in problems] == [("TR005", 5, "these meeting")]


@pytest.mark.parametrize("code", ["TR003", "TR004", "TR005"])
def test_corpus_is_quiet(code):
    # Read one by one: the corpus has no honorific, article or agreement slip these rules can see.
    noisy = {p.name: [x.message for x in _lint_file(p, code)[1]] for p in CORPUS if _lint_file(p, code)[1]}
    assert noisy == {}
