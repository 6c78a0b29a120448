"""Output formats for ``readout check``: each a module with the same interface.

A format is a module in this package with::

    NAME = "text"                       # what --format takes
    DESCRIPTION = "path:line:col: CODE message, one problem per line"
    def format(problems, rules, **options) -> str

``problems`` is a sorted list of :class:`~convert.problem.Problem`,
``rules`` the registry (code -> rule, for formats that describe rules, as
SARIF does). Formatters only format: they never re-parse, print or exit.
Adding a format is adding a module and a line to :data:`FORMATS`; modules
are imported only when their format is used.

``readout check`` passes these ``options``; a format takes what it needs
and ignores the rest: ``paths`` (every file checked, in order, clean ones
included), ``rule_codes`` (the codes of the rules that ran) and ``texts``
(path -> decoded text). A format that needs ``texts`` says so with
``NEEDS_TEXT = True``; the texts are kept only then, and formats never read
the files again.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# --format name -> module (relative to this package); listed so --help can offer them without imports.
FORMATS: dict[str, str] = {
    "text": ".text",
    "json": ".json",
    "full": ".full",
    "sarif": ".sarif",
    "github": ".github",
    "junit": ".junit",
    "rdjson": ".rdjson",
}


def names() -> list[str]:
    return sorted(FORMATS)


def formatter(name: str) -> ModuleType:
    """The module for format ``name``; KeyError when there is none."""
    return importlib.import_module(FORMATS[name], __name__)


def render(name: str, problems, rules, **options) -> str:
    return formatter(name).format(problems, rules, **options)


def statistics(problems, rules) -> list[tuple[str, int, str, bool]]:
    """(code, count, rule name, fixable) per code, most frequent first, then by code."""
    counts: dict[str, int] = {}
    fixable: dict[str, bool] = {}
    for p in problems:
        counts[p.code] = counts.get(p.code, 0) + 1
        fixable[p.code] = fixable.get(p.code, False) or (p.fix is not None and p.fix.safe)
    rows = [(code, n, getattr(rules.get(code), "name", ""), fixable[code]) for code, n in counts.items()]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return rows


def statistics_text(problems, rules) -> str:
    """ruff-style: count, code, name and [*] when --fix can fix some."""
    rows = statistics(problems, rules)
    if not rows:
        return ""
    width = max(len(str(n)) for _, n, _, _ in rows)
    lines = [f"{n:>{width}}\t{code}\t{'[*] ' if fix else ''}{name}" for code, n, name, fix in rows]
    return "\n".join(lines) + "\n"


def statistics_json(problems, rules) -> str:
    import json

    rows = [{"code": code, "name": name, "count": n, "fixable": fix} for code, n, name, fix in statistics(problems, rules)]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
