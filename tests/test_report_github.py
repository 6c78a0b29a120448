"""`readout check --format github`: workflow commands that parse back to the problems."""

from __future__ import annotations

import re

from report_helpers import CLEAN, check, problems_json
from report_helpers import seeds  # noqa: F401,F811 - a fixture, used by name

from convert.problem import Problem
from convert.report import github

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(text: str, prop: bool = False) -> str:
    if prop:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """One command back to (command, properties, message), as the Actions runner reads it."""
    match = COMMAND.match(line)
    assert match, line
    command, props, data = match.groups()
    properties = {}
    for part in props.split(","):  # commas inside values are %2C, so this split is safe
        name, _, value = part.partition("=")
        properties[name] = unescape(value, prop=True)
    return command, properties, unescape(data)


def test_seed_annotations_parse_back_to_the_problems(seeds, capsys):
    code, out, _ = check(capsys, "--format", "github", "seeds")
    expected = problems_json(capsys, "seeds")
    lines = out.splitlines()
    assert code == 1 and len(lines) == len(expected) > 10
    for line, problem in zip(lines, expected):
        command, props, message = parse(line)
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[problem["severity"]]
        assert message == problem["message"]
        assert props["file"] == problem["path"] and props["title"] == problem["code"]
        assert (int(props["line"]), int(props["endLine"])) == (problem["line"], problem["end_line"])
        assert (int(props["col"]), int(props["endColumn"])) == (problem["column"], problem["end_column"])
    assert any(line.startswith("::notice ") for line in lines)  # TM004 is info


def test_data_and_properties_are_escaped():
    problem = Problem("docs/a,b:c%d.txt", 3, 2, 3, 9, "TY009", "100% sure:\r\nsecond, line", "typography", "error")
    [line] = github.format([problem]).splitlines()
    assert line == ("::error file=docs/a%2Cb%3Ac%25d.txt,line=3,col=2,endLine=3,endColumn=9,title=TY009"
                    "::100%25 sure:%0D%0Asecond, line")
    assert parse(line) == ("error", {"file": "docs/a,b:c%d.txt", "line": "3", "col": "2", "endLine": "3",
                                     "endColumn": "9", "title": "TY009"}, "100% sure:\r\nsecond, line")


def test_a_span_over_lines_has_no_columns():
    # GitHub refuses col and endColumn when line and endLine differ.
    problem = Problem("a.txt", 3, 5, 4, 2, "FN003", "markers swapped", "footnote", "warning")
    _, props, _ = parse(github.line(problem))
    assert props == {"file": "a.txt", "line": "3", "endLine": "4", "title": "FN003"}


def test_no_problems_no_output(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    assert check(capsys, "--format", "github", "clean.txt")[:2] == (0, "")


def test_fail_level_decides_the_exit_code(seeds, capsys):
    code, out, _ = check(capsys, "--format", "github", "--select", "SP", "seeds")
    assert code == 1 and out.startswith("::warning ")
    code, out, _ = check(capsys, "--format", "github", "--fail-level", "error", "--select", "SP", "seeds")
    assert code == 0 and out.startswith("::warning ")  # annotated, but the job passes
    code, out, _ = check(capsys, "--format", "github", "--fail-level", "warning", "--select", "TM004", "seeds")
    assert code == 0 and out.startswith("::notice ")  # info passes at warning
