"""Text to document model."""

from __future__ import annotations

import os
import unicodedata

from .. import regex
from ..model import Document, Source
from .link import link_footnotes
from .reading import decode, normalize_newlines, newline_style
from .segment import segment

_UNSAFE = regex.compile(r"[^a-z0-9._-]+")
# What _UNSAFE.sub("-", name) does to an ASCII name, by C string methods: every unsafe byte becomes a
# space, and the runs between them are joined with "-". That leaves out the "-" a leading or trailing
# unsafe run would give, which the slug's strip("-._") removes anyway. (The regex's sub was half the
# cost of making an id: file names are full of underscores.)
_UNSAFE_TO_SPACE = bytes(ord(" ") if _UNSAFE.match(chr(c)) else c for c in range(256))
_MAX_ID = 120  # the schema's limit; with ".json" still far below any file system's name limit
_HASH = 12  # hex digits of a name's hash added to an id
_WINDOWS = os.name == "nt"
# Names Windows reserves whatever the extension.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def make_id(path: str, sha256: str = "") -> str:
    """A stable, filesystem-safe id from a source path: its file name, without suffix.

    The id depends on the file name only (``sha256`` is accepted for old
    callers and unused), so ``convert --to``, ``convert -o`` and ``archive``
    agree, and an edited file keeps its id. Whatever the name, the id is
    lower-case ``[a-z0-9._-]``, starts with a letter or digit, is at most 120
    characters, and is never a Windows device name (``con``, ``nul``, ...):
    ``../``, absolute paths and drive letters cannot escape the output folder,
    and names differing only in case meet in one id, which
    :func:`convert.sources.unique_ids` then tells apart. Accents are folded
    (``Élysée`` -> ``elysee``); a name with other characters that cannot be
    kept (``首脳会談``) gets a hash of the name, so two such names never
    share an id.
    """
    # The last component as PurePosixPath(...).name gives it, without building a path object: the archive's
    # scan calls this once a file (2.3 us a call with PurePath, 1 us now). Empty and "." components do not
    # count, so "a/b/" and "a/b/." name "b".
    path = path.replace("\\", "/")
    if _WINDOWS and path[1:2] == ":":
        path = path[2:]  # "C:readout.txt": PureWindowsPath's name leaves the drive out
    stem = path.rpartition("/")[2]
    if not stem or stem == ".":
        stem = next((part for part in reversed(path.split("/")) if part and part != "."), "")
    if stem.lower().endswith((".txt", ".text")):
        stem = stem.rsplit(".", 1)[0]
    folded, lost = _fold(stem)
    kept = folded.lower().encode("ascii").translate(_UNSAFE_TO_SPACE).decode("ascii")
    slug = "-".join(kept.split()).strip("-._")  # the schema: starts with a letter or digit
    if not slug or lost:
        slug = f"{slug or 'doc'}-{_name_hash(stem)}"
    if slug.split(".")[0] in _RESERVED:
        slug = f"doc-{slug}"
    if len(slug) > _MAX_ID:
        slug = slug[: _MAX_ID - _HASH - 1].rstrip("-._") + "-" + _name_hash(stem)
    return slug


def _fold(stem: str) -> tuple[str, bool]:
    """ASCII letters of ``stem`` with accents dropped, and whether anything else was dropped."""
    if stem.isascii():
        return stem, False
    kept, lost = [], False
    for c in unicodedata.normalize("NFKD", stem):
        if c.isascii():
            kept.append(c)
        elif not unicodedata.combining(c):
            lost = True
    return "".join(kept), lost


def _name_hash(stem: str) -> str:
    import hashlib  # only for the few names a slug cannot keep

    return hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH]


def parse_text(text: str, path: str = "<string>", *, source: Source | None = None, doc_id: str | None = None,
               lead_facts: bool = True) -> Document:
    """Parse decoded text. ``source`` describes the raw bytes when known.

    Without ``lead_facts`` the lead keeps its text and marks but no date,
    events or participants: ``check`` reads them only when a rule asks
    (:func:`convert.parse.lead.lead_facts`), which saves a third of parsing.
    """
    if source is None:
        import hashlib

        source = Source(path, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), newline=newline_style(text))
    read_lead = None
    if lead_facts:
        from .lead import read_lead

    doc = segment(normalize_newlines(text), source, doc_id or make_id(source.path, source.sha256), read_lead)
    return link_footnotes(doc)


def parse_bytes(raw: bytes, path: str, *, encoding: str | None = None, doc_id: str | None = None) -> Document:
    decoded = decode(raw, path, encoding)
    source = Source(path, decoded.sha256, decoded.encoding, decoded.bom, decoded.newline)
    return parse_text(decoded.text, path, source=source, doc_id=doc_id)


__all__ = ["parse_text", "parse_bytes", "make_id", "decode"]
