"""Engines run :func:`convert.archive.job.convert_one` over tasks and yield results in any order.

- ``process`` (default): a local process pool, ``imap_unordered`` with a
  chunk size. Workers read the sources and write the outputs themselves
  (same disk), so the parent only records rows.
- ``dask``: the same function on a Dask cluster (``--scheduler ADDRESS``, or a
  local cluster of ``--jobs`` workers). Workers may not share our disk, so the
  parent reads the sources and writes the outputs.

Both pull tasks lazily with a bounded number in flight: the work list is
never in memory whole, whatever its length.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import gc
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from functools import partial

from ..errors import ReadoutError
from ..sources import read_bytes
from .job import Failure, Result, Settings, Task, convert_and_write, convert_batch, failure_reason

ENGINES = ("process", "dask")
_PR_SET_PDEATHSIG = 1
IN_FLIGHT_CHUNKS = 4  # chunks queued per worker: enough to keep every worker busy, few enough to stay small


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not all the machine has
    except AttributeError:
        return os.cpu_count() or 1


def run(tasks: Iterable[Task], *, root: str, engine: str = "process", jobs: int | None = None,
        chunk_size: int = 32, scheduler: str | None = None,
        settings: Settings = Settings()) -> Iterator[Result | Failure]:
    jobs = jobs or default_jobs()
    if engine == "dask":
        return _dask(tasks, jobs, chunk_size, scheduler, settings)
    if engine != "process":
        raise ReadoutError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if jobs == 1:  # no pool: the same function in this process, without pickling anything
        return (convert_and_write(task, root, settings) for task in tasks)
    return _pool(tasks, jobs, chunk_size, root, settings)


def init_worker() -> None:
    """Set up a pool worker: Ctrl-C left to the parent, and death with the parent."""
    # Ctrl-C goes to the whole process group: let the parent alone decide to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        # Die with the parent: a worker orphaned by kill -9 must not go on writing into the archive.
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _pool(tasks: Iterable[Task], jobs: int, chunk_size: int, root: str,
          settings: Settings) -> Iterator[Result | Failure]:
    import multiprocessing

    # imap_unordered's feeder thread would otherwise drain the whole iterator into its queue. A slot is a
    # chunk, taken before its first task and given back once as many results have come: one semaphore
    # operation a chunk rather than two a task.
    slots = threading.Semaphore(jobs * IN_FLIGHT_CHUNKS)
    stop = threading.Event()

    def feed() -> Iterator[Task]:
        for n, task in enumerate(tasks):
            if n % chunk_size == 0:
                while not slots.acquire(timeout=0.1):
                    if stop.is_set():  # the consumer has gone: let the pool shut down
                        return
            yield task

    work = partial(convert_and_write, root=root, settings=settings)
    with multiprocessing.Pool(jobs, initializer=init_worker) as pool, _fewer_collections():
        try:
            for n, result in enumerate(pool.imap_unordered(work, feed(), chunk_size), 1):
                if n % chunk_size == 0:
                    slots.release()
                yield result
        finally:
            stop.set()


YOUNG_THRESHOLD = 20_000  # allocations between collections of the youngest generation (Python's default: 700)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """In the parent while results stream in (the workers, forked before, keep their own settings).

    Each result unpickles into a few dozen tuples, all freed by reference
    counting once inserted; at the default threshold the collector ran 270
    times per 10,000 documents, about 5% of the parent's CPU time. The objects
    from before (modules, the pool) are frozen out of the collections too.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _dask(tasks: Iterable[Task], jobs: int, chunk_size: int, scheduler: str | None,
          settings: Settings) -> Iterator[Result | Failure]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ReadoutError("--engine dask needs Dask: pip install 'readout[dask]'") from None
    import logging

    pending_failures: list[Failure] = []
    source = iter(tasks)

    def next_batch() -> list[Task]:
        batch = []
        for task in source:
            try:
                batch.append(dataclasses.replace(task, raw=read_bytes(task.fs_path, settings.limits, name=task.path)))
            except ReadoutError as exc:
                pending_failures.append(Failure(task.path, task.id, None, failure_reason(exc)))
                continue
            if len(batch) >= chunk_size:
                break
        return batch

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise ReadoutError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from None
    try:
        queue = as_completed()
        for _ in range(jobs * IN_FLIGHT_CHUNKS):
            batch = next_batch()
            if not batch:
                break
            queue.add(client.submit(convert_batch, batch, settings, pure=False))
        yield from _drain(pending_failures)
        for future in queue:
            results = future.result()
            future.release()
            batch = next_batch()
            if batch:
                queue.add(client.submit(convert_batch, batch, settings, pure=False))
            yield from _drain(pending_failures)
            yield from results
        yield from _drain(pending_failures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _drain(items: list) -> Iterator:
    while items:
        yield items.pop()
