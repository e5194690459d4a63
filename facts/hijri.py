"""The arithmetical (tabular) Islamic calendar, to tell whether a Gregorian date a translator
gave can be the Hijri date of the source. The observed calendar of a given country may differ
from it by a day or two, so a match allows that much. Pure."""

from __future__ import annotations

from datetime import date, timedelta

# Julian day of 1 Muharram 1 AH (16 July 622, Julian) in the civil (Friday) epoch.
_EPOCH = 1948439
_ORDINAL_OFFSET = 1721425  # date.toordinal() + this = Julian day number
SLACK = timedelta(days=2)


def to_gregorian(year: int, month: int = 1, day: int = 1) -> date:
    jdn = day + -(-(295 * (month - 1)) // 10) + (year - 1) * 354 + (3 + 11 * year) // 30 + _EPOCH
    return date.fromordinal(jdn - _ORDINAL_OFFSET)


def span(hijri: str) -> tuple[date, date]:
    """The Gregorian days a Hijri date (YYYY, YYYY-MM or YYYY-MM-DD) covers, widened by SLACK."""
    parts = [int(p) for p in hijri.split("-")]
    year = parts[0]
    if len(parts) == 3:
        first = last = to_gregorian(year, parts[1], min(parts[2], 30))
    elif len(parts) == 2:
        first = to_gregorian(year, parts[1])
        last = (to_gregorian(year + 1, 1) if parts[1] == 12 else to_gregorian(year, parts[1] + 1)) - timedelta(days=1)
    else:
        first, last = to_gregorian(year), to_gregorian(year + 1) - timedelta(days=1)
    return first - SLACK, last + SLACK


def gregorian_span(iso: str) -> tuple[date, date]:
    """The days an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) covers."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def may_be(hijri: str, iso: str) -> bool:
    """Whether the Gregorian date can be the Hijri one: the days they cover overlap, the Hijri
    side widened by SLACK (for a full date on each side: within SLACK of each other)."""
    try:
        first, last = span(hijri)
        g_first, g_last = gregorian_span(iso)
    except (ValueError, OverflowError):
        return False
    return g_first <= last and first <= g_last
