"""Where the schemas and data live, and the user cache that keeps data derived from them.

The schemas are in ../schema in a source checkout, package data when installed.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from . import __version__

_CHECKOUT = Path(__file__).resolve().parent.parent / "schema"
_INSTALLED = Path(__file__).resolve().parent / "schemas"
_DATA = Path(__file__).resolve().parent / "data"
# Bump when the layout of a cache file changes.
_CACHE_FORMAT = 1


@cache
def schema_dir() -> Path:
    return _CHECKOUT if _CHECKOUT.is_dir() else _INSTALLED


def schema_path(name: str) -> Path:
    return schema_dir() / name


def data_path(name: str) -> Path:
    return _DATA / name


def cache_dir() -> Path | None:
    """The folder for derived data: $READOUT_CACHE_DIR (empty: none), else the user's cache folder."""
    chosen = os.environ.get("READOUT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        if not base or not os.path.isabs(base):  # the XDG spec says to ignore a relative path
            base = os.path.expanduser("~/.cache")
    return Path(base, "readout") if base and os.path.isabs(base) else None


def cached(name: str, sources: Iterable[Path], build: Callable[[], object], valid: Callable[[object], bool]):
    """``build()``, or what it returned last time, kept in the cache folder as ``NAME.marshal``.

    A missing, stale, corrupt or unwritable cache only costs the build; it
    never changes the result.
    """
    sources = tuple(sources)
    value = read_cache(name, sources, valid)
    if value is None:
        value = build()
        write_cache(name, sources, value)
    return value


def read_cache(name: str, sources: Iterable[Path], valid: Callable[[object], bool]):
    """What :func:`write_cache` kept under ``name`` from these very sources, or None.

    A cache file names (in its first line) the package version, the Python
    that wrote it and the size and mtime of every source it was built from,
    as .pyc files do: any change to them makes it stale. Only files of this
    user are read: marshal is not safe against crafted data.
    """
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{name}.marshal", "rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None
            data = handle.read()
        key = _key(sources)
        if data.startswith(key):
            value = marshal.loads(memoryview(data)[len(key):])
            if valid(value):
                return value
    except (OSError, ValueError, EOFError, TypeError, MemoryError):
        pass  # missing, unreadable or corrupt: the caller builds it again
    return None


def write_cache(name: str, sources: Iterable[Path], value: object) -> None:
    """Keep ``value`` (marshal-able) for :func:`read_cache`; silently nothing where the folder is not writable."""
    folder = cache_dir()
    if folder is None:
        return
    from .fsutil import write_atomic  # whole or not at all: other processes may be reading

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # private: marshal is not safe against crafted data
        write_atomic(folder / f"{name}.marshal", _key(sources) + marshal.dumps(value))
    except (OSError, ValueError):  # ValueError: a value marshal cannot write
        pass


def _key(sources: Iterable[Path]) -> bytes:
    stamps = []
    for source in sources:
        try:
            st = os.stat(source)
            stamps.append((str(source), st.st_size, st.st_mtime_ns))
        except OSError:
            stamps.append((str(source), -1, -1))
    header = (_CACHE_FORMAT, __version__, sys.version, marshal.version, sys.flags.optimize, stamps)
    # repr of str/int tuples holds no newline: the first line is the whole key.
    return f"readout-cache {header!r}\n".encode("utf-8", "backslashreplace")
