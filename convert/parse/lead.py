"""The lead paragraph's facts: event date, events with start and duration, participants.

An event is named by a kind noun ("a working dinner", "held a summit
telephone talk", "met with"); the times and durations of a sentence go to the
kind they follow (those before the first kind go to it). Frames and mentions
("to attend the NATO Summit", "Following a joint press occasion", "The
overview of the meeting") name no event.

Start times get a UTC offset only when it can be derived: a Japan time is
printed beside the local time (offset = local - Japan + 09:00, and only if
that is a real offset), the time is marked as Japan time, or nothing says the
meeting was abroad (then it was held in Japan, or by telephone from Japan).
Everything seen but not derivable goes to ``Lead.unresolved``.

Speed matters (thousands of documents a second): regexes are compiled once
and only tried where a literal cue found by ``str.find`` stands.
"""

from __future__ import annotations

from .. import regex
from ..model import Event, Extent, Lead, Mark, Span
from ..record import Record, new_record
from .durations import Timing, event_date, find_dates, find_timings, in_bracket, iso_date, iso_duration, start_facts
from .timeexpr import find_local_japan_pairs, find_times

_SENTENCE_END = regex.compile(r"\.\s+(?=[A-Z(])")
_NO_BREAK_BEFORE = frozenset("Mr Ms Mrs Dr St Jr Sr Hon Rt No Gen Lt Col Prof vs Mt Sen".split())
# After "p.m." only these words start a new sentence ("7:10 p.m. The overview", not "9:35 p.m. JST").
_STARTERS_AFTER_TIME = regex.compile(
    r"(?:The|This|These|That|Those|It|He|She|They|We|In|On|At|After|Following|Both|A|An|Also|Then|During|Before"
    r"|Prior|Subsequently|Later|Commencing)\b")
# A sentence holding one of these (lowercased) introduces the body, not an event.
_OVERVIEW_CUES = ("overview", "summary", "outline", "as follows")
_HEADS = ("meeting", "talk", "conversation", "call", "conference", "dinner", "lunch", "breakfast", "banquet",
          "occasion", "session", "summit", "reception", "ceremony", "videoconference", "teleconference")
_HEAD_WORDS = frozenset(("meeting meetings talk talks conversation call conference dinner lunch luncheon breakfast "
                         "banquet occasion session sessions summit reception ceremony videoconference "
                         "teleconference").split())
# Heads that only name an event with a modifier: "courtesy call", "press occasion".
_NEEDS_MOD = frozenset(("call", "occasion", "conference"))
_ALPHA_RUN = regex.compile(r"[^\W\d_]*")
_GAP = regex.compile(r"[ \u00a0-]*")
_MODS = frozenset(("summit leaders' leaders foreign ministers' ministers working joint press video conference "
                   "telephone phone informal bilateral trilateral liaison dinner luncheon lunch breakfast official "
                   "plenary outreach courtesy tête-à-tête online virtual expanded small-group restricted "
                   "one-on-one summit-level videoconference").split())
_ARTICLES = frozenset("a an the this these that its their his her".split())
_DEFINITE = frozenset("the this these that".split())
# Words after which a kind names a frame or a reference, not an event of the lead.
_NOT_EVENT_AFTER = frozenset(("following after before besides including included include attend attending of in "
                              "at for during ahead prior regarding towards toward on through about from into via "
                              "than").split())
# Adjectives between the article and the kind: "the first-ever trilateral summit meeting".
_ADJECTIVES = frozenset("first second third first-ever annual historic new upcoming latest recent special".split())
_TAKE_PART = frozenset("participated engaged took".split())
_CONNECTORS = frozenset("and of & for".split())
_NOT_AFTER_HEAD = frozenset("room hall centre center building venue site".split())
_ABROAD_CUES = ("visit", "trip", "tour", "transit", "staying")
_ABROAD = regex.compile(
    r"(?:visit(?:ing|ed|s)?|trip|tour|transit|staying)(?:\s+(?:to|of|in|at))?\s+(?P<place>(?:the\s+)?[A-Z][\w.'’-]*)")
_JAPAN_PLACES = frozenset(("Japan Tokyo Hiroshima Osaka Kyoto Yokohama Nagoya Kobe Sapporo Fukuoka Okinawa Nagasaki "
                           "Sendai Hakone Ise-Shima Karuizawa Niigata Toyama Kanagawa Chiba Nara Hokkaido Kyushu "
                           "Akasaka Iikura").split())


class _Slot(Record):
    kind: str
    start: int
    end: int
    timings: list[Timing]  # filled in as the lead is read


def read_lead(text: str, span: Span, marks: tuple[Mark, ...], date: str | None, *,
              participants: bool = True) -> Lead:
    """The lead's facts; without ``participants`` the people are left out (a check that asks for dates
    and events only spares their patterns, the costliest to compile, and a quarter of the reading)."""
    unresolved: list[str] = []
    times = find_times(text)
    pairs = find_local_japan_pairs(text, times) if times and ("time" in text or "JST" in text or "Time" in text) else []
    dates = find_dates(text)
    if pairs:
        dates = [d for d in dates if not any(in_bracket(text, p, d.start) for p in pairs)]
    lead_date = iso_date(dates[0], date, unresolved) if dates else None
    timings = find_timings(text, times, pairs, dates)
    slots = _slots(text, timings)
    abroad = _abroad(text)
    events = tuple(_event(text, s, dates, lead_date, date, abroad, unresolved) for s in slots)
    people = ()
    if participants:
        from .people import find_participants

        people = find_participants(text)
    return new_record(Lead, (text, span, marks, lead_date, events, people, tuple(dict.fromkeys(unresolved))))


# --- Event kinds ------------------------------------------------------------

class _Kind(Record):
    kind: str
    start: int
    end: int
    definite: bool
    eligible: bool = True  # False: a frame or a mention ("to attend the NATO Summit", "after the meeting")


def _kinds(text: str) -> list[_Kind]:
    """Event nouns that introduce or name an event: "a working dinner", "the meeting"."""
    low = text.lower()
    if len(low) != len(text):
        return []  # lower() changed offsets (rare letters): derive no kinds rather than misplace them
    spans = []
    for head in _HEADS:
        i = low.find(head)
        while i != -1:
            j = _ALPHA_RUN.match(low, i + len(head)).end()
            if (i == 0 or not low[i - 1].isalpha()) and low[i:j] in _HEAD_WORDS and not _before_head(low, j):
                spans.append((i, j))
            i = low.find(head, j)
    found = [k for k in (_kind_at(text, i, j) for i, j in sorted(spans)) if k is not None]
    i = low.find("met with")
    while i != -1:  # "Prime Minister Kishida met with ...": a meeting
        if i == 0 or not low[i - 1].isalpha():
            found.append(_Kind("meeting", i, i + 8, False))
        i = low.find("met with", i + 8)
    found.sort(key=lambda k: k.start)
    return _coordinate(text, found)


def _coordinate(text: str, kinds: list[_Kind]) -> list[_Kind]:
    """"a joint press occasion and meeting": one event (no article before the second noun)."""
    merged: list[_Kind] = []
    for k in kinds:
        if merged and text[merged[-1].end:k.start] == " and ":
            prev = merged[-1]
            merged[-1] = _Kind(f"{prev.kind} and {k.kind}", prev.start, k.end, prev.definite, prev.eligible)
        else:
            merged.append(k)
    return merged


def _before_head(low: str, j: int) -> bool:
    """True when a head follows (after modifiers): "summit" in "summit telephone talk" is a modifier.

    Also true before "Room", "Hall": "Press Conference Room" is a place.
    """
    while True:
        k = _GAP.match(low, j).end()
        end = _ALPHA_RUN.match(low, k).end()
        word = low[k:end].replace("’", "'")
        if k == j or word in _HEAD_WORDS or word in _NOT_AFTER_HEAD:
            return k > j
        if word not in _MODS:
            return False
        j = end


def _kind_at(text: str, i: int, j: int) -> _Kind | None:
    words = text[max(0, i - 70):i].split()
    mods: list[str] = []
    opens_paren = i > 0 and text[i - 1] == "("
    while words and not opens_paren:
        mod = words[-1].lstrip("(").lower().replace("’", "'")
        if mod not in _MODS:
            break
        opens_paren = words.pop()[0] == "("
        mods.append(mod)
    head = text[i:j].lower()
    if head in _NEEDS_MOD and not mods:
        return None
    kind = " ".join([*reversed(mods), head])
    start = i - len(" ".join(mods)) - (1 if mods else 0)
    eligible, definite = _context(words)
    return new_record(_Kind, (kind, start, j, definite, eligible and not opens_paren))


def _proper(word: str) -> bool:
    """A name-like word inside a kind phrase: "Japan-India", "G7", "(IP4)", "“Dialogue"."""
    return (word[0].isupper() or word[0].isdigit() or word[0] in "(“\"") and word.lower() not in _ARTICLES


def _context(words: list[str]) -> tuple[bool, bool]:
    """(eligible, definite) from the words before the kind phrase."""
    skipped = 0
    while words and skipped < 9:
        word = words[-1]
        if _proper(word) or word in _ADJECTIVES or (word in _CONNECTORS and len(words) > 1 and _proper(words[-2])):
            words.pop()
            skipped += 1
        else:
            break
    definite = False
    if words and words[-1].lower() in _ARTICLES:
        definite = words.pop().lower() in _DEFINITE
    if not words:
        return True, definite
    word = words[-1].lower().strip(",;:")
    if word in _NOT_EVENT_AFTER:
        return word == "in" and len(words) > 1 and words[-2].lower() in _TAKE_PART, definite
    return True, definite


# --- Sentences and slots ----------------------------------------------------

def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        p = m.start()
        word = text[max(0, p - 8):p].rsplit(None, 1)[-1].lstrip("(").rsplit("-", 1)[-1] if p else ""
        if word in _NO_BREAK_BEFORE or (len(word) == 1 and word.isupper()):
            continue
        # "p.m." and "U.S." end a sentence only before a word that starts one.
        if p >= 2 and text[p - 2] == "." and not _STARTERS_AFTER_TIME.match(text, m.end()):
            continue
        if text.count("(", start, p) > text.count(")", start, p):
            continue  # "(local time. 4:55 p.m., Japan time.)"
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _slots(text: str, timings: list[Timing]) -> list[_Slot]:
    kinds = _kinds(text)
    slots: list[_Slot] = []
    for a, b in _sentences(text):
        ks = [k for k in kinds if a <= k.start < b]
        ts = [t for t in timings if a <= t.start < b]
        sentence = text[a:b].lower()
        overview = any(cue in sentence for cue in _OVERVIEW_CUES)
        targets = [(k, _reference(slots, k) if (k.definite or overview) else None) for k in ks if k.eligible]
        targets = [(k, ref) for k, ref in targets if ref is not None or not overview]
        if not targets:
            if ts:
                _fill_missing(slots, ks, ts)
            continue
        for (kind, ref), own in zip(targets, _distribute(targets, ts, text, a, b)):
            if ref is None and not own:
                slots.append(_Slot(kind.kind, kind.start, kind.end, []))
            elif own:
                _fill(slots, ref or _new(slots, kind.kind, kind.start, kind.end), own)
    return slots


def _fill_missing(slots: list[_Slot], kinds: list[_Kind], ts: list[Timing]) -> None:
    """Timing in a sentence naming no new event ("the 20-minute meeting") completes an earlier one."""
    refs = [r for r in (_reference(slots, k) for k in kinds if k.definite) if r is not None]
    for t in ts:
        field_ = "time" if t.time is not None else "length"
        slot = next((r for r in refs if not _has(r, field_)), None)
        slot = slot or next((r for r in reversed(slots) if not _has(r, field_)), None)
        if slot is None:
            slot = _new(slots, "event", t.start, t.end)
        slot.timings.append(t)


def _has(slot: _Slot, field_: str) -> bool:
    if field_ == "time":
        return any(x.time for x in slot.timings)
    return any(x.duration or x.range_minutes is not None for x in slot.timings)


def _reference(slots: list[_Slot], kind: _Kind) -> _Slot | None:
    head = kind.kind.rsplit(" ", 1)[-1]
    for slot in reversed(slots):
        if slot.kind == kind.kind or slot.kind.rsplit(" ", 1)[-1] == head:
            return slot
    return None


def _distribute(targets, ts: list[Timing], text: str, a: int, b: int) -> list[list[Timing]]:
    """Timing tokens per kind: those after a kind (until the next) are its; those before the first are the first's."""
    first = targets[0][0].start
    starts = [t for t in ts if t.time is not None]
    if len(targets) > 1 and ts and ts[-1].start < first and len(starts) == len(targets) and "respectively" in text[a:b]:
        groups: list[list[Timing]] = [[] for _ in targets]
        index = -1
        for t in ts:
            index += t.time is not None
            groups[max(index, 0)].append(t)
        return groups
    groups = [[] for _ in targets]
    for t in ts:
        owner = 0
        for n, (kind, _) in enumerate(targets):
            if kind.start <= t.start:
                owner = n
        groups[owner].append(t)
    return groups


def _new(slots: list[_Slot], kind: str, start: int, end: int) -> _Slot:
    slot = _Slot(kind, start, end, [])
    slots.append(slot)
    return slot


def _fill(slots: list[_Slot], slot: _Slot, ts: list[Timing]) -> None:
    """Add timings to ``slot``; a second start or duration opens another slot of the same kind."""
    for t in ts:
        if (t.time and _has(slot, "time")) or ((t.duration or t.range_minutes is not None) and _has(slot, "length")):
            slot = _new(slots, slot.kind, t.start, t.end)
        slot.timings.append(t)


# --- Events -------------------------------------------------------------------

def _event(text, slot: _Slot, dates, lead_date, date_line, abroad: bool, unresolved: list[str]) -> Event:
    # One pass over the timings (one or two), not a generator expression for each fact.
    timing = length = None
    start, end, approximate = slot.start, slot.end, False
    for t in slot.timings:
        if timing is None and t.time is not None:
            timing = t
        if length is None and (t.duration or t.range_minutes is not None):
            length = t
        if t.start < start:
            start = t.start
        if t.end > end:
            end = t.end
        if t.approximate:
            approximate = True
    day, month_day = event_date(timing, dates, start, lead_date, date_line)
    iso, japan, japan_text, offset = start_facts(text, timing, day, month_day, abroad, unresolved)
    duration = duration_text = None
    if length is not None and length.duration is not None:
        duration, duration_text = length.duration.iso(), length.duration.text
    elif length is not None:
        duration, duration_text = iso_duration(length.range_minutes), length.range_text
    return new_record(Event, (slot.kind, day, timing.time.text if timing else None, iso, japan, japan_text, offset,
                               duration, duration_text, approximate, new_record(Extent, (start, end))))


def _abroad(text: str) -> bool:
    """True when the lead says the event was outside Japan ("visiting Berlin", "(local time)")."""
    if "local time" in text or "Headquarters" in text:
        return True
    for cue in _ABROAD_CUES:
        i = text.find(cue)
        while i != -1:
            m = _ABROAD.match(text, i)
            if m and m["place"].removeprefix("the ").rstrip(".,’'") not in _JAPAN_PLACES:
                return True
            i = text.find(cue, i + 4)
    return False
