"""What the time rules (TM001-TM005) share: the clock times and zone phrases of the content.

Not a rule module: it registers nothing. Times are read once per document
by :mod:`convert.parse.timeexpr` from :attr:`Context.prose` (residue blanked,
offsets kept) and shared by every TM rule through ``ctx.shared``.
"""

from __future__ import annotations

from ..parse.timeexpr import LocalJapanPair, TimeExpr, find_local_japan_pairs, find_times

def times(ctx) -> list[TimeExpr]:
    """Every clock time of the content, in order."""
    return ctx.shared("tm-times", lambda c: find_times(c.prose))


def pairs(ctx) -> list[LocalJapanPair]:
    """Every time with zone wording after it ("8:35 a.m. local time (July 11, 9:35 p.m. JST)")."""
    return ctx.shared("tm-pairs", _pairs)


def _pairs(ctx) -> list[LocalJapanPair]:
    found = times(ctx)  # a zone phrase is only read after a time: most documents have none or one
    return find_local_japan_pairs(ctx.prose, found) if found else []


def line_of(ctx, offset: int) -> int:
    """1-based line of ``offset``, for messages that point at a second place."""
    return ctx.text.count("\n", 0, offset) + 1


def quoted(ctx, start: int, end: int) -> str:
    """The printed text of a phrase on one line, for a message."""
    return repr(" ".join(ctx.text[start:end].split()))

