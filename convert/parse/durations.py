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
_DURATION = re.compile(
    rf"\b(?P<intro>for|lasting(?:\s+a\s+total\s+of)?|totall?ing)\s+"
    rf"(?P<body>(?P<approx>(?:{_APPROX_WORDS})\s+)?{_AMOUNT})\b"
    rf"|\b(?P<adj>{_NUM})-minute\b",
    re.I,
)


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
    found = []
    for match in _DURATION.finditer(text):
        if match["adj"]:
            found.append(Duration(match.start(), match.end(), match[0], number(match["adj"]), False))
            continue
        found.append(Duration(match.start(), match.end(), match["body"], _minutes(match), bool(match["approx"])))
    return found


__all__ = ["Duration", "find_durations", "iso_duration", "number"]
