"""Time notation: how clock times are printed.

TM001 reports a document that prints clock times in more than one notation
(``8:35 a.m.`` beside ``6:05 pm``, ``10:30 AM``, ``10:30 A.M.`` or a 24-hour
``20:20``); TM002 reports a time that cannot be (``16:46 a.m.``,
``19:05 p.m.``). Times are read by :mod:`convert.parse.timeexpr`, which
documents what counts as a time: "0:20 p.m." (Japanese usage for 12:20
p.m.) and "12:00 a.m." (midnight) are valid; ratios, decimals, dates,
section numbers, amounts and references ("John 3:16") are not times.

Neither rule has a fix: which notation is the house's, and which hour an
impossible time meant, are for the editor to say.
"""

from __future__ import annotations

from collections import Counter

from ..parse.timeexpr import TimeExpr
from .base import Finding, Rule, register
from .time_common import line_of, times

_NOTATION_NAMES = {
    "a.m.": "a.m./p.m.",
    "A.M.": "A.M./P.M.",
    "am": "am/pm",
    "AM": "AM/PM",
    "24h": "24-hour",
}


def _main_notation(found: list[TimeExpr]) -> str:
    """The notation printed most often; on a tie, the one printed first."""
    counts = Counter(t.notation for t in found)
    first: dict[str, int] = {}
    for t in found:
        first.setdefault(t.notation, t.start)
    return max(counts, key=lambda n: (counts[n], -first[n]))


@register
class MixedTimeNotation(Rule):
    """Clock times are printed in more than one notation in one document.

    ``4:05 p.m.`` in the lead and ``6:05 pm`` beside it, or ``10:30 AM``
    or a 24-hour ``20:20`` in a document that otherwise writes ``a.m.`` and
    ``p.m.``. The notation printed most often (the first one on a tie) is
    taken as the document's; every time in another notation is reported
    with an example of the document's own form and its line.
    """

    code = "TM001"
    name = "mixed-time-notation"
    summary = "clock times printed in more than one notation"
    bad = ("On July 13, commencing at 4:05 p.m. local time (6:05 pm, JST) for approximately 70 minutes, the two "
           "ministers held a meeting.\n")
    good = ("On July 13, commencing at 4:05 p.m. local time (6:05 p.m., JST) for approximately 70 minutes, the two "
            "ministers held a meeting.\n")

    def check(self, ctx):
        found = times(ctx)
        if len(found) < 2 or len({t.notation for t in found}) < 2:
            return
        main = _main_notation(found)
        example = next(t for t in found if t.notation == main)
        where = f"{example.text!r} on line {line_of(ctx, example.start)}"
        for t in found:
            if t.notation != main:
                yield Finding(t.start, t.end, f"time {t.text!r} is in {_NOTATION_NAMES[t.notation]} notation; "
                                              f"this document writes {_NOTATION_NAMES[main]} ({where})")


@register
class ImpossibleTime(Rule):
    """A clock time that cannot be.

    ``16:46 a.m.`` and ``19:05 p.m.`` mix a 24-hour time with a.m./p.m.;
    ``7:65 p.m.`` has more than 59 minutes. Which time was meant cannot be
    told, so the event's start cannot be derived either. Hours above 23
    without a.m./p.m. are not read as times at all ("25:10" may be a score).
    """

    code = "TM002"
    name = "impossible-time"
    severity = "error"
    summary = "impossible clock time such as 19:05 p.m."
    bad = "On June 14, commencing at 12:05 p.m. (local time; 19:05 p.m. on June 14 JST), the leaders met.\n"
    good = "On June 14, commencing at 12:05 p.m. (local time; 7:05 p.m. on June 14 JST), the leaders met.\n"

    def check(self, ctx):
        for t in times(ctx):
            if not t.valid:
                yield Finding(t.start, t.end, f"impossible time {t.text!r}: {_why(t)}")


def _why(t: TimeExpr) -> str:
    if t.minute > 59:
        return f"minute {t.minute} is above 59"
    said = "a.m." if t.meridiem == "am" else "p.m."
    if t.hour <= 23:
        return f"hour {t.hour} is a 24-hour time, yet {said} is printed"
    return f"hour {t.hour} is above 23"
