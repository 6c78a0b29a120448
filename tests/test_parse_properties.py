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
