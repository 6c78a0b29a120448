"""Where the schemas live: ../schema in a source checkout, package data when installed."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "schema"
_INSTALLED = Path(__file__).resolve().parent / "schemas"


@cache
def schema_dir() -> Path:
    return _CHECKOUT if _CHECKOUT.is_dir() else _INSTALLED


def schema_path(name: str) -> Path:
    return schema_dir() / name


def data_path(name: str) -> Path:
    return Path(__file__).resolve().parent / "data" / name
