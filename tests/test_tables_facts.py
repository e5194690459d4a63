"""The fact checks as tables: every month of every calendar an Arabic paper prints, read as its
own month; the number tolerance, exactly a translator's rounding to 2-4 significant figures and
nothing looser; the summary checked against the translation; grouped numbers with decimals.

The month lists are written here from the calendars (the Syriac names of the Levant and Iraq,
the Egyptian and Gulf transliterations of the Gregorian names, the French-derived names of
Algeria and Tunisia, the Moroccan names, the Hijri months), not taken from facts/arabic.py."""

from __future__ import annotations

import pytest

from facts import arabic, english
from facts.article import article_facts
from facts.checks import check_sentence

# month number -> spellings, by region
LEVANT = {1: ["كانون الثاني"], 2: ["شباط"], 3: ["آذار", "اذار"], 4: ["نيسان"], 5: ["أيار", "ايار"], 6: ["حزيران"],
          7: ["تموز"], 8: ["آب"], 9: ["أيلول", "ايلول"], 10: ["تشرين الأول", "تشرين الاول"], 11: ["تشرين الثاني"],
          12: ["كانون الأول", "كانون الاول"]}
EGYPT_GULF = {1: ["يناير"], 2: ["فبراير"], 3: ["مارس"], 4: ["أبريل", "ابريل", "إبريل"], 5: ["مايو"],
              6: ["يونيو", "يونية"], 7: ["يوليو", "يولية"], 8: ["أغسطس", "اغسطس"], 9: ["سبتمبر"],
              10: ["أكتوبر", "اكتوبر"], 11: ["نوفمبر"], 12: ["ديسمبر"]}
ALGERIA_TUNISIA = {1: ["جانفي"], 2: ["فيفري"], 3: ["مارس"], 4: ["أفريل", "افريل"], 5: ["ماي"], 6: ["جوان"],
                   7: ["جويلية"], 8: ["أوت", "اوت"], 9: ["سبتمبر"], 10: ["أكتوبر"], 11: ["نوفمبر"], 12: ["ديسمبر"]}
MOROCCO = {1: ["يناير"], 2: ["فبراير"], 3: ["مارس"], 4: ["أبريل"], 5: ["ماي"], 6: ["يونيو"], 7: ["يوليوز"],
           8: ["غشت"], 9: ["شتنبر"], 10: ["أكتوبر"], 11: ["نونبر"], 12: ["دجنبر"]}
HIJRI = {1: ["محرم"], 2: ["صفر"], 3: ["ربيع الأول", "ربيع الاول"], 4: ["ربيع الآخر", "ربيع الثاني"],
         5: ["جمادى الأولى", "جمادى الاولى"], 6: ["جمادى الآخرة", "جمادى الثانية"], 7: ["رجب"], 8: ["شعبان"],
         9: ["رمضان"], 10: ["شوال"], 11: ["ذو القعدة", "ذي القعدة"], 12: ["ذو الحجة", "ذي الحجة"]}
ENGLISH = {1: ["January", "Jan"], 2: ["February", "Feb"], 3: ["March", "Mar"], 4: ["April", "Apr"], 5: ["May"],
           6: ["June", "Jun"], 7: ["July", "Jul"], 8: ["August", "Aug"], 9: ["September", "Sept", "Sep"],
           10: ["October", "Oct"], 11: ["November", "Nov"], 12: ["December", "Dec"]}

def _rows(table: dict[int, list[str]], region: str) -> list:
    return [pytest.param(name, month, id=f"{region}-{month:02d}-{name}")
            for month, names in table.items() for name in names]


GREGORIAN = (_rows(LEVANT, "levant") + _rows(EGYPT_GULF, "egypt") + _rows(ALGERIA_TUNISIA, "maghreb")
             + _rows(MOROCCO, "morocco"))


def test_the_tables_name_every_month_of_each_calendar():
    for table in (LEVANT, EGYPT_GULF, ALGERIA_TUNISIA, MOROCCO, HIJRI, ENGLISH):
        assert sorted(table) == list(range(1, 13))


@pytest.mark.parametrize("name,month", GREGORIAN)
def test_a_gregorian_date_reads_its_own_month(name, month):
    assert [(d.iso, d.calendar) for d in arabic.extract(f"عقد المؤتمر في 14 {name} 2023 بحضور الوزراء.").dates] \
        == [(f"2023-{month:02d}-14", "gregorian")]


@pytest.mark.parametrize("name,month", GREGORIAN)
def test_a_month_and_year_read_as_that_month(name, month):
    assert [d.iso for d in arabic.extract(f"ارتفعت الأسعار في {name} 2023 بشكل ملحوظ.").dates] == [f"2023-{month:02d}"]


@pytest.mark.parametrize("name,month", GREGORIAN)
def test_a_day_and_month_without_a_year_is_partial(name, month):
    assert [(d.iso, d.partial) for d in arabic.extract(f"تنطلق الحملة يوم 3 {name} المقبل.").dates] \
        == [(None, f"--{month:02d}-03")]


@pytest.mark.parametrize("name,month", _rows(HIJRI, "hijri"))
def test_a_hijri_date_reads_its_own_month(name, month):
    assert [(d.iso, d.calendar, d.hijri) for d in arabic.extract(f"توفي في 14 {name} 1445 هـ في مكة.").dates] \
        == [(None, "hijri", f"1445-{month:02d}-14")]


@pytest.mark.parametrize("name,month", [(n, m) for m, names in ENGLISH.items() for n in names])
def test_an_english_date_reads_its_own_month(name, month):
    assert [d.iso for d in english.extract(f"The conference opened on 14 {name} 2023 in Baghdad.").dates] \
        == [f"2023-{month:02d}-14"]


@pytest.mark.parametrize("name,month", [(n, m) for m, names in ENGLISH.items() for n in names if len(n) > 3])
def test_an_english_date_month_first_reads_its_own_month(name, month):
    assert [d.iso for d in english.extract(f"The conference opened on {name} 14, 2023, in Baghdad.").dates] \
        == [f"2023-{month:02d}-14"]


@pytest.mark.parametrize("month", range(1, 13))
def test_a_translation_that_shifts_the_month_by_one_is_flagged(month):
    ar = f"وقع الاتفاق في 14 {EGYPT_GULF[month][0]} 2023."
    same, before = ENGLISH[month][0], ENGLISH[(month - 2) % 12 + 1][0]
    assert check_sentence(0, arabic.extract(ar), english.extract(f"The deal was signed on 14 {same} 2023.")) == []
    flags = check_sentence(0, arabic.extract(ar), english.extract(f"The deal was signed on 14 {before} 2023."))
    assert [(f["type"], f["source"]["iso"], f["translation"]["iso"]) for f in flags] == [
        ("date_changed", f"2023-{month:02d}-14", f"2023-{(month - 2) % 12 + 1:02d}-14")]


# -- the number tolerance -------------------------------------------------------------------------
# (Arabic, English, the flag expected or None). A translator may round to 2, 3 or 4 significant
# figures, either way; anything else is a changed number, however close (342 for 341 is 0.3%).
TOLL, EXPORTS, CASES, MANY, RATE, PEOPLE = (
    "بلغ عدد الضحايا 342 شخصا.", "بلغت الصادرات 4.54 مليار دولار.", "سجلت المدينة 12345 إصابة.",
    "سجلت البلاد 123456 إصابة.", "ارتفعت نسبة البطالة إلى 37.1%.", "يسكن المدينة 4487000 نسمة.")
TOLERANCE = [
    (TOLL, "The toll reached 342.", None),
    (TOLL, "The toll reached 341.", ("342", "341")),
    (TOLL, "The toll reached 343.", ("342", "343")),
    (TOLL, "The toll reached about 340.", None),  # 2 figures, rounded
    (TOLL, "The toll reached about 350.", None),  # 2 figures, rounded up
    (TOLL, "The toll reached about 300.", ("342", "300")),  # 1 figure: not a rounding
    (TOLL, "The toll reached 3,420.", ("342", "3,420")),  # another scale
    (EXPORTS, "Exports reached $4.54 billion.", None),
    (EXPORTS, "Exports reached $4.5 billion.", None),
    (EXPORTS, "Exports reached $4.6 billion.", None),  # 2 figures, rounded up
    (EXPORTS, "Exports reached $4.55 billion.", ("4.54 مليار دولار", "$4.55 billion")),
    (EXPORTS, "Exports reached $4.53 billion.", ("4.54 مليار دولار", "$4.53 billion")),
    (EXPORTS, "Exports reached $4.54 million.", ("4.54 مليار دولار", "$4.54 million")),
    (CASES, "The city recorded 12,350 cases.", None),  # 4 figures
    (CASES, "The city recorded 12,340 cases.", None),  # 4 figures, cut
    (CASES, "The city recorded 12,300 cases.", None),  # 3 figures
    (CASES, "The city recorded 12,000 cases.", None),  # 2 figures
    (CASES, "The city recorded 12,346 cases.", ("12345", "12,346")),
    (CASES, "The city recorded 12,344 cases.", ("12345", "12,344")),
    (CASES, "The city recorded 12,450 cases.", ("12345", "12,450")),
    (CASES, "The city recorded 10,000 cases.", ("12345", "10,000")),  # 1 figure
    (MANY, "The country recorded 123,500 cases.", None),  # 4 figures
    (MANY, "The country recorded 123,460 cases.", ("123456", "123,460")),  # 5 figures: not a rounding
    (RATE, "Unemployment rose to 37%.", None),
    (RATE, "Unemployment rose to 38%.", None),  # 2 figures, rounded up
    (RATE, "Unemployment rose to 36%.", ("37.1%", "36%")),
    (RATE, "Unemployment rose to 37.2%.", ("37.1%", "37.2%")),
    (PEOPLE, "The city has nearly 4.5 million people.", None),
    (PEOPLE, "The city has 4.49 million people.", None),
    (PEOPLE, "The city has 4.487 million people.", None),
    (PEOPLE, "The city has 4.4 million people.", None),  # 2 figures, cut
    (PEOPLE, "The city has 4.3 million people.", ("4487000", "4.3 million")),
    (PEOPLE, "The city has 4 million people.", ("4487000", "4 million")),  # 1 figure
    (PEOPLE, "The city has 4.488 million people.", ("4487000", "4.488 million")),
]


@pytest.mark.parametrize("ar,en,changed", TOLERANCE, ids=[f"{i}-{row[1]}" for i, row in enumerate(TOLERANCE)])
def test_a_number_is_kept_exactly_or_by_a_rounding_to_2_to_4_figures(ar, en, changed):
    flags = check_sentence(3, arabic.extract(ar), english.extract(en))
    assert [(f["type"], f["segment"], f["source"]["text"], f["translation"]["text"]) for f in flags] \
        == ([("number_changed", 3, *changed)] if changed else [])


def test_a_number_the_english_lacks_is_missing_not_changed():
    flags = check_sentence(0, arabic.extract(TOLL), english.extract("Many people died."))
    assert [(f["type"], f["source"]["text"], f["source"]["value"], f["translation"]) for f in flags] == [
        ("number_missing", "342", 342, None)]


# -- grouped numbers with decimals ----------------------------------------------------------------
GROUPED = [
    ("بلغ سعر الطن 1,250.5 دولار.", "1,250.5 دولار", 1250.5, "USD"),
    ("بلغ سعر الطن ١٬٢٥٠٫٥ دولار.", "١٬٢٥٠٫٥ دولار", 1250.5, "USD"),
    ("بلغ سعر الطن 1.250,5 دولار.", "1.250,5 دولار", 1250.5, "USD"),
    ("بلغت الديون 12,345,678.25 دينار.", "12,345,678.25 دينار", 12345678.25, "dinar"),
    ("بلغت الديون ١٢٬٣٤٥٬٦٧٨٫٢٥ دينار.", "١٢٬٣٤٥٬٦٧٨٫٢٥ دينار", 12345678.25, "dinar"),
    ("نقل 1,250 طنا.", "1,250 طنا", 1250, "tonne"),
    ("نقل ١٬٢٥٠ طنا.", "١٬٢٥٠ طنا", 1250, "tonne"),
]


@pytest.mark.parametrize("text,span,value,unit", GROUPED)
def test_a_grouped_arabic_number_with_decimals_reads_whole(text, span, value, unit):
    assert [(n.text, n.value, n.unit) for n in arabic.extract(text).numbers] == [(span, value, unit)]


@pytest.mark.parametrize("text,span,value", [("The tonne sold for $1,250.5.", "$1,250.5", 1250.5),
                                             ("Debts reached 12,345,678.25 dinars.", "12,345,678.25 dinars", 12345678.25)])
def test_a_grouped_english_number_with_decimals_reads_whole(text, span, value):
    assert [(n.text, n.value) for n in english.extract(text).numbers] == [(span, value)]


def test_grouped_decimals_on_both_sides_agree():
    assert check_sentence(0, arabic.extract(GROUPED[1][0]), english.extract("A tonne sold for $1,250.5.")) == []


# -- the summary is checked against the translation, not the source -----------------------------
SOURCE = ["قتل 342 شخصا في الهجوم على السوق.", "وأعلنت الحكومة الحداد ثلاثة أيام."]
# The translation gets the toll wrong; the sentence check flags that. The summary is the
# translation's: it is written from the English, and is checked against it.
TRANSLATION = ["The attack on the market killed 341 people.", "The government declared three days of mourning."]


def _types(summary: str, lang: str = "en") -> list[tuple[str, str | None]]:
    _, flags = article_facts(SOURCE, TRANSLATION, summary, None, summary_lang=lang)
    return [(f["type"], (f.get("summary") or {}).get("text")) for f in flags]


def test_a_summary_that_repeats_the_translation_has_no_flag_of_its_own():
    assert _types("The attack on the market killed 341 people.") == [("number_changed", None)]


def test_a_summary_with_the_source_figure_the_translation_lacks_is_flagged():
    assert _types("The attack on the market killed 342 people.") == [
        ("number_changed", None), ("summary_unsupported", "The attack on the market killed 342 people."),
        ("summary_number_unsupported", "342")]


def test_an_arabic_summary_is_checked_against_the_arabic():
    assert _types("قتل 342 شخصا في الهجوم على السوق.", "ar") == [("number_changed", None)]
    assert _types("قتل 341 شخصا في الهجوم على السوق.", "ar") == [
        ("number_changed", None), ("summary_unsupported", "قتل 341 شخصا في الهجوم على السوق."),
        ("summary_number_unsupported", "341")]


# -- facts as JSON, and a pair checked on its own ------------------------------------------------------
FIVE = ("dates", "numbers", "people", "organisations", "places")


def test_facts_to_json_names_every_field():
    from facts.types import DateFact, Facts, NumberFact, to_json

    facts = Facts(
        dates=(DateFact("14 آب 2023", "2023-08-14", 0, 10), DateFact("5 رمضان 1445 هـ", None, 11, 25, "hijri", "1445-09-05"),
               DateFact("3 أيار", None, 26, 32, partial="--05-03")),
        numbers=(NumberFact("4.5 مليون", 4500000.0, None, 33, 42), NumberFact("عشرات", 10.0, None, 43, 48, vague=True),
                 NumberFact("37.1%", 37.1, "%", 49, 54), NumberFact("ثلثا", 2 / 3, None, 55, 59)),
        people=("ليلى",), organisations=("الأمم المتحدة",), places=("الموصل",))
    tagged = to_json(facts, sentence=2)
    assert {k: tagged[k] for k in FIVE} == {
        "dates": [{"text": "14 آب 2023", "iso": "2023-08-14", "sentence": 2},
                  {"text": "5 رمضان 1445 هـ", "iso": None, "calendar": "hijri", "hijri": "1445-09-05", "sentence": 2},
                  {"text": "3 أيار", "iso": None, "partial": "--05-03", "sentence": 2}],
        "numbers": [{"text": "4.5 مليون", "value": 4500000, "unit": None, "sentence": 2},
                    {"text": "عشرات", "value": 10, "unit": None, "vague": True, "sentence": 2},
                    {"text": "37.1%", "value": 37.1, "unit": "%", "sentence": 2},
                    {"text": "ثلثا", "value": 0.666667, "unit": None, "sentence": 2}],
        "people": [{"text": "ليلى", "sentence": 2}], "organisations": [{"text": "الأمم المتحدة", "sentence": 2}],
        "places": [{"text": "الموصل", "sentence": 2}]}
    untagged = to_json(facts)
    assert [d for k in FIVE for d in untagged[k] if "sentence" in d] == []
    assert type(tagged["numbers"][0]["value"]) is int and type(tagged["numbers"][2]["value"]) is float


def test_a_pair_is_checked_with_its_date_and_index():
    from facts.pairs import check_pair

    dated = check_pair("قتل 5 أشخاص في 3 مارس 2024.", "Five people were killed yesterday.", published="2024-03-04",
                       index=7)
    assert (dated.flags, [d.iso for d in dated.source.dates], [d.iso for d in dated.translation.dates]) == (
        [], ["2024-03-03"], ["2024-03-03"])
    undated = check_pair("قتل 5 أشخاص في 3 مارس 2024.", "Five people were killed yesterday.", index=7)
    assert [(f["type"], f["segment"]) for f in undated.flags] == [("date_missing", 7)]
    relative = check_pair("قتل 5 أشخاص أمس.", "Five people were killed on 3 March 2024.", published="2024-03-04")
    assert (relative.flags, [d.iso for d in relative.source.dates]) == ([], ["2024-03-03"])
    assert [(f["type"], f["segment"]) for f in check_pair(TOLL, "The toll reached 341.").flags] == [
        ("number_changed", 0)]


# -- whole flags: what was compared with what, in words ------------------------------------------------
def _n(text, value, unit=None, vague=False):
    return {"text": text, "value": value, "unit": unit, **({"vague": True} if vague else {})}


WHOLE_FLAGS = [
    ("قتل عشرات الأشخاص.", "Dozens of people were killed.", []),
    ("قتل عشرات الأشخاص.", "12 people were killed.", [
        {"type": "number_changed", "segment": 2, "source": _n("عشرات", 10, vague=True), "translation": _n("12", 12),
         "message": "«عشرات» (about 10, vague) became «12» (12)"}]),
    ("قتل عشرات الأشخاص.", "People were killed.", [
        {"type": "number_missing", "segment": 2, "source": _n("عشرات", 10, vague=True), "translation": None,
         "message": "«عشرات» (about 10, vague) is not in the translation"}]),
    ("قتل عشرات الأشخاص.", "Hundreds of people were killed.", [
        {"type": "number_changed", "segment": 2, "source": _n("عشرات", 10, vague=True),
         "translation": _n("Hundreds", 100, vague=True),
         "message": "«عشرات» (about 10, vague) became «Hundreds» (about 100, vague)"}]),
    # A count the size of a year may come out as the year: not a loss.
    ("وصل 2000 جندي.", "Troops arrived in 2000.", []),
    ("أجريت الانتخابات عام 2018.", "The 2018 elections were held.", []),
    # The first figure kept, the second changed: each is checked.
    ("قتل 5 أشخاص وأصيب 12.", "5 people were killed and 13 injured.", [
        {"type": "number_changed", "segment": 2, "source": _n("12", 12), "translation": _n("13", 13),
         "message": "«12» (12) became «13» (13)"}]),
    # What it became: the English figure no Arabic one accounts for, nearest in magnitude.
    ("قتل 5 أشخاص وأصيب 120.", "5 were killed, 130 injured and 7 missing.", [
        {"type": "number_changed", "segment": 2, "source": _n("120", 120), "translation": _n("130", 130),
         "message": "«120» (120) became «130» (130)"}]),
    ("قتل 342 شخصا.", "Many died.", [
        {"type": "number_missing", "segment": 2, "source": _n("342", 342), "translation": None,
         "message": "«342» (342) is not in the translation"}]),
    # A day and month without a year: compared as they stand, and met by a full date.
    ("وصل الوفد يوم 3 مارس.", "The delegation arrived on March 4.", [
        {"type": "date_changed", "segment": 2, "source": {"text": "3 مارس", "iso": None, "partial": "--03-03"},
         "translation": {"text": "March 4", "iso": None, "partial": "--03-04"},
         "message": "«3 مارس» (--03-03) became «March 4» (--03-04)"}]),
    ("وصل الوفد يوم 3 مارس.", "The delegation arrived on 3 March 2024.", []),
    # Hijri dates against Hijri dates, or against the Gregorian day they fall on (5 Ramadan 1445
    # is 15 March 2024; a day either way for the sighting of the moon).
    ("وصل في 5 رمضان 1445 هـ.", "He arrived on 5 Ramadan 1445 AH.", []),
    ("وصل في 5 رمضان 1445 هـ.", "He arrived on 15 March 2024.", []),
    ("وصل في 5 رمضان 1445 هـ.", "He arrived on 6 Ramadan 1445 AH.", [
        {"type": "date_changed", "segment": 2,
         "source": {"text": "5 رمضان 1445 هـ.", "iso": None, "calendar": "hijri", "hijri": "1445-09-05"},
         "translation": {"text": "6 Ramadan 1445 AH", "iso": None, "calendar": "hijri", "hijri": "1445-09-06"},
         "message": "«5 رمضان 1445 هـ.» (1445-09-05 AH) became «6 Ramadan 1445 AH» (1445-09-06 AH)"}]),
    ("وصل في 5 رمضان 1445 هـ.", "He arrived in June 2024.", [
        {"type": "date_changed", "segment": 2,
         "source": {"text": "5 رمضان 1445 هـ.", "iso": None, "calendar": "hijri", "hijri": "1445-09-05"},
         "translation": {"text": "June 2024", "iso": "2024-06"},
         "message": "«5 رمضان 1445 هـ.» (1445-09-05 AH) became «June 2024» (2024-06)"}]),
    ("وصل في 5 رمضان 1445 هـ.", "He arrived.", [
        {"type": "date_missing", "segment": 2,
         "source": {"text": "5 رمضان 1445 هـ.", "iso": None, "calendar": "hijri", "hijri": "1445-09-05"},
         "translation": None, "message": "«5 رمضان 1445 هـ.» (1445-09-05 AH) is not in the translation"}]),
]


@pytest.mark.parametrize("ar,en,flags", WHOLE_FLAGS, ids=[f"{i}-{row[1]}" for i, row in enumerate(WHOLE_FLAGS)])
def test_each_flag_says_what_was_compared_with_what(ar, en, flags):
    assert check_sentence(2, arabic.extract(ar), english.extract(en)) == flags


def test_a_changed_date_is_paired_with_the_english_date_left_over():
    ar = "وقع الاتفاق في 3 مارس 2024 ونفذ في 5 أبريل 2024."
    flags = check_sentence(0, arabic.extract(ar), english.extract("Signed on 3 March 2024, carried out on 6 April 2024."))
    assert [(f["type"], f["source"]["text"], f["translation"]["text"]) for f in flags] == [
        ("date_changed", "5 أبريل 2024", "6 April 2024")]


SUMMARY_CHECKS = [
    ("They freed 4.5 million people.", "They freed 4,487,000 people.", []),  # rounded
    ("Dozens died.", "Dozens of people died.", []),
    ("They freed 7 million people.", "They freed 4,487,000 people.", [
        {"type": "summary_unsupported", "segment": None, "source": None, "summary": _n("7 million", 7000000),
         "message": "the summary's «7 million» (7000000) is not in the translation"}]),
    # A count is not a year: 2014 times is not met by the year 2014.
    ("They came 2014 times.", "They came on 10 June 2014.", [
        {"type": "summary_unsupported", "segment": None, "source": None, "summary": _n("2014", 2014),
         "message": "the summary's «2014» (2014) is not in the translation"}]),
    ("It was signed in 2022.", "It was signed on 21 September 2022.", []),
    ("It was signed on 21 September.", "It was signed on 21 September 2022.", []),
    ("It was signed in March 2019.", "It was signed on 21 September 2022.", [
        {"type": "summary_unsupported", "segment": None, "source": None,
         "summary": {"text": "March 2019", "iso": "2019-03"},
         "message": "the summary's date «March 2019» (2019-03) is not in the translation"}]),
    ("It was signed on 22 September.", "It was signed on 21 September 2022.", [
        {"type": "summary_unsupported", "segment": None, "source": None,
         "summary": {"text": "22 September", "iso": None, "partial": "--09-22"},
         "message": "the summary's date «22 September» (--09-22) is not in the translation"}]),
]


@pytest.mark.parametrize("summary,translation,flags", SUMMARY_CHECKS)
def test_check_summary_against_the_translation(summary, translation, flags):
    from facts.checks import check_summary

    assert check_summary(english.extract(summary), [english.extract(translation)]) == flags


def test_a_vague_summary_figure_the_translation_lacks_is_flagged():
    from facts.checks import check_summary

    assert check_summary(english.extract("Dozens died."), [english.extract("12 people died.")]) == [
        {"type": "summary_unsupported", "segment": None, "source": None, "summary": _n("Dozens", 10, vague=True),
         "message": "the summary's «Dozens» (10) is not in the translation"}]
