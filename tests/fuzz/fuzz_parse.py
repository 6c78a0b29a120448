#!/usr/bin/env python
"""Coverage-guided fuzzing of readout with atheris (libFuzzer for Python).

Checks the properties of ``targets.py`` on bytes that libFuzzer mutates,
starting from the seeds, the corpus and their canonical JSON and XML:

- ``text``: bytes as a readout (the first byte picks the encoding: detected,
  or one named as with --encoding): converted or refused with an InputError;
  deterministic; JSON and XML load back to the same document; render/parse
  stable; the linter does not raise.
- ``json`` / ``xml``: bytes as an untrusted canonical file: refused with a
  SchemaError, or loaded into a document that renders and serializes.
- ``all`` (default): the first byte picks one of the three.

Run (``pip install atheris``)::

    python tests/fuzz/fuzz_parse.py -atheris_runs=1000000 -timeout=10   # an input slower than 10 s is a bug too
    READOUT_FUZZ_TARGET=json python tests/fuzz/fuzz_parse.py -max_total_time=600
    mkdir -p corpus && python tests/fuzz/fuzz_parse.py -atheris_runs=100000 corpus/   # keep what it learns

Any other libFuzzer flag works (``-jobs=2``, ``-max_len=20000``). An empty
corpus folder named, or ``$TMPDIR/readout-fuzz-<target>`` when none is, is
filled from seeds/ and tests/corpus/ (and kept between runs). A
crash writes ``crash-<sha1>``; replay it with
``python tests/fuzz/fuzz_parse.py crash-<sha1>``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path[:0] = [str(HERE), str(ROOT)]

# The package imports its heavy modules lazily, inside functions: import them
# here so that they are instrumented and coverage can guide the fuzzer.
with atheris.instrument_imports(include=["convert", "targets"]):
    import convert.canonical
    import convert.parse
    import convert.parse.lead
    import convert.pipeline
    import convert.schema
    import convert.serialize.jsonform
    import convert.serialize.render
    import convert.serialize.xml
    import convert.xmlsafe
    import convert.xmlschema
    import targets

    try:
        import convert.lint  # the linter, once it is built
    except ImportError:
        pass

TARGET = os.environ.get("READOUT_FUZZ_TARGET", "all")
_KINDS = ("text", "json", "xml")


def _text(data: bytes) -> None:
    if not data:
        return
    encoding = targets.ENCODINGS[data[0] % len(targets.ENCODINGS)]
    targets.check_text(data[1:], encoding)


_RUN = {"text": _text, "json": targets.check_json, "xml": targets.check_xml}


def test_one_input(data: bytes) -> None:
    if TARGET != "all":
        _RUN[TARGET](data)
    elif data:
        _RUN[_KINDS[data[0] % 3]](data[1:])


def _seed_inputs() -> list[bytes]:
    """Real readouts and their canonical forms, prefixed as ``test_one_input`` expects."""
    from convert.pipeline import convert_source

    texts = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").glob("*.txt"))[:20]
    inputs = []
    for path in texts:
        raw = path.read_bytes()
        result = convert_source(raw, path.name)
        inputs += [(b"\x00", raw), (b"\x01", result.json), (b"\x02", result.xml)]
    if TARGET == "all":
        return [prefix + data for prefix, data in inputs]
    wanted = {"text": b"\x00", "json": b"\x01", "xml": b"\x02"}[TARGET]
    return [(b"\x00" if TARGET == "text" else b"") + data for prefix, data in inputs if prefix == wanted]


def _with_seed_corpus(argv: list[str]) -> list[str]:
    """``argv`` with a corpus that starts from the seeds.

    An empty corpus folder named is filled with them; with no folder (and no
    crash file to replay), ``$TMPDIR/readout-fuzz-<target>`` is used, filled
    the first time and kept, so the next run starts from what this one learnt.
    """
    named = [arg for arg in argv[1:] if not arg.startswith("-")]
    empty = [arg for arg in named if os.path.isdir(arg) and not os.listdir(arg)]
    if named and not empty:
        return argv
    folder = Path(empty[0]) if empty else Path(tempfile.gettempdir()) / f"readout-fuzz-{TARGET}"
    folder.mkdir(exist_ok=True)
    if not any(folder.iterdir()):
        for number, data in enumerate(_seed_inputs()):
            (folder / f"seed-{number:03d}").write_bytes(data)
    return argv if empty else [*argv, str(folder)]


def main() -> None:
    argv = _with_seed_corpus(sys.argv)
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
