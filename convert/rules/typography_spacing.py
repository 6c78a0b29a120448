"""Typography: spaces around punctuation and brackets.

Each rule runs one compiled pattern over the document's content (residue
blanked out, offsets kept), and each fix only adds or removes spaces, so
all of them are safe. Web link labels are residue and are skipped, with
one exception: TY004 checks the spaces inside their brackets, since a
label such as ``( English (PDF/56KB ) / Japanese (PDF/97KB) )`` is printed
with the content and its stray spaces are a typing slip.
"""

from __future__ import annotations

import re

from .. import regex
from ..problem import replace
from .base import Finding, Rule, register

# TY005: "fishing.The", "Japan,and", "cooperation;the": a word, punctuation, a word, no space.
# The word before needs two lower-case letters, so "U.S.", "Mr.X" style initials and
# domain names ("mofa.go.jp", lower case after the dot) are left alone. The pattern asks
# for the letters after the mark (two, or one ending the text); Python checks those before.
_NO_SPACE_MARKS = ".!?,;"
_LETTERS_AFTER = r"(?=[A-Za-z](?:[A-Za-z]|\Z))"
# TY006: "Abe , Prime", "Japan .": blanks, then punctuation followed by a space or the end.
_SPACED_MARKS = ",;:.!?"
# Both rules look around the same marks, so one pass per mark finds what each needs. A pattern
# starts with its mark: the engine finds a literal first character far faster than a class.
_AROUND_MARK = tuple(
    (mark, regex.compile(re.escape(mark) + "(?:"
                         + (_LETTERS_AFTER + "|" if mark in _NO_SPACE_MARKS else "")
                         + r"(?<=[ \t\u00a0]" + re.escape(mark) + r")(?=\s|$))"))
    for mark in dict.fromkeys(_NO_SPACE_MARKS + _SPACED_MARKS))
_BLANKS = frozenset(" \t\u00a0")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# A hyphen and a space: the engine finds the hyphen alone faster than str.find finds the pair.
_HYPHEN_SPACE = regex.compile(r"-(?= )")
# The second word of "Japan- Netherlands", "Japan- ROK", "Japan- U.S.": capitalised, two letters or more.
_CAPITALISED_WORD = regex.compile(r"[A-Z](?:(?:\.[A-Z])+\.?|[A-Za-z]+)")
_WORD_OPENERS = frozenset(" \t\u00a0\n(“\"")
# Two or more spaces (or no-break spaces) between two words on one line: see _doubled_blanks.
_SPACES = frozenset(" \u00a0")
_NON_BLANKS = regex.compile(r"\S+")
# A sentence break inside a paragraph: final punctuation (a closing quote or bracket may follow),
# spaces, a capital or an opening quote. The word before is checked in Python (two lower-case letters:
# not "U.S.", "Mr.").
_BREAK = regex.compile(r"[.!?][\"”’)]?( +)(?=[A-Z\"“(])")
_CLOSING = frozenset(")\"”’")
_MIN_BREAKS = 3  # sentence breaks a document needs before its spacing is a convention
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Gen", "Lt", "Col", "Sen", "Rep", "Amb"})


@register
class SpaceInsideBrackets(Rule):
    """A space just inside a bracket: ``( English`` or ``56KB )``.

    The fix removes it. Link labels are checked too (see the module notes).
    """

    code = "TY004"
    name = "space-inside-brackets"
    summary = "space just inside a bracket"
    bad = "a joint statement ( English ) was issued.\n"
    good = "a joint statement (English) was issued.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.content
        for start, end in _blanks_inside_brackets(text):
            side = "after" if text[start - 1] in "([" else "before"
            bracket = text[start - 1] if side == "after" else text[end]
            yield Finding(start, end, f"space {side} {bracket!r}: {_excerpt(text, start, end)!r}",
                          replace(start, end, ""))


@register
class MissingSpaceAfter(Rule):
    """No space after a full stop, comma or semicolon between two words: ``fishing.The``.

    Abbreviations with capitals (``U.S.``), decimals (``3.5``), thousands
    (``1,000``) and domain names (``www.mofa.go.jp``) are not reported. The
    fix inserts the space.
    """

    code = "TY005"
    name = "missing-space-after-punctuation"
    summary = "missing space after a full stop or comma"
    bad = "the two sides discussed fishing.The talks will continue.\n"
    good = "the two sides discussed fishing. The talks will continue.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        for at in _punctuation_spots(ctx)[0]:
            mark = text[at]
            before, after = text[at - 2:at], text[at + 1:at + 3]
            if not (before.isascii() and after.isascii() and after.isalpha()):
                continue
            if mark in ".!?":
                # "fishing.The", "in 2023.The"; not "U.S.", "p.m.", "e.g.", "mofa.go.jp"
                if not ((before.isalpha() and before.islower() or before.isdigit())
                        and after[0].isupper() and after[1:].islower()):  # at the very end, one letter
                    continue
            elif not before.isalpha():
                continue  # "1,000", "2,3"
            if _in_web_address(text, at):
                continue
            yield Finding(at, at + 1, f"no space after {mark!r}: {_excerpt(text, at, at + 1)!r}",
                          replace(at + 1, at + 1, " "))


def _punctuation_spots(ctx) -> tuple[list[int], list[tuple[int, int]]]:
    """What TY005 and TY006 look at in the prose, found once for both (see ``_AROUND_MARK``).

    Sorted offsets of the marks with letters right after them (TY005), and sorted spans of the
    blanks (spaces, tabs, no-break spaces) right before a mark that a space, a line break or the
    end follows (TY006).
    """
    return ctx.shared("typography.punctuation-spots", _find_punctuation_spots)


def _find_punctuation_spots(ctx) -> tuple[list[int], list[tuple[int, int]]]:
    text = ctx.prose
    letters_after: list[int] = []
    blanks_before: list[tuple[int, int]] = []
    for mark, pattern in _AROUND_MARK:
        if mark not in text:
            continue
        for m in pattern.finditer(text):
            at = m.start()
            if text[at + 1:at + 2] in _ASCII_LETTERS:  # TY005's case: TY006's needs a blank or the end
                letters_after.append(at)
            else:
                blanks_before.append((_run_start(text, at, _BLANKS), at))
    letters_after.sort()
    blanks_before.sort()
    return letters_after, blanks_before


def _blanks_inside_brackets(text: str) -> list[tuple[int, int]]:
    """Sorted spans of the blanks (spaces, tabs, no-break spaces; not line breaks) just inside a bracket.

    "( English": the blanks after an opening bracket, when neither a line
    break nor a closing bracket follows them. "56KB )": the blanks before a
    closing bracket, when a word or mark (not an opening bracket) stands
    before them. Brackets are few, so each is looked at rather than every
    position of the text.
    """
    found = []
    size = len(text)
    for bracket in "([":
        at = text.find(bracket)
        while at != -1:
            end = _run_end(text, at + 1, _BLANKS)
            if at + 1 < end < size and not text[end].isspace() and text[end] not in ")]":
                found.append((at + 1, end))
            at = text.find(bracket, at + 1)
    for bracket in ")]":
        at = text.find(bracket)
        while at != -1:
            start = _run_start(text, at, _BLANKS)
            if 0 < start < at and not text[start - 1].isspace() and text[start - 1] not in "([":
                found.append((start, at))
            at = text.find(bracket, at + 1)
    found.sort()
    return found


def _run_start(text: str, at: int, chars: frozenset[str]) -> int:
    """Where the run of ``chars`` that ends at ``at`` starts (``at`` itself when none stands before it)."""
    while at > 0 and text[at - 1] in chars:
        at -= 1
    return at


def _run_end(text: str, at: int, chars: frozenset[str]) -> int:
    """Where the run of ``chars`` that starts at ``at`` ends."""
    size = len(text)
    while at < size and text[at] in chars:
        at += 1
    return at


def _in_web_address(text: str, at: int) -> bool:
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    word = text[start:at]
    return "/" in word or "@" in word or word.startswith("www")


@register
class SpaceBeforePunctuation(Rule):
    """A space before a comma, full stop, colon or semicolon: ``Abe , Prime``.

    The fix removes the space.
    """

    code = "TY006"
    name = "space-before-punctuation"
    summary = "space before punctuation"
    bad = "Mr. Abe , Prime Minister of Japan, met the President .\n"
    good = "Mr. Abe, Prime Minister of Japan, met the President.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        for start, end in _punctuation_spots(ctx)[1]:
            before = text[start - 1] if start else "\n"
            if not (before.isalnum() or before in ")\"”’"):
                continue
            mark = text[end]
            if mark == "." and text.startswith("..", end):
                continue  # an ellipsis " ..." may stand after a space
            yield Finding(start, end + 1, f"space before {mark!r}: {_excerpt(text, start, end + 1)!r}",
                          replace(start, end, ""))


@register
class DoubleSpace(Rule):
    """Two or more spaces between words.

    No-break spaces count as spaces. The fix leaves one space. A document
    that puts two spaces after every sentence inside its paragraphs (at
    least three such breaks, all doubled: the typewriter convention of
    some older pages) keeps that convention: those are not reported, while
    a double space mid-sentence still is, and so is every doubled break in
    a document that mixes one and two spaces.
    """

    code = "TY009"
    name = "double-space"
    summary = "two or more spaces between words"
    bad = "Prime Minister Kishida  held a meeting.\n"
    good = "Prime Minister Kishida held a meeting.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        if "  " not in text and "\u00a0" not in text:
            return  # what every run found below holds: the common case, told without a call
        convention = None  # whether two spaces between sentences is the document's style; read once, if asked
        for start, end in _doubled_blanks(text):
            if text[start:end] == "  " and _after_sentence(text, start, end):
                if convention is None:
                    convention = _two_spaces_between_sentences(text)
                if convention:
                    continue
            left = text[max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1:start]
            right = _NON_BLANKS.match(text, end).group()  # a word follows the blanks
            yield Finding(start, end, f"{end - start} spaces between {left!r} and {right!r}",
                          replace(start, end, " "))


@register
class SpaceAfterHyphen(Rule):
    """A space after the hyphen of a compound between capitalised words: ``Japan- Netherlands``.

    The hyphen is glued to the first word and a capitalised word follows
    after a space, so the two words lost their join. Suspended hyphens
    (``pre- and post-war``, ``short- and long-term``) are followed by a
    lower-case ``and`` or ``or`` and are not reported, nor spaced dashes
    (``Japan - Netherlands``). The fix removes the space; it is safe when
    the document writes the compound joined elsewhere (``Japan-Netherlands``),
    otherwise unsafe: a dash missing its first space (``Tokyo- The``) looks
    the same.
    """

    code = "TY010"
    name = "space-after-hyphen"
    summary = "space after the hyphen of a compound: Japan- Netherlands"
    bad = "Japan- Netherlands Summit Meeting\n\nThe two leaders affirmed the Japan-Netherlands partnership.\n"
    good = "Japan-Netherlands Summit Meeting\n\nThe two leaders affirmed the Japan-Netherlands partnership.\n"
    fixed = good

    def check(self, ctx):
        text = ctx.prose
        for hyphen in _HYPHEN_SPACE.finditer(text):
            at = hyphen.start()
            found = _split_compound(text, at)
            if found is not None:
                start, right, end = found
                joined = text[start:at + 1] + text[right:end]
                safety = "safe" if _elsewhere(text, joined, start) else "unsafe"
                yield Finding(start, end, f"space after the hyphen in {text[start:end]!r}: {joined!r}",
                              replace(at + 1, right, "", safety))


def _split_compound(text: str, at: int) -> tuple[int, int, int] | None:
    """For "Capitalised- Capitalised" with its hyphen at ``at``: (start, start of the second word, end), else None."""
    if not at or text[at - 1] not in _ASCII_LETTERS:
        return None  # " - ": a spaced dash; "1- ": no word
    start = at
    while start > 0 and text[start - 1] in _ASCII_LETTERS:
        start -= 1
    if not text[start].isupper() or (start and text[start - 1] not in _WORD_OPENERS):
        return None  # "pre- and", "e-mail- Japan": not a capitalised word of its own
    right = at + 1
    while right < len(text) and text[right] in _BLANKS:
        right += 1
    word = _CAPITALISED_WORD.match(text, right)
    if word is None:
        return None  # "short- and long-term", "Japan- and US-made": a suspended hyphen
    return start, right, word.end()


def _elsewhere(text: str, joined: str, skip: int) -> bool:
    """``joined`` stands in ``text`` as a word of its own somewhere other than at ``skip``."""
    at = text.find(joined)
    while at != -1:
        end = at + len(joined)
        if at != skip and (not at or not text[at - 1].isalnum()) and (end >= len(text) or not text[end].isalpha()):
            return True
        at = text.find(joined, at + 1)
    return False


def _doubled_blanks(text: str) -> list[tuple[int, int]]:
    """Sorted spans of the runs of spaces and no-break spaces between two words (not blanks either side)
    that hold two or more and start with a space or with a no-break space and a space.

    Such a run holds two spaces or a no-break space: both are found with str.find, fast where
    a pattern tried at every position (each blank checked for a word before it) is not.
    """
    found = set()
    size = len(text)
    for needle in ("  ", "\u00a0"):
        at = text.find(needle)
        while at != -1:
            start, end = _run_start(text, at, _SPACES), _run_end(text, at + len(needle), _SPACES)
            if (end - start >= 2 and 0 < start and end < size and " " in text[start:start + 2]
                    and not text[start - 1].isspace() and not text[end].isspace()):
                found.add((start, end))
            at = text.find(needle, end)
    return sorted(found)


def _sentence_end(text: str, at: int) -> bool:
    """``text[at]`` is the final punctuation of a sentence: two lower-case letters before it (a closing
    bracket or quote may stand between: "friend)."), not "Mr."."""
    while at > 0 and text[at - 1] in _CLOSING:
        at -= 1
    before = text[at - 2:at]
    if not (before.isalpha() and before.islower()):
        return False
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:at] not in _TITLES


def _after_sentence(text: str, start: int, end: int) -> bool:
    """The blanks ``text[start:end]`` stand between two sentences ("Iran.  This")."""
    m = _BREAK.match(text, start - 1) or _BREAK.match(text, start - 2)
    return m is not None and m.start(1) == start and m.end(1) == end and _sentence_end(text, m.start())


def _two_spaces_between_sentences(text: str) -> bool:
    """Every sentence break inside a paragraph has two spaces, and there are at least three."""
    breaks = 0
    for m in _BREAK.finditer(text):
        if not _sentence_end(text, m.start()):
            continue
        if m.end(1) - m.start(1) != 2:
            return False
        breaks += 1
    return breaks >= _MIN_BREAKS


def _excerpt(text: str, start: int, end: int, around: int = 12) -> str:
    """The offending spot with a few characters either side, on its line."""
    left = max(text.rfind("\n", 0, start) + 1, start - around)
    right = text.find("\n", end)
    right = min(right if right != -1 else len(text), end + around)
    return text[left:right]
