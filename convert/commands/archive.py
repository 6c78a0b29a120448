"""`readout archive`: many readouts into a folder of XML, JSON, JSON Lines, a manifest and SQLite."""

from __future__ import annotations

import sys

from ..sources import MAX_BYTES, MAX_LINE

EPILOG = """\
layout of DIR:
  xml/<id>.xml, json/<id>.json   canonical forms of every document
  documents.jsonl                 every document, one JSON per line, sorted by id
  manifest.json                   ids, source and output sha256s, diagnostic counts, failures
  readout.sqlite                  documents, sections, paragraphs, footnotes, participants,
                                  events, diagnostics, failures; readouts_fts (FTS5)

Unchanged inputs are skipped; changed ones reconverted; removed ones dropped.
Exit status: 0 when every input converted, 2 when some could not be (listed in
manifest.json under "failures") or on bad usage. Diagnostics do not change the
exit status: use `readout check` to gate on them.
"""


def add_parser(sub) -> None:
    import argparse

    parser = sub.add_parser(
        "archive",
        help="convert many readouts into a queryable archive folder",
        description="Convert every readout under SRC into DIR, incrementally, on every core.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sources", nargs="+", metavar="SRC", help="readout files or folders of *.txt")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="the archive folder (created if needed)")
    parser.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                        help="worker processes (default: every core this process may use)")
    parser.add_argument("--engine", choices=("process", "dask"), default="process",
                        help="process: a local process pool (default); dask: a Dask cluster (readout[dask])")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler, e.g. tcp://host:8786 (default: a local cluster of --jobs workers)")
    parser.add_argument("--chunk-size", type=_positive, default=32, metavar="N",
                        help="documents sent to a worker at a time (default 32)")
    parser.add_argument("--verify", action="store_true",
                        help="also re-hash every output file and reconvert documents whose files differ")
    parser.add_argument("--config", metavar="FILE",
                        help="linter settings: a readout.toml or pyproject.toml with [tool.readout] "
                             "(default: the nearest one above the first SRC)")
    parser.add_argument("--force", action="store_true",
                        help="reconvert every document, changed or not (after upgrading readout, say)")
    parser.add_argument("--no-validate", action="store_true",
                        help="skip schema validation of the outputs (faster; the serializers are tested)")
    parser.add_argument("--no-progress", action="store_true", help="never draw the progress bar")
    parser.add_argument("--max-bytes", type=_positive, default=None, metavar="N",
                        help=f"largest input accepted, in bytes (default {MAX_BYTES // 1024 // 1024} MiB)")
    parser.add_argument("--max-line", type=_positive, default=None, metavar="N",
                        help=f"longest line accepted, in characters (default {MAX_LINE:,})")
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def run(args) -> int:
    from ..archive.build import Options, build
    from ..errors import ReadoutError
    from ..sources import Limits

    if args.scheduler and args.engine != "dask":
        raise ReadoutError("--scheduler needs --engine dask")
    if args.engine == "dask":
        import importlib.util

        if importlib.util.find_spec("distributed") is None:  # say so before the archive is touched
            raise ReadoutError("--engine dask needs Dask: pip install 'readout[dask]'")
    defaults = Limits()
    try:
        from ..config import load_config
    except ImportError:  # a build without the checks: diagnostics use no configuration
        config = None
    else:
        config = load_config(args.config, start=args.sources[0])
    options = Options(
        sources=args.sources, root=args.output, engine=args.engine, jobs=args.jobs, chunk_size=args.chunk_size,
        scheduler=args.scheduler, limits=Limits(args.max_bytes or defaults.max_bytes,
                                                args.max_line or defaults.max_line),
        validate=not args.no_validate, config=config, verify=args.verify, force=args.force, progress=False if args.no_progress else None,
    )
    summary = build(options)
    for reason in summary.new_failures:
        print(f"readout: error: {reason}", file=sys.stderr)
    print(f"readout: archive {args.output}: {summary.line()}", file=sys.stderr)
    return 2 if summary.failures else 0
