"""The one Problem type every formatter and the exit code read from."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace ``text[start:end]`` of the decoded source with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True  # only safe fixes are applied by --fix

    @property
    def replacement(self) -> str | None:
        """The text of a single-edit fix (what --format json reports), else None."""
        return self.edits[0].replacement if len(self.edits) == 1 else None


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    category: str = field(compare=False)
    severity: str = field(compare=False)
    message: str = field(compare=False)
    start: int = field(default=0, compare=False)  # offsets in the decoded text
    end: int = field(default=0, compare=False)
    fix: Fix | None = field(default=None, compare=False)
