"""`readout render`: normalized text from a canonical file (or a readout)."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    parser = sub.add_parser(
        "render",
        help="print normalized text from a canonical JSON or XML file",
        description="Print the normalized text of a canonical document; a plain readout is parsed first.",
    )
    parser.add_argument("path", metavar="FILE")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..canonical import load_document, sniff
    from ..serialize.render import render
    from ..sources import read_bytes

    raw = read_bytes(args.path)
    if sniff(raw, args.path) == "text":
        from ..pipeline import parse_source

        doc, _ = parse_source(raw, args.path)
    else:
        doc = load_document(raw, args.path)
    sys.stdout.write(render(doc))
    sys.stdout.flush()
    return 0
