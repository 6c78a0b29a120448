"""What the tests of the CI formats and the baseline share: running check, seed copies, the SARIF schema."""

from __future__ import annotations

import json
import shutil
from functools import lru_cache

import pytest
from conftest import ROOT, SEEDS

from convert.cli import main

SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
SEED_000 = "000_0bcac0d4543df4fe.txt"

# A readout every rule passes (as in test_check_cli), and the line that, added to seed 000's first
# section, shifts every later line without adding a problem: an unrelated edit.
CLEAN = ("Meeting (Summary)\n\nJanuary 31, 2023\n[Provisional translation]\n"
         "On January 31, Prime Minister Kishida held a meeting with President Smith.\n"
         "1. Relations\n(1) Both sides agreed.\n\nRelated Link\n")
UNRELATED_LINE = "(4) Both sides agreed to remain in close contact.\n"


def check(capsys, *argv):
    """``readout check ARGV``: (exit code, stdout, stderr)."""
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def copy_seeds(folder):
    """The seeds copied into ``folder/seeds`` (run from ``folder``, paths read ``seeds/...``)."""
    target = folder / "seeds"
    target.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, target / seed.name)
    return target


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    """A copy of the seeds in ``seeds/`` of a temporary folder that the test runs in (import it to use it)."""
    monkeypatch.chdir(tmp_path)
    return copy_seeds(tmp_path)


def insert_before(path, marker: str, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert marker in text
    path.write_text(text.replace(marker, line + marker, 1), encoding="utf-8")


def problems_json(capsys, *argv) -> list[dict]:
    return json.loads(check(capsys, "--format", "json", "--exit-zero", *argv)[1])


@lru_cache(maxsize=1)
def sarif_validator():
    """The official schema's validator, checking formats (uri, uri-reference) as well."""
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def sarif_errors(document) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in sarif_validator().iter_errors(document)]
