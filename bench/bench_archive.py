"""Benchmark `readout archive` on a synthetic corpus (not a test).

    python bench/bench_archive.py                 # 10,000 and 100,000 documents, 1 and 2 workers
    python bench/bench_archive.py --sizes 10000 --jobs 2 --keep /tmp/bench   # keep the corpus for next time

Builds the corpus from the seeds and tests/corpus, varying dates, names,
paragraphs and footnotes so every document is distinct, in a temporary
folder. For each size and worker count it runs the archive in a fresh
process (so peak memory is that run's alone) and prints documents per second,
peak resident memory of the parent and of the largest worker, their CPU time,
and the time of a second, incremental run over the unchanged inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_core import compile_package  # bench/ is on sys.path when a script of it runs

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})")
_NUMBERED = re.compile(r"^\(\d+\) ", re.M)
NAMES = ("Stoltenberg", "Rutte", "Albanese", "Macron", "Scholz", "Meloni", "Sunak", "Trudeau", "Modi", "Lula",
         "Yoon", "Marcos", "Widodo", "Ramaphosa", "Tinubu", "Milei", "Sanchez", "Tusk", "Orpo", "Kristersson")
FOOTNOTE_TERMS = (("ITPP", "Individually Tailored Partnership Programme"), ("FOIP", "Free and Open Indo-Pacific"),
                  ("WTO", "World Trade Organization"), ("IAEA", "International Atomic Energy Agency"))


def templates() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def vary(text: str, n: int) -> str:
    """A distinct, still realistic readout: another date, another name, reordered paragraphs, maybe a footnote."""
    rng = random.Random(n)
    year, month, day = rng.randint(2000, 2025), rng.choice(MONTHS), rng.randint(1, 28)
    text = _DATE.sub(f"{month} {day}, {year}", text)
    for name in NAMES:
        if name in text:
            text = text.replace(name, rng.choice(NAMES))
            break
    lines = text.split("\n")
    numbered = [i for i, line in enumerate(lines) if _NUMBERED.match(line)]
    if len(numbered) >= 2:  # swap two paragraphs' sentences, keep their numbers
        a, b = rng.sample(numbered, 2)
        head_a, _, body_a = lines[a].partition(" ")
        head_b, _, body_b = lines[b].partition(" ")
        lines[a], lines[b] = f"{head_a} {body_b}", f"{head_b} {body_a}"
    if rng.random() < 0.3:
        term, definition = rng.choice(FOOTNOTE_TERMS)
        at = rng.randrange(min(len(lines), 8), len(lines) + 1) if len(lines) > 8 else len(lines)
        lines[at:at] = [f"Both sides confirmed their cooperation on {term}(*1).", f"(*1) {term}: {definition}"]
    lines.append(f"(Reference {n})" if rng.random() < 0.5 else "")
    return "\n".join(lines)


def make_corpus(folder: Path, count: int) -> None:
    base = templates()
    for n in range(count):
        sub = folder / f"{n // 1000:04d}"
        if n % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"readout-{n:07d}.txt").write_text(vary(base[n % len(base)], n), encoding="utf-8")


_RUN = """
import resource, sys, time
from convert.archive.build import Options, build
t = time.monotonic()
s = build(Options(sources=[sys.argv[1]], root=sys.argv[2], jobs=int(sys.argv[3]), validate=sys.argv[4] == "1",
                  progress=False))
me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.monotonic() - t, s.converted, s.unchanged, s.failures, me.ru_maxrss, children.ru_maxrss,
      me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime)
"""


def run_once(corpus: Path, out: Path, jobs: int, validate: bool) -> dict:
    done = subprocess.run([sys.executable, "-c", _RUN, str(corpus), str(out), str(jobs), "1" if validate else "0"],
                          check=True,
                          capture_output=True, text=True)
    seconds, converted, unchanged, failures, self_kb, child_kb, self_cpu, child_cpu = done.stdout.split()
    return {"seconds": float(seconds), "converted": int(converted), "unchanged": int(unchanged),
            "failures": int(failures), "parent_mb": int(self_kb) / 1024, "worker_mb": int(child_kb) / 1024,
            "parent_cpu": float(self_cpu), "worker_cpu": float(child_cpu)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-validate", action="store_true", help="archive with --no-validate")
    parser.add_argument("--keep", metavar="DIR", help="build the corpus here and keep it (reused when present)")
    parser.add_argument("--keep-archives", action="store_true",
                        help="leave each archive behind (in a folder of its own) instead of deleting it: on ext4, "
                             "files created within minutes of a large delete cost many times more (the allocator "
                             "skips recently freed inodes), which the next run would pay")
    args = parser.parse_args()
    compile_package()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="readout-bench-"))
    try:
        for size in args.sizes:
            corpus = work / f"corpus-{size}"
            if not corpus.exists():
                t = time.monotonic()
                make_corpus(corpus, size)
                print(f"corpus of {size} documents made in {time.monotonic() - t:.1f}s", file=sys.stderr)
            for jobs in args.jobs:
                out = work / f"archive-{size}-{jobs}"
                if args.keep_archives:
                    out = out.with_name(f"{out.name}-{time.strftime('%Y%m%d-%H%M%S')}")
                shutil.rmtree(out, ignore_errors=True)
                # Let the file system finish deleting the last archive, so this run does not pay for it.
                os.sync()
                time.sleep(2)
                first = run_once(corpus, out, jobs, not args.no_validate)
                second = run_once(corpus, out, jobs, not args.no_validate)
                row = {"documents": size, "jobs": jobs, "validate": not args.no_validate, "first_s": round(first["seconds"], 2),
                       "docs_per_s": round(first["converted"] / first["seconds"]),
                       "parent_peak_mb": round(first["parent_mb"], 1), "worker_peak_mb": round(first["worker_mb"], 1),
                       # CPU seconds, the parent's and all its workers': steadier than the time on a shared machine
                       "parent_cpu_s": round(first["parent_cpu"], 1), "workers_cpu_s": round(first["worker_cpu"], 1),
                       "incremental_s": round(second["seconds"], 2),
                       "incremental_pct": round(100 * second["seconds"] / first["seconds"], 1),
                       "reconverted": second["converted"], "failures": first["failures"]}
                print(json.dumps(row), flush=True)
                if not args.keep_archives:
                    shutil.rmtree(out, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
