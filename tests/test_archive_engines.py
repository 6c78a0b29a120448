"""The process pool's bound on work in flight: a chunk a slot, never the whole list."""

from __future__ import annotations

import gc
import threading

import convert.archive.engines as engines
from convert.archive.job import Failure, Task


def test_tasks_in_flight_stay_bounded_with_one_slot_a_chunk(tmp_path, monkeypatch) -> None:
    acquired = []

    class Counting(threading.Semaphore):
        def acquire(self, *args, **kwargs):
            got = super().acquire(*args, **kwargs)
            acquired.extend([1] if got else [])
            return got

    monkeypatch.setattr(engines.threading, "Semaphore", Counting)
    pulled = []

    def tasks():
        for n in range(1000):  # files that do not exist: each a quick failure
            pulled.append(n)
            yield Task(f"missing-{n}.txt", f"missing-{n}", str(tmp_path / f"missing-{n}.txt"))

    jobs, chunk = 2, 8
    bound = jobs * chunk * engines.IN_FLIGHT_CHUNKS
    seen = 0
    for result in engines.run(tasks(), root=str(tmp_path), jobs=jobs, chunk_size=chunk):
        assert isinstance(result, Failure)
        seen += 1
        assert len(pulled) - seen <= bound + 1  # + the task pulled while waiting for its slot
    assert seen == 1000
    assert len(acquired) == 1000 // chunk  # a slot a chunk, not one a task


def test_the_parent_collects_less_often_while_results_stream_in(tmp_path) -> None:
    before = gc.get_threshold()
    tasks = (Task(f"missing-{n}.txt", f"missing-{n}", str(tmp_path / f"missing-{n}.txt")) for n in range(100))
    during = set()
    for _ in engines.run(tasks, root=str(tmp_path), jobs=2, chunk_size=4):
        during.add(gc.get_threshold()[0])
    assert during == {engines.YOUNG_THRESHOLD}
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0  # as it was once the pool is done
