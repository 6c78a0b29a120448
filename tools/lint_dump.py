"""Dump every problem the checker reports on the seeds, the corpus and injected variants of them.

    python tools/lint_dump.py OUT.tsv [--mutated N]

For speed work: take a dump before a change and one after, and ``cmp``
them. One line per problem (document, position, code, message, fix); the
documents are the seeds and tests/corpus, each as published and with each
injector of tests/injectors.py at seeds 0, 1 and 2 (about 20,000 texts,
half a minute). The goldens hold the published documents only; the
injected variants reach the branches a rule takes when it finds something.
``--mutated N`` adds N texts made by random edits (seeded, so the same each
run) of whole documents and of shuffled lines: they reach ties and corners
no published text does. Two dumps taken under different PYTHONHASHSEED
values must be identical too: output may not depend on set order.
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
# What random edits insert: characters and pieces the rules care about.
_PIECES = [*"abcXYZ019.,;:-–—'’\"“”()[]* ※\u00a0\u3000\t", "a.m.", "p.m.", " JST", "(*1)", "H.E. ", "Mr. ",
           "these ", "an ", "Indo-pacific", "Euro-Atlantic", "\n", "\n\n", "1. ", "(2) ", "(a) "]


def _lines(label: str, text: str, path: Path):
    for p in lint(parse_text(text, str(path)), text):
        yield f"{label}\t{p.line}:{p.column}-{p.end_line}:{p.end_column}\t{p.code}\t{p.message}\t{p.fix}\n"


def mutated(texts: list[str], count: int) -> list[str]:
    """``count`` texts: a document or a shuffle of lines, with up to a dozen random insertions, deletions and swaps."""
    rng = random.Random(42)
    lines = [line for text in texts for line in text.split("\n")]
    found = []
    for i in range(count):
        text = rng.choice(texts) if i % 2 else "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 30)))
        chars = list(text)
        for _ in range(rng.randint(0, 12)):
            at, op = rng.randrange(len(chars) + 1), rng.random()
            if op < 0.5:
                chars.insert(at, rng.choice(_PIECES))
            elif chars:
                at = min(at, len(chars) - 1)
                if op < 0.8:
                    del chars[at]
                else:
                    other = rng.randrange(len(chars))
                    chars[at], chars[other] = chars[other], chars[at]
        found.append("".join(chars))
    return found


def dump(out, mutations: int = 0) -> None:
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
    for i, text in enumerate(mutated(list(texts.values()), mutations)):
        out.writelines(_lines(f"mutated|{i}", text, Path(f"mutated-{i}.txt")))


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", metavar="OUT.tsv")
    parser.add_argument("--mutated", type=int, default=0, metavar="N", help="also N randomly edited texts")
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        dump(out, args.mutated)


if __name__ == "__main__":
    main()
