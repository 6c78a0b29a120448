"""Checking one file, and many files on every core, for `readout check`.

:func:`check_file` reads, fixes (with ``--fix``/``--diff``), parses and lints
one path and returns an :class:`Outcome`: it never prints, so the same
function runs in this process or in a worker, and the parent reports the
outcomes in path order whatever the number of workers. A file's failure
(unreadable, undecodable, an internal error) is part of its outcome; the
batch goes on.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator

from ..record import Record
from ..sources import Limits

# Below this many files a pool costs more (forking, pickling results) than it saves.
POOL_THRESHOLD = 64
CHUNK_SIZE = 16
# Each chunk costs its worker about a millisecond beyond its files (10,000 files on
# two workers: 26% more CPU than one process with chunks of 16, 11% with 64), so a
# large batch goes in larger chunks, still eight or more per worker for balance.
MAX_CHUNK_SIZE = 128


class Options(Record):
    encoding: str | None = None
    fix: bool = False
    diff: bool = False
    keep_text: bool = False  # formats that show source lines need the decoded text back
    limits: Limits = Limits()


class Outcome:
    """What checking one file came to, filled in as it goes."""

    __slots__ = ("path", "problems", "errors", "failed", "checked", "changed", "fixed", "diff", "text")

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list = []
        self.errors: list[str] = []  # one-line messages for stderr
        self.failed = False  # unreadable, undecodable, unfixable or an internal error: exit 2
        self.checked = False
        self.changed = False  # --fix wrote the file, or --diff would change it
        self.fixed = 0
        self.diff = ""
        self.text: str | None = None


def check_file(path: str, config, options: Options) -> Outcome:
    """Everything `readout check` does to one file, as data."""
    from ..errors import InputError
    from ..lint import lint, unreadable
    from ..pipeline import parse_source
    from ..sources import read_bytes

    out = Outcome(path)
    try:
        raw = read_bytes(path, options.limits)
        if options.fix or options.diff:
            raw = _fix(out, raw, config, options)
        doc, text = parse_source(raw, path, encoding=options.encoding, limits=options.limits, lead_facts=False,
                                 digest=False)
    except InputError as exc:
        out.failed = True
        problem = unreadable(path, str(exc), config)
        if problem is not None:
            out.problems.append(problem)
        else:
            out.errors.append(f"readout: error: {exc}")
        return out
    except Exception as exc:  # noqa: BLE001 - one file's internal error must not lose the batch
        out.failed = True
        out.errors.append(f"readout: error: {path}: internal error: {type(exc).__name__}: {exc}")
        return out
    out.checked = True
    if options.keep_text:
        out.text = text
    if options.diff:
        return out
    try:
        out.problems.extend(lint(doc, text, config, path))
    except Exception as exc:  # noqa: BLE001 - as above: report it, go on, exit 2
        out.failed = True
        out.errors.append(f"readout: error: {path}: internal error while checking: {type(exc).__name__}: {exc}")
    return out


def _fix(out: Outcome, raw: bytes, config, options: Options) -> bytes:
    from ..errors import InputError
    from ..fix import diff, fix_bytes
    from ..fsutil import write_atomic

    try:
        result = fix_bytes(raw, out.path, config, encoding=options.encoding)
    except InputError as exc:
        if _readable(raw, out.path, options.encoding):
            out.failed = True  # a fix failed on a file that is otherwise fine: check it as it is
            out.errors.append(f"readout: error: {exc}")
            return raw
        raise
    if not result.changed:
        return raw
    out.changed = True
    out.fixed = result.applied
    if options.diff:
        out.diff = diff(result)
        return raw
    write_atomic(out.path, result.fixed)
    return result.fixed


def _readable(raw: bytes, path: str, encoding: str | None) -> bool:
    """Whether the file decodes: a fix can fail on a file that is otherwise fine."""
    from ..errors import InputError
    from ..parse import decode

    try:
        decode(raw, path, encoding)
    except InputError:
        return False
    return True


def check_files(paths: list[str], config, options: Options, jobs: int | None = None) -> Iterator[Outcome]:
    """The outcome of every path, in the order given, on ``jobs`` processes (default: every core)."""
    if not jobs and len(paths) >= POOL_THRESHOLD:
        # Imported only for a pool: archive.engines costs a one-file check several milliseconds.
        from ..archive.engines import default_jobs

        jobs = default_jobs()
    if jobs == 1 or len(paths) < POOL_THRESHOLD:
        return _serial(paths, config, options)
    return _pool(paths, config, options, min(jobs, len(paths) // CHUNK_SIZE or 1))


def chunk_size(files: int, jobs: int) -> int:
    """Files per task sent to a worker: larger for larger batches, between CHUNK_SIZE and MAX_CHUNK_SIZE."""
    return max(CHUNK_SIZE, min(MAX_CHUNK_SIZE, files // (jobs * 8)))


def _serial(paths: Iterable[str], config, options: Options) -> Iterator[Outcome]:
    for i, path in enumerate(paths):
        if i == 1:
            # Collected before the second file rather than after the first: a
            # one-file check does not pay for a full collection it gains nothing from.
            gc.unfreeze()
            _settle()
        yield check_file(path, config, options)
        if i == 0:
            # Cheap, and spares the collection at exit the loaded rules and lists.
            gc.freeze()


def _settle() -> None:
    # Rules, patterns and word lists are loaded by now and live as long as the
    # process: out of the collector's sight, they cost nothing at each
    # collection (about an eighth of checking time otherwise).
    gc.collect()
    gc.freeze()


# A worker's settings, given once by the pool's initializer rather than pickled with every path.
_WORKER: dict = {}


def _init_worker(config, options: Options) -> None:
    from ..archive.engines import init_worker

    init_worker()
    _WORKER.update(config=config, options=options, settled=False)


def _work(path: str) -> Outcome:
    outcome = check_file(path, _WORKER["config"], _WORKER["options"])
    if not _WORKER["settled"]:
        _WORKER["settled"] = True
        _settle()
    return outcome


def _pool(paths: list[str], config, options: Options, jobs: int) -> Iterator[Outcome]:
    import multiprocessing

    # Load the rules before forking, so that every worker starts with them.
    from ..lint import active_rules

    active_rules(None, ())
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(config, options)) as pool:
        yield from pool.imap(_work, paths, chunk_size(len(paths), jobs))
