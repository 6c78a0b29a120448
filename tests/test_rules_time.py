"""The time rules TM001-TM005: each fires on its defect and stays quiet on clean text, seeds and corpus."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest

from convert.lint import lint
from convert.parse import parse_bytes, parse_text
from convert.rules import load_rules

from conftest import CORPUS, SEEDS, relpath

CODES = ("TM001", "TM002", "TM003", "TM004", "TM005")
HEAD = "Meeting (Summary)\n\nJuly 11, 2024\n[Provisional translation]\n"


@dataclass(frozen=True)
class Settings:
    """The few configuration fields the engine and the TM rules read."""

    select: tuple[str, ...] = ("TM",)
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    time_style: str | None = None

    def ignores_for(self, path) -> tuple[str, ...]:
        return ()


def check(text: str, *codes: str, time_style: str | None = None):
    return lint(parse_text(text), text, Settings(codes or ("TM",), time_style=time_style))


def messages(text: str, *codes: str, **settings) -> list[tuple[str, str]]:
    return [(p.code, p.message) for p in check(text, *codes, **settings)]


def lead(body: str) -> str:
    return f"{HEAD}{body}\n1. Introduction\n(1) Both sides met.\n"


# --- Registry --------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", CODES)
def test_each_rule_is_registered_once_with_documentation(code) -> None:
    rule = load_rules()[code]
    assert type(rule).__module__.startswith("convert.rules.time_")
    assert rule.category == "time" and rule.summary and rule.doc and rule.fixed is None


@pytest.mark.parametrize("code", CODES)
def test_bad_example_fires_and_good_example_passes(code) -> None:
    rule = load_rules()[code]
    assert [p.code for p in check(rule.bad, code)] == [code]
    assert check(rule.good, code) == []


# --- TM001 mixed notation ------------------------------------------------------------------------

def test_mixed_notation_names_both_forms_and_where_the_other_is() -> None:
    text = lead("On July 11, from 4:05 p.m. for 30 minutes, the ministers met.\n(2) A dinner followed at 7:30 pm.")
    [problem] = check(text, "TM001")
    assert problem.line == 6 and text.splitlines()[5][problem.column - 1:].startswith("7:30 pm")
    assert "am/pm" in problem.message and "a.m./p.m." in problem.message and "line 5" in problem.message
    assert problem.severity == "warning" and problem.fix is None


@pytest.mark.parametrize("times", [
    ("8:35 A.M.", "9:00 a.m."), ("20:20", "9:00 p.m."), ("10:00AM", "11:00 am"), ("4:05 p.m.", "18:05"),
])
def test_any_two_notations_are_mixed(times) -> None:
    assert len(check(lead(f"On July 11, from {times[0]} to {times[1]}, the ministers met."), "TM001")) == 1


@pytest.mark.parametrize("body", [
    "On July 11, from 10:30 A.M. to 11:15 A.M. and from 11:40 A.M. to 12:25 P.M., they met.",
    "On July 11, at 6.15p.m. (local time, on October 10, 9.45p.m.), they met at 6 p.m.",
    "On July 11, from 20:20 for about 20 minutes, they spoke by telephone.",
    "On July 11, at 4:05 PM they met; a dinner from 6:05 PM and a lunch at 1:00 PM, with 2:1 votes.",
    "Resolution 2231 (2015), 3.5 percent, a 50:50 split, John 3:16 and section 1.2 are not times at 9:00 a.m.",
])
def test_one_notation_is_not_mixed(body) -> None:
    assert check(lead(body), "TM001") == []


def test_the_most_frequent_notation_is_the_documents() -> None:
    text = lead("On July 11, from 9:00 am to 10:00 am and at 11:00 am, they met; a dinner at 7:00 p.m. followed.")
    assert ["7:00 p.m." in m for _, m in messages(text, "TM001")] == [True]


# --- TM002 impossible times --------------------------------------------------------------------------

@pytest.mark.parametrize("printed, why", [
    ("16:46 a.m.", "hour 16"), ("19:05 p.m.", "hour 19"), ("16:00 pm", "hour 16"), ("7:65 p.m.", "minute 65"),
])
def test_impossible_times_are_errors(printed, why) -> None:
    [problem] = check(lead(f"On July 11, commencing at {printed}, the leaders met."), "TM002")
    assert problem.severity == "error" and printed in problem.message and why in problem.message


@pytest.mark.parametrize("printed", ["0:20 p.m.", "12:00 a.m.", "12:30 a.m.", "12:30 p.m.", "19:05", "23:59", "0:00"])
def test_possible_times_are_not_reported(printed) -> None:
    assert check(lead(f"On July 11, commencing at {printed}, the leaders met."), "TM002") == []


# --- TM003 offsets and roll-over ---------------------------------------------------------------------

def test_a_japan_date_that_does_not_follow_is_reported() -> None:
    text = lead("On June 14, commencing at 7:35 p.m. local time, (02:35 a.m. on June 14th, Japan time) for "
                "approximately 15 minutes, the Prime Minister met the President.")
    [problem] = check(text, "TM003")
    assert problem.line == 5 and "June 14th" in problem.message and "June 15" in problem.message


@pytest.mark.parametrize("phrase", [
    "10:00 a.m. local time (5:10 p.m. Japan time)",  # 7 h 10 min: no zone
    "9:00 a.m. (local time; July 12, 11:00 p.m. JST)",  # -05:00 would give July 11
])
def test_times_no_real_offset_joins_are_reported(phrase) -> None:
    assert [code for code, _ in messages(lead(f"On July 11, commencing at {phrase}, they met."), "TM003")] == ["TM003"]


@pytest.mark.parametrize("phrase", [
    "8:35 a.m. local time (July 11, 9:35 p.m. JST)",  # -04:00
    "12:30 p.m. (local time; 1:30 a.m., July 12, JST)",  # -04:00 across midnight
    "3:10 p.m. (local time; 6:40 p.m. on July 11 JST)",  # +05:30
    "3:00 p.m. (local time; 6:15 p.m. Japan time)",  # +05:45
    "11:20 a.m. (local time; same day, 6:20 p.m. JST)",  # +02:00
    "6.15p.m. (local time, on July 11, 9.45p.m.)",  # +05:30, no label
    "16:00 p.m. (local time; 23:00 p.m. JST)",  # impossible: TM002's
])
def test_times_a_real_offset_joins_are_not_reported(phrase) -> None:
    assert check(lead(f"On July 11, commencing at {phrase}, they met."), "TM003") == []


@pytest.mark.parametrize("phrase, count", [
    ("7:35 p.m. local time, (02:35 a.m. on June 14th, Japan time)", 1),  # the corpus's roll-over slip
    ("7:35 p.m. local time, (02:35 a.m. on June 15th, Japan time)", 0),
    ("7:35 p.m. (local time; June 15, 2:35 a.m. Japan time)", 0),
    ("12:25 p.m. (local time; June 14, 7:25 p.m. Japan time)", 0),
    ("12:25 p.m. (local time; June 14, 7:40 p.m. Japan time)", 1),  # 7 h 15 min: no zone is UTC+01:45
    ("12:25 p.m. (local time; 7:40 p.m. Japan time)", 1),
    ("9:00 p.m. local time (10:00 p.m. Japan time)", 0),
    ("11:20 a.m. (local time; same day, 6:20 p.m. JST)", 0),
    ("11:20 a.m. (local time; same day, 2:20 a.m. JST)", 1),  # -06:00 would be the next day
    ("6:10 p.m. local time (On June 16, at 3:10 a.m. JST)", 1),  # two days on: no offset spans that
    ("6:10 p.m. local time (On June 13, at 3:10 a.m. JST)", 1),  # the day before, in the morning
    ("6:10 p.m. local time (On June 21, at 3:10 a.m. JST)", 0),  # a week apart: a date of something else
])
def test_local_and_japan_time_on_june_14(phrase, count) -> None:
    # Cases from the first draft of the TM rules (convert/rules/time.py), kept as data.
    text = lead(f"On June 14, commencing at {phrase} for approximately 15 minutes, the Prime Minister met.")
    assert len(check(text, "TM003")) == count


def test_the_roll_over_crosses_a_month_and_a_year() -> None:
    june = lead("On June 30, at 7:35 p.m. local time (2:35 a.m. on July 1, Japan time), they met.")
    assert check(june, "TM003") == []
    text = "Talks\n\nJanuary 2, 2024\n[Provisional translation]\nOn December 31, at 6:10 p.m. local time " \
           "(On January 1, at 3:10 a.m. JST), they met.\n"
    assert check(text, "TM003") == []


def test_a_second_zone_must_be_whole_quarter_hours_away() -> None:
    text = lead("On Friday, 13 April, from 1:30 p.m. (Thursday, April 12, 9:20 p.m., U.S. Western Standard Time), "
                "the ministers spoke.")
    assert ["quarter hours" in m for _, m in messages(text, "TM003")] == [True]
    fine = text.replace("9:20 p.m.", "9:30 p.m.")
    assert check(fine, "TM003") == []


# --- TM004 house style -------------------------------------------------------------------------------

def test_a_phrase_in_another_style_is_reported_with_what_differs() -> None:
    text = lead("On July 11, commencing at 8:35 a.m. local time (July 11, 9:35 p.m. JST), they met.")
    [problem] = check(text, "TM004")
    assert problem.severity == "info" and problem.line == 5
    assert "put 'local time' inside the brackets" in problem.message and "not 'JST'" in problem.message


def test_the_house_style_is_not_reported() -> None:
    text = lead("On June 14, commencing at 12:25 p.m. (local time; June 14, 7:25 p.m. Japan time), they met.")
    assert check(text, "TM004") == []


def test_times_without_both_zones_are_not_compared() -> None:
    text = lead("On July 11, at 4:30 p.m.(local time), they met; at 6:30 p.m. (JST) they spoke; at 1 p.m. they ate.")
    assert check(text, "TM004") == []


@pytest.mark.parametrize("style", ["8:35 a.m. local time (July 11, 9:35 p.m. JST)", "T local time (D, T JST)"])
def test_the_house_style_is_configurable(style) -> None:
    theirs = lead("On July 11, commencing at 8:35 a.m. local time (July 11, 9:35 p.m. JST), they met.")
    ours = lead("On June 14, commencing at 12:25 p.m. (local time; June 14, 7:25 p.m. Japan time), they met.")
    assert check(theirs, "TM004", time_style=style) == []
    assert len(check(ours, "TM004", time_style=style)) == 1


@pytest.mark.parametrize("phrase, other", [
    ("12:05 p.m. (local time; 19:05 p.m. on June 14 JST)", "TM002"),  # impossible time
    ("8:00 am local time (16:00 pm Japan time)", "TM002"),
    ("7:35 p.m. local time, (02:35 a.m. on June 14th, Japan time)", "TM003"),  # the Japan date does not follow
])
def test_a_phrase_another_time_rule_reports_gets_no_style_note(phrase, other) -> None:
    text = lead(f"On June 14, commencing at {phrase}, they met.")
    assert [p.code for p in check(text, "TM002", "TM003", "TM004")] == [other]
    # With that rule off, the style note comes back: turning one rule off never silences both.
    [problem] = check(text, "TM004")
    assert problem.code == "TM004"


# --- TM005 overlapping events ------------------------------------------------------------------------

def test_a_dinner_starting_before_the_meeting_ends_is_reported() -> None:
    text = lead("On January 31, commencing at 6:20 p.m. for approximately 70 minutes, the Prime Minister held a "
                "meeting with the Secretary General. Following the meeting, a working dinner was held for about "
                "55 minutes starting at 7:10 p.m.")
    [problem] = check(text, "TM005")
    assert "working dinner at 7:10 p.m." in problem.message and "7:30 p.m." in problem.message


@pytest.mark.parametrize("length, overlaps", [
    ("approximately 50 minutes", False),  # ends about 7:10: five minutes of slack
    ("50 minutes", True),  # ends 7:10 sharp, the dinner at 7:05
    ("approximately 45 minutes", False),
])
def test_slack_for_approximate_durations(length, overlaps) -> None:
    text = lead(f"On January 31, commencing at 6:20 p.m. for {length}, the Prime Minister held a meeting. "
                "Following the meeting, a working dinner was held for about 55 minutes starting at 7:05 p.m.")
    assert bool(check(text, "TM005")) is overlaps


@pytest.mark.parametrize("text, overlaps", [
    # Japan times beside the local ones are no events of their own; the overlap is still seen.
    ("On January 31, commencing at 6:20 p.m. (local time; 2:20 a.m. on February 1, Japan time) for approximately "
     "70 minutes, the Prime Minister held a meeting. Following the meeting, a working dinner was held for about "
     "55 minutes starting at 7:10 p.m. (local time; 3:10 a.m. on February 1, Japan time).", True),
    # Lengths as ranges, with no "minutes" anywhere.
    ("On January 31, from 6:20 p.m. to 7:30 p.m., the Prime Minister held a meeting. Following the meeting, a "
     "working dinner was held from 7:10 p.m. to 8:00 p.m.", True),
    # Two clock times but a single event with its Japan time: nothing to compare.
    ("On January 31, commencing at 6:20 p.m. (local time; 2:20 a.m. on February 1, Japan time) for approximately "
     "70 minutes, the Prime Minister held a meeting.", False),
])
def test_overlaps_behind_zone_phrases_and_ranges(text, overlaps) -> None:
    assert bool(check(lead(text), "TM005")) is overlaps


# --- Seeds and corpus ----------------------------------------------------------------------------------

def lint_file(path, *codes):
    raw = path.read_bytes()
    doc = parse_bytes(raw, relpath(path))
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    return lint(doc, text, Settings(codes or ("TM",)), relpath(path))


def test_seed_002_time_phrase_is_reported_on_its_lead_line() -> None:
    path = next(p for p in SEEDS if p.name.startswith("002"))
    [problem] = lint_file(path)
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert problem.code == "TM004" and "8:35 a.m. local time (July 11, 9:35 p.m. JST)" in line
    assert line[problem.column - 1:].startswith("8:35 a.m.")


def test_seed_000_times_are_clean() -> None:
    # Its lead times are consistent: a meeting 6:20-6:45 p.m., then the dinner at 7:10 p.m.
    assert lint_file(next(p for p in SEEDS if p.name.startswith("000"))) == []


# Every warning or error the TM rules raise on the corpus, each read and judged a real defect.
CORPUS_DEFECTS = {
    ("japan.kantei.go.jp_101_kishida_diplomatic_202205__00015.txt", "TM002", "16:46 a.m."),
    ("japan.kantei.go.jp_101_kishida_diplomatic_202303__00010.txt", "TM002", "16:00 pm"),
    ("japan.kantei.go.jp_101_kishida_diplomatic_202406_14canada.txt", "TM003", "June 14th"),
    ("japan.kantei.go.jp_101_kishida_diplomatic_202406_14uk.txt", "TM002", "19:05 p.m."),
    ("japan.kantei.go.jp_101_kishida_diplomatic_202408_13mongolia.txt", "TM002", "18:10 p.m."),
    ("mofa.go.jp_a_o_rp_page1e_000732.txt", "TM001", "6:05 pm"),
    ("mofa.go.jp_announce_announce_2012_4_0413_01.txt", "TM003", "9:20 p.m."),
    ("mofa.go.jp_erp_c_see_pl_page7e_000025.txt", "TM002", "16:00 p.m."),
    ("mofa.go.jp_erp_c_see_pl_page7e_000025.txt", "TM002", "23:00 p.m."),
}
# TM004 (info) notes every local/Japan phrase not in the house style: no corpus page uses it.
# Phrases TM002 or TM003 report (four) get no note.
CORPUS_STYLE_NOTES = 21


def test_corpus_findings_are_the_reviewed_defects_and_style_notes() -> None:
    found, notes = set(), 0
    for path in CORPUS:
        for p in lint_file(path):
            if p.code == "TM004":
                notes += 1
                continue
            found.add((path.name, p.code, next(d[2] for d in CORPUS_DEFECTS if d[2] in p.message)
                       if any(d[2] in p.message for d in CORPUS_DEFECTS) else p.message))
    assert found == CORPUS_DEFECTS
    assert notes <= CORPUS_STYLE_NOTES


def test_the_time_rules_are_fast() -> None:
    docs = [(parse_bytes(p.read_bytes(), relpath(p)), p.read_text(encoding="utf-8")) for p in CORPUS]
    settings = Settings(CODES)
    start = time.perf_counter()
    for doc, text in docs:
        lint(doc, text, settings)
    per_doc = (time.perf_counter() - start) / len(docs)
    assert per_doc < 0.002  # measured about 0.15 ms; generous for a shared machine
