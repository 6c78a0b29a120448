"""Structure: the title printed twice.

A copy-paste slip repeats the title: once more as a line of the body, or
twice on its own line. Web residue that repeats the title (a breadcrumb
ending in it, a photo caption) is not content and is not counted; nor is
the title printed again between the date line and the lead, where MOFA
pages (which print no translation marker) put the caption of their photo.
"""

from __future__ import annotations

from .base import Finding, Rule, register
from .structure_header import broken_date, markers

_SHORTEST = 20  # characters: a short title ("G7") may well recur as a heading
_SLACK = 12  # characters of spacing a repeat may differ by


def _key(text: str) -> str:
    """The text with its spacing normalised, for a caseless compare.

    ``str.split`` takes the same whitespace as ``\\s``: runs of it become one space, none at either
    end, as ``re.sub(r"\\s+", " ", text).strip()`` gives, without a regex run.
    """
    return " ".join(text.split()).casefold()


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
        size, title_start = len(title.text), title.span.start
        shortest, longest = size - _SLACK, size + _SLACK
        caption_zone = None  # where MOFA pages print the title again, worked out at the first repeat
        # Length first: a C-speed test that leaves almost no block for the normalising compare.
        for block in [b for b in ctx.prose_blocks if shortest <= len(b.text) <= longest]:
            if block.start <= title_start or block.kind == "footnote" or _key(block.text) != key:
                continue
            if caption_zone is None:
                caption_zone = _caption_zone(ctx)
            low, high = caption_zone
            if low < block.start <= high:
                continue  # MOFA pages (no marker) print the title again under the date line: a photo's caption
            yield Finding(block.start, block.end, f"title repeated: {block.text!r}")
            return


def _caption_zone(ctx) -> tuple[float, float]:
    """Offsets (after, up to) where a repeat is a photo's caption: below the date line, up to the lead.

    Only on pages without a translation marker (MOFA's), and only when a date line, or a misspelt
    one (ST002's, which stands where the date line does), is there; else an empty range.
    """
    date, lead = ctx.doc.date_line, ctx.doc.lead
    if markers(ctx):
        return (0, -1)
    broken = None if date else broken_date(ctx)
    date_start = date.span.start if date else broken.start if broken else None
    if date_start is None:
        return (0, -1)
    return (date_start, lead.span.start if lead is not None else float("inf"))
