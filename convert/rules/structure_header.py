"""Structure of the header: date line and translation marker.

A readout's header is its title, a date line (``January 31, 2023``) and, on
the Prime Minister's Office site, a translation marker
(``[Provisional translation]``). The parser finds them in the first lines,
in whatever order they come; these rules report what it could not find, or
found in a form that is not the house one.
"""

from __future__ import annotations

import re

from ..parse.patterns import MONTHS
from ..problem import replace
from .base import Finding, Rule, register

HOUSE_MARKER = "[Provisional translation]"
# A line that looks like a date but that the date-line pattern refused:
# "Janaury 31, 2023", "July 11 ,2024", "31st July 2024", "2024/07/11".
_DATE_LIKE = re.compile(
    r"^(?:Date:\s*)?(?:[A-Z][a-z]+day,?\s+)?"
    r"(?:[A-Z][a-z]{2,10}\.?\s*\d{1,2}(?:st|nd|rd|th)?\s*[,.]?\s*\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,10}\.?,?\s+\d{4}"
    r"|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}/\d{1,2}/\d{4})\s*(?:\(.{0,20}\))?$"
)
# A full date anywhere in a line: press conferences carry theirs in the title.
_DATE_IN_LINE = re.compile(
    r"\b(?:(?:" + "|".join(MONTHS) + r")\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:" + "|".join(MONTHS) + r"),?\s+\d{4})\b"
)
# The bracketed marker in any casing or bracket: "[Provisional Translation]", "(Provisional translation)".
_BRACKET_MARKER = re.compile(r"^[\[(]\s*provisional\s+translation\s*[\])]", re.IGNORECASE)
_HEADER_BLOCKS = 8  # blocks looked at for a header line


def header_blocks(ctx):
    """The first blocks, up to the lead or the first numbered block: where header lines live."""
    found = []
    for block in ctx.blocks[:_HEADER_BLOCKS]:
        if block.kind == "lead" or block.number:
            break
        found.append(block)
    return found


def broken_date(ctx):
    """The block that should have been the date line but is no date: a misspelt month, a bad calendar day."""
    doc = ctx.doc
    if doc.date_line is not None:
        return None
    for block in header_blocks(ctx):
        if block.kind in ("title", "heading", "paragraph") and _DATE_LIKE.match(block.text):
            return block
    return None


def markers(ctx):
    """Every translation marker: the header's, and notes the parser met later in the body."""
    return [b for b in ctx.blocks if b.kind == "translation" or b.residue == "translation-note"]


@register
class MissingDateLine(Rule):
    """The readout has no date line.

    A readout states its date on a line of its own under the title
    (``January 31, 2023``). Without it the document cannot be dated: the
    lead's ``On January 31`` has no year. Press conferences that carry
    their full date in the title are not reported.
    """

    code = "ST001"
    name = "missing-date-line"
    summary = "no date line under the title"
    bad = "Japan-India Summit Meeting\n[Provisional translation]\nOn May 24, Prime Minister Kishida met Prime Minister Modi.\n"
    good = "Japan-India Summit Meeting\nMay 24, 2022\n[Provisional translation]\nOn May 24, Prime Minister Kishida met Prime Minister Modi.\n"

    def check(self, ctx):
        doc = ctx.doc
        if doc.date_line is not None or broken_date(ctx) is not None:
            return
        head = header_blocks(ctx)
        # Press conferences and magazines carry the date in the title or the breadcrumb instead.
        if not ctx.blocks or any(_DATE_IN_LINE.search(b.text) for b in head if b.kind in ("title", "residue")
                                 or b.form == "subheading"):
            return
        where = doc.title.span if doc.title else None
        start = where.start if where else ctx.blocks[0].start
        end = where.end if where else ctx.blocks[0].end
        yield Finding(start, end, "no date line (such as 'January 31, 2023') under the title")


@register
class UnparseableDateLine(Rule):
    """The date line is not a date the calendar knows, or not in a form a reader can parse.

    ``Janaury 31, 2023`` (a misspelt month), ``February 30, 2023`` (no such
    day), ``2023/01/31`` (not the house form): write the month in full, the
    day, a comma and the year.
    """

    code = "ST002"
    name = "unparseable-date-line"
    summary = "the date line is not a valid date in the house form"
    bad = "Japan-India Summit Meeting\nMay 32, 2022\n[Provisional translation]\nOn May 24, the two leaders met.\n"
    good = "Japan-India Summit Meeting\nMay 24, 2022\n[Provisional translation]\nOn May 24, the two leaders met.\n"

    def check(self, ctx):
        line = ctx.doc.date_line
        if line is not None and line.value is None:
            yield Finding(line.span.start, line.span.end, f"date line {line.text!r} is no calendar date")
            return
        block = broken_date(ctx)
        if block is not None:
            yield Finding(block.start, block.end, f"date line {block.text!r} is not a date in the form 'January 31, 2023'")


@register
class MissingTranslationMarker(Rule):
    """The readout has no translation marker.

    The Prime Minister's Office marks its English readouts as provisional
    translations with a line ``[Provisional translation]`` under the date
    line. The Ministry of Foreign Affairs does not, so this rule is only
    ``info`` by default; a house that always marks its translations raises
    it with ``severity = {ST003 = "warning"}``.
    """

    code = "ST003"
    name = "missing-translation-marker"
    severity = "info"
    summary = "no translation marker such as [Provisional translation]"
    bad = "Japan-India Summit Meeting\nMay 24, 2022\nOn May 24, Prime Minister Kishida met Prime Minister Modi.\n"
    good = ("Japan-India Summit Meeting\nMay 24, 2022\n[Provisional translation]\n"
            "On May 24, Prime Minister Kishida met Prime Minister Modi.\n")

    def check(self, ctx):
        doc = ctx.doc
        if markers(ctx) or (doc.lead is None and doc.date_line is None):
            return  # pages with neither lead nor date line are press conferences, magazines: no marker by custom
        anchor = doc.date_line.span if doc.date_line else doc.title.span if doc.title else doc.lead.span
        marker = ctx.setting("translation_marker", HOUSE_MARKER) or HOUSE_MARKER
        yield Finding(anchor.start, anchor.end, f"no translation marker ('{marker}') after the date line")


@register
class TranslationMarkerForm(Rule):
    """The translation marker is not in the house form.

    The house form is ``[Provisional translation]``: square brackets, only
    the first word capitalised. Set another with ``translation-marker`` in
    the configuration. Long notes such as ``This is a provisional
    translation by an external company`` are another convention and are
    not reported.
    """

    code = "ST004"
    name = "translation-marker-form"
    summary = "translation marker not in the house form [Provisional translation]"
    bad = "Japan-India Summit Meeting\nMay 24, 2022\n[Provisional Translation]\nOn May 24, the two leaders met.\n"
    good = "Japan-India Summit Meeting\nMay 24, 2022\n[Provisional translation]\nOn May 24, the two leaders met.\n"
    fixed = good

    def check(self, ctx):
        house = ctx.setting("translation_marker", HOUSE_MARKER) or HOUSE_MARKER
        for block in markers(ctx):
            match = _BRACKET_MARKER.match(block.text)
            if match is None or match.group() == house:
                continue
            start, end = block.start, block.start + match.end()
            yield Finding(start, end, f"translation marker {match.group()!r} is not in the house form {house!r}",
                          replace(start, end, house))
