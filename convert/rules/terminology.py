"""Terminology: one form per term, and the house's preferred terms.

A document names a thing one way: ``Euro-Atlantic`` beside
``Europe-Atlantic``, or ``Indo-Pacific`` beside ``Indo-pacific``, is the
same term in two forms, and the one used less often is reported. Preferred
terms (``wrong -> right``) come from ``convert/data/preferred-terms.txt``
and the ``preferred-terms`` table of the configuration.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import regex
from ..problem import replace
from .base import Finding, Rule, register

# "Indo-Pacific", "Euro-Atlantic": a capitalised hyphenated compound. Found from its hyphens
# (few, and found by str.find, which skips to each far faster than a pattern's scan), then grown to
# the whole word. Only a hyphen between two ASCII letters is looked at: a compound's letters are
# ASCII, and its first hyphen follows a letter.
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# "co-operation": the second part of a lower-case compound, after two lower-case letters and a hyphen.
_LOWER_TAIL = regex.compile(r"(?<=[a-z][a-z]-)[a-z]{3,}")
_LOWER_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# A part is a word or a dotted abbreviation ("U.S."), so "Japan-U.S." and "Japan-US" compare.
# Group 1 is the first word: where it ends tells whether the compound starts a plain word.
_PART = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Za-z]+)"
_COMPOUND = regex.compile(rf"([A-Z][A-Za-z]*)(?:(?:\.[A-Z])+\.?)?(?:-{_PART})+(?![\w-])")
# Endings that make another word, not another spelling: Korea/Korean, Asia/Asian, Japan/Japanese.
_DERIVATIONS = ("s", "n", "an", "ian", "ese", "ern", "i", "ic", "ish", "es")
# "(OECD)": an acronym in brackets, after the official name it stands for. Starts with a literal.
_ACRONYM = regex.compile(r"\(([A-Z][A-Za-z&]*[A-Z])\)")
# Small words inside a Title-Case name: "Organisation for Economic Co-operation and Development".
_NAME_LINKS = frozenset({"and", "of", "for", "the", "on", "in", "to", "de", "du", "des", "la", "&"})
_NAME_LOOK_BACK = 200  # characters before an acronym searched for its name


def compounds(ctx) -> list[re.Match]:
    return _compound_view(ctx)[0]


def hyphened_words(ctx) -> dict[str, list[int]]:
    """Lower-case compounds of plain letters ("co-operation"), each with the places it is written.

    A word of two letters or more, a hyphen and three letters or more, neither
    part running on into another letter or hyphen; not a compound of "re-".
    """
    return _compound_view(ctx)[1]


def _compound_view(ctx) -> tuple[list[re.Match], dict[str, list[int]]]:
    """:func:`compounds` and :func:`hyphened_words` of the document, found together once."""
    return ctx.shared("compounds", _hyphened)


def _hyphened(ctx) -> tuple[list[re.Match], dict[str, list[int]]]:
    """The capitalised compounds and the lower-case ones, from one look at each hyphen."""
    text = ctx.prose
    found, lower = [], {}
    last = len(text) - 1
    at = text.find("-")
    while at != -1:
        if 0 < at < last and text[at - 1] in _ASCII_LETTERS and text[at + 1] in _ASCII_LETTERS:
            m = _compound_at(text, at)
            if m is not None:
                found.append(m)
                # Its own hyphens are not looked at again (no lower-case compound either: its letters go
                # back to a hyphen or capital). It ends past this hyphen: no letter nor hyphen may follow it.
                at = text.find("-", m.end())
                continue
            _add_lower(text, at, lower)
        at = text.find("-", at + 1)
    return found, lower


def _compound_at(text: str, at: int) -> re.Match | None:
    """The capitalised compound the hyphen at ``at`` belongs to, if any.

    It is matched from the start of the run of letters and hyphens before the
    hyphen, and must stand at a word start.
    """
    # Most compounds follow a space, their first word plain letters up to this hyphen: one look back to
    # the space and one match from there, both in C, save a step per letter.
    start = text.rfind(" ", 0, at) + 1
    if text[start] in _CAPITALS:
        m = _COMPOUND.match(text, start)
        if m is not None and m.end(1) == at:
            return m
    if not text[start:at].isalpha():
        start = _run_start(text, at)
    m = _COMPOUND.match(text, start) if text[start] in _CAPITALS else None
    if m is not None and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_")):
        return m
    return None


def _add_lower(text: str, at: int, forms: dict[str, list[int]]) -> None:
    """Add to ``forms`` the lower-case compound whose hyphen is at ``at``, if it is one."""
    m = _LOWER_TAIL.match(text, at + 1)
    if m is None:
        return
    end = m.end()
    if end < len(text) and (text[end].isalpha() or text[end] == "-"):
        return  # "co-operationé", "well-being-": the word goes on
    start = at - 2
    while start and text[start - 1] in _LOWER_LETTERS:
        start -= 1
    if start and (text[start - 1].isalpha() or text[start - 1] in "-_"):
        return  # "Xco-operation", "non-co-operation": the word starts earlier
    if text[start:at] != "re":
        forms.setdefault(text[start:end], []).append(start)


def _run_start(text: str, at: int) -> int:
    """Start of the run of letters and hyphens that ends at ``at``."""
    start = at
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
        start -= 1
    return start


def _key(form: str) -> str:
    """What two spellings of one term share: case and the dots of abbreviations dropped."""
    return form.replace(".", "").lower()


def _clipped(a: str, b: str) -> bool:
    """Two compounds (as :func:`_key` writes them) that differ in one part, where one part is a clipped
    form of the other (euro/europe)."""
    pa, pb = a.split("-"), b.split("-")
    if len(pa) != len(pb):
        return False
    diff = [(x, y) for x, y in zip(pa, pb) if x != y]
    if len(diff) != 1:
        return False
    x, y = sorted(diff[0], key=len)
    if len(x) < 4 or not y.startswith(x):
        return False
    return y[len(x):] not in _DERIVATIONS


def _names_in_capitals(a: str, b: str) -> bool:
    """OYUN-ERDENE beside Oyun-erdene: a family name in capitals is the house style for names, not a variant."""
    return a.isupper() or b.isupper()


def official_names(ctx) -> list[tuple[int, int]]:
    """Spans of official names in the content, whose spelling is theirs and no term form of the document.

    A Title-Case name of two words or more directly followed by its acronym
    in brackets ("Organisation for Economic Co-operation and Development
    (OECD)", "Asia Pacific Economic Cooperation (APEC)"), and the
    multi-word names of the field vocabulary wherever they stand.
    """
    return ctx.shared("official-names", _official_names)


def _official_names(ctx) -> list[tuple[int, int]]:
    text = ctx.prose
    found = []
    if "(" in text:
        for m in _ACRONYM.finditer(text):
            start = _name_before(text, m.start(), m.group(1))
            if start is not None:
                found.append((start, m.start()))
    names = _vocabulary_names()
    if names:
        lower = text.lower()
        for name in names:
            at = lower.find(name)
            while at != -1:
                found.append((at, at + len(name)))
                at = lower.find(name, at + len(name))
    return found


def _name_before(text: str, end: int, acronym: str) -> int | None:
    """Start of the Title-Case name that ``acronym`` abbreviates, ending just before ``end`` (a bracket)."""
    start = max(text.rfind("\n", 0, end) + 1, end - _NAME_LOOK_BACK)
    head = text[start:end].rstrip(" ")
    if len(head) == end - start:
        return None  # "Name(ACRONYM)": no space, no name
    words, at = [], len(head)
    for token in reversed(head.split(" ")):  # the name's words, from the last one back
        at -= len(token)
        if token[:1].isupper() and token.replace("-", "").replace("’", "").replace("'", "").isalpha():
            words.append((at, token))
        elif token.lower() in _NAME_LINKS and words:
            pass
        else:
            break
        at -= 1  # the space
    capitals = []  # from the last word back: the initials of the words and their hyphenated parts
    letters = acronym.upper().replace("&", "")
    for at, token in words:
        capitals[:0] = [part[0] for part in token.split("-") if part[:1].isupper()]
        if len(capitals) >= 2 and token[0] == letters[0] and _subsequence(letters, capitals):
            return start + at
    return None


def _subsequence(letters: str, capitals: list[str]) -> bool:
    """Every letter of the acronym among the name's initials, in order, the first one first."""
    if not capitals or capitals[0] != letters[0]:
        return False
    it = iter(capitals)
    return all(ch in it for ch in letters)


@lru_cache(maxsize=1)
def _vocabulary_names() -> tuple[str, ...]:
    """The field vocabulary's entries of several words (lower-cased as listed)."""
    from ..words import vocabulary_entries

    return tuple(sorted({e.lower() for e in vocabulary_entries() if " " in e}))


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


@register
class TermVariants(Rule):
    """The same term is written in two forms in one document.

    ``Euro-Atlantic`` and ``Europe-Atlantic``; ``Indo-Pacific`` and
    ``Indo-pacific`` or ``Indo Pacific``; ``co-operation`` and
    ``cooperation`` (not ``re-sign`` and ``resign``: other words). The
    form used most often (on a tie, the first one) is taken as the
    document's and the others are reported, with an unsafe fix to that
    form. Forms listed as preferred terms are left to TR002. Forms inside an
    official name keep the name's own spelling and neither count nor are
    reported: a Title-Case name followed by its acronym in brackets
    (``Organisation for Economic Co-operation and Development (OECD)``
    beside ``cooperation``), or a name of several words in the field
    vocabulary.
    """

    code = "TR001"
    name = "term-variants"
    summary = "a term written in two forms"
    bad = "Both sides affirmed cooperation in the Asia-Pacific region and peace in the Asia Pacific.\n"
    good = "Both sides affirmed cooperation in the Asia-Pacific region and peace in the Asia-Pacific.\n"

    def check(self, ctx):
        text = ctx.prose
        found, hyphened = _compound_view(ctx)
        if not found and not hyphened:
            return  # no compound, no form to compare
        skip = _wrong_terms(ctx)  # forms that are preferred terms' wrong ones: TR002's
        findings = _variants(text, found, skip) + _solid_variants(text, hyphened, skip)
        if findings:
            # Only now, with something to say, look for names: their forms neither vote nor are reported.
            names = official_names(ctx)
            if names:
                found = [m for m in found if not _inside(names, m.start(), m.end())]
                hyphened = _outside(hyphened, names)
                findings = [f for f in _variants(text, found, skip) + _solid_variants(text, hyphened, skip, names)
                            if not _inside(names, f.start, f.end)]
        yield from findings


def _variants(text: str, found: list[re.Match], skip: frozenset[str]) -> list[Finding]:
    if not found:
        return []
    forms = [m.group() for m in found]
    counts: dict[str, int] = {}  # in the order of first use
    for form in forms:
        counts[form] = counts.get(form, 0) + 1
    findings = []
    flagged = _flagged(counts, skip) if len(counts) > 1 else None
    if flagged:
        for m, form in zip(found, forms):
            main = flagged.get(form)
            if main is not None:
                findings.append(Finding(m.start(), m.end(), f"{form!r} beside {main!r} in the same document",
                                        replace(m.start(), m.end(), main, "unsafe")))
    findings += _spaced_variants(text, counts, skip)
    return findings


def _flagged(counts: dict[str, int], skip: frozenset[str]) -> dict[str, str]:
    """Each form that is another spelling of a form written more often (on a tie, earlier), and that form.

    Another spelling: the same :func:`_key`, or parts that differ in one
    clipped part (:func:`_clipped`). Forms in capitals are names
    (:func:`_names_in_capitals`).
    """
    keys_of = {form: _key(form) for form in counts}
    if not _may_pair(keys_of.values()):
        return {}
    # Counts keep the order of first use, and a stable sort keeps it among equal counts.
    forms = sorted(counts, key=counts.__getitem__, reverse=True)
    keys = [keys_of[form] for form in forms]
    flagged: dict[str, str] = {}
    for i, main in enumerate(forms):
        if main in flagged or main.isupper():  # a form in capitals pairs with none (_names_in_capitals)
            continue
        for j in range(i + 1, len(forms)):
            other = forms[j]
            if other not in flagged and other not in skip and not _names_in_capitals(main, other) and (
                    keys[j] == keys[i] or _clipped(keys[i], keys[j])):
                flagged[other] = main
    return flagged


def _may_pair(keys) -> bool:
    """Whether two of ``keys`` may be spellings of one term: a cheap test that spares most documents the pairing.

    Two keys pair when equal or when they differ in one clipped part (at least
    four letters, :func:`_clipped`), so the first four letters of each of their
    parts agree.
    """
    shapes = [tuple([part[:4] for part in key.split("-")]) for key in keys]
    return len(set(shapes)) < len(shapes)


def _spaced_variants(text: str, counts: dict[str, int], skip: frozenset[str]) -> list[Finding]:
    """ "Indo Pacific" or "IndoPacific" beside "Indo-Pacific"."""
    findings = []
    for form in counts:
        for variant in (form.replace("-", " "), form.replace("-", "")):
            if variant not in text or variant in skip:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", text):
                findings.append(Finding(m.start(), m.end(), f"{variant!r} beside {form!r} in the same document",
                                        replace(m.start(), m.end(), form, "unsafe")))
    return findings


def _outside(forms: dict[str, list[int]], names: list[tuple[int, int]]) -> dict[str, list[int]]:
    """``forms`` with the places inside ``names`` left out, ordered again by their first place."""
    kept = {}
    for form, places in forms.items():
        places = [start for start in places if not _inside(names, start, start + len(form))]
        if places:
            kept[form] = places
    return dict(sorted(kept.items(), key=lambda item: item[1][0]))


def _solid_variants(text: str, forms: dict[str, list[int]], skip: frozenset[str],
                    names: list[tuple[int, int]] = ()) -> list[Finding]:
    """ "co-operation" beside "cooperation": a lower-case compound written with its hyphen and without.

    ``forms`` are the hyphened forms (from :func:`hyphened_words`). The form written more often (on a
    tie, the first) is the document's. A compound of "re-" is left alone: "re-sign" and "resign",
    "re-cover" and "recover" are other words.
    """
    findings = []
    for form, places in forms.items():
        solid = form.replace("-", "")
        if solid in skip or form in skip or solid not in text:
            continue
        solids = [m.start() for m in re.finditer(rf"(?<![\w-]){solid}(?![\w-])", text)
                  if not _inside(names, m.start(), m.end())]
        if not solids:
            continue
        # The form written more often is the document's; on a tie, the one written first.
        hyphened_main = (len(places), -places[0]) > (len(solids), -solids[0])
        main, other, wrong = (form, solid, solids) if hyphened_main else (solid, form, places)
        for start in wrong:
            findings.append(Finding(start, start + len(other), f"{other!r} beside {main!r} in the same document",
                                    replace(start, start + len(other), main, "unsafe")))
    return findings


def preferred(ctx) -> dict[str, str]:
    """Default preferred terms, then the configuration's (which win); cached per configuration."""
    return _merged(_configured(ctx))


def _wrong_terms(ctx) -> frozenset[str]:
    """The wrong sides of :func:`preferred`, as a set built once per configuration."""
    return _wrongs(_configured(ctx))


def _configured(ctx) -> tuple[tuple[str, str], ...]:
    """The configuration's preferred terms, hashable: the key of the caches above."""
    return tuple((ctx.setting("preferred_terms", None) or {}).items())


@lru_cache(maxsize=8)
def _wrongs(configured: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(_merged(configured))


@lru_cache(maxsize=8)
def _merged(configured: tuple[tuple[str, str], ...]) -> dict[str, str]:
    from ..words import preferred_terms

    return {**preferred_terms(), **dict(configured)}


@lru_cache(maxsize=32)
def _pattern(wrongs: tuple[str, ...]) -> re.Pattern:
    """The wrong terms as whole words, the longest first.

    Each term checks the character before it in a look-behind after it
    (``term(?<![\\w-]term)``): a pattern opening with the terms is tried only
    where one may start, one opening with a look-behind at every character.
    """
    alternatives = "|".join(rf"{w}(?<![\w-]{w})" for w in map(re.escape, sorted(wrongs, key=len, reverse=True)))
    return regex.compile(rf"(?:{alternatives})(?![\w-])")


@register
class PreferredTerm(Rule):
    """A term the house writes another way: ``Indo-pacific`` for ``Indo-Pacific``.

    Terms come from the shipped list and from ``preferred-terms`` in the
    configuration (``"wrong" = "right"``, matched as whole words, case as
    written). The fix writes the preferred form (safe: the house asked for it).
    """

    code = "TR002"
    name = "preferred-term"
    summary = "a term not in its preferred form"
    bad = "Japan and NATO will hold joint exercises in the Europe-Atlantic region.\n"
    good = "Japan and NATO will hold joint exercises in the Euro-Atlantic region.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        terms, first = {}, len(text)
        for wrong, right in preferred(ctx).items():
            at = text.find(wrong)
            if at != -1:
                terms[wrong] = right
                first = min(first, at)
        if not terms:
            return
        # No term stands before the first place one is written.
        for m in _pattern(tuple(sorted(terms))).finditer(text, first):
            right = terms[m.group(0)]
            yield Finding(m.start(), m.end(), f"{m.group(0)!r}: the preferred term is {right!r}",
                          replace(m.start(), m.end(), right))
