"""What a rule is, and the registry that holds them by code.

A rule is a class with its documentation as data and a ``check`` that yields
:class:`Finding` objects (offsets in the decoded text and a message); the
engine turns findings into Problems, adding code, category, severity and
line/column. Rules never format and never print.

The class docstring is the rule's user documentation (``readout rules CODE``
prints it with the bad and good examples); the module docstring documents
the family.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..problem import SEVERITIES, Fix
from ..record import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (3 ms of a one-file check)
if TYPE_CHECKING:
    from typing import ClassVar

CATEGORIES = {
    "ST": "structure",
    "SP": "spelling",
    "FN": "footnote",
    "TM": "time",
    "TY": "typography",
    "TR": "terminology",
}

# Codes the engine itself reports: a file that cannot be read or decoded.
# They are documented like rules so `readout rules ST000` explains them.
RESERVED = {"ST000"}


class Finding(Record):
    start: int  # offsets in the decoded document text
    end: int
    message: str
    fix: Fix | None = None


class Rule:
    """Subclass, set the class attributes, implement ``check``, decorate with ``@register``."""

    code: ClassVar[str]
    name: ClassVar[str]  # kebab-case: "title-typo"
    severity: ClassVar[str] = "warning"
    summary: ClassVar[str]  # one line
    bad: ClassVar[str]  # a readout snippet that triggers the rule
    good: ClassVar[str]  # the same snippet, clean
    fixed: ClassVar[str | None] = None  # ``bad`` after --fix, for rules with a safe fix

    @property
    def category(self) -> str:
        return CATEGORIES[self.code[:2]]

    @property
    def fixable(self) -> bool:
        return self.fixed is not None

    @property
    def doc(self) -> str:
        return _dedent(type(self).__doc__ or self.summary)

    def check(self, ctx) -> Iterator[Finding]:  # ctx: convert.rules.context.Context
        raise NotImplementedError


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)


REGISTRY: dict[str, Rule] = {}


def register(cls: type[Rule]) -> type[Rule]:
    code = cls.code
    if code in REGISTRY:
        raise RuntimeError(f"rule code {code} registered twice ({type(REGISTRY[code]).__name__}, {cls.__name__})")
    if code[:2] not in CATEGORIES:
        raise RuntimeError(f"rule code {code} has no known category prefix")
    if cls.severity not in SEVERITIES:
        raise RuntimeError(f"rule {code}: unknown severity {cls.severity!r}")
    REGISTRY[code] = cls()
    return cls
