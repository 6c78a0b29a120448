"""Structure: the title printed twice.

A copy-paste slip repeats the title: once more as a line of the body, or
twice on its own line. Web residue that repeats the title (a breadcrumb
ending in it, a photo caption) is not content and is not counted; nor is
the title printed again between the date line and the lead, where MOFA
pages (which print no translation marker) put the caption of their photo.
"""

from __future__ import annotations

from .. import regex
from .base import Finding, Rule, register
from .structure_header import broken_date, markers

_SPACES = regex.compile(r"\s+")
_SHORTEST = 20  # characters: a short title ("G7") may well recur as a heading
_SLACK = 12  # characters of spacing a repeat may differ by


def _key(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


@register
class TitleRepeated(Rule):
    """The title is printed twice: as another line of the document, or doubled on its own line."""

    code = "ST009"
    name = "title-repeated"
    summary = "the title is repeated"
    bad = ("Japan-Canada Summit Meeting\n\nJune 14, 2024\n[Provisional translation]\nJapan-Canada Summit Meeting\n"
           "On June 14, Prime Minister Kishida held a meeting with the Prime Minister of Canada.\n")
    good = ("Japan-Canada Summit Meeting\n\nJune 14, 2024\n[Provisional translation]\n"
            "On June 14, Prime Minister Kishida held a meeting with the Prime Minister of Canada.\n")

    def check(self, ctx):
        title = ctx.doc.title
        if title is None:
            return
        key = _key(title.text)
        if len(key) < _SHORTEST:
            return
        half = len(key) // 2
        if len(key) % 2 == 1 and key[half] == " " and key[:half] == key[half + 1:]:
            yield Finding(title.span.start, title.span.end, f"title doubled on its line: {title.text!r}")
            return
        date, lead, marked = ctx.doc.date_line, ctx.doc.lead, bool(markers(ctx))
        # A misspelt date line (ST002's) still stands where the date line does.
        broken = None if date else broken_date(ctx)
        date_start = date.span.start if date else broken.start if broken else None
        size = len(title.text)
        for block in ctx.prose_blocks:
            # Length first: a C-speed test that leaves almost no block for the normalising compare.
            if abs(len(block.text) - size) > _SLACK or block.start <= title.span.start or block.kind == "footnote":
                continue
            if _key(block.text) != key:
                continue
            if not marked and date_start is not None and date_start < block.start \
                    and (lead is None or block.start <= lead.span.start):
                continue  # MOFA pages (no marker) print the title again under the date line: a photo's caption
            yield Finding(block.start, block.end, f"title repeated: {block.text!r}")
            return
