"""Codes the engine reports itself, documented like rules.

No rule yields these: ``readout check`` reports ST000 for an input it cannot
turn into a document at all (missing, unreadable, binary, undecodable, over
a size limit), so a broken file shows up in the output like any other
finding, with a position (1:1) and exit code 2, and the rest of the batch is
still checked. ``readout rules ST000`` prints this documentation.
"""

from __future__ import annotations

from .base import RESERVED, Rule, register


@register
class UnreadableInput(Rule):
    """A file that cannot be read or decoded as a readout's text.

    Reported by the engine, not by a rule: the file is missing, unreadable,
    a folder with no readouts, binary (an image, a PDF, a ZIP), in an encoding
    that cannot be detected (name it with ``--encoding``), over the size
    limit (``--max-bytes``), or not text at all (empty, an HTML page). The
    message says which. The other files of the batch are still checked, and
    the exit code is 2.
    """

    code = "ST000"
    name = "unreadable-input"
    severity = "error"
    summary = "the file cannot be read or decoded as text"
    # Bytes, described: there is no text that triggers this through a rule.
    bad = "%PDF-1.7 (a PDF saved with a .txt name)"
    good = "January 31, 2023\n[Provisional translation]"

    def check(self, ctx):
        return iter(())


assert UnreadableInput.code in RESERVED
