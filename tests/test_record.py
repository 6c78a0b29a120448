"""Record makes what typing.NamedTuple makes, without checking annotations as types."""

from __future__ import annotations

import pickle
from typing import NamedTuple

import pytest

from convert.record import Record


class Point(Record):
    """A point."""

    x: int
    y: int = 0  # a default
    label: str | None = None

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)


class TypedPoint(NamedTuple):
    """A point."""

    x: int
    y: int = 0
    label: str | None = None


class Labelled(Point):
    __slots__ = ()

    def __new__(cls, x: int, y: int = 0, label: str | None = None) -> Labelled:
        if label == "bad":
            raise ValueError(label)
        return super().__new__(cls, x, y, label)


def test_fields_defaults_and_methods():
    p = Point(1)
    assert p == (1, 0, None) == TypedPoint(1) and Point._fields == TypedPoint._fields
    assert Point._field_defaults == TypedPoint._field_defaults == {"y": 0, "label": None}
    assert p.norm == 1 and p.moved(2) == Point(3) and type(p.moved(2)) is Point
    assert repr(Point(1, 2, "a")) == "Point(x=1, y=2, label='a')"
    assert Point.__doc__ == "A point." and Point.__qualname__ == "Point" and Point.__module__ == __name__
    # Kept as written: typing.NamedTuple would have compiled each into a ForwardRef.
    assert Point.__annotations__ == {"x": "int", "y": "int", "label": "str | None"}


def test_immutable_slotted_and_picklable():
    p = Point(1, 2, "a")
    with pytest.raises(AttributeError):
        p.x = 3
    with pytest.raises(AttributeError):
        p.other = 3  # no __dict__
    assert pickle.loads(pickle.dumps(p)) == p and type(pickle.loads(pickle.dumps(p))) is Point
    assert hash(p) == hash((1, 2, "a"))


def test_a_subclass_may_validate():
    assert Labelled(1, label="ok").label == "ok" and isinstance(Labelled(1), Point)
    with pytest.raises(ValueError):
        Labelled(1, label="bad")
    assert pickle.loads(pickle.dumps(Labelled(2, 3))) == Labelled(2, 3)


def test_what_namedtuple_refuses_is_refused():
    with pytest.raises(TypeError, match="follows one with a default"):
        class Bad(Record):
            a: int = 0
            b: int

    with pytest.raises(AttributeError, match="_replace"):
        class Clash(Record):
            a: int

            def _replace(self):
                return self

