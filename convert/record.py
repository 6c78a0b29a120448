"""Record: ``typing.NamedTuple``'s class syntax, without its start-up cost.

``class Span(Record)`` with annotated fields, defaults, a docstring and
methods makes the same class ``typing.NamedTuple`` makes: a
``collections.namedtuple`` with the body's methods set on it. NamedTuple also
checks every annotation as a type, and with ``from __future__ import
annotations`` every annotation is a string that it compiles to check: about
eight milliseconds for the three dozen records a one-file check defines,
more than building them. Annotations here are for readers and type checkers,
which see a plain NamedTuple.
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (3 ms of a one-file check)

# What a record may not redefine: namedtuple's own machinery (as typing.NamedTuple refuses).
_PROTECTED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                        "_make", "_replace", "_asdict", "_source"})
# The class body's bookkeeping, which namedtuple sets itself.
_SKIPPED = frozenset({"__module__", "__qualname__", "__annotations__", "__dict__", "__weakref__"})


class _RecordMeta(type):
    def __new__(mcls, name: str, bases: tuple, namespace: dict):
        if namespace.get("_is_record_base"):
            return super().__new__(mcls, name, bases, namespace)
        fields = tuple(namespace.get("__annotations__", {}))
        defaults = [namespace[f] for f in fields if f in namespace]
        if defaults and any(f not in namespace for f in fields[len(fields) - len(defaults):]):
            raise TypeError(f"{name}: a field without a default follows one with a default")
        cls = namedtuple(name, fields, defaults=defaults, module=namespace["__module__"])
        cls.__qualname__ = namespace.get("__qualname__", name)
        cls.__annotations__ = dict(namespace.get("__annotations__", {}))
        for key, value in namespace.items():
            if key in _PROTECTED:
                raise AttributeError(f"{name}: cannot overwrite NamedTuple attribute {key}")
            if key not in _SKIPPED and key not in fields:
                setattr(cls, key, value)
        return cls


# A record built straight from the tuple of all its fields, in order: ``new_record(Span, (0, 4, 1, 1, 1, 5))``.
# A record's own __new__ is a Python function (namedtuple's); parsing and checking build thousands
# a document, and that call was a quarter of their cost. No defaults apply: every field is given
# (tests/test_parse_shortcuts.py checks the records parsing builds).
new_record = tuple.__new__

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    class Record(metaclass=_RecordMeta):
        _is_record_base = True
