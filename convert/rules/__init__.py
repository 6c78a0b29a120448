"""Every rule module in this package registers its rules on import."""

from __future__ import annotations

import importlib

from .base import REGISTRY, Rule, register

# Named rather than discovered: pkgutil's discovery imports inspect, a tenth
# of a one-file check's start-up. A test holds this to the folder's files.
MODULES = (
    "footnote",
    "reserved",
    "spelling_names",
    "spelling_ordinals",
    "spelling_runon",
    "spelling_scan",
    "spelling_suggest",
    "spelling_typos",
    "structure_dates",
    "structure_end",
    "structure_header",
    "structure_numbering",
    "structure_title",
    "terminology",
    "terms_agreement",
    "terms_articles",
    "terms_honorifics",
    "time_common",
    "time_events",
    "time_notation",
    "time_zones",
    "typography_punct",
    "typography_quotes",
    "typography_spacing",
)

_LOADED = False


def load_rules() -> dict[str, Rule]:
    """Import every rule module once; return the registry (code -> rule)."""
    global _LOADED
    if not _LOADED:
        for module in MODULES:
            importlib.import_module(f"{__name__}.{module}")
        _LOADED = True
    return REGISTRY


__all__ = ["load_rules", "register", "Rule", "REGISTRY"]
