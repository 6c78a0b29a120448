"""`readout check --output-format full`: header line, source lines underlined, fix as a diff."""

from __future__ import annotations

from report_helpers import SEED_000, check
from report_helpers import seeds  # noqa: F401,F811 - a fixture, used by name

from convert.problem import Problem, replace
from convert.report import full


def blocks(out: str) -> list[list[str]]:
    return [block.split("\n") for block in out.rstrip("\n").split("\n\n")]


def underlined(source_line: str, underline_line: str) -> str:
    """The characters of the shown source line above ^~~ (display columns equal characters here)."""
    shown = source_line.split(" | ", 1)[1]
    marks = underline_line.split(" |", 1)[1][1:]
    start = marks.index("^")
    return shown[start:len(marks.rstrip())]


def test_each_problem_has_its_header_source_and_underline(seeds, capsys):
    code, out, err = check(capsys, "--output-format", "full", str(seeds / SEED_000))
    _, text_out, _ = check(capsys, "--format", "text", str(seeds / SEED_000))
    found = blocks(out)
    assert code == 1 and "problem(s) in 1 file(s)" in err  # a format for people: the summary too
    assert [block[0] for block in found] == text_out.splitlines()
    [refering] = [block for block in found if "'refering'" in block[0]]
    assert refering[1] == "  |" and refering[2].startswith("7 | ")
    assert underlined(refering[2], refering[3]) == "refering"
    assert "= fix (safe, applied by --fix):" in refering[4]
    assert "refering to their" in refering[5] and refering[5].lstrip().startswith("- ")
    assert "referring to their" in refering[6] and refering[6].lstrip().startswith("+ ")


def test_a_long_line_is_shown_around_the_span(seeds, capsys):
    out = check(capsys, "--output-format", "full", "--select", "TR005", str(seeds / SEED_000))[1]
    [block] = blocks(out)
    source = block[2]
    assert len(source) < 200 and "\u2026" in source  # line 5 is a paragraph of 500 characters
    assert underlined(source, block[3]) == "these meeting"


def test_no_fix_no_diff_and_unsafe_fixes_say_so():
    text = "Title\nfirst line\n"
    plain = Problem("a.txt", 2, 1, 2, 6, "ST010", "no full stop", "structure", "info", 6, 11)
    unsafe = Problem("a.txt", 2, 7, 2, 11, "SP004", "run together", "spelling", "warning", 12, 16,
                     replace(12, 16, "Line", "unsafe"))
    out = full.format([plain, unsafe], texts={"a.txt": text})
    first, second = blocks(out)
    assert first == ["a.txt:2:1: ST010 no full stop", "  |", "2 | first line", "  | ^~~~~"]
    assert second[4:] == ["  = fix (unsafe, not applied by --fix):", "  - first line", "  + first Line"]


def test_wide_characters_keep_the_underline_under_its_text():
    text = "\u5b89\u500d\u3000\u664b\u4e09  said\n"  # CJK: two cells each, and an ideographic space
    problem = Problem("a.txt", 1, 6, 1, 8, "TY009", "double space", "typography", "warning", 5, 7)
    block = full.format([problem], texts={"a.txt": text}).split("\n")
    assert block[2] == "1 | \u5b89\u500d  \u664b\u4e09  said"
    assert block[3] == "  |" + " " + " " * 10 + "^~"


def test_a_long_span_shows_its_ends():
    text = "".join(f"line {n}\n" for n in range(1, 21))
    problem = Problem("a.txt", 2, 1, 15, 3, "FN003", "markers", "footnote", "warning", 7, 90)
    block = full.format([problem], texts={"a.txt": text}).split("\n")
    numbers = [line.split(" |")[0].strip() for line in block[1:] if line.split(" |")[0].strip()]
    assert numbers == ["2", "3", "4", "..", "14", "15"]
    assert block[-3:] == ["15 | line 15", "   | ^~", ""]


def test_a_file_that_was_not_read_has_its_header_only():
    # The formatter is given texts and never opens a file: this path does not exist.
    problem = Problem("gone/a.txt", 1, 1, 1, 1, "ST000", "no such file", "structure", "error")
    assert full.format([problem], texts={}) == "gone/a.txt:1:1: ST000 no such file\n"


def test_the_formatter_does_not_read_files(seeds, capsys, monkeypatch):
    import builtins

    from convert.problem import Problem as P

    text = (seeds / SEED_000).read_text(encoding="utf-8")
    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    problem = P(f"seeds/{SEED_000}", 7, 100, 7, 108, "SP002", "typo", "spelling", "warning")
    assert "refering" in full.format([problem], texts={f"seeds/{SEED_000}": text})
    assert opened == []


def test_fail_level_decides_the_exit_code(seeds, capsys):
    assert check(capsys, "--output-format", "full", "--select", "SP", "seeds")[0] == 1
    code, out, _ = check(capsys, "--output-format", "full", "--fail-level", "error", "--select", "SP", "seeds")
    assert code == 0 and "^~" in out
