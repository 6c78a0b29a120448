"""The rule engine: runs the selected rules over a document and collects sorted Problems.

Rules yield :class:`~convert.rules.base.Finding` objects with offsets; here,
at the edge, offsets become 1-based lines and columns, and code, category
and severity are added from the registry and the configuration. Selection
follows ruff: the longest matching prefix of ``select`` or ``ignore``
decides, ``ALL`` matches every code, and per-file ignores join ``ignore``.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from .model import Document
from .problem import Problem
from .rules import load_rules
from .rules.base import RESERVED, Rule
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


@lru_cache(maxsize=256)
def active_rules(select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> tuple[tuple[str, Rule], ...]:
    """The registered rules that ``select`` and ``ignore`` leave on, in code order (cached)."""
    rules = load_rules()
    return tuple((code, rules[code]) for code in sorted(rules)
                 if code not in RESERVED and selected(code, select, ignore))


@lru_cache(maxsize=256)
def _plan(select: tuple[str, ...] | None,
          ignore: tuple[str, ...]) -> tuple[tuple[tuple[str, Rule], ...], frozenset[str]]:
    """:func:`active_rules` and the set of their codes, cached together by selection (the
    lookup hashes two short tuples, not the tuple of every rule)."""
    rules = active_rules(select, ignore)
    return rules, frozenset(code for code, _ in rules)


def selection(config, path: str) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    if config is None:
        return None, ()
    return tuple(config.select), tuple(config.ignore) + tuple(config.ignores_for(path))


def lint(doc: Document, text: str, config=None, path: str | None = None) -> list[Problem]:
    """Every problem the selected rules find in ``doc`` (whose decoded, newline-normalized text is ``text``)."""
    path = path if path is not None else doc.source.path
    select, ignore = selection(config, path)
    overrides = config.severity if config is not None else {}
    rules, codes = _plan(select, ignore)
    ctx = Context(doc, text, config, codes)
    index: LineIndex | None = None
    problems: list[Problem] = []
    for code, rule in rules:
        for finding in rule.check(ctx):
            if index is None:
                index = LineIndex(text)
            line, column = index.position(finding.start)
            end_line, end_column = index.position(finding.end)
            problems.append(Problem(
                path, line, column, end_line, end_column, code, finding.message, rule.category,
                overrides.get(code, rule.severity), finding.start, finding.end, finding.fix,
            ))
    problems.sort()
    return problems


def unreadable(path: str, message: str, config=None) -> Problem | None:
    """The ST000 problem for a file that cannot be read or decoded (None when ST000 is not selected)."""
    select, ignore = selection(config, path)
    if not selected("ST000", select, ignore):
        return None
    severity = (config.severity if config is not None else {}).get("ST000", "error")
    prefix = f"{path}: "
    text = message[len(prefix):] if message.startswith(prefix) else message
    return Problem(path, 1, 1, 1, 1, "ST000", text, "structure", severity)
