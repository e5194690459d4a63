"""Rows of the fact readers' tables (tests/test_mutants_arabic.py, test_mutants_english.py):
each record a reader finds, as a tuple of what it says, after checking that its text is its
span of the text as written."""

from __future__ import annotations


def dates_of(reader, text: str, published: str | None = None) -> list[tuple]:
    found = reader.extract(text, published).dates
    assert [text[d.start:d.end].strip() for d in found] == [d.text for d in found]
    return [(d.text, d.iso, d.calendar, d.hijri, d.partial, d.invalid) for d in found]


def numbers_of(reader, text: str) -> list[tuple]:
    found = reader.extract(text).numbers
    assert [text[n.start:n.end].strip() for n in found] == [n.text for n in found]
    return [(n.text, n.value, n.unit, n.vague) for n in found]


def G(text: str, iso: str) -> tuple:  # noqa: N802 - a table's shorthand: a Gregorian date
    return (text, iso, "gregorian", None, None, None)


def H(text: str, hijri: str) -> tuple:  # noqa: N802 - a Hijri date
    return (text, None, "hijri", hijri, None, None)


def N(text: str, value: float, unit: str | None = None, vague: bool = False) -> tuple:  # noqa: N802
    return (text, value, unit, vague)
