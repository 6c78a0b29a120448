"""`readout check --write-baseline FILE` and `--baseline FILE`: only new problems are reported."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from report_helpers import SEED_000, UNRELATED_LINE, check, insert_before, problems_json
from report_helpers import seeds  # noqa: F401,F811 - a fixture, used by name

from convert import baseline
from convert.problem import Problem


def test_written_baseline_is_sorted_versioned_json(seeds, capsys):
    code, out, err = check(capsys, "--write-baseline", "base.json", "seeds")
    assert (code, out) == (0, "") and "base.json" in err and len(err.strip().splitlines()) == 1
    document = json.loads((seeds.parent / "base.json").read_text(encoding="utf-8"))
    assert document["version"] == 1 and document["fingerprint"] == "readout/v1"
    entries = document["entries"]
    keys = [(e["path"], e["code"], e["fingerprint"]) for e in entries]
    assert keys == sorted(keys)
    problems = problems_json(capsys, "seeds")
    assert sum(e["count"] for e in entries) == len(problems)
    assert Counter((e["path"], e["code"]) for e in entries for _ in range(e["count"])) == \
        Counter((p["path"], p["code"]) for p in problems)


def test_the_fingerprints_are_the_sarif_ones(seeds, capsys):
    check(capsys, "--write-baseline", "base.json", "seeds")
    entries = json.loads((seeds.parent / "base.json").read_text(encoding="utf-8"))["entries"]
    log = json.loads(check(capsys, "--format", "sarif", "seeds")[1])
    assert sorted(r["partialFingerprints"]["readout/v1"] for r in log["runs"][0]["results"]) == \
        sorted(e["fingerprint"] for e in entries)


def test_same_input_no_new_problems(seeds, capsys):
    check(capsys, "--write-baseline", "base.json", "seeds")
    code, out, err = check(capsys, "--baseline", "base.json", "seeds")
    assert (code, out) == (0, "")
    assert "0 problem(s) in 2 file(s)" in err and "more recorded in the baseline" in err


def test_an_unrelated_edit_adds_nothing_new(seeds, capsys):
    check(capsys, "--write-baseline", "base.json", "seeds")
    insert_before(seeds / SEED_000, "2. NATO-Japan Relations", UNRELATED_LINE)  # every later line moves
    assert check(capsys, "--baseline", "base.json", "seeds")[:2] == (0, "")


def test_one_injected_defect_is_the_one_new_problem(seeds, capsys):
    check(capsys, "--write-baseline", "base.json", "seeds")
    # A second 'refering' (seed 000 has one already): the count, not the spelling, makes it new.
    insert_before(seeds / SEED_000, "2. NATO-Japan Relations", "(4) Both sides kept refering to it.\n")
    code, out, _ = check(capsys, "--baseline", "base.json", "--format", "json", "seeds")
    [new] = json.loads(out)
    assert code == 1 and new["code"] == "SP002" and "refering" in new["message"]
    code, out, _ = check(capsys, "--baseline", "base.json", "--format", "sarif", "seeds")
    assert code == 1 and [r["ruleId"] for r in json.loads(out)["runs"][0]["results"]] == ["SP002"]


def test_matching_counts_fingerprints():
    from convert.fingerprint import fingerprints

    # The same offending text three times: the occurrence index tells them apart.
    problems = [Problem("a.txt", n, 1, n, 2, "TY009", "m", start=0, end=4) for n in (1, 2, 3)]
    texts = {"a.txt": "text"}
    fps = fingerprints(problems, texts)
    assert len(set(fps)) == 3
    assert baseline.new(problems, texts, Counter(fps[:2])) == problems[2:]  # two recorded, three now: one new
    assert baseline.new(problems, texts, Counter({fps[0]: 2})) == problems[1:]  # a count hides no other print
    assert baseline.new(problems, texts, Counter(fps)) == []


def test_a_baseline_with_counts_hides_that_many(seeds, capsys):
    check(capsys, "--write-baseline", "base.json", "seeds")
    path = seeds.parent / "base.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    [entry] = [e for e in document["entries"] if e["code"] == "SP001"]
    entry["count"] = 2  # more recorded than found: nothing new, nothing negative
    document["entries"] = [e for e in document["entries"] if e["code"] != "TY001"]
    path.write_text(json.dumps(document), encoding="utf-8")
    problems = json.loads(check(capsys, "--baseline", "base.json", "--format", "json", "seeds")[1])
    assert {p["code"] for p in problems} == {"TY001"}


@pytest.mark.parametrize("content, says", [
    (None, "no such file"),
    ("{not json", "not JSON (line 1, column 2"),
    ("[]", "not a readout baseline"),
    ('{"version": 2, "fingerprint": "readout/v1", "entries": []}', "version 2"),
    ('{"version": 1, "fingerprint": "other/v9", "entries": []}', "other/v9"),
    ('{"version": 1, "fingerprint": "readout/v1", "entries": {}}', "not a list"),
    ('{"version": 1, "fingerprint": "readout/v1", "entries": [{"count": 1}]}', "entry 1 has no fingerprint"),
    ('{"version": 1, "fingerprint": "readout/v1", "entries": [{"fingerprint": "ab", "count": 0}]}', "count"),
    ('{"version": 1, "fingerprint": "readout/v1", "entries": [{"fingerprint": "ab", "count": true}]}', "count"),
])
def test_a_missing_or_malformed_baseline_is_one_line_and_exit_2(seeds, capsys, content, says):
    if content is not None:
        (seeds.parent / "base.json").write_text(content, encoding="utf-8")
    code, out, err = check(capsys, "--baseline", "base.json", "seeds")
    assert code == 2 and out == ""
    assert err.startswith("readout: error: baseline base.json: ") and says in err
    assert len(err.strip().splitlines()) == 1


def test_written_atomically_with_the_shared_helper(seeds, capsys, monkeypatch):
    from convert import fsutil

    calls = []
    real = fsutil.write_atomic
    monkeypatch.setattr(fsutil, "write_atomic", lambda path, data: calls.append(path) or real(path, data))
    check(capsys, "--write-baseline", "base.json", "seeds")
    assert calls == ["base.json"]
    assert not [p for p in seeds.parent.iterdir() if p.name.endswith(".tmp")]


def test_an_unwritable_baseline_is_one_line_and_exit_2(seeds, capsys):
    (seeds.parent / "base.json").mkdir()
    code, _, err = check(capsys, "--write-baseline", "base.json", "seeds")
    assert code == 2 and err.startswith("readout: error: baseline base.json: cannot write it")
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [
    ("--diff", "--baseline", "base.json"),
    ("--diff", "--write-baseline", "base.json"),
    ("--baseline", "base.json", "--write-baseline", "base.json"),
])
def test_options_that_do_not_go_together(seeds, capsys, argv):
    code, _, err = check(capsys, *argv, "seeds")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_fail_level_applies_to_the_new_problems(seeds, capsys):
    check(capsys, "--write-baseline", "base.json", "seeds")
    insert_before(seeds / SEED_000, "2. NATO-Japan Relations", "(4) Both sides kept refering to it.\n")
    code, out, _ = check(capsys, "--baseline", "base.json", "--format", "github", "seeds")
    assert code == 1 and out.startswith("::warning ") and out.count("\n") == 1
    code, out, _ = check(capsys, "--baseline", "base.json", "--format", "github", "--fail-level", "error", "seeds")
    assert code == 0 and out.count("\n") == 1
