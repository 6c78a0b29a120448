"""Terminology: one form per term, and the house's preferred terms.

A document names a thing one way: ``Euro-Atlantic`` beside
``Europe-Atlantic``, or ``Indo-Pacific`` beside ``Indo-pacific``, is the
same term in two forms, and the one used less often is reported. Preferred
terms (``wrong -> right``) come from ``convert/data/preferred-terms.txt``
and the ``preferred-terms`` table of the configuration.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..problem import replace
from .base import Finding, Rule, register

# "Indo-Pacific", "Euro-Atlantic": a capitalised hyphenated compound. Found from its hyphens
# (few, and scanned fast), then grown to the whole word.
_HYPHEN = re.compile(r"-(?=[A-Za-z])")
# A part is a word or a dotted abbreviation ("U.S."), so "Japan-U.S." and "Japan-US" compare.
_PART = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Za-z]+)"
_COMPOUND = re.compile(rf"[A-Z][A-Za-z]*(?:(?:\.[A-Z])+\.?)?(?:-{_PART})+(?![\w-])")
# Endings that make another word, not another spelling: Korea/Korean, Asia/Asian, Japan/Japanese.
_DERIVATIONS = ("s", "n", "an", "ian", "ese", "ern", "i", "ic", "ish", "es")


def compounds(ctx):
    return ctx.shared("compounds", _compounds)


def _compounds(ctx) -> list[re.Match]:
    text = ctx.prose
    found, covered = [], -1
    for h in _HYPHEN.finditer(text):
        if h.start() < covered or not text[h.start() - 1:h.start()].isalpha():
            continue
        start = h.start()
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        m = _COMPOUND.match(text, start)
        if m is not None and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-_")):
            found.append(m)
            covered = m.end()
        else:
            covered = h.end()
    return found


def _key(form: str) -> str:
    """What two spellings of one term share: case and the dots of abbreviations dropped."""
    return form.replace(".", "").lower()


def _variant_of(a: str, b: str) -> bool:
    """Two compounds that differ in one part, where one part is a clipped form of the other (Euro/Europe)."""
    pa, pb = a.replace(".", "").split("-"), b.replace(".", "").split("-")
    if len(pa) != len(pb) or _key(a) == _key(b):
        return False
    diff = [(x, y) for x, y in zip(pa, pb) if x.lower() != y.lower()]
    if len(diff) != 1:
        return False
    x, y = sorted(diff[0], key=len)
    if len(x) < 4 or not y.lower().startswith(x.lower()):
        return False
    return y[len(x):].lower() not in _DERIVATIONS


def _names_in_capitals(a: str, b: str) -> bool:
    """OYUN-ERDENE beside Oyun-erdene: a family name in capitals is the house style for names, not a variant."""
    return a.isupper() or b.isupper()


def _preferred_keys(ctx) -> frozenset[str]:
    return frozenset(preferred(ctx))


@register
class TermVariants(Rule):
    """The same term is written in two forms in one document.

    ``Euro-Atlantic`` and ``Europe-Atlantic``; ``Indo-Pacific`` and
    ``Indo-pacific`` or ``Indo Pacific``. The form used most often (on a
    tie, the first one) is taken as the document's and the others are
    reported, with an unsafe fix to that form. Forms listed as preferred
    terms are left to TR002.
    """

    code = "TR001"
    name = "term-variants"
    summary = "a term written in two forms"
    bad = "Both sides affirmed cooperation in the Asia-Pacific region and peace in the Asia Pacific.\n"
    good = "Both sides affirmed cooperation in the Asia-Pacific region and peace in the Asia-Pacific.\n"

    def check(self, ctx):
        found = compounds(ctx)
        if not found:
            return
        counts = Counter(m.group(0) for m in found)
        first = {}
        for m in found:
            first.setdefault(m.group(0), m.start())
        forms = sorted(counts, key=lambda f: (-counts[f], first[f]))
        skip = _preferred_keys(ctx)
        flagged: dict[str, str] = {}
        for i, main in enumerate(forms):
            if main in flagged:
                continue
            for other in forms[i + 1:]:
                if other not in flagged and other not in skip and not _names_in_capitals(main, other) and (
                        _key(other) == _key(main) or _variant_of(main, other)):
                    flagged[other] = main
        for m in found:
            main = flagged.get(m.group(0))
            if main is not None:
                yield Finding(m.start(), m.end(), f"{m.group(0)!r} beside {main!r} in the same document",
                              replace(m.start(), m.end(), main, "unsafe"))
        yield from _spaced_variants(ctx, counts, skip)


def _spaced_variants(ctx, counts: Counter, skip: frozenset[str]):
    """ "Indo Pacific" or "IndoPacific" beside "Indo-Pacific"."""
    text = ctx.prose
    for form in counts:
        for variant in (form.replace("-", " "), form.replace("-", "")):
            if variant in skip or variant not in text:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(variant)}(?![\w-])", text):
                yield Finding(m.start(), m.end(), f"{variant!r} beside {form!r} in the same document",
                              replace(m.start(), m.end(), form, "unsafe"))


def preferred(ctx) -> dict[str, str]:
    """Default preferred terms, then the configuration's (which win)."""
    configured = ctx.setting("preferred_terms", None) or {}
    return _merged(tuple(configured.items()))


@lru_cache(maxsize=8)
def _merged(configured: tuple[tuple[str, str], ...]) -> dict[str, str]:
    from ..words import preferred_terms

    return {**preferred_terms(), **dict(configured)}


@lru_cache(maxsize=32)
def _pattern(wrongs: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(wrongs, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


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
        terms = {wrong: right for wrong, right in preferred(ctx).items() if wrong in text}
        if not terms:
            return
        for m in _pattern(tuple(sorted(terms))).finditer(text):
            right = terms[m.group(0)]
            yield Finding(m.start(), m.end(), f"{m.group(0)!r}: the preferred term is {right!r}",
                          replace(m.start(), m.end(), right))
