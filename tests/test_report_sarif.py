"""`readout check --format sarif`: valid SARIF 2.1.0 (the official schema) with what GitHub code scanning reads."""

from __future__ import annotations

import json

from report_helpers import CLEAN, SEED_000, UNRELATED_LINE, check, insert_before, problems_json, sarif_errors
from report_helpers import seeds  # noqa: F401,F811 - a fixture, used by name

from convert.report import sarif


def sarif_of(capsys, *argv):
    code, out, _ = check(capsys, "--format", "sarif", *argv)
    return code, json.loads(out)


def test_seeds_validate_and_match_the_json_report(seeds, capsys):
    code, log = sarif_of(capsys, "seeds")
    assert code == 1
    assert sarif_errors(log) == []
    assert log["version"] == "2.1.0" and log["$schema"] == sarif.SCHEMA_URI
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("readout", __import__("convert").__version__)
    expected = problems_json(capsys, "seeds")
    assert len(run["results"]) == len(expected) > 10
    for result, problem in zip(run["results"], expected):
        rule = driver["rules"][result["ruleIndex"]]
        assert result["ruleId"] == rule["id"] == problem["code"]
        assert result["level"] == {"warning": "warning", "info": "note", "error": "error"}[problem["severity"]]
        assert result["message"]["text"] == problem["message"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": problem["path"], "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {"startLine": problem["line"], "startColumn": problem["column"],
                                      "endLine": problem["end_line"], "endColumn": problem["end_column"]}
        assert ("fixes" in result) == (problem["fix"] is not None)


def test_rules_carry_their_documentation(seeds, capsys):
    from convert.rules import load_rules

    _, log = sarif_of(capsys, "seeds")
    rules = load_rules()
    for descriptor in log["runs"][0]["tool"]["driver"]["rules"]:
        rule = rules[descriptor["id"]]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == rule.doc
        assert descriptor["help"]["text"].startswith(f"{rule.code} {rule.name} (")
        assert "Bad:" in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == sarif.LEVELS[rule.severity]


def test_the_rules_listed_are_the_rules_that_ran(seeds, capsys):
    from convert.rules import load_rules

    _, log = sarif_of(capsys, "seeds")
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == sorted(load_rules())
    _, log = sarif_of(capsys, "--select", "SP", "seeds")
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert ids and all(code.startswith("SP") for code in ids)
    found = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert {"SP001", "SP002"} <= found <= set(ids)  # Sumarry; refering, intension


def test_a_clean_input_validates_with_no_results(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    code, log = sarif_of(capsys, "clean.txt")
    assert code == 0 and sarif_errors(log) == []
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"]


def test_the_schema_check_is_not_vacuous(seeds, capsys):
    _, log = sarif_of(capsys, "seeds")
    result = log["runs"][0]["results"][0]
    del result["message"]
    result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "not a uri reference"
    errors = sarif_errors(log)
    assert any("'message' is a required property" in e for e in errors)
    assert any("uri-reference" in e for e in errors)


def test_fixes_are_replacements_at_the_fix_position(seeds, capsys):
    _, log = sarif_of(capsys, "--select", "SP002", "seeds")
    lines = (seeds / SEED_000).read_text(encoding="utf-8").split("\n")
    for result in log["runs"][0]["results"]:
        [fix] = result["fixes"]
        [change] = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == f"seeds/{SEED_000}"
        [replacement] = change["replacements"]
        region = replacement["deletedRegion"]
        line = lines[region["startLine"] - 1]
        old = line[region["startColumn"] - 1:region["endColumn"] - 1]
        assert (old, replacement["insertedContent"]["text"]) in {("refering", "referring"), ("intension", "intention")}
        assert fix["properties"]["safety"] == "safe"


def test_fingerprints_are_unique_and_survive_an_unrelated_edit(seeds, capsys):
    def fingerprints():
        _, log = sarif_of(capsys, str(seeds / SEED_000))
        return [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
                 r["partialFingerprints"]["readout/v1"]) for r in log["runs"][0]["results"]]

    before = fingerprints()
    assert len({fp for _, _, fp in before}) == len(before)
    insert_before(seeds / SEED_000, "2. NATO-Japan Relations", UNRELATED_LINE)
    after = fingerprints()
    assert [(code, fp) for code, _, fp in after] == [(code, fp) for code, _, fp in before]
    assert [line for _, line, _ in after] != [line for _, line, _ in before]  # the lines did move


def test_an_unreadable_file_is_an_error_result(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01\x02binary")
    code, log = sarif_of(capsys, "scan.txt")
    assert code == 2 and sarif_errors(log) == []
    [result] = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert result["ruleId"] == rules[result["ruleIndex"]]["id"] == "ST000" and result["level"] == "error"
    assert result["partialFingerprints"]["readout/v1"]


def test_paths_are_percent_encoded_and_outside_paths_are_file_uris(tmp_path):
    assert sarif.artifact_location("docs/a b#1.txt") == {"uri": "docs/a%20b%231.txt", "uriBaseId": "%SRCROOT%"}
    assert sarif.artifact_location("/srv/r\u00e9sum\u00e9.txt") == {"uri": "file:///srv/r%C3%A9sum%C3%A9.txt"}


def test_information_uri_comes_from_the_package_metadata(seeds, capsys, monkeypatch):
    from email.message import Message
    from importlib import metadata

    from convert.report import tool

    meta = Message()
    meta["Name"] = "readout"
    meta["Project-URL"] = "Source, https://example.org/src"
    meta["Project-URL"] = "Homepage, https://example.org/readout"
    monkeypatch.setattr(metadata, "metadata", lambda name: meta)
    assert tool.information_uri() == "https://example.org/readout"
    _, log = sarif_of(capsys, "seeds")
    assert log["runs"][0]["tool"]["driver"]["informationUri"] == "https://example.org/readout"
    assert sarif_errors(log) == []
    monkeypatch.setattr(metadata, "metadata", lambda name: Message())
    assert tool.information_uri() is None  # none declared: left out, never made up


def test_fail_level_decides_the_exit_code(seeds, capsys):
    assert sarif_of(capsys, "--select", "SP", "seeds")[0] == 1  # spelling warnings fail at the default level
    count = len(problems_json(capsys, "--select", "SP", "seeds"))
    code, log = sarif_of(capsys, "--fail-level", "error", "--select", "SP", "seeds")
    assert code == 0 and len(log["runs"][0]["results"]) == count > 0  # still reported, no longer failing
    code, log = sarif_of(capsys, "--fail-level", "info", "--select", "TM004", "seeds")
    assert code == 1 and {r["level"] for r in log["runs"][0]["results"]} == {"note"}


def test_output_is_deterministic(seeds, capsys):
    first = check(capsys, "--format", "sarif", "seeds")[1]
    assert check(capsys, "--format", "sarif", "seeds")[1] == first
