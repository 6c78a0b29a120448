"""Atomic writes for the archive: per-document files, streamed files, one durability barrier.

Every file appears by rename, so a reader (or a run killed with SIGKILL)
sees the old file or the new one, never a part. Unlike
:func:`convert.fsutil.write_atomic`, per-document files are not fsynced one
by one: 200,000 fsyncs would cost more than the conversion itself. Instead
:func:`sync_filesystem` is called once before the manifest is published, so
the manifest never names a file that a power cut could still lose.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import sys
from collections.abc import Iterator
from typing import BinaryIO

TMP_SUFFIX = ".tmp"
FORMS = ("xml", "json")  # each form has its own folder: DIR/xml/<id>.xml, DIR/json/<id>.json


def output_path(root: str, form: str, doc_id: str) -> str:
    return os.path.join(root, form, f"{doc_id}.{form}")


def _tmp_name(path: str) -> str:
    # The pid keeps two workers that (by a bug) share an id from writing one temp file.
    head, tail = os.path.split(path)
    return os.path.join(head, f".{tail}.{os.getpid()}{TMP_SUFFIX}")


def write_file(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (no fsync: see module doc)."""
    tmp = _tmp_name(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_outputs(root: str, doc_id: str, outputs: dict[str, bytes]) -> None:
    for form, data in outputs.items():
        write_file(output_path(root, form, doc_id), data)


def remove_outputs(root: str, doc_id: str) -> None:
    for form in FORMS:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(output_path(root, form, doc_id))


class _HashingWriter:
    """A file handle that also hashes what goes through it."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self.sha256 = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self._handle.write(data)
        self.sha256.update(data)


@contextlib.contextmanager
def streamed(path: str) -> Iterator[_HashingWriter]:
    """Write a large file (manifest, JSON Lines) in pieces, then fsync and rename it into place."""
    tmp = _tmp_name(path)
    try:
        with open(tmp, "wb", buffering=1024 * 1024) as handle:
            writer = _HashingWriter(handle)
            yield writer
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(os.path.dirname(path) or ".")


def _sync_folder(folder: str) -> None:
    # The rename itself is durable only once the folder is synced (POSIX only).
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sync_filesystem(folder: str) -> None:
    """Flush every file written so far on the filesystem holding ``folder``.

    ``syncfs`` (Linux) limits the flush to that filesystem; elsewhere
    ``os.sync`` flushes everything, which is slower but just as safe.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)  # the C library already loaded into Python
        if hasattr(libc, "syncfs"):
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                if libc.syncfs(fd) == 0:
                    return
            finally:
                os.close(fd)
    if hasattr(os, "sync"):
        os.sync()


def is_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(TMP_SUFFIX)
