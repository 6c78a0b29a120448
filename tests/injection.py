"""Defects put into real readouts one at a time, and whether the checker finds each on its line.

The injectors are in tests/injectors.py; each returns a document's text
with one defect of its kind in it and the offset of the defect. Places are
chosen by a seeded random choice, so every run tries the same ones.
:func:`trial` then checks the text before and after: the expected code must
be reported on the defect's line (anywhere, for a defect of the whole
document), and any other new finding is noise.

    python tests/injection.py     # the table: places, found, noise, per kind

tests/test_injected_defects.py holds recall and noise to what this reports.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from convert.lint import LineIndex, lint  # noqa: E402
from convert.parse import parse_text  # noqa: E402
from convert.rules.context import Context  # noqa: E402
from injectors import INJECTORS, Injector  # noqa: E402

__all__ = ["INJECTORS", "Injector", "Trial", "trial", "trials"]


class Trial(NamedTuple):
    path: str
    injector: str
    found: bool  # the expected code on the defect's line
    noise: tuple[str, ...]  # new warnings and errors of other rules on other lines: "line: CODE message"
    line: int


def _unlined(message: str) -> str:
    """A message without the line numbers it cites ("('4:05 p.m.' on line 8)"): an edit above moves them."""
    return re.sub(r"\blines? \d+", "line", message)


@cache
def _original(path: Path) -> tuple[str, Context, Counter]:
    """A document's text, its context and its findings as (code, message) counts: the same for every injector."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    ctx = Context(parse_text(text, str(path)), text)
    return text, ctx, Counter(_key(p) for p in lint(ctx.doc, text))


def _key(problem) -> tuple[str, str]:
    return problem.code, _unlined(problem.message)


def trial(path: Path, injector: Injector, seed: int = 0) -> Trial | None:
    """Inject ``injector``'s defect into ``path`` and check it; None when the document has no place for it."""
    text, ctx, before = _original(path)
    if injector.complete_only and ctx.truncated:
        return None
    rng = random.Random(f"{path.name}:{injector.name}:{seed}")
    injected = injector.inject(text, ctx, rng)
    if injected is None:
        return None
    new_text, at = injected
    line = LineIndex(new_text).position(at)[0]
    after = lint(parse_text(new_text, str(path)), new_text)
    codes = injector.code.split("/")
    found = any(p.code in codes and (injector.whole_document or p.line <= line <= p.end_line)
                for p in after)
    # Another rule seeing the same slip on its line is no noise, nor an info note.
    elsewhere = [p for p in after if p.code not in codes and p.severity != "info" and not p.line <= line <= p.end_line]
    new = Counter(_key(p) for p in elsewhere) - before
    noise = tuple(sorted(f"{p.line}: {p.code} {p.message}" for p in elsewhere if new[_key(p)]))
    return Trial(path.name, injector.name, found, noise, line)


def trials(paths: list[Path], seed: int = 0) -> dict[str, list[Trial]]:
    """Every injector's trials on ``paths``; another ``seed`` chooses other places in the same documents."""
    results: dict[str, list[Trial]] = {}
    for injector in INJECTORS:
        results[injector.name] = [t for t in (trial(p, injector, seed) for p in paths) if t is not None]
    return results


def main() -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    print(f"{'defect':32} {'code':11} {'places':>6} {'found':>6} {'recall':>7} {'noisy':>6}")
    for name, found in trials(paths).items():
        code = next(i.code for i in INJECTORS if i.name == name)
        hits = sum(t.found for t in found)
        noisy = sum(bool(t.noise) for t in found)
        recall = hits / len(found) if found else 0
        print(f"{name:32} {code:11} {len(found):>6} {hits:>6} {recall:>7.0%} {noisy:>6}")
        if "-v" in sys.argv:
            for t in found:
                if not t.found or t.noise:
                    print(f"    {t.path}:{t.line} {'MISSED' if not t.found else ''} {'; '.join(t.noise)}")


if __name__ == "__main__":
    main()
