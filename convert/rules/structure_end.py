"""Structure: a readout that stops mid-sentence.

A page cut short (a save interrupted, a copy limited to some bytes: many
corpus texts stop at 2,000 bytes) ends on half a word or on a word that
cannot end a sentence, with no footer after it. That is real input, so this
is only ``info``. A last paragraph that ends on a whole word with no full
stop and nothing after it looks the same from the text alone; TY008 leaves
that paragraph to this rule, which says both possibilities, so the end of a
document is always judged once.
"""

from __future__ import annotations

from .base import Finding, Rule, register

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
    be missing.
    """

    code = "ST010"
    name = "truncated-text"
    severity = "info"
    summary = "the text ends mid-sentence"
    bad = "Japan-Canada Summit Meeting\n\nJune 14, 2024\nOn June 14, Prime Minister Kishida held a meeting with the\n"
    good = "Japan-Canada Summit Meeting\n\nJune 14, 2024\nOn June 14, Prime Minister Kishida held a meeting.\n"

    def check(self, ctx):
        if not ctx.ends_open:
            return
        last = ctx.last_content
        if last.kind == "heading":
            return  # a document that stops after a heading is cut, but says nothing wrong of it
        text = last.text.rstrip()
        cut = _last_words(text)
        start = last.start + cut
        tail = text[cut:]
        if ctx.truncated:
            message = f"text ends mid-sentence: '...{tail}' (cut short?)"
        else:
            message = f"text ends without closing punctuation: '...{tail}' (cut short, or the full stop is missing)"
        yield Finding(start, last.start + len(text), message)
