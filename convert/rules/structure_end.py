"""Structure: a readout that stops mid-sentence.

A page cut short (a save interrupted, a copy limited to some bytes: many
corpus texts stop at 2,000 bytes) ends on half a word or on a word that
cannot end a sentence, with no footer after it. That is real input, so this
is only ``info``. A last paragraph that ends on a whole word with no full
stop and nothing after it looks the same from the text alone; TY008 leaves
that paragraph to this rule, which says both possibilities, so the end of a
document is always judged once.

A short numbered paragraph cut early reads to the parser as a heading
("3. Prime Minister Kishida expressed his app"), so a last heading is
judged too, but only when it shows it is no heading: it stops on half a
word or a dangling word, or it has a reporting verb ("expressed",
"discussed"), which topic headings ("2. Japan-U.S. Security") have not.
A last line ending in a colon with nothing after it (a speaker label,
"Asahi Shimbun, Takeshita:", or "as follows:") is open too.
"""

from __future__ import annotations

from .base import Finding, Rule, register
from .typography_punct import REPORTING_VERB

_WORDS_SHOWN = 4


def _last_words(text: str) -> int:
    """Offset in ``text`` where its last few words begin (a scan back, not a regex tried at every position)."""
    i = len(text)
    for _ in range(_WORDS_SHOWN):
        j = text.rfind(" ", 0, i)
        if j < 0:
            i = 0
            break
        if len(text) - j > 80 and i < len(text):
            break  # enough shown
        i = j
        while i > 0 and text[i - 1] == " ":
            i -= 1
    while i < len(text) and text[i] == " ":
        i += 1
    return i


@register
class TruncatedText(Rule):
    """The text ends mid-sentence: the document looks cut short.

    Reported on the last words of the last paragraph when it has no closing
    punctuation and no footer or footnote follows it. When the text stops
    on half a word or on a word that cannot end a sentence (``the``,
    ``and``, a comma) it was cut; otherwise the last full stop may simply
    be missing. A last line that looks like a heading is reported only when
    it reads as a cut sentence ("4. The two leaders also shared the view
    to", "3. Prime Minister Kishida expressed his app"); a last line that
    ends in a colon ("Asahi Shimbun, Takeshita:") announces text that is
    not there.
    """

    code = "ST010"
    name = "truncated-text"
    severity = "info"
    summary = "the text ends mid-sentence"
    bad = "Japan-Canada Summit Meeting\n\nJune 14, 2024\nOn June 14, Prime Minister Kishida held a meeting with the\n"
    good = "Japan-Canada Summit Meeting\n\nJune 14, 2024\nOn June 14, Prime Minister Kishida held a meeting.\n"

    def check(self, ctx):
        if not ctx.ends_open:
            yield from _ends_on_colon(ctx)
            return
        last = ctx.last_content
        if last.kind == "heading" and not (ctx.truncated or REPORTING_VERB.search(last.text)):
            return  # a document that stops after a real heading is cut, but says nothing wrong of it
        text = last.text.rstrip()
        cut = _last_words(text)
        start = last.start + cut
        tail = text[cut:]
        if ctx.truncated:
            message = f"text ends mid-sentence: '...{tail}' (cut short?)"
        else:
            message = f"text ends without closing punctuation: '...{tail}' (cut short, or the full stop is missing)"
        yield Finding(start, last.start + len(text), message)


def _ends_on_colon(ctx):
    """The last line ends in a colon and nothing follows it: "Asahi Shimbun, Takeshita:"."""
    last = ctx.last_content
    if last is None or ctx.doc.footer or not last.text.rstrip().endswith(":"):
        return
    if any(b.start > last.start for b in ctx.blocks if b.kind == "footnote"):
        return
    text = last.text.rstrip()
    cut = _last_words(text)
    yield Finding(last.start + cut, last.start + len(text),
                  f"text ends on '...{text[cut:]}' with nothing after it (cut short?)")
