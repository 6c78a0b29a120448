"""Structure of the header: date line and translation marker.

A readout's header is its title, a date line (``January 31, 2023``) and, on
the Prime Minister's Office site, a translation marker
(``[Provisional translation]``). The parser finds them in the first lines,
in whatever order they come; these rules report what it could not find, or
found in a form that is not the house one.
"""

from __future__ import annotations

import re

from .. import regex
from ..parse.patterns import MONTHS, TRANSLATION
from ..problem import Edit, Fix, replace
from ..words import recase
from .base import Finding, Rule, register
from .spelling_suggest import edit_distance

HOUSE_MARKER = "[Provisional translation]"
# A line that looks like a date but that the date-line pattern refused:
# "Janaury 31, 2023", "July 11 ,2024", "31st July 2024", "2024/07/11".
_DATE_LIKE = regex.compile(
    r"^(?:Date:\s*)?(?:[A-Z][a-z]+day,?\s+)?"
    r"(?:[A-Z][a-z]{2,10}\.?\s*\d{1,2}(?:st|nd|rd|th)?\s*[,.]?\s*\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,10}\.?,?\s+\d{4}"
    r"|\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}/\d{1,2}/\d{4})\s*(?:\(.{0,20}\))?$"
)
# A full date anywhere in a line: press conferences carry theirs in the title.
_DATE_IN_LINE = regex.compile(
    r"\b(?:(?:" + "|".join(MONTHS) + r")\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:" + "|".join(MONTHS) + r"),?\s+\d{4})\b"
)
# The bracketed marker in any casing or bracket: "[Provisional Translation]", "(Provisional translation)".
_BRACKET_MARKER = regex.compile(r"^[\[(]\s*provisional\s+translation\s*[\])]", re.IGNORECASE)
_HEADER_BLOCKS = 8  # blocks looked at for a header line
# Two words in brackets at the start of a block: a marker, perhaps misspelt ("[Provisonal translation]").
_TWO_WORDS_BRACKETED = regex.compile(r"[\[(]\s*([A-Za-z]+)\s+([A-Za-z]+)\s*[\])]")
_MARKER_WORDS = ("provisional", "translation")
_TYPO_DISTANCE = 2  # edits per word, at most
# The Ministry's long note, however it opens: "(*This is a provisional translation. ...)",
# "(* The foregoing is a provisional translation ...)"; a note cut short keeps its opener.
_NOTE_OPENERS = ("this is a provisional translation", "the foregoing is a provisional translation")
_NOTE_CUT_MIN = 12  # characters of an opener a cut note must keep ("The foregoing i")
_BULLETS = " \t•・●◆■□○◎▪-"


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
    return _scan(ctx)[0]


def marker_typos(ctx) -> list[tuple[int, int, str, tuple[Edit, ...]]]:
    """Misspelt translation markers: (start, end, printed marker, edits that correct its words)."""
    return _scan(ctx)[1]


def _scan(ctx) -> tuple[list, list]:
    """(markers, marker typos): one walk over the blocks for both, which every document asks for."""
    return ctx.shared("st-markers", _markers_and_typos)


def _markers_and_typos(ctx) -> tuple[list, list]:
    found, typos = [], []
    for block in ctx.blocks:
        kind, text = block.kind, block.text
        if kind == "translation" or block.residue == "translation-note":
            found.append(block)
        # Length first: most blocks are sentences, longer than any marker.
        if len(text) <= 60 and text[:1] in "[(" and kind != "date":
            typo = _marker_typo(block)
            if typo is not None:
                typos.append(typo)
    return found, typos


def _marker_typo(block):
    """(start, end, printed marker, edits) for a block that opens with a misspelt marker, or None."""
    m = _TWO_WORDS_BRACKETED.match(block.text)
    if m is None:
        return None
    edits = []
    for i, right in enumerate(_MARKER_WORDS, 1):
        word = m.group(i)
        lower = word.lower()
        if lower == right:
            continue
        if edit_distance(lower, right, _TYPO_DISTANCE + 1) > _TYPO_DISTANCE:
            return None
        edits.append(Edit(block.start + m.start(i), block.start + m.end(i), recase(word, right)))
    if not edits:
        return None
    return block.start, block.start + m.end(), m.group(), tuple(edits)


def is_translation_note(text: str) -> bool:
    """A provisional-translation note in any block: after a bullet and the ``(*`` opener, possibly cut short.

    ``• (*This is a provisional translation. The above date denotes ...)``,
    ``(* The foregoing is a provisional translation ...)``, and a note the
    page cut off, ``• (*The foregoing i``, which keeps its ``(*`` opener.
    """
    rest = text.lstrip(_BULLETS)
    if TRANSLATION.match(rest):
        return True
    if not rest.startswith(("(*", "(※", "( *")):
        return False
    cut = rest[1:].lstrip(" *※").rstrip().lower()
    return len(cut) >= _NOTE_CUT_MIN and any(opener.startswith(cut) for opener in _NOTE_OPENERS)


def notes(ctx) -> list:
    """Blocks anywhere (list items, footer lines) that hold a provisional-translation note."""
    return ctx.shared("st-notes", _notes)


def _notes(ctx) -> list:
    found = []
    whole = ctx.text
    # A block's text is printed in the text: what the text lacks, no block holds. (Tests of one
    # character are the fast ones: "(*" would be looked for at every bracket.)
    openers = "*" in whole or "※" in whole
    if not openers and "rovisional" not in whole:
        return found
    for block in ctx.blocks:
        if block.kind in ("title", "date", "translation"):
            continue
        head = block.text[:60]
        if ("rovisional" in head or openers and ("(*" in head[:6] or "(※" in head[:6])) \
                and is_translation_note(block.text):
            found.append(block)
    return found


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

    The Ministry's long note counts as a marker wherever it stands, also as
    a bulleted footer item and when the page cut it short: ``• (*This is a
    provisional translation. The above date denotes ...)``, ``• (*The
    foregoing i``. So does a misspelt marker, which ST011 reports.
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
        if doc.lead is None and doc.date_line is None:
            return  # pages with neither lead nor date line are press conferences, magazines: no marker by custom
        if markers(ctx) or notes(ctx) or marker_typos(ctx):
            return
        anchor = doc.date_line.span if doc.date_line else doc.title.span if doc.title else doc.lead.span
        marker = ctx.setting("translation_marker", HOUSE_MARKER) or HOUSE_MARKER
        yield Finding(anchor.start, anchor.end, f"no translation marker ('{marker}') after the date line")


@register
class TranslationMarkerForm(Rule):
    """The translation marker differs from the house form in letter case or bracket type.

    The house form is ``[Provisional translation]``: square brackets, only
    the first word capitalised. Set another with ``translation-marker`` in
    the configuration. The Prime Minister's Office printed
    ``(Provisional Translation)`` in 2000-2004 and ``[Provisional
    Translation]`` in 2011-2021: the house form of an earlier period, not a
    slip, so this is ``info`` by default (the fix writes the house form).
    A misspelt marker (``[Provisonal translation]``) is ST011's, a
    ``warning``. Long notes such as ``This is a provisional translation by
    an external company`` are another convention and are not reported.
    """

    code = "ST004"
    name = "translation-marker-form"
    severity = "info"
    summary = "translation marker not in the house form [Provisional translation]"
    bad = "Japan-India Summit Meeting\nMay 24, 2022\n[Provisional Translation]\nOn May 24, the two leaders met.\n"
    good = "Japan-India Summit Meeting\nMay 24, 2022\n[Provisional translation]\nOn May 24, the two leaders met.\n"
    fixed = good

    def check(self, ctx):
        found = markers(ctx)
        if not found:
            return
        house = ctx.setting("translation_marker", HOUSE_MARKER) or HOUSE_MARKER
        for block in found:
            match = _BRACKET_MARKER.match(block.text)
            if match is None or match.group() == house:
                continue
            start, end = block.start, block.start + match.end()
            yield Finding(start, end, f"translation marker {match.group()!r} is not in the house form {house!r}",
                          replace(start, end, house))


@register
class TranslationMarkerTypo(Rule):
    """A word of the translation marker is misspelt.

    ``[Provisonal translation]``, ``[Provisional Transaltion]``: a bracketed
    pair of words each at most two edits from ``Provisional`` and
    ``translation``. Unlike a marker in another case or bracket (ST004,
    ``info``), this is a slip on every page that shows it. The suggested
    fix corrects the misspelt words and keeps the marker's case and
    brackets; it is unsafe, shown but not applied: corrected, the line
    becomes the document's marker, a change of structure ``--fix`` never
    makes. SP001 and SP002 leave these words to this rule while it is on.
    """

    code = "ST011"
    name = "translation-marker-typo"
    summary = "misspelt translation marker such as [Provisonal translation]"
    bad = "Japan-India Summit Meeting\nMay 24, 2022\n[Provisonal translation]\nOn May 24, the two leaders met.\n"
    good = "Japan-India Summit Meeting\nMay 24, 2022\n[Provisional translation]\nOn May 24, the two leaders met.\n"

    def check(self, ctx):
        for start, end, printed, edits in marker_typos(ctx):
            wrong = ", ".join(f"{ctx.text[e.start:e.end]!r} for {e.replacement!r}" for e in edits)
            yield Finding(start, end, f"translation marker {printed!r} is misspelt: {wrong}", Fix(edits, "unsafe"))
