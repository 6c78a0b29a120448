"""The parser's shortcuts give what the patterns they stand in for give.

Each line pattern is tried only on lines whose first character it can start
with, and a few patterns were replaced by character tests. The sets and
tests are written by hand beside the patterns, so these tests hold the two
to each other: a pattern changed without its shortcut fails here.
"""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convert.parse import _RESERVED, _fold, make_id
from convert.parse import patterns as P
from convert.rules import context as C

from conftest import DOCUMENTS

S = importlib.import_module("convert.parse.segment")  # the package's name `segment` is the function

# (pattern, the first characters the parser asks for before trying it, whether a decimal digit may start it too)
_SHORTCUTS = (
    (P.TRANSLATION, S._TRANSLATION_START, False),
    (P.DATE_LINE, S._DATE_START, True),
    (P.SECTION, S._NUMBERED_START, True),
    (P.PARAGRAPH, S._NUMBERED_START, True),
    (P.SECTION, S._SECTION_START, True),  # after _STRUCTURAL_START, which lets only ASCII digits by
    (P.PARAGRAPH, S._PARAGRAPH_START, True),
    (P.ITEM, S._ITEM_START, False),
    (P.FOOTNOTE, S._FOOTNOTE_START, False),
    (P.SUBHEADING, S._SUBHEADING_START, False),
    (P.BULLET, S._BULLET_START, False),
    (P.QUOTE_OPEN, S._QUOTE_START, False),
)

_PIECES = st.sampled_from([
    "[Provisional translation]", "(PROVISIONAL TRANSLATION)", "*This is a provisional translation", "The foregoing", "the foregoing", "this",
    " is a provisional translation", "provisional translation from", "Provisional Translation by", "Date: ",
    "Monday, ", "June 17, 2013", "4 July 2000", "(", ")", "[", "]", "<", ">", "【", "】", "1.", "II.", "12 ",
    "(1)", "3)", "(a)", "b)", "(iv)", "(*1)", "*2", "※3", "(※ 1)", "•", "- ", "“", "'", "\"", "Introduction",
    "٣", "١٢.", " ", "\u00a0", "\u2003", "\x1c", "\u200b", "text", "On ",
])
_LINES = st.lists(st.one_of(_PIECES, st.text(max_size=6)), min_size=1, max_size=6).map("".join)


def _stripped(line: str) -> str:
    return line.strip(S._BLANK)


def _assert_shortcuts_hold(line: str, shortcuts=_SHORTCUTS) -> None:
    if not line:
        return
    first = line[0]
    for pattern, starts, decimal in shortcuts:
        if pattern.match(line):
            assert first in starts or (decimal and first.isdecimal()), (pattern.pattern[:40], line)


@settings(max_examples=1500, deadline=None)
@given(_LINES)
def test_a_line_pattern_only_matches_lines_starting_as_its_shortcut_says(line: str) -> None:
    _assert_shortcuts_hold(_stripped(line))


def test_the_shortcuts_hold_on_every_real_line() -> None:
    for path in DOCUMENTS:
        for line, _ in S.split_lines(path.read_text(encoding="utf-8").replace("\r\n", "\n")):
            _assert_shortcuts_hold(line)


def test_a_shortcut_missing_a_start_is_caught() -> None:
    with pytest.raises(AssertionError):
        _assert_shortcuts_hold("(1) At the outset.", ((P.PARAGRAPH, S._PARAGRAPH_START - {"("}, True),))


# The patterns is_sentence and ends_like_heading were written as, before they became set lookups.
_SENTENCE_END = re.compile(r"[.!?:;。\"”’)\]]$")
_HEADING_END = re.compile(r"[.!?:;。\"”’,]$")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=".!?:;。\"”’)],\nab ", max_size=6))
def test_line_end_tests_agree_with_the_end_patterns(text: str) -> None:
    assert P.is_sentence(text) == bool(_SENTENCE_END.search(text))
    assert P.ends_like_heading(text) == (not _HEADING_END.search(text))


_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abcXYZé_1 .,;-’)\u00a0", max_size=12))
def test_the_last_word_walk_agrees_with_its_pattern(text: str) -> None:
    match = _LAST_WORD.search(text)
    assert C._last_word(text) == (match.group(1) if match else None)


_UNSAFE = re.compile(r"[^a-z0-9._-]+")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abcXYZ019._- /\\\t#~é首", max_size=16))
def test_ids_are_the_slug_the_unsafe_pattern_makes(name: str) -> None:
    doc_id = make_id(name + ".txt")
    folded, lost = _fold(name.replace("\\", "/").rpartition("/")[2])
    slug = _UNSAFE.sub("-", folded.lower()).strip("-._")
    if slug and not lost and slug.split(".")[0] not in _RESERVED and len(slug) <= 100:
        assert doc_id == slug


def _records(value):
    """Every record (named tuple) inside ``value``, itself included."""
    if isinstance(value, tuple):
        if hasattr(value, "_fields"):
            yield value
        for item in value:
            yield from _records(item)


def test_records_built_from_tuples_have_every_field():
    # The parser and Context build records with tuple.__new__, which skips the defaults: a field added
    # to a record and not to those tuples would leave a short record that fails only when read.
    from convert.parse import parse_text
    from convert.rules.context import Context

    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        for lead_facts in (True, False):
            doc = parse_text(text, path.name, lead_facts=lead_facts)
            ctx = Context(doc, text)
            for record in (*_records(doc), *_records(ctx.blocks), *_records(ctx.lead)):
                assert len(record) == len(type(record)._fields), (path.name, type(record).__name__)


def test_every_month_the_zone_dates_read_starts_as_the_prefilter_says():
    # _date_in skips its pattern unless "same" or one of these heads is in the bracket.
    from convert.parse import timeexpr

    names = timeexpr._MONTHS.replace("\\", "").split("|")
    assert names and all(name.startswith(timeexpr._MONTH_HEADS) for name in names)
