"""``--format rdjson``: reviewdog's Diagnostic format (``reviewdog -f=rdjson``).

One ``DiagnosticResult``: ``source`` (name, and url when the package
declares a home page) and a diagnostic per problem with its message,
``location`` (path and range), ``severity`` (ERROR, WARNING, INFO),
``code`` (the rule code; its ``url`` is that same home page, as there are
no per-rule pages: ``readout rules CODE`` documents each rule), a
suggestion per edit of its fix (range and replacement text) and, as
``original_output``, the text format's line. reviewdog counts columns in
UTF-8 bytes, not characters, and its end is exclusive: positions are
converted with each file's text, which ``readout check`` passes in
(``texts``); a readout's curly quotes are three bytes each. Unsafe fixes
are suggestions too: a reviewer applies a suggestion by hand.
"""

from __future__ import annotations

import json as _json

NAME = "rdjson"
DESCRIPTION = "reviewdog Diagnostic format (rdjson) with suggestions from fixes"
NEEDS_TEXT = True

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def format(problems, rules=None, *, texts=None, **options) -> str:  # noqa: A001 - the interface's name
    from . import text as text_format
    from . import tool

    positions = tool.Positions(texts)
    source = {"name": tool.NAME}
    uri = tool.information_uri()
    if uri:
        source["url"] = uri
    diagnostics = []
    for problem in problems:
        diagnostic = {
            "message": problem.message,
            "location": {"path": problem.path, "range": _range(positions, problem.path, problem.line,
                                                               problem.column, problem.end_line, problem.end_column)},
            "severity": SEVERITIES[problem.severity],
            "code": {"value": problem.code, **({"url": uri} if uri else {})},
            "original_output": text_format.line(problem),
        }
        if problem.fix is not None and positions.has(problem.path):
            diagnostic["suggestions"] = [_suggestion(positions, problem.path, edit) for edit in problem.fix.edits]
        diagnostics.append(diagnostic)
    result = {"source": source, "diagnostics": diagnostics}
    return _json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def _range(positions, path: str, line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"start": {"line": line, "column": positions.utf8_column(path, line, column)},
            "end": {"line": end_line, "column": positions.utf8_column(path, end_line, end_column)}}


def _suggestion(positions, path: str, edit) -> dict:
    start = positions.position(path, edit.start)
    end = positions.position(path, edit.end)
    return {"range": _range(positions, path, *start, *end), "text": edit.replacement}
