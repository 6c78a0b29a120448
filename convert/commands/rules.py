"""`readout rules` (not built yet)."""


def add_parser(sub):
    parser = sub.add_parser("rules", help="(not built yet)")
    parser.set_defaults(run=run)


def run(args):
    from ..errors import ReadoutError

    raise ReadoutError("'rules' is not built yet")
