from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
DOCUMENTS = SEEDS + CORPUS


def relpath(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(params=DOCUMENTS, ids=lambda p: p.stem)
def document_path(request) -> Path:
    return request.param
