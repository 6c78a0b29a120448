"""Time: clock times, local and Japan time, and the events of the lead.

Times are read by :mod:`convert.parse.timeexpr` (never by a second parser
here) from the document's content, residue left out. The house style for a
meeting abroad gives the local time first and the Japan time beside it:
``12:25 p.m. (local time; June 14, 7:25 p.m. Japan time)``; set another
example with ``time-style`` in the configuration.
"""

from __future__ import annotations

import re
from collections import Counter

from ..parse.timeexpr import DATE_PATTERN, find_local_japan_pairs, find_times, format_offset, resolve_offset
from .base import Finding, Rule, register

DEFAULT_TIME_STYLE = "12:25 p.m. (local time; June 14, 7:25 p.m. Japan time)"
_DATE = re.compile(DATE_PATTERN)
_MONTH_NUMBER = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_APPROXIMATE_SLACK = 5  # minutes two "approximately" events may seem to overlap by


# A digit followed by ":" or "." and two digits, or by a meridiem: where a clock time may stand.
# Looked for first because it is cheap; the time parser then reads only the lines that have one.
_CANDIDATE = re.compile(r"\d(?:[:.]\d\d|\s?\.?\s?[aApP]\.?\s?[mM])")
_ZONE_WORDS = ("local", "JST", "apan", "Tokyo")


def _time_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` holding a clock-time candidate."""
    lines = []
    last_end = -1
    for m in _CANDIDATE.finditer(text):
        if m.start() < last_end:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        last_end = end if end != -1 else len(text)
        lines.append((start, last_end))
    return lines


def times(ctx):
    """Every clock time of the content (shared by the TM rules)."""
    return ctx.shared("times", _times)


def _times(ctx):
    text = ctx.prose
    return [t for a, b in _time_lines(text) for t in find_times(text, a, b)]


class _Pair:
    """A local/Japan time pair read from one line, with its offsets made absolute."""

    __slots__ = ("pair", "base")

    def __init__(self, pair, base: int) -> None:
        self.pair, self.base = pair, base

    def __getattr__(self, name):
        return getattr(self.pair, name)

    @property
    def start(self) -> int:
        return self.base + self.pair.start

    @property
    def end(self) -> int:
        return self.base + self.pair.end


def pairs(ctx):
    return ctx.shared("local-japan-pairs", _pairs)


def _pairs(ctx):
    text = ctx.prose
    found = []
    for a, b in _time_lines(text):
        line = text[a:b]
        if any(word in line for word in _ZONE_WORDS):
            found.extend(_Pair(p, a) for p in find_local_japan_pairs(line))
    return found


@register
class MixedNotation(Rule):
    """Clock times are written in more than one notation in one document.

    ``8:35 a.m.`` beside ``6:05 pm``, ``10:30 AM`` or a 24-hour ``20:20``:
    the notation used most often in the document is taken as its style and
    the others are reported.
    """

    code = "TM001"
    name = "mixed-time-notation"
    summary = "clock times in more than one notation"
    bad = "commencing at 4:05 p.m. for 30 minutes, and a dinner from 6:05 pm.\n"
    good = "commencing at 4:05 p.m. for 30 minutes, and a dinner from 6:05 p.m.\n"

    def check(self, ctx):
        found = times(ctx)
        if len(found) < 2:
            return
        counts = Counter(t.notation for t in found)
        if len(counts) < 2:
            return
        first = {}
        for t in found:
            first.setdefault(t.notation, t.start)
        main = max(counts, key=lambda n: (counts[n], -first[n]))
        for t in found:
            if t.notation != main:
                yield Finding(t.start, t.end, f"time {t.text!r} in {_name(t.notation)} notation; "
                                              f"this document writes {_name(main)}")


def _name(notation: str) -> str:
    return "24-hour" if notation == "24h" else f"'{notation}'"


@register
class ImpossibleTime(Rule):
    """A clock time that cannot be: an hour above 12 with a.m. or p.m.

    ``16:46 a.m.``, ``19:05 p.m.``: the writer mixed a 24-hour time with a
    meridiem, and which one was meant cannot be told.
    """

    code = "TM002"
    name = "impossible-time"
    summary = "impossible clock time such as 19:05 p.m."
    bad = "commencing at 19:05 p.m. for approximately 20 minutes.\n"
    good = "commencing at 7:05 p.m. for approximately 20 minutes.\n"

    def check(self, ctx):
        for t in times(ctx):
            if not t.valid:
                yield Finding(t.start, t.end, f"impossible time {t.text!r}: hour {t.hour} with {t.meridiem[0]}.m.")


@register
class LocalJapanOffset(Rule):
    """Local time and Japan time that no real time zone joins, or a wrong date roll-over.

    ``7:35 p.m. local time (2:35 a.m. on June 14, Japan time)`` in a meeting
    held on June 14: Japan is seven hours ahead of Italy, so it was 2:35
    a.m. on June 15 there. Checked against every UTC offset in use; the
    dates are those printed (the Japan date in the bracket, the local one
    before the time).
    """

    code = "TM003"
    name = "local-japan-offset"
    summary = "local and Japan time disagree with any real UTC offset or date"
    bad = "On June 14, commencing at 7:35 p.m. local time (2:35 a.m. on June 14, Japan time), the two leaders met.\n"
    good = "On June 14, commencing at 7:35 p.m. local time (2:35 a.m. on June 15, Japan time), the two leaders met.\n"

    def check(self, ctx):
        for pair in pairs(ctx):
            if pair.kind != "local+japan" or pair.japan is None:
                continue
            local, japan = pair.local.minutes(), pair.japan.minutes()
            if local is None or japan is None:
                continue  # TM002 reports the impossible time
            shift = _day_shift(ctx, pair)
            if resolve_offset(local, japan, shift) is not None:
                continue
            if shift is not None and resolve_offset(local, japan, None) is not None:
                right = resolve_offset(local, japan, None)
                yield Finding(pair.start, pair.end,
                              f"the Japan date does not follow from {pair.local.text} local time "
                              f"(at UTC{format_offset(right)} it is {_shifted(ctx, pair, right)})")
            elif shift is None or resolve_offset(local, japan, None) is None:
                yield Finding(pair.start, pair.end,
                              f"{pair.local.text} local time and {pair.japan.text} Japan time differ by no real "
                              f"UTC offset")


def _local_date(ctx, pair) -> tuple[int, int] | None:
    """(month, day) of the last date printed before the local time in its sentence."""
    text = ctx.prose
    start = max(text.rfind("\n", 0, pair.start), pair.start - 200)
    found = None
    for match in _DATE.finditer(text, start, pair.start):
        found = match
    if found is None:
        return None
    month = found["mon1"] or found["mon2"]
    day = found["day1"] or found["day2"]
    return _MONTH_NUMBER[month[:3].lower()], int(day)


def _day_shift(ctx, pair) -> int | None:
    """Japan date minus local date in days, when both are printed; 0 for "the same day"."""
    if pair.japan_same_day:
        return 0
    if pair.japan_month_day is None:
        return None
    local = _local_date(ctx, pair)
    if local is None:
        return None
    (jm, jd), (lm, ld) = pair.japan_month_day, local
    if jm == lm:
        return jd - ld if abs(jd - ld) <= 1 else None
    # Month boundary: the Japan day is the 1st and the local day the last of its month, or the reverse.
    if jd == 1 and ld >= 28:
        return 1
    if ld == 1 and jd >= 28:
        return -1
    return None


def _shifted(ctx, pair, offset: int) -> str:
    local = pair.local.minutes()
    japan = local - offset + 540
    days = "the next day" if japan >= 1440 else "the previous day" if japan < 0 else "the same day"
    japan %= 1440
    return f"{japan // 60:d}:{japan % 60:02d} in Japan on {days}"


def house_style(ctx) -> str:
    """The style key of the configured example phrase ("T (local time; D, T Japan time)")."""
    example = ctx.setting("time_style", DEFAULT_TIME_STYLE) or DEFAULT_TIME_STYLE
    return _style_of(example)


def _style_of(example: str) -> str:
    if " T" in f" {example}" and not any(ch.isdigit() for ch in example):
        return " ".join(example.split())  # already a template: "T (local time; D, T Japan time)"
    found = find_local_japan_pairs(example)
    return found[0].style if found else " ".join(example.split())


@register
class TimePhraseStyle(Rule):
    """A local time with its Japan time not written in the house style.

    The house style is ``12:25 p.m. (local time; June 14, 7:25 p.m. Japan
    time)``; ``8:35 a.m. local time (July 11, 9:35 p.m. JST)`` says the
    same in another form. Only phrases that give both times are compared.
    Severity ``info`` by default, since sites and years vary; configure the
    house phrase with ``time-style`` (an example phrase).
    """

    code = "TM004"
    name = "time-phrase-style"
    severity = "info"
    summary = "local/Japan time phrase not in the house style"
    bad = "On July 11, commencing at 8:35 a.m. local time (July 11, 9:35 p.m. JST), the leaders met.\n"
    good = "On July 11, commencing at 8:35 a.m. (local time; July 11, 9:35 p.m. Japan time), the leaders met.\n"

    def check(self, ctx):
        found = [p for p in pairs(ctx) if p.kind == "local+japan"]
        if not found:
            return
        house = house_style(ctx)
        for pair in found:
            if pair.style != house:
                yield Finding(pair.start, pair.end,
                              f"time phrase {ctx.text[pair.start:pair.end]!r} is not in the house style {house!r}")


@register
class OverlappingEvents(Rule):
    """Two events of the lead overlap in time.

    "a meeting commencing at 6:20 p.m. for approximately 70 minutes, then a
    dinner from 7:00 p.m.": the dinner starts before the meeting ends. Times
    and durations come from the lead's events; approximate durations get
    five minutes of slack.
    """

    code = "TM005"
    name = "overlapping-events"
    summary = "events of the lead overlap in time"
    bad = ("On January 31, commencing at 6:20 p.m. for approximately 70 minutes, Prime Minister Kishida held a "
           "meeting with Secretary General Stoltenberg. Following the meeting, a working dinner was held for "
           "about 55 minutes starting at 7:10 p.m.\n")
    good = ("On January 31, commencing at 6:20 p.m. for approximately 25 minutes, Prime Minister Kishida held a "
            "meeting with Secretary General Stoltenberg. Following the meeting, a working dinner was held for "
            "about 55 minutes starting at 7:10 p.m.\n")

    def check(self, ctx):
        lead = ctx.doc.lead
        if lead is None or len(lead.events) < 2:
            return
        spans = [s for s in map(_interval, lead.events) if s is not None]
        for i, (start, end, slack, event) in enumerate(spans):
            for start2, end2, slack2, event2 in spans[i + 1:]:
                if event2.date != event.date:
                    continue
                overlap = min(end, end2) - max(start, start2)
                if overlap > max(slack, slack2):
                    at = lead.span.start + event2.extent.start
                    yield Finding(at, lead.span.start + event2.extent.end,
                                  f"the {event2.kind} at {event2.start_text} overlaps the {event.kind} "
                                  f"({event.start_text}, {event.duration_text})")


def _interval(event):
    """(start, end, slack) in minutes since midnight, local, or None when unknown."""
    if not event.start_text or not event.duration:
        return None
    found = find_times(event.start_text)
    if not found or found[0].minutes() is None:
        return None
    minutes = _iso_minutes(event.duration)
    if minutes is None:
        return None
    start = found[0].minutes()
    return start, start + minutes, _APPROXIMATE_SLACK if event.approximate else 0, event


_ISO_DURATION = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?$")


def _iso_minutes(duration: str) -> int | None:
    match = _ISO_DURATION.match(duration)
    if match is None:
        return None
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
