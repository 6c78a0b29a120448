"""`readout validate`: canonical XML or JSON files against the schemas."""

from __future__ import annotations

import sys

_WHAT = "canonical files (*.json, *.xml)"


def add_parser(sub) -> None:
    from .convert import positive

    parser = sub.add_parser(
        "validate",
        help="validate canonical XML or JSON files against the schemas",
        description="Validate canonical files. Untrusted input is safe: no entity expansion, no DTD, no network, "
        "bounded size and nesting.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE", help="canonical files or folders of *.json and *.xml")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only invalid files")
    parser.add_argument("--max-bytes", type=positive, default=None, metavar="N",
                        help="largest file accepted, in bytes (default 8 MiB)")
    parser.set_defaults(run=run)


def run(args) -> int:
    """Exit 0 when all are valid, 1 when some are invalid, 2 when some could not be read at all."""
    from ..sources import display_path, iter_paths, limits_from, one_line

    limits = limits_from(args.max_bytes, None, canonical=True)
    invalid = unreadable = total = 0
    for path in iter_paths(args.paths, suffixes=(".json", ".xml"), report_empty=True):
        total += 1
        shown = display_path(path)
        problem, checked = _check_one(path, shown, limits)
        if problem:
            unreadable += 1
            print(f"readout: error: {one_line(problem)}", file=sys.stderr)
        elif checked.errors:
            invalid += 1
            for error in checked.errors:
                print(one_line(f"{shown}: invalid {checked.format}: {error}"))
        elif not args.quiet:
            print(f"{shown}: valid {checked.format}")
    return 2 if unreadable else 1 if invalid else 0


def _check_one(path: str, shown: str, limits):
    """(problem, None) when the file cannot be read or parsed safely, else (None, Checked)."""
    from ..canonical import validate_bytes
    from ..errors import ReadoutError
    from ..sources import read_bytes, with_name

    try:
        return None, validate_bytes(read_bytes(path, limits, what=_WHAT, name=shown), shown)
    except ReadoutError as exc:
        return with_name(str(exc), shown), None
    except Exception as exc:  # noqa: BLE001 - one file's surprise must not stop the others
        return f"{shown}: internal error: {type(exc).__name__}: {exc}", None
