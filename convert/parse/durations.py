"""Durations as printed in leads: "for approximately 25 minutes" -> PT25M.

Only phrases introduced by "for" or "lasting" count, so "The first 20
minutes of the summit meeting" is not taken as a meeting's length; an
adjectival "the 20-minute meeting" counts too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_DURATION = re.compile(
    rf"(?P<intro>[Ff]or|[Ll]asting(?:\s+a\s+total\s+of)?|totall?ing)\s+"
    rf"(?P<body>(?P<approx>(?:{_APPROX_WORDS})\s+)?{_AMOUNT})\b"
)
_ADJECTIVAL = re.compile(rf"(?<![\w-])(?P<adj>{_NUM})-\Z")
_INTROS = ("for ", "For ", "lasting ", "totalling ", "totaling ", "for\u00a0")


@dataclass(frozen=True, slots=True)
class Duration:
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


__all__ = ["Duration", "find_durations", "iso_duration", "number"]
