"""Baselines: record today's problems, then report only the ones that are new.

``readout check --write-baseline FILE`` writes every problem's fingerprint
(:mod:`convert.fingerprint`, the one SARIF reports) as JSON::

    {"version": 1, "fingerprint": "readout/v1",
     "entries": [{"path": "docs/a.txt", "code": "SP001", "fingerprint": "…", "count": 1}, …]}

sorted by path, code and fingerprint, so that a baseline under version
control changes only where the problems do; path and code are there for the
reader, the fingerprint is what matches. ``--baseline FILE`` then leaves out
the problems the file knows, counting: a fingerprint recorded twice hides
two problems, and a third is new. Paths are as ``readout check`` reports
them (relative to the folder it runs in): run it from the same folder.

A missing, unreadable or malformed baseline is an error (exit 2), never an
empty baseline: silently reporting everything, or nothing, would hide the
mistake.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence

from .errors import ReadoutError
from .fingerprint import KEY, fingerprints

VERSION = 1


class BaselineError(ReadoutError):
    """A baseline file that cannot be used."""


def dumps(problems: Sequence, texts: Mapping[str, str]) -> bytes:
    """The baseline of ``problems`` (sorted, as ``readout check`` has them)."""
    counts = Counter((p.path, p.code, fp) for p, fp in zip(problems, fingerprints(problems, texts)))
    entries = [{"path": path, "code": code, "fingerprint": fp, "count": n}
               for (path, code, fp), n in sorted(counts.items())]
    document = {"version": VERSION, "fingerprint": KEY, "entries": entries}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write(path: str, problems: Sequence, texts: Mapping[str, str]) -> None:
    from .fsutil import write_atomic

    try:
        write_atomic(path, dumps(problems, texts))
    except OSError as exc:
        raise BaselineError(f"baseline {path}: cannot write it: {exc.strerror or exc}") from None


def load(path: str) -> Counter:
    """fingerprint -> how many problems with it the baseline holds."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise BaselineError(f"baseline {path}: no such file (write one with --write-baseline {path})") from None
    except OSError as exc:
        raise BaselineError(f"baseline {path}: cannot read it: {exc.strerror or exc}") from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BaselineError(f"baseline {path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {path}: not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return _counts(document, path)


def _counts(document, path: str) -> Counter:
    def bad(what: str) -> BaselineError:
        return BaselineError(f"baseline {path}: {what}; write it again with --write-baseline")

    if not isinstance(document, dict) or "entries" not in document:
        raise bad("not a readout baseline (no 'entries')")
    if document.get("version") != VERSION:
        raise bad(f"version {document.get('version')!r} is not the version this readout reads ({VERSION})")
    if document.get("fingerprint") != KEY:
        raise bad(f"fingerprints of kind {document.get('fingerprint')!r}, not {KEY!r}")
    entries = document["entries"]
    if not isinstance(entries, list):
        raise bad("'entries' is not a list")
    counts: Counter = Counter()
    for number, entry in enumerate(entries, 1):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        count = entry.get("count", 1) if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not fp:
            raise bad(f"entry {number} has no fingerprint")
        if type(count) is not int or count < 1:  # bool is an int: true must not count as 1
            raise bad(f"entry {number}: count must be a whole number from 1 up")
        counts[fp] += count
    return counts


def new(problems: Sequence, texts: Mapping[str, str], known: Counter) -> list:
    """The problems ``known`` does not account for, in their order. Earlier problems take the
    recorded counts first, so with one more of a kind than recorded, the last is the new one."""
    left = Counter(known)
    result = []
    for problem, fp in zip(problems, fingerprints(problems, texts)):
        if left[fp] > 0:
            left[fp] -= 1
        else:
            result.append(problem)
    return result
