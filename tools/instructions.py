"""Count the instructions that checking costs, with valgrind's callgrind: a figure that noise cannot move.

    python tools/instructions.py [--only doc|startup]

Wall time on a shared machine swings by a factor of two within the hour;
an instruction count is the same on every run of the same code and inputs,
so a before/after pair shows a 1% change. Two figures:

- ``doc``: instructions per document of what ``readout check`` does to a
  file after reading it (decode, parse without lead facts or digest, lint),
  over the seeds and tests/corpus: a run of two passes minus a run of one,
  so start-up and first-use costs cancel out.
- ``startup``: a whole one-file ``readout check`` of a seed beside
  ``python -c pass`` and ``python -c "import lxml.etree"``.

Needs valgrind (Debian's package). Each valgrind run takes a few seconds to
half a minute. Instructions are not time (a cache miss costs more than an
add): confirm a win with ``bench/bench_check.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_0bcac0d4543df4fe.txt"

_PASSES = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from convert.lint import lint
from convert.pipeline import parse_source
paths = sorted(Path({root!r}, "seeds").glob("*.txt")) + sorted(Path({root!r}, "tests", "corpus").glob("*.txt"))
raws = [(str(p), p.read_bytes()) for p in paths]
for _ in range(int(sys.argv[1])):
    for path, raw in raws:
        doc, text = parse_source(raw, path, lead_facts=False, digest=False)
        lint(doc, text)
print(len(raws))
"""


def count(command: list[str]) -> tuple[int, str]:
    """Instructions of ``command`` (and its stdout), under callgrind, with a fixed hash seed."""
    with tempfile.TemporaryDirectory(prefix="readout-callgrind-") as tmp:
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", *command],
                             cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or found is None:
        sys.exit(f"instructions: error: valgrind failed on {' '.join(command)}: {run.stderr.strip()[-300:]}")
    return int(found.group(1)), run.stdout


def per_document() -> None:
    code = _PASSES.format(root=str(ROOT))
    subprocess.run([sys.executable, "-c", code, "1"], cwd=ROOT, check=True, capture_output=True)  # fill the caches
    one, out = count([sys.executable, "-c", code, "1"])
    two, _ = count([sys.executable, "-c", code, "2"])
    docs = int(out.split()[-1])
    print(f"check, per document (decode, parse, lint; {docs} documents): {(two - one) / docs / 1e6:.4f} M instructions")


def startup() -> None:
    check = [sys.executable, "-m", "convert", "check", "--exit-zero", SEED]
    subprocess.run(check, cwd=ROOT, capture_output=True)  # fill the caches
    rows = [("python -c pass", [sys.executable, "-c", "pass"]),
            ("python -c 'import lxml.etree'", [sys.executable, "-c", "import lxml.etree"]),
            ("readout check SEED", check)]
    counts = {label: count(command)[0] for label, command in rows}
    lxml = counts["python -c 'import lxml.etree'"]
    for label, n in counts.items():
        print(f"{label:<32} {n / 1e6:8.1f} M instructions  ({n / lxml:.2f}x import lxml.etree)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("doc", "startup"))
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("instructions: error: valgrind not found (Debian: apt-get install valgrind)")
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_core import compile_package

    compile_package()  # as installed: no process compiles the modules from source
    if args.only in (None, "doc"):
        per_document()
    if args.only in (None, "startup"):
        startup()


if __name__ == "__main__":
    main()
