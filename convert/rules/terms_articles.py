"""Terminology: "a" and "an" before the wrong sound.

"an great", "a important": the article goes by the sound of the next word,
not its letter, so the rule is careful where letter and sound part ways:

- "a European", "a one-time", "a unilateral", "a university", "a useful":
  a vowel letter with a consonant sound;
- "an hour", "an honour", "an honest", "an heir" (and the British
  "an historic"): an "h" with no sound;
- "an MP", "a NATO summit", "a U.S. delegation": letters and acronyms are
  read in ways no list tells, so a word in capitals, a single letter or a
  number is never judged.

A capital "A" is only taken for the article at the start of a sentence
("Plan A is" is no slip). The fix, changing the article, is safe where the
sound is certain (a lower-case word starting a, e, i, o or a plain
consonant) and unsafe for words starting "u" or "h" and for names.
"""

from __future__ import annotations

from .. import regex
from ..problem import Edit, Fix
from ..words import is_known
from .base import Finding, Rule, register

# Patterns that open with a literal (" a", " an", "A") and only match what may
# be a slip: the engine skips ahead, and Python sees a handful of matches per
# corpus instead of one per article.
_WORD = r"[A-Za-z'’]*"
# " a" opens _LOWER whole (a literal of two characters, not one space), so "an" is "a" and its "n".
_LOWER = regex.compile(r" (a)(?: ([aeiouAEIOU]" + _WORD + r"|[hH](?:our|onest|onou?r|eir)" + _WORD + r")"
                    r"|n ((?:[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]|[uU](?:ni|s[eu]|ti|biq|r[ao]|k)|[eE](?:u|we)|[oO]nc?e)"
                    + _WORD + r"))")
_CAPITAL = regex.compile(r"(An?) ([A-Za-z]" + _WORD + r")")
# The same with no-break spaces, run only on a text that has one.
# The article first, its left edge checked by a look-behind over it: a pattern opening with a look-behind
# is tried at every character, one opening with a letter only where that letter stands (about 3x faster).
_ANY_SPACE = regex.compile(r"([Aa](?<![^\s(\"“‘][Aa])n?)[ \u00a0]+([A-Za-z]" + _WORD + r")")
# "an" is right before these though they start with a consonant letter; before
# the second group both articles are in use ("an historic", "a historic").
_SILENT_H = ("hour", "honest", "honour", "honor", "heir")
_EITHER_H = ("historic", "hotel", "herb", "homage", "humble")
# "a" is right before these though they start with a vowel letter.
_CONSONANT_SOUND = ("eu", "ewe", "uni", "use", "usu", "uti", "ubiq", "ura", "uro", "uk")
_ONE = frozenset({"one", "ones", "once", "oneself"})
# ... and "an" before these, whose "u" sounds as in "up".
_UH_SOUND = ("und", "unt", "unp", "unc", "unf", "uns", "unr", "unl", "unw", "unb", "unm", "unh", "unj", "unv",
             "unk", "unq", "ups", "upc", "upd", "upg", "uph", "upl", "upr", "upt", "upw", "upm", "upp", "ult", "umb",
             "urg", "urb", "ugl")


def _vowel_sound(word: str) -> bool | None:
    """Whether ``word`` begins with a vowel sound; None when the letters do not tell."""
    lower = word.lower()
    first = lower[0]
    if first == "h":
        return True if lower.startswith(_SILENT_H) else None if lower.startswith(_EITHER_H) else False
    if first not in "aeiou":
        return False
    if lower in _ONE:
        return False  # "a one-time", "a one-off"
    if first == "u":
        if lower.startswith(_UH_SOUND):
            return True
        if lower.startswith("un") and len(lower) > 5 and lower[2] in "aeiou" and is_known(lower[2:]):
            return True  # un + a word: "unequal", "unacceptable", "uninformed" (not "union": "ion" is short)
    if lower.startswith(_CONSONANT_SOUND):
        return False
    return None if first == "u" else True  # "utmost" and "utility", "usher": either


def _sentence_start(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \u00a0\"“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


@register
class ArticleSlip(Rule):
    """"a" before a vowel sound or "an" before a consonant sound: "an great", "a important".

    Words whose sound the letters do not settle ("a union", "a unique",
    acronyms, numbers, single letters) are never reported.
    """

    code = "TR004"
    name = "article-slip"
    severity = "warning"
    summary = "'a' or 'an' before the wrong sound"
    bad = "Meeting\n\nJuly 11, 2024\n\nThe two leaders held a important meeting and an great dinner.\n"
    good = "Meeting\n\nJuly 11, 2024\n\nThe two leaders held an important meeting and a great dinner.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        if "\u00a0" in text:
            found = ((m.start(1), m.group(1), m.start(2), m.group(2)) for m in _ANY_SPACE.finditer(text))
        else:
            found = [(m.start(1), "a", m.start(2), m.group(2)) if m.group(3) is None
                     else (m.start(1), "an", m.start(3), m.group(3))
                     for m in _LOWER.finditer(text)]
            found += [(m.start(1), m.group(1), m.start(2), m.group(2)) for m in _CAPITAL.finditer(text)]
        for start, article, at, word in found:
            finding = self._judge(text, start, article, at, word)
            if finding is not None:
                yield finding

    def _judge(self, text: str, start: int, article: str, at: int, word: str) -> Finding | None:
        if start and (text[start - 1].isalnum() or text[start - 1] in ".-'’/&"):
            return None  # part of a word, or "a.m."
        if start and text[start - 1] == "(" and text.startswith(")", start + len(article)):
            return None  # the item label "(a)"
        if article[0] == "A" and not _sentence_start(text, start):
            return None  # "Plan A is", "Annex A agreement": a letter, not the article
        after = at + len(word)
        if len(word) < 2 or not word[1:].islower() or after < len(text) and text[after].isdigit():
            return None  # "an MP", "a U.S.", "a G7", "an X-ray": read as letters
        if word[0].isupper() and len(word) <= 4 and text.startswith(".", after):
            return None  # "an Amb.", "a Gov.": abbreviations are read out in full
        vowel = _vowel_sound(word)
        if vowel is None or vowel == (len(article) == 2):
            return None
        right = article[0] + ("n" if vowel else "")
        certain = word.islower() and word[0] not in "uh"
        fix = Fix((Edit(start, start + len(article), right),), "safe" if certain else "unsafe")
        return Finding(start, after, f"'{article} {word}': write '{right} {word}'", fix)
