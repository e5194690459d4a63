"""facts.arabic_script called directly: the readers build their patterns with it at import,
where the mutation run (bench/mutation.py facts.arabic_script) cannot switch mutants, so these
are what measure it. Folding keeps one character for one, so offsets stay true."""

from __future__ import annotations

import re

import pytest

from facts.arabic_script import alternation, compile_folded, fold, folded, prepare


@pytest.mark.parametrize("text,expected", [
    ("أكتوبر", "اكتوبر"), ("إحدى", "احدي"), ("آذار", "اذار"), ("مدرسة", "مدرسه"),
    ("ی ک", "ي ك"), ("١٢٣٫٥", "123.5"), ("۱۲۳٬۴", "123,4"), ("plain 15", "plain 15"),
])
def test_fold_maps_one_character_for_one(text, expected):
    assert fold(text) == expected
    assert len(fold(text)) == len(text)


def test_prepare_reads_the_arabic_comma_between_digits_as_a_decimal_point():
    assert prepare("٣٧،١٪ وبعد، قال") == "37.1٪ وبعد، قال"


def test_alternation_folds_each_name_and_prefers_the_longer():
    pattern = re.compile(alternation(["تشرين", "تشرين الأول", "أيار"]))
    assert pattern.match(fold("تشرين  الأول")).group() == fold("تشرين  الأول")
    assert pattern.fullmatch("ايار") and not pattern.fullmatch("أيار")  # the text is folded before matching


def test_folded_folds_the_keys_and_keeps_the_values():
    assert folded({"أيار": 5, "ة": "x"}) == {"ايار": 5, "ه": "x"}


def test_compile_folded_folds_the_pattern_and_keeps_its_flags():
    assert compile_folded("أيار").fullmatch("ايار")
    assert compile_folded("أيار|may", re.IGNORECASE).fullmatch("MAY")
    assert not compile_folded("may").fullmatch("MAY")  # no flags unless given
