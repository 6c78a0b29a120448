"""Finding readouts on disk and reading them within documented limits."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # --max-bytes: a readout is a few KB; 20 MB is surely not one
MAX_LINE = 200_000  # --max-line: characters in one line
SUFFIXES = (".txt",)


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = MAX_BYTES
    max_line: int = MAX_LINE


def iter_paths(paths: Iterable[str], suffixes: tuple[str, ...] = SUFFIXES) -> Iterator[str]:
    """Files named directly, and readouts found below folders, each folder sorted.

    Lazy: a folder of millions of files is walked, never listed whole.
    Symlinked folders are not followed, so a link loop cannot hang the walk.
    """
    for given in paths:
        if os.path.isdir(given):
            yield from _walk(given, suffixes)
        else:
            yield given


def _walk(folder: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise InputError(f"{folder}: cannot list folder: {exc.strerror}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, suffixes)
        elif entry.name.endswith(suffixes):
            yield entry.path


def read_bytes(path: str, limits: Limits = Limits()) -> bytes:
    """The file's bytes, or InputError with one clear line."""
    try:
        if os.path.isdir(path):
            raise InputError(f"{path}: is a folder with no readouts")
        size = os.path.getsize(path)
        if size > limits.max_bytes:
            raise InputError(f"{path}: {size} bytes is over the limit of {limits.max_bytes} (raise it with --max-bytes)")
        with open(path, "rb") as handle:
            raw = handle.read(limits.max_bytes + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (or a broken link)") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > limits.max_bytes:
        raise InputError(f"{path}: over the limit of {limits.max_bytes} bytes (raise it with --max-bytes)")
    return raw


def check_line_length(text: str, path: str, limits: Limits) -> None:
    if len(text) <= limits.max_line:
        return
    longest = max(map(len, text.split("\n")))
    if longest > limits.max_line:
        raise InputError(f"{path}: a line of {longest} characters is over the limit of {limits.max_line} (raise it with --max-line)")


def unique_ids(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map path -> id so that no two paths share an id.

    The first path (in sorted order) keeps the plain id; others get a suffix
    from a hash of their path, so the answer never depends on input order.
    """
    by_id: dict[str, list[str]] = {}
    for path, doc_id in pairs:
        by_id.setdefault(doc_id, []).append(path)
    result: dict[str, str] = {}
    for doc_id, paths in by_id.items():
        paths.sort()
        result[paths[0]] = doc_id
        for path in paths[1:]:
            result[path] = f"{doc_id[:100]}-{hashlib.sha256(path.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"
    return result


def display_path(path: str) -> str:
    """A relative, forward-slash path when the file is below the current folder."""
    try:
        rel = Path(path).resolve().relative_to(Path.cwd().resolve())
        return rel.as_posix()
    except (ValueError, OSError):
        return Path(path).as_posix()
