"""The tabular Islamic calendar (facts/hijri.py), which had no test of its own until the
mutation run (bench/mutation.py facts.hijri) showed it: each day against a second formula
written here from a different source, the spans of a day, a month and a year on each
calendar, and where a Gregorian date stops being a Hijri one.

The reference is the arithmetic of Reingold and Dershowitz, Calendrical Calculations (3rd
ed., ch. 6): fixed(year, month, day) = day + 29(month - 1) + floor((6 month - 1) / 11)
+ 354(year - 1) + floor((3 + 11 year) / 30) + epoch - 1, with the epoch R.D. 227015 (16 July
622, Julian), and R.D. is what Python's date.toordinal counts. The module computes the
months' lengths another way (the ceiling of 29.5 days a month)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from facts import hijri

_EPOCH_RD = 227015


def reference(year: int, month: int, day: int) -> date:
    return date.fromordinal(day + 29 * (month - 1) + (6 * month - 1) // 11 + 354 * (year - 1)
                            + (3 + 11 * year) // 30 + _EPOCH_RD - 1)


# Every year of one 30-year cycle (its 11 leap years among them), and some far from it.
@pytest.mark.parametrize("year", [1, 2, 5, 29, 30, 1300, 1399, 1400, *range(1411, 1441), 1445, 1446, 1500])
def test_every_month_start_and_end_agrees_with_the_reference(year):
    for month in range(1, 13):
        for day in (1, 15, 29, 30):
            assert hijri.to_gregorian(year, month, day) == reference(year, month, day), (year, month, day)


def test_the_epoch_and_the_defaults():
    assert hijri.to_gregorian(1) == date(622, 7, 19)  # 16 July 622 Julian, proleptic Gregorian
    assert hijri.to_gregorian(1446) == hijri.to_gregorian(1446, 1, 1) == reference(1446, 1, 1)
    assert hijri.to_gregorian(1446, 9) == reference(1446, 9, 1)


# Days announced for the Umm al-Qura calendar (Saudi Arabia), within the two days of SLACK the
# module allows for a country's observed calendar.
@pytest.mark.parametrize("hijri_date,gregorian", [
    ("1440-09-01", "2019-05-06"),  # 1 Ramadan 1440
    ("1440-10-01", "2019-06-04"),  # Eid al-Fitr 1440
    ("1441-01-01", "2019-08-31"),  # 1 Muharram 1441
    ("1445-09-01", "2024-03-11"),  # 1 Ramadan 1445
    ("1445-12-10", "2024-06-16"),  # Eid al-Adha 1445
])
def test_announced_days_may_be_the_same_day_and_a_week_later_may_not(hijri_date, gregorian):
    assert hijri.may_be(hijri_date, gregorian)
    later = (date.fromisoformat(gregorian) + timedelta(days=7)).isoformat()
    assert not hijri.may_be(hijri_date, later)


def test_the_span_of_a_day_a_month_and_a_year():
    two = hijri.SLACK
    assert two == timedelta(days=2)
    day = reference(1440, 9, 15)
    assert hijri.span("1440-09-15") == (day - two, day + two)
    assert hijri.span("1440-09-31") == hijri.span("1440-09-30")  # no 31st: read as the last day
    assert hijri.span("1440-09") == (reference(1440, 9, 1) - two, reference(1440, 10, 1) - timedelta(days=1) + two)
    assert hijri.span("1440-12") == (reference(1440, 12, 1) - two, reference(1441, 1, 1) - timedelta(days=1) + two)
    # 1442 is a leap year: its last month has 30 days, not 29.
    assert hijri.span("1442-12") == (reference(1442, 12, 1) - two, reference(1442, 12, 30) + two)
    assert reference(1443, 1, 1) - reference(1442, 12, 1) == timedelta(days=30)
    assert hijri.span("1440") == (reference(1440, 1, 1) - two, reference(1441, 1, 1) - timedelta(days=1) + two)


@pytest.mark.parametrize("iso,first,last", [
    ("2024-03-05", date(2024, 3, 5), date(2024, 3, 5)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),  # a leap February
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
    ("2023-11", date(2023, 11, 1), date(2023, 11, 30)),
    ("2023-12", date(2023, 12, 1), date(2023, 12, 31)),  # the next month is in the next year
    ("2024", date(2024, 1, 1), date(2024, 12, 31)),
])
def test_the_days_a_gregorian_date_covers(iso, first, last):
    assert hijri.gregorian_span(iso) == (first, last)


def test_where_a_gregorian_day_stops_being_a_hijri_day():
    day = reference(1440, 9, 15)
    for offset, expected in [(-3, False), (-2, True), (0, True), (2, True), (3, False)]:
        assert hijri.may_be("1440-09-15", (day + timedelta(days=offset)).isoformat()) is expected, offset


def test_where_a_gregorian_month_stops_overlapping_a_hijri_one():
    # Ramadan 1440 is 6 May .. 4 June 2019 in the tabular calendar (an odd month: 30 days).
    first, last = hijri.span("1440-09")
    assert (first, last) == (date(2019, 5, 4), date(2019, 6, 6))
    assert hijri.may_be("1440-09", "2019-05") and hijri.may_be("1440-09", "2019-06")
    assert not hijri.may_be("1440-09", "2019-04") and not hijri.may_be("1440-09", "2019-07")
    assert hijri.may_be("1440-09", "2019-06-06") and not hijri.may_be("1440-09", "2019-06-07")  # its last day
    assert hijri.may_be("1440-09", "2019-05-04") and not hijri.may_be("1440-09", "2019-05-03")  # its first
    # A full Hijri date inside a Gregorian month: the month covers it.
    assert hijri.may_be("1440-09-01", "2019-05") and not hijri.may_be("1440-09-01", "2019-04")
    assert hijri.may_be("1440-09-01", "2019-05-02") is False  # four days before 6 May


def test_a_date_that_cannot_be_read_is_no_match():
    assert not hijri.may_be("1440-09", "2023-02-30")
