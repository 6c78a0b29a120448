"""``--format full``: each problem with its source lines, an underline and its fix as a diff.

::

    docs/b.txt:5:38: TY009 two spaces between words
      |
    5 | On January 31, Prime Minister Kishida  held a meeting.
      |                                      ^~
      = fix (safe, applied by --fix):
      - On January 31, Prime Minister Kishida  held a meeting.
      + On January 31, Prime Minister Kishida held a meeting.

The first line is the text format's line. The underline starts with ``^``
under the first character of the span and goes on with ``~``; an empty span
is a lone ``^`` where it is. Widths are display widths, so the underline
stays under its text beside wide (CJK) characters; tabs and control
characters show as one cell. A span longer than :data:`MAX_LINES` lines shows
its first and last lines around ``...``, and a long line (a readout keeps
a paragraph on one line) shows :data:`CONTEXT` characters either side of the
span, cut with ``…``.

The source text is not read again: ``readout check`` passes the decoded text
of every file it checked (``texts``). A file it could not read has only its
header line.
"""

from __future__ import annotations

import unicodedata

NAME = "full"
DESCRIPTION = "each problem with its source lines underlined and its fix as a diff"
NEEDS_TEXT = True

MAX_LINES = 6  # lines of one span shown; a longer span shows its first and last
CONTEXT = 40  # characters shown either side of a span
MAX_CHARS = 160  # characters of one line shown at most
ELLIPSIS = "\u2026"


def format(problems, rules=None, *, texts=None, **options) -> str:  # noqa: A001 - the interface's name
    from . import text as text_format

    texts = texts or {}
    sources: dict[str, list[str]] = {}  # each file's lines, split once however many problems it has
    blocks = []
    for problem in problems:
        lines = [text_format.line(problem)]
        text = texts.get(problem.path)
        if text is not None:
            source = sources.get(problem.path)
            if source is None:
                source = sources[problem.path] = text.split("\n")
            lines += _snippet(problem, text, source)
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _snippet(problem, text: str, source: list[str]) -> list[str]:
    last = min(problem.end_line, len(source))
    width = len(str(last))
    gutter = " " * width + " |"
    out = [gutter]
    numbers = list(range(problem.line, last + 1))
    if len(numbers) > MAX_LINES:
        numbers = numbers[:MAX_LINES // 2] + [None] + numbers[-(MAX_LINES // 2 - 1):]
    for number in numbers:
        if number is None:
            out.append("." * width + " |")
            continue
        line = source[number - 1]
        first = problem.column if number == problem.line else 1
        end = problem.end_column if number == problem.end_line else len(line) + 1
        shown, underline = _window(line, first - 1, end - 1)
        out.append(f"{number:>{width}} | {shown}")
        out.append(f"{gutter} {underline}")
    if problem.fix is not None:
        out += _fix_lines(problem.fix, text, " " * width)
    return out


def _clip(line: str, start: int, end: int) -> tuple[int, int]:
    """The part of ``line`` to show around ``line[start:end]``: readouts keep a paragraph on one
    line, and a 2,000-character line would bury the span it is shown for."""
    lo = max(0, start - CONTEXT)
    hi = min(len(line), max(end, start) + CONTEXT)
    return lo, min(hi, lo + MAX_CHARS)


def _window(line: str, start: int, end: int) -> tuple[str, str]:
    """The shown part of ``line`` and the ``^~~`` under ``line[start:end]`` (0-based, end exclusive)."""
    lo, hi = _clip(line, start, end)
    before = ELLIPSIS if lo > 0 else ""
    shown = before + _shown(line[lo:hi]) + (ELLIPSIS if hi < len(line) else "")
    pad = _width(before) + _width(line[lo:start])
    span = max(_width(line[start:min(end, hi)]), 1)
    return shown, " " * pad + "^" + "~" * (span - 1)


def _fix_lines(fix, text: str, indent: str) -> list[str]:
    """The lines the fix changes, before (``-``) and after (``+``), around the change."""
    start = min(edit.start for edit in fix.edits)
    end = max(edit.end for edit in fix.edits)
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last == -1 else last
    before = text[first:last]
    after = before
    for edit in sorted(fix.edits, reverse=True):  # from the end, so earlier offsets stay valid
        after = after[:edit.start - first] + edit.replacement + after[edit.end - first:]
    lo, hi = _clip(before, start - first, end - first)
    hi_after = hi + len(after) - len(before)  # the text past the change is the same on both sides
    how = "safe, applied by --fix" if fix.safe else "unsafe, not applied by --fix"
    out = [f"{indent} = fix ({how}):"]
    for sign, changed, stop in (("-", before, hi), ("+", after, hi_after)):
        head = ELLIPSIS if lo > 0 else ""
        tail = ELLIPSIS if stop < len(changed) else ""
        lines = (head + changed[lo:stop] + tail).split("\n")
        out += [f"{indent} {sign} {_shown(line)}" for line in lines]
    return out


def _shown(line: str) -> str:
    """The line as it can be printed: spaces of any kind (a tab, a no-break space) as spaces,
    other invisible characters as U+FFFD, as many cells wide as :func:`_width` counts them."""
    return "".join(_shown_char(c) for c in line)


def _shown_char(c: str) -> str:
    if c.isprintable():
        return c
    if c == "\t" or unicodedata.category(c) == "Zs":
        return " " * _cell(c)  # an ideographic space is two cells: keep what follows in its column
    return "\ufffd"


def _width(text: str) -> int:
    return sum(_cell(c) for c in text)


def _cell(c: str) -> int:
    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
