"""Number words read as one figure, in both languages: Arabic chains of thousands and
hundreds, duals that stand alone, ordinals; English groups with commas. The tables are
written here; the last tests read back what a peer library (num2words) writes."""

import re

import pytest
from num2words import num2words

from facts import arabic, english

ARABIC = [
    ("خمسة آلاف وسبعمائة واثنان وعشرون", 5722), ("خمسة آلاف و سبعمائة", 5700),
    ("أربعة ملايين وثلاثمائة ألف", 4_300_000), ("ألفان", 2000), ("ألفين", 2000), ("ألفي", 2000),
    ("مليونا", 2_000_000), ("مليونان", 2_000_000), ("مليونين", 2_000_000), ("ملياران", 2e9), ("ثلاثة آلاف", 3000),
    ("عشرة آلاف", 10_000), ("أحد عشر ألفا", 11_000), ("خمسة عشر ألف", 15_000), ("مائة ألف", 100_000),
    ("مئتا ألف", 200_000), ("ثلاثمائة وخمسون ألفا", 350_000), ("مليون ومئتا ألف", 1_200_000),
    ("ألف وخمسمائة", 1500), ("ألفان وخمسمائة", 2500), ("سبعمائة", 700), ("سبع مئة", 700), ("ثمانمئة", 800),
    ("تسعمائة وتسعة وتسعون", 999), ("اثنا عشر", 12), ("اثنتا عشرة", 12), ("إحدى عشرة", 11), ("ثلاث عشرة", 13),
    ("تسعة عشر", 19), ("عشرون", 20), ("واحد وعشرون", 21), ("مليار ونصف", 1.5e9), ("ثلاثة ملايين ونصف", 3_500_000),
    ("نصف مليون", 500_000), ("ربع مليار", 2.5e8), ("خمسة آلاف مليون", 5e9), ("ثلاثةُ آلافٍ وخمسمائةٍ", 3500),
    ("وثلاثمائة", 300), ("بخمسة آلاف", 5000),
]


@pytest.mark.parametrize("words,value", ARABIC)
def test_arabic_number_words(words, value):
    assert [n.value for n in arabic.extract(f"بلغ العدد {words} شخص").numbers] == [value]


ENGLISH = [
    ("five thousand, seven hundred and twenty-two", 5722), ("four million, three hundred thousand", 4_300_000),
    ("one million, two hundred and thirty-four thousand, five hundred and sixty-seven", 1_234_567),
    ("two billion, five hundred million", 2.5e9), ("a hundred and twenty", 120), ("twelve million", 12e6),
    ("one hundred and two thousand", 102_000), ("ninety-nine", 99), ("three hundred and forty-two", 342),
]


@pytest.mark.parametrize("words,value", ENGLISH)
def test_english_number_words(words, value):
    assert [n.value for n in english.extract(f"The count reached {words} people.").numbers] == [value]


def test_a_comma_joins_groups_only_after_a_scale_word():
    assert [n.value for n in english.extract("two, three or four people").numbers] == [2, 3, 4]
    assert [n.value for n in english.extract("five thousand, and more").numbers] == [5000]


ARABIC_ORDINALS = [
    ("الأول", 1), ("الأولى", 1), ("الثاني", 2), ("الثانية", 2), ("الثالث", 3), ("الرابعة", 4), ("الخامس", 5),
    ("السادسة", 6), ("السابع", 7), ("الثامنة", 8), ("التاسع", 9), ("العاشرة", 10), ("الحادي عشر", 11),
    ("الحادية عشرة", 11), ("الثاني عشر", 12), ("الثانية عشرة", 12), ("الثالث عشر", 13), ("التاسعة عشرة", 19),
    ("الحادي والعشرون", 21), ("الثالثة والعشرون", 23), ("الخامس والعشرين", 25), ("التاسع والتسعون", 99),
    ("الاول", 1), ("الحاديه عشره", 11),
]


@pytest.mark.parametrize("words,value", ARABIC_ORDINALS)
def test_arabic_ordinal_words(words, value):
    found = arabic.extract(f"انطلقت الدورة {words} للمهرجان")
    assert ([o.value for o in found.ordinals], found.numbers) == ([value], ())


ENGLISH_ORDINALS = [("first", 1), ("second", 2), ("third", 3), ("twelfth", 12), ("twenty-third", 23),
                    ("ninety-ninth", 99), ("hundredth", 100), ("14th", 14), ("21st", 21), ("102nd", 102)]


@pytest.mark.parametrize("words,value", ENGLISH_ORDINALS)
def test_english_ordinal_words(words, value):
    found = english.extract(f"The {words} edition of the festival opened.")
    assert ([o.value for o in found.ordinals], found.numbers) == ([value], ())


# -- read back what a peer library writes ----------------------------------------------------

VALUES = list(range(1, 121)) + [999, 1000, 1001, 1100, 2000, 2500, 3000, 11_000, 15_000, 100_000, 102_000, 200_000,
                                 1_000_000, 2_000_000, 3_000_000, 11_000_000, 1_234_567, 5722, 4_300_000, 10 ** 9,
                                 2_500_000_000, 987_654_321]


@pytest.mark.parametrize("value", VALUES)
def test_num2words_arabic_is_read_back(value):
    written = num2words(value, lang="ar")
    glued = re.sub(r"(?<!\S)و ", "و", written)  # how a newspaper prints it
    for words in (written, glued):
        assert [n.value for n in arabic.extract(f"بلغ العدد {words} شخص").numbers] == [value], words


@pytest.mark.parametrize("value", VALUES)
def test_num2words_english_is_read_back(value):
    words = num2words(value, lang="en")
    assert [n.value for n in english.extract(f"The count reached {words} people.").numbers] == [value], words


@pytest.mark.parametrize("value", range(1, 101))
def test_num2words_english_ordinals_are_read_back(value):
    words = num2words(value, lang="en", to="ordinal")
    assert [o.value for o in english.extract(f"It was the {words} meeting.").ordinals] == [value], words


@pytest.mark.parametrize("value", range(1, 20))
def test_num2words_arabic_ordinals_are_read_back(value):
    words = "ال" + num2words(value, lang="ar", to="ordinal")
    assert [o.value for o in arabic.extract(f"عقد الاجتماع {words} اليوم").ordinals] == [value], words
