"""Invisible characters where the mutation run (bench/mutation.py facts.invisible) found them
unheld: a span of the text without them given back as a span of the text as written, empty
spans included, and each fact's start and end in the text as written, its short vowels,
tanween and tatweel kept inside it and nothing after them."""

from __future__ import annotations

import pytest

from facts import arabic, english
from facts.invisible import span, strip

RLM, LRM, ZWSP = "\u200f", "\u200e", "\u200b"


def test_strip_gives_the_text_without_marks_and_where_each_character_was():
    assert strip("plain 15") == ("plain 15", [])
    assert strip(f"a{RLM}b") == ("ab", [0, 2, 3])
    assert strip(f"{RLM}15{RLM}") == ("15", [1, 2, 4])
    assert strip("ثلاثةٌ") == ("ثلاثة", [0, 1, 2, 3, 4, 6])


# "a<RLM>bc<LRM>": the stripped "abc" has its characters at 0, 2, 3 of the text as written.
@pytest.mark.parametrize("start,end,expected", [
    (0, 1, (0, 1)), (1, 2, (2, 3)), (0, 2, (0, 3)), (1, 3, (2, 4)), (0, 3, (0, 4)),
    (0, 0, (0, 0)), (1, 1, (2, 2)), (2, 2, (3, 3)), (3, 3, (5, 5)),  # empty spans stay empty, where they begin
])
def test_a_span_of_the_stripped_text_is_the_span_of_the_same_characters_as_written(start, end, expected):
    clean, positions = strip(f"a{RLM}bc{LRM}")
    assert (clean, positions) == ("abc", [0, 2, 3, 5])
    assert span(positions, start, end) == expected


@pytest.mark.parametrize("text,numbers", [
    (f"قتل {RLM}15{RLM} شخصا.", [("15", 5, 7, 15.0)]),
    ("وصل ثلاثةُ آلافٍ من الزوار.", [("ثلاثةُ آلافٍ", 4, 16, 3000.0)]),  # the tanween after the last letter kept
    ("وصل ثلاثةٌ", [("ثلاثةٌ", 4, 10, 3.0)]),  # ... at the end of the text too
    ("قتل 15ـ شخصا", [("15ـ", 4, 7, 15.0)]),  # a tatweel drawn after the figure
    ("قتل ١٥ شخصا", [("١٥", 4, 6, 15.0)]),  # no mark: the spans as read
])
def test_arabic_figures_keep_their_marks_and_their_place_in_the_text_as_written(text, numbers):
    found = arabic.extract(text).numbers
    assert [(n.text, n.start, n.end, n.value) for n in found] == numbers
    assert [text[n.start:n.end] for n in found] == [n.text for n in found]


def test_a_hijri_date_keeps_its_tatweel_and_its_place():
    text = "في 15 رمضان 1445 هـ وصل"
    assert [(d.text, d.start, d.end, d.hijri) for d in arabic.extract(text).dates] == [
        ("15 رمضان 1445 هـ", 3, 19, "1445-09-15")]


def test_english_figures_between_marks_keep_their_place_in_the_text_as_written():
    text = f"killed {ZWSP}15{ZWSP} people on 3{LRM} March 2024."
    found = english.extract(text)
    assert [(n.text, n.start, n.end) for n in found.numbers] == [("15", 8, 10)]
    assert [(d.text, d.start, d.end, d.iso) for d in found.dates] == [(f"3{LRM} March 2024", 22, 35, "2024-03-03")]
