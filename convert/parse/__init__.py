"""Text to document model."""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

from ..model import Document, Source
from .link import link_footnotes
from .reading import decode, normalize_newlines, newline_style
from .segment import segment

_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_MAX_ID = 120
# Names Windows reserves whatever the extension.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def make_id(path: str, sha256: str) -> str:
    """A stable, filesystem-safe id from a source path (its file name, without suffix)."""
    stem = PurePath(path.replace("\\", "/")).name
    if stem.lower().endswith((".txt", ".text")):
        stem = stem.rsplit(".", 1)[0]
    slug = _UNSAFE.sub("-", stem.lower()).strip("-.")
    if not slug or slug.split(".")[0] in _RESERVED:
        slug = f"doc-{slug}-{sha256[:12]}".replace("--", "-").strip("-")
    if len(slug) > _MAX_ID:
        slug = slug[: _MAX_ID - 13].rstrip("-.") + "-" + hashlib.sha256(stem.encode()).hexdigest()[:12]
    return slug


def parse_text(text: str, path: str = "<string>", *, source: Source | None = None, doc_id: str | None = None) -> Document:
    """Parse decoded text. ``source`` describes the raw bytes when known."""
    if source is None:
        source = Source(path, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), newline=newline_style(text))
    from .lead import read_lead

    doc = segment(normalize_newlines(text), source, doc_id or make_id(source.path, source.sha256), read_lead)
    return link_footnotes(doc)


def parse_bytes(raw: bytes, path: str, *, encoding: str | None = None, doc_id: str | None = None) -> Document:
    decoded = decode(raw, path, encoding)
    source = Source(path, decoded.sha256, decoded.encoding, decoded.bom, decoded.newline)
    return parse_text(decoded.text, path, source=source, doc_id=doc_id)


__all__ = ["parse_text", "parse_bytes", "make_id", "decode"]
