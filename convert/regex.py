"""Regular expressions compiled once per Python, not once per process.

`re` compiles a pattern in pure Python (parse, then code generation) and
hands the code, a list of integers, to the C engine. For this package's
hundred-odd patterns that is about 25 ms, a fifth of a one-file check, paid
again by every run. :func:`compile` keeps the code in the user cache
(:mod:`convert.resources`, keyed by readout's and Python's versions) and
builds the pattern from it directly.

That uses two private parts of CPython, ``re._parser``/``re._compiler``
and ``_sre.compile``, so every step falls back to plain ``re.compile``:
code is kept only when the pattern built from it equals re's own
(pattern equality compares the code), the engine checks code before it
runs it, and anything unexpected (another Python, a damaged cache) just
compiles as re does.
"""

from __future__ import annotations

import re

try:
    import _sre
    from re import _compiler, _parser

    _TAG = (_sre.MAGIC, _sre.CODESIZE)
except (ImportError, AttributeError):  # another Python: compile as re does
    _sre = _TAG = None

_NAME = "patterns"
# Patterns built at run time (from configuration) pass here too; past this
# many, only those used by the last run are kept.
_MAX_ENTRIES = 1024

_entries: dict | None = None  # (pattern, flags) -> the arguments of _sre.compile after the pattern
_used: set = set()
_changed = False


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's name, as a drop-in
    """``re.compile(pattern, flags)``, from the cache when this Python compiled it before."""
    flags = int(flags)
    if _sre is None or type(pattern) is not str:
        return re.compile(pattern, flags)
    entries = _entries if _entries is not None else _load()
    key = (pattern, flags)
    parts = entries.get(key)
    if parts is not None:
        try:
            compiled = _sre.compile(pattern, *parts)
        except Exception:  # noqa: BLE001 - damaged or foreign code: compile it afresh below
            del entries[key]
        else:
            _used.add(key)
            return compiled
    compiled = re.compile(pattern, flags)
    parts = _parts(pattern, flags, compiled)
    if parts is not None:
        _remember(key, parts)
    return compiled


def _parts(pattern: str, flags: int, expected: re.Pattern) -> tuple | None:
    """What re._compiler.compile passes to _sre.compile, if it rebuilds ``expected`` exactly."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: marshal refuses re's named opcodes
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        rebuilt = _sre.compile(pattern, *parts)
    except Exception:  # noqa: BLE001 - re's internals differ here: do without the cache
        return None
    return parts if rebuilt == expected and rebuilt.groupindex == expected.groupindex else None


def _remember(key: tuple, parts: tuple) -> None:
    global _changed
    if len(_entries) >= 2 * _MAX_ENTRIES:
        return  # a long-lived process compiling pattern after pattern: keep memory bounded
    if not _changed:
        import atexit

        atexit.register(save)
    _changed = True
    _entries[key] = parts
    _used.add(key)


def _valid(value) -> bool:
    return type(value) is tuple and len(value) == 2 and value[0] == _TAG and type(value[1]) is dict


def _load() -> dict:
    global _entries
    from .resources import read_cache

    kept = read_cache(_NAME, (), _valid)
    _entries = kept[1] if kept is not None else {}
    return _entries


def save() -> None:
    """Write the cache if this process compiled a pattern it lacked (run at exit)."""
    global _changed
    if not _changed or _entries is None:
        return
    from .resources import write_cache

    entries = _entries if len(_entries) <= _MAX_ENTRIES else {k: _entries[k] for k in _used if k in _entries}
    write_cache(_NAME, (), (_TAG, entries))
    _changed = False
