"""The one function every engine calls: a source in, its outputs out.

:func:`convert_one` is pure in the sense that matters for engines: its
answer depends only on the task (bytes, path, id), never on the worker, the
order of tasks or the clock, so any engine, any number of workers, gives the
same bytes. It never raises for a bad input: it returns a :class:`Failure`
with the one-line reason instead, so one bad file cannot stop a batch.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..errors import ReadoutError
from ..sources import Limits, read_bytes

FORMS = ("xml", "json")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything besides the source that decides the outputs; sent to every worker once per chunk."""

    limits: Limits = Limits()
    validate: bool = True  # validate each output against its schema (a safety net that costs a third)
    config: Any = None  # convert.config.Config for the linter; None: its defaults


@dataclass(frozen=True, slots=True)
class Task:
    path: str  # as recorded in the archive (relative, forward slashes)
    id: str
    fs_path: str  # where to read it on this machine
    raw: bytes | None = None  # given when the worker may not see the file (Dask)


@dataclass(slots=True)
class Result:
    path: str
    id: str
    source_sha256: str
    sha256: dict[str, str]  # form -> sha256 of the output bytes
    summary: dict[str, Any]  # document columns, counts by severity, full-text fields
    rows: dict[str, list[tuple]]  # child table -> rows
    outputs: dict[str, bytes] | None = field(default=None)  # None once written by the worker
    # The JSON form goes back to the parent even once written: documents.jsonl is made of these lines,
    # and taking them from the worker spares reading every json/<id>.json back when publishing.
    json: bytes | None = field(default=None)


@dataclass(frozen=True, slots=True)
class Failure:
    path: str
    id: str
    source_sha256: str | None  # None when the file could not be read
    reason: str


def convert_one(task: Task, settings: Settings = Settings()) -> Result | Failure:
    """Read (unless given), convert, validate, lint and flatten one source."""
    limits = settings.limits
    try:
        raw = task.raw if task.raw is not None else read_bytes(task.fs_path, limits, name=task.path)
    except ReadoutError as exc:
        return Failure(task.path, task.id, None, failure_reason(exc))
    sha = hashlib.sha256(raw).hexdigest()
    try:
        from ..pipeline import convert_source

        converted = convert_source(raw, task.path, doc_id=task.id, forms=FORMS,
                                   validate=settings.validate, limits=limits)
        problems = _diagnose(converted.doc, converted.text, task.path, settings.config)
        from .rows import document_rows

        summary, rows = document_rows(converted.doc, problems)
    except ReadoutError as exc:
        return Failure(task.path, task.id, sha, failure_reason(exc))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not stop the batch
        return Failure(task.path, task.id, sha, f"{task.path}: internal error: {type(exc).__name__}: {exc}")
    outputs = {"xml": converted.xml, "json": converted.json}
    digests = {form: hashlib.sha256(data).hexdigest() for form, data in outputs.items()}
    return Result(task.path, task.id, sha, digests, summary, rows, outputs, converted.json)


def convert_and_write(task: Task, root: str, settings: Settings = Settings()) -> Result | Failure:
    """:func:`convert_one`, then write the outputs here: used where workers share the archive's disk.

    Writing in the worker spreads the file-system work over every core and
    spares sending the XML back to the parent (the JSON goes back: see ``Result.json``).
    """
    result = convert_one(task, settings)
    if isinstance(result, Result):
        from .writer import write_outputs

        write_outputs(root, result.id, result.outputs)
        result.outputs = None
    return result


def convert_batch(tasks: list[Task], settings: Settings = Settings()) -> list[Result | Failure]:
    """Several tasks in one call: the unit of work sent to a Dask worker."""
    return [convert_one(task, settings) for task in tasks]


def failure_reason(exc: Exception) -> str:
    """The error's message on one line (read errors already name the file by its archive path)."""
    return " ".join(str(exc).split())


_LINT: Any = None


def _diagnose(doc, text: str, path: str, config: Any) -> list[Any]:
    """The linter's problems, sorted by position so the rows never depend on rule order."""
    global _LINT
    if _LINT is None:
        try:
            from ..lint import lint as _LINT
        except ImportError:  # the checks are not installed in this build: record no diagnostics
            _LINT = False
    if _LINT is False:
        return []
    problems = _LINT(doc, text, config=config, path=path)
    return sorted(problems, key=lambda p: (p.line, p.column, p.end_line, p.end_column, p.code, p.message))
