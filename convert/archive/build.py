"""One archive run, in an order that survives ``kill -9`` at any point.

The invariant: every document named by the manifest or the database has its
XML and JSON on disk with the recorded sha256. So:

1. scan the sources into a scratch table, each with its stat taken before
   anything reads it, and compare them with the database (a source whose
   stat is the one recorded by the last finished run is not read);
2. retract documents that are gone or changed (one transaction); if a
   changed document keeps its id, republish first, so the manifest stops
   naming the files about to be overwritten;
3. convert: workers write the outputs, then the parent commits their rows,
   a batch per transaction (files first, rows second);
4. publish: sync the filesystem, rewrite documents.jsonl and manifest.json
   atomically, delete the files of removed documents, record the stats,
   mark the archive published.

A run that finds the archive unpublished (the last run was killed) also
publishes right after step 2, whatever it retracted, since the killed run
may have retracted documents the old manifest still names; and it sweeps
files that no committed row owns before its final publish: that is the
resume.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import __version__
from ..errors import ReadoutError
from ..model import SCHEMA_VERSION
from ..sources import Limits
from . import engines, scan
from .job import Failure, Settings
from .manifest import DATABASE, JSONL, MANIFEST, write_jsonl, write_manifest
from .progress import Bar
from .spool import Spool
from .store import Store
from .writer import FORMS, is_temp, remove_outputs, sync_filesystem, write_outputs

SCRATCH = ".scan.sqlite"
LOCK = ".lock"
BATCH = 500  # results inserted at a time: few enough to keep the parent's memory small
# Documents per transaction: every commit writes the FTS index's new segment and the pages it touched
# again, so 4,000 commit 1.5-2 s sooner on 100,000 documents than 500 did; few enough to lose little.
COMMIT_DOCS = 4000
BATCH_SECONDS = 2.0  # ...and commit at least this often, so a slow run still commits as it goes
SWEEP_PAGE = 2000  # file names looked up per query


@dataclass
class Options:
    sources: list[str]
    root: str
    engine: str = "process"
    jobs: int | None = None
    chunk_size: int = 32
    scheduler: str | None = None
    limits: Limits = field(default_factory=Limits)
    validate: bool = True  # validate every output against its schema
    config: Any = None  # the linter's configuration (convert.config.Config); None: defaults
    verify: bool = False  # re-hash every output file too
    force: bool = False  # reconvert everything
    progress: bool | None = None  # None: only on a terminal


@dataclass
class Summary:
    documents: int = 0
    converted: int = 0
    unchanged: int = 0
    removed: int = 0
    failures: int = 0  # failures now in the archive (new or still failing)
    new_failures: list[str] = field(default_factory=list)  # reasons, this run, first few only
    problems: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def line(self) -> str:
        p = self.problems
        total = sum(p.values())
        return (f"{self.documents} documents: {self.converted} converted, {self.unchanged} unchanged, "
                f"{self.removed} removed; {total} problems ({p.get('error', 0)} errors, "
                f"{p.get('warning', 0)} warnings, {p.get('info', 0)} info); {self.failures} failures; "
                f"{self.seconds:.1f}s")


def build(opts: Options) -> Summary:
    start = time.monotonic()
    root = opts.root
    for form in FORMS:
        os.makedirs(os.path.join(root, form), exist_ok=True)
    with _locked(root):
        store = Store(os.path.join(root, DATABASE))
        try:
            summary = _run(store, opts)
        finally:
            store.close()
    summary.seconds = time.monotonic() - start
    return summary


def _run(store: Store, opts: Options) -> Summary:
    root, db = opts.root, store.db
    tool = tool_key(opts.config)
    scratch = os.path.join(root, SCRATCH)
    published = (store.get_meta("published") == "1" and os.path.exists(os.path.join(root, MANIFEST))
                 and os.path.exists(os.path.join(root, JSONL)))
    scan.open_scratch(db, scratch)
    spool = Spool(root)
    try:
        plan = scan.Plan()
        scan.record_sources(db, opts.sources, plan)
        scan.classify(db, plan, SCHEMA_VERSION, tool, opts.limits, root if opts.verify else None,
                      opts.force)
        stale = scan.count_stale_failures(db)
        summary = Summary(unchanged=plan.unchanged)
        if published and not (plan.retracted or plan.to_convert or stale or plan.unnamed):
            with store.transaction():
                scan.remember_stats(db)  # those too recent to trust last time, or an archive from before stats
            return _finish(store, summary)
        with store.transaction():
            store.set_meta("published", "0")
            store.remove_documents(scan.RETRACTED_IDS)
            store.remove_failures(scan.STALE_FAILURES)
            store.add_failures(plan.unnamed, SCHEMA_VERSION, tool)
        summary.new_failures += [f.reason for f in plan.unnamed]
        if plan.rewrites_retracted or not published:
            # The manifest must stop naming files this run is about to overwrite: those of documents
            # just retracted, or retracted by a run that was killed before its final publish.
            # (On a new archive this writes an empty, valid manifest early.)
            _publish(store, root, spool)  # the spool is still empty: every line comes from elsewhere
        _convert(store, opts, plan, summary, tool, spool)
        if not published:
            _sweep(store, root)
        _publish(store, root, spool)
        for doc_id in scan.iter_retracted(db):
            if not store.has_document(doc_id):
                remove_outputs(root, doc_id)
                summary.removed += 1
        with store.transaction():
            scan.remember_stats(db)
            store.set_meta("published", "1")
    finally:
        spool.close()
        scan.close_scratch(db, scratch)
    return _finish(store, summary)


def tool_key(config: Any) -> str:
    """What, besides the source, decides a document's outputs: readout's version and the lint settings.

    Recorded per document; a change reconverts. Sets and mappings are sorted
    first: their order varies from process to process.
    """
    if config is None or config == type(config)():
        return __version__
    import hashlib
    import json

    settings = {k: v for k, v in config._asdict().items() if k != "source"}
    text = json.dumps(settings, sort_keys=True, default=_sortable)
    return f"{__version__}+config.{hashlib.sha256(text.encode()).hexdigest()[:12]}"


def _sortable(value: Any) -> Any:
    return sorted(value) if isinstance(value, (set, frozenset)) else str(value)


def _finish(store: Store, summary: Summary) -> Summary:
    totals = store.totals()
    summary.documents = totals["documents"]
    summary.failures = totals["failures"]
    summary.problems = {s: totals[s] for s in ("error", "warning", "info")}
    return summary


def _convert(store: Store, opts: Options, plan: scan.Plan, summary: Summary, tool: str, spool: Spool) -> None:
    bar = Bar(plan.to_convert, enabled=opts.progress)
    results = engines.run(scan.iter_tasks(os.path.join(opts.root, SCRATCH)), root=opts.root, engine=opts.engine,
                          jobs=opts.jobs, chunk_size=opts.chunk_size, scheduler=opts.scheduler,
                          settings=Settings(opts.limits, opts.validate, opts.config))
    docs, failures = [], []
    inserted, last_commit = 0, time.monotonic()  # documents in the open transaction; when it began
    try:
        for result in results:
            bar.update()
            if isinstance(result, Failure):
                failures.append(result)
                if len(summary.new_failures) < 20:
                    summary.new_failures.append(result.reason)
            else:
                if result.outputs is not None:  # the engine's workers could not write here
                    write_outputs(opts.root, result.id, result.outputs)
                    result.outputs = None
                if result.json is not None:
                    spool.add(result.id, result.json)
                    result.json = None
                docs.append(result)
            if len(docs) + len(failures) >= BATCH:
                inserted += _insert(store, docs, failures, tool, spool)
            if inserted >= COMMIT_DOCS or time.monotonic() - last_commit > BATCH_SECONDS:
                summary.converted += inserted + _commit(store, docs, failures, tool, spool)
                inserted, last_commit = 0, time.monotonic()
        summary.converted += inserted + _commit(store, docs, failures, tool, spool)
    finally:
        store.rollback()  # rows not committed (the run failed): gone, as if the run had been killed
        with contextlib.suppress(Exception):
            results.close()  # stop the engine (its workers) before the scratch table goes away
        bar.close()


def _insert(store: Store, docs: list, failures: list, tool: str, spool: Spool) -> int:
    """Insert the rows received so far into the open transaction (begun here if need be); their count."""
    if not docs and not failures:
        return 0
    store.begin()
    store.add_results(docs, SCHEMA_VERSION, tool)
    store.add_failures(failures, SCHEMA_VERSION, tool)
    spool.record(store.db)
    n = len(docs)
    docs.clear()
    failures.clear()
    return n


def _commit(store: Store, docs: list, failures: list, tool: str, spool: Spool) -> int:
    """Insert what is left and commit the open transaction; the count of documents inserted here."""
    n = _insert(store, docs, failures, tool, spool)
    store.commit()
    return n


def _publish(store: Store, root: str, spool: Spool) -> None:
    sync_filesystem(root)  # every output file on disk before a manifest names it
    write_jsonl(store, root, spool)
    write_manifest(store, root)


def _sweep(store: Store, root: str) -> None:
    """Delete what a killed run left: temporary files, and outputs no committed row owns."""
    for form in FORMS:
        suffix = "." + form
        for page in _pages(_scandir(os.path.join(root, form)), SWEEP_PAGE):
            ids = [entry.name[: -len(suffix)] for entry in page if entry.name.endswith(suffix)]
            owned = store.known_ids(ids)  # one query a page: a new archive of 100,000 has 200,000 files
            for entry in page:
                name = entry.name
                if is_temp(name) or (name.endswith(suffix) and name[: -len(suffix)] not in owned):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)
    for entry in _scandir(root):
        if is_temp(entry.name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)


def _pages(items: Iterator, size: int) -> Iterator[list]:
    page = []
    for item in items:
        page.append(item)
        if len(page) >= size:
            yield page
            page = []
    if page:
        yield page


def _scandir(folder: str) -> Iterator[os.DirEntry]:
    with os.scandir(folder) as entries:
        yield from entries


@contextlib.contextmanager
def _locked(root: str) -> Iterator[None]:
    """One run per archive at a time: a second one would interleave its files with ours."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; runs must not overlap
        yield
        return
    with open(os.path.join(root, LOCK), "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReadoutError(f"{root}: another 'readout archive' run is writing this archive") from None
        yield
