"""Benchmark `readout check` as users run it (not a test).

    python bench/bench_check.py [--docs 10000] [--repeat 3]

Copies the seeds and tests/corpus round-robin into a temporary folder of
--docs files, then times, each the median of --repeat runs in fresh
processes: `readout check DIR` on one process and on every core, and beside
it, in the same run, the other checkers found on PATH (codespell, typos),
which only look words up in a list. Then the wall time of checking one
file next to `python -c "import lxml.etree"` and bare `python -c pass`
(the commands taking turns), with the user cache and without it.
Timings on a shared machine are noisy: compare the ratios, measured side by
side.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from bench_core import _wall as wall, compile_package, interleaved  # bench/ is on sys.path when a script of it runs

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_0bcac0d4543df4fe.txt"


def make_corpus(folder: Path, count: int) -> int:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    raws = [p.read_bytes() for p in files]
    size = 0
    for i in range(count):
        raw = raws[i % len(raws)]
        (folder / f"{i:06d}.txt").write_bytes(raw)
        size += len(raw)
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (median)")
    args = parser.parse_args()
    compile_package()
    py = sys.executable
    readout = [py, "-m", "convert", "check", "--exit-zero", "--no-progress"]
    with tempfile.TemporaryDirectory(prefix="readout-bench-") as tmp:
        folder = Path(tmp)
        size = make_corpus(folder, args.docs)
        print(f"{args.docs} files, {size / 1e6:.1f} MB\n")
        rows = [("readout check DIR --jobs 1", readout + ["--jobs", "1", str(folder)]),
                ("readout check DIR (every core)", readout + [str(folder)])]
        for tool in ("codespell", "typos"):
            found = shutil.which(tool)
            if found:
                rows.append((f"{tool} DIR", [found, str(folder)]))
        base = None
        for label, command in rows:
            seconds = wall(command, args.repeat)
            rate = args.docs / seconds
            base = base or rate
            print(f"{label:<36} {rate:>8,.0f} files/s {size / seconds / 1e6:>6.2f} MB/s  {seconds:>6.2f} s"
                  f"  ({rate / base:.2f}x the first line)")
    print()
    rows = [("python -c pass", [py, "-c", "pass"]),
            ("python -c 'import lxml.etree'", [py, "-c", "import lxml.etree"]),
            ("readout check SEED", readout + [SEED]),
            # The user cache of word sets turned off: every run builds them.
            ("readout check SEED (no cache)", ["env", "READOUT_CACHE_DIR="] + readout + [SEED])]
    times = interleaved(rows, max(args.repeat, 7))
    lxml = times["python -c 'import lxml.etree'"]
    for label, seconds in times.items():
        print(f"{label:<36} {seconds * 1e3:>6.0f} ms  ({seconds / lxml:.2f}x import lxml.etree)")


if __name__ == "__main__":
    main()
