"""Line-level patterns: what a line of a readout can be, judged on the line alone.

Classification never looks at blank lines or indentation, so the normalized
text that ``render`` produces classifies exactly like its source.
"""

from __future__ import annotations

import re
from datetime import date

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
SENTENCE_END = regex.compile(r"[.!?:;。\"”’)\]]$")

RESIDUE_RULES: tuple[tuple[str, str], ...] = (
    ("skip-link", r"(?i:skip to (?:main )?content)"),
    ("breadcrumb", r"(?:Home|Top|TOP)\s*>.*|.*\s>\s.*\s>\s.*"),
    ("site-label", r"(?i:Top\s.*\|.*|.*\btop page|Official Residence(?: TOP)?|Press Releases(?: - .*)?"
     r"|Press Conferences|Diplomatic Relations|The Prime Minister in Action"
     r"|Speeches and Statements by the Prime Minister|Press Conference by the Chief Cabinet Secretary"
     r"|Japan-.{2,60} Relations|Foreign Policy|Press Release No\.\s?\d+|[A-Z][A-Za-z. ]{1,40} Relations)"),
    ("page-top", r"(?i:Page Top|Back to Top|▲\s*Top)"),
    ("back-link", r"Back to .{1,120}"),
    ("related", r"Related (?:Links?|Information)\b.{0,120}"),
    ("archive", r"Archives\s*\(.*\)"),
    ("language-link", r"(?:Japanese|English|JAPANESE|ENGLISH|日本語)(?:\s*\((?:PDF|PPT)[^)]*\))?"),
    ("caption", r"\(?Photos?\b.*|Photograph of .*|.*\(Photos?:[^)]*\)|.*\(Photo\)"),
)
# One alternation, tried once per line; the first alternative that matches names the kind.
_RESIDUE = regex.compile("|".join(f"(?P<{kind.replace('-', '_')}>{rx})$" for kind, rx in RESIDUE_RULES))
FOOTER_START = frozenset({"related", "archive", "back-link", "page-top"})


_LONGEST_RESIDUE = 240  # characters; a longer line is content (and scanning it costs)


def residue_kind(text: str) -> str | None:
    if len(text) > _LONGEST_RESIDUE:
        return None
    match = _RESIDUE.match(text)
    return match.lastgroup.replace("_", "-") if match else None


def parse_date(match: re.Match[str]) -> str | None:
    """The ISO date of a DATE_LINE match, or None when the calendar says no."""
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    year = match.group("year") or match.group("year2")
    try:
        return date(int(year), MONTHS[month], int(day)).isoformat()
    except ValueError:
        return None


def is_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


HEADING_END = regex.compile(r"[.!?:;。\"”’,]$")


def ends_like_heading(text: str) -> bool:
    return not HEADING_END.search(text)
