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
    parser.add_argument("--max-bytes", type=positive, default=None, metavar="N",
                        help="largest input accepted, in bytes (default 1 MiB for a readout, 8 MiB for a canonical file)")
    parser.add_argument("--max-line", type=positive, default=None, metavar="N",
                        help="longest line accepted, in characters (default 20,000)")
    parser.set_defaults(run=run)


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def _limits(args):
    from ..sources import limits_from

    return limits_from(args.max_bytes, args.max_line)


def run(args) -> int:
    from ..errors import ReadoutError

    if bool(args.to) == bool(args.output):
        raise ReadoutError("convert needs exactly one of --to FORMAT (one file to stdout) or -o DIR")
    if args.to:
        return _to_stdout(args)
    return _to_folder(args)


def _to_stdout(args) -> int:
    """Everything is computed before the first byte is written: a failure prints nothing on stdout."""
    from ..canonical import sniff
    from ..errors import ReadoutError
    from ..pipeline import convert_source
    from ..sources import check_size, display_path, iter_paths, limits_from, read_bytes

    paths = list(iter_paths(args.paths, report_empty=True))
    if len(paths) != 1:
        raise ReadoutError(f"--to prints one document; {len(paths)} inputs given (use -o DIR for many)")
    shown = display_path(paths[0])
    # Read under the larger canonical limit; a readout then meets its own.
    raw = read_bytes(paths[0], limits_from(args.max_bytes, args.max_line, canonical=True), name=shown)
    if sniff(raw, paths[0]) != "text":
        out = _recode(raw, shown, args.to)
    else:
        check_size(raw, shown, _limits(args))
        result = convert_source(raw, shown, forms=(args.to,), validate=not args.no_validate,
                                encoding=args.encoding, limits=_limits(args))
        _warn_if_not_a_readout(result.doc, shown)
        out = result.json if args.to == "json" else result.xml
    sys.stdout.buffer.write(out)
    sys.stdout.flush()
    return 0


def _recode(raw: bytes, path: str, form: str) -> bytes:
    """A canonical file in the other form: JSON to XML, XML to JSON, without loss."""
    from ..canonical import load_document
    from ..errors import ReadoutError
    from ..sources import with_name

    try:
        doc = load_document(raw, path)
    except ReadoutError as exc:
        raise ReadoutError(with_name(str(exc), path)) from None
    if form == "json":
        from ..serialize.jsonform import to_json

        return to_json(doc)
    from ..serialize.xml import to_xml

    return to_xml(doc)


def _warn_if_not_a_readout(doc, path: str) -> None:
    """Text with none of a readout's landmarks (a CSV, a note) still converts, losslessly, as
    plain paragraphs; the user is told. Every document in seeds/ and the corpus has one."""
    if doc.date_line or doc.translation or doc.lead or any(s.number for s in doc.sections):
        return
    print(f"readout: warning: {path}: no date line, translation marker, lead or numbered section;"
          " not a readout? converted as plain paragraphs", file=sys.stderr)


def _inputs(args) -> list[tuple[str, str]]:
    """(path shown and recorded, path on disk) for every input, once each, sorted by the shown path."""
    from ..sources import display_path, iter_paths

    inputs: dict[str, str] = {}
    for fs_path in iter_paths(args.paths, report_empty=True):
        inputs.setdefault(display_path(fs_path), fs_path)
    return sorted(inputs.items())


def _output_folder(path: str) -> None:
    import os

    from ..errors import ReadoutError

    try:
        os.makedirs(path, exist_ok=True)
    except OSError as exc:
        raise ReadoutError(f"{path}: cannot create the output folder: {exc.strerror or exc}") from None


def _to_folder(args) -> int:
    from ..parse import make_id
    from ..sources import one_line, unique_ids

    limits = _limits(args)
    inputs = _inputs(args)
    ids = unique_ids((shown, make_id(shown)) for shown, _ in inputs)
    _output_folder(args.output)
    failures = 0
    for shown, fs_path in inputs:
        problem = _convert_one(args, shown, fs_path, ids[shown], limits)
        if problem:
            failures += 1
            print(f"readout: error: {one_line(problem)}", file=sys.stderr)
    converted = len(inputs) - failures
    print(f"readout: converted {converted} of {len(inputs)} document(s) into {args.output}", file=sys.stderr)
    return 2 if failures else 0


def _convert_one(args, shown: str, fs_path: str, doc_id: str, limits) -> str | None:
    """Convert and write one document; the problem as one line, or None.

    Any exception stays with its document, so one bad file (or a bug it
    triggers) never costs the rest of the batch.
    """
    from ..errors import ReadoutError
    from ..pipeline import convert_source
    from ..sources import read_bytes

    try:
        result = convert_source(read_bytes(fs_path, limits, name=shown), shown, doc_id=doc_id,
                                validate=not args.no_validate, encoding=args.encoding, limits=limits)
        _write_pair(args.output, doc_id, result.json, result.xml)
    except ReadoutError as exc:
        return str(exc)
    except OSError as exc:
        return f"{shown}: cannot write {doc_id}.json/.xml into {args.output}: {exc.strerror or exc}"
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch
        return f"{shown}: internal error: {type(exc).__name__}: {exc}"
    _warn_if_not_a_readout(result.doc, shown)
    return None


def _write_pair(folder: str, doc_id: str, json_bytes: bytes, xml_bytes: bytes) -> None:
    """Each file goes to a temporary file in the folder and is synced; only then are both renamed.

    A failure while writing (disk full, an exception) leaves the previous
    <id>.json and <id>.xml as they were and no temporary file behind; only the
    two renames, which need no space, come after the last byte is safe.
    """
    import os
    import tempfile

    temps: list[str] = []
    try:
        for suffix, data in ((".json", json_bytes), (".xml", xml_bytes)):
            fd, tmp = tempfile.mkstemp(prefix=f".{doc_id}{suffix}.", suffix=".tmp", dir=folder)
            temps.append(tmp)
            os.fchmod(fd, _file_mode())  # mkstemp makes 0600; outputs are ordinary files
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, suffix in zip(temps, (".json", ".xml")):
            os.replace(tmp, os.path.join(folder, doc_id + suffix))
    finally:
        for tmp in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)


def _file_mode() -> int:
    """0666 less the umask: the mode open() would have given a new file."""
    import os

    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
