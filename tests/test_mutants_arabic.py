"""The Arabic reader (facts/arabic.py) where the mutation run (bench/mutation.py facts.arabic)
found it unheld, as tables of sentences and the exact records read from them: numeric dates in
each order and at each bound, Hijri days past the 30th, the Hijri years written with numeric
dates, a reading skipped in the middle of a text and the next one still read, years that are
counts or labels, figures in two or three parts joined by و, the dual and the one that a
translation may leave unsaid, and the two readings of 1.500. Every expected value below is
worked out from the Arabic, not copied from a run."""

from __future__ import annotations

import pytest

from facts import arabic
from tests.fact_rows import G, H, N, dates_of, numbers_of


def dates(text: str, published: str | None = None) -> list[tuple]:
    return dates_of(arabic, text, published)


def numbers(text: str) -> list[tuple]:
    return numbers_of(arabic, text)


# -- numeric dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("صدر في 2020/3/15 قرار", [G("2020/3/15", "2020-03-15")]),  # the year first
    ("صدر في 5/3/2020 قرار", [G("5/3/2020", "2020-03-05")]),  # day and month both under 13: day first
    ("صدر في 11/12/2020 قرار", [G("11/12/2020", "2020-12-11")]),
    ("صدر في 12/13/2020 قرار", [G("12/13/2020", "2020-12-13")]),  # no month 13: the month was first
    ("صدر في 12/27/2020 قرار", [G("12/27/2020", "2020-12-27")]),
    ("صدر في 15/1/2020 قرار", [G("15/1/2020", "2020-01-15")]),  # the first month and the last
    ("صدر في 15/12/2020 قرار", [G("15/12/2020", "2020-12-15")]),
    ("صدر في 1/3/2020 قرار", [G("1/3/2020", "2020-03-01")]),  # the first day
    ("صدر في 13/27/2020 قرار", []),  # neither number is a month
    ("صدر في 20/13/2020 قرار", []),
    ("صدر في 15/0/2020 قرار", []), ("صدر في 0/3/2020 قرار", []),
    ("صدر في 31/2/2023 قرار", [("31/2/2023", None, "gregorian", None, None, "2023-02-31")]),
])
def test_numeric_dates_in_each_order_and_at_each_bound(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("صدر في 15/3/1300 قرار", [H("15/3/1300", "1300-03-15")]),  # no Gregorian year of the news: Hijri
    ("صدر في 15/3/1500 قرار", [H("15/3/1500", "1500-03-15")]),
    ("صدر في 15/3/1501 قرار", [G("15/3/1501", "1501-03-15")]),
    ("صدر في 15/3/1299 قرار", [G("15/3/1299", "1299-03-15")]),
    ("صدر في 30/3/1440 قرار", [H("30/3/1440", "1440-03-30")]),  # a Hijri month has 29 or 30 days
    ("صدر في 31/3/1440 قرار", [("31/3/1440", None, "hijri", None, None, "1440-03-31")]),
    ("صدر في 31/3/1440هـ قرار", [("31/3/1440هـ", None, "hijri", None, None, "1440-03-31")]),
])
def test_numeric_dates_with_a_hijri_year(text, expected):
    assert dates(text) == expected


# -- Hijri dates written with the month's name ----------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("في 30 رمضان 1440 أعلن", [H("30 رمضان 1440", "1440-09-30")]),
    ("في 31 رمضان 1440 أعلن", [("31 رمضان 1440", None, "hijri", None, None, "1440-09-31")]),
    ("في 1 شوال 1440 أعلن", [H("1 شوال 1440", "1440-10-01")]),
    ("صدر عام 1440  هـ", [H("عام 1440  هـ", "1440")]),  # two spaces before the era
    ("صدر عام 1440\nهـ", [H("عام 1440\nهـ", "1440")]),
    ("صفر 1440 هجري", [H("صفر 1440 هجري", "1440-02")]),  # صفر at the start, with its era: the month
    ("صفر 1440هـ", [H("صفر 1440هـ", "1440-02")]),
    ("صفر 1440 ه. موعد", [H("صفر 1440 ه.", "1440-02")]),
    ("في صفر 1440", [H("صفر 1440", "1440-02")]),  # after في at the very start of the text
    ("مر صفر 1440 عليهم", []),  # no day, no era, no word of time before it: zero
    ("بلغ العدد صفر 1400 مرة ثم في رمضان 1441", [H("رمضان 1441", "1441-09")]),  # zero, then a month
])
def test_hijri_days_and_eras(text, expected):
    assert dates(text) == expected


# -- a reading skipped, and the next one still read ----------------------------------------------

@pytest.mark.parametrize("text,expected", [
    # a numeric date inside a hotline number
    ("الخط الساخن 15-3-2020 ثم صدر في 20/4/2021 قرار", [G("20/4/2021", "2021-04-20")]),
    ("صدر في 3/4/5 و20/4/2021 قرار", [G("20/4/2021", "2021-04-20")]),  # no four-digit year
    ("صدر في 20/13/2020 و20/4/2021 قرار", [G("20/4/2021", "2021-04-20")]),  # no month 13
    ("صدر في 31/3/1440 و5/4/1440 قرار", [("31/3/1440", None, "hijri", None, None, "1440-03-31"),
                                        H("5/4/1440", "1440-04-05")]),
    # the era of a numeric Hijri date is not read again as a year of its own
    ("صدر في 15/3/1440هـ ثم رمضان 1441", [H("15/3/1440هـ", "1440-03-15"), H("رمضان 1441", "1441-09")]),
    ("في 31 رمضان 1440 و5 شوال 1440", [("31 رمضان 1440", None, "hijri", None, None, "1440-09-31"),
                                       H("5 شوال 1440", "1440-10-05")]),
    # a Gregorian date over a numeric one already read
    ("الرقم 2020/3/15 مارس 2020 ثم 5 أبريل 2021", [G("2020/3/15", "2020-03-15"), G("5 أبريل 2021", "2021-04-05")]),
    ("في شهري يناير فبراير 2020 ثم في 3 مارس 2020", [G("3 مارس 2020", "2020-03-03")]),  # two months: not one date
    ("في 32 مارس 2020 ثم في 5 أبريل 2020", [G("5 أبريل 2020", "2020-04-05")]),  # no day 32
    ("مارس الوزير ضغوطا قبل 5 أبريل 2020", [G("5 أبريل 2020", "2020-04-05")]),  # مارس the verb
    ("دفع 2000 دولار ثم في عام 2010 عاد", [G("عام 2010", "2010")]),  # a year followed by its unit: money
    ("وصل 300 شخص و2000 جندي في عام 2010", [G("عام 2010", "2010")]),  # و2000 جندي counts soldiers
    ("نص القرار 1990. وفي عام 2010 عاد", [G("عام 2010", "2010")]),  # a resolution's number
    ("قاتل 2000 جندي في عام 2010", [G("عام 2010", "2010")]),
])
def test_a_reading_skipped_and_the_next_one_still_read(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("في 1 مارس 2020 بدأ", [G("1 مارس 2020", "2020-03-01")]),
    ("في 31 مارس 2020 بدأ", [G("31 مارس 2020", "2020-03-31")]),
    ("في 32 مارس 2020 بدأ", []),
    ("في 15 يناير كانون الثاني 2020 بدأ", [G("15 يناير كانون الثاني 2020", "2020-01-15")]),  # two names, one month
])
def test_gregorian_days_and_paired_month_names(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("في 2011 شهدت البلاد", [G("2011", "2011")]),  # في before it: a year, at the start of the text
    ("قال 2000   جندي", []),  # any run of spaces before the counted noun
    ("وصل 300 شخص و2000 جندي", []),
    ("في عامي 2010 و2014 زار", [G("عامي 2010", "2010"), G("2014", "2014")]),  # a year just before: و2014 too
])
def test_bare_years_and_counts(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize("published", ["2020-03-15", "2020-03-15T08:30:00+03:00"])
def test_a_relative_day_from_a_published_date_or_timestamp(published):
    text = "وصل الوفد أمس"
    found = arabic.extract(text, published).dates
    assert [(d.text, d.iso, d.start, d.end) for d in found] == [("أمس", "2020-03-14", 10, 13)]


def test_extract_dates_passes_over_a_hotline_number():
    text = "الخط الساخن 15-3-2020 وفي 20/4/2021"
    assert [(d.text, d.iso) for d in arabic.extract_dates(text)] == [("20/4/2021", "2021-04-20")]


# -- quantities ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("اتصل على 2345 6789 الآن", []),  # a number after a call word: a line
    ("أرقام 2345 6789 فقط", []),  # eight digits in a run, with no call word: a telephone number too
    ("أرقام 234 5678 فقط", [N("234", 234), N("5678", 5678)]),  # seven: two numbers
    ("أرقام 12 - 34 - 56 فقط", [N("12", 12), N("34", 34), N("56", 56)]),  # six: three numbers
    ("في عام 2010 قتل 300 شخص", [N("300", 300)]),  # the year is not counted again
    ("نصف السكان و300 شخص", [N("300", 300)]),  # نصف alone is "half of"
    ("خسر بلايين الدولارات و300 شخص", [N("بلايين", 1e9, vague=True), N("300", 300)]),  # billions: vague
    ("تريليونات الدولارات", [N("تريليونات", 1e12, vague=True)]),
    ("عشرات البلايين", [N("عشرات البلايين", 1e10, vague=True)]),
    ("وصل 3 ملايين ونصف زائر", [N("3 ملايين ونصف", 3.5e6)]),
    ("بلغت 1,250.750 دينار", [N("1,250.750 دينار", 1250.75, "dinar")]),  # three decimals (the Kuwaiti dinar)
    ("بلغت 1.250,000,5 وحدة", [N("1.250,000,5", 1250000.5)]),  # two marks: the last is the decimal one
])
def test_quantities(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("بلغت 2 مليار و300 مليون دولار", [N("2 مليار و300 مليون دولار", 2.3e9, "USD")]),
    ("بلغت 3 مليارات و200 مليون و500 ألف", [N("3 مليارات و200 مليون و500 ألف", 3.2005e9)]),
    ("بلغت ثلاثة ملايين و500 ألف", [N("ثلاثة ملايين و500 ألف", 3.5e6)]),  # a scale ends the words
    ("وصل 5 آلاف و1000 جندي", [N("5 آلاف", 5000), N("1000", 1000)]),  # not below the scale: two figures
    ("وصل ألفين و500 جندي", [N("ألفين و500", 2500)]),  # the dual's scale is a thousand
    ("وصل ألفين و800 جندي", [N("ألفين و800", 2800)]),
    ("وصل ألفين و1500 جندي", [N("ألفين", 2000), N("1500", 1500)]),
    ("وصل 5 آلاف و700 و0.5 طن", [N("5 آلاف و700", 5700), N("0.5 طن", 0.5, "tonne")]),
    ("وصل خمسة و0.5 طن", [N("خمسة", 5), N("0.5 طن", 0.5, "tonne")]),  # no scale: nothing joins
    ("وصل 5 و0.5 طن", [N("5", 5), N("0.5 طن", 0.5, "tonne")]),
    ("بلغت 2 مليار و300 مليون دولار و5 أشخاص", [N("2 مليار و300 مليون دولار", 2.3e9, "USD"), N("5", 5)]),
])
def test_figures_written_in_parts(text, expected):
    assert numbers(text) == expected


def test_a_merged_figure_keeps_its_span():
    text = "بلغت 2 مليار و300 مليون دولار"
    (n,) = arabic.extract(text).numbers
    assert (n.start, n.end, n.vague, n.alternative, n.implicit) == (5, 29, False, None, False)


@pytest.mark.parametrize("text,value,implicit", [
    ("قتل شخص واحد", 1.0, True),  # a translation may say "a person"
    ("بقيت سيارة واحدة", 1.0, True),
    ("قتل ثلاثة أشخاص", 3.0, False),
    ("قتل 1 شخص", 1.0, False),
    ("التقى الطرفين", 2.0, True),  # the dual: "both sides"
])
def test_a_count_a_translation_may_leave_unsaid(text, value, implicit):
    (n,) = arabic.extract(text).numbers
    assert (n.value, n.implicit, n.vague) == (value, implicit, False)


@pytest.mark.parametrize("text,value,alternative", [
    ("وصل 1.500 شخص", 1500.0, 1.5),  # unscaled: 1,500, or 1.5
    ("بلغت 1.500 مليار دولار", 1.5e9, 1.5e12),  # scaled: 1.5 billion, or 1,500 billion
    ("وصل 1.5 شخص", 1.5, None),
])
def test_the_two_readings_of_a_dot_and_three_digits(text, value, alternative):
    (n,) = arabic.extract(text).numbers
    assert (n.value, n.alternative) == (value, alternative)


def test_extract_numbers_is_the_quantities_of_read():
    text = "في عام 2010 قتل 300 شخص في الساعة 5"
    assert arabic.extract_numbers(text) == list(arabic.read(text).numbers) == [arabic.read(text).numbers[0]]
    assert [n.value for n in arabic.extract_numbers(text)] == [300.0]


# -- the date helpers both readers share (facts/calendar_dates.py) ---------------------------------

@pytest.mark.parametrize("text,expected", [
    ("في 29 فبراير بدأ", [("29 فبراير", None, "gregorian", None, "--02-29", None)]),  # some year has it
    ("في 30 فبراير بدأ", [("30 فبراير", None, "gregorian", None, None, "--02-30")]),  # no year has it
    ("في 29 فبراير 2023 بدأ", [("29 فبراير 2023", None, "gregorian", None, None, "2023-02-29")]),
])
def test_a_day_without_its_year_is_checked_against_a_leap_year(text, expected):
    assert dates(text) == expected


def test_iso_dates_for_as_much_as_is_known():
    from facts.calendar_dates import iso_date

    assert [iso_date(2020, None, None), iso_date(2020, 3, None), iso_date(2020, 3, 5), iso_date(None, 3, 5),
            iso_date(2023, 2, 29)] == ["2020", "2020-03", "2020-03-05", None, None]
