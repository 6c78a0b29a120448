"""The defects tests/injection.py puts into real readouts, one kind per injector.

Each injector takes a document's text, its checking context and a seeded
random generator, and returns the text with one defect of its kind in it and
the offset of the defect, or None when the document offers no place for it
(no ``p.m.`` time to make impossible, no compound to write a second way).
Places are chosen in the body's own prose.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import NamedTuple

from convert.rules.context import Context, closes
from convert.rules.spelling_suggest import transpositions
from convert.rules.terms_agreement import _plural as plural
from convert.rules.typography_quotes import apostrophes
from convert.words import dictionary_names, is_known, misspellings, people

Injected = tuple[str, int]  # the new text, and the offset of the defect in it
BODY = ("paragraph", "item")


class Injector(NamedTuple):
    name: str
    code: str  # the rule that must report it ("SP003/SP002": either)
    inject: Callable[[str, Context, random.Random], Injected | None]
    whole_document: bool = False  # reported on no particular line
    complete_only: bool = False  # tried only on texts that are not cut short, where the rule steps aside


def _body_matches(ctx: Context, pattern: str, kinds: tuple[str, ...] = BODY) -> list[tuple[int, re.Match]]:
    """(absolute offset, match) of ``pattern`` in the blocks of ``kinds``: the body's paragraphs and items."""
    return [(block.start + m.start(), m) for block in ctx.blocks if block.kind in kinds
            for m in re.finditer(pattern, block.text)]


def _group_span(at: int, m: re.Match, group: int) -> tuple[int, int]:
    """Absolute offsets of ``group`` of ``m``, a match found at offset ``at`` (as :func:`_body_matches` gives)."""
    shift = at - m.start()
    return shift + m.start(group), shift + m.end(group)


def _last_of_repeated(ctx: Context, pattern: str, rng: random.Random, keep=lambda form: True):
    """The offset and text of the last place of a form of ``pattern`` that the body writes twice or more
    (one chosen among those ``keep`` takes), or None."""
    places: dict[str, list[int]] = {}
    for at, m in _body_matches(ctx, pattern):
        places.setdefault(m.group(), []).append(at)
    forms = sorted(f for f, found in places.items() if len(found) >= 2 and keep(f))
    if not forms:
        return None
    form = rng.choice(forms)
    return places[form][-1], form


def _choose(rng: random.Random, found: list):
    return rng.choice(found) if found else None


def _replace(text: str, at: int, old: str, new: str) -> str:
    assert text[at:at + len(old)] == old, (text[at:at + len(old)], old)
    return _splice(text, at, at + len(old), new)


def _splice(text: str, at: int, end: int, new: str) -> str:
    return text[:at] + new + text[end:]


def _rewriter(pattern: str, new: str, group: int = 0):
    """An injector that writes ``group`` of one chosen match of ``pattern`` in the body as ``new``."""
    def inject(text, ctx, rng):
        found = _choose(rng, _body_matches(ctx, pattern))
        if found is None:
            return None
        at, m = found
        return _splice(text, *_group_span(at, m, group), new), at
    return inject


def _swap_inner(word: str, rng: random.Random) -> str | None:
    """Two neighbouring inner letters swapped, when that makes no known word: "goverment" style slips."""
    typos = [t + word[-1] for t in transpositions(word[:-1], 1)]
    rng.shuffle(typos)
    return next((t for t in typos if not is_known(t.lower())), None)


# --- spelling ------------------------------------------------------------------------------------

def body_typo(text, ctx, rng):
    words = [(at, m) for at, m in _body_matches(ctx, r"(?<![\w'’-])[a-z]{7,}(?![\w'’-])")
             if is_known(m.group())]
    if not words:
        return None
    at, m = rng.choice(words)
    typo = _swap_inner(m.group(), rng)
    return None if typo is None else (_replace(text, at, m.group(), typo), at)


def title_typo(text, ctx, rng):
    title = _line_of(ctx, "title")
    if title is None:
        return None
    words = [m for m in re.finditer(r"(?<![\w'’-])[A-Za-z][a-z]{5,}(?![\w'’-])", title.text) if _english(m.group())]
    if not words:
        return None
    m = rng.choice(words)
    typo = _swap_inner(m.group(), rng)
    at = title.start + m.start()
    return None if typo is None else (_replace(text, at, m.group(), typo), at)


def _english(word: str) -> bool:
    """A word of the English lists, not a name: "Meeting", not "Kishida"."""
    lower = word.lower()
    return is_known(lower) and lower not in people() and lower not in dictionary_names()


def known_misspelling(text, ctx, rng):
    right_to_wrong: dict[str, str] = {}
    for wrong, rights in sorted(misspellings().items()):
        if len(rights) == 1 and " " not in rights[0]:
            right_to_wrong.setdefault(rights[0], wrong)
    words = [(at, m) for at, m in _body_matches(ctx, r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
             if m.group() in right_to_wrong]
    found = _choose(rng, words)
    if found is None:
        return None
    at, m = found
    return _replace(text, at, m.group(), right_to_wrong[m.group()]), at


def name_two_ways(text, ctx, rng):
    """A capitalised word the lists do not know (a name), written twice or more, slipped in its last place."""
    found = _last_of_repeated(ctx, r"(?<![\w'’-])[A-Z][a-z]{5,}(?![\w'’-])", rng, keep=lambda w: not _english(w))
    if found is None:
        return None
    at, name = found
    typo = _swap_inner(name, rng)
    return None if typo is None else (_replace(text, at, name, typo), at)


run_together = _rewriter(r"(?<![\w'’-])[a-z]{5,}( )(?:and|the|of|with)(?= [a-z])", "", group=1)


def ordinal_suffix(text, ctx, rng):
    """An ordinal given a suffix its number does not take: "98nd", "21th", "3st"."""
    found = _choose(rng, _body_matches(ctx, r"(?<![\d,.])\d+(st|nd|rd|th)\b"))
    if found is None:
        return None
    at, m = found
    wrong = rng.choice([s for s in ("st", "nd", "rd", "th") if s != m.group(1)])
    return _splice(text, *_group_span(at, m, 1), wrong), at


# --- footnotes -----------------------------------------------------------------------------------

def undefined_marker(text, ctx, rng):
    if "(*" in text:
        return None  # a document with notes of its own: marker 9 might be defined
    found = _choose(rng, _body_matches(ctx, r"(?<=[a-z])(?= [a-z])"))
    if found is None:
        return None
    at, _ = found
    return text[:at] + "(*9)" + text[at:], at


def _notes_go_at(text: str, ctx: Context) -> int | None:
    """Where footnote definitions can be added: after the body's last paragraph, when it closes and
    the document has no notes of its own (None otherwise)."""
    if "(*" in text:
        return None
    last = max((b for b in ctx.blocks if b.kind in BODY), key=lambda b: b.end, default=None)
    return last.end if last is not None and closes(last.text) else None


def unreferenced_definition(text, ctx, rng):
    at = _notes_go_at(text, ctx)
    if at is None:
        return None
    note = "\n(*1) IAEA: International Atomic Energy Agency"
    return text[:at] + note + text[at:], at + 1


def _two_acronyms(text: str, ctx: Context):
    """Offsets just after the first two different acronyms of the body ("NATO", "(AZEC)"), with them; None if fewer.

    Only where definitions can be added (:func:`_notes_go_at`); with the offset for them."""
    end = _notes_go_at(text, ctx)
    if end is None:
        return None
    seen: dict[str, int] = {}
    for at, m in _body_matches(ctx, r"(?<![\w(-])\(?([A-Z][A-Z0-9]{2,7})\)?(?![\w(-])"):
        seen.setdefault(m.group(1), at + len(m.group()))
    if len(seen) < 2:
        return None
    (first, a), (second, b) = list(seen.items())[:2]
    return (a, first), (b, second), end


def _noted(text: str, found, numbers: tuple[int, int], defined: tuple[int, int], at_second: bool) -> Injected:
    """Markers ``numbers`` after the two acronyms, definitions of the acronyms ``defined`` (indices), and
    the offset of the first marker, or (``at_second``) of the second."""
    (a, first), (b, second), end = found
    terms = (first, second)
    notes = "".join(f"\n(*{n}) {terms[i]}: an explanation of {terms[i]}" for n, i in zip((1, 2), defined))
    text = text[:end] + notes + text[end:]
    text = text[:b] + f"(*{numbers[1]})" + text[b:]
    marker = f"(*{numbers[0]})"
    return text[:a] + marker + text[a:], b + len(marker) if at_second else a


def swapped_markers(text, ctx, rng):
    """Two notes whose markers were swapped: "(AZEC)(*1) ... (NATO)(*2)", "(*1) NATO: ..." "(*2) AZEC: ..."."""
    found = _two_acronyms(text, ctx)
    return None if found is None else _noted(text, found, (1, 2), (1, 0), at_second=False)


def markers_out_of_order(text, ctx, rng):
    """Two notes numbered against their order in the text: "(AZEC)(*2) ... (NATO)(*1)", reported at "(*1)"."""
    found = _two_acronyms(text, ctx)
    return None if found is None else _noted(text, found, (2, 1), (1, 0), at_second=True)


# --- time --------------------------------------------------------------------------------------

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A document already printing another notation than "6:20 p.m.": no place for a mixed one.
_OTHER_NOTATION = re.compile(r"\d (?:am|pm|AM|PM)\b|\d{2}:\d{2}(?! [ap]\.m\.)")


def _hour_on(meridiem: str):
    """An injector that writes a time before ``meridiem`` with its hour twelve on: "7:05 p.m." -> "19:05 p.m."."""
    pattern = rf"(?<![\d:])([1-9]|1[01]):[0-5]\d (?={re.escape(meridiem)})"

    def inject(text, ctx, rng):
        found = _choose(rng, _body_matches(ctx, pattern) + _body_matches(ctx, pattern, ("lead",)))
        if found is None:
            return None
        at, m = found
        return _replace(text, at, m.group(1), str(int(m.group(1)) + 12)), at
    return inject


impossible_time = _hour_on("p.m.")
impossible_morning = _hour_on("a.m.")


def overlapping_events(text, ctx, rng):
    """The lead's first event made to last until after the next one starts: "for approximately 95 minutes"."""
    lead = ctx.doc.lead
    events = [e for e in (lead.events if lead else ()) if e.start and e.date]
    if len(events) < 2 or not events[0].duration_text or events[0].date != events[1].date:
        return None
    first, second = events[0], events[1]
    gap = _minutes(second.start) - _minutes(first.start)
    m = re.search(r"\d+(?= minutes)", first.duration_text)
    if gap <= 0 or m is None:
        return None
    at = lead.span.start + first.extent.start  # where the event's words begin in the lead's text
    found = text.find(first.duration_text, at)
    if found < 0:
        return None
    number = found + m.start()
    return _splice(text, number, number + len(m.group()), str(gap + 30)), number


def _minutes(iso: str) -> int:
    """Minutes since midnight of an ISO date-time's clock time: "2023-01-31T18:20+09:00" -> 1100."""
    clock = iso.split("T", 1)[1]
    return int(clock[:2]) * 60 + int(clock[3:5])


def japan_date_rolled(text, ctx, rng):
    """The Japan date of a local/Japan pair moved a day, the clock times left as they were."""
    found = [m for m in re.finditer(rf"\d{{1,2}}:\d\d[^()\n]{{0,20}}\([^()\n]{{0,30}}?\b(?:{_MONTHS}) (\d{{1,2}})\b"
                                    r"[^()\n]{0,30}?(?:Japan [Tt]ime|JST)", text)]
    found = [m for m in found if 1 < int(m.group(1)) < 28]
    if not found:
        return None
    m = rng.choice(found)
    day = int(m.group(1)) + rng.choice((-1, 1))
    return _splice(text, m.start(1), m.end(1), str(day)), m.start(1)


def twenty_four_hour(text, ctx, rng):
    """One "6:20 p.m." of a document that writes a.m./p.m. throughout written "18:20"."""
    times = [m for m in re.finditer(r"(?<![\d:])(\d{1,2}):(\d\d) p\.m\.", text) if m.group(1) != "12"]
    if len(times) < 2 or _OTHER_NOTATION.search(text):
        return None
    m = rng.choice(times)
    return _splice(text, m.start(), m.end(), f"{int(m.group(1)) + 12}:{m.group(2)}"), m.start()


def mixed_notation(text, ctx, rng):
    """One "6:20 p.m." of a document that writes a.m./p.m. throughout written "6:20 pm"."""
    times = [m for m in re.finditer(r"(?<![\d:])\d{1,2}:\d\d (a\.m\.|p\.m\.)", text)]
    if len(times) < 2 or _OTHER_NOTATION.search(text):
        return None
    m = rng.choice(times)
    at = m.start(1)
    return _replace(text, at, m.group(1), m.group(1).replace(".", "")), m.start()


def local_japan_offset(text, ctx, rng):
    """The Japan time of a local/Japan pair moved by seven minutes: no time zone is that far off."""
    found = [m for m in re.finditer(r"\d{1,2}:\d\d[^()\n]{0,20}\([^()\n]{0,40}?\d{1,2}:(\d\d)[^()\n]{0,30}?"
                                    r"(?:Japan [Tt]ime|JST)", text)]
    if not found:
        return None
    m = rng.choice(found)
    minutes = int(m.group(1))
    moved = f"{(minutes + 7) % 60:02d}" if minutes + 7 < 60 else f"{minutes - 7:02d}"
    return text[:m.start(1)] + moved + text[m.end(1):], m.start(1)


def lead_date(text, ctx, rng):
    """The lead's day moved on by one: a meeting held after the readout was published."""
    date = _line_of(ctx, "date")
    lead = _line_of(ctx, "lead")
    if date is None or lead is None:
        return None
    m = re.search(rf"\b(?:{_MONTHS}) (\d{{1,2}})\b", lead.text)
    if m is None or m.group(0) not in date.text:
        return None
    at = lead.start + m.start(1)
    day = int(m.group(1))
    if day >= 28:
        return None  # a readout may come out weeks after the meeting: only a later lead date is wrong
    return _replace(text, at, m.group(1), str(day + 1)), at


# --- typography ----------------------------------------------------------------------------------

def mixed_apostrophes(text, ctx, rng):
    """One apostrophe of a document that uses three or more of one kind, made the other kind."""
    prose = ctx.prose
    found = apostrophes(prose)
    kinds = {prose[at] for at in found}
    body = [at for at, _ in _body_matches(ctx, r"(?<=[a-z])['’](?=s\b)")]
    if len(found) < 3 or len(kinds) != 1 or not body:
        return None
    at = rng.choice(body)
    return _replace(text, at, text[at], "'" if text[at] == "’" else "’"), at


def no_closing_punctuation(text, ctx, rng):
    body = [b for b in ctx.blocks if b.kind == "paragraph" and b.text.endswith(".") and len(b.text) > 60
            and b.form == "text"]
    if len(body) < 2:
        return None
    block = rng.choice(body[:-1])  # not the last: a text that stops there reads as cut short
    at = block.end - 1
    return text[:at] + text[at + 1:], at - 1


space_inside_brackets = _rewriter(r"\((?=[A-Za-z]{2})", "( ")
missing_space_after_stop = _rewriter(r"(?<=[a-z]{3})\. (?=[A-Z][a-z])", ".")
space_before_comma = _rewriter(r"(?<=[a-z]{3}),(?= [a-z])", " ,")
unbalanced_bracket = _rewriter(r"\([A-Za-z][^()\n]{2,40}(\))", "", group=1)
double_space = _rewriter(r"(?<=[a-z]) (?=[a-z])", "  ")
missing_space_after_comma = _rewriter(r"(?<=[a-z]{3}), (?=[a-z]{3})", ",")
space_before_stop = _rewriter(r"(?<=[a-z]{3})\.(?= [A-Z][a-z])", " .")
space_after_hyphen = _rewriter(r"\b[A-Z][a-z]+(-)(?=[A-Z][a-z]{2,})", "- ", group=1)


def _quote_pairs(ctx: Context, opening: str, closing: str) -> list[tuple[int, re.Match]]:
    return _body_matches(ctx, rf"{opening}[A-Za-z][^\n\"“”]{{1,80}}?[A-Za-z.,]({closing})")


def unpaired_quote(text, ctx, rng):
    """The closing mark of a quotation taken away."""
    found = _choose(rng, _quote_pairs(ctx, '"', '"') + _quote_pairs(ctx, "“", "”"))
    if found is None:
        return None
    at, m = found
    return _splice(text, *_group_span(at, m, 1), ""), at


def mixed_quotes(text, ctx, rng):
    """One pair of a document's curly double quotes made straight, when it has three pairs or more."""
    pairs = _quote_pairs(ctx, "“", "”")
    if len(pairs) < 3 or '"' in ctx.prose:
        return None
    at, m = rng.choice(pairs)
    return _splice(_splice(text, *_group_span(at, m, 1), '"'), at, at + 1, '"'), at


# --- terminology -------------------------------------------------------------------------------

def _not_re(form: str) -> bool:
    return not form.startswith("re-")  # "re-sign" closed up is another word


def compound_closed_up(text, ctx, rng):
    """The last of two or more "co-operation"s written "cooperation"."""
    found = _last_of_repeated(ctx, r"(?<![\w-])[a-z]{2,}-[a-z]{3,}(?![\w-])", rng, keep=_not_re)
    return None if found is None else (_replace(text, found[0], found[1], found[1].replace("-", "")), found[0])


def compound_spaced(text, ctx, rng):
    """The last of two or more "Indo-Pacific"s written "Indo Pacific"."""
    found = _last_of_repeated(ctx, r"(?<![\w-])[A-Z][a-z]{2,}-[A-Z][a-z]{3,}(?![\w-])", rng)
    return None if found is None else (_replace(text, found[0], found[1], found[1].replace("-", " ")), found[0])


def term_variant(text, ctx, rng):
    """The last of two or more "Indo-Pacific"s written "Indo-pacific"."""
    found = _last_of_repeated(ctx, r"\b[A-Z][a-z]+-[A-Z][a-z]{3,}\b", rng)
    if found is None:
        return None
    at, term = found
    head, tail = term.split("-", 1)
    return _replace(text, at, term, f"{head}-{tail.lower()}"), at


honorific_slip = _rewriter(r"\bMr\. (?=[A-Z])", "Ms. Mr. ")
article_slip = _rewriter(r"(?<![\w'’-])a (?=(?:[bcdfgjklmnpqrstvwz][a-z]{3,}))", "an ")
agreement_slip = _rewriter(
    r"\bthis (?=(?:meeting|visit|agreement|occasion|summit|year|issue|region|talk|point)\b)", "these ")


def plural_after_this(text, ctx, rng):
    """ "this meeting" made "this meetings", "each country" "each countries"."""
    found = _choose(rng, _body_matches(
        ctx, r"\b(?:this|each) (meeting|visit|agreement|occasion|summit|year|issue|region|point|country)(?=[ .,;])"))
    if found is None:
        return None
    at, m = found
    return _splice(text, *_group_span(at, m, 1), plural(m.group(1))), at


# --- structure -----------------------------------------------------------------------------------

def _line_of(ctx: Context, kind: str):
    return next((b for b in ctx.blocks if b.kind == kind), None)


def _dropper(kind: str):
    """An injector that removes the document's first line of ``kind``: its date line, its translation marker."""
    def inject(text, ctx, rng):
        line = _line_of(ctx, kind)
        return None if line is None else (_splice(text, line.start, line.end + 1, ""), line.start)
    return inject


missing_date_line = _dropper("date")
missing_marker = _dropper("translation")


def marker_form(text, ctx, rng):
    marker = _line_of(ctx, "translation")
    if marker is None or marker.text != "[Provisional translation]":
        return None
    return _replace(text, marker.start, marker.text, "(Provisional Translation)"), marker.start


def marker_typo(text, ctx, rng):
    """A letter of the translation marker's "Provisional" swapped with its neighbour."""
    marker = _line_of(ctx, "translation")
    if marker is None or "Provisional" not in marker.text:
        return None
    at = marker.start + marker.text.index("Provisional")
    return _replace(text, at, "Provisional", _swap_inner("Provisional", rng)), at


def date_line_impossible(text, ctx, rng):
    """The date line's day made one its month does not have: "April 31, 2024", "February 30, 2024"."""
    date = _line_of(ctx, "date")
    m = date and re.search(r"\b(April|June|September|November|February) (\d{1,2}),", date.text)
    if not m:
        return None
    day = "30" if m.group(1) == "February" else "31"
    return _splice(text, date.start + m.start(2), date.start + m.end(2), day), date.start


def date_line_month_misspelt(text, ctx, rng):
    """Two neighbouring letters of the date line's month swapped: "Feburary 3, 2024"."""
    date = _line_of(ctx, "date")
    m = date and re.search(rf"\b({_MONTHS})\b", date.text)
    if not m or len(m.group(1)) < 5:
        return None
    return _splice(text, date.start + m.start(1), date.start + m.end(1), _swap_inner(m.group(1), rng)), date.start


def numbering_run_in(text, ctx, rng):
    """A numbered paragraph's line break lost: "(2) ..." runs on after "(1) ...".."""
    joins = [m for m in re.finditer(r"(?<=[.!?])\n+(?=\((\d+)\) [A-Z])", text) if m.group(1) != "1"]
    if not joins:
        return None
    m = rng.choice(joins)
    return _splice(text, m.start(), m.end(), " "), m.start()


def title_repeated(text, ctx, rng):
    title = _line_of(ctx, "title")
    if title is None:
        return None
    at = title.end + 1
    return text[:at] + title.text + "\n" + text[at:], at


# How each kind of list prints its numbers: the pattern of one, its value, and a value printed.
_SHAPES = {
    "paragraph": (r"\(\d+\)", lambda n: int(n[1:-1]), lambda v: f"({v})"),
    "section": (r"\d+\.", lambda n: int(n[:-1]), lambda v: f"{v}."),
    "item": (r"\([a-z]\)", lambda n: ord(n[1]) - 96, lambda v: f"({chr(96 + v)})"),
}


def _lists(ctx: Context, kind: str) -> list[list]:
    """The document's lists of ``kind``: sections, each section's numbered paragraphs, each paragraph's items."""
    doc = ctx.doc
    if kind == "section":
        return [[s for s in doc.sections if s.number and s.span]]
    if kind == "paragraph":
        return [[p for p in s.paragraphs if p.number] for s in doc.sections]
    return [[i for i in p.items if i.number] for s in doc.sections for p in s.paragraphs]


def _last_of_a_list(text: str, ctx: Context, kind: str):
    """The offset and number of the last entry of the document's last list of ``kind`` numbered
    1, 2, 3... (two or more), with the shape's printer."""
    pattern, value, printed = _SHAPES[kind]
    found = None
    for entries in _lists(ctx, kind):
        entries = [e for e in entries if re.fullmatch(pattern, e.number)]
        if len(entries) >= 2 and [value(e.number) for e in entries] == list(range(1, len(entries) + 1)):
            found = entries[-1]
    if found is None:
        return None
    at = text.rfind(found.number, 0, found.span.start + len(found.number))  # the span may start at the number
    return None if at < 0 else (at, found.number, value(found.number), printed)


def _renumber(delta: int, kind: str = "paragraph"):
    """An injector that moves the number of the last entry of a list of ``kind`` on by ``delta``: a gap or a repeat."""
    def inject(text, ctx, rng):
        found = _last_of_a_list(text, ctx, kind)
        if found is None:
            return None
        at, number, value, printed = found
        return _replace(text, at, number, printed(value + delta)), at
    return inject


numbering_gap = _renumber(+1)
numbering_repeat = _renumber(-1)


def truncated(text, ctx, rng):
    body = [b for b in ctx.blocks if b.kind in BODY]
    if not body:
        return None
    last = body[-1]
    cut = [m.end() for m in re.finditer(r"\b(?:the|of|to|and) ", last.text)]
    if not cut or not last.text.rstrip().endswith("."):
        return None
    end = last.start + rng.choice(cut) - 1
    return text[:end] + text[last.end:], end - 1


INJECTORS = (
    Injector("body typo", "SP002", body_typo),
    Injector("title typo", "SP001", title_typo),
    Injector("known misspelling", "SP002", known_misspelling),
    Injector("run-together words", "SP004", run_together),
    Injector("name spelled two ways", "SP003/SP002", name_two_ways),
    Injector("ordinal suffix", "SP005", ordinal_suffix),
    Injector("marker without definition", "FN001", undefined_marker, complete_only=True),
    Injector("definition never referenced", "FN002", unreferenced_definition, complete_only=True),
    Injector("footnote markers swapped", "FN003", swapped_markers, complete_only=True),
    Injector("footnote markers out of order", "FN004", markers_out_of_order, complete_only=True),
    Injector("impossible time", "TM002", impossible_time),
    Injector("impossible morning time", "TM002", impossible_morning),
    Injector("Japan date rolled wrong", "TM003", japan_date_rolled),
    Injector("events overlapping", "TM005", overlapping_events),
    Injector("mixed time notation", "TM001", mixed_notation, whole_document=True),
    Injector("a 24-hour time among p.m.", "TM001", twenty_four_hour, whole_document=True),
    Injector("local and Japan time apart", "TM003/TM002", local_japan_offset),
    Injector("mixed apostrophes", "TY001", mixed_apostrophes),
    Injector("space inside brackets", "TY004", space_inside_brackets),
    Injector("missing space after full stop", "TY005", missing_space_after_stop),
    Injector("space before comma", "TY006", space_before_comma),
    Injector("unbalanced bracket", "TY007", unbalanced_bracket),
    Injector("no closing punctuation", "TY008", no_closing_punctuation),
    Injector("double space", "TY009", double_space),
    Injector("missing space after comma", "TY005", missing_space_after_comma),
    Injector("space before full stop", "TY006", space_before_stop),
    Injector("space after hyphen", "TY010", space_after_hyphen),
    Injector("unpaired quote", "TY003", unpaired_quote),
    Injector("mixed quotes", "TY002", mixed_quotes),
    Injector("term in two forms", "TR001/TR002", term_variant),
    Injector("compound closed up", "TR001", compound_closed_up),
    Injector("compound spaced", "TR001/TR002", compound_spaced),
    Injector("honorific slip", "TR003", honorific_slip),
    Injector("article slip", "TR004", article_slip),
    Injector("agreement slip", "TR005", agreement_slip),
    Injector("plural after 'this'", "TR005", plural_after_this),
    Injector("missing date line", "ST001", missing_date_line, whole_document=True),
    Injector("missing translation marker", "ST003", missing_marker, whole_document=True),
    Injector("marker not in house form", "ST004", marker_form),
    Injector("marker misspelt", "ST011/SP002", marker_typo),
    Injector("date line impossible", "ST002", date_line_impossible, whole_document=True),
    Injector("date line month misspelt", "ST002/ST001/SP002", date_line_month_misspelt, whole_document=True),
    Injector("numbering run in", "ST007", numbering_run_in),
    Injector("numbering gap", "ST005", numbering_gap),
    Injector("numbering repeat", "ST006", numbering_repeat),
    Injector("section numbering gap", "ST005", _renumber(+1, "section")),
    Injector("section numbering repeat", "ST006", _renumber(-1, "section")),
    Injector("item lettering gap", "ST005", _renumber(+1, "item")),
    Injector("item lettering repeat", "ST006", _renumber(-1, "item")),
    Injector("title repeated", "ST009", title_repeated),
    Injector("lead date off the date line", "ST008", lead_date),
    Injector("text cut mid-sentence", "ST010/TY008", truncated),
)
