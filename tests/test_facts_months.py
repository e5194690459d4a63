"""Every spelling of every month an Arabic news page may print, read as that month: the
Syriac names of the Levant and Iraq, the Egyptian and Gulf names, the French-derived names of
Algeria and Tunisia, the Moroccan names, the Hijri months; with and without hamza, ة or ه, ى
or ي. The list is written here from the calendars themselves, not from the code."""

import pytest

from facts import arabic, english

GREGORIAN = [
    # Levant and Iraq
    ("كانون الثاني", 1), ("كانون ثاني", 1), ("شباط", 2), ("آذار", 3), ("اذار", 3), ("نيسان", 4), ("أيار", 5),
    ("ايار", 5), ("حزيران", 6), ("تموز", 7), ("آب", 8), ("اب", 8), ("أيلول", 9), ("ايلول", 9), ("تشرين الأول", 10),
    ("تشرين الاول", 10), ("تشرين أول", 10), ("تشرين الثاني", 11), ("تشرين ثاني", 11), ("كانون الأول", 12),
    ("كانون الاول", 12), ("كانون أول", 12),
    # Egypt and the Gulf
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("مايو", 5), ("يونيو", 6),
    ("يونيه", 6), ("يونية", 6), ("يوليو", 7), ("يوليه", 7), ("يولية", 7), ("أغسطس", 8), ("اغسطس", 8),
    ("سبتمبر", 9), ("أكتوبر", 10), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12), ("دیسمبر", 12),
    # Algeria and Tunisia
    ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("افريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
    ("اوت", 8),
    # Morocco
    ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11), ("دجنبر", 12),
]


@pytest.mark.parametrize("name,month", GREGORIAN)
def test_every_gregorian_month_spelling(name, month):
    [d] = arabic.extract(f"وقع ذلك في 5 {name} 2021.").dates
    assert d.iso == f"2021-{month:02d}-05"


@pytest.mark.parametrize("name,month", GREGORIAN)
def test_a_month_alone_after_fi(name, month):
    [d] = arabic.extract(f"تبدأ الحملة في {name} المقبل.").dates
    assert d.partial == f"--{month:02d}"


HIJRI = [
    ("محرم", 1), ("المحرم", 1), ("صفر", 2), ("ربيع الأول", 3), ("ربيع الاول", 3), ("ربيع أول", 3),
    ("ربيع الآخر", 4), ("ربيع الاخر", 4), ("ربيع الثاني", 4), ("جمادى الأولى", 5), ("جمادى الاولى", 5),
    ("جمادي الأولى", 5), ("جمادى الآخرة", 6), ("جمادى الاخرة", 6), ("جمادى الثانية", 6), ("رجب", 7), ("شعبان", 8),
    ("رمضان", 9), ("شوال", 10), ("ذو القعدة", 11), ("ذي القعدة", 11), ("ذو القعده", 11), ("ذو الحجة", 12),
    ("ذي الحجة", 12), ("ذى الحجة", 12),
]


@pytest.mark.parametrize("name,month", HIJRI)
def test_every_hijri_month_spelling(name, month):
    [d] = arabic.extract(f"وقع ذلك في 5 {name} 1440 هـ.").dates
    assert (d.iso, d.calendar, d.hijri) == (None, "hijri", f"1440-{month:02d}-05")


@pytest.mark.parametrize("name,month", [(n, m) for n, m in HIJRI if n != "صفر"])
def test_a_hijri_month_with_a_bare_year(name, month):
    [d] = arabic.extract(f"وقع ذلك في {name} 1440.").dates
    assert d.hijri == f"1440-{month:02d}"


def test_safar_is_the_month_with_its_day_its_era_or_after_fi_and_else_zero():
    assert [d.hijri for d in arabic.extract("تبدأ الدراسة في صفر 1440.").dates] == ["1440-02"]
    assert [d.hijri for d in arabic.extract("تبدأ الدراسة 3 صفر 1440.").dates] == ["1440-02-03"]
    assert [d.calendar for d in arabic.extract("كانت النتيجة صفر 1440 نقطة.").dates] == []


ENGLISH = [("January", 1), ("Feb.", 2), ("March", 3), ("Apr", 4), ("May", 5), ("June", 6), ("Jul", 7), ("August", 8),
           ("Sept", 9), ("Sep", 9), ("October", 10), ("Nov", 11), ("December", 12)]


@pytest.mark.parametrize("name,month", ENGLISH)
def test_english_month_names(name, month):
    [d] = english.extract(f"It happened on 5 {name} 2021.").dates
    assert d.iso == f"2021-{month:02d}-05"
