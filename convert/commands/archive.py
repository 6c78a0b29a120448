"""`readout archive` (not built yet)."""


def add_parser(sub):
    parser = sub.add_parser("archive", help="(not built yet)")
    parser.set_defaults(run=run)


def run(args):
    from ..errors import ReadoutError

    raise ReadoutError("'archive' is not built yet")
