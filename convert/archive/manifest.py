"""Publishing: documents.jsonl and manifest.json, streamed from the database in id order.

Both files are rebuilt whole, through a temporary file and a rename, from the
database and the documents' JSON lines (checked against it), so they hold exactly what is
committed and never depend on the order in which workers finished. Neither
holds a timestamp: the same archive always publishes the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from json.encoder import encode_basestring as _string  # what _dump does with a str (ensure_ascii=False)

from .. import __version__
from ..errors import ReadoutError
from ..model import SCHEMA_VERSION
from .rows import SEVERITIES
from .spool import Previous, Spool
from .store import Store
from .writer import output_path, streamed

FORMAT = "readout-archive/1"
MANIFEST = "manifest.json"
JSONL = "documents.jsonl"
DATABASE = "readout.sqlite"

_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def write_jsonl(store: Store, root: str, spool: Spool) -> int:
    """Every document's JSON line in id order, each taken where it is cheapest (see :mod:`.spool`)."""
    count = 0
    target = os.path.join(root, JSONL)
    with Previous(target) as previous, streamed(target) as out:
        # The spool's offsets are None where it has nothing for the document.
        for doc_id, json_sha, offset, length in store.iter_by_id(
                "SELECT d.id, d.json_sha256, s.offset, s.length FROM documents d LEFT JOIN scan.spool s "
                "ON s.id = d.id WHERE d.id > ? ORDER BY d.id LIMIT ?"):
            data = spool.read(offset, length) if offset is not None else None
            if data is None or hashlib.sha256(data).hexdigest() != json_sha:
                data = previous.take(doc_id)
                if data is None or hashlib.sha256(data).hexdigest() != json_sha:
                    data = _read_json(root, doc_id, json_sha)
            out.write(data)
            count += 1
    return count


def _read_json(root: str, doc_id: str, json_sha: str) -> bytes:
    name = output_path(root, "json", doc_id)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ReadoutError(f"{name}: cannot read ({exc.strerror}); run again with --verify to repair") from None
    if hashlib.sha256(data).hexdigest() != json_sha:
        raise ReadoutError(f"{name}: differs from what the archive recorded (changed by hand?); "
                           "run again with --verify to repair")
    return data


def document_entry(doc_id: str, path: str, sha: str, schema: str, xml_sha: str, json_sha: str, errors: int,
                   warnings: int, infos: int) -> str:
    """A document's line in the manifest: the bytes ``_dump`` gives for the same dict, a quarter of its cost.

    The keys in this order, strings escaped by the encoder's own function, and the diagnostic counts as
    ``json`` writes ints (a test compares the two on odd paths).
    """
    i = _string(doc_id)[1:-1]  # "xml/" and ".xml" around the id need no escaping
    return (f'{{"id":"{i}","source":{{"path":{_string(path)},"sha256":{_string(sha)}}},'
            f'"schema_version":{_string(schema)},"outputs":{{"xml":{{"path":"xml/{i}.xml","sha256":{_string(xml_sha)}}},'
            f'"json":{{"path":"json/{i}.json","sha256":{_string(json_sha)}}}}},'
            f'"diagnostics":{{"{SEVERITIES[0]}":{int(errors)},"{SEVERITIES[1]}":{int(warnings)},'
            f'"{SEVERITIES[2]}":{int(infos)}}}}}')


def write_manifest(store: Store, root: str) -> None:
    totals = store.totals()
    head = {
        "format": FORMAT,
        "tool": {"name": "readout", "version": __version__},
        "schema_version": SCHEMA_VERSION,
        "files": {"jsonl": JSONL, "sqlite": DATABASE, "xml": "xml/<id>.xml", "json": "json/<id>.json"},
        "totals": {"documents": totals["documents"], "failures": totals["failures"],
                   "diagnostics": {s: totals[s] for s in SEVERITIES}},
    }
    with streamed(os.path.join(root, MANIFEST)) as out:
        # One entry per line: the file stays valid JSON and diffs read well.
        out.write(_dump(head)[:-1].encode() + b',\n"documents":[')
        sep = b"\n"
        for row in store.iter_documents():
            out.write(sep + document_entry(*row).encode())
            sep = b",\n"
        out.write(b'\n],\n"failures":[')
        sep = b"\n"
        for path, doc_id, sha, reason in store.iter_failures():
            entry = {"path": path, "id": doc_id, "source_sha256": sha, "reason": reason}
            out.write(sep + _dump(entry).encode())
            sep = b",\n"
        out.write(b"\n]}\n")
