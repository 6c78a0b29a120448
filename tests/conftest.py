from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# In CI every run tries the same examples: a red run then means a change, never bad luck; at a
# desk the examples vary, which is how the property tests keep finding new inputs.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The suite's word and pattern caches live and die with the run, never in the user's cache folder.
os.environ["READOUT_CACHE_DIR"] = tempfile.mkdtemp(prefix="readout-test-cache-")
atexit.register(shutil.rmtree, os.environ["READOUT_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
DOCUMENTS = SEEDS + CORPUS


def relpath(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(params=DOCUMENTS, ids=lambda p: p.stem)
def document_path(request) -> Path:
    return request.param
