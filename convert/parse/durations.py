"""When and for how long: the timing facts of a lead.

- durations as printed ("for approximately 25 minutes" -> PT25M). Only
  phrases introduced by "for" or "lasting" count, so "The first 20 minutes
  of the summit meeting" is not a meeting's length; "the 20-minute meeting"
  counts too;
- printed dates ("On January 31,", "26 June", "March15") and their year;
- timing tokens: a start time with its zone phrase and its date, a range
  ("from 10:30 A.M. to 11:15 A.M."), a duration;
- the start of an event as ISO 8601 with its UTC offset, when derivable.

Everything is found from literal cues (str.find) and matched there: scanning
a whole lead with a pattern is what costs time.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .. import regex
from ..record import Record, new_record
from .timeexpr import (
    DATE_PATTERN, JAPAN_OFFSET, LocalJapanPair, TimeExpr, format_offset, resolve_offset,
)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
# Matched at a month name found by str.find: "July 11, 2024", "March15", "June 14th"; "26 June 2002".
_DAY_AFTER = regex.compile(r"\s*(?P<day>\d\d?)(?:st|nd|rd|th)?(?!\d)(?:,?\s*(?P<year>(?:19|20)\d\d)\b)?")
_DAY_BEFORE = regex.compile(r"(?<![\d.,:])(?P<day>\d\d?)(?:st|nd|rd|th)?\s+\Z")
_YEAR_AFTER = regex.compile(r",?\s*(?P<year>(?:19|20)\d\d)\b")
_ON_DATE = regex.compile(rf"\s+on\s+(?:{DATE_PATTERN})")
_APPROX_BEFORE = regex.compile(
    r"(?:around|about|approximately|approx\.|roughly|just\s+after|just\s+past|a\s+little\s+past|shortly\s+after)"
    r"\s+\Z")
_ISO_DATE = regex.compile(r"\d{4}-\d\d-\d\d\Z")
_RANGE_JOIN = regex.compile(r"\s*(?:to|until|till|[-–—])\s*(?:approximately\s+|about\s+)?")

_UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
         "seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORDS = {word: i for i, word in enumerate(_UNITS, 1)} | _TENS
_NUM = rf"(?:\d{{1,3}}|(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[:9])}))?|{'|'.join(_UNITS)})"
_APPROX_WORDS = r"approximately|about|around|roughly|some|nearly|almost|over|more\s+than|just\s+over|" \
                r"a\s+little\s+over|just\s+under|less\s+than|up\s+to|approx\."
_AMOUNT = (
    rf"(?:(?P<hn>{_NUM}|an?)\s*(?P<hhalf>and\s+a\s+half\s+)?hours?"
    rf"(?:\s*(?P<half>and\s+a\s+half)|,?\s*(?:and\s+)?(?P<hm>{_NUM})\s*minutes?)?"
    rf"|half\s+an\s+hour|(?P<mn>{_NUM})\s*minutes?)"
)
# Matched only where a cue ("minute", "hour") was found: scanning the whole text is the slow part.
_DURATION = regex.compile(
    rf"(?P<intro>[Ff]or|[Ll]asting(?:\s+a\s+total\s+of)?|totall?ing)\s+"
    rf"(?P<body>(?P<approx>(?:{_APPROX_WORDS})\s+)?{_AMOUNT})\b"
)
_ADJECTIVAL = regex.compile(rf"(?<![\w-])(?P<adj>{_NUM})-\Z")
_INTROS = ("for ", "For ", "lasting ", "totalling ", "totaling ", "for\u00a0")


class Duration(Record):
    start: int  # the whole phrase, "for" included
    end: int
    text: str  # as printed without "for": "approximately 25 minutes"
    minutes: int
    approximate: bool

    def iso(self) -> str:
        return iso_duration(self.minutes)


def iso_duration(minutes: int) -> str:
    """PT25M, PT1H, PT1H30M; PT0M for zero."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"PT{rest}M"
    return f"PT{hours}H{rest}M" if rest else f"PT{hours}H"


def number(word: str) -> int:
    """A numeral or English number word ("twenty-five", "an") as an int."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    parts = re.split(r"[- ]", word)
    return sum(_WORDS[p] for p in parts)


def _minutes(match: re.Match) -> int:
    if match["mn"]:
        return number(match["mn"])
    if match["hn"] is None:
        return 30  # "half an hour"
    total = number(match["hn"]) * 60
    if match["hhalf"] or match["half"]:
        total += 30
    if match["hm"]:
        total += number(match["hm"])
    return total


def find_durations(text: str) -> list[Duration]:
    """Every duration phrase in ``text``, in order."""
    found: dict[int, Duration] = {}
    for cue in ("minute", "hour"):
        i = text.find(cue)
        while i != -1:
            duration = _at(text, i)
            if duration is not None:
                found.setdefault(duration.start, duration)
            i = text.find(cue, i + 4)
    return [found[k] for k in sorted(found)]


def _at(text: str, cue: int) -> Duration | None:
    """The duration phrase ending at the unit word at ``cue``."""
    if text[cue - 1:cue] == "-":  # "the 20-minute meeting", "a 2-hour session"
        adj = _ADJECTIVAL.search(text, max(0, cue - 14), cue)
        unit = "minute" if text.startswith("minute", cue) else "hour"
        if adj is None or text[cue + len(unit):cue + len(unit) + 1].isalpha():
            return None
        amount = number(adj["adj"]) * (1 if unit == "minute" else 60)
        end = cue + len(unit)
        return Duration(adj.start(), end, text[adj.start():end], amount, False)
    window = max(0, cue - 70)
    intro = max(text.rfind(word, window, cue) for word in _INTROS)
    if intro == -1 or (intro > 0 and text[intro - 1].isalpha()):  # "before 10 minutes"
        return None
    match = _DURATION.match(text, intro)
    if match is None or match.end() <= cue:
        return None
    return Duration(match.start(), match.end(), match["body"], _minutes(match), bool(match["approx"]))


# --- Printed dates -----------------------------------------------------------------

class PrintedDate(Record):
    """A date as printed in the lead ("On Sunday, June 16," gives June 16), year None when not printed."""

    start: int
    end: int
    text: str
    month: int
    day: int
    year: int | None


def find_dates(text: str) -> list[PrintedDate]:
    """Printed dates, in order; month names are found with str.find (fast), the rest matched around them."""
    found = []
    for month, name in enumerate(_MONTHS, 1):
        i = text.find(name)
        while i != -1:
            end = i + len(name)
            if not text[end:end + 1].isalpha() and (printed := _date_at(text, i, end, month)):
                found.append(printed)
            i = text.find(name, end)
    found.sort(key=lambda d: d.start)
    return found


def _date_at(text: str, i: int, end: int, month: int) -> PrintedDate | None:
    if after := _DAY_AFTER.match(text, end):
        year = int(after["year"]) if after["year"] else None
        stop = after.end()
        return new_record(PrintedDate, (i, stop, text[i:stop], month, int(after["day"]), year))
    if before := _DAY_BEFORE.search(text, max(0, i - 8), i):
        year = _YEAR_AFTER.match(text, end)
        stop = year.end() if year else end
        begin = before.start()
        return new_record(PrintedDate, (begin, stop, text[begin:stop], month, int(before["day"]),
                                         int(year["year"]) if year else None))
    return None


def in_bracket(text: str, pair: LocalJapanPair, pos: int) -> bool:
    """True inside the bracket of a time phrase: "(July 11, 9:35 p.m. JST)" dates Japan time."""
    inner = text.find("(", pair.local.end, pair.end)
    return inner != -1 and inner < pos < pair.end


def iso_date(printed: PrintedDate, date_line: str | None, unresolved: list[str]) -> str | None:
    """ISO date of a printed date; the year from the date line when not printed."""
    month, day = printed.month, printed.day
    if printed.year:
        year = printed.year
    elif date_line and _ISO_DATE.match(date_line):
        year = nearest_year(month, day, date.fromisoformat(date_line))
    else:
        unresolved.append("date: no year printed and no date line")
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        unresolved.append(f"date: {printed.text} is not a valid date")
        return None


def nearest_year(month: int, day: int, anchor: date) -> int:
    """The year putting month/day nearest the date line: December events dated in January."""
    if month - anchor.month > 6:
        return anchor.year - 1
    if anchor.month - month > 6:
        return anchor.year + 1
    return anchor.year


# --- Timing tokens -----------------------------------------------------------------

class Timing:
    """A start time and/or a duration found in the lead (its date and range end are filled in later)."""

    __slots__ = ("start", "end", "time", "pair", "on_date", "duration", "range_minutes", "range_text", "approximate")

    def __init__(self, start: int, end: int, time: TimeExpr | None = None, pair: LocalJapanPair | None = None, *,
                 duration: Duration | None = None, approximate: bool = False) -> None:
        self.start = start
        self.end = end
        self.time = time
        self.pair = pair
        self.on_date: PrintedDate | None = None  # "8:30 a.m. on October 29"
        self.duration = duration
        self.range_minutes: int | None = None
        self.range_text: str | None = None
        self.approximate = approximate

    def __repr__(self) -> str:
        return f"Timing({', '.join(f'{name}={getattr(self, name)!r}' for name in self.__slots__)})"


def find_timings(text: str, times: list[TimeExpr], pairs: list[LocalJapanPair],
                 dates: list[PrintedDate]) -> list[Timing]:
    """Start times (with their zone phrase, date or range end) and durations, in order."""
    by_anchor = {p.local.start: p for p in pairs}
    found: list[Timing] = []
    skip_until = -1
    for t in times:
        if t.start < skip_until:
            continue  # a Japan time inside a pair, or the end of a range
        pair = by_anchor.get(t.start)
        end = pair.end if pair else t.end
        approximate = _APPROX_BEFORE.search(text, max(0, t.start - 22), t.start) is not None
        timing = Timing(t.start, end, t, pair, approximate=approximate)
        if text.startswith(" on ", t.end) and (on := _ON_DATE.match(text, t.end)):
            timing.on_date = next((d for d in dates if d.start >= t.end and d.end <= on.end()), None)
        skip_until = end
        join = _RANGE_JOIN.match(text, end)
        if join and pair is None:
            nxt = next((u for u in times if u.start == join.end()), None)
            if nxt is not None:
                _set_range(timing, t, nxt, text)
                skip_until = timing.end = nxt.end
        found.append(timing)
    found += _duration_timings(text)
    found.sort(key=lambda t: t.start)
    return found


def _set_range(timing: Timing, first: TimeExpr, last: TimeExpr, text: str) -> None:
    a, b = first.minutes(), last.minutes()
    if a is not None and b is not None:
        timing.range_minutes = (b - a) % 1440
    timing.range_text = text[first.start:last.end]


def _duration_timings(text: str) -> list[Timing]:
    if "minute" not in text and "hour" not in text:
        return []
    return [Timing(d.start, d.end, duration=d, approximate=d.approximate) for d in find_durations(text)]


# --- The start instant ----------------------------------------------------------

_Start = tuple[str | None, str | None, str | None, str | None]


def event_date(timing: Timing | None, dates: list[PrintedDate], start: int, lead_date: str | None,
               date_line: str | None) -> tuple[str | None, tuple[int, int] | None]:
    """(ISO date, (month, day)): the date printed with the time, else the nearest before, else the lead's."""
    if timing is not None and timing.on_date is not None:
        printed = timing.on_date
    else:
        before = [d for d in dates if d.start < start] or dates[:1]
        printed = before[-1] if before else None
    if printed is None:
        return lead_date, None
    return iso_date(printed, date_line, []), (printed.month, printed.day)


def start_facts(text: str, timing: Timing | None, day: str | None, month_day: tuple[int, int] | None,
                abroad: bool, unresolved: list[str]) -> _Start:
    """(start, start_japan, japan_time_text, utc_offset) of a timed event."""
    if timing is None:
        return None, None, None, None
    t, pair = timing.time, timing.pair
    if not t.valid:
        unresolved.append(f"time: {t.text} is not a valid time")
        return None, None, None, None
    kind = pair.kind if pair else None
    if kind == "local+japan":
        return _from_pair(text, t, pair, day, month_day, unresolved)
    if kind in ("local", "other") or (kind is None and abroad):
        unresolved.append("start offset: local time abroad without Japan time")
        return None, None, None, None
    japan_text = text[t.start:pair.end] if kind == "japan" else None
    if day is None and month_day is None:
        unresolved.append(f"start: no date printed for {t.text}")
    return _instant(day, t, JAPAN_OFFSET) + (japan_text, format_offset(JAPAN_OFFSET))


def _from_pair(text: str, t: TimeExpr, pair: LocalJapanPair, day: str | None, month_day: tuple[int, int],
               unresolved: list[str]) -> _Start:
    japan = pair.japan
    inner_end = pair.end - 1 if text[pair.end - 1] == ")" else pair.end
    japan_text = text[japan.start:inner_end].rstrip(" ,;")
    if japan_text.endswith(".") and not japan_text.lower().endswith(("a.m.", "p.m.")):
        japan_text = japan_text[:-1].rstrip(" ,;")  # "(local time. 4:55 p.m., Japan time.)"
    if not japan.valid:
        unresolved.append(f"time: {japan.text} is not a valid time")
        return None, None, japan_text, None
    shift = 0 if pair.japan_same_day else None
    if pair.japan_month_day and month_day:
        shift = _day_shift(day, month_day, pair.japan_month_day)
    offset = resolve_offset(t.minutes(), japan.minutes(), shift)
    if offset is None:
        if shift is not None and resolve_offset(t.minutes(), japan.minutes(), None) is not None:
            unresolved.append(f"start offset: Japan date {pair.japan_date_text} does not fit the date roll-over")
        else:
            unresolved.append(f"start offset: {t.text} and {japan.text} (Japan) differ by no real UTC offset")
        return None, None, japan_text, None
    return _instant(day, t, offset) + (japan_text, format_offset(offset))


def _day_shift(day: str | None, local_md: tuple[int, int], japan_md: tuple[int, int]) -> int | None:
    """Japan date minus local date in days; a leap year stands in when the year is unknown."""
    try:
        local = date.fromisoformat(day) if day else date(2000, *local_md)
        month, dom = japan_md
        return (date(nearest_year(month, dom, local), month, dom) - local).days
    except ValueError:
        return None


def _instant(day: str | None, t: TimeExpr, offset: int) -> tuple[str | None, str | None]:
    """The ISO date-time at ``offset`` and the same instant in Japan time."""
    if day is None:
        return None, None
    hour, minute = t.to_24h()
    local = date.fromisoformat(day)
    in_japan = hour * 60 + minute - offset + JAPAN_OFFSET
    japan_day = local + timedelta(days=in_japan // 1440)
    jh, jm = divmod(in_japan % 1440, 60)
    return (f"{day}T{hour:02d}:{minute:02d}:00{format_offset(offset)}",
            f"{japan_day.isoformat()}T{jh:02d}:{jm:02d}:00+09:00")


__all__ = [
    "Duration", "find_durations", "iso_duration", "number", "PrintedDate", "find_dates", "iso_date", "nearest_year",
    "in_bracket", "Timing", "find_timings", "event_date", "start_facts",
]
