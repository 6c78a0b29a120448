"""`readout check` and `readout rules` from the command line (SPEC section 5)."""

from __future__ import annotations

import json
import shutil

import pytest

from convert.cli import main

CLEAN = ("Meeting (Summary)\n\nJanuary 31, 2023\n[Provisional translation]\n"
         "On January 31, Prime Minister Kishida held a meeting with President Smith.\n"
         "1. Relations\n(1) Both sides agreed.\n\nRelated Link\n")
DIRTY = CLEAN.replace("Kishida held", "Kishida  held")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "b.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "docs" / "sub" / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "docs" / "notes.md").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def check(capsys, *argv):
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_lines_and_exit_1(folder, capsys):
    code, out, err = check(capsys, "docs")
    assert code == 1
    assert out.startswith("docs/b.txt:5:38: TY009 ") and out.count("\n") == 1
    assert "1 problem(s) in 2 file(s)" in err


def test_clean_files_exit_0(folder, capsys):
    code, out, _ = check(capsys, "docs/sub")
    assert (code, out) == (0, "")


def test_json_format_has_the_spec_fields(folder, capsys):
    code, out, _ = check(capsys, "--format", "json", "docs/b.txt")
    [problem] = json.loads(out)
    assert code == 1
    assert problem == {"path": "docs/b.txt", "line": 5, "column": 38, "end_line": 5, "end_column": 40,
                       "code": "TY009", "category": "typography", "severity": "warning",
                       "message": problem["message"], "fix": " "}


def test_select_ignore_and_exit_zero(folder, capsys):
    assert check(capsys, "--select", "SP,FN", "docs")[:2] == (0, "")
    assert check(capsys, "--ignore", "TY009", "docs")[:2] == (0, "")
    assert check(capsys, "--exit-zero", "docs")[0] == 0


def test_unknown_code_is_bad_usage_with_a_suggestion(folder, capsys):
    code, _, err = check(capsys, "--select", "TY99X", "docs")
    assert code == 2 and "TY99X" in err and len(err.strip().splitlines()) == 1


def test_statistics(folder, capsys):
    code, out, _ = check(capsys, "--statistics", "docs")
    assert code == 1 and out.split() == ["1", "TY009", "[*]", "double-space"]
    code, out, _ = check(capsys, "--statistics", "--format", "json", "docs")
    assert json.loads(out) == [{"code": "TY009", "name": "double-space", "count": 1, "fixable": True}]


def test_diff_writes_nothing_and_fix_writes(folder, capsys):
    code, out, _ = check(capsys, "--diff", "docs")
    assert code == 1 and out.startswith("--- a/docs/b.txt\n+++ b/docs/b.txt\n")
    assert (folder / "docs" / "b.txt").read_text(encoding="utf-8") == DIRTY
    code, out, err = check(capsys, "--fix", "docs")
    assert (code, out) == (0, "") and "1 fix(es) applied in 1 file(s)" in err
    assert (folder / "docs" / "b.txt").read_text(encoding="utf-8") == CLEAN
    assert check(capsys, "--diff", "docs")[:2] == (0, "")


def test_fix_keeps_crlf(folder, capsys):
    path = folder / "docs" / "b.txt"
    path.write_bytes(DIRTY.replace("\n", "\r\n").encode())
    check(capsys, "--fix", "docs/b.txt")
    assert path.read_bytes() == CLEAN.replace("\n", "\r\n").encode()


def test_a_binary_file_is_reported_and_the_batch_goes_on(folder, capsys):
    (folder / "docs" / "a0.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, out, _ = check(capsys, "--format", "json", "docs")
    problems = json.loads(out)
    assert code == 2
    assert [(p["path"], p["code"], p["severity"]) for p in problems] == [
        ("docs/a0.txt", "ST000", "error"), ("docs/b.txt", "TY009", "warning")]
    assert "binary" in problems[0]["message"]


def test_a_missing_file_is_exit_2(folder, capsys):
    code, out, _ = check(capsys, "docs/nope.txt", "docs/sub/a.txt")
    assert code == 2 and out.startswith("docs/nope.txt:1:1: ST000 ")


def test_no_path_is_bad_usage(folder, capsys):
    code, _, err = check(capsys)
    assert code == 2 and err.startswith("readout: error:")


def test_configuration_is_found_and_strict(folder, capsys):
    (folder / "readout.toml").write_text('ignore = ["TY009"]\n', encoding="utf-8")
    assert check(capsys, "docs")[:2] == (0, "")
    (folder / "readout.toml").write_text('ignroe = ["TY009"]\n', encoding="utf-8")
    code, _, err = check(capsys, "docs")
    assert code == 2 and "ignore" in err and len(err.strip().splitlines()) == 1


def test_config_file_option_and_show_config(folder, capsys):
    (folder / "house.toml").write_text('select = ["TY"]\nfail-level = "error"\n', encoding="utf-8")
    assert check(capsys, "--config", "house.toml", "docs")[0] == 0  # only a warning: passes at "error"
    code, out, _ = check(capsys, "--config", "house.toml", "--show-config")
    assert code == 0 and 'select = ["TY"]' in out and "house.toml" in out


def test_info_only_results_pass(folder, capsys):
    (folder / "readout.toml").write_text('[severity]\nTY009 = "info"\n', encoding="utf-8")
    code, out, _ = check(capsys, "docs")
    assert code == 0 and "TY009" in out


def test_rules_lists_every_rule(capsys):
    from convert.rules import load_rules

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for code, rule in load_rules().items():
        assert f"{code}  {rule.category}" in out


def test_rules_documents_one_with_examples(capsys):
    assert main(["rules", "ty009"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("TY009 double-space (typography, warning)")
    assert "Bad:" in out and "Good:" in out and "After `readout check --fix`:" in out


def test_rules_unknown_code_suggests(capsys):
    assert main(["rules", "TY0009"]) == 2
    err = capsys.readouterr().err
    assert "did you mean TY009?" in err


def test_seed_defects_on_their_lines_with_their_categories(capsys, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    check(capsys, "--format", "json", "seeds")
    problems = json.loads(check(capsys, "--format", "json", "seeds")[1])
    got = {(p["path"].split("/")[-1][:3], p["line"], p["category"]) for p in problems}
    expected = {
        ("000", 5, "typography"),   # ( English
        ("000", 7, "spelling"),     # refering
        ("000", 13, "spelling"),    # intension
        ("000", 15, "typography"),  # Russia’s beside Japan's
        ("002", 1, "spelling"),     # Sumarry
        ("002", 5, "structure"),    # [Provisional Translation] (ST004, info)
        ("002", 8, "time"),         # non-house time phrase
        ("002", 12, "footnote"),    # (IP4)(*1) defines ITPP
        ("002", 16, "footnote"),    # ITPP(*2) defines IP4
        ("002", 14, "typography"),  # Stoltenberg’s beside Kishida's
        ("002", 34, "terminology"),  # Europe-Atlantic beside Euro-Atlantic
        ("002", 36, "typography"),  # no full stop
    }
    assert expected <= got, expected - got


def test_check_does_not_import_jsonschema_or_lxml():
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys; from convert.cli import main; main(['check', '--exit-zero', 'seeds']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'lxml', 'jsonschema_rs')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


@pytest.mark.skipif(shutil.which("readout") is None, reason="console script not installed")
def test_console_script_runs(folder):
    import subprocess

    done = subprocess.run(["readout", "check", "docs"], capture_output=True, text=True)
    assert done.returncode == 1 and "TY009" in done.stdout


def test_golden_check_output(document_path, capsys, monkeypatch):
    """`readout check --format json` on every seed and corpus document, byte for byte.

    Regenerate with `python tests/regen_check.py` after a deliberate change, and review the diff.
    """
    from conftest import ROOT, relpath
    from regen_check import golden_path

    monkeypatch.chdir(ROOT)
    main(["check", "--format", "json", "--exit-zero", relpath(document_path)])
    out = capsys.readouterr().out
    expected = golden_path(document_path).read_text(encoding="utf-8")
    assert out == expected, f"check output changed for {relpath(document_path)}: run python tests/regen_check.py"


def test_an_internal_error_in_one_file_does_not_lose_the_batch(folder, capsys, monkeypatch):
    from convert.rules import load_rules

    rule = load_rules()["TY009"]

    def broken(ctx):
        if "Kishida  held" in ctx.text:
            raise ValueError("boom")
        return iter(())
    monkeypatch.setattr(rule, "check", broken)
    (folder / "docs" / "c.txt").write_text(DIRTY.replace("Kishida  held", "Kishida held "), encoding="utf-8")
    code, out, err = check(capsys, "--select", "TY", "docs")
    assert code == 2
    assert "docs/b.txt: internal error while checking: ValueError: boom" in err
