"""The digits skeleton: searching it first must find exactly what the real patterns find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from convert.parse import skeleton
from convert.parse.timeexpr import _TIME, _TIME_START
from convert.rules.spelling_ordinals import _ORDINAL, _ORDINAL_START

PAIRS = {"time": (_TIME, _TIME_START), "ordinal": (_ORDINAL, _ORDINAL_START)}
# What the two patterns turn on, and the characters the skeleton maps: Unicode spaces and digits, "?" itself.
ALPHABET = "0123456789:.,-/ aApPmMxstndrhSTNDRH\t\n?\x1c\x85\u00a0\u2009\u3000\u0661\uff11é"


def test_one_byte_per_character_with_ascii_digits_as_zero():
    assert skeleton.skeleton("10:30 p.m. ３日 é?") == b"00:00 p.m. ?? ??"


def test_the_last_text_is_remembered_by_identity():
    text = "".join(["At ", "9:35 p.m."])
    assert skeleton.skeleton(text) is skeleton.skeleton(text)


@pytest.mark.parametrize("text, spans", [
    ("at 10:30 a.m. and 6\u00a0p.m.", [(3, 13), (18, 24)]),  # a Unicode space before the meridiem
    ("ratio 2:1, then 20:20", [(16, 21)]),
    ("１０:３０ and 7:05", [(10, 14)]),
])
def test_times_found_through_the_skeleton(text, spans):
    pattern, start = PAIRS["time"]
    assert [m.span() for m in skeleton.finditer(pattern, start, text)] == spans
    assert [m.span() for m in pattern.finditer(text)] == spans


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, max_size=30), st.integers(0, 30), st.integers(0, 30), st.sampled_from(sorted(PAIRS)))
def test_same_matches_as_the_pattern_alone(text, a, b, name):
    pattern, start = PAIRS[name]
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    expected = [(m.span(), m.group()) for m in pattern.finditer(text, a, b)]
    assert [(m.span(), m.group()) for m in skeleton.finditer(pattern, start, text, a, b)] == expected
