"""Regenerate the golden check output: ``python tests/regen_check.py``.

Writes tests/golden/check/<id>.json: what ``readout check --format json PATH``
prints for every seed and corpus document (PATH relative to the repository).
Review the diff (``git diff --stat tests/golden/check``) before committing:
a changed file is a rule that now says something else about a real readout.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

GOLDEN = ROOT / "tests" / "golden" / "check"


def golden_path(path: Path) -> Path:
    from convert.parse import make_id

    return GOLDEN / f"{make_id(path.name)}.json"


def check_json(path: Path) -> str:
    """The --format json output for one document, as the command prints it."""
    from conftest import relpath

    from convert.lint import lint
    from convert.pipeline import parse_source
    from convert.report import render

    shown = relpath(path)
    doc, text = parse_source(path.read_bytes(), shown)
    return render("json", lint(doc, text, None, shown), {})


def main() -> None:
    from conftest import DOCUMENTS

    GOLDEN.mkdir(parents=True, exist_ok=True)
    for old in GOLDEN.glob("*.json"):
        old.unlink()
    for path in DOCUMENTS:
        golden_path(path).write_text(check_json(path), encoding="utf-8")
    print(f"wrote {len(DOCUMENTS)} check outputs under {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
