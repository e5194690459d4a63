"""Publication date and source from what the input states: metadata fields or a dateline.
Never guessed: a value that cannot be read as a date leaves `published` null."""

from __future__ import annotations

import re

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?")
# A dateline ends at the first dash or colon within its first few words:
#   بغداد - 27 أيلول 2022 - ...      أربيل (رووداو) - ...      الرياض 27 سبتمبر 2022 (واس) - ...
_DATELINE = re.compile(r"^(?P<head>[^\n.!؟?]{2,90})\s+[-–—:]\s+")
_AGENCY = re.compile(r"[(/]\s*(?P<name>[^()/\d]{2,30}?)\s*[)/]")


def normalise_date(value: str | None) -> str | None:
    """ISO date (YYYY-MM-DD, YYYY-MM or YYYY) from a metadata value, else None (also for a
    date that does not exist, such as 2023-02-30: date_problem says why)."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value)
    if m:
        year, month, day = m.groups()
        if date_problem(value):
            return None
        return f"{year}-{month}-{day}" if day else f"{year}-{month}"
    from facts import arabic, english

    # The most specific date either language's reading finds (27 أيلول 2022 is a full date
    # to the Arabic reader, a bare year to the English one).
    dates = [d.iso for extract in (english.extract_dates, arabic.extract_dates) for d in extract(value) if d.iso]
    return max(dates, key=len) if dates else None


def date_problem(value: str | None) -> str | None:
    """Why a metadata date written YYYY-MM(-DD) names no day or month there is, or None."""
    m = _ISO_PREFIX.match(value or "")
    if not m:
        return None
    year, month, day = (int(part) if part else None for part in m.groups())
    if not 1 <= month <= 12:
        return f"{value.strip()!r} is no such date (month {month:02d})"
    if day is not None:
        import datetime

        try:
            datetime.date(year, month, day)
        except ValueError as exc:
            return f"{value.strip()!r} is no such date ({exc})"
    return None


def read_dateline(first_paragraph: str) -> tuple[str | None, str | None]:
    """(published, agency) stated by a dateline opening the first paragraph."""
    m = _DATELINE.match(first_paragraph)
    if not m or len(m.group("head").split()) > 9:
        return None, None
    head = m.group("head")
    from facts import arabic

    dates = [d for d in arabic.extract_dates(head) if d.iso and len(d.iso) == 10]
    agency = _AGENCY.search(head)
    return (dates[0].iso if dates else None), (agency.group("name").strip() if agency else None)


_FRAGMENT_START = re.compile(r"^(?:[،,;؛:)\]»”.…]|\.\.\.|[a-z])")


def looks_like_fragment(first_paragraph: str) -> bool:
    """Text that starts mid-sentence: a lower-case word, a comma, a closing bracket, an
    ellipsis. Such a piece of a story is still translated, with a warning."""
    return bool(_FRAGMENT_START.match(first_paragraph.strip()))
