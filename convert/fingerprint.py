"""Stable fingerprints of problems: one function, used by SARIF and by the baseline.

A fingerprint must stay the same when unrelated parts of the file change, so
it never includes a line or column number (adding a line at the top would
renumber every problem below it) and never the message (some messages quote
another line's number). It is a hash of:

- the rule code and the file's path as reported;
- the offending text, ``text[start:end]``; when that is blank or empty (a
  double space, a missing full stop) the text alone says nothing, so the
  stripped content of the line it is on is added; for a file that could not
  be read there is no text at all, and the message (the reading error) stands
  in;
- the occurrence index: how many problems before this one in the same file
  have the same code and offending text, so that two identical typos get two
  fingerprints, and only the count of them matters.

``KEY`` names the algorithm: it is the property name in SARIF's
``partialFingerprints`` and is recorded in a baseline, so that a future
change of the algorithm is detected rather than silently matching nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

KEY = "readout/v1"


def offending(problem, text: str | None) -> str:
    """What the fingerprint identifies the problem by (see the module docstring)."""
    if text is None:
        return problem.message
    snippet = text[problem.start:problem.end]
    if snippet.strip():
        return snippet
    line_start = text.rfind("\n", 0, problem.start) + 1
    line_end = text.find("\n", problem.start)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    return f"{snippet}\n{line.strip()}"


def fingerprints(problems: Sequence, texts: Mapping[str, str]) -> list[str]:
    """One fingerprint per problem, in the order given (sort the problems first: the
    occurrence index counts in that order)."""
    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for problem in problems:
        what = offending(problem, texts.get(problem.path))
        key = (problem.path, problem.code, what)
        index = seen.get(key, 0)
        seen[key] = index + 1
        result.append(_hash(problem.code, problem.path, what, index))
    return result


def _hash(code: str, path: str, what: str, index: int) -> str:
    # Unit separators keep the fields apart: ("a", "bc") and ("ab", "c") must not collide.
    data = "\x1f".join((code, path, what, str(index)))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]
