"""Loading and running the schemas (the files live in ../schema/).

Validators are built once, on first use, and reused: building the JSON Schema
validator costs far more than running it.
"""

from __future__ import annotations

import json
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
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def json_errors(obj: Any) -> list[str]:
    """Every schema violation of ``obj``, one line each, with its JSON path."""
    errors = sorted(json_validator().iter_errors(obj), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{e.json_path}: {_short(e.message)}" for e in errors]


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


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise SchemaError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _reject_constant(name: str) -> None:
    raise SchemaError(f"{name} is not valid JSON")


def _depth_ok(data: bytes, limit: int) -> bool:
    """Bracket depth outside strings, counted before json.loads can recurse."""
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def load_json_untrusted(data: bytes, name: str = "<input>") -> Any:
    """Parse JSON from an untrusted source: bounded size and depth, no NaN, no duplicate keys."""
    if len(data) > MAX_JSON_BYTES:
        raise SchemaError(f"{name}: JSON larger than {MAX_JSON_BYTES} bytes")
    if data.count(b"[") + data.count(b"{") > MAX_JSON_DEPTH and not _depth_ok(data, MAX_JSON_DEPTH):
        raise SchemaError(f"{name}: JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        text = data.decode("utf-8-sig")
        return json.loads(text, object_pairs_hook=_reject_duplicates, parse_constant=_reject_constant)
    except SchemaError as exc:
        raise SchemaError(f"{name}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise SchemaError(f"{name}: JSON is not UTF-8 (byte {exc.start})") from None
    except (ValueError, RecursionError) as exc:
        raise SchemaError(f"{name}: not valid JSON: {_short(str(exc))}") from None
