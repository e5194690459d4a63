"""The English readers of clock times, scores, measures and ordinals (facts/english_kinds.py)
where the mutation run (bench/mutation.py facts.english_kinds) found them unheld: "at night"
at its edges, p.m. after a 24-hour hour, a number that is no hour kept as written, the
military clock and its bounds, a score's window of match words, measures with one unit said
as "a", and the exact spans of each record. Every expected value below is worked out from the
English, not copied from a run."""

from __future__ import annotations

import pytest

from facts import english


def times(text: str) -> list[tuple]:
    found = english.extract(text).times
    assert [text[t.start:t.end].strip() for t in found] == [t.text for t in found]
    return [(t.text, t.minutes, t.twelve_hour) for t in found]


@pytest.mark.parametrize("text,minutes", [
    ("nine at night", 21 * 60), ("9:30 at night", 21 * 60 + 30), ("two at night", 2 * 60),
    ("six at night", 18 * 60), ("eleven at night", 23 * 60), ("twelve at night", 0),  # 6 to 11: the evening
])
def test_at_night_at_its_edges(text, minutes):
    assert times(text) == [(text, minutes, False)]


@pytest.mark.parametrize("text,expected", [
    ("at 5 p.m.", [("5 p.m.", 17 * 60, False)]),
    ("at 12 p.m.", [("12 p.m.", 12 * 60, False)]),
    ("at 14:30 p.m.", [("14:30 p.m.", 14 * 60 + 30, False)]),  # a 24-hour hour: p.m. adds nothing
    ("at 25 a.m.", [("25 a.m.", 25 * 60, False)]),  # no hour of a clock: kept as written
    ("at 30:15 a.m.", [("30:15 a.m.", 30 * 60 + 15, False)]),
    ("at 1 o'clock", [("1 o'clock", 60, True)]),  # no part of the day: 1 or 13
    ("at 12 o'clock", [("12 o'clock", 720, True)]),
    ("at 13:00", [("13:00", 780, False)]),
    ("at 10:30", [("10:30", 630, True)]),
    ("at 09:30", [("09:30", 570, False)]),  # padded: the 24-hour clock
    ("at quarter to one", [("quarter to one", 12 * 60 + 45, True)]),
    ("at quarter to 14", [("quarter to 14", 13 * 60 + 45, False)]),  # the 24-hour clock, as الساعة 14 إلا ربعا
    ("at twenty to 13 GMT", [("twenty to 13 GMT", 12 * 60 + 40, True)]),  # 12:40, which may be either clock
    ("at ten to 24 GMT", [("ten to 24 GMT", 23 * 60 + 50, False)]),
    ("at half past 13", [("half past 13", 13 * 60 + 30, False)]),
])
def test_clock_times(text, expected):
    assert times(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("at 1900 hrs", [("1900", 1140, False)]),  # the military clock needs no zone
    ("0930 GMT", [("0930 GMT", 570, False)]),
    ("1259 GMT", [("1259 GMT", 779, False)]),
    ("2400 GMT", [("2400 GMT", 0, False)]),  # midnight, as الساعة 24 is
    ("2500 GMT", []), ("1260 GMT", []),
    ("2500 GMT and 1900 GMT", [("1900 GMT", 1140, False)]),
    ("at 2000 some time, and 1900 GMT", [("1900 GMT", 1140, False)]),  # "some time" names no zone
])
def test_the_four_digit_clock(text, expected):
    assert times(text) == expected


def test_the_spans_of_noon_and_midnight():
    text = "at noon and midnight"
    assert [(t.text, t.minutes, t.start, t.end) for t in english.extract(text).times] == [
        ("noon", 720, 3, 7), ("midnight", 0, 12, 20)]


# -- scores ----------------------------------------------------------------------------------------

def scores(text: str) -> list[tuple]:
    return [(s.text, s.score, s.start, s.end) for s in english.extract(text).scores]


@pytest.mark.parametrize("gap,found", [(57, True), (58, False)])
def test_a_match_word_up_to_sixty_characters_before_a_pair(gap, found):
    text = "won" + " " * gap + "2-1"  # the word begins 60 (or 61) characters before the pair
    assert scores(text) == ([("2-1", (2, 1), 3 + gap, 6 + gap)] if found else [])


@pytest.mark.parametrize("gap,found", [(25, True), (26, False)])
def test_a_match_word_up_to_thirty_characters_after_a_pair(gap, found):
    text = "2-1" + " " * gap + "match"  # the word ends 30 (or 31) characters after the pair
    assert scores(text) == ([("2-1", (2, 1), 0, 3)] if found else [])


@pytest.mark.parametrize("text,expected", [
    ("won 3-nil", [("3-nil", (3, 0), 4, 9)]),
    ("won three-nil", [("three-nil", (3, 0), 4, 13)]),
    ("10-15 people were hurt in the crash on the road outside the town, and City won 2-1",
     [("2-1", (2, 1), 79, 82)]),
])
def test_scores(text, expected):
    assert scores(text) == expected


# -- measures and ordinals -------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("5 feet 9.5 inches", ("5 feet 9.5 inches", 5 * 0.3048 + 9.5 * 0.0254, "m", "ft+in")),
    ("an hour and 20 minutes", ("an hour and 20 minutes", 4800.0, "s", "h+min")),
    ("a foot 3 inches", ("a foot 3 inches", 0.3048 + 3 * 0.0254, "m", "ft+in")),
    ("a minute 30 seconds", ("a minute 30 seconds", 90.0, "s", "min+s")),
    ("a pound 3 oz", ("a pound 3 oz", 0.45359237 + 3 * 0.028349523125, "kg", "lb+oz")),
    ("a metre 20 cm", ("a metre 20 cm", 1.2, "m", "m+cm")),
    ("a meter 20 cm", ("a meter 20 cm", 1.2, "m", "m+cm")),
    ("5'9\" tall", ("5'9\"", 5 * 0.3048 + 9 * 0.0254, "m", "ft+in")),
    # a pair that does not go together, or "a" before a unit it is not said with: the next one is read
    ("5 hours 10 cm and 5 feet 9 inches", ("5 feet 9 inches", 5 * 0.3048 + 9 * 0.0254, "m", "ft+in")),
    ("5 hours 10 and 5 feet 9 inches", ("5 feet 9 inches", 5 * 0.3048 + 9 * 0.0254, "m", "ft+in")),  # no minutes said
    ("a kilogram 200 grams and 5 feet 9 inches", ("5 feet 9 inches", 5 * 0.3048 + 9 * 0.0254, "m", "ft+in")),
])
def test_measures_with_their_units(text, expected):
    (m,) = english.extract(text).measures
    assert (m.text, m.unit, m.units) == (expected[0], expected[2], expected[3])
    assert m.value == pytest.approx(expected[1])
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text,expected", [
    ("Article 5 of the law", [("Article 5", 5, True, 0, 9)]),
    ("the 3rd round", [("3rd", 3, False, 4, 7)]),
    ("World War II", [("II", 2, False, 10, 12)]),
    ("a second later", []),  # the unit of time, at the very start of the text
    ("a split second later, the second round", [("second", 2, False, 26, 32)]),
])
def test_ordinals_with_their_spans(text, expected):
    found = english.extract(text).ordinals
    assert [(o.text, o.value, o.label, o.start, o.end) for o in found] == expected
