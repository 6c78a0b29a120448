"""Property tests: parsing never raises, and normalization is a fixed point."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convert.parse import parse_text
from convert.serialize.render import render

from conftest import DOCUMENTS

_LINES = st.sampled_from(
    [
        "Japan-Brazil Summit Meeting (Summary)", "May 20, 2023", "[Provisional translation]",
        "On May 20, commencing at 8:50 a.m. for approximately 60 minutes, Mr. KISHIDA Fumio held a meeting.",
        "1. Introduction", "1. The two leaders shared the view.", "(1) At the outset, he said so.", "(a) Item text.",
        "(*1) ITPP: Individually Tailored Partnership Programme", "partners (IP4)(*1) and NATO", "Related Link",
        "Archives (Archived entries)", "Back to Japan-Italy Relations", "Japan-Italy Relations", "(Photo) A meeting",
        "[Opening statement]", "• bullet", "“Quoted text.”", "Home > News > May", "", "  ", "\u00a0", "1.", "(1)",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=25).map("\n".join),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_TEXT)
def test_parse_never_raises_and_render_is_a_fixed_point(text: str) -> None:
    once = render(parse_text(text))
    assert render(parse_text(once)) == once


def test_render_is_a_fixed_point_on_every_real_document() -> None:
    for path in DOCUMENTS:
        once = render(parse_text(path.read_text(encoding="utf-8")))
        assert render(parse_text(once)) == once, path.name


def test_blank_characters_are_every_python_space_and_the_zero_width_ones() -> None:
    from convert.parse.segment import _BLANK

    spaces = {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert set(_BLANK) == spaces | set("\u200b\u200c\u200d\u2060\ufeff")


_RESIDUE_PIECES = st.sampled_from(
    [" > ", ">", "|", "Top", "TOP PAGE", "top page", "(Photo)", "(Photos: Cabinet Public Affairs Office)", "Photo",
     "Relations", "Japan-India Relations", "Back to ", "Related Links", "Archives (", ")", "Press Releases", " ", "a"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_RESIDUE_PIECES, st.text(max_size=12)), max_size=8).map("".join))
def test_residue_needles_only_skip_patterns_that_cannot_match(line: str) -> None:
    # A line is tried only against the patterns whose needle it holds: the kind must be the one
    # that trying every pattern gives.
    from convert.parse import patterns as P

    every, kinds = P._residue_pattern(frozenset(P._NEEDLES))
    match = every.match(line) if len(line) <= P._LONGEST_RESIDUE else None
    assert P.residue_kind(line) == (kinds[match.lastgroup] if match else None)


def test_residue_needles_on_every_real_line() -> None:
    from convert.parse import patterns as P
    from convert.parse.segment import split_lines

    every, kinds = P._residue_pattern(frozenset(P._NEEDLES))
    for path in DOCUMENTS:
        for line, _ in split_lines(path.read_text(encoding="utf-8").replace("\r\n", "\n")):
            match = every.match(line) if len(line) <= P._LONGEST_RESIDUE else None
            assert P.residue_kind(line) == (kinds[match.lastgroup] if match else None), line
