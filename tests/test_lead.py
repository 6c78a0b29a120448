"""The lead reader: event date, events (start, offset, duration), participants, unresolved facts."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta
from functools import lru_cache

import pytest

from convert.model import Lead, Span
from convert.parse import parse_bytes
from convert.parse.lead import read_lead

from conftest import CORPUS, DOCUMENTS, SEEDS, relpath

SPAN = Span(0, 0, 1, 1, 1, 1)
DURATION = re.compile(r"^PT(?=\d)(\d+H)?(\d+M)?$")


def lead(text: str, date_line: str | None = "2023-01-31") -> Lead:
    return read_lead(text, SPAN, (), date_line)


@lru_cache(maxsize=None)
def corpus_lead(name: str) -> Lead:
    path = next(p for p in DOCUMENTS if p.name.startswith(name))
    doc = parse_bytes(path.read_bytes(), relpath(path))
    assert doc.lead is not None
    return doc.lead


def facts(event) -> tuple:
    return event.kind, event.start, event.start_japan, event.utc_offset, event.duration, event.approximate


# --- The seeds ------------------------------------------------------------------------------------

def test_seed_000_a_meeting_then_a_working_dinner_in_japan() -> None:
    L = corpus_lead("000_")
    assert L.date == "2023-01-31"
    assert [facts(e) for e in L.events] == [
        ("meeting", "2023-01-31T18:20:00+09:00", "2023-01-31T18:20:00+09:00", "+09:00", "PT25M", True),
        ("working dinner", "2023-01-31T19:10:00+09:00", "2023-01-31T19:10:00+09:00", "+09:00", "PT55M", True),
    ]
    meeting, dinner = L.events
    assert (meeting.start_text, meeting.duration_text) == ("6:20 p.m.", "approximately 25 minutes")
    assert (dinner.start_text, dinner.duration_text) == ("7:10 p.m.", "about 55 minutes")
    phrase = "working dinner was held for about 55 minutes starting at 7:10 p.m."
    assert L.text[dinner.extent.start:dinner.extent.end] == phrase
    assert L.unresolved == ()


def test_seed_000_participants() -> None:
    kishida, stoltenberg = corpus_lead("000_").participants
    assert (kishida.name, kishida.honorific, kishida.family_name, kishida.given_name, kishida.role,
            kishida.organisation) == ("Mr. KISHIDA Fumio", "Mr.", "KISHIDA", "Fumio", "Prime Minister", "Japan")
    assert (stoltenberg.name, stoltenberg.honorific, stoltenberg.given_name, stoltenberg.family_name, stoltenberg.role,
            stoltenberg.organisation) == ("H.E. Mr. Jens Stoltenberg", "H.E. Mr.", "Jens", "Stoltenberg",
                                          "Secretary General", "North Atlantic Treaty Organization (NATO)")
    text = corpus_lead("000_").text
    assert text[kishida.extent.start:kishida.extent.end] == "Mr. KISHIDA Fumio, Prime Minister of Japan"


def test_seed_002_local_time_with_japan_time() -> None:
    L = corpus_lead("002_")
    [event] = L.events
    assert facts(event) == ("joint press occasion and meeting", "2024-07-11T08:35:00-04:00",
                            "2024-07-11T21:35:00+09:00", "-04:00", "PT25M", True)
    assert (event.date, event.start_text, event.japan_time_text) == ("2024-07-11", "8:35 a.m.", "9:35 p.m. JST")
    assert [(p.name, p.role, p.organisation) for p in L.participants] == [
        ("KISHIDA Fumio", "Prime Minister", None),
        ("H.E. Mr. Jens Stoltenberg", "Secretary General", "North Atlantic Treaty Organization (NATO)"),
    ]


# --- Corpus leads checked by hand ----------------------------------------------------------------------

def test_kenya_summit_then_working_lunch_with_japan_times() -> None:
    L = corpus_lead("japan.kantei.go.jp_101_kishida_diplomatic_202305_03ghana")
    summit, press, lunch = L.events
    assert facts(summit) == ("summit meeting", "2023-05-03T10:10:00+03:00", "2023-05-03T16:10:00+09:00", "+03:00",
                             "PT1H40M", True)
    assert (press.kind, press.start, press.duration) == ("joint press conference", None, None)
    assert facts(lunch) == ("working lunch", "2023-05-03T12:40:00+03:00", "2023-05-03T18:40:00+09:00", "+03:00",
                            "PT50M", True)
    assert lunch.japan_time_text == "6:40 p.m. Japan time"


def test_netherlands_japan_time_on_the_next_day() -> None:
    [e] = corpus_lead("japan.kantei.go.jp_101_kishida_diplomatic_202407_11netherlands").events
    assert facts(e) == ("meeting", "2024-07-11T12:30:00-04:00", "2024-07-12T01:30:00+09:00", "-04:00", "PT20M", True)
    assert e.japan_time_text == "1:30 a.m., July 12, JST"


def test_canada_japan_date_that_breaks_the_roll_over_is_unresolved() -> None:
    # 7:35 p.m. in Italy is 2:35 a.m. on June 15 in Japan; the page prints June 14th.
    L = corpus_lead("japan.kantei.go.jp_101_kishida_diplomatic_202406_14canada")
    [e] = L.events
    assert (e.start, e.start_japan, e.utc_offset, e.duration) == (None, None, None, "PT15M")
    assert "start offset: Japan date June 14th does not fit the date roll-over" in L.unresolved
    assert "date: no year printed and no date line" in L.unresolved


def test_an_impossible_time_is_unresolved() -> None:
    L = corpus_lead("japan.kantei.go.jp_101_kishida_diplomatic_202205__00015")
    [e] = L.events
    assert (e.start_text, e.start, e.duration) == ("16:46 a.m.", None, "PT1H15M")
    assert L.unresolved == ("time: 16:46 a.m. is not a valid time",)


def test_poland_2013_two_ranges_abroad() -> None:
    L = corpus_lead("japan.kantei.go.jp_96_abe_diplomatic_201306_17poland_e")
    assert L.date == "2013-06-16"
    summit, lunch = L.events
    assert (summit.kind, summit.start_text, summit.duration, summit.duration_text, summit.approximate) == (
        "summit meeting", "10:30 A.M.", "PT45M", "10:30 A.M. to 11:15 A.M.", True)
    assert (lunch.kind, lunch.start_text, lunch.duration, lunch.approximate) == ("working lunch", "11:40 A.M.", "PT45M",
                                                                                 False)
    assert summit.start is None and lunch.start is None
    assert L.unresolved == ("start offset: local time abroad without Japan time",)


def test_china_2019_meeting_and_dinner_each_with_a_duration() -> None:
    summit, dinner = corpus_lead("mofa.go.jp_a_o_c_m1_cn_page3e_001046").events
    assert facts(summit) == ("summit meeting", "2019-06-27T19:36:00+09:00", "2019-06-27T19:36:00+09:00", "+09:00",
                             "PT1H", True)
    assert (dinner.kind, dinner.start, dinner.duration) == ("dinner", None, "PT1H10M")


def test_g7_sessions_respectively() -> None:
    first, second = corpus_lead("mofa.go.jp_fp_pc_pageite_000001_00681").events
    assert (first.kind, first.start_text, first.utc_offset, first.duration) == ("sessions", "12:00 p.m.", "+01:00",
                                                                                "PT1H10M")
    assert (second.kind, second.start_text, second.utc_offset, second.duration) == ("sessions", "1:15 p.m.", "+01:00",
                                                                                    "PT1H35M")


def test_kananaskis_2002_japan_date_printed_day_first() -> None:
    [e] = corpus_lead("mofa.go.jp_policy_economy_summit_2002_meet_us").events
    assert facts(e) == ("meeting", "2002-06-25T18:15:00-06:00", "2002-06-26T09:15:00+09:00", "-06:00", "PT40M", True)


def test_germany_2024_abroad_without_japan_time() -> None:
    L = corpus_lead("japan.kantei.go.jp_101_kishida_diplomatic_202407_12germany2")
    meeting, dinner = L.events
    assert (meeting.kind, meeting.start_text, meeting.start, meeting.duration) == ("meeting", "5:30 p.m.", None,
                                                                                   "PT45M")
    assert (dinner.kind, dinner.start_text, dinner.start, dinner.duration) == ("dinner", "7:00 p.m.", None, "PT1H10M")
    assert L.unresolved == ("start offset: local time abroad without Japan time",)


def test_noda_gillard_duration_from_a_later_sentence() -> None:
    [e] = corpus_lead("mofa.go.jp_announce_jfpu_2012_09_0925-02").events
    assert (e.kind, e.start_text, e.start, e.duration, e.duration_text) == ("summit meeting", "10:50 am", None, "PT20M",
                                                                            "20-minute")


def test_okada_date_after_the_time() -> None:
    [e] = corpus_lead("mofa.go.jp_announce_announce_2010_6_0617_01").events
    assert facts(e) == ("telephone conversation", "2010-06-17T17:00:00+09:00", "2010-06-17T17:00:00+09:00", "+09:00",
                        "PT15M", True)


def test_two_events_on_two_dates() -> None:
    dinner, meeting = corpus_lead("mofa.go.jp_a_o_ocn_au_page3e_000423").events
    assert (dinner.kind, dinner.date) == ("dinner", "2015-11-21")
    assert (meeting.kind, meeting.date) == ("foreign ministers' meeting", "2015-11-22")


def test_ukraine_2023_caps_name_without_honorific() -> None:
    L = corpus_lead("japan.kantei.go.jp_101_kishida_diplomatic_202306_09ukraine")
    assert [(p.name, p.family_name, p.given_name, p.role, p.organisation) for p in L.participants] == [
        ("KISHIDA Fumio", "KISHIDA", "Fumio", "Prime Minister", "Japan"),
        ("H.E. Mr. Volodymyr Zelenskyy", "Zelenskyy", "Volodymyr", "President", "Ukraine"),
    ]
    assert facts(L.events[0]) == ("summit telephone talk", "2023-06-09T15:20:00+09:00", "2023-06-09T15:20:00+09:00",
                                  "+09:00", "PT30M", True)


def test_dotted_hour_times_give_the_printed_offset() -> None:
    # Laos is UTC+7, but 6.15 p.m. against 9.45 p.m. is +05:30: the offset is derived as printed.
    [e] = corpus_lead("japan.kantei.go.jp_102_ishiba_diplomatic_202410_10india").events
    assert (e.start, e.utc_offset, e.japan_time_text) == ("2024-10-10T18:15:00+05:30", "+05:30", "9.45p.m.")


# --- Dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, date_line, expected",
    [
        ("On January 31, commencing at 6:20 p.m.", "2023-01-31", "2023-01-31"),
        ("On Sunday, June 16, during his visit", "2013-06-17", "2013-06-16"),
        ("On May 19, 2014, Prime Minister Shinzo Abe held telephone talks.", "2014-05-20", "2014-05-19"),
        ("On December 30, a telephone talk was held.", "2024-01-05", "2023-12-30"),  # year roll-over
        ("On January 2, a telephone talk was held.", "2023-12-28", "2024-01-02"),
        ("On 25 June from 6:15pm local time", "2002-06-26", "2002-06-25"),
        ("On Friday, 13 April, from 1:30 p.m.", "2012-04-13", "2012-04-13"),
        ("On Tuesday, March15, from 17:45", "2011-03-15", "2011-03-15"),
        ("On April 16th, commencing at 6:10 p.m.", "2024-04-16", "2024-04-16"),
        ("Over the four months since I assumed office", "2021-01-18", None),
        ("On May 24, commencing at 6:20 p.m.", None, None),
    ],
)
def test_lead_date(text, date_line, expected) -> None:
    assert lead(text, date_line).date == expected


def test_an_impossible_date_is_unresolved() -> None:
    L = lead("On February 30, a meeting was held.", "2023-03-01")
    assert L.date is None and L.unresolved == ("date: February 30 is not a valid date",)


# --- Where the event was -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "On May 18, commencing at 7:55 p.m. for approximately 95 minutes, Mr. KISHIDA Fumio held a working dinner.",
        "On May 21, commencing at 6:45 p.m., Mr. KISHIDA Fumio held a video conference meeting with X.",
        "On May 20, commencing at 8:50 a.m., Mr. KISHIDA Fumio held a Summit Meeting with Y, who was on his visit to "
        "Japan to attend the G7 Summit.",
        "On April 10, commencing at 10:20 p.m., Mr. Fumio Kishida held a meeting in Hiroshima, during his visit to "
        "attend the G7 Hiroshima Foreign Ministers' Meeting.",
    ],
)
def test_in_japan_when_nothing_says_abroad(text) -> None:
    L = lead(text)
    assert L.events[0].utc_offset == "+09:00" and L.events[0].start.endswith("+09:00") and L.unresolved == ()


@pytest.mark.parametrize(
    "text",
    [
        "On July 12, commencing at 5:30 p.m., Mr. KISHIDA Fumio, who was visiting Berlin, held a meeting with X.",
        "On March 22, commencing at 8:00 a.m., Prime Minister KISHIDA held a meeting during his visit to Poland.",
        "On September 25, at 10:50 am, Prime Minister Noda held a summit meeting at the United Nations Headquarters.",
        "On November 8, commencing at 4:00 p.m. (local time), Mr. X held a meeting.",
        "On June 23, the meeting took place from 11:20am (UK time) for approximately 15 minutes.",
    ],
)
def test_abroad_without_japan_time_is_unresolved(text) -> None:
    L = lead(text)
    assert L.events[0].start is None and L.events[0].utc_offset is None
    assert L.unresolved == ("start offset: local time abroad without Japan time",)


def test_japan_time_label_gives_plus_nine_even_abroad() -> None:
    L = lead("On June 24, Mr. HAYASHI, who is visiting Paris, hosted the G7 Foreign Ministers' Telephone Talk for "
             "approximately 40 minutes from 8:15pm JST.")
    [e] = L.events
    assert (e.kind, e.start, e.japan_time_text, e.duration) == ("foreign ministers' telephone talk",
                                                                "2023-06-24T20:15:00+09:00", "8:15pm JST", "PT40M")


def test_local_and_japan_time_with_no_real_offset_is_unresolved() -> None:
    L = lead("On January 31, commencing at 8:35 a.m. local time (January 31, 9:42 p.m. JST), X held a meeting.")
    assert L.events[0].start is None
    assert L.unresolved == ("start offset: 8:35 a.m. and 9:42 p.m. (Japan) differ by no real UTC offset",)


# --- Event kinds ---------------------------------------------------------------------------------

def test_frames_and_mentions_are_not_events() -> None:
    L = lead("On January 31, commencing at 6:20 p.m., Mr. X, who is visiting Japan to attend the NATO Summit, held a "
             "meeting with Y. Following a joint press occasion after the meeting, a working dinner was held. The "
             "overview of the meeting is as follows.")
    assert [e.kind for e in L.events] == ["meeting", "working dinner"]


def test_a_parenthesised_kind_describes_the_previous_event() -> None:
    L = lead("On October 17, commencing at 1:50 p.m. (8:50 p.m. on October 17 Japan time) for approximately 75 "
             "minutes, Mr. X held a summit meeting (working lunch) with Y.", "2018-10-17")
    assert [e.kind for e in L.events] == ["summit meeting"]
    assert L.events[0].start == "2018-10-17T13:50:00+02:00"


def test_met_with_is_a_meeting() -> None:
    [e] = lead("On May 21, commencing at around 4:22 p.m. for approximately 30 minutes, X met with Y.").events
    assert (e.kind, e.start, e.duration, e.approximate) == ("meeting", "2023-05-21T16:22:00+09:00", "PT30M", True)


def test_exact_duration_and_start_are_not_approximate() -> None:
    [e] = lead("On January 6, commencing at 8:10 a.m., for 35 minutes, X held a telephone talk with Y.").events
    assert (e.duration, e.approximate) == ("PT35M", False)


def test_a_lead_without_events() -> None:
    L = lead("Prime Minister Shinzo Abe received a request from the League at the Prime Minister's Office.")
    assert L.events == () and L.date is None


# --- Participants --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("held a meeting with the Rt Hon Rishi Sunak MP, Prime Minister of the United Kingdom of Great Britain and "
         "Northern Ireland.",
         ("Rt Hon Rishi Sunak MP", "Rt Hon", "Rishi", "Sunak", "Prime Minister",
          "United Kingdom of Great Britain and Northern Ireland")),
        ("with The Hon. Richard Marles MP, Deputy Prime Minister and Minister for Defence of the Commonwealth of "
         "Australia. The joint statement",
         ("Hon. Richard Marles MP", "Hon.", "Richard", "Marles", "Deputy Prime Minister and Minister for Defence",
          "Commonwealth of Australia")),
        ("with His Royal Highness Prince Mohammed bin Salman bin Abdulaziz Al-Saud, Crown Prince and Prime Minister of "
         "the Kingdom of Saudi Arabia.",
         ("His Royal Highness Prince Mohammed bin Salman bin Abdulaziz Al-Saud", "His Royal Highness Prince", None,
          None, "Crown Prince and Prime Minister", "Kingdom of Saudi Arabia")),
        ("with Y.A.B. Dato' Seri Anwar bin Ibrahim, Prime Minister of Malaysia.",
         ("Y.A.B. Dato' Seri Anwar bin Ibrahim", "Y.A.B. Dato' Seri", None, None, "Prime Minister", "Malaysia")),
        ("Mr. Shinzo Abe, Prime Minister of Japan, held a talk.",
         ("Mr. Shinzo Abe", "Mr.", "Shinzo", "Abe", "Prime Minister", "Japan")),
        ("with H.E. Ms. Giorgia Meloni, President of the Council of Ministers of the Italian Republic.",
         ("H.E. Ms. Giorgia Meloni", "H.E. Ms.", "Giorgia", "Meloni", "President of the Council of Ministers",
          "Italian Republic")),
        ("with the Honorable Joseph R. Biden, Jr., President of the United States of America.",
         ("Honorable Joseph R. Biden, Jr.", "Honorable", "Joseph R.", "Biden", "President",
          "United States of America")),
        ("with H.E. Mr. Lavrov, Sergey Viktorovich, Minister of Foreign Affairs of the Russian Federation.",
         ("H.E. Mr. Lavrov, Sergey Viktorovich", "H.E. Mr.", "Sergey Viktorovich", "Lavrov",
          "Minister of Foreign Affairs", "Russian Federation")),
        ("with H.E. Mr. Xi Jinping, President of the People’s Republic of China.",
         ("H.E. Mr. Xi Jinping", "H.E. Mr.", "Jinping", "Xi", "President", "People’s Republic of China")),
        ("with Rt. Hon. Christopher LUXON, Prime Minister of New Zealand, H.E. Mr. Yoon",
         ("Rt. Hon. Christopher LUXON", "Rt. Hon.", "Christopher", "LUXON", "Prime Minister", "New Zealand")),
        ("President George W. Bush of the United States of America met.",
         ("George W. Bush", None, "George W.", "Bush", "President", "United States of America")),
        ("Prime Minister KISHIDA Fumio held a meeting.",
         ("KISHIDA Fumio", None, "Fumio", "KISHIDA", "Prime Minister", None)),
        ("with H.E. Mr. Luiz Inacio Lula da Silva, President of the Federative Republic of Brazil.",
         ("H.E. Mr. Luiz Inacio Lula da Silva", "H.E. Mr.", None, None, "President", "Federative Republic of Brazil")),
        ("with H.E. Mr. Albert F. del Rosario, Secretary of Foreign Affairs of the Republic of the Philippines.",
         ("H.E. Mr. Albert F. del Rosario", "H.E. Mr.", "Albert F.", "del Rosario", "Secretary of Foreign Affairs",
          "Republic of the Philippines")),
    ],
)
def test_participant(text, expected) -> None:
    [p] = lead(text).participants[:1]
    assert (p.name, p.honorific, p.given_name, p.family_name, p.role, p.organisation) == expected


@pytest.mark.parametrize(
    "text",
    ["NATO and the EU agreed.", "The Prime Minister’s Office announced it.", "President of the French Republic.",
     "Both sides exchanged views on the situation in East Asia."],
)
def test_no_participant(text) -> None:
    assert lead(text).participants == ()


def test_secretary_general_is_a_role_not_an_honorific() -> None:
    [p] = lead("NATO Secretary General Stoltenberg welcomed it.").participants
    assert (p.name, p.honorific, p.family_name, p.role) == ("Stoltenberg", None, "Stoltenberg", "Secretary General")


def test_a_person_named_twice_is_listed_once() -> None:
    L = lead("Prime Minister Yoshihiko Noda held a meeting. Japanese officials included Prime Minister Noda.")
    assert [p.name for p in L.participants] == ["Yoshihiko Noda"]


# --- Every real lead ----------------------------------------------------------------------------

def _check_event(text: str, e) -> None:
    assert 0 <= e.extent.start < e.extent.end <= len(text)
    if e.date is not None:
        date.fromisoformat(e.date)
    if e.start is not None:
        start = datetime.fromisoformat(e.start)
        japan = datetime.fromisoformat(e.start_japan)
        assert start == japan and japan.utcoffset() == timedelta(hours=9)
        assert e.start.endswith(e.utc_offset) and e.start.startswith(e.date)
        assert e.start_text is not None
    if e.duration is not None:
        assert DURATION.match(e.duration) and e.duration_text


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_every_lead_reads_without_error_and_gives_valid_iso_values(path) -> None:
    doc = parse_bytes(path.read_bytes(), relpath(path))
    if doc.lead is None:
        return
    L = doc.lead
    if L.date is not None:
        date.fromisoformat(L.date)
    for e in L.events:
        _check_event(L.text, e)
    for p in L.participants:
        assert L.text[p.extent.start:p.extent.end].find(p.name.split()[-1].rstrip(",")) != -1
        assert p.name and (p.family_name is None or p.family_name in p.name)
    assert all(isinstance(u, str) and ": " in u for u in L.unresolved)


def test_the_reader_is_fast() -> None:
    leads = [parse_bytes(p.read_bytes(), relpath(p)).lead for p in SEEDS + CORPUS]
    leads = [L for L in leads if L is not None]
    begin = time.perf_counter()
    for L in leads:
        read_lead(L.text, L.span, L.marks, L.date)
    per_lead = (time.perf_counter() - begin) / len(leads)
    assert per_lead < 0.002, f"{per_lead * 1e6:.0f} us per lead"  # generous: shared CI machines


def test_truncated_and_garbled_leads_never_raise() -> None:
    # Corpus texts can end mid-word; every prefix of a real lead must read cleanly.
    text = corpus_lead("japan.kantei.go.jp_101_kishida_diplomatic_202407_11netherlands").text
    for end in range(0, len(text), 3):
        for date_line in (None, "2024-07-11", "not a date"):
            L = lead(text[:end], date_line)
            assert all(e.start is None or datetime.fromisoformat(e.start) for e in L.events)
    lead("İİ On July 11, commencing at 12:30 p.m. (local time; 1:30 a.m., July 12, JST) İ held a meeting.")


def test_without_participants_the_date_and_events_are_the_same() -> None:
    """What a check reads on demand (no people) agrees with the full reading on every seed and corpus lead."""
    leads = [parse_bytes(p.read_bytes(), relpath(p)).lead for p in SEEDS + CORPUS]
    leads = [L for L in leads if L is not None]
    assert any(L.participants for L in leads)
    for L in leads:
        date_line = L.date  # any date will do: both readings get the same one
        full = read_lead(L.text, L.span, L.marks, date_line)
        light = read_lead(L.text, L.span, L.marks, date_line, participants=False)
        assert light.participants == ()
        assert (light.date, light.events, light.unresolved) == (full.date, full.events, full.unresolved)
