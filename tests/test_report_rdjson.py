"""`readout check --format rdjson`: reviewdog diagnostics, columns in UTF-8 bytes, suggestions from fixes."""

from __future__ import annotations

import json

from report_helpers import SEED_000, check, problems_json
from report_helpers import seeds  # noqa: F401,F811 - a fixture, used by name

from convert.problem import Problem, replace
from convert.report import rdjson


def byte_slice(lines: list[str], start: dict, end: dict) -> str:
    """The text between two rdjson positions (1-based lines, 1-based UTF-8 byte columns, end exclusive)."""
    assert start["line"] == end["line"]
    raw = lines[start["line"] - 1].encode("utf-8")
    return raw[start["column"] - 1:end["column"] - 1].decode("utf-8")


def test_seed_diagnostics(seeds, capsys):
    code, out, _ = check(capsys, "--format", "rdjson", "seeds")
    result = json.loads(out)
    expected = problems_json(capsys, "seeds")
    assert code == 1 and result["source"]["name"] == "readout"
    assert len(result["diagnostics"]) == len(expected) > 10
    texts = {p: (seeds.parent / p).read_text(encoding="utf-8").split("\n") for p in {e["path"] for e in expected}}
    for diagnostic, problem in zip(result["diagnostics"], expected):
        assert diagnostic["message"] == problem["message"]
        assert diagnostic["severity"] == {"error": "ERROR", "warning": "WARNING", "info": "INFO"}[problem["severity"]]
        assert diagnostic["code"]["value"] == problem["code"]
        location = diagnostic["location"]
        assert location["path"] == problem["path"]
        lines = texts[problem["path"]]
        start, end = location["range"]["start"], location["range"]["end"]
        assert (start["line"], end["line"]) == (problem["line"], problem["end_line"])
        if start["line"] == end["line"]:  # the bytes between the positions are the span's characters
            line = lines[problem["line"] - 1]
            assert byte_slice(lines, start, end) == line[problem["column"] - 1:problem["end_column"] - 1]
        assert ("suggestions" in diagnostic) == (problem["fix"] is not None)


def test_columns_count_utf8_bytes(seeds, capsys):
    # Seed 000's 'Russia’s': the curly apostrophe is one character and three bytes.
    result = json.loads(check(capsys, "--format", "rdjson", "--select", "TY001", str(seeds / SEED_000))[1])
    [diagnostic] = result["diagnostics"]
    start, end = diagnostic["location"]["range"]["start"], diagnostic["location"]["range"]["end"]
    assert end["column"] - start["column"] == 3
    lines = (seeds / SEED_000).read_text(encoding="utf-8").split("\n")
    assert byte_slice(lines, start, end) == "\u2019"
    [suggestion] = diagnostic["suggestions"]
    assert suggestion["text"] == "'"
    assert byte_slice(lines, suggestion["range"]["start"], suggestion["range"]["end"]) == "\u2019"


def test_suggestions_applied_give_the_fixed_text(seeds, capsys):
    path = seeds / SEED_000
    result = json.loads(check(capsys, "--format", "rdjson", "--select", "SP002", str(path))[1])
    lines = path.read_text(encoding="utf-8").split("\n")
    raw = [line.encode("utf-8") for line in lines]
    edits = [(s["range"]["start"], s["range"]["end"], s["text"])
             for d in result["diagnostics"] for s in d["suggestions"]]
    for start, end, text in sorted(edits, key=lambda e: (e[0]["line"], e[0]["column"]), reverse=True):
        line = raw[start["line"] - 1]
        raw[start["line"] - 1] = line[:start["column"] - 1] + text.encode("utf-8") + line[end["column"] - 1:]
    fixed = "\n".join(line.decode("utf-8") for line in raw)
    assert "refering" not in fixed and "intension" not in fixed and "referring to their" in fixed


def test_every_edit_of_a_fix_is_a_suggestion_and_multibyte_text_shifts_columns():
    text = "\u65e5\u672c Kishida  held\n"
    problem = Problem("a.txt", 1, 11, 1, 13, "TY009", "double space", "typography", "warning", 10, 12,
                      replace(10, 12, " "))
    [diagnostic] = json.loads(rdjson.format([problem], texts={"a.txt": text}))["diagnostics"]
    # Two three-byte characters before: character column 11 is byte column 15.
    assert diagnostic["location"]["range"] == {"start": {"line": 1, "column": 15}, "end": {"line": 1, "column": 17}}
    assert diagnostic["suggestions"] == [{"range": diagnostic["location"]["range"], "text": " "}]


def test_fail_level_decides_the_exit_code(seeds, capsys):
    assert check(capsys, "--format", "rdjson", "--select", "SP", "seeds")[0] == 1
    code, out, _ = check(capsys, "--format", "rdjson", "--fail-level", "error", "--select", "SP", "seeds")
    assert code == 0 and json.loads(out)["diagnostics"]
