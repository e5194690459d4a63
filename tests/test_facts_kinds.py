"""Each kind of figure that is not a quantity, read in both languages and compared as its own
kind: clock times, ordinals and labels, scores, decades, compound measures; Hijri dates,
invalid dates, years that name an event. Table-driven; every sentence written for tarjama."""

import pytest

from facts import arabic, english
from facts.article import article_facts
from facts.checks import check_sentence, check_summary
from facts.types import DateFact, Facts, MeasureFact, NumberFact, OrdinalFact, ScoreFact, TimeFact


def _read(text: str):
    return (arabic if any("\u0600" <= ch <= "\u06ff" for ch in text) else english).extract(text)


# (text, [(span, clock "HH:MM", twelve_hour)])
TIMES = [
    ("يبدأ الحظر عند الساعة 7 صباحًا.", [("الساعة 7 صباحًا", "07:00", False)]),
    ("في الساعة التاسعة والنصف مساء", [("الساعة التاسعة والنصف مساء", "21:30", False)]),
    ("عند الثالثة إلا ربعا من فجر اليوم", [("الثالثة إلا ربعا من فجر", "02:45", False)]),
    ("الساعة الثالثة والربع", [("الساعة الثالثة والربع", "03:15", True)]),
    ("الساعة الخامسة والثلث عصرا", [("الساعة الخامسة والثلث عصرا", "17:20", False)]),
    ("الساعة 10 و20 دقيقة صباحا", [("الساعة 10 و20 دقيقة صباحا", "10:20", False)]),
    ("بدأ القصف عند الساعة 1430 بتوقيت غرينتش", [("الساعة 1430 بتوقيت غرينتش", "14:30", False)]),
    ("وصل عند منتصف الليل", [("منتصف الليل", "00:00", False)]),
    ("الساعة الثانية عشرة ظهرا", [("الساعة الثانية عشرة ظهرا", "12:00", False)]),
    ("في السابعة مساء", [("السابعة مساء", "19:00", False)]),
    ("عند ١٠:٣٠ صباحاً", [("١٠:٣٠ صباحاً", "10:30", False)]),
    ("الساعة 21:00", [("الساعة 21:00", "21:00", False)]),
    ("الساعة 9 ليلا", [("الساعة 9 ليلا", "21:00", False)]),
    ("الساعة 2 بعد منتصف الليل", [("الساعة 2 بعد منتصف الليل", "02:00", False)]),
    ("استمر 24 ساعة", []),  # a duration, not a clock
    ("على مدار الساعة", []),
    ("at 9 a.m.", [("9 a.m.", "09:00", False)]),
    ("at 9.30pm", [("9.30pm", "21:30", False)]),
    ("at 21:00", [("21:00", "21:00", False)]),
    ("at 09:30 GMT", [("09:30 GMT", "09:30", False)]),
    ("at 3:15", [("3:15", "03:15", True)]),
    ("at nine o'clock", [("nine o'clock", "09:00", True)]),
    ("at half past nine in the evening", [("half past nine in the evening", "21:30", False)]),
    ("at a quarter to three", [("a quarter to three", "02:45", True)]),
    ("at six in the morning", [("six in the morning", "06:00", False)]),
    ("at 1430 GMT", [("1430 GMT", "14:30", False)]),
    ("at 1900 Baghdad time", [("1900 Baghdad time", "19:00", False)]),
    ("at noon and at midnight", [("noon", "12:00", False), ("midnight", "00:00", False)]),
    ("at 12 a.m.", [("12 a.m.", "00:00", False)]),
    ("at 90 a.m.", [("90 a.m.", "90:00", False)]),  # no hour of a clock: kept as written
    ("2000 troops", []),
]


@pytest.mark.parametrize("text,expected", TIMES)
def test_clock_times(text, expected):
    from facts.types import clock

    assert [(t.text, clock(t.minutes), t.twelve_hour) for t in _read(text).times] == expected


# (text, [(span, value, label)])
ORDINALS = [
    ("الحادي عشر", [("الحادي عشر", 11, False)]),
    ("الدورة الحادية عشرة", [("الحادية عشرة", 11, False)]),
    ("المرة الثالثة والعشرون", [("الثالثة والعشرون", 23, False)]),
    ("الذكرى الخامسة والعشرين", [("الخامسة والعشرين", 25, False)]),
    ("القرن الحادي والعشرين", [("الحادي والعشرين", 21, False)]),
    ("القرن الواحد والعشرين", [("الواحد والعشرين", 21, False)]),
    ("الذكرى العشرين", [("العشرين", 20, False)]),
    ("مجموعة العشرين", []),  # the G20: "the twenty", a count
    ("الذكرى الـ50", [("الـ50", 50, False)]),
    ("ثالث أكبر مدينة", [("ثالث", 3, False)]),
    ("للمرة الأولى", [("الأولى", 1, False)]),
    ("المادة 140 من الدستور", [("المادة 140", 140, True)]),
    ("القرار رقم 2334", [("القرار رقم 2334", 2334, True)]),
    ("المنطقة 9", [("المنطقة 9", 9, True)]),
    ("الدقيقة 14", [("الدقيقة 14", 14, True)]),
    ("في كانون الثاني وتشرين الأول", []),  # months, not ordinals
    ("ربيع الأول", []),
    ("14 دقيقة", []),  # a count of minutes
    ("الـ3 ملايين", []),  # the 3 million: a count
    ("the 14th round", [("14th", 14, False)]),
    ("the twenty-first century", [("twenty-first", 21, False)]),
    ("for the first time", [("first", 1, False)]),
    ("Basra is the third-largest city", [("third", 3, False)]),
    ("King Abdullah II", [("II", 2, False)]),
    ("after World War I", [("I", 1, False)]),
    ("Article 140", [("Article 140", 140, True)]),
    ("Resolution 2334", [("Resolution 2334", 2334, True)]),
    ("Zone 9", [("Zone 9", 9, True)]),
    ("a 30 second clip", []),
    ("a split second", []),
]


@pytest.mark.parametrize("text,expected", ORDINALS)
def test_ordinals_and_labels(text, expected):
    assert [(o.text, o.value, o.label) for o in _read(text).ordinals] == expected


SCORES = [
    ("فاز الفريق بنتيجة 2-0", [("بنتيجة 2-0", (2, 0))]),
    ("فاز الأهلي 3 مقابل 2", [("3 مقابل 2", (3, 2))]),
    ("فاز بهدفين نظيفين", [("هدفين نظيفين", (2, 0))]),
    ("فاز بهدف نظيف", [("هدف نظيف", (1, 0))]),
    ("فاز بثلاثة أهداف مقابل هدف", [("ثلاثة أهداف مقابل هدف", (3, 1))]),
    ("فاز 2 مقابل لا شيء", [("2 مقابل لا شيء", (2, 0))]),
    ("انتهت المباراة بالتعادل السلبي", [("بالتعادل السلبي", (0, 0))]),
    ("فاز الفريق ٤-٢ على ضيفه", [("٤-٢", (4, 2))]),
    ("فاز 3&2", [("3&2", (3, 2))]),
    ("قتل 10-15 شخصا", []),  # no match in the sentence: a range
    ("بأغلبية 120 صوتا مقابل 30", []),  # a noun between: two counts
    ("won 2-0", [("2-0", (2, 0))]),
    ("a 2–1 win", [("2–1", (2, 1))]),
    ("won 3&2", [("3&2", (3, 2))]),
    ("won two-nil", [("two-nil", (2, 0))]),
    ("a goalless draw", [("goalless", (0, 0))]),
    ("aged 18-25", []),
    ("the 2010-2014 period", []),
]


@pytest.mark.parametrize("text,expected", SCORES)
def test_scores(text, expected):
    assert [(s.text, s.score) for s in _read(text).scores] == expected


DECADES = [
    ("في أواخر ثمانينيات القرن الماضي", [("أواخر ثمانينيات القرن الماضي", 1980, "late")]),
    ("في أوائل الستينيات", [("أوائل الستينيات", 60, "early")]),
    ("في سبعينيات القرن العشرين", [("سبعينيات القرن العشرين", 1970, None)]),
    ("في منتصف التسعينات", [("منتصف التسعينات", 90, "mid")]),
    ("في الثلاثينيات من عمره", [("الثلاثينيات", 30, None)]),
    ("in the late 1980s", [("late 1980s", 1980, "late")]),
    ("in the mid-1990s", [("mid-1990s", 1990, "mid")]),
    ("in the '80s", [("'80s", 80, None)]),
    ("in the eighties", [("eighties", 80, None)]),
    ("in his 30s", [("30s", 30, None)]),
    ("the late 1989s", [("late 1989s", 1989, "late")]),  # no decade: kept as written
]


@pytest.mark.parametrize("text,expected", DECADES)
def test_decades(text, expected):
    assert [(d.text, d.decade, d.part) for d in _read(text).decades] == expected


MEASURES = [
    ("مهاجم طوله 5 أقدام و9 بوصات", [("5 أقدام و9 بوصات", 1.7526, "m")]),
    ("استغرقت الرحلة ساعتين و30 دقيقة", [("ساعتين و30 دقيقة", 9000, "s")]),
    ("في ساعة و20 دقيقة", [("ساعة و20 دقيقة", 4800, "s")]),
    ("في 3 دقائق و40 ثانية", [("3 دقائق و40 ثانية", 220, "s")]),
    ("بوزن 3 كيلوغرامات و200 غرام", [("3 كيلوغرامات و200 غرام", 3.2, "kg")]),
    ("a 5-foot-9 striker", [("5-foot-9", 1.7526, "m")]),
    ("he is 6ft 2in tall", [("6ft 2in", 1.8796, "m")]),
    ("he is 5'9\" tall", [("5'9\"", 1.7526, "m")]),
    ("two hours and 20 minutes", [("two hours and 20 minutes", 8400, "s")]),
    ("an hour and 20 minutes", [("an hour and 20 minutes", 4800, "s")]),
    ("3 minutes 40 seconds", [("3 minutes 40 seconds", 220, "s")]),
    ("a 6-foot wall", []),
    ("24 hours a day", []),
]


@pytest.mark.parametrize("text,expected", MEASURES)
def test_compound_measures(text, expected):
    assert [(m.text, round(m.value, 4), m.unit) for m in _read(text).measures] == expected


# (text, [(span, iso, hijri, partial, invalid)])
DATES = [
    ("عام 1440هـ", [("عام 1440هـ", None, "1440", None, None)]),
    ("في شهر رمضان 1440", [("شهر رمضان 1440", None, "1440-09", None, None)]),
    ("الخامس عشر من رمضان 1440", [("الخامس عشر من رمضان 1440", None, "1440-09-15", None, None)]),
    ("سنة 1441 للهجرة", [("سنة 1441 للهجرة", None, "1441", None, None)]),
    ("بتاريخ ١٥/٣/١٤٤٠", [("١٥/٣/١٤٤٠", None, "1440-03-15", None, None)]),
    ("بتاريخ ١٥/٣/١٤٤٠هـ", [("١٥/٣/١٤٤٠هـ", None, "1440-03-15", None, None)]),
    ("في 33 رمضان 1440", [("33 رمضان 1440", None, None, None, "1440-09-33")]),
    ("كأس آسيا 2019 لكرة القدم", [("2019", "2019", None, None, None)]),
    ("معرض إكسبو 2020 دبي", [("2020", "2020", None, None, None)]),
    ("المادة 1990 من القانون", []),  # a label, not a year
    ("في 31 شباط 2023", [("31 شباط 2023", None, None, None, "2023-02-31")]),
    ("في ٣١ شباط", [("٣١ شباط", None, None, None, "--02-31")]),
    ("في 29 شباط 2024", [("29 شباط 2024", "2024-02-29", None, None, None)]),
    ("في 29 شباط 2023", [("29 شباط 2023", None, None, None, "2023-02-29")]),
    ("في 31 نيسان", [("31 نيسان", None, None, None, "--04-31")]),
    ("بتاريخ 31/04/2022", [("31/04/2022", None, None, None, "2022-04-31")]),
    ("بتاريخ 09/27/2022", [("09/27/2022", "2022-09-27", None, None, None)]),
    ("في الحادي عشر من سبتمبر 2001", [("الحادي عشر من سبتمبر 2001", "2001-09-11", None, None, None)]),
    ("بين عامي 2010 و2014", [("عامي 2010", "2010", None, None, None), ("2014", "2014", None, None, None)]),
    ("on 31 February 2023", [("31 February 2023", None, None, None, "2023-02-31")]),
    ("on February 30", [("February 30", None, None, None, "--02-30")]),
    ("in Ramadan 1440", [("Ramadan 1440", None, "1440-09", None, None)]),
    ("on 15/3/1440 AH", [("15/3/1440 AH", None, "1440-03-15", None, None)]),
    ("Expo 2020 was held", [("2020", "2020", None, None, None)]),
    ("the 2010-2014 period", [("2010", "2010", None, None, None), ("2014", "2014", None, None, None)]),
]


@pytest.mark.parametrize("text,expected", DATES)
def test_dates_of_every_calendar_and_invalid_ones(text, expected):
    assert [(d.text, d.iso, d.hijri, d.partial, d.invalid) for d in _read(text).dates] == expected


# -- comparisons -----------------------------------------------------------------------------

def _time(minutes, twelve=False):
    return TimeFact("t", minutes, 0, 1, twelve)


def _types(source: Facts, target: Facts) -> list[str]:
    return [flag["type"] for flag in check_sentence(0, source, target)]


COMPARISONS = [
    # A time without its half of the day matches either half; two that say it must agree.
    (Facts(times=(_time(7 * 60, True),)), Facts(times=(_time(19 * 60),)), []),
    (Facts(times=(_time(7 * 60),)), Facts(times=(_time(19 * 60),)), ["time_changed"]),
    (Facts(times=(_time(7 * 60),)), Facts(), ["time_missing"]),
    # A time on the hour said as a number or a rank ("at seven").
    (Facts(times=(_time(19 * 60),)), Facts(numbers=(NumberFact("seven", 7, None, 0, 1),)), []),
    (Facts(times=(_time(19 * 60 + 30),)), Facts(numbers=(NumberFact("seven", 7, None, 0, 1),)), ["time_missing"]),
    # A rank said as a plain number, as a clock hour, or as the day of a date.
    (Facts(ordinals=(OrdinalFact("المنطقة 9", 9, 0, 1, True),)), Facts(ordinals=(OrdinalFact("9th", 9, 0, 1),)), []),
    (Facts(ordinals=(OrdinalFact("المنطقة 9", 9, 0, 1, True),)), Facts(numbers=(NumberFact("9", 9, None, 0, 1),)), []),
    (Facts(ordinals=(OrdinalFact("السابعة", 7, 0, 1),)), Facts(times=(_time(19 * 60),)), []),
    (Facts(ordinals=(OrdinalFact("الحادي عشر", 11, 0, 1),)),
     Facts(dates=(DateFact("September 11", None, 0, 1, partial="--09-11"),)), []),
    # First and second are idioms as often as ranks: changed is flagged, missing is not.
    (Facts(ordinals=(OrdinalFact("الأولى", 1, 0, 1),)), Facts(), []),
    (Facts(ordinals=(OrdinalFact("الأولى", 1, 0, 1),)), Facts(ordinals=(OrdinalFact("third", 3, 0, 1),)),
     ["ordinal_changed"]),
    (Facts(ordinals=(OrdinalFact("الثالثة", 3, 0, 1),)), Facts(), ["ordinal_missing"]),
    # A score has no order; it may be given as its two numbers.
    (Facts(scores=(ScoreFact("1-2", (1, 2), 0, 1),)), Facts(scores=(ScoreFact("2-1", (2, 1), 0, 1),)), []),
    (Facts(scores=(ScoreFact("120 مقابل 30", (120, 30), 0, 1),)),
     Facts(numbers=(NumberFact("120", 120, None, 0, 1), NumberFact("30", 30, None, 0, 1))), []),
    (Facts(scores=(ScoreFact("2-0", (2, 0), 0, 1),)), Facts(scores=(ScoreFact("2-5", (2, 5), 0, 1),)),
     ["score_changed"]),
    # And a number of the source may be one side of a score, or a rank, in the English.
    (Facts(numbers=(NumberFact("3", 3, None, 0, 1),)), Facts(scores=(ScoreFact("3-2", (3, 2), 0, 1),)), []),
    (Facts(numbers=(NumberFact("9", 9, None, 0, 1),)), Facts(ordinals=(OrdinalFact("9th", 9, 0, 1),)), []),
]


@pytest.mark.parametrize("source,target,expected", COMPARISONS)
def test_kinds_are_compared_as_their_kind(source, target, expected):
    assert _types(source, target) == expected


def _decade(value, part=None):
    from facts.types import DecadeFact

    return Facts(decades=(DecadeFact("d", value, 0, 1, part),))


@pytest.mark.parametrize("source,target,expected", [
    (_decade(80), _decade(1980), []),  # the century unsaid on one side
    (_decade(1980, "late"), _decade(1980), []),  # the part unsaid on one side
    (_decade(1980, "late"), _decade(1980, "early"), ["decade_changed"]),
    (_decade(80), _decade(1990), ["decade_changed"]),
    (_decade(1980), _decade(2080), ["decade_changed"]),
    (_decade(1980), Facts(), ["decade_missing"]),
])
def test_decades_are_compared_as_far_as_both_say(source, target, expected):
    assert _types(source, target) == expected


def _measure(value, unit, units):
    return MeasureFact("m", value, unit, 0, 1, units)


@pytest.mark.parametrize("source,target,expected", [
    # In the same units a measure must agree exactly: two hours and 8 minutes is not 9.
    (Facts(measures=(_measure(7680, "s", "h+min"),)), Facts(measures=(_measure(7740, "s", "h+min"),)),
     ["measure_changed"]),
    # Converted between units, the rounding of a conversion (1%) is allowed: 5-foot-9 is 1.75 m...
    (Facts(measures=(_measure(1.7526, "m", "ft+in"),)), Facts(numbers=(NumberFact("1.75 m", 1.75, "m", 0, 1),)), []),
    (Facts(numbers=(NumberFact("1.75 متر", 1.75, "m", 0, 1),)), Facts(measures=(_measure(1.7526, "m", "ft+in"),)), []),
    # ...but an inch at that height is more than that.
    (Facts(measures=(_measure(1.7526, "m", "ft+in"),)), Facts(numbers=(NumberFact("1.78 m", 1.778, "m", 0, 1),)),
     ["measure_missing"]),
    (Facts(measures=(_measure(1.7526, "m", "ft+in"),)), Facts(measures=(_measure(7680, "s", "h+min"),)),
     ["measure_changed"]),
])
def test_measures_are_compared_in_si(source, target, expected):
    assert _types(source, target) == expected


def test_a_hijri_date_matches_the_gregorian_day_a_translator_gives():
    hijri = Facts(dates=(DateFact("1 رمضان 1440", None, 0, 1, "hijri", "1440-09-01"),))
    assert _types(hijri, Facts(dates=(DateFact("6 May 2019", "2019-05-06", 0, 1),))) == []
    assert _types(hijri, Facts(dates=(DateFact("7 May 2019", "2019-05-07", 0, 1),))) == []  # the observed calendar
    assert _types(hijri, Facts(dates=(DateFact("20 May 2019", "2019-05-20", 0, 1),))) == ["date_changed"]
    year = Facts(dates=(DateFact("1440هـ", None, 0, 1, "hijri", "1440"),))
    assert _types(year, Facts(dates=(DateFact("2019", "2019", 0, 1),))) == []
    assert _types(year, Facts(dates=(DateFact("2020", "2020", 0, 1),))) == ["date_changed"]


def test_an_invalid_source_date_is_flagged_whatever_the_translation():
    flags = check_sentence(3, arabic.extract("وقع في 31 شباط 2023"), english.extract("It happened on 28 February 2023"))
    assert [(f["type"], f["segment"], f["source"]["invalid"], f["translation"]) for f in flags] == [
        ("date_invalid", 3, "2023-02-31", None)]


# -- the summary -----------------------------------------------------------------------------

AR = ["فاز الفريق بنتيجة 2-0 عند الساعة 9 مساء.", "سجل الهدف الثاني في الدقيقة 88."]
EN = ["The team won 2-0 at 9 p.m.", "The second goal came in the 88th minute."]


def test_a_summary_is_checked_against_the_translation_not_the_source():
    ar = ["قتل 12 شخصا في انفجار سيارة مفخخة في بغداد.", "وأصيب 30 آخرون بجروح."]
    en = ["Twelve people were killed in a car bomb in Baghdad.", "30 others were wounded."]
    summary = "A car bomb in Baghdad killed 12 people."
    assert article_facts(ar, en, summary, None)[1] == []
    # The translation has the toll wrong: a summary that repeats the source's toll is not
    # supported by the translation the reader sees, and is flagged.
    wrong = ["Twenty people were killed in a car bomb in Baghdad.", en[1]]
    facts, flags = article_facts(ar, wrong, summary, None)
    assert [f["type"] for f in flags] == ["number_changed", "summary_unsupported", "summary_number_unsupported"]
    assert flags[2]["summary"] == {"text": "12", "value": 12, "unit": None}
    # An Arabic summary (of the source) is checked against the source.
    assert [f["type"] for f in article_facts(ar, wrong, "قتل 12 شخصا في انفجار في بغداد.", None,
                                             summary_lang="ar")[1]] == ["number_changed"]


@pytest.mark.parametrize("summary,expected", [
    ("The team won 2-0 at 9 p.m. in the 88th minute.", []),
    ("The team won 2-1.", ["summary_unsupported"]),
    ("The team won at 10 p.m.", ["summary_unsupported"]),
    ("The second goal came in the 89th minute.", ["summary_unsupported"]),
    ("The team won in the late 1980s.", ["summary_unsupported"]),
])
def test_summary_figures_of_every_kind(summary, expected):
    translation = [english.extract(e) for e in EN]
    assert [f["type"] for f in check_summary(english.extract(summary), translation)] == expected


def test_new_kinds_are_in_the_article_facts():
    facts, flags = article_facts(AR, EN, "", None)
    assert flags == []
    assert facts["source"]["times"] == [{"text": "الساعة 9 مساء", "clock": "21:00", "sentence": 0}]
    assert facts["translation"]["ordinals"] == [{"text": "second", "value": 2, "sentence": 1},
                                                {"text": "88th", "value": 88, "sentence": 1}]
    assert facts["source"]["ordinals"] == [{"text": "الثاني", "value": 2, "sentence": 1},
                                           {"text": "الدقيقة 88", "value": 88, "label": True, "sentence": 1}]


def test_every_kind_fits_the_article_schema():
    import jsonschema

    from tarjama.article_json import article_schema

    defs = article_schema()["$defs"]
    facts, flags = article_facts(
        ["فاز 2-0 عند الساعة 9 مساء في الدقيقة 88 في أواخر الثمانينيات، لاعب طوله 5 أقدام و9 بوصات في 31 شباط 2023"],
        ["Won 2-1 at 10 p.m. in the 89th minute in the late 1990s, a 6-foot-9 player on 31 February 2023"], "", None)
    for side in ("source", "translation", "summary"):
        jsonschema.validate(facts[side], {"$defs": defs, "$ref": "#/$defs/facts"})
    assert {kind: len(items) for kind, items in facts["source"].items() if items} == {
        "dates": 1, "times": 1, "ordinals": 1, "scores": 1, "decades": 1, "measures": 1}
    assert [f["type"] for f in flags] == ["date_invalid", "time_changed", "ordinal_changed", "score_changed",
                                          "decade_changed", "measure_changed"]
    for flag in flags:
        jsonschema.validate(flag, {"$defs": defs, "$ref": "#/$defs/flag"})
