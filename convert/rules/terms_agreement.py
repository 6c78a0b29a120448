"""Terminology: a demonstrative that does not agree with its noun.

"The overview of these meeting is as follows", "at this meetings": a
plural demonstrative before a singular noun, or the reverse. Nouns come from
``nouns.txt`` (countable nouns of the field); the rule stays quiet where the
words may be read another way:

- "these meeting rooms", "these summit outcomes": a singular noun used as a
  modifier, so after "these"/"those" the noun must end the phrase (a verb,
  a preposition or punctuation follows);
- "this calls for", "this changes nothing": nouns that are also verbs
  (``noun-verbs.txt``) after "this"/"each"/"every" are only reported when an
  auxiliary follows ("this changes are") or a preposition comes before
  ("on this issues", "during this visits");
- "that" is left alone: it is as often a conjunction ("agreed that countries
  should ...").
"""

from __future__ import annotations

from .. import regex
from ..problem import Edit, Fix
from ..words import noun_verbs, nouns
from .base import Finding, Rule, register

# One pattern per determiner, each opening with a literal tail of it ("hese",
# "his"); the first letter is checked in Python. A pattern is only tried where
# its tail stands, found by str.find: the engine's own scan for the literal
# stops at each of its first letter (each "h" of the text) and costs more.
_AFTER = r"\b[ \u00a0]*([a-z]+|[.,;:)\n?!'’])?"
_PLURAL_DETS = tuple((tail, regex.compile(tail + r"[ \u00a0]+([a-z]+)" + _AFTER)) for tail in ("hese", "hose"))
_SINGULAR_DETS = tuple((tail, regex.compile(tail + r"[ \u00a0]+([a-z]+s)" + _AFTER))
                       for tail in ("his", "ach", "very"))
_HEADS = {"hese": "Tt", "hose": "Tt", "his": "Tt", "ach": "Ee", "very": "Ee"}
# What may follow a noun that ends its phrase.
_PHRASE_END = frozenset({
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
    "must", "shall", "do", "does", "did", "not", "also", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "as", "and", "or", "but", "so", "if", "between", "that", "which", "who", "whose", "where", "when", "while",
    "since", "because", "through", "during", "under", "after", "before", "toward", "towards", "about", "into",
    "regarding", "concerning", "including", "over", "against", "within", "without", "among", "amid", "held",
    "a", "an", "the",  # a new noun phrase: "to make these meeting an opportunity"
    ".", ",", ";", ":", ")", "\n", "?", "!", "'", "’",
})
# Verbs in the third person singular that follow a noun ending its phrase ("these year marks the 80th
# anniversary", "these agreement means"): the singular verb shows the noun was meant singular. Only
# those that are no plural noun after a noun of the list ("meeting rooms", "summit outcomes" are).
_SINGULAR_VERBS = frozenset({
    "means", "marks", "remains", "represents", "makes", "provides", "contributes", "becomes", "requires",
    "allows", "enables", "serves", "reflects", "demonstrates", "symbolizes", "symbolises", "constitutes",
    "underscores", "signifies", "coincides", "seems", "appears",
})
# After one of these, "this" is a determiner, so "this visits" cannot be "this" + verb.
_PREPOSITIONS = frozenset({
    "of", "in", "on", "at", "for", "with", "by", "from", "to", "about", "during", "regarding", "concerning",
    "through", "under", "over", "after", "before", "since", "toward", "towards", "into", "upon", "including",
    "like", "against", "within", "without", "among", "amid", "despite", "following", "throughout",
})
_PREVIOUS_WORD = regex.compile(r"([A-Za-z]+)[ \u00a0]+$")
_AUXILIARY = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
                        "should", "may", "might", "must"})


def _singular(plural: str) -> str | None:
    """The noun ``plural`` is the plural of, if it is one of ``nouns.txt``: meetings -> meeting."""
    known = nouns()
    for stem in (plural[:-3] + "y" if plural.endswith("ies") else None, plural[:-2] if plural.endswith("es") else None,
                 plural[:-1]):
        if stem and stem in known:
            return stem
    return None


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


@register
class AgreementSlip(Rule):
    """A demonstrative that does not agree with its noun: "these meeting", "this meetings".

    The fix (unsafe: the noun or the demonstrative may be the word to change)
    puts the noun in the number of the demonstrative.
    """

    code = "TR005"
    name = "agreement-slip"
    severity = "warning"
    summary = "'these'/'this' not agreeing with the noun"
    bad = "Meeting\n\nJuly 11, 2024\n\nThe overview of these meeting is as follows.\n"
    good = "Meeting\n\nJuly 11, 2024\n\nThe overview of these meetings is as follows.\n"

    def check(self, ctx):
        text = ctx.prose
        known, verbs = nouns(), noun_verbs()
        for m in _matches(text, _PLURAL_DETS):
            noun, after = m.group(1), m.group(2)
            if noun in known and (after in _PHRASE_END or after in _SINGULAR_VERBS or _past_tense(after)):
                det = text[m.start() - 1:m.start(1)].rstrip()
                right = _plural(noun)
                # "these year’s": the plural's possessive is no plain edit of the noun; no fix offered.
                fix = None if after in ("'", "’") else Fix((Edit(m.start(1), m.end(1), right),), "unsafe")
                yield Finding(m.start() - 1, m.end(1), f"'{det} {noun}': '{noun}' is singular "
                              f"(write '{det} {right}')", fix)
        for m in _matches(text, _SINGULAR_DETS):
            plural, after = m.group(1), m.group(2)
            noun = _singular(plural)
            if noun is None:
                continue
            if noun in verbs and after not in _AUXILIARY and not _after_preposition(text, m.start() - 1):
                continue  # "this calls for", "each seeks": a verb, not a plural noun
            det = text[m.start() - 1:m.start(1)].rstrip()
            fix = Fix((Edit(m.start(1), m.end(1), noun),), "unsafe")
            yield Finding(m.start() - 1, m.end(1), f"'{det} {plural}': '{plural}' is plural "
                          f"(write '{det} {noun}')", fix)


def _past_tense(word: str | None) -> bool:
    """A verb in the past ("these year marked"): the noun before it ends its phrase."""
    return word is not None and len(word) > 4 and word.endswith("ed")


def _matches(text: str, patterns) -> list:
    """Matches whose literal tail follows the determiner's first letter at a word start.

    The same matches as ``pattern.finditer(text)`` would give, filtered: each
    starts where its tail stands, and after one the search goes on from its end.
    """
    found = []
    for tail, pattern in patterns:
        heads = _HEADS[tail]
        at = text.find(tail)
        while at != -1:
            m = pattern.match(text, at)
            if m is None:
                at = text.find(tail, at + 1)
                continue
            head = at - 1
            if head >= 0 and text[head] in heads and (head == 0 or not text[head - 1].isalnum()):
                found.append(m)
            at = text.find(tail, m.end())
    return found


def _after_preposition(text: str, at: int) -> bool:
    m = _PREVIOUS_WORD.search(text, max(0, at - 20), at)
    return m is not None and m.group(1).lower() in _PREPOSITIONS


