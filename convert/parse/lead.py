"""Placeholder lead reader: keeps the paragraph, derives no facts yet."""

from __future__ import annotations

from ..model import Lead


def read_lead(text, span, marks, date):
    return Lead(text, span, marks, date, (), (), ())
