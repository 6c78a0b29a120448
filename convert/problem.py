"""The one Problem type every formatter and the exit code read from.

A :class:`Problem` is frozen and sorts by position (path, line, column, end,
code), so output order never depends on the order rules ran in. A
:class:`Fix` is a list of text :class:`Edit` objects over the decoded text
(newlines normalized to ``\\n``, no byte-order mark) with a safety level:
``--fix`` applies only ``safe`` ones.
"""

from __future__ import annotations

import operator

from .record import Record

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
SAFETIES = ("safe", "unsafe")


class Edit(Record):
    """Replace ``text[start:end]`` of the decoded source with ``replacement``."""

    start: int
    end: int
    replacement: str


class _FixFields(Record):
    edits: tuple[Edit, ...]
    safety: str = "safe"  # "safe": --fix applies it; "unsafe": shown, never applied


class Fix(_FixFields):
    __slots__ = ()

    def __new__(cls, edits: tuple[Edit, ...], safety: str = "safe") -> Fix:
        if safety not in SAFETIES:
            raise ValueError(f"unknown fix safety {safety!r}")
        return super().__new__(cls, edits, safety)

    @property
    def safe(self) -> bool:
        return self.safety == "safe"

    @property
    def replacement(self) -> str | None:
        """The text of a single-edit fix (what --format json reports), else None."""
        return self.edits[0].replacement if len(self.edits) == 1 else None


def replace(start: int, end: int, replacement: str, safety: str = "safe") -> Fix:
    """A one-edit fix: the common case."""
    return Fix((Edit(start, end, replacement),), safety)


class _ProblemFields(Record):
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    message: str
    category: str = ""
    severity: str = "warning"
    start: int = 0  # offsets in the decoded text
    end: int = 0
    fix: Fix | None = None


_IDENTITY = 7  # path, line, column, end_line, end_column, code, message


def _on_identity(compare):
    """A comparison of two problems' first seven fields (the tuple's own would compare them all)."""
    def method(self, other):
        return compare(self[:_IDENTITY], other[:_IDENTITY]) if isinstance(other, Problem) else NotImplemented

    method.__name__ = f"__{compare.__name__}__"
    return method


class Problem(_ProblemFields):
    """A problem is its position, code and message: two that differ only in
    severity, category, offsets or fix are the same problem, and problems
    sort by those seven fields alone."""

    __slots__ = ()

    __eq__ = _on_identity(operator.eq)
    __ne__ = _on_identity(operator.ne)
    __lt__ = _on_identity(operator.lt)
    __le__ = _on_identity(operator.le)
    __gt__ = _on_identity(operator.gt)
    __ge__ = _on_identity(operator.ge)

    def __hash__(self) -> int:
        return hash(self[:_IDENTITY])

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]

    def as_dict(self) -> dict:
        """The fields of SPEC section 5, in a stable order (``fix``: the replacement text or None)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "fix": _fix_text(self.fix),
        }


def _fix_text(fix: Fix | None) -> str | None:
    """One replacement string: the single edit's text, or the edits joined for a multi-edit fix."""
    if fix is None:
        return None
    if len(fix.edits) == 1:
        return fix.edits[0].replacement
    return " / ".join(e.replacement for e in fix.edits)
