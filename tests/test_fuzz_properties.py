"""Fuzzing with hypothesis, in CI: parse, check, convert and render never raise on any input;
convert is deterministic; JSON, XML and render round-trip.

The properties themselves live in ``tests/fuzz/targets.py``, shared with the
atheris harness (``tests/fuzz/fuzz_parse.py``), which runs them for longer.
``READOUT_FUZZ_EXAMPLES`` sets the examples per property (default 150):

    READOUT_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz_properties.py
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DOCUMENTS, ROOT, SEEDS

sys.path.insert(0, str(Path(__file__).parent / "fuzz"))
import targets  # noqa: E402

EXAMPLES = int(os.environ.get("READOUT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# --- generated readouts ----------------------------------------------------------------------------

_NAMES = st.sampled_from(["Mr. KISHIDA Fumio, Prime Minister of Japan", "H.E. Mr. Jens Stoltenberg, Secretary General",
                          "Ms. KAMIKAWA Yoko", "President Lula", "Dr. Müller", "岸田文雄"])
_TIMES = st.sampled_from(["8:35 a.m.", "12:25 p.m.", "9:35 p.m. JST", "7:25 p.m. Japan time", "14:00", "noon",
                          "8:35 a.m. local time (July 11, 9:35 p.m. JST)", "25:99 p.m.", "0:00 am"])
_DATES = st.sampled_from(["July 11, 2024", "February 30, 2023", "Monday, June 17, 2013", "4 July 2000",
                          "Date: May 20, 2023", "December 31, 9999", "January 1, 0001", "(July 11, 2024)"])
_FRAGMENTS = st.sampled_from([
    "(IP4)(*1)", "(*2)", "ITPP*1", "(※1)", "( English (PDF/56KB ) / Japanese (PDF/97KB) )", "(PDF)", "“", "”", "’",
    "\u00a0", "\u200b", "\ufeff", "\u3000", "\x0b", "\x0c", "\x1b[0m", "\x07", "\u2028", "\u0085", "\t", "  ",
    "(", ")", "[", "]", "<", ">", "&", "&amp;", "]]>", "<!--", "\\", "\\u0041", "\"", "'", "*", ":", ";", ".",
    "1.", "(1)", "(a)", "(iv)", "•", "・", "Related Link", "Archives (2024)", "Back to Top", "Home > News > x",
])
_WORDS = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\n"), max_size=30)
_INLINE = st.lists(st.one_of(_WORDS, _FRAGMENTS, _NAMES, _TIMES, _DATES), max_size=8).map(" ".join)


def _line(kind: str, body: str, n: int) -> str:
    return {
        "title": f"Japan-X Summit Meeting {body} (Summary)",
        "date": body,
        "marker": "[Provisional translation]" if n % 2 else "[Provisional Translation]",
        "lead": f"On July 11, commencing at {body} for approximately {n} minutes, Mr. KISHIDA Fumio held a meeting.",
        "section": f"{n}. {body}",
        "paragraph": f"({n}) {body}",
        "item": f"({'abcdefghij'[n % 10]}) {body}",
        "footnote": f"(*{n}) TERM{n}: {body}",
        "bullet": f"• {body}",
        "free": body,
    }[kind]


_LINES = st.lists(
    st.tuples(st.sampled_from(["title", "date", "marker", "lead", "section", "paragraph", "item", "footnote",
                               "bullet", "free", "free"]), _INLINE, st.integers(0, 120)).map(lambda t: _line(*t)),
    max_size=30,
)


@st.composite
def readout_bytes(draw) -> bytes:
    """A readout-shaped text, with any newline style, encoded as a user's editor might have."""
    lines = draw(st.lists(st.one_of(_DATES, _LINES.map("\n".join)), max_size=3).map("\n".join))
    text = draw(st.sampled_from(["", "Japan-US Summit Meeting (Summary)\nJuly 11, 2024\n[Provisional translation]\n"]))
    text += lines
    text = text.replace("\n", draw(st.sampled_from(["\n", "\r\n", "\r"])))
    codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "cp932"]))
    return text.encode(codec, "replace")


# --- properties ---------------------------------------------------------------------------------------

@FUZZ
@given(readout_bytes())
def test_generated_readouts_convert_deterministically_and_round_trip(raw: bytes) -> None:
    targets.check_text(raw)


_EDIT_PIECES = st.sampled_from([*"abcXYZ019.,;:-'’\"“”()[]* ※\u00a0\t\n", "a.m.", " JST", "(*1)", "H.E. ", "these ",
                                "an ", "Indo-pacific", "1. ", "(2) ", "(a) ", ""])


@FUZZ
@given(st.sampled_from(DOCUMENTS), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["insert", "delete", "cut"]),
                                                      _EDIT_PIECES), max_size=8))
def test_edited_real_readouts_are_checked_without_error(path: Path, edits) -> None:
    # Real readouts with a few characters inserted or deleted, or cut short anywhere (a page saved
    # half-loaded): every rule must cope with any end and any neighbour of what it looks at.
    from convert.lint import lint
    from convert.parse import parse_text

    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    for where, op, piece in edits:
        at = int(where * len(text))
        text = {"insert": text[:at] + piece + text[at:], "delete": text[:at] + text[at + 1:], "cut": text[:at]}[op]
    lint(parse_text(text, "edited.txt", lead_facts=False), text)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(targets.ENCODINGS))
def test_arbitrary_bytes_convert_or_are_refused_cleanly(raw: bytes, encoding: str | None) -> None:
    targets.check_text(raw, encoding)


@FUZZ
@given(st.text(max_size=1500))
def test_arbitrary_text_converts_or_is_refused_cleanly(text: str) -> None:
    targets.check_text(text.encode("utf-8", "surrogatepass"))


def _seed_json() -> dict:
    from convert.pipeline import convert_source

    raw = SEEDS[0].read_bytes()
    return json.loads(convert_source(raw, SEEDS[0].relative_to(ROOT).as_posix(), forms=("json",)).json)


_SEED_JSON = _seed_json()
_JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=20), st.sampled_from(["", "fn1", "*1", "link", "footnote-ref", "2024-02-30", "PT25M"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6,
)


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            yield from _paths(value, prefix + (index,))


_SEED_PATHS = [p for p in _paths(_SEED_JSON) if p]


def _replace(obj, path, value):
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = dict(obj) if isinstance(obj, dict) else list(obj)
    copy[head] = _replace(obj[head], rest, value)
    return copy


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(_SEED_PATHS), _JSON_VALUES), min_size=1, max_size=4))
def test_mutated_canonical_json_loads_or_is_refused_cleanly(mutations) -> None:
    """Schema-valid but inconsistent documents (offsets past the text, dangling targets) must not crash."""
    doc = _SEED_JSON
    for path, value in mutations:
        try:
            doc = _replace(doc, path, value)
        except (KeyError, IndexError, TypeError):
            continue
    raw = json.dumps(doc, ensure_ascii=False, allow_nan=False).encode("utf-8", "surrogatepass")
    targets.check_json(raw)


_SEED_XML = None


def _seed_xml() -> bytes:
    global _SEED_XML
    if _SEED_XML is None:
        from convert.pipeline import convert_source

        _SEED_XML = convert_source(SEEDS[0].read_bytes(), "seed.txt", forms=("xml",)).xml
    return _SEED_XML


@FUZZ
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), st.binary(max_size=12)), min_size=1, max_size=6))
def test_mutated_canonical_xml_loads_or_is_refused_cleanly(edits) -> None:
    data = bytearray(_seed_xml())
    for where, drop, insert in edits:
        at = int(where * len(data))
        data[at:at + drop] = insert
    targets.check_xml(bytes(data))


@FUZZ
@given(st.binary(max_size=500))
def test_arbitrary_bytes_as_canonical_files_are_refused_cleanly(raw: bytes) -> None:
    targets.check_json(raw)
    targets.check_xml(raw)
    targets.check_xml(b"<?xml version='1.0'?>" + raw)
    targets.check_json(b'{"schema_version":' + raw)


def test_the_atheris_harness_runs(tmp_path: Path) -> None:
    """The long-running harness stays runnable: a few hundred inputs from the seed corpus."""
    import subprocess

    import pytest

    pytest.importorskip("atheris")
    proc = subprocess.run([sys.executable, str(Path(__file__).parent / "fuzz" / "fuzz_parse.py"), "-atheris_runs=300",
                           str(tmp_path)],
                          capture_output=True, timeout=120, cwd=Path(__file__).parent.parent)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    assert b"Done 300 in" in proc.stderr
