"""Safe fixes: apply, re-parse, repeat until stable, and keep every other byte.

Rules give fixes as edits over the decoded, newline-normalized text. The
file itself may have CRLF or lone CR line ends and a byte-order mark, so
edits are mapped back onto the file's own text and applied there: line
ends, the mark, trailing spaces and every byte no fix touches stay as they
were, and the result is encoded in the file's encoding.

A round applies every safe fix that does not overlap one already taken
(sorted by position; identical edits from two rules count once), re-parses
and lints again; it stops when nothing is left to fix, after
:data:`MAX_ROUNDS`, or when the text comes back to a state it was in. A
round whose result does not parse into the same structure (title, date
line, marker, lead, sections, numbers, footnotes) is refused: its fixes are
retried one by one and only those that keep the structure are applied.
"""

from __future__ import annotations

from bisect import bisect_left

from .errors import InputError
from .parse import decode, parse_text
from .parse.reading import normalize_newlines
from .record import Record

MAX_ROUNDS = 10


class FixResult(Record):
    path: str
    original: bytes
    fixed: bytes
    applied: int  # fixes applied over all rounds
    text: str  # the fixed text, newlines normalized (what was linted last)
    encoding: str = "utf-8"

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


class _Source:
    """The file's own text (newlines as stored) and how to map normalized offsets onto it."""

    def __init__(self, raw: bytes, path: str, encoding: str | None) -> None:
        decoded = decode(raw, path, encoding)
        self.encoding = decoded.encoding
        original = raw.decode(self.encoding)
        self.prefix = "\ufeff" if original.startswith("\ufeff") else ""
        self.body = original[len(self.prefix):]
        if normalize_newlines(self.body) != decoded.text:
            raise InputError(f"{path}: cannot map fixes onto the file's text; not fixed")

    def normalized(self) -> tuple[str, list[int]]:
        """The normalized text and the normalized offsets of every CRLF's newline."""
        body = self.body
        if "\r" not in body:
            return body, []
        crlf = []
        removed = 0
        at = body.find("\r\n")
        while at != -1:
            crlf.append(at - removed)
            removed += 1
            at = body.find("\r\n", at + 2)
        return normalize_newlines(body), crlf

    def apply(self, edits, crlf: list[int]) -> None:
        """Apply edits given in normalized offsets to the file's own text."""
        body = self.body
        newline = "\r\n" if crlf else "\n"
        pieces, pos = [], 0
        for edit in edits:
            start = edit.start + bisect_left(crlf, edit.start)
            end = edit.end + bisect_left(crlf, edit.end)
            pieces.append(body[pos:start])
            pieces.append(edit.replacement.replace("\n", newline))
            pos = end
        pieces.append(body[pos:])
        self.body = "".join(pieces)

    def encoded(self) -> bytes:
        return (self.prefix + self.body).encode(self.encoding)


def structure(doc) -> tuple:
    """What a fix must not change: the document's shape, not its wording."""
    return (
        doc.title is not None, doc.date_line is not None and doc.date_line.value, doc.translation is not None,
        doc.lead is not None, len(doc.header), len(doc.footer), tuple(f.marker for f in doc.footnotes),
        tuple((s.number, s.heading is not None, tuple((p.kind, p.number, len(p.items)) for p in s.paragraphs))
              for s in doc.sections),
    )


def _chosen(problems) -> list[tuple]:
    """Safe fixes that do not overlap, as (edits, ...) groups in position order."""
    fixes = sorted((p.fix for p in problems if p.fix is not None and p.fix.safe),
                   key=lambda f: (f.edits[0].start, f.edits[0].end))
    taken: list = []
    seen: set = set()
    groups = []
    for fix in fixes:
        edits = [e for e in fix.edits if e not in seen]
        if not edits:
            continue
        if any(_overlaps(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
        seen.update(edits)
        groups.append(tuple(edits))
    return groups


def _overlaps(a, b) -> bool:
    """Edits that touch the same characters; two insertions at one point count (their order is arbitrary)."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _apply_text(text: str, edits) -> str:
    pieces, pos = [], 0
    for edit in sorted(edits):
        pieces.append(text[pos:edit.start])
        pieces.append(edit.replacement)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _keeps_structure(text: str, edits, shape: tuple, path: str) -> bool:
    try:
        return structure(parse_text(_apply_text(text, edits), path, lead_facts=False)) == shape
    except Exception:  # noqa: BLE001 - a fix that breaks parsing is refused, whatever the error
        return False


def fix_bytes(raw: bytes, path: str, config=None, *, encoding: str | None = None, lint=None) -> FixResult:
    """Apply safe fixes to a file's bytes until stable; the bytes are not written anywhere."""
    from .lint import lint as default_lint

    lint = lint or default_lint
    source = _Source(raw, path, encoding)
    applied = 0
    seen: set[str] = set()
    text, crlf = source.normalized()
    for _ in range(MAX_ROUNDS):
        if text in seen:
            break
        seen.add(text)
        doc = parse_text(text, path, lead_facts=False)
        groups = _chosen(lint(doc, text, config, path))
        if not groups:
            break
        shape = structure(doc)
        edits = [e for g in groups for e in g]
        if not _keeps_structure(text, edits, shape, path):
            groups = [g for g in groups if _keeps_structure(text, g, shape, path)]
            edits = [e for g in groups for e in g]
            if not groups:
                break
        source.apply(sorted(edits), crlf)
        applied += len(groups)
        text, crlf = source.normalized()
    try:
        fixed = source.encoded()
    except UnicodeEncodeError:
        raise InputError(f"{path}: a fix does not fit the file's encoding ({source.encoding}); not fixed") from None
    return FixResult(path, raw, fixed, applied, text, source.encoding)


def diff(result: FixResult) -> str:
    """A unified diff of what --fix would change (empty when nothing)."""
    import difflib

    if not result.changed:
        return ""
    before = result.original.decode(result.encoding).lstrip("\ufeff").splitlines(keepends=True)
    after = result.fixed.decode(result.encoding).lstrip("\ufeff").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"a/{result.path}", f"b/{result.path}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
