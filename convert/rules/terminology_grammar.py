"""Terminology: slips of form around names and nouns.

Honorifics that contradict each other (``H.E. Ms. Mr.``), articles that do
not fit the next sound (``an great``, ``a important``), determiners that do
not agree with their noun (``these meeting``, ``each countries``) and a word
typed twice (``the the``). Nouns come from ``convert/data/nouns.txt``, so
agreement is only judged on nouns known to be countable.
"""

from __future__ import annotations

import re
from collections import Counter

from ..problem import replace
from .base import Finding, Rule, register

_PERSONAL = r"(?:Mr|Ms|Mrs|Miss|Mme|Dr)"
# Two personal honorifics in a row, or H.E. twice: "H.E. Ms. Mr. Jens", "Mr. Mr.".
_HONORIFIC_CLASH = re.compile(rf"\b{_PERSONAL}\.?\s+{_PERSONAL}\.?(?=\s)|\bH\.E\.\s+H\.E\.")
_HONORIFIC = re.compile(r"\b(Mr|Ms|Mrs|Dr)(\.?)(?=\s+[A-Z])")

# "a important", "an great": lower-case a/an, or A/An opening a sentence.
_ARTICLE = re.compile(r"(?:(?<=[.!?]\s)|(?<=^)|(?<=[\s(\"“]))(?P<art>[Aa]n?)\s+(?P<word>[a-z][a-z-]+)", re.M)
# Vowel letters that sound as consonants (a union, a European, a one-day) and the reverse (an hour).
_YOU = ("uni", "use", "usu", "uti", "ura", "uro", "eu", "ewe", "one", "once", "ubiq", "ukr", "ufo", "utop")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir", "herb", "histor", "hotel")

_DETERMINER = re.compile(
    r"\b(?P<det>these|those|this|each|every|several|many|both|various|numerous|a)\s+(?P<noun>[a-z]+)(?![\w'’-])"
    r"(?P<next>\s+[a-z]+)?", re.I)
_IRREGULAR = frozenset({"people", "police", "staff", "personnel", "media", "data", "series", "species", "means"})
_PLURAL_DETERMINERS = {"these", "those", "several", "many", "both", "various", "numerous"}
_SINGULAR_DETERMINERS = {"this", "each", "every", "a"}

_REPEATED = re.compile(r"\b(?P<w>[A-Za-z]+)\s+(?P=w)\b", re.I)
_SAFE_REPEATS = frozenset("the a an of to in on at for with by and or from".split())
_ALLOWED_REPEATS = frozenset({"that", "had", "is"})  # "that that", "had had": grammatical


@register
class HonorificSlip(Rule):
    """Honorifics that contradict each other, or are written two ways.

    ``H.E. Ms. Mr. Jens Stoltenberg`` gives two honorifics (which is meant
    cannot be told: no fix). ``Mr Kishida`` beside ``Mr. Stoltenberg``
    writes one honorific with and without its full stop: the form used most
    often is the document's (safe fix).
    """

    code = "TR003"
    name = "honorific-slip"
    summary = "conflicting or inconsistent honorifics"
    bad = "held a meeting with H.E. Ms. Mr. Jens Stoltenberg, Secretary General of NATO.\n"
    good = "held a meeting with H.E. Mr. Jens Stoltenberg, Secretary General of NATO.\n"

    def check(self, ctx):
        text = ctx.prose
        if "M" not in text and "D" not in text:
            return
        for m in _HONORIFIC_CLASH.finditer(text):
            yield Finding(m.start(), m.end(), f"conflicting honorifics {m.group(0)!r}")
        found = list(_HONORIFIC.finditer(text))
        dotted = Counter(bool(m.group(2)) for m in found)
        if len(dotted) == 2:
            main = dotted[True] >= dotted[False]
            for m in found:
                if bool(m.group(2)) != main:
                    form = m.group(1) + ("." if main else "")
                    yield Finding(m.start(), m.end(), f"{m.group(0)!r} beside {form!r} elsewhere in the document",
                                  replace(m.start(), m.end(), form))


@register
class ArticleAgreement(Rule):
    """An article or determiner that does not fit its word.

    ``an great`` (``an`` before a consonant sound), ``a important``
    (``a`` before a vowel sound), ``these meeting`` and ``this meetings``,
    ``each countries``, ``both side``. Words that break the spelling rule
    (``a union``, ``an hour``) and acronyms are left alone; agreement is
    judged only for nouns known to be countable. No fix: the slip may be in
    either word.
    """

    code = "TR004"
    name = "article-agreement"
    summary = "article or determiner that does not agree"
    bad = "The overview of these meeting is as follows. It was an great success.\n"
    good = "The overview of these meetings is as follows. It was a great success.\n"

    def check(self, ctx):
        text = ctx.prose
        yield from _articles(text)
        yield from _agreement(text)


def _articles(text: str):
    for m in _ARTICLE.finditer(text):
        art, word = m.group("art").lower(), m.group("word")
        vowel = word[0] in "aeiou"
        if art == "an" and not vowel and not word.startswith("h") and word[0] not in "xy":
            yield Finding(m.start(), m.end(), f"{m.group(0)!r}: 'a' before a consonant sound")
        elif art == "a" and vowel and not word.startswith(_YOU):
            yield Finding(m.start(), m.end(), f"{m.group(0)!r}: 'an' before a vowel sound")
        elif art == "a" and word.startswith(_SILENT_H) and not word.startswith(("histor", "hotel")):
            yield Finding(m.start(), m.end(), f"{m.group(0)!r}: 'an' before a silent h")


def _agreement(text: str):
    from ..words import nouns

    countable = nouns()
    for m in _DETERMINER.finditer(text):
        det, noun = m.group("det").lower(), m.group("noun")
        following = (m.group("next") or "").strip()
        if noun in _IRREGULAR:
            continue
        if det in _PLURAL_DETERMINERS and noun in countable and not _plural_head(following, countable):
            yield Finding(m.start(), m.end("noun"), f"{m.group('det')} {noun!r}: a plural noun is expected")
        elif det in _SINGULAR_DETERMINERS and _singular_of(noun, countable) and det != "a" or (
                det == "a" and _singular_of(noun, countable) and not following.startswith("of")):
            if det == "a" and noun.endswith("ss"):
                continue
            yield Finding(m.start(), m.end("noun"), f"{m.group('det')} {noun!r}: a singular noun is expected")


def _singular_of(word: str, countable: frozenset[str]) -> bool:
    """``word`` is the plural of a countable noun: meetings, countries, boxes."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    return word[:-1] in countable or (word.endswith("es") and word[:-2] in countable) or (
        word.endswith("ies") and word[:-3] + "y" in countable)


def _plural_head(word: str, countable: frozenset[str]) -> bool:
    """The noun is a modifier of a plural head: "these meeting rooms", "these policy areas"."""
    return bool(word) and _singular_of(word, countable)


@register
class RepeatedWord(Rule):
    """A word typed twice: ``the the``, ``to to``.

    The fix removes the second copy of an article, preposition or
    conjunction (safe); other repeats are reported without a fix. ``that
    that`` and ``had had`` are grammatical and left alone.
    """

    code = "TR005"
    name = "repeated-word"
    summary = "a word typed twice"
    bad = "Both sides confirmed the the importance of cooperation.\n"
    good = "Both sides confirmed the importance of cooperation.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        for m in _REPEATED.finditer(text):
            word = m.group("w")
            lower = word.lower()
            if lower in _ALLOWED_REPEATS or "\n" in m.group(0) or (word[0].isupper() and lower not in _SAFE_REPEATS):
                continue
            second = m.end() - len(word)
            fix = replace(m.start() + len(word), m.end(), "") if lower in _SAFE_REPEATS else None
            yield Finding(second, m.end(), f"{word!r} repeated", fix)
