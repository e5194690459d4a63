"""The Arabic readers of clock times, scores, decades, measures and ordinals
(facts/arabic_kinds.py) where the mutation run (bench/mutation.py facts.arabic_kinds) found them
unheld: each part of the day at its edges (12 in the morning, 11 at noon, 6 at night), the
24-hour clock and its bounds, "the hour before" (إلا ربعا), a pair of numbers read as a score
only with a word of sport within its window, and the exact spans of each record. Every
expected value below is worked out from the Arabic, not copied from a run."""

from __future__ import annotations

import pytest

from facts import arabic


def times(text: str) -> list[tuple]:
    found = arabic.extract(text).times
    assert [text[t.start:t.end].strip() for t in found] == [t.text for t in found]
    return [(t.text, t.minutes, t.twelve_hour) for t in found]


@pytest.mark.parametrize("text,minutes,twelve", [
    ("الساعة 7 صباحا", 7 * 60, False),
    ("الساعة 12 صباحا", 0, True),  # twelve in the morning: midnight, or noon as some write it
    ("الساعة 5 مساء", 17 * 60, False),
    ("الساعة 12 مساء", 12 * 60, True),
    ("الساعة 11 ظهرا", 11 * 60, False),  # ظهرا: 11 and 12 as they are, 1 to 5 in the afternoon
    ("الساعة 12 ظهرا", 12 * 60, False),
    ("الساعة 1 ظهرا", 13 * 60, False),
    ("الساعة 6 ليلا", 18 * 60, False),  # ليلا: 6 to 11 in the evening, 12 to 5 in the small hours
    ("الساعة 11 ليلا", 23 * 60, False),
    ("الساعة 12 ليلا", 0, False),
    ("الساعة 2 ليلا", 2 * 60, False),
    ("الساعة 9 و30 دقيقة ليلا", 21 * 60 + 30, False),
])
def test_each_part_of_the_day_at_its_edges(text, minutes, twelve):
    assert times(text) == [(text, minutes, twelve)]


@pytest.mark.parametrize("text,expected", [
    ("الساعة 9", [("الساعة 9", 540, True)]),  # no part of the day: 9 or 21
    ("الساعة 09", [("الساعة 09", 540, False)]),  # written padded: the 24-hour clock
    ("الساعة 10", [("الساعة 10", 600, True)]),
    ("الساعة 12", [("الساعة 12", 720, True)]),
    ("الساعة 1", [("الساعة 1", 60, True)]),
    ("الساعة 0:30", [("الساعة 0:30", 30, False)]),
    ("الساعة 13", [("الساعة 13", 780, False)]),
    ("الساعة 24", [("الساعة 24", 0, False)]),
    ("الساعة 25", []),
    ("الساعة 9:59", [("الساعة 9:59", 599, True)]),
    ("الساعة 9:60", []),
    ("الساعة 0930", [("الساعة 0930", 570, False)]),  # four digits: 09:30
    ("الساعة 1259", [("الساعة 1259", 779, False)]),
    ("الساعة 2400", [("الساعة 2400", 0, False)]),
    ("الساعة 2500", []), ("الساعة 1260", []),
    ("2100 بتوقيت غرينتش", [("2100 بتوقيت غرينتش", 1260, False)]),
    ("بدأ الهجوم 9 صباحا", [("9 صباحا", 540, False)]),  # digits before a part of the day, no الساعة
    ("منتصف الليل", [("منتصف الليل", 0, False)]),
    ("منتصف النهار", [("منتصف النهار", 720, False)]),
])
def test_the_clock_and_its_bounds(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize("text,minutes,twelve", [
    ("الساعة الواحدة إلا ربعا", 12 * 60 + 45, True),  # the hour before one is twelve
    ("الساعة 14 إلا ربعا", 13 * 60 + 45, False),  # on the 24-hour clock, 13
    ("الساعة 12 إلا ثلثا", 11 * 60 + 40, True),
    ("الساعة 0 إلا ربعا", 23 * 60 + 45, False),
])
def test_the_hour_before(text, minutes, twelve):
    assert times(text) == [(text, minutes, twelve)]


@pytest.mark.parametrize("text,expected", [
    ("منتصف الليل ثم الساعة 9 صباحا", [("منتصف الليل", 0, False), ("الساعة 9 صباحا", 540, False)]),
    ("الساعة 2500 ثم الساعة 9 صباحا", [("الساعة 9 صباحا", 540, False)]),
    ("الساعة 25 ثم الساعة 9 صباحا", [("الساعة 9 صباحا", 540, False)]),
])
def test_a_time_skipped_or_read_and_the_next_one_still_read(text, expected):
    assert times(text) == expected


def test_the_spans_of_times():
    text = "بدأ منتصف الليل ثم 9 صباحا"
    assert [(t.start, t.end) for t in arabic.extract(text).times] == [(4, 15), (19, 26)]


# -- scores ----------------------------------------------------------------------------------------

def scores(text: str) -> list[tuple]:
    found = arabic.extract(text).scores
    assert [text[s.start:s.end].strip() for s in found] == [s.text for s in found]
    return [(s.text, s.score, s.start, s.end) for s in found]


@pytest.mark.parametrize("gap,found", [(54, True), (55, False)])
def test_a_word_of_sport_up_to_sixty_characters_before_a_pair(gap, found):
    text = "مباراة" + " " * gap + "2-1"  # the word begins 60 (or 61) characters before the pair
    assert scores(text) == ([("2-1", (2, 1), 60, 63)] if found else [])


@pytest.mark.parametrize("gap,found", [(24, True), (25, False)])
def test_a_word_of_sport_up_to_thirty_characters_after_a_pair(gap, found):
    text = "2-1" + " " * gap + "مباراة"  # the word ends 30 (or 31) characters after the pair
    assert scores(text) == ([("2-1", (2, 1), 0, 3)] if found else [])


@pytest.mark.parametrize("text,expected", [
    ("فاز 3 مقابل صفر", [("3 مقابل صفر", (3, 0), 4, 15)]),
    ("فاز الفريق بهدفين مقابل ثلاثة ونصف", []),  # half a goal: no score
    # a side that is not a whole goal, then a score
    ("ثلاثة ونصف مقابل هدفين، وفاز الفريق بهدفين مقابل هدف", [("هدفين مقابل هدف", (2, 1), 37, 52)]),
    ("ثلاثة ونصف نظيفة، وفاز الفريق بهدفين نظيفين", [("هدفين نظيفين", (2, 0), 31, 43)]),
    # a range of people, far from the match: not a score; then the match's score
    ("سقط 10-15 شخصا في الحادث الذي وقع في المدينة أمس. وفي الملعب فاز الفريق 2-1",
     [("2-1", (2, 1), 72, 75)]),
])
def test_scores_and_what_is_not_one(text, expected):
    assert scores(text) == expected


# -- decades, measures, ordinals -------------------------------------------------------------------

def test_decades_of_a_century_named_in_two_words_and_their_spans():
    text = "في ثمانينيات القرن التاسع عشر"
    assert [(d.text, d.decade, d.part, d.start, d.end) for d in arabic.extract(text).decades] == [
        ("ثمانينيات القرن التاسع عشر", 1880, None, 3, 29)]


@pytest.mark.parametrize("text,expected", [
    ("طوله خمسة أقدام وتسع بوصات", ("خمسة أقدام وتسع بوصات", 5 * 0.3048 + 9 * 0.0254, "m", "ft+in", 5, 26)),
    ("ارتفاعه 1,5 متر و20 سنتيمترا", ("1,5 متر و20 سنتيمترا", 1.7, "m", "m+cm", 8, 28)),  # a decimal comma
    ("استمر ساعتين و30 دقيقة", ("ساعتين و30 دقيقة", 9000.0, "s", "h+min", 6, 22)),
])
def test_measures_with_their_units_and_spans(text, expected):
    (m,) = arabic.extract(text).measures
    assert (m.text, m.unit, m.units, m.start, m.end) == expected[:1] + expected[2:]
    assert m.value == pytest.approx(expected[1])


@pytest.mark.parametrize("text,expected", [
    ("نصت المادة 140 على", [("المادة 140", 140, True, 4, 14)]),
    ("الـ3 ملايين والفصل الـ14", [("الـ14", 14, False, 19, 24)]),  # ال3 ملايين counts; the next is read
    ("جاء الـ14 في", [("الـ14", 14, False, 4, 9)]),
    ("جاء ال14 في", [("ال14", 14, False, 4, 8)]),  # no tatweel: the reader's own text, not one set again
    ("حل في المركز الثالث", [("الثالث", 3, False, 13, 19)]),
    ("بلغ عمره العشرين وفي القرن العشرين", [("العشرين", 20, False, 27, 34)]),  # after a definite noun only
])
def test_ordinals_and_labels_with_their_spans(text, expected):
    found = arabic.extract(text).ordinals
    assert [text[o.start:o.end].strip() for o in found] == [o.text for o in found]
    assert [(o.text, o.value, o.label, o.start, o.end) for o in found] == expected
