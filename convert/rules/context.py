"""What rules look at: the model, the text, configuration, and shared derived views.

Derived views are computed once per document, on first use, so rules that
share them do not pay twice. The main one is :attr:`Context.prose`: the
document text with everything that is not content (header and footer
residue, residue paragraphs, web link labels, the date line and the
translation marker) blanked out to newlines. Offsets are unchanged, so a
rule can run one compiled regex over the whole document and report what it
finds without ever touching residue: this is what keeps checking fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from .. import regex
from ..model import Document, Mark
from ..record import Record, new_record

PROSE_KINDS = frozenset({"title", "lead", "heading", "paragraph", "item", "footnote"})
# The text stops on a word that cannot end a sentence, or on a mark that cannot.
_DANGLING_WORDS = frozenset((
    "the a an of to in on at for with and or but by from that which as its their his her this these "
    "is are was were be has have had will would not").split())
_DANGLING_MARKS = frozenset(",(-–")


# A finished sentence and the next one's start: what a bracket or quotation left open does not run across.
# "regions. The", "(ROK. This"; not "Mr. Abe" nor "U.S. President".
SENTENCE_BREAK = regex.compile(r"(?:[a-z]{2}|(?<![.\w])[A-Z]{2,})[.!?] [A-Z]")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


class Block(Record):
    """A unit of text with its absolute start offset in the document text.

    A named tuple, not a dataclass: a document has dozens and they are built
    for every check, so construction cost counts.
    """

    kind: str  # title, date, translation, lead, heading, paragraph, item, footnote, residue
    text: str
    start: int  # offset of text[0] in the document text
    marks: tuple[Mark, ...] = ()
    number: str | None = None
    residue: str | None = None  # kind of residue for header/footer/residue paragraphs
    form: str = ""  # a paragraph's kind in the model: text, quote, subheading, bullet

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS


class lazy:  # noqa: N801 - used as a decorator, like property
    """A computed attribute cached in the instance: functools.cached_property without its lock (3.11)."""

    def __init__(self, compute) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


class Context:
    def __init__(self, doc: Document, text: str, config=None, active: frozenset[str] | None = None) -> None:
        self.doc = doc
        self.text = text
        self.config = config
        self.active = active  # codes of the rules the engine runs on this document; None: every rule
        self._shared: dict = {}  # shared(): views by key

    @lazy
    def blocks(self) -> tuple[Block, ...]:
        found = _blocks(self.doc)
        found.sort(key=_start)
        return tuple(found)

    @lazy
    def prose_blocks(self) -> tuple[Block, ...]:
        return tuple([b for b in self.blocks if b.kind in PROSE_KINDS])  # is_prose, without a call per block

    def prose_iter(self) -> Iterator[Block]:
        return iter(self.prose_blocks)

    @lazy
    def prose(self) -> str:
        """The text with every non-content character turned into a newline; offsets kept."""
        return self._masked(keep_links=False)

    @lazy
    def content(self) -> str:
        """Like :attr:`prose`, with web link labels kept: for rules about the labels' own form."""
        for block in self.prose_blocks:
            if block.marks and any(m.kind == "link" for m in block.marks):  # most blocks have no marks at all
                return self._masked(keep_links=True)
        return self.prose

    def _masked(self, keep_links: bool) -> str:
        """The text with what lies outside the prose blocks (and, unless ``keep_links``, link labels) blanked.

        What stands between two blocks is most often a line break or two,
        which blanking would leave as it is: such a gap is not cut, so a run
        of paragraphs is copied as one slice rather than as a slice, a blank
        and two appends per block.
        """
        text = self.text
        pieces: list[str] = []
        kept = pos = 0  # the result so far: "".join(pieces) + text[kept:pos]
        for block in self.prose_blocks:
            start = block.start
            if start < pos:
                continue
            if text[pos:start].strip("\n"):  # the gap holds more than line breaks: blank it
                pieces.append(text[kept:pos])
                pieces.append(_blank(start - pos))
                kept = start
            end = start + len(block.text)
            if not keep_links and block.marks and any(mark.kind == "link" for mark in block.marks):
                pieces.append(text[kept:start])
                _mask_links(text, block, pieces)
                kept = end
            pos = end
        if not text[pos:].strip("\n"):
            pieces.append(text[kept:])
        else:
            pieces.append(text[kept:pos])
            pieces.append(_blank(len(text) - pos))
        return "".join(pieces)

    @lazy
    def last_content(self) -> Block | None:
        """The last paragraph or item of the body (footnote definitions left out)."""
        for block in reversed(self.prose_blocks):
            if block.kind in ("paragraph", "item", "lead", "heading"):
                return block
        return None

    @lazy
    def ends_open(self) -> bool:
        """The last paragraph has no closing punctuation and nothing (footer, footnotes) follows it.

        Either the page was cut short or its last full stop is missing: rules
        about pairs (quotes, brackets) do not judge such an end.
        """
        last = self.last_content
        if last is None or self.doc.footer:
            return False
        if any(note.span.start > last.start for note in self.doc.footnotes):  # the footnote blocks
            return False
        return not closes(last.text)

    @lazy
    def truncated(self) -> bool:
        """The text stops mid-sentence (on half a word or a word that cannot end one): the page was cut."""
        if not self.ends_open:
            return False
        text = self.last_content.text
        return dangles(text) or _cut_word(text)

    @lazy
    def lead(self):
        """The lead with its date and events, read now if parsing left them out (then without its people).

        ``check`` parses without the lead reader, the costliest part of
        parsing; the few rules that need its facts ask here, and only after a
        cheaper test has said they might find something.
        """
        lead = self.doc.lead
        if lead is None or lead.date or lead.events or lead.participants or lead.unresolved:
            return lead
        from ..parse.lead import read_lead

        date_line = self.doc.date_line
        return read_lead(lead.text, lead.span, lead.marks, date_line.value if date_line else None,
                         participants=False)  # no rule asks for the people

    @lazy
    def accepted(self) -> frozenset[str]:
        """Words the configuration accepts (accepted-words), lower-cased."""
        words = self.setting("accepted_words", ()) or ()
        return frozenset(w.lower() for w in words)

    def shared(self, key: str, compute):
        """``compute(self)`` once per document, shared by the rules that need it."""
        memo = self._shared  # rules ask a dozen times a document: one lookup for the common case
        if key in memo:
            return memo[key]
        value = memo[key] = compute(self)
        return value

    def selects(self, code: str) -> bool:
        """Whether the engine runs rule ``code`` on this document.

        For a rule that leaves a finding to a more specific one ("TM004 says
        nothing of a phrase TM002 reports"): it only steps aside when the
        other rule is on, so turning one off never silences both.
        """
        return self.active is None or code in self.active

    def setting(self, name: str, default=None):
        """A configuration value, or ``default`` when there is none or it is unset."""
        if self.config is None:
            return default
        value = getattr(self.config, name, None)
        return default if value is None else value


_ENDINGS = frozenset(".!?:;。…")
_CLOSERS = frozenset("\"”’)]")


def closes(text: str) -> bool:
    """The text ends with closing punctuation, possibly followed by quotes or brackets ("agreed.”").

    A closing quote or bracket alone does not close a sentence ("... a “Free
    and Open Indo-Pacific”"), except a bracket closing a paragraph that is
    all in brackets. Plain character tests rather than a regex: this runs on
    every paragraph.
    """
    end = len(text.rstrip())
    if not end:
        return False
    j = end
    while j > 0 and text[j - 1] in _CLOSERS:
        j -= 1
    if j < end:
        if j > 0 and text[j - 1] in _ENDINGS:
            return True
        return text[end - 1] in ")]" and text.lstrip()[:1] in "(["
    i = end
    while i > 0 and end - i < 8 and not text[i - 1].isalnum():
        if text[i - 1] in _ENDINGS:
            return True
        i -= 1
    return False


def dangles(text: str, marks: bool = True) -> bool:
    """The text stops on a word that cannot end a sentence ("the", "of", "will"), or (``marks``) on a comma or dash.

    A walk back over the last word rather than a regex: an alternation of
    thirty words tried at every word boundary of the tail cost more.
    """
    tail = text[-24:].rstrip()
    if marks and tail[-1:] in _DANGLING_MARKS:
        return True
    start = len(tail)
    while start and (tail[start - 1].isalnum() or tail[start - 1] == "_"):  # what \w takes
        start -= 1
    return tail[start:].lower() in _DANGLING_WORDS


def _cut_word(text: str) -> bool:
    """The last word is not a word: "misunderst", "regarding d"."""
    from ..words import is_known

    word = _last_word(text[-40:])
    if word is None:
        return True
    # The capital first: a name is no cut word, and the dictionary need not be asked.
    return len(word) <= 2 and word.lower() not in ("us", "un", "eu", "uk") or not (word[0].isupper() or is_known(word))


def _last_word(text: str) -> str | None:
    """What ``([A-Za-z]+)\\W*$`` finds: the ASCII letters that end the text, before non-word characters only.

    A walk back: the pattern, tried at every letter and backtracking over
    each word, cost more than the rest of the truncation test.
    """
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):  # \W, as in dangles
        end -= 1
    start = end
    while start and text[start - 1] in _ASCII_LETTERS:
        start -= 1
    return text[start:end] if start < end else None


def _blank(size: int) -> str:
    """Newlines for ``size`` characters masked out: keeps offsets, never joins two words."""
    return "\n" * size


_start = attrgetter("start")  # the sort key of blocks, without a Python call per block


def _mask_links(text: str, block: Block, pieces: list[str]) -> None:
    """Append ``block``'s text to ``pieces`` with its web link labels blanked."""
    cut = block.start
    for mark in block.marks:
        if mark.kind == "link":
            a, b = block.start + mark.start, block.start + mark.end
            pieces.append(text[cut:a])
            pieces.append(_blank(b - a))
            cut = b
    pieces.append(text[cut:block.end])


def _blocks(doc: Document) -> list[Block]:
    """The document's blocks in the model's order (not yet by offset).

    Each is made with :func:`~convert.record.new_record`: every check builds
    every block, so the named tuple's Python ``__new__`` per block counted.
    """
    new = new_record  # a local name: one lookup per block fewer
    found: list[Block] = []
    add = found.append
    for residue in doc.header:
        add(new(Block, ("residue", residue.text, residue.span.start, (), None, residue.kind, "")))
    if doc.title:
        add(new(Block, ("title", doc.title.text, doc.title.span.start, (), None, None, "")))
    if doc.date_line:
        add(new(Block, ("date", doc.date_line.text, doc.date_line.span.start, (), None, None, "")))
    if doc.translation:
        add(new(Block, ("translation", doc.translation.text, doc.translation.span.start, (), None, None, "")))
    if doc.lead:
        add(new(Block, ("lead", doc.lead.text, doc.lead.span.start, doc.lead.marks, None, None, "")))
    for section in doc.sections:
        if section.heading:
            start = section.span.end - len(section.heading)
            add(new(Block, ("heading", section.heading, start, section.marks, section.number, None, "")))
        for p in section.paragraphs:
            kind = "residue" if p.kind == "residue" else "paragraph"
            add(new(Block, (kind, p.text, p.span.start, p.marks, p.number, p.residue, p.kind)))
            for item in p.items:
                add(new(Block, ("item", item.text, item.span.start, item.marks, item.number, None, "")))
    for note in doc.footnotes:
        add(new(Block, ("footnote", note.text, note.span.start, (), note.label, None, "")))
    for residue in doc.footer:
        add(new(Block, ("residue", residue.text, residue.span.start, (), None, residue.kind, "")))
    return found
