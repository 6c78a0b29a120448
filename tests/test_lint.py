"""The engine: selection, severities, positions, order, reserved codes."""

from __future__ import annotations

from convert.config import Config
from convert.lint import LineIndex, active_rules, lint, selected, unreadable
from convert.parse import parse_text
from convert.problem import Edit, Fix, Problem

TEXT = ("Meeting (Summary)\n\nJanuary 31, 2023\n[Provisional translation]\n"
        "On January 31, Prime Minister Kishida  held a meeting with President Smith ( of Ruritania).\n"
        "1. Relations\n(1) Both sides agreed.\n\nRelated Link\n")


def run(config=None, path="t.txt"):
    return lint(parse_text(TEXT, path), TEXT, config, path)


def test_selection_follows_ruff_longest_prefix():
    assert selected("TY009", None, ())
    assert selected("TY009", ("ALL",), ())
    assert not selected("TY009", ("ALL",), ("TY",))
    assert selected("TY009", ("TY009",), ("TY",))  # the longer prefix wins
    assert not selected("TY009", ("TY",), ("TY009",))
    assert not selected("SP001", ("TY",), ())
    assert selected("TY009", ("TY",), ("ALL",))  # ALL is the least specific


def test_active_rules_are_sorted_and_leave_reserved_codes_out():
    codes = [code for code, _ in active_rules(None, ())]
    assert codes == sorted(codes) and "ST000" not in codes


def test_problems_carry_code_category_severity_and_sort_by_position():
    problems = run(Config(select=("TY",)))
    assert [p.code for p in problems] == ["TY009", "TY004"]
    assert problems == sorted(problems)
    first = problems[0]
    assert (first.line, first.column, first.end_line, first.end_column) == (5, 38, 5, 40)
    assert first.category == "typography" and first.severity == "warning"
    assert TEXT[first.start:first.end] == "  "


def test_ignore_and_severity_overrides():
    problems = run(Config(select=("TY",), ignore=("TY004",), severity={"TY009": "error"}))
    assert [(p.code, p.severity) for p in problems] == [("TY009", "error")]


def test_per_file_ignores():
    config = Config(select=("TY",), per_file_ignores=(("archive/*.txt", ("TY009",)),))
    assert [p.code for p in run(config, "archive/a.txt")] == ["TY004"]
    assert [p.code for p in run(config, "news/a.txt")] == ["TY009", "TY004"]


def test_line_index():
    index = LineIndex("ab\ncd\n\nef")
    assert index.position(0) == (1, 1)
    assert index.position(3) == (2, 1)
    assert index.position(4) == (2, 2)
    assert index.position(7) == (4, 1)
    assert index.position(9) == (4, 3)


def test_problem_dict_has_the_spec_keys_in_order():
    problem = Problem("a.txt", 1, 2, 1, 4, "TY009", "2 spaces", "typography", "warning", 1, 3,
                      Fix((Edit(1, 3, " "),)))
    assert list(problem.as_dict()) == ["path", "line", "column", "end_line", "end_column", "code", "category",
                                       "severity", "message", "fix"]
    assert problem.as_dict()["fix"] == " "
    assert problem._replace(fix=None).as_dict()["fix"] is None


def test_problems_are_frozen():
    problem = run(Config(select=("TY009",)))[0]
    try:
        problem.line = 3
    except AttributeError:
        pass
    else:
        raise AssertionError("Problem is not frozen")


def test_unreadable_is_an_st000_error_unless_ignored():
    problem = unreadable("bin.txt", "bin.txt: binary file (a PNG image), not a readout's text")
    assert (problem.code, problem.severity, problem.line, problem.column) == ("ST000", "error", 1, 1)
    assert problem.message == "binary file (a PNG image), not a readout's text"
    assert unreadable("bin.txt", "x", Config(ignore=("ST000",))) is None


def test_same_input_same_output():
    assert run() == run()


def test_lint_is_deterministic_across_paths():
    a = [p._replace(path="") for p in run(path="a.txt")]
    b = [p._replace(path="") for p in run(path="b/c.txt")]
    assert a == b


def test_lead_facts_read_on_demand_give_the_same_problems():
    # `check` parses without the lead reader; ST008 and TM005 read the facts through ctx.lead.
    from conftest import DOCUMENTS

    from convert.pipeline import parse_source

    for path in DOCUMENTS:
        raw = path.read_bytes()
        full = lint(*parse_source(raw, path.name), path=path.name)
        lazy = lint(*parse_source(raw, path.name, lead_facts=False), path=path.name)
        assert lazy == full, path.name


def test_overlapping_events_are_found_without_lead_facts():
    text = ("Meeting (Summary)\n\nJanuary 31, 2023\n[Provisional translation]\n"
            "On January 31, commencing at 6:20 p.m. for approximately 70 minutes, Prime Minister Kishida held a "
            "meeting with Secretary General Stoltenberg. Following the meeting, a working dinner was held for "
            "about 55 minutes starting at 7:10 p.m.\n")
    doc = parse_text(text, "t.txt", lead_facts=False)
    assert doc.lead.events == ()
    assert [p.code for p in lint(doc, text, Config(select=("TM005",)), "t.txt")] == ["TM005"]
