"""The English reader (facts/english.py) where the mutation run (bench/mutation.py
facts.english) found it unheld, as tables of sentences and the exact records read from them:
numeric dates in each order and at each bound, Hijri days past the 30th, a reading skipped in
the middle of a text and the next one still read, "may" the verb, a year after a unit or a
place's time, "m" as metres or millions, and the fractions and vague quantities with their
spans. Every expected value below is worked out from the English, not copied from a run."""

from __future__ import annotations

import pytest

from facts import english
from tests.fact_rows import G, H, N, dates_of, numbers_of


def dates(text: str, published: str | None = None) -> list[tuple]:
    return dates_of(english, text, published)


def numbers(text: str) -> list[tuple]:
    return numbers_of(english, text)


# -- numeric dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("signed on 15/3/2020 in Doha", [G("15/3/2020", "2020-03-15")]),
    ("signed on 5/3/2020 in Doha", [G("5/3/2020", "2020-03-05")]),  # both under 13: the day first
    ("signed on 11/12/2020 in Doha", [G("11/12/2020", "2020-12-11")]),
    ("signed on 12/13/2020 in Doha", [G("12/13/2020", "2020-12-13")]),  # no month 13: the month was first
    ("signed on 12/27/2020 in Doha", [G("12/27/2020", "2020-12-27")]),
    ("signed on 15/1/2020 in Doha", [G("15/1/2020", "2020-01-15")]),
    ("signed on 15/12/2020 in Doha", [G("15/12/2020", "2020-12-15")]),
    ("signed on 1/3/2020 in Doha", [G("1/3/2020", "2020-03-01")]),
    ("signed on 15.3.2020 in Doha", [G("15.3.2020", "2020-03-15")]),
    ("signed on 31/2/2023 in Doha", [("31/2/2023", None, "gregorian", None, None, "2023-02-31")]),
    ("signed on 29/2/2024 in Doha", [G("29/2/2024", "2024-02-29")]),  # a leap year's last day of February
    ("signed on 29/2/2023 in Doha", [("29/2/2023", None, "gregorian", None, None, "2023-02-29")]),
])
def test_numeric_dates_in_each_order_and_at_each_bound(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text", ["signed on 13/27/2020 in Doha", "signed on 20/13/2020 in Doha",
                                  "signed on 15/0/2020 in Doha", "signed on 0/3/2020 in Doha"])
def test_numbers_that_are_not_a_day_and_a_month_make_no_date(text):
    assert [d for d in dates(text) if d[0] != "2020"] == []
    assert all("/" not in d[0] for d in dates(text))


@pytest.mark.parametrize("text,expected", [
    ("dated 15/3/1300 in the archive", [H("15/3/1300", "1300-03-15")]),  # no Gregorian year of the news
    ("dated 15/3/1500 in the archive", [H("15/3/1500", "1500-03-15")]),
    ("dated 15/3/1501 in the archive", [G("15/3/1501", "1501-03-15")]),
    ("dated 15/3/1299 in the archive", [G("15/3/1299", "1299-03-15")]),
    ("dated 15/3/1299 AH in the archive", [H("15/3/1299 AH", "1299-03-15")]),  # the era says so
    ("dated 30/3/1440 in the archive", [H("30/3/1440", "1440-03-30")]),
    ("dated 31/3/1440 in the archive", [("31/3/1440", None, "hijri", None, None, "1440-03-31")]),
])
def test_numeric_dates_with_a_hijri_year(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("on 30 Ramadan 1440 they", [H("30 Ramadan 1440", "1440-09-30")]),
    ("on 31 Ramadan 1440 they", [("31 Ramadan 1440", None, "hijri", None, None, "1440-09-31")]),
    ("on 1 Shawwal 1440 they", [H("1 Shawwal 1440", "1440-10-01")]),
    ("built in 1440 AH they", [H("1440 AH", "1440")]),
])
def test_hijri_days_and_years(text, expected):
    assert dates(text) == expected


# -- a reading skipped, and the next one still read ----------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("hotline 15/3/2020 and on 20/4/2021", [G("20/4/2021", "2021-04-20")]),  # a numeric date in a number
    ("on 20/13/2020 and 20/4/2021", [G("20/4/2021", "2021-04-20")]),
    ("on 31/3/1440 and 5/4/1440", [("31/3/1440", None, "hijri", None, None, "1440-03-31"), H("5/4/1440", "1440-04-05")]),
    ("on 15/3/1440 AH and in Ramadan 1441", [H("15/3/1440 AH", "1440-03-15"), H("Ramadan 1441", "1441-09")]),
    ("on 31 Ramadan 1440 and 5 Shawwal 1440", [("31 Ramadan 1440", None, "hijri", None, None, "1440-09-31"),
                                               H("5 Shawwal 1440", "1440-10-05")]),
    ("March 15/3/2020 and April 5, 2021", [G("15/3/2020", "2020-03-15"), G("April 5, 2021", "2021-04-05")]),
    ("those 5 may join on 3 March 2020", [G("3 March 2020", "2020-03-03")]),  # "may" the verb
    ("on 2020-13-05 and 2021-04-05", [G("2020", "2020"), G("2021-04-05", "2021-04-05")]),  # no month 13
    # no day 32: the month and year alone
    ("on 32 March 2020 and 5 April 2020", [G("March 2020", "2020-03"), G("5 April 2020", "2020-04-05")]),
    ("paid 2000 dollars in 2010", [G("2010", "2010")]),  # a year followed by its unit: money
])
def test_a_reading_skipped_and_the_next_one_still_read(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("on 5 May 2020 talks", [G("5 May 2020", "2020-05-05")]),
    ("on 5 May the talks", []),  # may without a year: far more often the verb, so left
    ("on 5 June the talks", [("5 June", None, "gregorian", None, "--06-05", None)]),
    ("in May the talks", [("May", None, "gregorian", None, "--05", None)]),
    ("in July the talks", [("July", None, "gregorian", None, "--07", None)]),
    ("on 1 March 2020 talks", [G("1 March 2020", "2020-03-01")]),
    ("on 31 March 2020 talks", [G("31 March 2020", "2020-03-31")]),
    ("on 32 March 2020 talks", [G("March 2020", "2020-03")]),
    ("Percent changes in 2010 were small", [G("2010", "2010")]),  # the unit word is not after the year
    ("in 2011 the country", [G("2011", "2011")]),  # "in" at the very start of the text
    ("paid 2000  troops", []),  # a count, with any run of spaces before the noun
])
def test_month_names_days_and_years(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("published", ["2020-03-15", "2020-03-15T08:30:00+03:00"])
def test_a_relative_day_from_a_published_date_or_timestamp(published):
    text = "the delegation arrived yesterday"
    found = english.extract(text, published).dates
    assert [(d.text, d.iso, d.start, d.end) for d in found] == [("yesterday", "2020-03-14", 23, 32)]


def test_extract_dates_passes_over_a_hotline_number_and_reads_relative_days():
    text = "call 112 now, and tomorrow 20/4/2021"
    assert [(d.text, d.iso) for d in english.extract_dates(text, "2020-03-15")] == [
        ("tomorrow", "2020-03-16"), ("20/4/2021", "2021-04-20")]


@pytest.mark.parametrize("text,iso", [
    ("In a phone call on 3 March 2020, the two ministers agreed.", "2020-03-03"),
    ("In a call on 3rd March 2020 they agreed.", "2020-03-03"),
    ("Speaking by telephone on 21 Sept. 2019, he said so.", "2019-09-21"),
    ("Call the hotline on 0800 123 456 before 3 March 2020.", "2020-03-03"),
])
def test_a_call_word_leaves_a_day_before_a_month_to_the_date(text, iso):
    assert [d.iso for d in english.extract_dates(text)] == [iso]


def test_a_call_word_still_claims_a_short_line_before_other_words():
    assert english.extract("Call 999 now or dial 112 if abroad.").numbers == ()
    assert [n.text for n in english.extract("Call 999 may help.").numbers] == ["999"]  # "may" read as a month


# -- quantities ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("codes 2345 6789 only", []),  # eight digits in a run: a telephone number
    ("codes 12 - 34 - 56 only", [N("12", 12), N("34", 34), N("56", 56)]),  # six: three numbers
    ("in 2010, 300 people died", [N("300", 300)]),  # the year is not counted again
    ("a wall 5 m high", [N("5 m", 5, "m")]),  # m alone: metres
    ("$5 m in aid", [N("$5 m", 5e6, "USD")]),  # with money: a million
    ("5m dollars in aid", [N("5m dollars", 5e6, "USD")]),
    ("5m tonnes of wheat", [N("5m tonnes", 5e6, "tonne")]),
    ("dozens of people and 300 troops", [N("dozens", 10, vague=True), N("300", 300)]),
    ("tens of thousands marched", [N("tens of thousands", 1e4, vague=True)]),
    ("half a million dollars and 300 troops", [N("half a million dollars", 5e5, "USD"), N("300", 300)]),
    ("a quarter of a billion", [N("a quarter of a billion", 2.5e8)]),
    ("three and a half million", [N("three and a half million", 3.5e6)]),
])
def test_quantities(text, expected):
    assert numbers(text) == expected


def test_a_vague_quantity_and_a_fraction_keep_their_spans():
    text = "dozens of people and half a million dollars"
    assert [(n.start, n.end) for n in english.extract(text).numbers] == [(0, 6), (21, 43)]


def test_extract_numbers_is_the_quantities_of_read():
    text = "in 2010, 300 people died at 5 pm"
    assert english.extract_numbers(text) == list(english.read(text).numbers)
    assert [n.value for n in english.extract_numbers(text)] == [300.0]
