"""--fix: safe edits only, every other byte kept, re-parsed until stable, refused when structure changes."""

from __future__ import annotations

import pytest

from convert.config import Config
from convert.errors import InputError
from convert.fix import MAX_ROUNDS, diff, fix_bytes, structure
from convert.parse import parse_text
from convert.problem import Edit, Fix, Problem

TEXT = ("Meeting (Summary)\n\nJanuary 31, 2023\n[Provisional translation]\n"
        "On January 31, Prime Minister Kishida  held a meeting with President Smith ( of Ruritania).   \n"
        "1. Relations\n(1) Both sides agreed.\n\nRelated Link\n")
FIXED = TEXT.replace("Kishida  held", "Kishida held").replace("( of", "(of")
TY = Config(select=("TY",))


def test_safe_fixes_are_applied():
    result = fix_bytes(TEXT.encode(), "t.txt", TY)
    assert result.fixed.decode() == FIXED
    assert result.applied == 2 and result.changed


def test_trailing_spaces_crlf_and_bom_are_kept():
    raw = b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode()
    result = fix_bytes(raw, "t.txt", TY)
    assert result.fixed == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()


def test_mixed_newlines_are_kept_line_by_line():
    lines = TEXT.split("\n")
    raw = "\r\n".join(lines[:3]).encode() + b"\n" + "\r".join(lines[3:6]).encode() + b"\n" + "\n".join(lines[6:]).encode()
    result = fix_bytes(raw, "t.txt", TY)
    assert result.fixed.count(b"\r\n") == raw.count(b"\r\n")
    assert result.fixed.count(b"\r") == raw.count(b"\r")
    assert b"Kishida held" in result.fixed and b"(of Ruritania" in result.fixed


def test_the_file_encoding_is_kept():
    text = TEXT.replace("Smith", "Sm\u00efth")
    result = fix_bytes(text.encode("cp1252"), "t.txt", TY)
    assert result.fixed == FIXED.replace("Smith", "Sm\u00efth").encode("cp1252")
    utf16 = b"\xff\xfe" + text.encode("utf-16-le")
    assert fix_bytes(utf16, "t.txt", TY).fixed == b"\xff\xfe" + FIXED.replace("Smith", "Sm\u00efth").encode("utf-16-le")


def test_unsafe_fixes_are_not_applied():
    text = TEXT.replace("Meeting (Summary)", "Asia-Pacific Meeting (Summary)").replace(
        "Both sides agreed.", "Both sides agreed on the Asia Pacific.")
    result = fix_bytes(text.encode(), "t.txt", Config(select=("TR001",)))
    assert not result.changed


def test_clean_text_is_left_alone():
    result = fix_bytes(FIXED.encode(), "t.txt", TY)
    assert result.fixed == FIXED.encode() and result.applied == 0 and diff(result) == ""


def test_diff_is_unified():
    text = diff(fix_bytes(TEXT.encode(), "t.txt", TY))
    assert text.startswith("--- a/t.txt\n+++ b/t.txt\n")
    assert "-On January 31, Prime Minister Kishida  held" in text
    assert "+On January 31, Prime Minister Kishida held" in text


def _linter(fixes):
    """A fake lint that proposes the given fixes on every round."""
    def lint(doc, text, config, path):
        return [Problem(path, 1, 1, 1, 1, "TY009", "x", "typography", "warning", f.edits[0].start, f.edits[0].end, f)
                for f in fixes(text)]
    return lint


def test_overlapping_fixes_wait_for_the_next_round():
    at = TEXT.index("  held")
    calls = []

    def fixes(text):
        calls.append(text)
        if "  held" not in text:
            return []
        i = text.index("  held")
        return [Fix((Edit(i, i + 2, " "),)), Fix((Edit(i + 1, i + 3, "_"),))]
    result = fix_bytes(TEXT.encode(), "t.txt", lint=_linter(fixes))
    assert result.fixed.decode()[at:at + 6] == " held "
    assert len(calls) == 2


def test_rounds_are_bounded():
    def fixes(text):
        i = text.index("Smith")
        return [Fix((Edit(i, i, "x"),))]  # never converges
    result = fix_bytes(TEXT.encode(), "t.txt", lint=_linter(fixes))
    assert result.applied == MAX_ROUNDS


def test_a_fix_that_changes_the_structure_is_refused():
    def fixes(text):
        i = text.index("[Provisional translation]")
        j = text.index("Both sides")
        # The first would delete the marker line's content; the second is harmless.
        return [Fix((Edit(i, i + 25, "Nothing"),)), Fix((Edit(j, j + 4, "Both"),))] if "Nothing" not in text else []
    result = fix_bytes(TEXT.encode(), "t.txt", lint=_linter(fixes))
    assert result.fixed == TEXT.encode()
    assert structure(parse_text(result.fixed.decode(), "t.txt")) == structure(parse_text(TEXT, "t.txt"))


def test_an_undecodable_file_is_an_input_error():
    with pytest.raises(InputError):
        fix_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "t.png.txt")


def test_seeds_fix_to_text_clean_of_the_fixed_rules():
    from conftest import ROOT

    from convert.lint import lint

    for path in sorted((ROOT / "seeds").glob("*.txt")):
        result = fix_bytes(path.read_bytes(), path.name)
        text = result.fixed.decode()
        left = [p for p in lint(parse_text(text, path.name), text, None, path.name) if p.fix and p.fix.safe]
        assert left == [], [(p.code, p.message) for p in left]
