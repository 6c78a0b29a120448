"""Clock times as printed, local/Japan time phrases and UTC offsets."""

from __future__ import annotations

import pytest

from convert.parse.durations import find_durations, iso_duration
from convert.parse.timeexpr import (
    REAL_OFFSETS, find_local_japan_pairs, find_times, format_offset, is_real_offset, resolve_offset,
)


def one(text: str):
    found = find_times(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, hour, minute, meridiem, notation, separator, hm",
    [
        ("8:35 a.m.", 8, 35, "am", "a.m.", ":", (8, 35)),
        ("6:20 p.m.", 6, 20, "pm", "a.m.", ":", (18, 20)),
        ("6.15p.m.", 6, 15, "pm", "a.m.", ".", (18, 15)),
        ("20:20", 20, 20, None, "24h", ":", (20, 20)),
        ("10:05.p.m.", 10, 5, "pm", "a.m.", ":", (22, 5)),
        ("10:30 A.M.", 10, 30, "am", "A.M.", ":", (10, 30)),
        ("12:25 P.M.", 12, 25, "pm", "A.M.", ":", (12, 25)),
        ("6 p.m.", 6, 0, "pm", "a.m.", "", (18, 0)),
        ("11am", 11, 0, "am", "am", "", (11, 0)),
        ("10:00AM", 10, 0, "am", "AM", ":", (10, 0)),
        ("6:40 PM", 6, 40, "pm", "AM", ":", (18, 40)),
        ("02:35 a.m.", 2, 35, "am", "a.m.", ":", (2, 35)),
        ("0:20 p.m.", 0, 20, "pm", "a.m.", ":", (12, 20)),  # Japanese usage: 12:20 p.m.
        ("12:05 a.m.", 12, 5, "am", "a.m.", ":", (0, 5)),
    ],
)
def test_a_printed_time_is_read_with_its_notation(text, hour, minute, meridiem, notation, separator, hm) -> None:
    t = one(f"commencing at {text} for")
    assert (t.text, t.hour, t.minute, t.meridiem, t.notation, t.separator) == (text, hour, minute, meridiem, notation,
                                                                                 separator)
    assert t.valid and t.to_24h() == hm
    assert t.start == len("commencing at ") and t.end == t.start + len(text)


def test_a_sentence_full_stop_after_am_pm_is_not_part_of_the_time() -> None:
    t = one("The meeting started at 7:30 pm.")
    assert t.text == "7:30 pm" and t.notation == "am"


@pytest.mark.parametrize("text", ["16:46 a.m.", "19:05 p.m.", "16:00 pm", "23:00 p.m.", "13:00 PM", "18:10 p.m."])
def test_a_meridiem_with_an_hour_above_twelve_is_invalid(text) -> None:
    t = one(f"at {text} JST")
    assert t.text == text and not t.valid and t.to_24h() is None and t.minutes() is None


def test_minutes_above_59_with_a_meridiem_are_invalid() -> None:
    assert not one("at 7:75 p.m.").valid


@pytest.mark.parametrize(
    "text",
    [
        "July 11, 2024", "1. Introduction", "(1) At the outset", "3.5 percent", "a ratio of 2:1", "a 50:50 split",
        "$1.50 per unit", "1.25", "10 amendments", "5 PMs", "in 2024 pm", "10:30:45", "ISBN 978-4:12",
        "25:00", "Article 9.", "John 3:16", "Rom. 8:28", "Gen 1:27", "No. 10:30", "a map at 1:25,000",
    ],
)
def test_numbers_that_are_not_times_are_not_found(text) -> None:
    assert [t.text for t in find_times(text)] == []


def test_a_time_in_full_width_digits_is_not_read() -> None:
    # Times are read in ASCII digits only: an English readout prints them so, and the digits skeleton
    # (convert/parse/skeleton.py) that finds where a time can start knows no others.
    assert [t.text for t in find_times("at \uff11\uff10:\uff13\uff10 a.m. and at 10:30 a.m.")] == ["10:30 a.m."]
    assert len(find_times("at \uff11\uff10:\uff13\uff10 a.m.")) == 0


def test_bare_times_after_time_words_and_in_ranges_are_found() -> None:
    text = "At 18:30, a 10:30 meeting, on Tuesday 17:45, from 13:00-14:00 (20:20)"
    assert [t.text for t in find_times(text)] == ["18:30", "10:30", "17:45", "13:00", "14:00", "20:20"]


def test_every_time_in_order_with_offsets() -> None:
    text = "from approximately 10:30 A.M. to 11:15 A.M. and a working lunch (from 11:40 A.M. to 12:25 P.M.)"
    found = find_times(text)
    assert [t.text for t in found] == ["10:30 A.M.", "11:15 A.M.", "11:40 A.M.", "12:25 P.M."]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_find_times_searches_a_range() -> None:
    text = "6:20 p.m. then 7:10 p.m."
    assert [t.text for t in find_times(text, 10)] == ["7:10 p.m."]


# --- Local time and Japan time ------------------------------------------------------------------

@pytest.mark.parametrize(
    "phrase, style, zone, japan_text, month_day, same_day",
    [
        ("8:35 a.m. local time (July 11, 9:35 p.m. JST)", "T local time (D, T JST)", "JST", "July 11", (7, 11), False),
        ("12:25 p.m. (local time; June 14, 7:25 p.m. Japan time)", "T (local time; D, T Japan time)", "Japan time",
         "June 14", (6, 14), False),
        ("2:55 p.m. (local time. 4:55 p.m., Japan time.)", "T (local time. T, Japan time.)", "Japan time", None, None,
         False),
        ("7:35 p.m. local time, (02:35 a.m. on June 14th, Japan time)", "T local time, (T on D, Japan time)",
         "Japan time", "June 14th", (6, 14), False),
        ("8:00 am local time (16:00 pm Japan time)", "T local time (T Japan time)", "Japan time", None, None, False),
        ("6.15p.m. (local time, on October 10, 9.45p.m.)", "T (local time, on D, T)", None, "October 10", (10, 10),
         False),
        ("9:05 a.m. (at 10:05.p.m. JST)", "T (at T JST)", "JST", None, None, False),
        ("12:30 p.m. (local time; 1:30 a.m., July 12, JST)", "T (local time; T, D, JST)", "JST", "July 12", (7, 12),
         False),
        ("11:20 a.m. (local time; same day, 6:20 p.m. JST)", "T (local time; D, T JST)", "JST", "same day", None, True),
        ("12:00 p.m. (8:00 p.m. on the same day, Japan Time)", "T (T on D, Japan Time)", "Japan Time", "the same day",
         None, True),
        ("6:15pm local time (9:15am, 26 June Japan time)", "T local time (T, D Japan time)", "Japan time", "26 June",
         (6, 26), False),
    ],
)
def test_local_and_japan_time_pairs(phrase, style, zone, japan_text, month_day, same_day) -> None:
    text = f"On July 11, commencing at {phrase} for approximately 25 minutes."
    pairs = find_local_japan_pairs(text)
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.kind == "local+japan"
    assert text[pair.start:pair.end] == phrase
    assert (pair.style, pair.zone, pair.japan_date_text, pair.japan_month_day, pair.japan_same_day) == (
        style, zone, japan_text, month_day, same_day)
    assert pair.local.start == pair.start and pair.japan is not None and pair.japan.start > pair.local.end


@pytest.mark.parametrize(
    "phrase, kind, zone",
    [
        ("6:30 p.m. (JST)", "japan", "JST"),
        ("6:10 p.m. (Japan Time)", "japan", "Japan Time"),
        ("10:00AM (Japan Standard Time)", "japan", "Japan Standard Time"),
        ("8:15pm JST", "japan", "JST"),
        ("4:00 p.m. (local time)", "local", None),
        ("4:30 p.m.(local time)", "local", None),
        ("8:30 a.m. on October 29 (local time)", "local", None),
        ("11:20am (UK time)", "other", "UK time"),
        ("12:00 P.M. (PST)", "other", "PST"),
        ("1:30 p.m. (Thursday, April 12, 9:20 p.m., U.S. Western Standard Time)", "other",
         "U.S. Western Standard Time"),
    ],
)
def test_a_time_marked_with_one_zone(phrase, kind, zone) -> None:
    text = f"commencing at {phrase} for 20 minutes"
    [pair] = find_local_japan_pairs(text)
    assert (pair.kind, pair.zone, text[pair.start:pair.end]) == (kind, zone, phrase)
    if kind == "japan":
        assert pair.japan is pair.local  # their difference is +09:00
    else:
        assert pair.japan is None


@pytest.mark.parametrize(
    "text",
    ["commencing at 6:20 p.m. for approximately 25 minutes", "from 10:30 A.M. (8:00 p.m.) to 11 a.m.",
     "On January 12, 2023 (local time), Prime Minister Kishida visited Washington D.C."],
)
def test_times_without_zone_wording_give_no_pair(text) -> None:
    assert find_local_japan_pairs(text) == []


def test_pairs_reuse_given_times() -> None:
    text = "at 8:35 a.m. local time (July 11, 9:35 p.m. JST)"
    assert find_local_japan_pairs(text, find_times(text)) == find_local_japan_pairs(text)


# --- Offsets -------------------------------------------------------------------------------------

def test_real_offsets_span_minus_12_to_plus_14_in_quarter_hours() -> None:
    assert min(REAL_OFFSETS) == -720 and max(REAL_OFFSETS) == 840
    assert all(o % 15 == 0 for o in REAL_OFFSETS)
    assert is_real_offset(330) and is_real_offset(345) and is_real_offset(-210)
    assert not is_real_offset(60 * 15) and not is_real_offset(135) and not is_real_offset(1560)


@pytest.mark.parametrize("minutes, text", [(540, "+09:00"), (-240, "-04:00"), (330, "+05:30"), (0, "+00:00"),
                                           (-570, "-09:30")])
def test_format_offset(minutes, text) -> None:
    assert format_offset(minutes) == text


def test_resolve_offset_with_a_printed_day_shift() -> None:
    assert resolve_offset(8 * 60 + 35, 21 * 60 + 35, 0) == -240  # seed 002: Washington in July
    assert resolve_offset(12 * 60 + 30, 90, 1) == -240  # 12:30 p.m. local, 1:30 a.m. next day in Japan
    assert resolve_offset(19 * 60 + 35, 2 * 60 + 35, 0) is None  # Italy 7:35 p.m., "02:35 a.m. on June 14th": wrong day
    assert resolve_offset(19 * 60 + 35, 2 * 60 + 35, 1) == 120


def test_resolve_offset_without_a_date_takes_the_only_real_shift() -> None:
    assert resolve_offset(19 * 60 + 35, 2 * 60 + 35, None) == 120
    assert resolve_offset(14 * 60 + 55, 16 * 60 + 55, None) == 420
    assert resolve_offset(8 * 60, 3 * 60, None) is None  # +14:00 or -10:00: ambiguous
    assert resolve_offset(10 * 60, 10 * 60 + 7, None) is None  # seven minutes: no real offset


# --- Durations -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "phrase, iso, text, approximate",
    [
        ("for approximately 25 minutes", "PT25M", "approximately 25 minutes", True),
        ("for about 55 minutes", "PT55M", "about 55 minutes", True),
        ("for around 30 minutes", "PT30M", "around 30 minutes", True),
        ("for 35 minutes", "PT35M", "35 minutes", False),
        ("for approximately one and a half hours", "PT1H30M", "approximately one and a half hours", True),
        ("for one hour and 30 minutes", "PT1H30M", "one hour and 30 minutes", False),
        ("for one hour and twenty minutes", "PT1H20M", "one hour and twenty minutes", False),
        ("for approximately 2 hours and 25 minutes", "PT2H25M", "approximately 2 hours and 25 minutes", True),
        ("for approximately one hour", "PT1H", "approximately one hour", True),
        ("(for approximately 60 minutes, simultaneous interpretation)", "PT1H", "approximately 60 minutes", True),
        ("for approximately 55minutes", "PT55M", "approximately 55minutes", True),
        ("lasting a total of approximately 30 minutes", "PT30M", "approximately 30 minutes", True),
        ("for half an hour", "PT30M", "half an hour", False),
        ("for twenty-five minutes", "PT25M", "twenty-five minutes", False),
        ("the 20-minute meeting", "PT20M", "20-minute", False),
        ("a 2-hour session", "PT2H", "2-hour", False),
    ],
)
def test_durations(phrase, iso, text, approximate) -> None:
    [d] = find_durations(f"X held a meeting {phrase}.")
    assert (d.iso(), d.text, d.approximate) == (iso, text, approximate)


@pytest.mark.parametrize("text", ["The first 20 minutes of the summit meeting", "before 10 minutes passed",
                                  "for the first time in twenty years", "a 20-minutes walk"])
def test_phrases_that_are_not_durations(text) -> None:
    assert find_durations(text) == []


def test_iso_duration() -> None:
    assert [iso_duration(m) for m in (0, 25, 60, 90, 145)] == ["PT0M", "PT25M", "PT1H", "PT1H30M", "PT2H25M"]
