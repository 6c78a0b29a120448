"""Word lists for the spelling and terminology rules, and the helpers that read words.

The lists are package data in ``convert/data`` (sorted, one entry per line,
``#`` comments at the top):

- ``words.txt``: English, British and American spellings (names the
  dictionary has stay capitalised, everything else is lower case); built
  by ``tools/build_wordlist.py``, which says where it comes from. Regular
  ``-s``/``-es``/``-ies`` and ``-ly`` forms are not stored: :func:`stems`
  finds them again, which keeps the file (and its loading) small.
- ``vocab-*.txt``: the field's vocabulary as printed (people, places,
  organisations, acronyms, honorifics, terms); looked up lower-cased, word by
  word, so ``Liberal Democratic Party`` adds three words.
- ``misspellings.txt``: ``wrong -> right`` (``right`` may list candidates,
  comma-separated). A known misspelling wins over the dictionary: ``intension``
  and ``minster`` are English, but in a readout they are typos.
- ``field-terms.txt``: words of titles and roles (``summary``, ``minister``).
  A capitalised unknown word is taken for a name unless it is one edit from
  one of these, or from a word the document itself uses.
- ``function-words.txt``: short grammatical words; a token made of one of
  them and a known word was typed without its space ("regionand").
- ``nouns.txt``: countable nouns, for agreement slips ("these meeting").
- ``preferred-terms.txt``: ``wrong -> right`` house terms ("Indo-pacific").

Everything loads lazily, once per process, into frozensets: the first
spelling check pays a few milliseconds, every later one only set lookups.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .resources import data_path

ENGLISH = "words.txt"
VOCAB_FILES = (
    "vocab-acronyms.txt", "vocab-honorifics.txt", "vocab-organisations.txt",
    "vocab-people.txt", "vocab-places.txt", "vocab-terms.txt",
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Vocabulary entries are split into the words the tokenizer will see.
_ENTRY_SPLIT = re.compile(r"[\s\-/.'’]+")
_LOWER_LINE = re.compile(r"^[a-z]", re.M)


def _body(name: str) -> str:
    """A data file's text after its header comment (comments only stand at the top)."""
    with open(data_path(name), encoding="utf-8") as handle:
        text = handle.read()
    end = 0
    while text.startswith("#", end):
        end = text.find("\n", end) + 1 or len(text)
    return text[end:]


def read_lines(name: str) -> list[str]:
    """The entries of a data file: header comment and blank lines left out."""
    return [line for line in _body(name).split("\n") if line.strip()]


def read_pairs(name: str) -> dict[str, str]:
    pairs = {}
    for line in read_lines(name):
        wrong, _, right = line.partition(" -> ")
        pairs[wrong.strip()] = right.strip()
    return pairs


@cache
def english() -> frozenset[str]:
    """English words, lower-cased (names the dictionary has, such as "Reginald", included)."""
    # One C-level split of the lower-cased text: this is what keeps loading under 10 ms.
    return frozenset(_body(ENGLISH).lower().split())


@cache
def dictionary_names() -> frozenset[str]:
    """The words ``words.txt`` has only capitalised (names), lower-cased: suggested last."""
    # Sorted as Python sorts, the capitalised entries come first: the block
    # before the first lower-case entry is the whole answer.
    body = _body(ENGLISH)
    first = _LOWER_LINE.search(body)
    return frozenset(body[:first.start() if first else len(body)].lower().split())


@cache
def vocabulary_entries() -> tuple[str, ...]:
    """Every field-vocabulary entry as printed, all files together."""
    return tuple(entry.strip() for name in VOCAB_FILES for entry in read_lines(name))


@cache
def field() -> frozenset[str]:
    """The field vocabulary as lower-cased words."""
    found = set()
    for entry in vocabulary_entries():
        found.update(w for w in _ENTRY_SPLIT.split(entry.lower()) if w)
    return frozenset(found)


@cache
def people() -> frozenset[str]:
    found = set()
    for entry in read_lines("vocab-people.txt"):
        found.update(w for w in _ENTRY_SPLIT.split(entry.lower()) if w)
    return frozenset(found)


@cache
def known_words() -> frozenset[str]:
    """English words and field words, lower-cased: the one set every lookup starts with."""
    return english() | field()


@cache
def misspellings() -> dict[str, tuple[str, ...]]:
    """Lower-cased wrong form -> its candidate corrections."""
    return {wrong.lower(): tuple(r.strip() for r in right.split(",")) for wrong, right in read_pairs("misspellings.txt").items()}


@cache
def field_terms() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("field-terms.txt"))


@cache
def function_words() -> frozenset[str]:
    return frozenset(read_lines("function-words.txt"))


@cache
def nouns() -> frozenset[str]:
    return frozenset(read_lines("nouns.txt"))


@cache
def noun_verbs() -> frozenset[str]:
    return frozenset(read_lines("noun-verbs.txt"))


@cache
def preferred_terms() -> dict[str, str]:
    return read_pairs("preferred-terms.txt")


# --- lookups -------------------------------------------------------------------------------------

def stems(word: str) -> list[str]:
    """Shorter words ``word`` may be a regular form of: meetings -> meeting, boxes -> box, parties -> party.

    ``words.txt`` leaves out exactly the forms these rules recover, so this
    function and the file must change together (tools/build_wordlist.py
    checks that every source word is still known).
    """
    found = []
    if word.endswith("ies") and len(word) > 4:
        found.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4 and word[-3] in "sxzho":
        found.append(word[:-2])
    if word.endswith("s") and len(word) > 3 and word[-2] not in "sxzy":
        found.append(word[:-1])
    if word.endswith("ly") and len(word) > 4 and word[-3] != "y":
        found.append(word[:-2])
    return found


# British -ise spellings the lists may hold only as -ize (and the reverse).
_ISE = (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"),
        ("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("izes", "ises"), ("ize", "ise"))
# Prefixes that make new words from known ones ("reconfirm", "non-aligned").
PREFIXES = ("counter", "inter", "multi", "cyber", "trans", "under", "super", "over", "post", "anti",
             "semi", "self", "co", "re", "pre", "non", "un", "de", "sub", "mid", "geo", "bi", "tri")
# Before a hyphen more prefixes stand alone ("pro-democracy", "ex-minister"); never derived
# into closed words, where they would hide typos ("procede").
HYPHEN_PREFIXES = frozenset(PREFIXES + ("pro", "ex", "neo", "micro", "macro", "mega", "extra", "ultra", "quasi",
                                         "socio", "eco", "bio", "tele", "mini", "intra", "vice", "mis"))

_KNOWN_CACHE: dict[str, bool] = {}


def is_known(word: str, extra: frozenset[str] = frozenset()) -> bool:
    """Whether ``word`` (any case) is English, field vocabulary, or in ``extra`` (lower-cased words).

    Known misspellings are never known, even when the dictionary has them.
    """
    lower = word.lower()
    if lower in extra:
        return True
    hit = _KNOWN_CACHE.get(lower)
    if hit is None:
        hit = lower not in misspellings() and _derivable(lower, known_words(), 0)
        if len(_KNOWN_CACHE) > 200_000:  # bounded: hostile input must not grow memory without end
            _KNOWN_CACHE.clear()
        _KNOWN_CACHE[lower] = hit
    return hit or any(s in extra for s in stems(lower))


def _derivable(word: str, known: frozenset[str], depth: int) -> bool:
    if word in known:
        return True
    if depth > 2:
        return False
    if any(_derivable(s, known, depth + 1) for s in stems(word)):
        return True
    if depth == 0:
        for a, b in _ISE:
            if word.endswith(a) and word[: -len(a)] + b in known:
                return True
        for prefix in PREFIXES:
            rest = word[len(prefix):]
            if word.startswith(prefix) and len(rest) >= 4 and _derivable(rest, known, 1):
                return True
    return False


def is_misspelling(word: str) -> bool:
    return word.lower() in misspellings()


# --- distances and suggestions --------------------------------------------------------------------

def within_one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one insertion, deletion, substitution or transposition."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if i == la:
        return True
    if la == lb:
        return a[i + 1:] == b[i + 1:] or (a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    return a[i:] == b[i + 1:]


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    # A shared prefix or suffix changes nothing: drop it, the table shrinks to the differing middle.
    i, n = 0, min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return min(max(len(a), len(b)), limit)
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def edits1(word: str) -> set[str]:
    """Strings one deletion, transposition, substitution or insertion away (Norvig)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in splits if b}
    found.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    found.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    found.update(a + c + b for a, b in splits for c in _LETTERS)
    found.discard(word)
    return found


@cache
def _buckets() -> dict[tuple[str, int], tuple[str, ...]]:
    """Known words by (first letter, length): difflib then compares a word with a few thousand, not all."""
    found: dict[tuple[str, int], list[str]] = {}
    for w in known_words():
        found.setdefault((w[:1], len(w)), []).append(w)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def suggestions(word: str, prefer: frozenset[str] = frozenset(), limit: int = 3) -> list[str]:
    """Known words close to ``word``, best first, in its case pattern.

    Words one edit away come first: those the document itself uses, then a
    swapped pair of letters, a letter restored, a letter removed, a letter
    changed (the order typists err in). Then two words that lost their space
    ("islandsasked"), then difflib's closest words of a similar length.
    """
    lower = word.lower()
    fixes = misspellings().get(lower)
    if fixes:
        return [recase(word, f) for f in fixes[:limit]]
    near, how = _close_words(lower)
    if how == "edit":
        names = dictionary_names() if lower == word else frozenset()
        known = known_words()
        near = sorted(near, key=lambda w: (w not in prefer, w in names, w not in known, _edit_kind(lower, w),
                                          w[:1] != lower[:1], w))
    if how == "split":
        return [word[:len(near[0])] + " " + word[len(near[0]):]]
    return [recase(word, w) for w in near[:limit]]


@lru_cache(maxsize=4096)
def _close_words(lower: str) -> tuple[tuple[str, ...], str]:
    """Candidates for ``lower`` and how they were found: "edit", "split" or "difflib" (cached: costly)."""
    near = tuple(w for w in edits1(lower) if is_listed(w))
    if near:
        return near, "edit"
    for i in range(2, len(lower) - 1):
        if is_listed(lower[:i]) and is_listed(lower[i:]):
            return (lower[:i], lower[i:]), "split"
    import difflib  # only here: most runs never need it

    pool = [w for n in range(len(lower) - 2, len(lower) + 3) for w in _buckets().get((lower[:1], n), ())]
    return tuple(difflib.get_close_matches(lower, pool, n=3, cutoff=0.75)), "difflib"


def is_listed(word: str) -> bool:
    """In a list, or a regular form of a listed word: stricter than :func:`is_known`, for suggestions."""
    known = known_words()
    return word not in misspellings() and (word in known or any(s in known for s in stems(word)))


def _edit_kind(typo: str, candidate: str) -> int:
    if len(candidate) == len(typo):
        return 0 if sorted(candidate) == sorted(typo) else 3
    return 1 if len(candidate) > len(typo) else 2


def split_known(word: str) -> tuple[str, str] | None:
    """``word`` as two known words, one of them a function word: regionand -> (region, and)."""
    lower = word.lower()
    func = function_words()
    for i in range(2, len(lower) - 1):
        a, b = lower[:i], lower[i:]
        if (a in func and len(b) >= 3 and is_known(b)) or (b in func and len(a) >= 3 and is_known(a)):
            return word[:i], word[i:]
    return None


@lru_cache(maxsize=4096)
def run_together(word: str) -> tuple[str, str] | None:
    """The two words an unknown ``word`` is made of, unless it is more likely a typo of one word.

    "regionand" is "region" + "and". "abducton" splits too ("abduct" + "on"),
    but it is one letter from "abduction": a word one edit from a known word
    is left to the typo rules.
    """
    parts = split_known(word)
    if parts is None or any(is_listed(w) for w in edits1(word.lower())):
        return None
    return parts


def recase(model: str, word: str) -> str:
    """``word`` in the case pattern of ``model``: Sumarry -> Summary, REFERING -> REFERRING."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
