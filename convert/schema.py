"""Loading and running the schemas (the files live in ../schema/).

Validators are built once, on first use, and reused: building the JSON Schema
validator costs far more than running it.
"""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

from .errors import SchemaError
from .resources import schema_path

JSON_SCHEMA = "document.schema.json"
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_JSON_DEPTH = 64  # canonical documents nest about 8 deep


@cache
def json_schema() -> dict[str, Any]:
    return json.loads(schema_path(JSON_SCHEMA).read_text(encoding="utf-8"))


@cache
def json_validator():
    Draft202012Validator = _import_jsonschema().Draft202012Validator
    return Draft202012Validator(json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


# Optional format libraries that jsonschema imports when it finds them, for formats our schema
# never uses: rfc3987-syntax (the "iri" formats, installed by the format-nongpl extra) builds a
# parser at import, about 1.4 s, which every `readout validate` would otherwise pay.
_UNUSED_FORMAT_LIBRARIES = ("rfc3987_syntax",)


def _import_jsonschema():
    import sys

    blocked = [name for name in _UNUSED_FORMAT_LIBRARIES if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # makes `import name` raise ImportError, which jsonschema skips
    try:
        import jsonschema
    finally:
        for name in blocked:
            del sys.modules[name]
    return jsonschema


def json_errors(obj: Any) -> list[str]:
    """Every schema violation of ``obj``, one line each, with its JSON path."""
    errors = [leaf for error in json_validator().iter_errors(obj) for leaf in _leaves(error)]
    errors.sort(key=lambda e: list(map(str, e.absolute_path)))
    return list(dict.fromkeys(f"{e.json_path}: {_short(e.message)}" for e in errors))


def _leaves(error):
    """The errors that say what is wrong: for anyOf/oneOf, those of the branches, not the whole value."""
    if not error.context:
        yield error
        return
    # "{...} is not of type 'null'" from a nullable value's other branch says nothing useful.
    said = [e for e in error.context if not (e.validator == "type" and e.absolute_path == error.absolute_path)]
    for sub in said or error.context:
        yield from _leaves(sub)


@cache
def _fast_validator():
    try:
        import jsonschema_rs
    except ImportError:  # the pure-Python validator gives the same answers, slower
        return None
    return jsonschema_rs.validator_for(json_schema(), validate_formats=True)


def json_errors_fast(obj: Any) -> list[str]:
    """Like :func:`json_errors`, with the compiled validator when it is installed (about 500x faster)."""
    fast = _fast_validator()
    if fast is None:
        return json_errors(obj)
    if fast.is_valid(obj):
        return []
    return json_errors(obj)


def _short(message: str, limit: int = 200) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


# Integers a canonical document holds are offsets, line numbers and counts;
# past 2**53 a JSON number loses precision in most readers (RFC 7493, I-JSON).
MAX_JSON_INTEGER = 2**53
_MAX_NUMBER_CHARS = 40  # Python refuses 4300 digits with a confusing message; we refuse sooner


class _Refused(Exception):
    """Raised inside json.loads hooks; becomes a SchemaError naming the file."""


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(f"duplicate key {_short(key, 60)!r}")
        result[key] = value
    return result


def _reject_constant(name: str) -> None:
    raise _Refused(f"{name} is not valid JSON")


def _parse_int(text: str) -> int:
    if len(text) > _MAX_NUMBER_CHARS or abs(value := int(text)) > MAX_JSON_INTEGER:
        raise _Refused(f"number {_short(text, 30)} is too large (the limit is 2**53)")
    return value


def _parse_float(text: str) -> float:
    value = float(text) if len(text) <= _MAX_NUMBER_CHARS else math.inf
    if not math.isfinite(value):
        raise _Refused(f"number {_short(text, 30)} is too large for a double")
    return value


def _check_tree(obj: Any, limit: int) -> None:
    """Depth within ``limit`` and strings UTF-8 can carry, without recursion."""
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            _check_string(value)
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth > limit:
            raise _Refused(f"JSON nested deeper than {limit} levels")
        if isinstance(value, dict):
            for key, item in value.items():
                _check_string(key)
                stack.append((item, depth + 1))
        else:
            stack.extend((item, depth + 1) for item in value)


def _check_string(value: str) -> None:
    # json.loads accepts "\ud800"; a lone surrogate cannot be written back as UTF-8.
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise _Refused(f"string holds a lone surrogate (U+{ord(value[exc.start]):04X})") from None


def load_json_untrusted(data: bytes, name: str = "<input>", *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse JSON from an untrusted source: bounded size, depth and numbers; no NaN or
    Infinity, no duplicate keys, no lone surrogates. Anything else is one SchemaError line.

    Depth: json.loads guards its own recursion (RecursionError, caught here), so
    100,000 nested brackets are refused at about a thousand; the tree is then
    walked without recursion and refused past ``max_depth``.
    """
    if len(data) > MAX_JSON_BYTES:
        raise SchemaError(f"{name}: JSON larger than {MAX_JSON_BYTES} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SchemaError(f"{name}: JSON is not UTF-8 (byte {exc.start})") from None
    try:
        obj = json.loads(text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant,
                         parse_int=_parse_int, parse_float=_parse_float)
        _check_tree(obj, max_depth)
    except _Refused as exc:
        raise SchemaError(f"{name}: {exc}") from None
    except RecursionError:
        raise SchemaError(f"{name}: JSON nested deeper than {max_depth} levels") from None
    except ValueError as exc:
        raise SchemaError(f"{name}: not valid JSON: {_short(str(exc))}") from None
    return obj
