"""Dump every problem the checker reports on the seeds, the corpus and injected variants of them.

    python tools/lint_dump.py OUT.tsv

For speed work: take a dump before a change and one after, and ``cmp``
them. One line per problem (document, position, code, message, fix); the
documents are the seeds and tests/corpus, each as published and with each
injector of tests/injectors.py at seeds 0, 1 and 2 (about 20,000 texts,
half a minute). The goldens hold the published documents only; the
injected variants reach the branches a rule takes when it finds something.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests"):
    sys.path.insert(0, str(folder))

from convert.lint import lint  # noqa: E402
from convert.parse import parse_text  # noqa: E402
from convert.rules.context import Context  # noqa: E402
from injectors import INJECTORS  # noqa: E402

SEEDS = (0, 1, 2)


def _lines(label: str, text: str, path: Path):
    for p in lint(parse_text(text, str(path)), text):
        yield f"{label}\t{p.line}:{p.column}-{p.end_line}:{p.end_column}\t{p.code}\t{p.message}\t{p.fix}\n"


def dump(out) -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    texts = {path: path.read_text(encoding="utf-8").replace("\r\n", "\n") for path in paths}
    for path, text in texts.items():
        out.writelines(_lines(path.name, text, path))
    for seed in SEEDS:
        for injector in INJECTORS:
            for path, text in texts.items():
                ctx = Context(parse_text(text, str(path)), text)
                injected = injector.inject(text, ctx, random.Random(f"{path.name}:{injector.name}:{seed}"))
                if injected is not None:
                    out.writelines(_lines(f"{path.name}|{injector.name}|{seed}", injected[0], path))


def main() -> None:
    if len(sys.argv) != 2:
        print(f"usage: {__doc__.splitlines()[2].strip()}", file=sys.stderr)
        sys.exit(2)
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        dump(out)


if __name__ == "__main__":
    main()
