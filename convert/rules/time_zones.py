"""Time zones: a local time printed with the Japan time beside it.

TM003 checks the arithmetic: the two times must differ by a UTC offset some
place really uses (every offset in the tz database since 1995, from -12:00
to +14:00, quarter hours such as +05:45 included, nothing else), and a
printed Japan date must follow from the local date (7:35 p.m. on June 14 in
Italy is 2:35 a.m. on June 15 in Japan). A time given in another zone
("1:30 p.m. (9:20 p.m., U.S. Western Standard Time)") must at least be a
whole number of quarter hours away.

TM004 checks the wording against the house style, set with ``time-style``
in ``[tool.readout]`` (``time_style`` in the configuration object): an
example phrase such as the default ``12:25 p.m. (local time; June 14, 7:25
p.m. Japan time)``, or its template with ``T`` for each time and ``D`` for
each date, ``T (local time; D, T Japan time)``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from .. import regex
from ..parse.durations import find_dates
from ..parse.timeexpr import (
    JAPAN_OFFSET, LocalJapanPair, find_local_japan_pairs, find_times, format_offset, resolve_offset,
)
from .base import Finding, Rule, register
from .time_common import pairs, quoted, times

DEFAULT_TIME_STYLE = "12:25 p.m. (local time; June 14, 7:25 p.m. Japan time)"
_MAX_DAY_SLIP = 3  # days between the local and the Japan date still judged as a roll-over
_LOOK_BACK = 300  # characters before a phrase searched for the local date ("On June 14, commencing at ...")
_JAPAN_LABEL = regex.compile(r"JST|Japan(?:ese)? Standard Time|Japan [Tt]ime|Tokyo time")


@register
class LocalJapanOffset(Rule):
    """Local time and Japan time that no real time zone joins, or a Japan date that does not follow.

    ``7:35 p.m. local time, (02:35 a.m. on June 14th, Japan time)`` for a
    meeting held on June 14 in Italy: no offset gives that, since at +02:00
    it was 2:35 a.m. on June 15 in Japan. ``16:00 p.m.``-style impossible
    times are left to TM002. The local date is the date printed before the
    phrase in its paragraph (or with the time: "8:30 a.m. on October 29");
    when no date is printed on one side, any day roll-over is accepted.
    """

    code = "TM003"
    name = "local-japan-offset"
    summary = "local and Japan time disagree with every real UTC offset, or with the date roll-over"
    bad = "On June 14, commencing at 7:35 p.m. local time (2:35 a.m. on June 14, Japan time), the leaders met.\n"
    good = "On June 14, commencing at 7:35 p.m. local time (2:35 a.m. on June 15, Japan time), the leaders met.\n"

    def check(self, ctx):
        for pair, message in offset_problems(ctx):
            yield Finding(pair.start, pair.end, message)


def offset_problems(ctx) -> list[tuple[LocalJapanPair, str]]:
    """The phrases TM003 reports, with their messages: worked out once, for TM003 and TM004."""
    return ctx.shared("tm-offset-problems", _offset_problems)


def _offset_problems(ctx) -> list[tuple[LocalJapanPair, str]]:
    found = []
    for pair in pairs(ctx):
        if pair.kind == "local+japan" and pair.japan is not None:
            message = _offset_problem(ctx, pair)
        elif pair.kind == "other":
            message = _other_zone_problem(ctx, pair)
        else:
            continue
        if message:
            found.append((pair, message))
    return found


def _offset_problem(ctx, pair: LocalJapanPair) -> str | None:
    local, japan = pair.local.minutes(), pair.japan.minutes()
    if local is None or japan is None:
        return None  # TM002 reports the impossible time
    # The local date (a scan of the paragraph for dates) counts only when a Japan date is printed;
    # otherwise it is read for the message alone.
    dated = not pair.japan_same_day and pair.japan_month_day is not None
    local_day = _local_day(ctx, pair) if dated else None
    shift = _day_shift(pair, local_day)
    if resolve_offset(local, japan, shift) is not None:
        return None
    free = resolve_offset(local, japan, None)
    said = f"{pair.local.text} local time and {pair.japan.text} Japan time"
    if shift is not None and free is not None:
        if not dated:
            local_day = _local_day(ctx, pair)
        return (f"{said}: the Japan date {pair.japan_date_text!r} does not follow; at UTC{format_offset(free)} "
                f"it was {pair.japan.text} on {_in_japan(local_day, local, free)} in Japan")
    return f"{said} differ by {_gap(local, japan)}, which no real UTC offset gives"


def _other_zone_problem(ctx, pair: LocalJapanPair) -> str | None:
    """Two times of one instant in two zones differ by whole quarter hours, whatever the zones."""
    inner = [t for t in find_times(ctx.prose, pair.local.end, pair.end) if t.valid]
    first = pair.local.minutes()
    if not inner or first is None or (first - inner[0].minutes()) % 15 == 0:
        return None
    return (f"{pair.local.text} and {inner[0].text} ({pair.zone}) differ by {_gap(first, inner[0].minutes())}: "
            f"time zones differ only by whole quarter hours")


def _gap(a: int, b: int) -> str:
    hours, rest = divmod((b - a) % 1440, 60)
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def _in_japan(local_day: date | None, local: int, offset: int) -> str:
    """The Japan date of local time ``local`` (minutes) on ``local_day`` at ``offset``: "June 15"."""
    days = (local - offset + JAPAN_OFFSET) // 1440
    if local_day is None:  # "(local time; same day, ...)" with no local date printed
        return {-1: "the day before", 0: "the same day", 1: "the next day"}[days]
    day = local_day + timedelta(days=days)
    return f"{day:%B} {day.day}"


def _day_shift(pair: LocalJapanPair, local_day: date | None) -> int | None:
    """Japan date minus local date in days when both are printed; 0 for "the same day"."""
    if pair.japan_same_day:
        return 0
    if pair.japan_month_day is None or local_day is None:
        return None
    try:
        candidates = [date(y, *pair.japan_month_day) for y in (local_day.year - 1, local_day.year, local_day.year + 1)]
    except ValueError:
        return None  # "February 30": a date problem, not a time one
    shift = min(((d - local_day).days for d in candidates), key=abs)
    # Two or three days apart is a slip no offset explains (the offsets span 26 hours);
    # farther apart, the dates are of something else (a year or a month misread).
    return shift if abs(shift) <= _MAX_DAY_SLIP else None


def _local_day(ctx, pair: LocalJapanPair) -> date | None:
    found = _local_date(ctx, pair)
    if found is None:
        return None
    value = ctx.doc.date_line.value if ctx.doc.date_line else None
    year = int(value[:4]) if value else 2000  # a leap year, so February 29 stays a date
    try:
        return date(year, *found)
    except ValueError:
        return None


def _local_date(ctx, pair: LocalJapanPair) -> tuple[int, int] | None:
    """(month, day) printed with the time or last before it in its paragraph, outside brackets."""
    text = ctx.prose
    start = max(text.rfind("\n", 0, pair.start) + 1, pair.start - _LOOK_BACK)
    window = text[start:pair.local.end + 40]
    found = [d for d in find_dates(window) if start + d.end <= pair.start or _on_date(window, d, pair, start)]
    found = [d for d in found if window.count("(", 0, d.start) == window.count(")", 0, d.start)]
    return (found[-1].month, found[-1].day) if found else None


def _on_date(window: str, printed, pair: LocalJapanPair, start: int) -> bool:
    """ "8:30 a.m. on October 29 (local time)": the date printed right after the local time."""
    gap = window[pair.local.end - start:printed.start]
    return printed.start >= pair.local.end - start and gap.strip() == "on"


# --- Style ------------------------------------------------------------------------


def house_style(ctx) -> tuple[str, str]:
    """(the configured house phrase, its template): "T (local time; D, T Japan time)"."""
    example = ctx.setting("time_style", DEFAULT_TIME_STYLE) or DEFAULT_TIME_STYLE
    return example, template_of(example)


@lru_cache(maxsize=32)  # the house phrase is the same for every document: read it once
def template_of(example: str) -> str:
    """An example phrase's template; a phrase without digits is taken as a template already."""
    if any(ch.isdigit() for ch in example):
        found = [p for p in find_local_japan_pairs(example) if p.kind == "local+japan"]
        if found:
            return found[0].style
    return " ".join(example.split())


def _features(template: str) -> dict[str, str | None]:
    """What an editor would name: where "local time" stands, the Japan label, whether a date is given."""
    bracket = template.find("(")
    inside = template[bracket:] if bracket != -1 else ""
    local = "inside the brackets" if "local time" in inside else "after the time" if "local time" in template else None
    label = _JAPAN_LABEL.search(inside)
    at = inside.find("local time")
    mark = inside[at + 10:at + 11] if at != -1 and inside[at + 10:at + 11] in ";,." else None
    return {"local": local, "label": label[0] if label else None, "date": "D" if "D" in inside else None,
            "mark": mark}


def style_hints(template: str, house: str) -> list[str]:
    """What to change, in words: "put 'local time' inside the brackets", "write 'Japan time', not 'JST'"."""
    mine, want = _features(template), _features(house)
    hints = []
    if mine["local"] != want["local"]:
        hints.append(f"put 'local time' {want['local']}" if want["local"] else "drop 'local time'")
    if mine["label"] != want["label"]:
        if want["label"] is None:
            hints.append(f"drop {mine['label']!r}")
        else:
            hints.append(f"write {want['label']!r}" + (f", not {mine['label']!r}" if mine["label"] else ""))
    if mine["date"] != want["date"]:
        hints.append("give the Japan date" if want["date"] else "drop the Japan date")
    if mine["local"] == want["local"] and mine["mark"] != want["mark"] and want["mark"]:
        hints.append(f"write 'local time{want['mark']}'")
    return hints or ["punctuation or word order"]


def _reported_elsewhere(ctx, pair: LocalJapanPair) -> bool:
    """The phrase overlaps one TM002 (an impossible time) or TM003 (times that disagree) reports, and that rule is on."""
    if ctx.selects("TM002") and any(not t.valid and t.start < pair.end and pair.start < t.end for t in times(ctx)):
        return True
    return ctx.selects("TM003") and any(
        other.start < pair.end and pair.start < other.end for other, _ in offset_problems(ctx))


@register
class TimePhraseStyle(Rule):
    """A local time with its Japan time not written in the house style.

    The default house style is ``12:25 p.m. (local time; June 14, 7:25 p.m.
    Japan time)``; ``8:35 a.m. local time (July 11, 9:35 p.m. JST)`` says the
    same in another form. Only phrases giving both times are compared, and
    the message names what differs. A phrase with a wrong time in it, one
    TM002 or TM003 reports, is left to them. Severity ``info``: the sites'
    styles vary by year. Set ``time-style`` to an example phrase or a template
    (``T (local time; D, T Japan time)``) to change the house style.
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
        example, house = house_style(ctx)
        for pair in found:
            if pair.style != house and not _reported_elsewhere(ctx, pair):
                hints = "; ".join(style_hints(pair.style, house))
                yield Finding(pair.start, pair.end, f"time phrase {quoted(ctx, pair.start, pair.end)} is not in "
                                                    f"the house style {example!r}: {hints}")
