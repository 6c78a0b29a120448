"""Manifest lines written by hand: the bytes the JSON encoder gives for the same entry."""

from __future__ import annotations

import pytest

import convert.archive.manifest as manifest_module


@pytest.mark.parametrize("path", ["a/b.txt", 'quo"te\\back.txt', "tab\there\n.txt", "首脳会談/Élysée.txt", "\x7f\x1f.txt",
                                  "emoji \U0001f600.txt", "\u2028line.txt"])
def test_manifest_entries_are_the_bytes_json_gives(path: str) -> None:
    row = ("doc-1.a_b", path, "ab" * 32, "1.0", "cd" * 32, "ef" * 32, 0, 12, 3)
    doc_id, _, sha, schema, xml_sha, json_sha, *counts = row
    entry = {"id": doc_id, "source": {"path": path, "sha256": sha}, "schema_version": schema,
             "outputs": {"xml": {"path": f"xml/{doc_id}.xml", "sha256": xml_sha},
                         "json": {"path": f"json/{doc_id}.json", "sha256": json_sha}},
             "diagnostics": dict(zip(("error", "warning", "info"), counts))}
    assert manifest_module.document_entry(*row) == manifest_module._dump(entry)
