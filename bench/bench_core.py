"""Throughput and start-up benchmarks for parse, convert and check.

    python bench/bench_core.py [--docs 10000] [--repeat 5]

Prints documents per second and MB per second on the seeds and corpus,
repeated to --docs documents, in this one process, next to a naive
lxml + json + jsonschema pipeline measured in the same run, and the wall time
of single-file commands next to bare Python imports. Timings on a shared
machine are noisy: compare the ratios, which are measured side by side.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _inputs(count: int) -> list[tuple[str, bytes]]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    raws = [(p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in files]
    return [raws[i % len(raws)] for i in range(count)]


def _rate(label: str, seconds: float, docs: int, size: int, baseline: float | None = None) -> float:
    per_second = docs / seconds
    ratio = f"  ({per_second / baseline:.2f}x naive)" if baseline else ""
    print(f"{label:<44} {per_second:>9,.0f} docs/s {size / seconds / 1e6:>7.2f} MB/s {seconds / docs * 1e3:>7.3f} ms/doc{ratio}")
    return per_second


def _time(fn, inputs) -> float:
    start = time.perf_counter()
    for path, raw in inputs:
        fn(raw, path)
    return time.perf_counter() - start


def bench_naive(inputs) -> float:
    """The reference the issue sets: an lxml tree, json.dumps and a plain jsonschema validation."""
    import jsonschema
    from lxml import etree

    from convert.pipeline import parse_source
    from convert.serialize.jsonform import to_dict

    schema = json.loads((ROOT / "schema" / "document.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    dicts = [to_dict(parse_source(raw, path)[0]) for path, raw in inputs[:200]]

    def naive(obj) -> None:
        root = etree.Element("document")
        for section in obj["sections"]:
            node = etree.SubElement(root, "section")
            for paragraph in section["paragraphs"]:
                etree.SubElement(node, "p").text = paragraph["text"]
        etree.tostring(root)
        json.dumps(obj)
        validator.validate(obj)

    count = min(len(inputs), 2000)
    start = time.perf_counter()
    for i in range(count):
        naive(dicts[i % len(dicts)])
    return count / (time.perf_counter() - start)


def bench_throughput(inputs) -> None:
    from convert.pipeline import convert_source, parse_source

    size = sum(len(raw) for _, raw in inputs)
    docs = len(inputs)
    convert_source(*reversed(inputs[0]))  # build validators once, outside the timing
    naive = bench_naive(inputs)
    print(f"{'naive lxml+json+jsonschema (no parse)':<44} {naive:>9,.0f} docs/s")
    _rate("parse", _time(lambda raw, path: parse_source(raw, path), inputs), docs, size, naive)
    _rate("convert to JSON, validated", _time(lambda r, p: convert_source(r, p, forms=("json",)), inputs), docs, size, naive)
    _rate("convert to JSON + XML, validated", _time(lambda r, p: convert_source(r, p), inputs), docs, size, naive)
    _rate("convert to JSON + XML, not validated", _time(lambda r, p: convert_source(r, p, validate=False), inputs), docs, size, naive)
    try:
        from convert.lint import lint
    except ImportError:
        return

    def check(raw, path):
        doc, text = parse_source(raw, path)
        lint(doc, text, path=path)

    _rate("check (parse + every rule)", _time(check, inputs), docs, size)


def compile_package() -> None:
    """Write the package's bytecode as ``pip install`` does, so that runs time start-up as users see it.

    An editable install, or PYTHONDONTWRITEBYTECODE set (as on this machine),
    leaves none: every process would compile all the modules from source,
    some 100 ms a process that no installed copy pays."""
    import compileall

    compileall.compile_dir(ROOT / "convert", quiet=1)


def _wall(command: list[str], repeat: int) -> float:
    return interleaved([("", command)], repeat)[""]


def interleaved(rows: list[tuple[str, list[str]]], repeat: int) -> dict[str, float]:
    """Median wall time of each command, the commands taking turns: a slow spell of a shared
    machine then slows them all, not just the one measured at the time."""
    times: dict[str, list[float]] = {label: [] for label, _ in rows}
    for _ in range(repeat):
        for label, command in rows:
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, check=False)
            times[label].append(time.perf_counter() - start)
    return {label: statistics.median(found) for label, found in times.items()}


def bench_startup(repeat: int) -> None:
    seed = "seeds/000_0bcac0d4543df4fe.txt"
    py = sys.executable
    rows = [
        # Without rfc3987-syntax, which jsonschema imports when installed (1.4 s) and readout does not.
        ("python -c 'import lxml.etree, jsonschema'",
         [py, "-c", "import sys; sys.modules['rfc3987_syntax'] = None; import lxml.etree, jsonschema"]),
        ("python -c 'import lxml.etree'", [py, "-c", "import lxml.etree"]),
        ("readout convert SEED --to json", [py, "-m", "convert", "convert", seed, "--to", "json"]),
        ("readout convert SEED --to xml", [py, "-m", "convert", "convert", seed, "--to", "xml"]),
        ("readout check SEED", [py, "-m", "convert", "check", seed, "--exit-zero"]),
        ("readout validate SEED.json", [py, "-m", "convert", "validate", "tests/golden/json/" + seed[6:-4] + ".json"]),
    ]
    base = None
    for label, command in rows:
        seconds = _wall(command, repeat)
        base = base or seconds
        print(f"{label:<44} {seconds * 1e3:>7.0f} ms  ({seconds / base:.2f}x the first line)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each start-up command (median)")
    args = parser.parse_args()
    compile_package()
    inputs = _inputs(args.docs)
    print(f"{len(inputs)} documents, {sum(len(r) for _, r in inputs) / 1e6:.1f} MB, one process\n")
    bench_throughput(inputs)
    print()
    bench_startup(args.repeat)


if __name__ == "__main__":
    main()
