"""Clock times as printed in readouts, and the local-time / Japan-time phrases.

``find_times`` finds every clock time ("8:35 a.m.", "16:00 pm", "6.15p.m.",
"20:20", "10:05.p.m.", "10:30 A.M.", "6 p.m.") and keeps how it was printed,
so style rules can compare notations. ``find_local_japan_pairs`` finds the
phrases that give a local time beside a Japan time ("8:35 a.m. local time
(July 11, 9:35 p.m. JST)") and ``resolve_offset`` turns one into a UTC offset.

Validity decisions (documented because rules rely on them):

- a meridiem with an hour above 12 is invalid ("16:46 a.m.", "19:05 p.m.",
  "16:00 pm"): the writer's intent cannot be told apart from a typo;
- hour 0 with a meridiem is valid: Japanese usage prints 12:20 p.m. as
  "0:20 p.m." (午後0時20分), so "0:20 p.m." is 12:20 and "0:30 a.m." is 0:30;
- "12:xx a.m." is just after midnight, "12:xx p.m." just after noon;
- hours and minutes are ASCII digits: an English readout prints its times
  so, and full-width "１０:３０" is left alone;
- a bare "hh:mm" is taken only with hour 0-23 and two-digit minutes, so
  ratios ("2:1", "50:50") are not times; a dotted "6.15" needs a meridiem,
  so decimals ("3.5 percent", "1.25") are not times; a bare hour needs one.
"""

from __future__ import annotations

import re

from .. import regex
from ..record import Record
from . import skeleton

# Starts with a digit; needs a minute or a meridiem. ASCII digits ([0-9], not \d): an English
# readout prints its clock times in ASCII, and the digits skeleton (below) knows only those.
_MERIDIEM = r"\s?\.?\s?(?P<{}>[aApP](?:\.\s?[mM](?![a-zA-Z])\.?|[mM](?![a-zA-Z])))"
_TIME = regex.compile(
    r"(?P<h>[0-9][0-9]?)(?:(?P<sep>[:.])(?P<m>[0-9][0-9])(?![\d:]|,\d)(?:" + _MERIDIEM.format("mer") + ")?"
    r"|" + _MERIDIEM.format("mer2") + ")"
)
# Where _TIME can start, in the digits skeleton: a digit, maybe a second, then a separator and two
# digits, or a meridiem up to its "m" (not just its "a" or "p": "10 percent", "3 areas" are no
# candidates to try _TIME on). A literal first: found at memchr speed, not tried everywhere.
_TIME_START = regex.compile(rb"0(?=0?(?:[:.]00|" + skeleton.SPACE + rb"?\.?" + skeleton.SPACE
                            + rb"?[aApP](?:\." + skeleton.SPACE + rb"?)?[mM]))")
# The hour may not continue a number, word, decimal, ratio or amount.
_NOT_BEFORE = frozenset("0123456789.:/$£€¥,_")
# A bare "3:16" after a capitalised word is a reference ("John 3:16", "Rom. 8:28", "No. 10:30"),
# unless the word is one that starts a sentence or names a day before a time.
_REFERENCE_WORD = regex.compile(r"([A-Z][a-z]*\.?)\s+$")
_TIME_LEADS = frozenset((
    "A An The At From Until Till To By Around About Approximately Before After Since Starting Beginning "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split())
_NOTATIONS = {(True, False): "a.m.", (True, True): "A.M.", (False, False): "am", (False, True): "AM"}


class TimeExpr(Record):
    start: int  # offsets in the text searched
    end: int
    text: str  # as printed
    hour: int  # as printed
    minute: int
    meridiem: str | None  # "am", "pm" or None
    notation: str  # "a.m.", "A.M.", "am", "AM" or "24h"
    valid: bool
    separator: str = ":"  # ":" or "." between hour and minute, "" for a bare hour

    def to_24h(self) -> tuple[int, int] | None:
        """(hour, minute) on a 24-hour clock; None when the printed time is impossible."""
        if not self.valid:
            return None
        if self.meridiem is None:
            return self.hour, self.minute
        hour = self.hour % 12
        return (hour + 12 if self.meridiem == "pm" else hour), self.minute

    def minutes(self) -> int | None:
        """Minutes since midnight, or None when invalid."""
        hm = self.to_24h()
        return None if hm is None else hm[0] * 60 + hm[1]


def _make(match: re.Match) -> TimeExpr | None:
    hour = int(match["h"])
    sep, mer = match["sep"], match["mer"] or match["mer2"]
    if mer is None:
        # Without a meridiem only a colon time with two-digit minutes is a time.
        if sep != ":" or hour > 23:
            return None
        minute = int(match["m"])
        if minute > 59:
            return None
        return TimeExpr(match.start(), match.end(), match[0], hour, minute, None, "24h", True, ":")
    minute = int(match["m"]) if match["m"] else 0
    dotted = "." in mer
    notation = _NOTATIONS[(dotted, mer[0].isupper())]
    end = match.end()
    if not dotted and match[0].endswith("."):
        end -= 1  # "7:30 pm." : the full stop ends the sentence
    meridiem = "am" if mer[0] in "aA" else "pm"
    valid = hour <= 12 and minute <= 59
    text = match.string[match.start():end]
    return TimeExpr(match.start(), end, text, hour, minute, meridiem, notation, valid, sep or "")


def _reference(text: str, at: int) -> bool:
    """A bare colon number after a capitalised word: a verse or article reference, not a time."""
    word = _REFERENCE_WORD.search(text, max(0, at - 16), at)
    return word is not None and word[1].rstrip(".") not in _TIME_LEADS


def find_times(text: str, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """Every clock time in ``text[start:end]``, in order; offsets are in ``text``.

    The pattern runs only where the digits skeleton shows a digit that
    can start a time (:mod:`convert.parse.skeleton`), about half the cost
    of running it over the whole text.
    """
    found: list[TimeExpr] = []
    for match in skeleton.finditer(_TIME, _TIME_START, text, start, end):
        expr = _accept(text, match, found)
        if expr is not None:
            found.append(expr)
    return found


def _accept(text: str, match: re.Match, found: list[TimeExpr]) -> TimeExpr | None:
    at = match.start()
    if at and (text[at - 1] in _NOT_BEFORE or text[at - 1].isalpha()):
        return None
    bare = match["mer"] is None and match["mer2"] is None
    if bare and at and text[at - 1] == "-" and not (found and found[-1].end == at - 1):
        return None  # "978-4:12": a code, not a 24-hour time ("13:00-14:00" is a range)
    if bare and _reference(text, at):
        return None
    return _make(match)


# --- Local time and Japan time -------------------------------------------------

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# Groups mon1/day1 ("July 11", "March15", "June 14th") or day2/mon2 ("26 June").
MONTH_DAY_PATTERN = (
    rf"(?:(?P<mon1>{_MONTHS})\s*(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{_MONTHS}))"
)
DATE_PATTERN = _WEEKDAY + MONTH_DAY_PATTERN
_DATE_OR_SAME = regex.compile(rf"{DATE_PATTERN}|(?P<same>(?:the\s+)?same\s+day)")
_JAPAN_LABEL = regex.compile(r"\b(?:JST|Japan(?:ese)?\s+(?:Standard\s+)?[Tt]ime|Tokyo\s+time)\b")
_LOCAL_LABEL = regex.compile(r"\blocal\s+time\b", re.I)
# Other zones: "PST", "UK time", "U.S. Western Standard Time", "GMT".
_OTHER_LABEL = regex.compile(
    r"\b(?:[A-Z]{1,4}[SD]?T|UTC|GMT)\b|(?:[A-Z][\w.]*\s+){1,3}(?:Standard\s+|Daylight\s+)?[Tt]ime\b"
)
# What may follow a time before its bracket: " local time", " on October 29", commas.
_TAIL = regex.compile(
    rf"(?P<on>\s+on\s+{DATE_PATTERN})?(?P<lt>\s*,?\s*local\s+time\b)?\s*,?\s*"
    r"(?:\((?P<inner>[^()]{1,90})\)|(?P<bare>JST|Japan\s+(?:Standard\s+)?[Tt]ime)\b)"
)
MONTH_NUMBER = {name: i for i, name in enumerate(
    "january february march april may june july august september october november december".split(), 1)}


def month_number(name: str) -> int:
    """1-12 for a full or abbreviated month name as printed."""
    key = name.rstrip(".").lower()
    if key in MONTH_NUMBER:
        return MONTH_NUMBER[key]
    return next(n for full, n in MONTH_NUMBER.items() if full.startswith(key))


class LocalJapanPair(Record):
    """A time with its zone wording.

    ``kind``: ``local+japan`` (a local time and the Japan time beside it),
    ``local`` (marked local time, no Japan time), ``japan`` (the time is
    itself marked as Japan time; then ``japan`` is ``local``, so their
    difference gives +09:00), ``other`` (another zone: "(PST)", or a second
    time in another zone). ``style`` is the phrase with times as ``T`` and
    dates as ``D``: "T local time (D, T JST)", "T (local time; D, T Japan time)".
    """

    local: TimeExpr
    japan: TimeExpr | None
    japan_date_text: str | None  # as printed: "July 11", "June 14th", "same day"
    japan_month_day: tuple[int, int] | None  # from japan_date_text when it names a date
    japan_same_day: bool  # "on the same day"
    start: int  # the whole phrase
    end: int
    style: str
    kind: str
    zone: str | None  # the printed label: "JST", "Japan time", "PST"; None when unlabelled


# How every month of _MONTHS begins ("Sept." too): a date in the pattern's sense names one.
_MONTH_HEADS = tuple(dict.fromkeys(name[:3] for name in _MONTHS.split("|")))


def _date_in(text: str, start: int, end: int) -> re.Match | None:
    """``_DATE_OR_SAME.search(text, start, end)``, run only when a month's name or "same" is there.

    The pattern starts with no literal, so it is tried at every character;
    a bracket such as "(9:35 p.m. JST)" names neither, which ``in`` tells
    at C speed.
    """
    inner = text[start:end]
    if "same" not in inner and not any(head in inner for head in _MONTH_HEADS):
        return None
    return _DATE_OR_SAME.search(text, start, end)


def _month_day(match: re.Match | None) -> tuple[int, int] | None:
    if match is None or match["same"]:
        return None
    mon, day = (match["mon1"], match["day1"]) if match["mon1"] else (match["mon2"], match["day2"])
    return month_number(mon), int(day)


def _style(text: str, start: int, end: int, times: list[TimeExpr], dates: list[re.Match]) -> str:
    """The phrase with each time replaced by T and each date by D."""
    cuts = sorted([(t.start, t.end, "T") for t in times] + [(d.start(), d.end(), "D") for d in dates])
    out, pos = [], start
    for a, b, sym in cuts:
        out.append(text[pos:a])
        out.append(sym)
        pos = b
    out.append(text[pos:end])
    return " ".join("".join(out).split())


def _pair_at(text: str, anchor: TimeExpr) -> LocalJapanPair | None:
    tail = _TAIL.match(text, anchor.end)
    if tail is None:
        return None
    dates = [_DATE_OR_SAME.search(text, *tail.span("on"))] if tail["on"] else []
    if tail["bare"]:
        return LocalJapanPair(anchor, anchor, None, None, False, anchor.start, tail.end(),
                              _style(text, anchor.start, tail.end(), [anchor], dates), "japan", tail["bare"])
    a, b = tail.span("inner")
    inner_times = find_times(text, a, b)
    japan_label = _JAPAN_LABEL.search(text, a, b)
    local_label = bool(tail["lt"]) or bool(_LOCAL_LABEL.search(text, a, b))
    end = tail.end()
    if inner_times:
        other = text[a:b]
        if japan_label is None and not local_label:
            if not _OTHER_LABEL.search(other):
                return None  # "(8:00 p.m.)": no zone said
            return _other(text, anchor, tail, inner_times, dates)
        japan = inner_times[0]
        date = _date_in(text, a, b)
        dates = dates + ([date] if date else [])
        zone = japan_label[0] if japan_label else None
        return LocalJapanPair(anchor, japan, date[0] if date else None, _month_day(date),
                              bool(date and date["same"]), anchor.start, end,
                              _style(text, anchor.start, end, [anchor, *inner_times], dates), "local+japan", zone)
    style = _style(text, anchor.start, end, [anchor], dates)
    if japan_label and not local_label:
        return LocalJapanPair(anchor, anchor, None, None, False, anchor.start, end, style, "japan", japan_label[0])
    if local_label:
        return LocalJapanPair(anchor, None, None, None, False, anchor.start, end, style, "local", None)
    zone = _OTHER_LABEL.search(text, a, b)
    if zone is None:
        return None
    return LocalJapanPair(anchor, None, None, None, False, anchor.start, end, style, "other", zone[0])


def _other(text, anchor, tail, inner_times, dates) -> LocalJapanPair:
    """A bracket giving the time in a zone other than Japan's."""
    a, b = tail.span("inner")
    label = _OTHER_LABEL.search(text, a, b)
    style = _style(text, anchor.start, tail.end(), [anchor, *inner_times], dates)
    return LocalJapanPair(anchor, None, None, None, False, anchor.start, tail.end(), style, "other", label[0])


def find_local_japan_pairs(text: str, times: list[TimeExpr] | None = None) -> list[LocalJapanPair]:
    """Every time with zone wording after it, in order, non-overlapping.

    ``times`` is ``find_times(text)`` when the caller already has it.
    """
    pairs: list[LocalJapanPair] = []
    covered = -1
    for anchor in find_times(text) if times is None else times:
        if anchor.start < covered:
            continue  # the Japan time inside the previous phrase
        pair = _pair_at(text, anchor)
        if pair is not None:
            pairs.append(pair)
            covered = pair.end
    return pairs


# --- Offsets ----------------------------------------------------------------

# Every UTC offset in use since 1995 (tzdb), in minutes: includes North Korea's
# +08:30 (2015-2018), Venezuela's -04:30 (2007-2016), Chatham +12:45/+13:45.
REAL_OFFSETS = frozenset(h * 60 for h in range(-12, 15)) | frozenset(
    (-570, -270, -210, -150, 210, 270, 330, 345, 390, 510, 525, 570, 630, 690, 765, 825))
JAPAN_OFFSET = 540


def is_real_offset(minutes: int) -> bool:
    return minutes in REAL_OFFSETS


def format_offset(minutes: int) -> str:
    """+09:00 style."""
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def resolve_offset(local_minutes: int, japan_minutes: int, day_shift: int | None) -> int | None:
    """The local UTC offset in minutes, or None.

    ``day_shift`` is the Japan date minus the local date in days when printed
    (0 for "same day"); with None the shift that gives a real offset is used,
    and None is returned when no shift or more than one does.
    """
    if day_shift is not None:
        offset = JAPAN_OFFSET - (japan_minutes + 1440 * day_shift - local_minutes)
        return offset if is_real_offset(offset) else None
    found = [JAPAN_OFFSET - (japan_minutes + 1440 * k - local_minutes) for k in (-1, 0, 1)]
    real = [o for o in found if is_real_offset(o)]
    return real[0] if len(real) == 1 else None


__all__ = [
    "TimeExpr", "find_times", "LocalJapanPair", "find_local_japan_pairs", "REAL_OFFSETS", "JAPAN_OFFSET",
    "is_real_offset", "format_offset", "resolve_offset", "month_number", "DATE_PATTERN", "MONTH_DAY_PATTERN",
]
