"""A byte skeleton of a text, in which the ASCII digits are all one byte.

The regular-expression engine finds a pattern that starts with a literal
character at memchr speed, but one that starts with a class (``[0-9]``) is
tried at every character, about ten times slower. Patterns that look for
numbers (clock times, ordinals) therefore search the skeleton for a literal
``0`` followed by what the real pattern needs, and run the real pattern only
where the skeleton says it can match: each real match starts at such a place,
so the answers are the same.

The skeleton has one byte per character of the text, so its offsets are the
text's: ASCII digits are ``0``, other ASCII characters are themselves, and
every other character is ``?``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ZERO_DIGITS = bytes.maketrans(b"123456789", b"000000000")
# What Unicode's \s matches among the skeleton's bytes: ASCII whitespace, and "?" for the rest of it.
SPACE = rb"[ \t\n\r\f\v\x1c-\x1f?]"
# The last text and its skeleton. Holding the text keeps it alive, so an identity test cannot be fooled.
_last: tuple[str, bytes] = ("", b"")


def skeleton(text: str) -> bytes:
    """``text`` as one byte per character: ASCII digits as ``0``, non-ASCII as ``?``.

    The last text's skeleton is kept: the rules search one document's prose
    for times and ordinals, whole and in parts.
    """
    global _last
    if text is not _last[0]:
        _last = (text, text.encode("ascii", "replace").translate(_ZERO_DIGITS))
    return _last[1]


def finditer(pattern: re.Pattern, candidates: re.Pattern, text: str, start: int = 0,
             end: int | None = None) -> Iterator[re.Match]:
    """``pattern.finditer(text, start, end)``, trying ``pattern`` only where ``candidates`` matches the skeleton.

    ``candidates`` is a bytes pattern that matches the skeleton (searched
    from ``start`` to ``end``) at every offset where ``pattern`` can match: a
    necessary condition, written to start with a literal. ``pattern``'s
    matches must not be empty.
    """
    end = len(text) if end is None else end
    match = pattern.match
    pos = start
    for candidate in candidates.finditer(skeleton(text), start, end):
        at = candidate.start()
        if at < pos:
            continue  # inside the last match: finditer resumes after it
        found = match(text, at, end)
        if found is not None:
            yield found
            pos = found.end()
