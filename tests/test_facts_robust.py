"""Random mixtures of the pieces figures are made of, in both languages: reading them never
fails, every fact's span is the text it names, and the facts and flags fit the article schema.
Seeded, so a failure is repeatable."""

import random

import jsonschema
import pytest

from facts import arabic, english
from facts.checks import check_sentence, check_summary
from facts.types import FIGURES, to_json
from tarjama.article_json import article_schema

AR_PIECES = ("١٬٢٥٠٫٥ 1,250.5 1.500 2ر3 ٣٧،١٪ 31 شباط 2023 ١٥/٣/١٤٤٠هـ 1440 هـ رمضان الساعة السابعة والنصف مساء "
             "بنتيجة 2-0 3 مقابل 2 & الحادي عشر الثالثة والعشرون الـ14 المادة 140 رقم الهاتف 0770 123 4567 "
             "أواخر ثمانينيات القرن الماضي 5 أقدام و9 بوصات ساعتين و30 دقيقة خمسة آلاف وسبعمائة واثنان وعشرون "
             "ألفان مليونا ألفي الطرفين صفر كانون الثاني الاثنين عام في و ب ال \u200f \u0640 ُ ً : / - . ، ؛ "
             "مليار ونصف نصف عشرات آلاف كأس آسيا 2019 منتصف الليل إلا ربعا ( )").split(" ")
EN_PIECES = ("1,250.5 $3.2bn 4.5 million 31 February 2023 15/3/1440 AH Ramadan 1440 9:30 p.m. 1430 GMT noon "
             "half past nine won 2-0 3&2 goalless 14th twenty-first Abdullah II Article 140 call 0770 123 4567 "
             "the late 1980s '80s in his 30s 5-foot-9 two hours and 20 minutes five thousand, seven hundred and "
             "twenty-two a thousand both dozens of Expo 2020 in 2014 - / : . , ; ( ) at on the and").split(" ")


def _texts(pieces, seed):
    rng = random.Random(seed)
    return [" ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 25))) for _ in range(150)]


def _spans_hold(text, facts):
    for kind in FIGURES:
        for fact in getattr(facts, kind):
            assert text[fact.start:fact.end].strip() == fact.text, (kind, fact, text)


def _validator(name):
    return jsonschema.Draft202012Validator({"$defs": article_schema()["$defs"], "$ref": f"#/$defs/{name}"})


@pytest.mark.parametrize("seed", range(4))
def test_random_mixtures_read_and_check_without_failing(seed):
    facts_schema, flag_schema = _validator("facts"), _validator("flag")
    for ar, en in zip(_texts(AR_PIECES, seed), _texts(EN_PIECES, seed + 100)):
        source, target = arabic.extract(ar, "2023-03-01"), english.extract(en, "2023-03-01")
        _spans_hold(ar, source)
        _spans_hold(en, target)
        flags = check_sentence(0, source, target) + check_summary(target, [source, target])
        facts_schema.validate(to_json(source, 0))
        facts_schema.validate(to_json(target, 0))
        for flag in flags:
            flag_schema.validate(flag)


# A long run of one thing, after a word that lets a pattern start and fail at every step of
# it (a score needs مقابل, a measure its unit): each would take minutes if a reader looked
# at the rest of the run from every word.
@pytest.mark.parametrize("before,unit", [
    ("", "1"), ("", "1,000"), ("", "1."), ("", "1-"), ("", "ب"), ("", "ألف "), ("", "الساعة 7 "), ("", "3-2 "),
    ("", "one hundred and "), ("", "31 February 2023, "), ("مقابل دقيقة ", "ثلاثة و "), ("hours ", "one "),
    ("مقابل ", "خمسة آلاف و "), ("feet ", "one hundred and "),
])
def test_a_long_run_of_one_thing_is_read(before, unit):
    text = before + unit * (20_000 // len(unit))
    for extract in (arabic.extract, english.extract):
        _spans_hold(text, extract(text))
