"""Regenerate the golden canonical files: ``python tests/regen_golden.py``.

Writes tests/golden/{json,xml}/<id>.{json,xml} for every seed and corpus
document. Review the diff (``git diff --stat tests/golden``) before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

GOLDEN = ROOT / "tests" / "golden"
FORMS = ("json", "xml")


def golden_path(doc_id: str, form: str) -> Path:
    return GOLDEN / form / f"{doc_id}.{form}"


def main() -> None:
    from conftest import DOCUMENTS, relpath

    from convert.pipeline import convert_source

    for form in FORMS:
        for old in (GOLDEN / form).glob(f"*.{form}"):
            old.unlink()
    for path in DOCUMENTS:
        result = convert_source(path.read_bytes(), relpath(path), forms=FORMS)
        for form in FORMS:
            target = golden_path(result.doc.id, form)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(getattr(result, form))
    print(f"wrote {len(DOCUMENTS)} documents x {len(FORMS)} forms under {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
