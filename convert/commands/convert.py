"""`readout convert`: readouts to canonical JSON and XML."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    parser = sub.add_parser(
        "convert",
        help="convert readouts to canonical JSON and XML",
        description="Convert one readout to stdout (--to), or many into a folder (-o). "
        "Given a canonical JSON or XML file, --to prints it in the other form.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="readout files or folders of *.txt")
    parser.add_argument("--to", choices=("json", "xml"), help="print one document in this form")
    parser.add_argument("-o", "--output", metavar="DIR", help="write <id>.json and <id>.xml for each document")
    parser.add_argument("--no-validate", action="store_true", help="skip schema validation of the output")
    parser.add_argument("--encoding", help="decode inputs with this encoding instead of detecting it")
    parser.add_argument("--max-bytes", type=int, default=None, help="largest input accepted (default 20 MB)")
    parser.add_argument("--max-line", type=int, default=None, help="longest line accepted (default 200,000)")
    parser.set_defaults(run=run)


def _limits(args):
    from ..sources import Limits

    defaults = Limits()
    return Limits(args.max_bytes or defaults.max_bytes, args.max_line or defaults.max_line)


def run(args) -> int:
    from ..errors import ReadoutError

    if bool(args.to) == bool(args.output):
        raise ReadoutError("convert needs exactly one of --to FORMAT (one file to stdout) or -o DIR")
    if args.to:
        return _to_stdout(args)
    return _to_folder(args)


def _to_stdout(args) -> int:
    from ..canonical import sniff
    from ..errors import ReadoutError
    from ..pipeline import convert_source
    from ..sources import display_path, iter_paths, read_bytes

    paths = list(iter_paths(args.paths))
    if len(paths) != 1:
        raise ReadoutError(f"--to prints one document; {len(paths)} inputs given (use -o DIR for many)")
    raw = read_bytes(paths[0], _limits(args))
    if sniff(raw, paths[0]) != "text":
        sys.stdout.buffer.write(_recode(raw, paths[0], args.to))
        sys.stdout.flush()
        return 0
    result = convert_source(raw, display_path(paths[0]), forms=(args.to,), validate=not args.no_validate,
                            encoding=args.encoding, limits=_limits(args))
    sys.stdout.buffer.write(result.json if args.to == "json" else result.xml)
    sys.stdout.flush()
    return 0


def _recode(raw: bytes, path: str, form: str) -> bytes:
    """A canonical file in the other form: JSON to XML, XML to JSON, without loss."""
    from ..canonical import load_document

    doc = load_document(raw, path)
    if form == "json":
        from ..serialize.jsonform import to_json

        return to_json(doc)
    from ..serialize.xml import to_xml

    return to_xml(doc)


def _to_folder(args) -> int:
    import os

    from ..errors import ReadoutError
    from ..fsutil import write_atomic
    from ..parse import make_id
    from ..pipeline import convert_source
    from ..sources import display_path, iter_paths, read_bytes, unique_ids

    limits = _limits(args)
    paths = sorted({display_path(p) for p in iter_paths(args.paths)})
    ids = unique_ids((p, make_id(p, "")) for p in paths)
    failures = 0
    for path in paths:
        try:
            result = convert_source(read_bytes(path, limits), path, doc_id=ids[path],
                                    validate=not args.no_validate, encoding=args.encoding, limits=limits)
        except ReadoutError as exc:
            failures += 1
            print(f"readout: error: {exc}", file=sys.stderr)
            continue
        write_atomic(os.path.join(args.output, f"{ids[path]}.json"), result.json)
        write_atomic(os.path.join(args.output, f"{ids[path]}.xml"), result.xml)
    converted = len(paths) - failures
    print(f"readout: converted {converted} of {len(paths)} document(s) into {args.output}", file=sys.stderr)
    if not paths:
        raise ReadoutError("no readouts found in " + ", ".join(args.paths))
    return 2 if failures else 0
