"""Typography rules (TY): cases as data, sqlfluff style: text that fails, text that passes, fixed text."""

from __future__ import annotations

import pytest

from convert.config import Config
from convert.fix import fix_bytes
from convert.lint import lint
from convert.parse import parse_text

HEAD = ("Meeting between Prime Minister Kishida and President Smith (Summary)\n\nJanuary 31, 2023\n"
        "[Provisional translation]\n"
        "On January 31, Prime Minister Kishida held a meeting with President Smith. The overview is as follows.\n"
        "1. Bilateral Relations\n")
FOOT = "\nRelated Link\n"


def doc(body: str) -> str:
    return HEAD + body + FOOT


def found(text: str, code: str) -> list:
    return [p for p in lint(parse_text(text, "t.txt"), text, Config(select=(code,)), "t.txt") if p.code == code]


def fixed(text: str, code: str) -> str:
    return fix_bytes(text.encode("utf-8"), "t.txt", Config(select=(code,))).fixed.decode("utf-8")


# (code, body that fails, number of problems, body that passes, fixed body or None)
CASES = [
    ("TY001", "(1) Japan's position and Russia’s aggression. Japan's support.\n", 1,
     "(1) Japan's position and Russia's aggression. Japan's support.\n",
     "(1) Japan's position and Russia's aggression. Japan's support.\n"),
    ("TY001", "(1) Russia’s aggression and Japan's support.\n", 1,  # a tie: the first kind wins
     "(1) Russia’s aggression and Japan’s support.\n", "(1) Russia’s aggression and Japan’s support.\n"),
    # Plural possessives count ("Leaders' Meeting"), before a blank or punctuation.
    ("TY001", "(1) The Leaders’ Meeting and the Ministers’ Meeting. The Leaders' statement.\n", 1,
     "(1) The Leaders’ Meeting and the Ministers’ Meeting. The Leaders’ statement.\n",
     "(1) The Leaders’ Meeting and the Ministers’ Meeting. The Leaders’ statement.\n"),
    ("TY001", "(1) Japan’s and Korea’s views on the Ministers'.\n", 1,
     "(1) Japan’s and Korea’s views on the Ministers’.\n", "(1) Japan’s and Korea’s views on the Ministers’.\n"),
    # A mark closing a single-quoted span is a quotation mark, not an apostrophe.
    ("TY001", "(1) Japan’s 'two Leaders' idea and Korea’s 'Ministers' plan. Japan's view.\n", 1,
     "(1) Japan’s 'two Leaders' idea and Korea’s 'Ministers' plan.\n",
     "(1) Japan’s 'two Leaders' idea and Korea’s 'Ministers' plan. Japan’s view.\n"),
    ("TY002", '(1) a "free and open Indo-Pacific" and a "rule" and the “law”.\n', 2,
     '(1) a "free and open Indo-Pacific" and the "law".\n', '(1) a "free and open Indo-Pacific" and a "rule" and the "law".\n'),
    ("TY003", "(1) Both sides confirmed a “free and open Indo-Pacific.\n(2) Both sides agreed.\n", 1,
     "(1) Both sides confirmed a “free and open Indo-Pacific.”\n(2) Both sides agreed.\n", None),
    ("TY003", "(1) Both sides agreed.” The talks continue.\n", 1,
     "(1) He said:\n“We agree.\n(2) We will act.”\n", None),  # a quotation over two paragraphs
    ("TY003", '(1) He stressed the "rule of law. Both sides agreed.\n(2) They said "yes" again.\n', 1,
     '(1) He stressed the "rule of law." Both sides agreed.\n(2) They said "yes" again.\n', None),
    ("TY004", "(1) a joint statement ( English ) was issued.\n", 2,
     "(1) a joint statement (English) was issued.\n", "(1) a joint statement (English) was issued.\n"),
    ("TY004", "(1) a statement [ Provisional ] was issued.\n", 2,
     "(1) a statement [Provisional] was issued.\n", "(1) a statement [Provisional] was issued.\n"),
    ("TY005", "(1) The two sides discussed fishing.The talks will continue.\n", 1,
     "(1) The two sides discussed fishing. The talks will continue in the U.S. and at www.mofa.go.jp.\n",
     "(1) The two sides discussed fishing. The talks will continue.\n"),
    ("TY005", "(1) Japan,and the United States agreed;the talks continue.\n", 2,
     "(1) Japan, and the United States agreed 1,000 yen; the talks continue at 3.5 percent.\n",
     "(1) Japan, and the United States agreed; the talks continue.\n"),
    ("TY005", "(1) The visit was in 2023.The talks will continue.\n", 1,
     "(1) The visit was in 2023. The talks will continue at No.1 and p.m.The end.\n",
     "(1) The visit was in 2023. The talks will continue.\n"),
    ("TY006", "(1) Mr. Abe , Prime Minister of Japan, met the President .\n", 2,
     "(1) Mr. Abe, Prime Minister of Japan, met the President ...\n",
     "(1) Mr. Abe, Prime Minister of Japan, met the President.\n"),
    ("TY007", "(1) The North Atlantic Treaty Organization (NATO, held a meeting.\n", 1,
     "(1) The Organization (NATO) held a meeting on the points 1) security and 2) economy.\n", None),
    ("TY007", "(1) The Organization NATO) held a meeting.\n", 1,
     "(1) The Organization [NATO] held a meeting.\n", None),
    ("TY008", "(1) The two sides also exchanged views on regional situations, including North Korea\n"
              "(2) Both sides agreed.\n", 1,
     "(1) The two sides also exchanged views on regional situations, including North Korea.\n"
     "(2) Both sides agreed.\n", None),
    ("TY009", "(1) Prime Minister Kishida  held a meeting.\n", 1,
     "(1) Prime Minister Kishida held a meeting.\n", "(1) Prime Minister Kishida held a meeting.\n"),
    ("TY009", "(1) Prime Minister Kishida\u00a0 held a meeting.\n", 1,
     "(1) Prime Minister Kishida\u00a0held a meeting.\n", "(1) Prime Minister Kishida held a meeting.\n"),
]


@pytest.mark.parametrize("code,bad,count,good,after", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_case(code, bad, count, good, after):
    assert len(found(doc(bad), code)) == count
    assert found(doc(good), code) == []
    if after is not None:
        result = fixed(doc(bad), code)
        assert result == doc(after)
        assert found(result, code) == []


def test_problem_is_on_the_offending_line_and_column():
    text = doc("(1) Prime Minister Kishida  held a meeting.\n")
    [problem] = found(text, "TY009")
    assert (problem.line, problem.column, problem.end_column) == (7, 27, 29)
    assert problem.category == "typography" and problem.severity == "warning"


def test_residue_is_never_checked():
    # Breadcrumbs, captions and footers keep their web spacing; link labels too, except TY004.
    text = ("Home  >  News  >  Japan-Canada Summit Meeting\n" + HEAD +
            "(1) A joint statement (English (PDF/56KB) / Japanese (PDF/97KB)) was issued.\n" +
            "\nRelated Link ,\n\nArchives (Archived entries  for the 98th through 100th prime ministers)\n")
    for code in ("TY004", "TY005", "TY006", "TY007", "TY009"):
        assert found(text, code) == [], code


def test_link_label_spacing_is_reported_inside_the_label():
    text = doc("(1) a joint statement ( English (PDF/56KB ) / Japanese (PDF/97KB) ) was issued.\n")
    assert [p.column for p in found(text, "TY004")] == [24, 42, 66]
    assert found(text, "TY009") == []


def test_last_paragraph_of_a_cut_page_is_not_judged_for_pairs_or_full_stops():
    text = HEAD + "(1) Both sides agreed to build a “Strategic Partnership and to deepen the (cooperation"
    for code in ("TY003", "TY007", "TY008"):
        assert found(text, code) == [], code


def test_headings_and_captions_need_no_full_stop():
    body = ("(1) Visit to Japan by the King and Queen of Spain\n"
            "A picture of a meeting room where the NATO Ministers' meeting is held in the NATO headquarters\n"
            "(2) The Prime Minister said in his opening address,\n“We will act.”\n")
    assert found(doc(body), "TY008") == []


def test_seed_defects_are_found():
    from conftest import ROOT

    text = (ROOT / "seeds" / "000_0bcac0d4543df4fe.txt").read_text(encoding="utf-8")
    assert [(p.line, p.column) for p in found(text, "TY004")][0] == (5, 454)
    assert [p.line for p in found(text, "TY001")] == [15]
    text = (ROOT / "seeds" / "002_a1657387018532e3.txt").read_text(encoding="utf-8")
    assert [p.line for p in found(text, "TY001")] == [14]
    assert [p.line for p in found(text, "TY008")] == [36]


def test_a_quotation_closes_in_its_paragraph():
    # The straight quote opened in (1) does not make the plural in (2) a closing quote.
    body = "(1) They spoke of a 'new era.\n(2) The Leaders' Meeting and Japan’s and Korea’s views.\n"
    [problem] = found(doc(body), "TY001")
    assert doc(body)[problem.start - 7:problem.end] == "Leaders'"


def test_a_plural_apostrophe_alone_is_no_mix():
    assert found(doc("(1) The Leaders' Meeting and the Ministers' Meeting.\n"), "TY001") == []
    assert found(doc("(1) The ‘Leaders’ and Japan's view.\n"), "TY001") == []  # ’ closes the quotation


# --- TY010: a space after the hyphen of a compound --------------------------------------------------

@pytest.mark.parametrize("body, flagged", [
    ("(1) The Japan- Netherlands partnership grew.\n", ["Japan- Netherlands"]),
    ("(1) The Japan- ROK and Japan-  U.S. summits.\n", ["Japan- ROK", "Japan-  U.S."]),
    ("(1) (Japan- Germany) relations.\n", ["Japan- Germany"]),
    # Suspended hyphens, spaced dashes, lower-case words: no compound lost its join.
    ("(1) The pre- and post-war order, short- and long-term goals.\n", []),
    ("(1) The Japan- and US-made parts, Indo- or Asia-Pacific.\n", []),
    ("(1) The Japan - Netherlands partnership; co- Chair; e-mail- Japan.\n", []),
    ("(1) The Japan-Netherlands partnership; 2023- Japan; Japan-\nNetherlands.\n", []),
])
def test_space_after_hyphen(body, flagged):
    problems = found(doc(body), "TY010")
    assert [doc(body)[p.start:p.end] for p in problems] == flagged


def test_space_after_hyphen_fix_is_safe_only_when_the_joined_form_is_used():
    once = doc("(1) The Japan- Netherlands partnership grew.\n")
    [problem] = found(once, "TY010")
    assert problem.fix is not None and not problem.fix.safe  # "Tokyo- The" would look the same
    assert fixed(once, "TY010") == once
    twice = doc("(1) The Japan- Netherlands partnership and Japan-Netherlands trade grew.\n")
    [problem] = found(twice, "TY010")
    assert problem.fix.safe and fixed(twice, "TY010") == doc(
        "(1) The Japan-Netherlands partnership and Japan-Netherlands trade grew.\n")


# --- TY009: two spaces between sentences as a document's convention ----------------------------------

TYPEWRITER = ("Japan-Iran Foreign Ministers' Telephone Talks\n\nJanuary 26, 2009\n\n"
              "On January 26, Foreign Minister Nakasone held talks with Foreign Minister Mottaki of Iran.  "
              "This was their first talk.\n\n"
              "Minister Nakasone expressed concern.  Responding to this, Minister Mottaki explained the situation.\n\n"
              "Both ministers agreed to cooperate further.  Mr. Mottaki thanked Japan (as a friend).  "
              "In closing, they agreed to stay in touch.\n")


def test_two_spaces_after_every_sentence_are_the_documents_convention():
    assert found(TYPEWRITER, "TY009") == []


def test_a_double_space_mid_sentence_is_reported_under_the_convention():
    text = TYPEWRITER.replace("expressed concern", "expressed  concern")
    [problem] = found(text, "TY009")
    assert "'expressed' and 'concern.'" in problem.message
    assert found(TYPEWRITER.replace("Mr. Mottaki", "Mr.  Mottaki"), "TY009")  # after a title, not a sentence


def test_a_document_that_mixes_one_and_two_spaces_is_reported():
    text = TYPEWRITER.replace("concern.  Responding", "concern. Responding")
    assert len(found(text, "TY009")) == 3


def test_fewer_than_three_doubled_breaks_are_no_convention():
    text = ("Japan-Iran Telephone Talks\n\nJanuary 26, 2009\n\n"
            "On January 26, Minister Nakasone held talks with Minister Mottaki of Iran.  This was their first talk.\n"
            "\nBoth ministers agreed to cooperate further.  They will stay in touch.\n")
    assert len(found(text, "TY009")) == 2


# --- cut-off paragraphs, clauses and headings (found by tests/injection.py) -------------------------

def test_a_bracket_left_open_before_a_finished_sentence_is_reported_even_at_a_cut_end():
    text = HEAD + ("(1) Regarding the Advanced Liquid Processing System (ALPS Treated Water, Prime Minister "
                   "Kishida explained the report. President Yoon exp")
    [problem] = found(text, "TY007")
    assert text[problem.start] == "("
    # A quotation the bracket opened in closes first: the bracket should have closed inside it.
    text = HEAD + "(1) They will cooperate in the “Asia Zero Emission Community (AZEC” initiative and in the"
    assert len(found(text, "TY007")) == 1
    assert found(text.replace("(AZEC”", "(AZEC)”"), "TY007") == []
    assert found(HEAD + "(1) They will cooperate in the “Asia Zero Emission” Community (AZEC initiative", "TY007") == []
    # A sentence may end on an acronym; a title or initials end none.
    text = HEAD + "(1) He spoke with the Ambassador of the Republic of Korea (ROK. This afternoon, he went to the"
    assert len(found(text, "TY007")) == 1
    text = HEAD + "(1) He spoke with the envoys (Mr. Abe and the U.S. President Biden about the future of the"
    assert found(text, "TY007") == []
    # A closing bracket with no opening one cannot be explained by a lost end either.
    assert len(found(HEAD + "(1) Both sides affirmed the cooperation) and the Partners Ses", "TY007")) == 1


@pytest.mark.parametrize("mark", ["“", '"'])
def test_a_quotation_left_open_before_a_finished_sentence_is_reported_even_at_a_cut_end(mark):
    text = HEAD + f"(1) The Prime Minister praised the {mark}Abenomics. He also noted that Poland is developing into the"
    [problem] = found(text, "TY003")
    assert text[problem.start] == mark
    # Opening the paragraph, a quotation may run to the cut: a statement quoted at length.
    assert found(HEAD + f"{mark}We will act. We will build the", "TY003") == []


@pytest.mark.parametrize("body", [
    # A clause makes running text, however many capitals stand around it.
    "(1) Furthermore, I will confirm that Japan will continue to work closely to successfully hold the "
    "Commemorative Summit for the 50th Year of ASEAN-Japan Friendship and Cooperation in December this year\n",
    "(1) Mr. MACHIMURA Nobutaka, Minister for Foreign Affairs, will visit New York, U.S.A., from September 13 (Tue)\n",
    "(1) It was then decided that the result of the meeting would be reported back to Mr. Naoto Kan, Prime Minister\n",
    # A numbered section's first sentence stands as its heading.
    "2. The two leaders also confirmed that they would continue to work closely together on East Asia\n",
    # Words stopping on one no sentence ends with: text lost, however short.
    "(1) The two leaders shared the\n",
    "(1) Japan hopes that the people of\n",
])
def test_paragraphs_that_stop_short_are_reported(body):
    assert len(found(doc(body), "TY008")) == 1


@pytest.mark.parametrize("body", [
    "2. Questions concerning the conclusion of a classified information protection agreement\n",  # a topic
    "2. Opening Remarks - The Outline of Japan-U.S. Relations -\n",
    # A caption known by its credit.
    "(1) Two leaders who have a talk after having a seat at a table Japan-Indonesia Summit Meeting "
    "(Cabinet Public Affairs Office)\n",
    "(1) Visit of the Minister\n",  # too short to be cut off: a heading
])
def test_headings_topics_and_credited_captions_need_no_full_stop(body):
    assert found(doc(body), "TY008") == []


def test_a_full_stop_and_one_capital_at_the_very_end_is_no_missing_space():
    # The mutation fuzz of tools/lint_dump.py found TY005 reading past the text's end (IndexError).
    text = HEAD + "(1) The two sides discussed fishing.T"
    assert found(text, "TY005") == []
    assert len(found(text + "he", "TY005")) == 1  # "fishing.The" at the end is still reported
