"""Events of the lead: a later event may not start before an earlier one has ended.

The events come from the lead reader (:mod:`convert.parse.lead`): each with
its start time as printed and its duration. Two events of the same day
whose intervals overlap by more than the slack are reported; an
approximate duration ("for approximately 25 minutes", "about 55 minutes")
makes the first event's end five minutes uncertain, since the sites round
to five minutes.
"""

from __future__ import annotations

from .. import regex
from ..parse.timeexpr import find_times
from .base import Finding, Rule, register
from .time_common import pairs, times

_APPROXIMATE_SLACK = 5  # minutes
_ISO_DURATION = regex.compile(r"PT(?:(\d+)H)?(?:(\d+)M)?\Z")


@register
class OverlappingEvents(Rule):
    """Two events of the lead overlap in time.

    "commencing at 6:20 p.m. for approximately 70 minutes, ... a working
    dinner was held for about 55 minutes starting at 7:10 p.m.": the
    meeting runs to about 7:30 p.m., so the dinner starts twenty minutes
    before it ends. Either a time or a duration is wrong. Events without a
    start time or a duration, or on different days, are not compared.
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
        if ctx.doc.lead is None or not _may_hold_two_timed_events(ctx, ctx.doc.lead):
            return
        lead = ctx.lead
        if len(lead.events) < 2:
            return
        timed = [(event, span) for event in lead.events if (span := interval(event)) is not None]
        for i, (first, (start, end, slack)) in enumerate(timed):
            for later, (start2, end2, _) in timed[i + 1:]:
                if later.date != first.date or start2 < start:
                    continue  # another day, or printed out of order: nothing certain
                # Only the first event's length can make it run late; the later start is as printed.
                if min(end, end2) - start2 > slack:
                    yield Finding(lead.span.start + later.extent.start, lead.span.start + later.extent.end,
                                  f"the {later.kind} at {later.start_text} starts before the {first.kind} "
                                  f"({first.start_text}, {first.duration_text}) ends at {_clock(end)}")


def _may_hold_two_timed_events(ctx, lead) -> bool:
    """A cheap test before the lead reader, which costs more than every rule.

    Two timed events need two clock times in the lead that are not the Japan
    side of a zone phrase (most leads have one), and a length: a printed
    duration (always with "minute" or "hour") or a range, which takes a
    third time.
    """
    found = times(ctx)
    if len(found) < 2:
        return False
    span = lead.span
    inside = [t for t in found if span.start <= t.start < span.end]
    if len(inside) < 2:
        return False
    zoned = [p for p in pairs(ctx) if span.start <= p.start < span.end]
    clocks = sum(not any(p.local.end <= t.start < p.end for p in zoned) for t in inside)
    return clocks >= 3 or (clocks == 2 and ("minute" in lead.text or "hour" in lead.text))


def interval(event) -> tuple[int, int, int] | None:
    """(start, end, slack) in minutes from the local midnight; None when the start or length is unknown."""
    if not event.start_text or not event.duration:
        return None
    found = find_times(event.start_text)
    start = found[0].minutes() if found else None
    length = _minutes(event.duration)
    if start is None or length is None:
        return None
    return start, start + length, _APPROXIMATE_SLACK if event.approximate else 0


def _minutes(duration: str) -> int | None:
    match = _ISO_DURATION.match(duration)
    if match is None or not any(match.groups()):
        return None
    return int(match[1] or 0) * 60 + int(match[2] or 0)


def _clock(minutes: int) -> str:
    """12-hour clock in the house notation: 450 -> "7:30 a.m."."""
    hour, minute = divmod(minutes % 1440, 60)
    return f"{(hour - 1) % 12 + 1}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'}"
