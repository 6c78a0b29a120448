"""Structure rules (ST): date line, translation marker, numbering, lead date, title, the end of the text.

Each rule: text that triggers it (on the right line), text that must not,
and, for ST004, the fixed text, which is clean. Then the seeds' defects and
the whole corpus: structure warnings there were each read and are listed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.config import Config
from convert.fix import fix_bytes
from convert.lint import lint
from convert.parse import parse_text
from convert.pipeline import parse_source

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = (ROOT / "seeds" / "000_0bcac0d4543df4fe.txt").read_text(encoding="utf-8")
SEED_002 = (ROOT / "seeds" / "002_a1657387018532e3.txt").read_text(encoding="utf-8")
TITLE = "Japan-Canada Summit Meeting (Summary)\n"
DATE = "June 14, 2024\n"
MARKER = "[Provisional translation]\n"
LEAD = "On June 14, Prime Minister Kishida held a meeting with Prime Minister Trudeau. The overview is as follows.\n"
FOOT = "\nRelated Link\n"


def doc(body: str = "", *, title=TITLE, date=DATE, marker=MARKER, lead=LEAD, foot=FOOT) -> str:
    return title + date + marker + lead + body + foot


def found(text: str, code: str, config: Config | None = None) -> list:
    config = config or Config(select=(code,))
    return [p for p in lint(parse_text(text, "t.txt"), text, config, "t.txt") if p.code == code]


def lines(text: str, code: str) -> list[int]:
    return [p.line for p in found(text, code)]


def fixed(text: str, code: str) -> str:
    return fix_bytes(text.encode("utf-8"), "t.txt", Config(select=(code,))).fixed.decode("utf-8")


BODY = ("1. Bilateral Relations\n(1) The two leaders welcomed the progress.\n(2) They agreed to cooperate.\n"
        "2. Regional Affairs\n(1) They exchanged views on Ukraine.\n(2) They discussed North Korea.\n")


def test_a_clean_readout_raises_no_structure_problem():
    text = doc(BODY)
    assert lint(parse_text(text, "t.txt"), text, Config(select=("ST",)), "t.txt") == []


# --- ST001, ST002: the date line --------------------------------------------------------------------

def test_missing_date_line_is_reported_on_the_title():
    [problem] = found(doc(BODY, date=""), "ST001")
    assert problem.line == 1 and problem.severity == "warning"


def test_a_date_in_the_title_or_breadcrumb_is_a_date_line_enough():
    assert found("Press Conference by the Press Secretary 4 September, 1998\n\n1. Introduction\n", "ST001") == []
    text = "Home > News > June 2013 > Friday, June 14, 2013 (AM)\nPress Conference (Excerpt)\n" + MARKER + "Text.\n"
    assert found(text, "ST001") == []


@pytest.mark.parametrize("line", ["Janaury 31, 2023", "February 30, 2023", "2023/01/31", "31st Janury 2023"])
def test_unparseable_date_line(line):
    text = doc(BODY, date=line + "\n")
    [problem] = found(text, "ST002")
    assert problem.line == 2 and line in problem.message
    assert found(text, "ST001") == []  # one finding for one slip


@pytest.mark.parametrize("line", ["June 14, 2024", "Friday, June 14, 2024", "14 June 2024", "Date: June 14, 2024"])
def test_date_lines_in_house_and_other_real_forms_pass(line):
    assert found(doc(BODY, date=line + "\n"), "ST002") == []


# --- ST003, ST004: the translation marker -------------------------------------------------------------

def test_missing_marker_is_info_on_the_date_line():
    [problem] = found(doc(BODY, marker=""), "ST003")
    assert problem.line == 2 and problem.severity == "info"


def test_missing_marker_severity_is_configurable():
    config = Config(select=("ST003",), severity={"ST003": "warning"})
    [problem] = found(doc(BODY, marker=""), "ST003", config)
    assert problem.severity == "warning"


def test_a_long_translation_note_counts_as_a_marker():
    note = "(* This is a provisional translation by an external company for reference purpose only.)\n"
    assert found(doc(BODY, marker=note), "ST003") == []
    assert found(doc(BODY, marker=note), "ST004") == []


@pytest.mark.parametrize("note", [
    "• (*This is a provisional translation. The above date denotes the date of the issue of the original press "
    "release in Japanese.)",
    "• (* The foregoing is a provisional translation. The date indicated above denotes the date of issue.)",
    "- (*The foregoing is a provisional translation.)",
])
def test_a_translation_note_in_a_bulleted_footer_counts_as_a_marker(note):
    assert found(doc(BODY, marker="", foot="\n" + note + "\n"), "ST003") == []


def test_a_translation_note_cut_short_counts_as_a_marker():
    assert found(doc(BODY, marker="", foot="\n• (*The foregoing i"), "ST003") == []
    assert found(doc(BODY, marker="", foot="\n• (*This is a provi\n"), "ST003") == []


@pytest.mark.parametrize("foot", [
    "\n• (*The foreg\n",  # too little of the opener left to tell
    "\n• The foregoing is a summary of the meeting.\n",
    "\n• (*This is a summary.)\n",
    "\n• (*1) This is a provisional arrangement.\n",
])
def test_other_footer_items_are_no_translation_note(foot):
    assert len(found(doc(BODY, marker="", foot=foot), "ST003")) == 1


def test_press_conference_without_date_line_or_lead_needs_no_marker():
    text = "Press Conference by Foreign Minister Kishida\n\nG8 Summit\n\nInomoto, TBS: The G8 Summit has begun.\n"
    assert found(text, "ST003") == []


@pytest.mark.parametrize("marker", ["[Provisional Translation]", "(Provisional Translation)", "[provisional translation]"])
def test_marker_not_in_house_form_is_fixed(marker):
    text = doc(BODY, marker=marker + "\n")
    [problem] = found(text, "ST004")
    assert problem.line == 3 and problem.fix is not None and problem.fix.safe
    assert problem.severity == "info"  # the house form of an earlier period on the Kantei site
    after = fixed(text, "ST004")
    assert after == doc(BODY)
    assert found(after, "ST004") == []


def test_marker_residue_after_the_bracket_is_kept_by_the_fix():
    text = doc(BODY, marker="(Provisional Translation) |\n")
    assert fixed(text, "ST004") == doc(BODY, marker="[Provisional translation] |\n")


def test_house_marker_is_configurable():
    config = Config(select=("ST004",), translation_marker="[Provisional Translation]")
    assert found(doc(BODY, marker="[Provisional Translation]\n"), "ST004", config) == []
    assert len(found(doc(BODY), "ST004", config)) == 1


@pytest.mark.parametrize("marker, right", [
    ("[Provisonal translation]", "[Provisional translation]"),
    ("[Provisional Transaltion]", "[Provisional Translation]"),
    ("(Provisinal Translaton)", "(Provisional Translation)"),
    ("[provisional translaiton]", "[provisional translation]"),
])
def test_misspelt_marker_is_a_warning_with_a_correction_in_its_own_case(marker, right):
    text = doc(BODY, marker=marker + "\n")
    [problem] = found(text, "ST011")
    assert (problem.line, problem.column, problem.severity) == (3, 1, "warning")
    assert problem.fix is not None and not problem.fix.safe  # corrected, the line becomes the marker
    corrected = text
    for edit in sorted(problem.fix.edits, reverse=True):
        corrected = corrected[:edit.start] + edit.replacement + corrected[edit.end:]
    assert corrected == doc(BODY, marker=right + "\n")
    assert found(corrected, "ST011") == []
    assert fixed(text, "ST011") == text
    assert found(text, "ST003") == []  # the marker is there, misspelt


@pytest.mark.parametrize("marker", [
    "[Provisional translation]", "[Provisional Translation]", "[Provisional measures]", "[Personal translation]",
    "(Provisional Tanslatoins)", "[Tentative translation]",
])
def test_marker_typo_needs_both_words_close_and_one_misspelt(marker):
    assert found(doc(BODY, marker=marker + "\n"), "ST011") == []


def test_spelling_leaves_a_misspelt_marker_to_st011_while_it_is_on():
    text = doc(BODY, marker="[Provisonal translation]\n")
    both = Config(select=("SP002", "ST011"))
    assert [p.code for p in lint(parse_text(text, "t.txt"), text, both, "t.txt")] == ["ST011"]
    assert [p.line for p in found(text, "SP002")] == [3]  # ST011 off: the typo is still reported


# --- ST005-ST007: numbering ---------------------------------------------------------------------------

def test_gap_in_paragraph_numbers():
    text = doc(BODY.replace("(2) They agreed", "(3) They agreed"))
    [problem] = found(text, "ST005")
    assert problem.line == 7 and "(1) to (3)" in problem.message


def test_one_wrong_number_between_right_ones_is_one_finding():
    body = "1. Relations\n(1) One.\n(4) Two.\n(3) Three.\n(4) Four.\n"
    problems = found(doc(body), "ST005") + found(doc(body), "ST006")
    assert [(p.code, p.line) for p in problems] == [("ST005", 7)]
    assert "expected (2)" in problems[0].message


def test_gap_and_repeat_in_sections():
    assert lines(doc(BODY.replace("2. Regional", "3. Regional")), "ST005") == [8]
    assert lines(doc(BODY.replace("2. Regional", "1. Regional")), "ST006") == [8]


def test_repeat_in_items():
    body = "1. Meeting\n(1) The Prime Minister stated as follows:\n(a) First point.\n(b) Second point.\n(b) Third point.\n"
    assert lines(doc(body), "ST006") == [9]


def test_letter_i_after_h_and_roman_lists():
    letters = "".join(f"({c}) Point {c}.\n" for c in "abcdefghij")
    roman = "".join(f"({r}) Point.\n" for r in ("i", "ii", "iii", "iv", "v"))
    for items in (letters, roman):
        text = doc("1. Meeting\n(1) He stated as follows:\n" + items)
        assert found(text, "ST005") == [] and found(text, "ST006") == []


def test_lists_may_restart_and_nest():
    # A press conference numbers each answer's points afresh; a web page indents a list inside "1.".
    body = ("1. Opening\n(1) One.\n(2) Two.\n(1) Again one.\n(2) Again two.\n"
            "2. Cooperation\n  1. Nested one.\n  2. Nested two.\n3. Closing\nText.\n")
    for code in ("ST005", "ST006", "ST007"):
        assert found(doc(body), code) == []


def test_run_in_where_a_number_is_missing():
    body = "1. Relations\n(1) The leaders met. (2) They talked about trade.\n(3) They agreed.\n"
    [problem] = found(doc(body), "ST007")
    assert problem.line == 6 and problem.column == 22 and "(2)" in problem.message
    assert found(doc(body), "ST005") == []  # the run-in explains the gap


def test_run_in_of_a_list_s_last_number():
    text = SEED_000.replace("cooperation.\n(3) NATO Secretary", "cooperation. (3) NATO Secretary")
    [problem] = found(text, "ST007")
    assert problem.line == 8


def test_run_in_before_a_list_that_restarts():
    # Found by tests/injection.py: a run-in (2), then a new list under an unnumbered heading.
    body = "(1) The leaders met. (2) They talked about trade.\nEconomic Relations\n(1) They agreed.\n"
    assert [code for code in ("ST005", "ST006", "ST007") for _ in found(doc(body), code)] == ["ST007"]
    assert found(doc(body.replace(" (2) They", " They")), "ST006") == []


def test_a_number_referred_to_in_a_sentence_is_no_run_in():
    body = "1. Relations\n(1) As stated in (2) below, they met.\n(2) They agreed.\n"
    assert found(doc(body), "ST007") == []


# --- ST008: the lead's date ---------------------------------------------------------------------------

def test_lead_after_the_date_line():
    [problem] = found(doc(BODY, lead=LEAD.replace("June 14", "June 15")), "ST008")
    assert problem.line == 4 and "June 15, 2024" in problem.message


@pytest.mark.parametrize("date_line", ["December 31, 9999\n", "January 1, 0001\n"])
def test_lead_dates_at_the_ends_of_the_calendar_do_not_crash(date_line):
    # Found by the fuzz test: published + 180 days overflowed the calendar.
    text = date_line + "On July 11, Mr. KISHIDA Fumio held a meeting.\n"
    assert len(found(text, "ST008")) == 1


def test_lead_a_month_before_the_date_line():
    assert lines(doc(BODY, lead=LEAD.replace("June 14", "May 4")), "ST008") == [4]


def test_publication_a_few_days_later_and_across_new_year_pass():
    assert found(doc(BODY, lead=LEAD.replace("June 14", "June 10")), "ST008") == []
    text = doc(BODY, date="January 2, 2024\n", lead=LEAD.replace("June 14", "December 30"))
    assert found(text, "ST008") == []


def test_wrong_weekday():
    assert lines(doc(BODY, date="Thursday, June 14, 2024\n"), "ST008") == [2]  # a Friday
    assert found(doc(BODY, date="Friday, June 14, 2024\n"), "ST008") == []


# --- ST009: title repeated ----------------------------------------------------------------------------

def test_title_repeated_as_a_line():
    text = doc(BODY, marker=MARKER + TITLE)
    [problem] = found(text, "ST009")
    assert problem.line == 4


def test_title_doubled_on_its_line():
    text = doc(BODY, title=TITLE.strip() + " " + TITLE)
    assert lines(text, "ST009") == [1]


def test_mofa_photo_caption_repeating_the_title_is_not_reported():
    text = "Press Releases\n\n" + TITLE + "\n" + DATE + TITLE + "\n" + LEAD + BODY
    assert found(text, "ST009") == []
    # Under a misspelt date line too (ST002 reports that one).
    misspelt = text.replace(DATE, DATE.replace("June", "Jnue"))
    assert misspelt != text and found(misspelt, "ST009") == [] and found(misspelt, "ST002")


def test_a_short_title_may_recur_as_a_heading():
    assert found("G7 Summit\n" + DATE + MARKER + LEAD + "1. G7 Summit\nText.\n", "ST009") == []


# --- ST010: the end of the text -----------------------------------------------------------------------

def test_text_cut_mid_word_is_info_on_its_last_words():
    text = doc(BODY, foot="")[:-1] + " and the two leaders agreed to contin"
    [problem] = found(text, "ST010")
    assert problem.severity == "info" and problem.line == 10 and "contin" in problem.message


def test_a_finished_text_or_one_with_a_footer_is_not_reported():
    assert found(doc(BODY), "ST010") == []
    assert found(doc(BODY, foot=""), "ST010") == []
    assert found(doc(BODY + "(3) They discussed North Korea") + "", "ST010") == []  # footer follows: TY008's


@pytest.mark.parametrize("last, words", [
    ("3. Prime Minister Kishida expressed his app", "expressed his app"),  # a reporting verb
    ("3. The two leaders also shared the view to", "shared the view to"),  # a dangling word
    ("3. In addition, the two leaders discussed the regional situation", "the regional situation"),
    ("3. Both sides concurred on further advancing practical coopera", "advancing practical coopera"),  # half a word
])
def test_a_short_cut_last_paragraph_the_parser_takes_for_a_heading_is_reported(last, words):
    text = doc(BODY, foot="") + last
    [problem] = found(text, "ST010")
    assert problem.line == text.count("\n") + 1 and words in problem.message


@pytest.mark.parametrize("last", ["3. Japan-U.S. Security", "3. Regional Affairs", "3. Exchange of Views on Ukraine"])
def test_a_real_last_heading_is_not_reported(last):
    assert found(doc(BODY, foot="") + last + "\n", "ST010") == []


@pytest.mark.parametrize("last", ["Asahi Shimbun, Takeshita:", "(3) The two leaders confirmed the following:"])
def test_a_last_line_ending_in_a_colon_is_open(last):
    text = doc(BODY, foot="") + last + "\n"
    [problem] = found(text, "ST010")
    assert problem.line == text.count("\n") and "nothing after it" in problem.message


def test_a_colon_with_text_or_a_footer_after_it_is_not_reported():
    assert found(doc(BODY + "(3) He said:\nWe agree.\n", foot=""), "ST010") == []
    assert found(doc(BODY + "(3) He said:\n"), "ST010") == []  # "Related Link" follows


# --- the seeds and the corpus ------------------------------------------------------------------------

def test_seed_002_marker_in_non_house_casing():
    problems = found(SEED_002, "ST004")
    assert [(p.line, p.column) for p in problems] == [(5, 1)]


def test_seeds_raise_no_other_structure_warning():
    for text in (SEED_000, SEED_002):
        problems = lint(parse_text(text, "s.txt"), text, Config(select=("ST",), ignore=("ST004",)), "s.txt")
        assert [p for p in problems if p.severity != "info"] == []


# Every structure warning on the corpus, each read: real texts lacking a date line (8) and a press
# conference dated "Tuesday, August 29, 2008" (a Friday). The 2011-2021 Kantei pages and 2000-2004
# pages that print the marker as "[Provisional Translation]" or "(Provisional Translation)" are ST004
# infos: the house form of their period.
CORPUS_WARNINGS = {
    "ST001": 8,
    "ST008": 1,
}


def test_corpus_structure_warnings_are_the_ones_read():
    counts: dict[str, int] = {}
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt")):
        doc_, text = parse_source(path.read_bytes(), str(path))
        for problem in lint(doc_, text, Config(select=("ST",)), str(path)):
            if problem.severity != "info":
                counts[problem.code] = counts.get(problem.code, 0) + 1
    assert counts == CORPUS_WARNINGS
