"""`readout validate`: canonical XML or JSON files against the schemas."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    parser = sub.add_parser(
        "validate",
        help="validate canonical XML or JSON files against the schemas",
        description="Validate canonical files. Untrusted input is safe: no entity expansion, no DTD, no network.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only invalid files")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..canonical import validate_bytes
    from ..errors import ReadoutError
    from ..sources import iter_paths, read_bytes

    invalid = unreadable = 0
    paths = list(iter_paths(args.paths, suffixes=(".json", ".xml")))
    for path in paths:
        try:
            checked = validate_bytes(read_bytes(path), path)
        except ReadoutError as exc:
            unreadable += 1
            print(f"readout: error: {exc}", file=sys.stderr)
            continue
        if checked.errors:
            invalid += 1
            for error in checked.errors:
                print(f"{path}: invalid {checked.format}: {error}")
        elif not args.quiet:
            print(f"{path}: valid {checked.format}")
    if not paths:
        raise ReadoutError("no canonical files found in " + ", ".join(args.paths))
    return 2 if unreadable else 1 if invalid else 0
