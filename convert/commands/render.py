"""`readout render`: normalized text from a canonical file (or a readout)."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    from .convert import positive

    parser = sub.add_parser(
        "render",
        help="print normalized text from a canonical JSON or XML file",
        description="Print the normalized text (UTF-8) of a canonical document; a plain readout is parsed first. "
        "Canonical files are untrusted input: no entity expansion, no DTD, no network.",
    )
    parser.add_argument("path", metavar="FILE")
    parser.add_argument("--encoding", help="decode a plain readout with this encoding instead of detecting it")
    parser.add_argument("--max-bytes", type=positive, default=None, metavar="N",
                        help="largest input accepted, in bytes (default 1 MiB for a readout, 8 MiB for a canonical file)")
    parser.add_argument("--max-line", type=positive, default=None, metavar="N",
                        help="longest line of a plain readout, in characters (default 20,000)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..canonical import load_document, sniff
    from ..errors import ReadoutError
    from ..serialize.render import render
    from ..sources import check_size, display_path, limits_from, read_bytes, with_name

    limits = limits_from(args.max_bytes, args.max_line)
    shown = display_path(args.path)
    # Read under the larger canonical limit; a readout then meets its own.
    raw = read_bytes(args.path, limits_from(args.max_bytes, args.max_line, canonical=True), what=None, name=shown)
    if sniff(raw, args.path) == "text":
        from ..pipeline import parse_source

        check_size(raw, shown, limits)
        doc, _ = parse_source(raw, shown, encoding=args.encoding, limits=limits)
    else:
        try:
            doc = load_document(raw, shown)
        except ReadoutError as exc:
            raise ReadoutError(with_name(str(exc), shown)) from None
    # Bytes, not sys.stdout.write: the output is UTF-8 whatever the locale, and a
    # character the terminal's encoding lacks cannot fail the command.
    sys.stdout.buffer.write(render(doc).encode("utf-8"))
    sys.stdout.flush()
    return 0
