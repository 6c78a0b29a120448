"""Every rule module in this package registers its rules on import."""

from __future__ import annotations

import importlib
import pkgutil

from .base import REGISTRY, Rule, register

_LOADED = False


def load_rules() -> dict[str, Rule]:
    """Import every rule module once; return the registry (code -> rule)."""
    global _LOADED
    if not _LOADED:
        for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
            if module not in ("base", "context") and not module.startswith("_"):
                importlib.import_module(f"{__name__}.{module}")
        _LOADED = True
    return REGISTRY


__all__ = ["load_rules", "register", "Rule", "REGISTRY"]
