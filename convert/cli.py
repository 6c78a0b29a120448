"""The ``readout`` command line.

Each subcommand lives in ``convert.commands.<name>`` with ``add_parser`` and
``run``; those modules import nothing heavy at module level, so ``readout
check`` never pays for jsonschema and ``readout rules`` never pays for lxml.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import ReadoutError

COMMANDS = ("convert", "validate", "render", "check", "rules", "archive")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with ``only`` the one subcommand a command line names (the others unimported)."""
    parser = argparse.ArgumentParser(
        prog="readout",
        description="Convert and check Japanese government English readouts.",
    )
    parser.add_argument("--version", action="version", version=f"readout {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
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
    """The console command: :func:`main`, with dataclass methods compiled once per Python (see below)."""
    compiled = _CompiledOnce.install()
    try:
        status = main()
    finally:
        compiled.uninstall()
    sys.exit(status)


class _CompiledOnce:
    """Hands dataclasses the compiled code of the methods it generates instead of their source.

    Making a dataclass compiles the source of its methods (``__init__``,
    ``__eq__``, ...) with exec(): for the few dozen classes a command
    defines that is a sixth of ``readout check FILE``'s start-up. The code
    compiled from a given text never changes for a given Python, so the
    console command keeps it in the user cache, keyed by the text itself
    (the cache file is rebuilt for another Python or package version).
    Only :func:`run` installs this, and removes it again: importing
    ``convert`` as a library leaves dataclasses alone.
    """

    NAME = "dataclass-code"
    LIMIT = 4096  # entries; past it the file keeps only what this run used

    def __init__(self, table: dict) -> None:
        self.table = table
        self.used: set[str] = set()
        self.added = 0

    @classmethod
    def install(cls) -> _CompiledOnce:
        import dataclasses

        from .resources import read_cache

        self = cls(read_cache(cls.NAME, (), _is_code_table) or {})
        dataclasses.exec = self  # a module global shadows the builtin for dataclasses alone
        return self

    def uninstall(self) -> None:
        import dataclasses

        if vars(dataclasses).get("exec") is self:
            del dataclasses.exec
        if self.added:
            from .resources import write_cache

            table = self.table if len(self.table) <= self.LIMIT else {k: self.table[k] for k in self.used}
            write_cache(self.NAME, (), table)

    def __call__(self, source, globals=None, locals=None, /, **kwargs):
        if type(source) is str:
            self.used.add(source)
            code = self.table.get(source)
            if code is None:
                # What exec(source) compiles: the "<string>" file, no inherited __future__ flags
                # (dataclasses has none, and this module's must not leak in).
                code = self.table[source] = compile(source, "<string>", "exec", dont_inherit=True)
                self.added += 1
            source = code
        return exec(source, globals, locals, **kwargs)


def _is_code_table(value) -> bool:
    from types import CodeType

    return type(value) is dict and all(type(k) is str and type(v) is CodeType for k, v in value.items())
