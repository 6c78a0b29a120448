"""Canonical XML and JSON of every seed and corpus document, byte for byte.

After an intended change: ``python tests/regen_golden.py`` and review the diff.
"""

from __future__ import annotations

import pytest

from convert.pipeline import convert_source

from conftest import relpath
from regen_golden import FORMS, golden_path


@pytest.mark.parametrize("form", FORMS)
def test_output_matches_the_golden_file(document_path, form) -> None:
    result = convert_source(document_path.read_bytes(), relpath(document_path), forms=(form,))
    expected = golden_path(result.doc.id, form)
    assert expected.exists(), f"no golden file {expected.name}: run python tests/regen_golden.py"
    assert getattr(result, form) == expected.read_bytes(), f"{expected.name} differs: run python tests/regen_golden.py and review"
