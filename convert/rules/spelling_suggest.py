"""Spelling: distances between words, suggestions, and words run together (this module registers no rule).

Suggestions cost: a word's neighbours one edit away are a few hundred
strings to look up, and difflib over a whole bucket of the dictionary is
slower still. They are only computed for words that will be reported, and
remembered per word for the process.
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..words import dictionary_names, function_words, is_known, is_listed, known_words, misspellings, recase

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


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


def transpositions(word: str, start: int = 0) -> list[str]:
    """``word`` with two neighbouring, different letters swapped, from position ``start`` on, left to right."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2:]
            for i in range(start, len(word) - 1) if word[i] != word[i + 1]]


@lru_cache(maxsize=4096)
def transposed_word(lower: str) -> str | None:
    """The known word, English or a name of the field, that ``lower`` is with two neighbouring letters swapped.

    The commonest slip of the keyboard ("Infomral", "Ksihida", "Reigons"): a
    capitalised word that is no name of any list, yet one swap from a known
    word, is that word mistyped. Swapped letters at the word's first place
    are left alone, as are words shorter than six letters: there, real names
    sit one swap from words too often.
    """
    if len(lower) < 6:
        return None
    return next((w for w in transpositions(lower, 1) if is_known(w)), None)


def edits1(word: str) -> set[str]:
    """Strings one deletion, transposition, substitution or insertion away (Norvig)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in splits if b}
    found.update(transpositions(word))
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
