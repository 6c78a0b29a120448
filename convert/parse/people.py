"""Participants named in a lead: name, honorific, given and family name, role, organisation.

Two shapes are read:

- name first: "Mr. KISHIDA Fumio, Prime Minister of Japan", "H.E. Mr. Jens
  Stoltenberg, Secretary General of the North Atlantic Treaty Organization
  (NATO)" (needs an honorific or an ALL-CAPS family name);
- role first: "Prime Minister KISHIDA Fumio", "President George W. Bush of the
  United States of America", "Minister for Foreign Affairs, Nobutaka Machimura".

A leading article is never part of a name or an organisation ("the Rt Hon
Rishi Sunak MP" -> "Rt Hon Rishi Sunak MP"; "of the Italian Republic" ->
"Italian Republic"). Family and given names are left None whenever the order
cannot be told (Malay and Arabic patronymics, royal styles, Iberian
particles, several ALL-CAPS words).
"""

from __future__ import annotations

import re

from .. import regex
from ..model import Extent, Participant

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_HON_TOKEN = (
    r"H\.\s?E\.|(?:His|Her)\s+(?:Royal\s+)?(?:Excellency|Highness|Majesty)|Rt\.?\s+Hon\.?"
    r"|Right\s+Hon(?:ou?rable)?\.?|Hon(?:ou?rable)?\.?|Senator|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|Sir|Dame"
    r"|General|Y\.A\.B\.|Dato'?(?:\s+S(?:e)?ri)?|Datuk(?:\s+Seri)?|Tan\s+Sri|Sheikh|Prince|Princess"
)
_HON_GAP = rf"(?:\s+|(?<=\.)(?=[{_UP}]))"  # "Mr. X", or "H.E.Mr." run together
_HONORIFIC = rf"(?:{_HON_TOKEN}){_HON_GAP}(?:(?:the\s+)?(?:{_HON_TOKEN}){_HON_GAP})*"
# A name word: "Jens", "KISHIDA", "OYUN-ERDENE", "Chan-o-cha", an initial "R.".
_WORD = (
    rf"(?!(?:Jr|Sr|MP|QC|KC|AC|II|III)\b)"
    rf"(?:[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]*)*(?:'[{_UP}][{_LOW}]+)?"  # Jens, Chan-o-cha, O'Brien
    rf"|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})*|[{_UP}]\.)"  # KISHIDA, OYUN-ERDENE, the initial R.
)
_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|van|von|der|den|bin|binti|bint|ibn|al|el)"
_SUFFIX = r"(?:,?\s+(?:Jr\.?|Sr\.?|MP|QC|KC|AC|II|III)\b\.?)"
_NAME = rf"(?P<name>{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD})*)\b(?!['’]s\b){_SUFFIX}*"
_HON_START = r"(?:Mr|Ms|Mrs|Dr|H\.\s?E|Hon|Rt|Right|The|His|Her|Senator|Prof|Sir|Dame)\b"
_ROLE_WORD = rf"(?!{_HON_START})(?:[{_UP}][\w’'\-]*(?:\.(?=\w)[\w’'\-]*)*(?:(?<=\.[{_UP}])\.)?|\([^()]{{1,60}}\))"
_ROLE_HEAD = (
    r"(?:Prime|President|Vice|Minister|Deputy|Secretary|Chancellor|Federal|Foreign|State|Crown|King|Queen"
    r"|Emir|Sultan|Chief|Director|Ambassador|Aide|Governor|Chair|Leader|Special|Assistant|Principal|Joint"
    r"|High|Head|Commissioner|Premier|Mayor|Speaker|Representative|Under|Parliamentary|Senior|Executive"
    r"|Acting|Permanent|Advis[eo]r|Envoy|Counsellor|Councilor)[\w\-]*"
)
_ROLE = rf"(?P<role>{_ROLE_HEAD}(?:\s+(?:(?:of|for|and|the|to)\s+)*{_ROLE_WORD})*)"
_NAME_FIRST = regex.compile(rf"(?:[Tt]he\s+)?(?P<hon>{_HONORIFIC})?{_NAME}(?:\s*,\s*{_ROLE})?")
# "H.E. Mr. Lavrov, Sergey Viktorovich, Minister of ...": family name, comma, given names.
_INVERTED = regex.compile(rf"\s*,\s*(?P<inverted>{_WORD}(?:\s+{_WORD})*)\s*,\s*{_ROLE}")
_TITLE = (
    r"(?:(?:Japanese|US|U\.S\.|British|Chinese|Korean|Indian)\s+)?(?P<title>Prime\s+Minister|President"
    r"|Chancellor|Foreign\s+Minister|Minister\s+(?:for|of)\s+Foreign\s+Affairs(?:\s+and\s+Trade)?"
    r"|Secretary\s+of\s+State|Secretary[- ]General|(?:Deputy\s+)?Chief\s+Cabinet\s+Secretary|Crown\s+Prince"
    r"|Vice[- ]President|Premier|State\s+Councilor|Ambassador(?:\s+to\s+[A-Z]\w+)?)"
)
_ORG = rf"(?:the\s+)?{_ROLE_WORD}(?:\s+(?:(?:of|and|the)\s+)*{_ROLE_WORD})*"
# Literal cues; the costly patterns are only tried where one stands.
_HON_CUES = ("Mr", "Ms", "Dr", "H.E", "H. E", "Hon", "Rt", "Right Hon", "His ", "Her ", "Senator", "Prof", "Sir ",
             "Dame ", "General ", "Y.A.B", "Dato", "Datuk", "Tan Sri", "Sheikh", "Prince")
_TITLE_CUES = ("Prime Minister", "President", "Chancellor", "Foreign Minister", "Minister for", "Minister of",
               "Secretary", "Chief Cabinet", "Deputy Chief", "Crown Prince", "Vice", "Premier", "State Councilor",
               "Ambassador")
_SUFFIX_RUN = regex.compile(_SUFFIX + "*")
# One pass finds both kinds of cue: an alternation of literals lets the engine skip ahead.
_CUE = regex.compile("|".join(re.escape(c) for c in sorted({*_HON_CUES, *_TITLE_CUES}, key=len, reverse=True)))
_IS_TITLE_CUE = frozenset(_TITLE_CUES)
_TITLE_BEFORE = regex.compile(r"(?:Secretary|Director|Attorney|Consul|Governor)[\s-]*\Z")
_ROLE_FIRST = regex.compile(
    rf"{_TITLE}(?:\s+of\s+(?P<org1>{_ORG}))?,?\s+(?P<hon>{_HONORIFIC})?{_NAME}"
    rf"(?:\s+of\s+(?P<org2>{_ORG}))?"
)
# What may follow "... of" inside a role rather than start the organisation.
_ROLE_OBJECT = regex.compile(
    r"(?:Foreign|External|State\b|Defen[cs]e|the\s+Council\s+of\s+Ministers|Economy|Finance|Justice|Home"
    r"|Internal|Interior|Trade|Commerce|Health|Education|Agriculture|Environment|Labou?r|Industry|Energy"
    r"|the\s+Cabinet|Cabinet|Staff)"
)
_OF = regex.compile(r"\s+of\s+")
_CAPS = regex.compile(rf"[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})*")
_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "MP", "QC", "KC", "AC", "II", "III"})
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
_PATRONYMIC = frozenset({"bin", "binti", "bint", "ibn"})
_NO_FAMILY_HONORIFIC = regex.compile(r"Dato|Datuk|Tan\s+Sri|Y\.A\.B|Sheikh|Prince|Princess|Highness|Majesty")
# Family names printed first even in western-style English (Chinese, Korean, Vietnamese, Khmer).
_EAST_ASIAN = frozenset(
    "Xi Wang Li Lee Kim Park Yoon Moon Yang Luo Hu Wen Zhou Zhang Liu Chen Ma Tsai Han Choi Chung Jung Ban "
    "Hwang Kang Shin Roh Goh Tang Wu Xu Zhao Huang Qin Sun Gao Song Jiang Cheng Guo Lin Hun Nguyen Pham Tran "
    "Vo Vu Dang Bui Ngo Duong".split()
)
_NOT_NAME = frozenset({"Japan", "The", "Minister", "Prime", "President", "Designate", "Summit", "Meeting", "Photo"})


def _strip_article(text: str) -> str:
    return text[4:] if text[:4] in ("the ", "The ") else text


def split_role(role: str) -> tuple[str, str | None]:
    """("Prime Minister of the Commonwealth of Australia") -> ("Prime Minister", "Commonwealth of Australia")."""
    pos = 0
    while (match := _OF.search(role, pos)) is not None:
        pos = match.end()
        if role.count("(", 0, match.start()) != role.count(")", 0, match.start()):
            continue
        if obj := _ROLE_OBJECT.match(role, match.end()):
            pos = obj.end()  # "President of the Council of Ministers": skip the role's own "of"
            continue
        org = role[match.end():]
        if " for " in org:
            return role, None  # "High Representative of the European Union for Foreign Affairs ..."
        return role[: match.start()], _strip_article(org)
    return role, None


def split_name(words: list[str], honorific: str | None) -> tuple[str | None, str | None]:
    """(given, family) from the name words, or None where the order is unknown."""
    words = [w for w in words if w.rstrip(",") not in _SUFFIXES]
    if not words or (honorific and _NO_FAMILY_HONORIFIC.search(honorific)):
        return None, None
    if _PATRONYMIC.intersection(words):
        return None, None
    caps = [w for w in words if len(w) > 1 and w.isupper() and w[-1] != "."]  # "KISHIDA", not the initial "R."
    if caps:
        if len(caps) > 1:
            return None, None
        given = " ".join(w for w in words if w is not caps[0]) or None
        return given, caps[0]
    if len(words) == 1:
        return None, words[0]
    particles = [i for i, w in enumerate(words) if w in _PARTICLES]
    if particles:
        first = particles[0]
        if all(w in _PARTICLES for w in words[first:-1]) and 1 <= first <= 2:
            return " ".join(words[:first]), " ".join(words[first:])
        return None, None
    if words[0] in _EAST_ASIAN and len(words) <= 4 and not any(w.endswith(".") for w in words):
        return " ".join(words[1:]), words[0]
    return " ".join(words[:-1]), words[-1]


def _participant(text: str, match: re.Match, role: str | None, org: str | None, start: int,
                 inverted: re.Match | None = None) -> Participant:
    name_start = match.start("hon") if match["hon"] else match.start("name")
    name_end = _SUFFIX_RUN.match(text, match.end("name")).end()
    hon = match["hon"].strip() if match["hon"] else None
    if inverted is not None:
        given, family = inverted["inverted"], match["name"]
        name_end = inverted.end("inverted")
    else:
        given, family = split_name(match["name"].split(), hon)
    end = inverted.end() if inverted is not None else match.end()
    return Participant(text[name_start:name_end], hon, given, family, role, org, Extent(start, end))


def _cues(text: str) -> tuple[list[int], list[int]]:
    """Start positions of honorific cues and of title cues (not inside a longer word)."""
    honorifics, titles = [], []
    for m in _CUE.finditer(text):
        at = m.start()
        if at == 0 or not text[at - 1].isalpha():
            (titles if m[0] in _IS_TITLE_CUE else honorifics).append(at)
    return honorifics, titles


def _name_first(text: str, cues: list[int], taken: list[tuple[int, int]]) -> list[Participant]:
    found = []
    end = 0
    for at in cues:
        if at < end:
            continue
        match = _NAME_FIRST.match(text, at)
        if match is None or not _is_person(text, match):
            continue
        found.append(_from_name_first(text, match))
        end = found[-1].extent.end
        taken.append((found[-1].extent.start, end))
    return found


def _from_name_first(text: str, match: re.Match) -> Participant:
    inverted = None
    if match["role"] is None and match["hon"] and text.startswith(",", match.end()):
        inverted = _INVERTED.match(text, match.end())
    role_text = inverted["role"] if inverted else match["role"]
    role, org = split_role(role_text) if role_text else (None, None)
    start = match.start("hon") if match["hon"] else match.start("name")
    return _participant(text, match, role, org, start, inverted)


def _caps_before(text: str, at: int, taken: list[tuple[int, int]]) -> Participant | None:
    """ "KISHIDA Fumio, Prime Minister of Japan": an ALL-CAPS name with no honorific before a role."""
    if text[at - 2:at].strip() != "," or any(a <= at < b for a, b in taken):
        return None
    start = max(text.rfind(",", max(0, at - 48), at - 2), text.rfind("(", max(0, at - 48), at - 2)) + 1
    while start < at and text[start].isspace():
        start += 1
    match = _NAME_FIRST.match(text, start)
    if match is None or match.start("role") != at or not _CAPS.search(match["name"]):
        return None
    if match["name"].split()[0] in _NOT_NAME:
        return None
    return _from_name_first(text, match)


def _is_person(text: str, match: re.Match) -> bool:
    words = match["name"].split()
    if words[0] in _NOT_NAME or not (match["hon"] or match["role"]):
        return False  # a bare ALL-CAPS word ("NATO") is not a person
    # "Secretary General Stoltenberg": "General" is part of the role there.
    at = match.start()
    return not (match["hon"] and match["hon"].startswith("General") and _TITLE_BEFORE.search(text, max(0, at - 14), at))


def _role_first(text: str, cues: list[int], taken: list[tuple[int, int]]) -> list[Participant]:
    found = []
    end = 0
    for at in cues:
        if at < end or any(a <= at < b for a, b in taken):
            continue
        if (caps := _caps_before(text, at, taken)) is not None:
            found.append(caps)
            end = caps.extent.end
            continue
        match = _ROLE_FIRST.match(text, at)
        if match is None or any(w in _NOT_NAME for w in match["name"].split()):
            continue
        if match["org1"] and not match["hon"]:
            continue  # "Vice-President of the European Commission": no name follows
        org = match["org1"] or match["org2"]
        role = " ".join(match["title"].split())
        found.append(_participant(text, match, role, _strip_article(org) if org else None, match.start("title")))
        end = match.end()
    return found


def find_participants(text: str) -> tuple[Participant, ...]:
    """Participants in order of appearance, each name once."""
    taken: list[tuple[int, int]] = []
    honorifics, titles = _cues(text)
    people = _name_first(text, honorifics, taken) + _role_first(text, titles, taken)
    people.sort(key=lambda p: p.extent.start)
    seen: set[str] = set()
    unique = []
    for person in people:
        # "Prime Minister Noda" after "Prime Minister Yoshihiko Noda": the same person again.
        again = person.given_name is None and person.family_name in seen
        if person.name not in seen and not again:
            seen.add(person.name)
            if person.family_name:
                seen.add(person.family_name)
            unique.append(person)
    return tuple(unique)


__all__ = ["find_participants", "split_name", "split_role"]
