"""Finding readouts on disk and reading them within documented limits.

Every problem with one input is an :class:`InputError` raised when that input
is read, never while the batch is being listed, so a caller that catches it
per file reports the bad one and goes on with the rest.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator

from .errors import InputError
from .record import Record

# --max-bytes for a readout. Real ones are 2 to 100 KB; the cost of a text is in
# its blocks, and a hostile megabyte of "1.\n" lines (350,000 sections) takes
# about 5 seconds and 500 MB to convert: far past it, a limit, not a hang.
MAX_BYTES = 1024 * 1024
# --max-bytes for a canonical file (validate, render, convert --to): about twice
# its readout's size, with room for documents converted under a raised limit.
MAX_CANONICAL_BYTES = 8 * 1024 * 1024
# --max-line: characters in one line. A readout's longest paragraph is a few
# thousand; the lead reader's cost grows with the square of its line (a
# 190,000-character lead of times took 95 seconds), so the limit stays near
# ten times the longest real paragraph.
MAX_LINE = 20_000
SUFFIXES = (".txt",)


class Limits(Record):
    max_bytes: int = MAX_BYTES
    max_line: int = MAX_LINE


def limits_from(max_bytes: int | None, max_line: int | None, *, canonical: bool = False) -> Limits:
    """Limits from command-line values (None: the default, for readouts or canonical files)."""
    for option, value in (("--max-bytes", max_bytes), ("--max-line", max_line)):
        if value is not None and value < 1:
            raise InputError(f"{option} must be a positive number, not {value}")
    return Limits(max_bytes or (MAX_CANONICAL_BYTES if canonical else MAX_BYTES), max_line or MAX_LINE)


def check_size(raw: bytes, path: str, limits: Limits) -> None:
    """The size limit applied to bytes already read (under a larger limit, before their kind was known)."""
    if len(raw) > limits.max_bytes:
        raise _over_limit(path, len(raw), limits)


# --- finding inputs ---------------------------------------------------------------------------------

def iter_paths(paths: Iterable[str], suffixes: tuple[str, ...] = SUFFIXES, *,
               report_empty: bool = False) -> Iterator[str]:
    """Files named directly, and readouts found below folders, each folder sorted.

    Lazy: a folder of millions of files is walked, never listed whole, and
    without recursion, so no depth of folders can overflow the stack.
    Symlinked folders are not followed, so a link loop cannot hang the walk.
    A folder that cannot be listed is yielded itself, as is (with
    ``report_empty``) a named folder where nothing was found: reading either
    with :func:`read_bytes` raises an InputError that says why.
    """
    for given in paths:
        if os.path.isdir(given):
            found = False
            for path in _walk(given, suffixes):
                found = True
                yield path
            if report_empty and not found:
                yield given
        else:
            yield given


def _listing(folder: str) -> list[os.DirEntry] | None:
    """The visible entries of ``folder`` in name order, or None when it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return None


def _is_real_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _walk(folder: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    """Depth-first, in name order: an explicit stack of listings, not recursion."""
    top = _listing(folder)
    if top is None:
        yield folder
        return
    stack = [iter(top)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif _is_real_dir(entry):
            below = _listing(entry.path)
            if below is None:
                yield entry.path
            else:
                stack.append(iter(below))
        elif entry.name.endswith(suffixes):
            yield entry.path


# --- reading one input ----------------------------------------------------------------------------

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _stat(path: str) -> os.stat_result:
    """``os.stat`` with every failure turned into one clear line."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(f"{path}: broken symbolic link (its target {os.readlink(path)!r} does not exist)") from None
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(_os_message(path, exc)) from None


def _os_message(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return f"{path}: symbolic link loop"
    if isinstance(exc, PermissionError):
        return f"{path}: permission denied"
    return f"{path}: cannot read: {exc.strerror or exc}"


def _folder_message(path: str, what: str | None) -> str:
    if what is None:
        return f"{path}: a folder, not a file"
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return f"{path}: cannot list folder: {exc.strerror or exc}"
    return f"{path}: a folder with no {what} in it"


def _refuse_special(path: str, st: os.stat_result, what: str | None) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError(_folder_message(path, what))
    for test, kind in _KINDS:
        if test(st.st_mode):
            # Opening a pipe blocks until a writer comes, and a device never ends: refuse both unread.
            raise InputError(f"{path}: {kind}, not a regular file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file")


def _over_limit(path: str, size: int, limits: Limits) -> InputError:
    return InputError(f"{path}: {size} bytes is over the limit of {limits.max_bytes} (raise it with --max-bytes)")


def read_bytes(path: str, limits: Limits = Limits(), *, what: str | None = "readouts (*.txt)",
               name: str | None = None) -> bytes:
    """The file's bytes, or InputError with one clear line naming ``name`` (default: ``path``).

    Refuses, without reading them: folders (``what`` names what was looked
    for in them; None when a file was expected), pipes, devices, sockets, and
    files over ``limits.max_bytes``.
    """
    try:
        return _read(path, limits, what)
    except InputError as exc:
        if name is None or name == path:
            raise
        raise InputError(name + str(exc)[len(path):]) from None


def _read(path: str, limits: Limits, what: str | None) -> bytes:
    st = _stat(path)
    _refuse_special(path, st, what)
    if st.st_size > limits.max_bytes:
        raise _over_limit(path, st.st_size, limits)
    try:
        with open(path, "rb") as handle:
            # One byte more than the size: a file that grew since stat is caught below.
            raw = handle.read(min(os.fstat(handle.fileno()).st_size, limits.max_bytes) + 1)
    except OSError as exc:
        raise InputError(_os_message(path, exc)) from None
    if len(raw) > limits.max_bytes:
        raise _over_limit(path, len(raw), limits)
    return raw


def check_line_length(text: str, path: str, limits: Limits) -> None:
    if len(text) <= limits.max_line:
        return
    longest = line = 0
    for number, piece in enumerate(text.split("\n"), start=1):
        if len(piece) > longest:
            longest, line = len(piece), number
    if longest > limits.max_line:
        raise InputError(f"{path}: line {line} has {longest} characters, over the limit of {limits.max_line}"
                         " (raise it with --max-line)")


# --- naming outputs ---------------------------------------------------------------------------------

def unique_ids(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map path -> id so that no two paths share an id.

    The first path (in sorted order) keeps the plain id; others get a suffix
    from a hash of their path, so the answer never depends on input order.
    Ids are lower case, so paths that differ only in case (``A.txt``,
    ``a.txt``) get distinct ids even on a case-insensitive file system.
    """
    by_id: dict[str, list[str]] = {}
    for path, doc_id in pairs:
        by_id.setdefault(doc_id, []).append(path)
    result: dict[str, str] = {}
    for doc_id, paths in by_id.items():
        paths.sort()
        result[paths[0]] = doc_id
        for path in paths[1:]:
            import hashlib  # for the rare colliding ids only: loading it is 4 ms of a one-file check

            result[path] = f"{doc_id[:100]}-{hashlib.sha256(path.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}"
    return result


def display_path(path: str) -> str:
    """A relative, forward-slash path when the file is below the current folder.

    Symbolic links are not resolved, so a link is shown (and named) as itself.
    File names are bytes on POSIX: bytes that are not UTF-8 and control
    characters (a newline in a name) are shown as ``\\xNN`` escapes, so the
    result is always valid text and every message stays on one line.
    """
    shown = _as_posix(path)
    try:
        absolute, cwd = os.path.abspath(path), os.getcwd()
    except OSError:  # the current folder was removed
        return printable(shown)
    if absolute == cwd:
        shown = "."
    elif absolute.startswith(cwd.rstrip(os.sep) + os.sep):
        shown = _as_posix(absolute[len(cwd.rstrip(os.sep)) + 1:])
    return printable(shown)


def _as_posix(path: str) -> str:
    """``Path(path).as_posix()``, without a Path for the usual, already clean POSIX path (a batch has thousands)."""
    if os.sep == "/" and path and "//" not in path and "/./" not in path and not path.startswith("./") \
            and not path.endswith(("/", "/.")) and path != ".":
        return path
    from pathlib import Path

    return Path(path).as_posix()


def printable(text: str) -> str:
    """``text`` with undecodable bytes and control characters escaped; unchanged in the usual case."""
    if text.isprintable():
        return text
    return "".join(map(_printable_char, text))


def _printable_char(c: str) -> str:
    if c.isprintable() or c == " ":
        return c
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(message: str) -> str:
    """A message on one line, however many line breaks a file name or an error text carried."""
    return " ".join(message.split())


def with_name(message: str, name: str) -> str:
    """``message`` prefixed with ``name:`` unless it already starts so (errors from deep
    inside the XML or JSON readers do not know the file's name)."""
    return message if message.startswith(name + ":") else f"{name}: {message}"
