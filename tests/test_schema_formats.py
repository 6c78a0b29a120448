"""The JSON Schema's formats are really checked, errors name the deepest path, and loading stays cheap."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest

from conftest import ROOT
from convert.schema import json_errors

GOLDEN = ROOT / "tests" / "golden" / "json" / "000_0bcac0d4543df4fe.json"


@pytest.fixture
def doc() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("where, value, message", [
    (("date",), "2023-02-30", "$.date: '2023-02-30' is not a 'date'"),
    (("lead", "events", 0, "start"), "2023-01-31T25:20:00+09:00",
     "$.lead.events[0].start: '2023-01-31T25:20:00+09:00' is not a 'date-time'"),
    (("lead", "events", 0, "duration"), "PT25X", "$.lead.events[0].duration: 'PT25X' is not a 'duration'"),
])
def test_formats_are_checked_and_named_by_their_path(doc, where, value, message) -> None:
    assert json_errors(doc) == []
    bad = copy.deepcopy(doc)
    node = bad
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    assert message in json_errors(bad)


def test_a_nullable_value_reports_its_own_errors_not_the_null_branch(doc) -> None:
    doc["lead"]["events"][0]["duration"] = "PT25X"
    errors = json_errors(doc)
    assert errors and all(e.startswith("$.lead.events[0].duration: ") for e in errors), errors


def test_validate_does_not_load_the_iri_grammar() -> None:
    # jsonschema imports rfc3987-syntax (1.4 s) when it is installed; no format of ours needs it.
    code = ("import sys; from convert.schema import json_validator; json_validator(); "
            "print('rfc3987_syntax' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "False"
