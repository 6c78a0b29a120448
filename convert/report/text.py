"""``--format text``: ``path:line:col: CODE message``, one problem per line."""

from __future__ import annotations

NAME = "text"
DESCRIPTION = "path:line:col: CODE message, one problem per line"


def line(problem) -> str:
    # One line whatever the message holds: a message quoting text never breaks the format.
    message = problem.message.replace("\r", " ").replace("\n", " ")
    return f"{problem.path}:{problem.line}:{problem.column}: {problem.code} {message}"


def format(problems, rules=None, **options) -> str:  # noqa: A001 - the interface's name
    if not problems:
        return ""
    return "\n".join(line(p) for p in problems) + "\n"
