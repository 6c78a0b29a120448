"""One document as database rows: plain tuples, built in the worker, inserted by the store.

Workers send tuples of strings and numbers back rather than the model
itself: they pickle several times faster, and the parent then only runs
``executemany``. The column order here is the order of the columns in
:mod:`convert.archive.store`, after the ``doc_key`` the parent adds (the
worker cannot know it); a test checks the two agree.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Document

TABLE_COLUMNS = {
    "sections": ("doc_id", "ordinal", "number", "heading", "line", "end_line"),
    "paragraphs": ("doc_id", "ordinal", "section", "parent", "kind", "number", "text", "residue",
                   "line", "column", "end_line", "end_column"),
    "footnotes": ("doc_id", "ordinal", "footnote_id", "marker", "label", "term", "definition", "text", "line"),
    "participants": ("doc_id", "ordinal", "name", "honorific", "given_name", "family_name", "role", "organisation"),
    "events": ("doc_id", "ordinal", "kind", "date", "start", "start_japan", "utc_offset", "duration",
               "start_text", "japan_time_text", "duration_text", "approximate"),
    "diagnostics": ("doc_id", "ordinal", "code", "category", "severity", "message", "line", "column",
                    "end_line", "end_column", "fix"),
}
SEVERITIES = ("error", "warning", "info")


def document_rows(doc: Document, problems: list[Any]) -> tuple[dict[str, Any], dict[str, list[tuple]]]:
    """``(summary, rows)``: the document's own columns and full-text fields, and child rows by table."""
    i = doc.id
    sections, paragraphs, body = [], [], []
    for s_no, section in enumerate(doc.sections, 1):
        span = section.span
        sections.append((i, s_no, section.number, section.heading, span and span.line, span and span.end_line))
        if section.heading:
            body.append(section.heading)
        for para in section.paragraphs:
            p_no = len(paragraphs) + 1
            sp = para.span
            paragraphs.append((i, p_no, s_no, None, para.kind, para.number, para.text, para.residue,
                               sp.line, sp.column, sp.end_line, sp.end_column))
            if para.kind != "residue":  # link labels and captions would only add noise to search
                body.append(para.text)
            for item in para.items:
                it = item.span
                paragraphs.append((i, len(paragraphs) + 1, s_no, p_no, "item", item.number, item.text, None,
                                   it.line, it.column, it.end_line, it.end_column))
                body.append(item.text)
    footnotes = [(i, n, f.id, f.marker, f.label, f.term, f.definition, f.text, f.span.line)
                 for n, f in enumerate(doc.footnotes, 1)]
    lead = doc.lead
    participants = [(i, n, p.name, p.honorific, p.given_name, p.family_name, p.role, p.organisation)
                    for n, p in enumerate(lead.participants if lead else (), 1)]
    events = [(i, n, e.kind, e.date, e.start, e.start_japan, e.utc_offset, e.duration, e.start_text,
               e.japan_time_text, e.duration_text, int(e.approximate))
              for n, e in enumerate(lead.events if lead else (), 1)]
    diagnostics = [(i, n, p.code, p.category, p.severity, p.message, p.line, p.column, p.end_line, p.end_column,
                    _fix_text(getattr(p, "fix", None)))
                   for n, p in enumerate(problems, 1)]
    counts = {s: 0 for s in SEVERITIES}
    for p in problems:
        counts[p.severity] = counts.get(p.severity, 0) + 1
    summary = {
        "title": doc.title.text if doc.title else None,
        "qualifier": doc.title.qualifier if doc.title else None,
        "date": doc.date,
        "lead": lead.text if lead else None,
        "encoding": doc.source.encoding,
        "counts": tuple(counts[s] for s in SEVERITIES),
        "fts": (doc.title.text if doc.title else "", lead.text if lead else "", "\n".join(body),
                "\n".join(f.text for f in doc.footnotes)),
    }
    rows = {"sections": sections, "paragraphs": paragraphs, "footnotes": footnotes, "participants": participants,
            "events": events, "diagnostics": diagnostics}
    return summary, rows


def _fix_text(fix: Any) -> str | None:
    """A fix as one column: the replacement text of a one-edit fix, else its edits as JSON."""
    if fix is None or isinstance(fix, str):
        return fix
    replacement = getattr(fix, "replacement", None)
    if isinstance(replacement, str):
        return replacement
    edits = getattr(fix, "edits", None)
    if edits is not None:
        return json.dumps([[e.start, e.end, e.replacement] for e in edits], ensure_ascii=False)
    return str(fix)
