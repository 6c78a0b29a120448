"""The convert, validate and render commands, end to end through the console entry point."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEEDS


def readout(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "convert", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_convert_a_folder_then_validate_every_output(tmp_path) -> None:
    done = readout("convert", "seeds", "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    outputs = sorted((tmp_path / "out").iterdir())
    assert [p.name for p in outputs] == sorted(f"{p.stem}.{form}" for p in SEEDS for form in ("json", "xml"))
    checked = readout("validate", *map(str, outputs))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count(": valid ") == len(outputs)


def test_convert_to_stdout_in_both_forms_and_back() -> None:
    as_json = readout("convert", "seeds/000_0bcac0d4543df4fe.txt", "--to", "json")
    assert as_json.returncode == 0 and json.loads(as_json.stdout)["date"] == "2023-01-31"
    as_xml = readout("convert", "seeds/000_0bcac0d4543df4fe.txt", "--to", "xml")
    assert as_xml.stdout.startswith("<?xml")


def test_canonical_json_converts_to_the_same_xml(tmp_path) -> None:
    source = "seeds/002_a1657387018532e3.txt"
    (tmp_path / "d.json").write_text(readout("convert", source, "--to", "json").stdout, encoding="utf-8")
    recoded = readout("convert", str(tmp_path / "d.json"), "--to", "xml")
    assert recoded.returncode == 0, recoded.stderr
    assert recoded.stdout == readout("convert", source, "--to", "xml").stdout


def test_render_of_the_canonical_form_equals_render_of_the_text(tmp_path) -> None:
    source = "seeds/002_a1657387018532e3.txt"
    (tmp_path / "d.xml").write_text(readout("convert", source, "--to", "xml").stdout, encoding="utf-8")
    from_xml = readout("render", str(tmp_path / "d.xml"))
    from_text = readout("render", source)
    assert from_xml.returncode == 0 and from_xml.stdout == from_text.stdout
    assert "(*1) ITPP: Individually Tailored Partnership Programme" in from_xml.stdout


def test_invalid_canonical_file_exits_1_with_the_path(tmp_path) -> None:
    doc = json.loads(readout("convert", "seeds/000_0bcac0d4543df4fe.txt", "--to", "json").stdout)
    doc["date"] = "2023-02-30"
    (tmp_path / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    checked = readout("validate", str(tmp_path / "bad.json"))
    assert checked.returncode == 1
    assert "$.date" in checked.stdout and "Traceback" not in checked.stderr


def test_usage_errors_are_one_line_and_exit_2() -> None:
    done = readout("convert", "seeds")
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and done.stderr.startswith("readout: error:")
