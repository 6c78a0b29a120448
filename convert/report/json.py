"""``--format json``: a list of objects, one per problem, in position order.

Keys (SPEC section 5): ``path``, ``line``, ``column``, ``end_line``,
``end_column`` (1-based, end exclusive), ``code``, ``category``,
``severity``, ``message`` and ``fix``: null, or the replacement text of a
fix (the edits' texts joined by " / " when a fix has several).
"""

from __future__ import annotations

import json as _json

NAME = "json"
DESCRIPTION = "a JSON list of problems with position, code, category, severity, message and fix"


def format(problems, rules=None, **options) -> str:  # noqa: A001 - the interface's name
    return _json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False) + "\n"
