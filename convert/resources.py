"""Where the schemas and data live, and the user cache that keeps data derived from them.

The schemas are in ../schema in a source checkout, package data when installed.
Paths here are strings: pathlib (with the urllib.parse and ipaddress it
imports) is a tenth of a one-file check's start-up, and only the schemas,
which a check never reads, are handed out as Paths.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Iterable
from functools import cache

from . import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (3 ms of a one-file check)
if TYPE_CHECKING:
    from pathlib import Path

_PACKAGE = os.path.dirname(os.path.realpath(__file__))
_CHECKOUT = os.path.join(os.path.dirname(_PACKAGE), "schema")
_INSTALLED = os.path.join(_PACKAGE, "schemas")
_DATA = os.path.join(_PACKAGE, "data")
# Bump when the layout of a cache file changes.
_CACHE_FORMAT = 1


@cache
def schema_dir() -> Path:
    from pathlib import Path

    return Path(_CHECKOUT if os.path.isdir(_CHECKOUT) else _INSTALLED)


def schema_path(name: str) -> Path:
    return schema_dir() / name


def data_path(name: str) -> str:
    return os.path.join(_DATA, name)


def cache_dir() -> str | None:
    """The folder for derived data: $READOUT_CACHE_DIR (empty: none), else the user's cache folder."""
    chosen = os.environ.get("READOUT_CACHE_DIR")
    if chosen is not None:
        return chosen or None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        if not base or not os.path.isabs(base):  # the XDG spec says to ignore a relative path
            base = os.path.expanduser("~/.cache")
    return os.path.join(base, "readout") if base and os.path.isabs(base) else None


def cached(name: str, sources: Iterable[str], build: Callable[[], object], valid: Callable[[object], bool]):
    """``build()``, or what it returned last time, kept in the cache folder (see :func:`_cache_file`).

    A missing, stale, corrupt or unwritable cache only costs the build; it
    never changes the result.
    """
    sources = tuple(sources)
    value = read_cache(name, sources, valid)
    if value is None:
        value = build()
        write_cache(name, sources, value)
    return value


def read_cache(name: str, sources: Iterable[str], valid: Callable[[object], bool]):
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
        with open(_cache_file(folder, name), "rb") as handle:
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


def write_cache(name: str, sources: Iterable[str], value: object) -> None:
    """Keep ``value`` (marshal-able) for :func:`read_cache`; silently nothing where the folder is not writable."""
    folder = cache_dir()
    if folder is None:
        return
    from .fsutil import write_atomic  # whole or not at all: other processes may be reading

    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)  # private: marshal is not safe against crafted data
        write_atomic(_cache_file(folder, name), _key(sources) + marshal.dumps(value))
    except (OSError, ValueError):  # ValueError: a value marshal cannot write
        pass


def _cache_file(folder: str, name: str) -> str:
    """``NAME-TAG.marshal``: each installation and Python has files of its own.

    Two installations (a virtual environment and pre-commit's, say) sharing
    one file would each find the other's stale and rebuild it at every run.
    """
    return os.path.join(folder, f"{name}-{_install_tag()}.marshal")


@cache
def _install_tag() -> str:
    # A checksum, not hashlib: loading OpenSSL is 4 ms of a one-file check, which hashes nothing else.
    import zlib

    where = f"{_PACKAGE}\0{sys.version}".encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(where):08x}"


def _key(sources: Iterable[str]) -> bytes:
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
