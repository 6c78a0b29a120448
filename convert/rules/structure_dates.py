"""Structure: the dates a readout states must agree with each other and with the calendar.

The date line says when the readout was published; the lead ("On January
31, commencing at ...") says when the meeting was held. A readout is
published on the day of the meeting or a few days after it (MOFA sometimes
after a week or two), never before it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .. import regex
from .base import Finding, Rule, register

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
_MONTH_NUMBER = {name: i for i, name in enumerate(_MONTHS, 1)}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+"
# "On January 31", "On Tuesday, September 25, 2012", "On 13 September"
_LEAD = regex.compile(
    rf"^(?:At\s[^,]{{1,40}}\s)?[Oo]n\s+(?:{_WEEKDAY})?(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}))(?![\d])(?:,?\s+(?P<year>\d{{4}})\b)?"
)
_DATE_LINE_WEEKDAY = regex.compile(rf"^(?:Date:\s*)?\(?{_WEEKDAY}")
_PUBLISHED_WITHIN = timedelta(days=31)
_YEAR_GUESS_LIMIT = timedelta(days=180)  # a lead date without a year this far after the date line is last year's


def _lead_date(match: re.Match, published: date) -> date | None:
    m1, m2, d1, d2, printed_year = match.group("m1", "m2", "d1", "d2", "year")
    month = _MONTH_NUMBER[m1 or m2]
    day = int(d1 or d2)
    year = int(printed_year) if printed_year else published.year
    try:
        held = date(year, month, day)
    except ValueError:
        return None
    # A difference, not published + 180 days: that overflows for a date line of December 31, 9999.
    if not printed_year and held - published > _YEAR_GUESS_LIMIT and year > 1:
        held = held.replace(year=year - 1) if not (month == 2 and day == 29) else held
    return held


def _long(d: date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


@register
class LeadDate(Rule):
    """The lead's date disagrees with the date line, or a weekday with its date.

    Reported when the meeting in the lead ("On July 12, ...") falls after
    the date line (a readout is not published before the meeting), or more
    than a month before it, or when a weekday is not the weekday of the date
    it names ("On Monday, June 17, 2013": a Monday; "Sunday" would be wrong).
    """

    code = "ST008"
    name = "lead-date"
    summary = "lead date disagrees with the date line or the calendar"
    bad = "Japan-Canada Summit Meeting\n\nJune 13, 2024\nOn June 14, Prime Minister Kishida held a meeting.\n"
    good = "Japan-Canada Summit Meeting\n\nJune 14, 2024\nOn June 14, Prime Minister Kishida held a meeting.\n"

    def check(self, ctx):
        doc = ctx.doc
        if not doc.date:
            return  # no date to hold the lead to
        published = date.fromisoformat(doc.date)
        line = doc.date_line
        if "day" in line.text:  # a weekday's name, else spare the pattern
            wrong = _weekday(_DATE_LINE_WEEKDAY.match(line.text), published, line.span.start)
            if wrong is not None:
                yield wrong
        lead = doc.lead
        if lead is None:
            return
        match = _LEAD.match(lead.text)
        start = lead.span.start
        if match is None:
            if _has_date(lead.text):  # else no date to point at: spare reading the lead
                yield from _from_reader(ctx.lead, published)
            return
        held = _lead_date(match, published)
        if held is None:
            yield Finding(start + match.start(), start + match.end(), f"the lead's date is impossible: {match[0]!r}")
            return
        if held > published:
            yield Finding(start + match.start(), start + match.end(),
                          f"the lead's date ({_long(held)}) is after the date line ({_long(published)})")
        elif published - held > _PUBLISHED_WITHIN:
            yield Finding(start + match.start(), start + match.end(),
                          f"the lead's date ({_long(held)}) is more than a month before the date line "
                          f"({_long(published)})")
        else:
            wrong = _weekday(match, held, start)
            if wrong is not None:
                yield wrong


# "on April 7", "7 April": where the lead reader's date stands in a lead that does not open with it.
_DATE_ANYWHERE = regex.compile(rf"\b(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})\b")


def _has_date(text: str) -> bool:
    """``_DATE_ANYWHERE.search(text)``, tried only when a month's name is in the text (a scan with ``in`` is cheap)."""
    return any(month in text for month in _MONTHS) and _DATE_ANYWHERE.search(text) is not None


def _from_reader(lead, published: date):
    """A lead that does not open with "On <date>": the lead reader's date, where it found one."""
    if not lead.date:
        return
    held = date.fromisoformat(lead.date)
    if held <= published and published - held <= _PUBLISHED_WITHIN:
        return
    found = _DATE_ANYWHERE.search(lead.text)
    if found is None:
        return  # nowhere to point: the reader inferred the date
    start = lead.span.start
    where = "after" if held > published else "more than a month before"
    yield Finding(start + found.start(), start + found.end(),
                  f"the lead's date ({_long(held)}) is {where} the date line ({_long(published)})")


def _weekday(match: re.Match | None, when: date, base: int) -> Finding | None:
    """The finding for a weekday ``match`` names that is not the weekday of ``when``, or None."""
    named = match["weekday"] if match is not None else None
    if not named:
        return None
    actual = _WEEKDAYS[when.weekday()]
    if named == actual:
        return None
    return Finding(base + match.start("weekday"), base + match.end("weekday"),
                   f"{named} does not match {_long(when)}, a {actual}")
