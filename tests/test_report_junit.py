"""`readout check --format junit`: one testsuite, a testcase per file, a failure per problem."""

from __future__ import annotations

import pytest
from lxml import etree
from report_helpers import CLEAN, check, copy_seeds, problems_json

from convert.problem import Problem
from convert.report import junit


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_seeds(tmp_path)
    (tmp_path / "seeds" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def parse(out: str):
    # What a CI server does: bytes in, no entities, no network.
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(out.encode("utf-8"), parser)


def test_one_testcase_per_file_and_a_failure_per_problem(folder, capsys):
    code, out, _ = check(capsys, "--format", "junit", "seeds")
    problems = problems_json(capsys, "seeds")
    root = parse(out)
    assert code == 1 and root.tag == "testsuites"
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    paths = sorted({p["path"] for p in problems} | {"seeds/clean.txt"})
    assert sorted(c.get("name") for c in cases) == paths
    by_name = {c.get("name"): c for c in cases}
    assert list(by_name["seeds/clean.txt"]) == []  # a clean file is a passing test
    failures = [(c.get("name"), f.get("type")) for c in cases for f in c.findall("failure")]
    assert failures == [(p["path"], p["code"]) for p in problems]
    first = cases[0].find("failure")
    assert first.get("message") == f"{problems[0]['code']} {problems[0]['message']}"
    assert first.text.startswith(f"{problems[0]['path']}:{problems[0]['line']}:{problems[0]['column']}: ")
    for element in (root, suite):
        assert element.get("tests") == str(len(paths))
        assert element.get("failures") == str(len({p["path"] for p in problems}))
        assert element.get("errors") == "0"


def test_an_unreadable_file_is_an_error(folder, capsys):
    (folder / "seeds" / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01binary")
    code, out, _ = check(capsys, "--format", "junit", "seeds")
    suite = parse(out).find("testsuite")
    [case] = [c for c in suite.findall("testcase") if c.get("name") == "seeds/scan.txt"]
    [error] = case
    assert code == 2 and error.tag == "error" and error.get("type") == "ST000"
    assert suite.get("errors") == "1" and suite.get("tests") == "4" and suite.get("failures") == "2"


def test_untrusted_text_is_escaped_not_pasted():
    message = "quote <b>&amp;</b> \"x\" ]]> form\x0cfeed"
    problem = Problem("a&<b>.txt", 1, 1, 1, 2, "TY009", message, "typography", "warning")
    root = parse(junit.format([problem], paths=["a&<b>.txt", "ok.txt"]))
    [bad, ok] = root.find("testsuite").findall("testcase")
    assert bad.get("name") == "a&<b>.txt" and ok.get("name") == "ok.txt"
    [failure] = bad
    assert failure.get("message") == "TY009 quote <b>&amp;</b> \"x\" ]]> form\\x0cfeed"


def test_fail_level_decides_the_exit_code(folder, capsys):
    assert check(capsys, "--format", "junit", "--select", "SP", "seeds")[0] == 1
    code, out, _ = check(capsys, "--format", "junit", "--fail-level", "error", "--select", "SP", "seeds")
    assert code == 0 and parse(out).find("testsuite").findall("testcase/failure")


def test_output_is_deterministic(folder, capsys):
    first = check(capsys, "--format", "junit", "seeds")[1]
    assert check(capsys, "--format", "junit", "seeds")[1] == first
    assert "timestamp" not in first and "hostname" not in first
