"""The word scan the spelling rules share (this module registers no rule).

Checking must cost little more than a set lookup per word, so the scan works
on the document's whitespace-separated chunks (``Japan's``, ``(NATO),``):
the set of a document's chunks minus the chunks already found clean in this
process is, after the first few documents, a handful. Only those are
tokenized and looked up; a chunk holding no suspicious word joins the clean
set. Suspicious chunks are then found in the text, and only occurrences in
content (not residue, not a link label, not the date line) are kept.

A suspect is a word that is a known misspelling, a word no list knows, or a
lower-case word glued to a capitalised one or to an acronym ("theUN",
"nextG7"). The rules decide what to report: misses are cheaper than false
alarms, so a capitalised unknown word (probably a name) is only reported when
it is one edit from a word the document or the field uses.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import cache, cached_property, lru_cache
from itertools import filterfalse

from .. import regex
from ..record import Record
from ..words import (
    HYPHEN_PREFIXES, dictionary_names, field_terms, function_words, is_known, known_words, misspellings,
    people,
)
from .spelling_suggest import edit_distance, transposed_word, within_one_edit

_TOKEN = regex.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z\u00C0-\u024F]+)*")
GLUED = regex.compile(r"([a-z]{2,})([A-Z][A-Za-z0-9]*)$")
CAMEL = regex.compile(r"([A-Z][a-z]{3,})([A-Z][a-z]{4,})$")
_ALNUM_TAIL = regex.compile(r"[A-Za-z0-9]*")
_LOWER_WORD = regex.compile(r"[a-z]{4,}")
_CAPITALISED = regex.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z]{3,}")  # \b[A-Z]..., but tried only at capitals
_LOWER_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# Letters a document's capitalised words are counted for one at a time; past these, all at once.
_LETTER_SEARCHES = 4
_CHUNK = regex.compile(r"\S+")
_WEB = ("://", "www.", "@", ".htm", ".pdf", ".jp/")

# Process-wide memo of chunks with nothing suspicious in them, and of the
# suspects found in the others; both depend only on the word lists.
_CLEAN: set[str] = set()
_DIRTY: dict[str, tuple[tuple[int, int, str, str], ...]] = {}
_MEMO_LIMIT = 300_000


class Suspect(Record):
    start: int  # absolute offsets of the word in the document text
    end: int
    text: str  # as printed, possessive 's left out
    kind: str  # "misspelling", "unknown", "glued" ("theUN") or "camel" ("SummitMeeting")
    block: str  # kind of the block it stands in: title, lead, heading, paragraph, item, footnote


def analyse(chunk: str) -> tuple[tuple[int, int, str, str], ...]:
    """Suspicious words of one chunk: (start, end, word, kind), offsets in the chunk."""
    if any(mark in chunk for mark in _WEB):
        return ()
    found = []
    miss = misspellings()
    for m in _TOKEN.finditer(chunk):
        start, end = m.span()
        word = m.group()
        if end < len(chunk) and chunk[end].isdigit() or start and chunk[start - 1].isdigit():
            # "nextG7": a word glued to a number-bearing acronym; other digit runs are codes and sizes.
            if not start or not chunk[start - 1].isalnum():
                run = word + _ALNUM_TAIL.match(chunk, end).group()
                if _glued(run):
                    found.append((start, start + len(run), run, "glued"))
            continue
        cut = max(word.find("'"), word.find("’"))
        if cut > 0:
            word = word[:cut]  # Japan's -> Japan; the rest of a contraction is no word to check
            end = start + cut
        if not word.isascii():
            continue  # accented names and foreign words: no list to judge them
        if end < len(chunk) and chunk[end] == "-" and word.lower() in HYPHEN_PREFIXES:
            continue  # "pre-disaster", "non-aligned": a prefix, not a word
        if start > 1 and chunk[start - 1] == "-" and word.islower() and chunk[:start].istitle():
            if word.lower() in miss:
                found.append((start, end, word, "misspelling"))
            continue  # "Oyun-erdene", "Hong-kyun": the second half of a name
        if len(word) < 3:
            continue
        if word.isupper():
            if len(word) >= 5 and word.lower() in miss:
                found.append((start, end, word, "misspelling"))
            continue
        if not word[1:].islower():
            if is_known(word):
                continue  # "SoftBank", "WikiLeaks": brands the field vocabulary knows
            if _glued(word):
                found.append((start, end, word, "glued"))
            elif _camel(word):
                found.append((start, end, word, "camel"))
            continue  # CamelCase names and brands: StratCom, McCully
        lower = word.lower()
        if lower in miss:
            found.append((start, end, word, "misspelling"))
        elif not is_known(lower):
            found.append((start, end, word, "unknown"))
    return tuple(found)


def _memo(chunk: str) -> tuple[tuple[int, int, str, str], ...]:
    """:func:`analyse`, remembered for the process (it depends only on the word lists)."""
    if chunk in _CLEAN:
        return ()
    found = _DIRTY.get(chunk)
    if found is None:
        found = analyse(chunk)
        if found:
            _DIRTY[chunk] = found
        else:
            _CLEAN.add(chunk)
    return found


def _glued(run: str) -> bool:
    """A lower-case word glued to a capitalised one: "theUN", "nextG7", "foreignMinisters".

    After a function word anything capitalised counts; after another word only
    a capitalised known word, so that "macOS" and "eVTOL" are left alone.
    """
    m = GLUED.match(run)
    if m is None:
        return False
    head, rest = m.groups()
    if head in function_words():
        return any(c.isdigit() for c in rest) or rest.isupper() or (rest[1:].islower() and is_known(rest))
    return len(head) >= 3 and rest[1:].islower() and is_known(head) and is_known(rest)


def _camel(word: str) -> bool:
    """Two capitalised words that lost their space: "SummitMeeting", "MinisterKishida".

    Brands are written so too ("SoftBank", "PowerPoint"): those the field
    vocabulary knows are known words, and short parts ("YouTube", "DeepMind")
    are left alone.
    """
    m = CAMEL.match(word)
    return m is not None and is_known(m.group(1)) and is_known(m.group(2))


class Scan:
    """The suspects of one document, and the views of it the rules need to judge them."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self._near: dict[str, str | None] = {}
        self._by_letter: dict[str, list[str]] = {}
        self._capitalised: dict[str, Counter] = {}
        # Residue, link labels, the date line and the marker are blanked in
        # ctx.prose (offsets kept), so their words never become suspects.
        chunks = ctx.prose.split()
        if len(_CLEAN) > _MEMO_LIMIT:
            _CLEAN.clear()
            _DIRTY.clear()
        found = []
        # Most documents hold no chunk unseen or suspicious: one C-level pass says so.
        if not _CLEAN.issuperset(chunks):
            dirty = []
            # The unseen or suspicious chunks, each once: filtering the list at C level and
            # keeping the few left costs less than a set of every chunk minus the clean ones.
            for chunk in set(filterfalse(_CLEAN.__contains__, chunks)):
                hit = _memo(chunk)
                if hit:
                    dirty.append((chunk, hit))
            found.extend(self._place(dirty))
        found.extend(self._captions())
        self.suspects = tuple(sorted(found, key=lambda s: s.start))

    def _captions(self):
        # Photo captions are residue to the model but words an editor typed
        # ("Photo session of the meenting"): checked for what is surely wrong.
        for block in [b for b in self.ctx.blocks if b.residue == "caption"]:
            if _CLEAN.issuperset(block.text.split()):
                continue
            for m in _CHUNK.finditer(block.text):
                for start, end, word, kind in _memo(m.group()):
                    if kind == "misspelling" or (kind == "unknown" and word.islower()):
                        at = block.start + m.start()
                        yield Suspect(at + start, at + end, word, kind, "caption")

    def _place(self, dirty):
        text = self.ctx.prose
        size = len(text)
        blocks = self.ctx.prose_blocks
        starts = [b.start for b in blocks]
        tail = len(text.rstrip())
        for chunk, found in dirty:
            at = text.find(chunk)
            while at != -1:
                after = at + len(chunk)
                if (at == 0 or text[at - 1].isspace()) and (after >= size or text[after].isspace()):
                    i = bisect_right(starts, at) - 1
                    block = blocks[i] if i >= 0 else None
                    if block is not None:
                        for start, end, word, kind in found:
                            # A text cut off mid-word (the corpus has them) ends in no word to check.
                            if kind == "unknown" and at + end == tail and after == tail:
                                continue
                            yield Suspect(at + start, at + end, word, kind, block.kind)
                at = text.find(chunk, at + 1)

    def is_accepted(self, word: str) -> bool:
        """Whether the configuration's accepted-words take ``word`` (plurals of them too)."""
        accepted = self.ctx.accepted
        return bool(accepted) and is_known(word, accepted)

    @cached_property
    def doc_words(self) -> frozenset[str]:
        """Lower-case known words of four letters or more the document uses."""
        return frozenset(_LOWER_WORD.findall(self.ctx.prose.lower())) & known_words()

    def _references(self, letter: str) -> list[str]:
        # The document's words a capitalised typo is measured against, for one first
        # letter (the field's title words are the other references): the English
        # words the document itself capitalises ("Chancellor", "President"), never
        # names. A word the document only writes in lower case is no reference:
        # "Takeo" is a name one edit from "taken". Built per letter, when a word of
        # that letter asks: most documents ask for one or two letters, and
        # looking every capitalised word up cost more than the measuring.
        found = self._by_letter.get(letter)
        if found is None:
            known, names, persons = known_words(), dictionary_names(), people()
            found = self._by_letter[letter] = sorted(
                w for w in self.capitalised(letter) if w in known and w not in names and w not in persons)
        return found

    def near_reference(self, word: str) -> str | None:
        """The document or field word a capitalised unknown ``word`` is a typo of, if any."""
        lower = word.lower()
        if len(lower) < 5:
            return None  # short names sit one edit from too many words
        memo = self._near
        if lower not in memo:
            memo[lower] = self._nearest(lower)
        return memo[lower]

    def _nearest(self, lower: str) -> str | None:
        best, distance = _nearest_field_word(lower)  # a field word wins a tie
        mine, my_distance = _closest(lower, self._references(lower[0]))
        if my_distance < distance:
            best, distance = mine, my_distance
        if distance <= 2:
            return best
        return transposed_word(lower)

    def capitalised(self, letter: str) -> Counter:
        """How often each capitalised word (lower-cased) whose first letter is ``letter`` stands in the text:
        names and their variants, in the order they first appear.

        Every question is about one first letter (a word is measured against the words
        of its letter), and a pattern that starts with a literal capital is found at
        memchr speed, where one that starts with [A-Z] is tried at every character:
        the letters asked are searched one by one, unless there are many of them.
        """
        found = self._capitalised.get(letter)
        if found is None:
            if letter not in _LOWER_LETTERS:
                found = Counter()  # every capitalised word starts with A-Z
            elif len(self._capitalised) < _LETTER_SEARCHES:
                found = Counter(map(str.lower, _capitalised_pattern(letter).findall(self.ctx.prose)))
            else:
                self._count_all_capitalised()
                return self._capitalised[letter]
            self._capitalised[letter] = found
        return found

    def _count_all_capitalised(self) -> None:
        # One search for every letter, split by first letter; a letter counted before keeps its
        # counts (the same ones, in the same order), and every letter gets one.
        by_letter: dict[str, Counter] = {letter: Counter() for letter in _LOWER_LETTERS}
        for word, n in Counter(map(str.lower, _CAPITALISED.findall(self.ctx.prose))).items():
            by_letter[word[0]][word] = n
        for letter, counts in by_letter.items():
            self._capitalised.setdefault(letter, counts)


@cache
def _capitalised_pattern(letter: str):
    """``_CAPITALISED`` for the words whose first letter is ``letter`` (lower-case): they are the matches
    of ``_CAPITALISED`` that start with its capital, since no match starts inside another (its letters are \\w)."""
    return regex.compile(letter.upper() + r"(?<!\w[A-Z])[A-Za-z]{3,}")


@lru_cache(maxsize=4096)
def _nearest_field_word(lower: str) -> tuple[str | None, int]:
    """The field's title word nearest ``lower`` and its distance (3: none within two edits).

    The same in every document, so remembered: most of a capitalised name's
    measuring is against these hundreds of words."""
    return _closest(lower, _field_index().get(lower[0], ()))


def _closest(lower: str, references) -> tuple[str | None, int]:
    """The first of ``references`` nearest ``lower`` within two edits, and its distance (3 when none is)."""
    size = len(lower)
    letters = set(lower)
    best, best_distance = None, 3
    for ref in references:
        if abs(len(ref) - size) > 2 or inflection_pair(lower, ref):
            continue
        if within_one_edit(lower, ref):
            distance = 1
        elif size >= 8 and (ref[:2] == lower[:2] or ref[-3:] == lower[-3:]) and len(set(ref) ^ letters) <= 4:
            # Two edits only for long words; two edits change at most four letters of the
            # alphabet used, a cheap filter before the distance table.
            distance = edit_distance(lower, ref, 3)
        else:
            continue
        if distance < best_distance:
            best, best_distance = ref, distance
    return best, best_distance


@cache
def _field_index() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    # Sorted: _closest takes the first of equally near words, and a set's order changes
    # with the hash seed, so "Economi" was "Economy" in one run and "Economic" in the next.
    for w in sorted(field_terms() - people()):
        found.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in found.items()}


def inflection_pair(a: str, b: str) -> bool:
    """Korea/Korean, Minister/Ministers, Japan/Japans: forms of one word, not a typo of it."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short):] in ("s", "n", "es", "an", "e", "d")


def scan(ctx) -> Scan:
    """The scan of ``ctx``'s document, made once however many rules ask."""
    return ctx.shared("spelling-scan", Scan)
