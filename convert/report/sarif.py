"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning takes it.

One run; ``tool.driver`` names readout, its version and (when the package
declares one) its home page, and lists the rules that ran with their
documentation (``readout rules CODE``'s text as the help) and default level.
Each result has its rule's id and index, its level (error, warning; info is
SARIF's ``note``), the message, the location (a relative URI against
``%SRCROOT%``, the folder ``readout check`` ran in, and the region: SARIF's
end column is exclusive, as ours is; columns count Unicode code points, so
the run says ``columnKind: unicodeCodePoints``), a fingerprint that survives
unrelated edits (:mod:`convert.fingerprint`, under ``partialFingerprints``)
and, when the problem has a fix, the fix as replacements.

Options from ``readout check``: ``texts`` (path -> decoded text; needed for
fingerprints and fix positions), ``rule_codes`` (the codes that ran).
"""

from __future__ import annotations

import json as _json

NAME = "sarif"
DESCRIPTION = "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers"
NEEDS_TEXT = True

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def format(problems, rules, **options) -> str:  # noqa: A001 - the interface's name
    return _json.dumps(log(problems, rules, **options), indent=2, ensure_ascii=False) + "\n"


def log(problems, rules, *, texts=None, rule_codes=None, **_options) -> dict:
    """The SARIF log as a dict (``format`` serializes it)."""
    from ..fingerprint import fingerprints
    from . import tool

    texts = texts or {}
    codes = tool.codes_that_ran(rules, problems, rule_codes)
    index = {code: i for i, code in enumerate(codes)}
    positions = tool.Positions(texts)
    results = [
        _result(p, index[p.code], fp, positions)
        for p, fp in zip(problems, fingerprints(problems, texts))
    ]
    driver = {"name": tool.NAME, "version": tool.version()}
    uri = tool.information_uri()
    if uri:
        driver["informationUri"] = uri
    driver["rules"] = [_rule(code, rules.get(code)) for code in codes]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }


def _rule(code: str, rule) -> dict:
    if rule is None:  # a code no rule in this registry has (a problem made elsewhere): describe what is known
        return {"id": code}
    from ..commands.rules import doc_text  # the text `readout rules CODE` prints: one documentation

    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": doc_text(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.category]},
    }


def artifact_location(path: str) -> dict:
    """A relative URI against %SRCROOT% (percent-encoded), or a file URI for a path outside it."""
    from pathlib import PurePosixPath
    from urllib.parse import quote

    if PurePosixPath(path).is_absolute():
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": SRCROOT}


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(problem, rule_index: int, fingerprint: str, positions) -> dict:
    from ..fingerprint import KEY

    result = {
        "ruleId": problem.code,
        "ruleIndex": rule_index,
        "level": LEVELS[problem.severity],
        "message": {"text": problem.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact_location(problem.path),
            "region": _region(problem.line, problem.column, problem.end_line, problem.end_column),
        }}],
        "partialFingerprints": {KEY: fingerprint},
    }
    if problem.fix is not None and positions.has(problem.path):
        result["fixes"] = [_fix(problem, positions)]
    return result


def _fix(problem, positions) -> dict:
    replacements = []
    for edit in problem.fix.edits:
        start = positions.position(problem.path, edit.start)
        end = positions.position(problem.path, edit.end)
        replacements.append({"deletedRegion": _region(*start, *end), "insertedContent": {"text": edit.replacement}})
    how = "safe: `readout check --fix` applies it" if problem.fix.safe else "unsafe: shown, never applied by --fix"
    return {
        "description": {"text": f"{problem.code} fix ({how})"},
        "artifactChanges": [{"artifactLocation": artifact_location(problem.path), "replacements": replacements}],
        "properties": {"safety": problem.fix.safety},
    }
