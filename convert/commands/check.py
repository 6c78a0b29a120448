"""`readout check` (not built yet)."""


def add_parser(sub):
    parser = sub.add_parser("check", help="(not built yet)")
    parser.set_defaults(run=run)


def run(args):
    from ..errors import ReadoutError

    raise ReadoutError("'check' is not built yet")
