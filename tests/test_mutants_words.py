"""Number words in each language (facts/arabic_words.py, facts/english_words.py) where the
mutation run (bench/mutation.py facts.arabic_words, facts.english_words) found them unheld:
the value of a chain with duals, fractions and scales in every order, hours and ordinals said
in words. Every value below is worked out from the words, not copied from a run."""

from __future__ import annotations

import pytest

from facts import arabic_words, english_words
from facts.arabic_script import fold


@pytest.mark.parametrize("words,value", [
    ("ثلاثة ونصف", 3.5),
    ("خمسة آلاف", 5000),
    ("خمسة آلاف مليون", 5e9),  # five thousand million
    ("سبعمائة و ألف ألف", 701_000),  # as num2words 0.5 writes 701,000: the same scale again adds one
    ("ألفين ونصف", 2500),  # the dual's half is half a thousand
    ("مليون وألفان", 1_002_000),
    ("مليار ونصف", 1.5e9),
    ("مليون وثلاثة ونصف", 1_000_003.5),  # the half after a count is half of one
    ("نصف مليون", 5e5),
    ("ألفا", 2000),  # the standing dual (عشرون ألفا is read elsewhere)
    ("خمسة آلاف وسبعمائة واثنان وعشرون", 5722),
])
def test_arabic_chains(words, value):
    assert arabic_words.chain_value(fold(words)) == value


@pytest.mark.parametrize("words,value", [
    ("a thousand", 1000),
    ("an hundred", 100),  # the old article before "hundred"
    ("a dozen", 12),
    ("two dozen", 24),
    ("a thousand million", 1e9),
    ("a thousand thousand", 1e6),
    ("four million, three hundred thousand", 4_300_000),
    ("three hundred and forty-two", 342),
    ("twenty-five", 25),
])
def test_english_chains(words, value):
    assert english_words.chain_value(words) == value


@pytest.mark.parametrize("word,hour", [("one", 1), ("nine", 9), ("twelve", 12), ("Twelve", 12),
                                       ("thirteen", None), ("zero", None), ("noon", None)])
def test_an_hour_in_words_is_one_to_twelve(word, hour):
    assert english_words.hour_value(word) == hour


@pytest.mark.parametrize("words,value", [("first", 1), ("twenty-first", 21), ("twenty first", 21),
                                         ("a hundredth", 100), ("one hundredth", 100), ("Hundredth", 100),
                                         ("ninetieth", 90)])
def test_english_ordinals(words, value):
    assert english_words.ordinal_value(words) == value


def test_twelve_o_clock_in_words_is_read():
    from facts import english

    assert [(t.text, t.minutes) for t in english.extract("at twelve o'clock").times] == [("twelve o'clock", 720)]
