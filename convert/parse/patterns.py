"""Line-level patterns: what a line of a readout can be, judged on the line alone.

Classification never looks at blank lines or indentation, so the normalized
text that ``render`` produces classifies exactly like its source.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from .. import regex

MONTHS = {
    name: i
    for i, name in enumerate(
        "January February March April May June July August September October November December".split(),
        start=1,
    )
}
_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"

# "January 31, 2023", "Monday, June 17, 2013", "Tuesday, June 18, 2013, 8:46 a.m. ...",
# "Friday, June 15, 2012 (PM)", "4 July 2000".
DATE_LINE = regex.compile(
    r"^(?:Date:\s*)?\(?" + _WEEKDAY + r"(?:" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>" + "|".join(MONTHS) + r")\s+(?P<year2>\d{4}))\)?"
    r"(?P<rest>(?:\s*[,(].{0,100})?)$"
)

TRANSLATION = regex.compile(
    r"^(?:[\[(]\s*provisional\s+translation\s*[\])]\s*\|?"
    r"|\(?\*?\s*(?:this|the foregoing) is a provisional translation\b.*"
    r"|provisional translation (?:from|by)\b.*)$",
    re.IGNORECASE,
)
HOUSE_TRANSLATION = "[Provisional translation]"

# "1. Introduction", "1.Introduction", "1 General remarks", "II. Economy"
SECTION = regex.compile(r"^(?P<number>(?:\d{1,2}|[IVX]{1,4})\.)\s*(?P<text>\S.*)?$|^(?P<bare>\d{1,2})\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)(?P<btext>[A-Z][^.|]{0,80})$")
PARAGRAPH = regex.compile(r"^(?P<number>\(\d{1,2}\)|\d{1,2}\))\s*(?P<text>.*)$")
ITEM = regex.compile(r"^(?P<number>\((?:[a-z]|[ivx]{1,4})\)|[a-z]\))\s+(?P<text>.*)$")
BULLET = regex.compile(r"^(?P<number>[•・●◆■□○◎▪]|-(?=\s))\s*(?P<text>.*)$")
FOOTNOTE = regex.compile(r"^(?P<label>\(\s*(?:\*|※)\s?(?P<marker>\d{1,2})\s*\)|(?:\*|※)(?P<marker2>\d{1,2}))\s*(?P<text>.*)$")
SUBHEADING = regex.compile(r"^(?:\[[^\[\]]{2,200}\]|\([^()]{2,200}(?:\([^()]*\)[^()]*)*\)|<[^<>]{2,200}>|【[^【】]{1,200}】)$")
QUOTE_OPEN = regex.compile(r"^[\"“‘']")

# (kind, pattern, needle). A pattern that may match anywhere in a line (".*...") has a needle: text,
# lower-cased, that every line it matches holds. Lines without the needle are spared the pattern's
# scan, which for a line of prose is most of the cost of telling it from residue.
RESIDUE_RULES: tuple[tuple[str, str, str | None], ...] = (
    ("skip-link", r"(?i:skip to (?:main )?content)", None),
    ("breadcrumb", r"(?:Home|Top|TOP)\s*>.*", None),
    ("breadcrumb", r".*\s>\s.*\s>\s.*", ">"),
    ("site-label", r"(?i:Official Residence(?: TOP)?|Press Releases(?: - .*)?|Press Conferences"
     r"|The Prime Minister in Action|Speeches and Statements by the Prime Minister"
     r"|Press Conference by the Chief Cabinet Secretary|Foreign Policy|Press Release No\.\s?\d+)", None),
    ("site-label", r"(?i:Top\s.*\|.*)", "|"),
    ("site-label", r"(?i:.*\btop page)", "top page"),
    ("site-label", r"(?i:Japan-.{2,60} Relations|[A-Z][A-Za-z. ]{1,40} Relations)", "relations"),
    ("page-top", r"(?i:Page Top|Back to Top|▲\s*Top)", None),
    ("back-link", r"Back to .{1,120}", None),
    ("related", r"Related (?:Links?|Information)\b.{0,120}", None),
    ("archive", r"Archives\s*\(.*\)", None),
    ("language-link", r"(?:Japanese|English|JAPANESE|ENGLISH|日本語)(?:\s*\((?:PDF|PPT)[^)]*\))?", None),
    ("caption", r"\(?Photos?\b.*|Photograph of .*", None),
    ("caption", r".*\(Photos?:[^)]*\)|.*\(Photo\)", "(photo"),
)
_NEEDLES = tuple(sorted({needle for _, _, needle in RESIDUE_RULES if needle}))
FOOTER_START = frozenset({"related", "archive", "back-link", "page-top"})


@cache
def _residue_pattern(needles: frozenset[str]) -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of the rules a line holding ``needles`` can match, tried once; the first
    alternative that matches names the kind. With the group name of each alternative's kind."""
    rules = [(kind, rx) for kind, rx, needle in RESIDUE_RULES if needle is None or needle in needles]
    names = {f"r{i}": kind for i, (kind, _) in enumerate(rules)}
    return regex.compile("|".join(f"(?P<r{i}>{rx})$" for i, (_, rx) in enumerate(rules))), names


_LONGEST_RESIDUE = 240  # characters; a longer line is content (and scanning it costs)


def residue_kind(text: str) -> str | None:
    if len(text) > _LONGEST_RESIDUE:
        return None
    return _short_residue_kind(text)


# Parsing asks about a line up to three times (as a header line and the one below it, from the footer's
# scan, as a body block), and the same residue recurs from page to page ("Page Top", "Japanese").
@lru_cache(maxsize=4096)
def _short_residue_kind(text: str) -> str | None:
    pattern, kinds = _residue_pattern(frozenset(filter(text.lower().__contains__, _NEEDLES)))
    match = pattern.match(text)
    return kinds[match.lastgroup] if match else None


def parse_date(match: re.Match[str]) -> str | None:
    """The ISO date of a DATE_LINE match, or None when the calendar says no."""
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    year = match.group("year") or match.group("year2")
    try:
        return date(int(year), MONTHS[month], int(day)).isoformat()
    except ValueError:
        return None


# What a line may end with: a sentence's closing punctuation, and what a heading does not end with.
# A set lookup of the last character, where a pattern such as "[.!?]$" is tried at every position
# of the line first (tests/test_parse_shortcuts.py holds the two to each other).
_SENTENCE_ENDS = frozenset(".!?:;。\"”’)]")
_HEADING_ENDS = frozenset(".!?:;。\"”’,")


def _last_char(text: str) -> str:
    """The character ``$`` comes after: the last, or the one before a final newline ("" for none)."""
    return text[-2:-1] if text[-1:] == "\n" else text[-1:]


def is_sentence(text: str) -> bool:
    return _last_char(text) in _SENTENCE_ENDS


def ends_like_heading(text: str) -> bool:
    return _last_char(text) not in _HEADING_ENDS
