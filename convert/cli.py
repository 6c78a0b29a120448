"""The ``readout`` command line.

Each subcommand lives in ``convert.commands.<name>`` with ``add_parser`` and
``run``; those modules import nothing heavy at module level, so ``readout
check`` never pays for jsonschema and ``readout rules`` never pays for lxml.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from functools import cache

from . import __version__
from .errors import ReadoutError

COMMANDS = ("convert", "validate", "render", "check", "rules", "archive")


class Parser(argparse.ArgumentParser):
    """argparse's parser, its help as wide as the terminal without importing shutil to ask.

    argparse builds a help formatter for every argument added, and each one
    imports shutil (with bz2, lzma and zlib) for the terminal's width: a
    twentieth of a one-file check's start-up.
    """

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog, width=terminal_width() - 2)  # argparse's own margin


@cache
def terminal_width() -> int:
    """``shutil.get_terminal_size().columns``: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``only`` the one subcommand a command line names (the others unimported)."""
    parser = Parser(
        prog="readout",
        description="Convert and check Japanese government English readouts.",
    )
    parser.add_argument("--version", action="version", version=f"readout {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)
    for name in (only,) if only in COMMANDS else COMMANDS:
        importlib.import_module(f"convert.commands.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # A command line that starts with a command's name is parsed by that command's parser
    # alone, so only it is built; anything else (--help, a typo) gets the whole parser.
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except ReadoutError as exc:
        _error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`readout ... | head`): not an error of ours.
        sys.stderr.close()
        return 0
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        _error(f"internal error: {type(exc).__name__}: {exc}")
        return 2


def _error(message: str) -> None:
    first = " ".join(message.split())
    print(f"readout: error: {first}", file=sys.stderr)


def run() -> None:
    sys.exit(main())
