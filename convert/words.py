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

Everything loads lazily, once per process, into frozensets (the big list
into a :class:`WordSet`, built a group at a time): the first spelling check
pays a few milliseconds, every later one only set lookups.
The big lists come from a cache of what words.txt and the vocabulary give
(see :func:`_lists`).
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Set
from functools import cache

from . import regex
from .resources import cached, data_path

ENGLISH = "words.txt"
VOCAB_FILES = (
    "vocab-acronyms.txt", "vocab-honorifics.txt", "vocab-organisations.txt",
    "vocab-people.txt", "vocab-places.txt", "vocab-terms.txt",
)
# Vocabulary entries are split into the words the tokenizer will see.
_ENTRY_SPLIT = regex.compile(r"[\s\-/.'’]+")
_LOWER_LINE = regex.compile(r"^[a-z]", re.M)


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


def _read_english() -> frozenset[str]:
    # One C-level split of the lower-cased text: the fastest way from the file to the set.
    return frozenset(_body(ENGLISH).lower().split())


def _read_names() -> frozenset[str]:
    # Sorted as Python sorts, the capitalised entries come first: the block
    # before the first lower-case entry is the whole answer.
    body = _body(ENGLISH)
    first = _LOWER_LINE.search(body)
    return frozenset(body[:first.start() if first else len(body)].lower().split())


class WordSet(Set):
    """The known words, grouped by their first three letters; a group becomes a set when a word of it is looked up.

    A one-file check looks up a few hundred words: unmarshalling a set of all
    63,000 was a sixth of its start-up, splitting the few groups it touches
    costs a fraction of a millisecond. Iterating (for suggestions) joins them all.
    """

    __slots__ = ("_groups", "_sets", "_all")

    def __init__(self, groups: dict[str, str]) -> None:
        self._groups = groups  # first three letters -> the words, joined by "\n"
        self._sets: dict[str, frozenset[str]] = {}
        self._all: frozenset[str] | None = None

    def __contains__(self, word) -> bool:
        if self._all is not None:
            return word in self._all
        key = word[:3]
        found = self._sets.get(key)
        if found is None:
            group = self._groups.get(key)
            found = self._sets[key] = frozenset(group.split("\n")) if group else frozenset()
        return word in found

    def __iter__(self):
        return iter(self.all())

    def __len__(self) -> int:
        return len(self.all())

    def all(self) -> frozenset[str]:
        if self._all is None:
            self._all = frozenset("\n".join(self._groups.values()).split("\n")) if self._groups else frozenset()
        return self._all

    def __and__(self, other) -> frozenset[str]:
        """``words & known``: one C-level intersection once the whole set is built (a suggestion builds it),
        a lookup per word before."""
        if self._all is not None:
            return self._all.intersection(other)
        return frozenset(w for w in other if w in self)

    __rand__ = __and__

    @classmethod
    def _from_iterable(cls, iterable) -> frozenset[str]:  # what other set operations (known - other) return
        return frozenset(iterable)


def _grouped(words: frozenset[str]) -> dict[str, str]:
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:3], []).append(word)
    return {key: "\n".join(sorted(group)) for key, group in sorted(groups.items())}


def _build_lists() -> tuple[dict[str, str], frozenset[str], bytes]:
    english, words = _read_english(), field()
    # The names, marshalled once more, load only when a check asks for them (one in ten documents).
    return _grouped(english | words), words - english, marshal.dumps(_read_names())


def _valid_lists(value) -> bool:
    return (isinstance(value, tuple) and len(value) == 3
            and type(value[0]) is dict and type(value[1]) is frozenset and type(value[2]) is bytes)


@cache
def _lists() -> tuple[dict[str, str], frozenset[str], bytes]:
    """(known words grouped for :class:`WordSet`, field words that are not English, dictionary names marshalled).

    Reading, lower-casing and splitting words.txt was most of a one-file
    check's start-up, so the lists are kept in the user cache (rebuilt whenever
    a list or this module changes), in the form that loads fastest.
    """
    sources = [data_path(name) for name in (ENGLISH, *VOCAB_FILES)] + [__file__]
    return cached("words", sources, _build_lists, _valid_lists)


@cache
def known_words() -> WordSet:
    """English words and field words, lower-cased: the one set every lookup starts with."""
    return WordSet(_lists()[0])


@cache
def english() -> frozenset[str]:
    """English words, lower-cased (names the dictionary has, such as "Reginald", included)."""
    return known_words().all() - _lists()[1]


@cache
def dictionary_names() -> frozenset[str]:
    """The words ``words.txt`` has only capitalised (names), lower-cased: suggested last."""
    try:
        names = marshal.loads(_lists()[2])
    except (ValueError, EOFError, TypeError):
        names = None  # a damaged cache: read the list itself
    return names if type(names) is frozenset else _read_names()


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
def misspellings() -> dict[str, tuple[str, ...]]:
    """Lower-cased wrong form -> its candidate corrections."""
    pairs = read_pairs("misspellings.txt")
    return {wrong.lower(): tuple(r.strip() for r in right.split(",")) for wrong, right in pairs.items()}


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
    if hit or not extra:
        return hit  # most calls pass no extra words: no stems to build for an unknown word
    return any(s in extra for s in stems(lower))


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


def is_listed(word: str) -> bool:
    """In a list, or a regular form of a listed word: stricter than :func:`is_known`, for suggestions."""
    known = known_words()
    return word not in misspellings() and (word in known or any(s in known for s in stems(word)))


def recase(model: str, word: str) -> str:
    """``word`` in the case pattern of ``model``: Sumarry -> Summary, REFERING -> REFERRING."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
