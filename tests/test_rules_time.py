"""Time rules (TM): notations, impossible times, local and Japan time, overlapping events."""

from __future__ import annotations

import pytest

from convert.config import Config
from convert.lint import lint
from convert.parse import parse_text

HEAD = "Japan-Canada Summit Meeting (Summary)\n\nJune 14, 2024\n[Provisional translation]\n"
FOOT = "\nRelated Link\n"


def doc(lead: str, body: str = "1. Bilateral Relations\n(1) Both sides agreed.\n") -> str:
    return HEAD + lead + "\n" + body + FOOT


def found(text: str, code: str, **settings) -> list:
    config = Config(select=(code,), **settings)
    return [p for p in lint(parse_text(text, "t.txt"), text, config, "t.txt") if p.code == code]


LEAD = "On June 14, commencing at {t} for approximately 15 minutes, Prime Minister Kishida held a meeting."


@pytest.mark.parametrize("lead,body,count", [
    (LEAD.format(t="4:05 p.m."), "(1) A dinner was held from 6:05 pm.\n", 1),
    (LEAD.format(t="4:05 p.m."), "(1) A dinner was held from 18:05.\n", 1),
    (LEAD.format(t="4:05 PM"), "(1) A dinner was held from 6:05 PM and a lunch at 1:00 PM.\n", 0),
    (LEAD.format(t="4:05 p.m."), "(1) A dinner was held from 6:05 p.m. with 2:1 votes and 3.5 percent.\n", 0),
])
def test_mixed_notation(lead, body, count):
    assert len(found(doc(lead, body), "TM001")) == count


@pytest.mark.parametrize("time,count", [("16:46 a.m.", 1), ("19:05 p.m.", 1), ("16:00 pm", 1),
                                        ("7:05 p.m.", 0), ("0:20 p.m.", 0), ("12:30 a.m.", 0), ("19:05", 0)])
def test_impossible_time(time, count):
    assert len(found(doc(LEAD.format(t=time)), "TM002")) == count


@pytest.mark.parametrize("phrase,count", [
    ("7:35 p.m. local time, (02:35 a.m. on June 14th, Japan time)", 1),  # the corpus's roll-over slip
    ("7:35 p.m. local time, (02:35 a.m. on June 15th, Japan time)", 0),
    ("7:35 p.m. (local time; June 15, 2:35 a.m. Japan time)", 0),
    ("12:25 p.m. (local time; June 14, 7:25 p.m. Japan time)", 0),
    ("12:25 p.m. (local time; June 14, 7:40 p.m. Japan time)", 1),  # 7h15: no zone is UTC+01:45
    ("12:25 p.m. (local time; 7:40 p.m. Japan time)", 1),
    ("9:00 p.m. local time (10:00 p.m. Japan time)", 0),
    ("11:20 a.m. (local time; same day, 6:20 p.m. JST)", 0),
    ("11:20 a.m. (local time; same day, 2:20 a.m. JST)", 1),
])
def test_local_and_japan_time(phrase, count):
    lead = f"On June 14, commencing at {phrase} for approximately 15 minutes, Prime Minister Kishida held a meeting."
    assert len(found(doc(lead), "TM003")) == count


def test_month_boundary_roll_over():
    lead = ("On June 30, commencing at 7:35 p.m. (local time; July 1, 2:35 a.m. Japan time) for approximately "
            "15 minutes, Prime Minister Kishida held a meeting.")
    assert found(doc(lead), "TM003") == []


@pytest.mark.parametrize("phrase,count", [
    ("8:35 a.m. local time (July 11, 9:35 p.m. JST)", 1),
    ("8:35 a.m. (local time; July 11, 9:35 p.m. Japan time)", 0),
    ("8:35 a.m.", 0),  # no Japan time beside it: nothing to compare
])
def test_house_time_phrase(phrase, count):
    lead = f"On July 11, commencing at {phrase} for approximately 25 minutes, Prime Minister Kishida held a meeting."
    problems = found(doc(lead), "TM004")
    assert len(problems) == count
    assert all(p.severity == "info" for p in problems)


def test_house_time_phrase_is_configurable():
    lead = ("On July 11, commencing at 8:35 a.m. local time (July 11, 9:35 p.m. JST) for approximately 25 minutes, "
            "Prime Minister Kishida held a meeting.")
    assert found(doc(lead), "TM004", time_style="10:00 a.m. local time (June 1, 5:00 p.m. JST)") == []


def test_overlapping_events():
    lead = ("On January 31, commencing at 6:20 p.m. for approximately 70 minutes, Prime Minister Kishida held a "
            "meeting with Secretary General Stoltenberg. Following the meeting, a working dinner was held for "
            "about 55 minutes starting at 7:10 p.m.")
    assert len(found(doc(lead), "TM005")) == 1
    assert found(doc(lead.replace("70 minutes", "25 minutes")), "TM005") == []


def test_seed_002_time_phrase_is_reported_in_the_time_category():
    from conftest import ROOT

    text = (ROOT / "seeds" / "002_a1657387018532e3.txt").read_text(encoding="utf-8")
    [problem] = found(text, "TM004")
    assert problem.line == 8 and problem.category == "time"
