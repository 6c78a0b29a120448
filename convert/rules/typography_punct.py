"""Typography: brackets that do not pair up, and paragraphs that do not end.

Both are judged paragraph by paragraph on content only (residue and link
labels left out), and neither judges the last paragraph of a document that
stops mid-sentence: the page was cut there, which is another problem.
"""

from __future__ import annotations

import re

from .. import regex
from .base import Finding, Rule, register
from .context import SENTENCE_BREAK, closes, dangles
from .typography_quotes import char_positions

# "1)", "a)", "ii)" used as in-line enumerators: a closing bracket with no opening one, by design.
_ENUMERATOR = regex.compile(r"(?:^|[\s:;,])(?:\d{1,2}|[a-z]|[ivx]{1,4})$")
_WORD = regex.compile(r"[A-Za-z][A-Za-z'’-]*")
_MIN_WORDS = 8  # shorter lines without a full stop are headings, captions or labels
_MIN_CUT_WORDS = 4  # but no heading stops on "the" or "of"
_MIN_JUDGED_WORDS = min(_MIN_WORDS, _MIN_CUT_WORDS)  # fewer: neither running text nor cut off
# A last character that closes a paragraph on its own (closes() accepts it, and more).
_FINAL_MARKS = frozenset(".!?:;。…")
_JUDGED_KINDS = frozenset({"lead", "paragraph", "item", "heading"})
_UNJUDGED_FORMS = frozenset({"subheading", "bullet"})
# Photo captions and table rows are residue the parser may keep as paragraphs.
# A caption may only show as such by its credit: "... (Cabinet Public Affairs Office)".
_CAPTION = regex.compile(r"^(?:\(\d{1,2}\)\s*)?(?:An?\s+)?(?:picture|photo(?:graph)?|image)s?\b|\bPhoto:|\||"
                         r"\((?:Cabinet\s+)?Public\s+(?:Affairs|Relations)\s+Office\)\s*$", re.I)
# Reporting verbs of readouts: a line with one is a sentence, not a topic heading (ST010 asks too).
_REPORTING_VERBS = frozenset((
    "stated expressed welcomed agreed confirmed concurred affirmed reaffirmed emphasised emphasized explained noted "
    "said shared exchanged held hosted requested responded told added mentioned invited congratulated thanked asked "
    "discussed announced visited met called delivered attended received issued signed participated paid gave made "
    "took returned arrived departed").split())
REPORTING_VERB = regex.compile(r"(?<![\w-])(?:" + "|".join(sorted(_REPORTING_VERBS)) + r")\b")
# Any finite verb at all: an auxiliary, a modal or a past tense; noun-phrase headings have none.
_FINITE = regex.compile(r"(?<![\w-])(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|shall|"
                     r"[a-z]{3,}ed)\b")
# A clause, whatever the share of capitals around it: a subject and its verb ("I will", "It was"),
# a modal and its verb ("will visit"), a passive ("was convened") or "had a talk".
_SUBJECTS = ("I", "We", "we", "He", "he", "She", "she", "They", "they", "It")
_MODALS = ("will", "would", "shall", "should", "must")
_BE = ("is", "are", "was", "were", "been")
_HAVE = ("has", "have", "had")
_CLAUSE = regex.compile(r"(?<![\w-])(?:(?:" + "|".join(_SUBJECTS) + r")\s+(?:will|would|have|has|had|am|is|are|was|"
                        r"were|[a-z]{3,}ed)|(?:" + "|".join(_MODALS) + r")\s+(?:not\s+)?(?:be\s+)?[a-z]{3,}|"
                        r"(?:" + "|".join(_BE) + r")\s+(?:then\s+|also\s+)?[a-z]{3,}ed|(?:" + "|".join(_HAVE) + r")\s+"
                        r"(?:a|an|the)|(?:" + "|".join(_HAVE) + r")\s+[a-z]{3,}ed)\b")
_CLAUSE_OPENERS = frozenset(_SUBJECTS + _MODALS + _BE + _HAVE)  # the words each of its alternatives starts with
_LOWER_SHARE = 0.65
_PAIRS = (("(", ")"), ("[", "]"))


@register
class UnbalancedBrackets(Rule):
    """A paragraph opens more brackets than it closes, or the reverse.

    ``(NATO`` with no ``)``; ``Japan)`` with no ``(``. In-line enumerators
    such as ``1)`` and ``a)`` are not counted. In the last paragraph of a
    text cut short, an opening bracket is only reported when a finished
    sentence follows it, or the quotation it opened in closes first: the
    closing one may have been lost with the end.
    """

    code = "TY007"
    name = "unbalanced-brackets"
    summary = "unbalanced brackets in a paragraph"
    bad = "Secretary General of the North Atlantic Treaty Organization (NATO, held a meeting.\n"
    good = "Secretary General of the North Atlantic Treaty Organization (NATO), held a meeting.\n"

    def check(self, ctx):
        prose = ctx.prose
        if "(" not in prose and ")" not in prose and "[" not in prose and "]" not in prose:
            return  # every paragraph's stretch of the prose is plainly balanced
        for block in ctx.prose_blocks:
            raw = block.text
            if "(" not in raw and ")" not in raw and "[" not in raw and "]" not in raw:
                continue
            start = block.start
            text = prose[start:start + len(raw)]  # link labels blanked
            if _plainly_balanced(text, "(", ")") and _plainly_balanced(text, "[", "]"):
                continue  # the common case, decided with C-speed string methods
            if ctx.ends_open and block is ctx.last_content:
                # Cut short, the paragraph may have lost its closing bracket, unless a
                # finished sentence follows the opening one: brackets close in their sentence.
                yield from (f for f in _unbalanced(text, block.start)
                            if text[f.start - block.start] in ")]"
                            or SENTENCE_BREAK.search(text, f.start - block.start)
                            or _quotation_closes_first(text, f.start - block.start))
                continue
            yield from _unbalanced(text, block.start)


def _quotation_closes_first(text: str, at: int) -> bool:
    """The bracket at ``at`` opened inside a quotation that closes before it: “Community (AZEC” initiative."""
    close_quote = text.find("”", at)
    if close_quote < 0 or text.rfind("“", 0, at) <= text.rfind("”", 0, at):
        return False  # no quotation open at the bracket, or none closing after it
    close_bracket = text.find(")", at)
    return close_bracket < 0 or close_quote < close_bracket


def _plainly_balanced(text: str, opening: str, closing: str) -> bool:
    if opening not in text:  # most paragraphs, for square brackets: a memchr, not two counts
        return closing not in text
    n = text.count(opening)
    return n == text.count(closing) and (n == 0 or text.find(closing) > text.find(opening))


def _unbalanced(text: str, base: int):
    for opening, closing in _PAIRS:
        stack: list[int] = []
        for i in char_positions(text, opening + closing):  # the brackets only: nothing else counts
            ch = text[i]
            if ch == opening:
                stack.append(i)
            elif ch == closing:
                if stack:
                    stack.pop()
                elif closing == ")" and _ENUMERATOR.search(text, max(0, i - 6), i):
                    continue  # "1)", "a)" numbering items in the line
                else:
                    yield Finding(base + i, base + i + 1, f"{closing!r} closes no {opening!r} in this paragraph")
                    return
        if stack:
            at = stack[0] if len(stack) == 1 else stack[-1]
            yield Finding(base + at, base + at + 1, f"{opening!r} is never closed in this paragraph")


@register
class MissingClosingPunctuation(Rule):
    """A paragraph of running text does not end with a full stop (or other closing punctuation).

    Only running text counts: not headings, titles, captions, table rows,
    list bullets, lines of fewer than eight words, lines mostly in Title
    Case (topic headings of press conferences), or a line ending in a comma
    that introduces the next one. A numbered section's heading that reads
    as a sentence (a clause, a reporting verb) is judged too, and a
    paragraph of four words or more stopping on "the", "of" or "to" is
    always reported: its end was lost. The last paragraph of a document with
    nothing after it (no footer, no footnotes) is not judged: a page cut
    short looks the same, and false alarms cost more than misses.
    """

    code = "TY008"
    name = "missing-closing-punctuation"
    summary = "paragraph without closing punctuation"
    bad = ("(3) The two sides also exchanged views on regional situations, including the situation in Ukraine\n\n"
           "Related Link\n")
    good = ("(3) The two sides also exchanged views on regional situations, including the situation in Ukraine.\n\n"
            "Related Link\n")

    def check(self, ctx):
        for block in ctx.prose_blocks:
            text = block.text
            if text[-1:] in _FINAL_MARKS:
                continue  # most paragraphs: closes() would say so, at the cost of a call
            # A numbered section's heading is often its first sentence ("3. The two leaders ..."):
            # judged like a paragraph, it passes as a heading unless it reads as running text.
            if block.kind not in _JUDGED_KINDS or block.form in _UNJUDGED_FORMS:
                continue
            if ctx.ends_open and block is ctx.last_content:
                continue  # nothing after it: a page cut short looks just the same
            if closes(text) or text.rstrip().endswith(","):
                continue
            words = _WORD.findall(text)
            if len(words) < _MIN_JUDGED_WORDS:
                continue  # too short to be cut off or running text: most unclosed lines are labels
            if not _cut_off(text, words) and not _running_text(text, block.kind == "heading", words):
                continue
            end = block.end
            start = max(block.start, end - 24)
            yield Finding(start, end, f"paragraph ends without closing punctuation: '...{text[-24:].lstrip()}'")


def _cut_off(text: str, words: list[str]) -> bool:
    """Whether ``text`` (whose words, by ``_WORD``, are ``words``) stops on a word no sentence ends
    with: "... shared the", "the people of" (lost text)."""
    # On a word only: a heading may end on a dash ("- The Outline of Japan-U.S. Relations -").
    return len(words) >= _MIN_CUT_WORDS and dangles(text, marks=False)


def _running_text(text: str, heading: bool, words: list[str]) -> bool:
    """A sentence rather than a heading or caption: enough words, and a reporting verb, a clause, or
    mostly lower case with a verb (not enough for a heading: "Questions concerning a classified ...").
    ``words`` are the text's words, by ``_WORD``.
    """
    if len(words) < _MIN_WORDS or _caption(text):
        return False
    if _sentence_break(text):
        return True
    # Both patterns match a whole run of letters (no letter, digit or hyphen either side), one of a
    # few words: asked only when the text has one, told by set operations on its runs of letters.
    runs = _letter_runs(words)
    if (not runs.isdisjoint(_REPORTING_VERBS) and REPORTING_VERB.search(text)
            or not runs.isdisjoint(_CLAUSE_OPENERS) and _CLAUSE.search(text)):
        return True
    if heading:
        return False
    long = [w for w in words if len(w) >= 4]
    lower = sum(1 for w in long if w[0].islower())
    return lower >= _LOWER_SHARE * len(long) and bool(_FINITE.search(text))


def _letter_runs(words: list[str]) -> set[str]:
    """The runs of letters of the words of ``_WORD``: "Japan’s" gives "Japan" and "s", "short-term" two."""
    return set("-".join(words).replace("'", "-").replace("’", "-").split("-"))


def _caption(text: str) -> bool:
    """``_CAPTION.search(text)``, without trying every position when only its first alternative can match."""
    if ":" in text or "|" in text or ")" in text:
        return _CAPTION.search(text) is not None
    return _CAPTION.match(text) is not None  # the others need one of those marks: only "^..." is left


def _sentence_break(text: str) -> bool:
    """``SENTENCE_BREAK.search(text)``, asked only when the text has final punctuation and a space."""
    return (". " in text or "! " in text or "? " in text) and SENTENCE_BREAK.search(text) is not None
