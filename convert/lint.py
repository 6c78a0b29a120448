"""Runs the registered rules over a document and collects sorted Problems."""

from __future__ import annotations

from bisect import bisect_right

from .model import Document
from .problem import Problem
from .rules import load_rules
from .rules.context import Context


class LineIndex:
    """Offsets to 1-based (line, column), column counted in characters."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            self.starts.append(at + 1)
            at = find("\n", at + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _weight(prefix: str) -> int:
    return 0 if prefix == "ALL" else len(prefix)


def selected(code: str, select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> bool:
    """ruff-style selection: the longest matching prefix decides; ALL selects everything."""
    best_select = max((_weight(p) for p in (select or ("ALL",)) if p == "ALL" or code.startswith(p)), default=-1)
    best_ignore = max((_weight(p) for p in ignore if p == "ALL" or code.startswith(p)), default=-1)
    if best_select < 0:
        return False
    return best_ignore < 0 or best_select > best_ignore


def lint(doc: Document, text: str, config=None, path: str | None = None,
         select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = ()) -> list[Problem]:
    """Every problem the selected rules find in ``doc`` (whose decoded text is ``text``)."""
    rules = load_rules()
    path = path if path is not None else doc.source.path
    if config is not None:
        select = select or getattr(config, "select", None)
        ignore = tuple(ignore) + tuple(getattr(config, "ignore", ()) or ())
        ignore += tuple(config.ignores_for(path)) if hasattr(config, "ignores_for") else ()
    overrides = getattr(config, "severity", None) or {}
    ctx = Context(doc, text, config)
    index = LineIndex(text)
    problems: list[Problem] = []
    for code, rule in rules.items():
        if not selected(code, select, tuple(ignore)):
            continue
        for finding in rule.check(ctx):
            line, column = index.position(finding.start)
            end_line, end_column = index.position(finding.end)
            problems.append(Problem(
                path, line, column, end_line, end_column, code, rule.category,
                overrides.get(code, rule.severity), finding.message, finding.start, finding.end, finding.fix,
            ))
    problems.sort()
    return problems
