"""`readout check`: lint readouts and report problems with positions, codes and fixes."""

from __future__ import annotations

import sys

EPILOG = """\
exit status:
  0  no problem at or above the failing severity (--fail-level, default: warning;
     info-only results pass)
  1  problems at or above it (with --fix: problems that remain; with --diff: a file
     would change)
  2  bad usage, a bad configuration, an unreadable or undecodable input (reported as
     ST000 while the other files are still checked), or an internal error (one line
     on stderr naming the file; the other files are still checked)

configuration: [tool.readout] in pyproject.toml or readout.toml, found from the first
PATH upwards (or --config FILE); --show-config prints what is in effect.
"""


def add_parser(sub) -> None:
    import argparse

    from .check_files import POOL_THRESHOLD
    from ..sources import MAX_BYTES, MAX_LINE
    from .convert import positive

    from ..report import FORMATS

    parser = sub.add_parser(
        "check",
        help="lint readouts: problems with file, line, column, rule code and fixes",
        description="Check readouts (files, or folders searched for *.txt) against the rules; "
                    "`readout rules` lists them.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="readout files or folders of *.txt")
    parser.add_argument("--format", "--output-format", dest="format", choices=sorted(FORMATS), default="text",
                        help="output format (default: text, 'path:line:col: CODE message')")
    parser.add_argument("--select", metavar="CODES", help="only these codes or prefixes, comma-separated (ALL: every rule)")
    parser.add_argument("--ignore", metavar="CODES", help="leave out these codes or prefixes, comma-separated")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place, then report what remains")
    parser.add_argument("--diff", action="store_true", help="print a unified diff of what --fix would change; write nothing")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    parser.add_argument("--statistics", action="store_true", help="print the number of problems per code")
    parser.add_argument("--fail-level", choices=("error", "warning", "info"),
                        help="lowest severity that makes the exit status 1 (default: from configuration, warning)")
    parser.add_argument("--baseline", metavar="FILE",
                        help="report only the problems FILE does not record (made with --write-baseline)")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="record every problem found in FILE and report none (exit 0; 2 if a file could "
                             "not be checked)")
    parser.add_argument("--config", metavar="FILE", help="read the configuration from FILE")
    parser.add_argument("--show-config", action="store_true", help="print the effective configuration and exit")
    parser.add_argument("--encoding", help="decode inputs with this encoding instead of detecting it")
    parser.add_argument("--max-bytes", type=positive, default=None, metavar="N",
                        help=f"largest input accepted, in bytes (default {MAX_BYTES // 1024 // 1024} MiB)")
    parser.add_argument("--max-line", type=positive, default=None, metavar="N",
                        help=f"longest line accepted, in characters (default {MAX_LINE:,})")
    parser.add_argument("-j", "--jobs", type=positive, default=None, metavar="N",
                        help="worker processes for a batch (default: every core; fewer than "
                             f"{POOL_THRESHOLD} files are checked in this process)")
    parser.add_argument("--no-progress", action="store_true", help="never draw the progress bar")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..errors import ReadoutError

    config = _config(args)
    if args.show_config:
        from ..config import show

        sys.stdout.write(show(config))
        return 0
    if not args.paths:
        raise ReadoutError("check needs at least one PATH (a readout file or a folder of *.txt)")
    if args.fix and args.diff:
        raise ReadoutError("--fix and --diff do not go together: --diff shows what --fix would write")
    if args.diff and (args.baseline or args.write_baseline):
        raise ReadoutError("--diff does not check, so it takes no --baseline or --write-baseline")
    if args.baseline and args.write_baseline:
        raise ReadoutError("--baseline and --write-baseline do not go together: --write-baseline records every problem")
    return Run(args, config).main()


def _config(args):
    from ..config import check_codes, load_config

    config = load_config(args.config, start=args.paths[0] if args.paths else None)
    select = check_codes(_split(args.select), "--select") if args.select else None
    ignore = tuple(check_codes(_split(args.ignore), "--ignore")) if args.ignore else ()
    config = config.overridden(select=tuple(select) if select else None, ignore=ignore)
    if args.fail_level:
        config = config._replace(fail_level=args.fail_level)
    return config


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class Run:
    """One `readout check` invocation: read, lint (and fix), report, decide the exit status."""

    def __init__(self, args, config) -> None:
        self.args = args
        self.config = config
        self.problems: list = []
        self.failed = 0  # files that could not be read, decoded, fixed or checked: exit 2
        self.changed = 0  # files --fix wrote or --diff would change
        self.fixed = 0  # fixes applied
        self.checked = 0
        self.paths: list[str] = []
        # Decoded texts, kept only when asked for: fingerprints (baseline, SARIF) and the full and
        # rdjson formats need them, and formatters must not read the files again.
        self.texts: dict[str, str] = {}
        self.keep_text = bool(args.baseline or args.write_baseline) or self._format_needs_text()
        self.ran: set[str] = set()  # codes of the rules that ran on some file (SARIF lists them)
        self.selections: set = set()  # the (select, ignore) pairs already added to ``ran``
        self.known = None  # fingerprint counts from --baseline
        self.hidden = 0  # problems --baseline left out

    def _format_needs_text(self) -> bool:
        from .. import report

        return not self.args.statistics and getattr(report.formatter(self.args.format), "NEEDS_TEXT", False)

    def main(self) -> int:
        from ..sources import display_path, iter_paths, limits_from
        from .check_files import Options, check_files

        if self.args.baseline:
            from ..baseline import load

            self.known = load(self.args.baseline)  # before any work: a bad baseline is bad usage
        self.paths = paths = [display_path(p) for p in iter_paths(self.args.paths, report_empty=True)]
        options = Options(self.args.encoding, self.args.fix, self.args.diff, self.keep_text,
                          limits_from(self.args.max_bytes, self.args.max_line))
        bar = self._bar(len(paths))
        for outcome in check_files(paths, self.config, options, self.args.jobs):
            self._absorb(outcome)
            bar.update()
        bar.close()
        self.problems.sort()
        if self.args.write_baseline:
            return self._write_baseline()
        if self.known is not None:
            from ..baseline import new

            kept = new(self.problems, self.texts, self.known)
            self.hidden = len(self.problems) - len(kept)
            self.problems = kept
        self._report()
        return self._status()

    def _write_baseline(self) -> int:
        from ..baseline import write

        write(self.args.write_baseline, self.problems, self.texts)
        print(f"readout: wrote {self.args.write_baseline}: {len(self.problems)} problem(s) from "
              f"{self.checked + self.failed} file(s)", file=sys.stderr)
        return 2 if self.failed else 0

    def _note_rules(self, path: str) -> None:
        from ..lint import active_rules, selected, selection

        select, ignore = key = selection(self.config, path)
        if key in self.selections:  # most runs have one selection for every file
            return
        self.selections.add(key)
        self.ran.update(code for code, _ in active_rules(select, ignore))
        if selected("ST000", select, ignore):
            self.ran.add("ST000")

    def _bar(self, total: int):
        if self.args.no_progress or total < 50:
            return _NoBar()
        from ..archive.progress import Bar

        return Bar(total, "check")

    def _absorb(self, outcome) -> None:
        """One file's outcome into the run's totals, its messages to stderr in path order."""
        self._note_rules(outcome.path)
        for line in outcome.errors:
            print(line, file=sys.stderr)
        if outcome.diff:
            sys.stdout.write(outcome.diff)
        self.problems.extend(outcome.problems)
        self.failed += outcome.failed
        self.checked += outcome.checked
        self.changed += outcome.changed
        self.fixed += outcome.fixed
        if outcome.text is not None:
            self.texts[outcome.path] = outcome.text

    def _report(self) -> None:
        from .. import report
        from ..rules import load_rules

        if self.args.diff:
            self._report_errors_only()
            return
        rules = load_rules()
        if self.args.statistics:
            out = report.statistics_json(self.problems, rules) if self.args.format == "json" \
                else report.statistics_text(self.problems, rules)
        else:
            out = report.render(self.args.format, self.problems, rules, texts=self.texts, paths=self.paths,
                                rule_codes=sorted(self.ran))
        sys.stdout.write(out)
        sys.stdout.flush()
        if self.args.format in ("text", "full"):  # the formats a person reads; the others are parsed
            print(self._summary(), file=sys.stderr)

    def _report_errors_only(self) -> None:
        for problem in self.problems:
            if problem.code == "ST000":
                print(f"readout: error: {problem.path}: {problem.message}", file=sys.stderr)
        print(f"readout: {self.changed} file(s) would be changed ({self.fixed} fix(es))", file=sys.stderr)

    def _summary(self) -> str:
        fixable = sum(1 for p in self.problems if p.fix is not None and p.fix.safe)
        files = self.checked + self.failed
        parts = [f"{len(self.problems)} problem(s) in {files} file(s)"]
        if fixable and not self.args.fix:
            parts.append(f"{fixable} fixable with --fix")
        if self.args.fix:
            parts.append(f"{self.fixed} fix(es) applied in {self.changed} file(s)")
        if self.known is not None:
            parts.append(f"{self.hidden} more recorded in the baseline")
        return "readout: " + ", ".join(parts)

    def _status(self) -> int:
        from ..problem import SEVERITY_RANK

        if self.failed:
            return 2
        if self.args.diff:
            return 1 if self.changed else 0
        if self.args.exit_zero:
            return 0
        floor = SEVERITY_RANK[self.config.fail_level]
        return 1 if any(SEVERITY_RANK[p.severity] >= floor for p in self.problems) else 0


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass
