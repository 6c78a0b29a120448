"""``--format github``: GitHub Actions workflow commands, one annotation per problem.

::

    ::warning file=docs/a.txt,line=5,col=38,endLine=5,endColumn=40,title=TY009::message

``error`` and ``warning`` keep their names; ``info`` is GitHub's ``notice``.
The message is the command's data: ``%``, carriage return and line feed are
escaped (``%25``, ``%0D``, ``%0A``), as the runner un-escapes them. Property
values (file, title) escape ``:`` and ``,`` as well (``%3A``, ``%2C``), which
would otherwise end the value. GitHub takes ``col`` and ``endColumn`` only
for a one-line span, so a span over several lines gives lines alone.
"""

from __future__ import annotations

NAME = "github"
DESCRIPTION = "GitHub Actions annotations (::error file=...,line=...::message)"

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def line(problem) -> str:
    properties = [("file", problem.path), ("line", problem.line)]
    if problem.line == problem.end_line:
        properties.append(("col", problem.column))
    properties.append(("endLine", problem.end_line))
    if problem.line == problem.end_line:
        properties.append(("endColumn", problem.end_column))
    properties.append(("title", problem.code))
    joined = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties)
    return f"::{COMMANDS[problem.severity]} {joined}::{escape_data(problem.message)}"


def format(problems, rules=None, **options) -> str:  # noqa: A001 - the interface's name
    if not problems:
        return ""
    return "\n".join(line(p) for p in problems) + "\n"
