"""A date read from either language as ISO text, and the check that it exists. Shared by the
Arabic and English readers so that both sides of a pair are written the same way."""

from __future__ import annotations

import calendar
from datetime import date


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` for as much as is known; None without a year, or for
    a day its month lacks."""
    if year is None:
        return None
    if month is None:
        return f"{int(year):04d}"
    if day is None:
        return f"{int(year):04d}-{int(month):02d}"
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def impossible_date(year: int | None, month: int, day: int) -> str | None:
    """The date as written when its month has no such day (`2023-02-30`, `--02-30` without a
    year, checked against a leap year then); None when it has."""
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    if 1 <= day <= last:
        return None
    return (f"{year:04d}" if year is not None else "-") + f"-{month:02d}-{day:02d}"
