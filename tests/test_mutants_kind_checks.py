"""The checks of clock times, ordinals, scores, decades and measures (facts/kind_checks.py)
where the mutation run (bench/mutation.py facts.kind_checks) found them unheld, on records
built here: the whole flag each check writes, which spare figure a changed one is said to have
become, a measure's rounding between units and its exactness within one, an hour said as a
number, a day of a date said as an ordinal, a decade with and without its century."""

from __future__ import annotations

import math

import pytest

from facts.kind_checks import CONVERSION, _close, _same_measure, kind_flags, summary_kind_flags
from facts.types import DateFact, DecadeFact, Facts, MeasureFact, NumberFact, OrdinalFact, ScoreFact, TimeFact


def T(text: str, minutes: int, twelve: bool = False) -> TimeFact:  # noqa: N802 - a table's shorthand
    return TimeFact(text, minutes, 0, 1, twelve)


def O(text: str, value: int, label: bool = False) -> OrdinalFact:  # noqa: N802, E743
    return OrdinalFact(text, value, 0, 1, label)


def M(text: str, value: float, unit: str = "m", units: str = "ft+in") -> MeasureFact:  # noqa: N802
    return MeasureFact(text, value, unit, 0, 1, units)


def N(value: float, unit: str | None = None, vague: bool = False) -> NumberFact:  # noqa: N802
    return NumberFact(f"{value:g}", value, unit, 0, 1, vague)


def types(source: Facts, target: Facts) -> list[str]:
    return [f["type"] for f in kind_flags(3, source, target)]


def test_a_missing_figure_is_flagged_whole():
    assert kind_flags(3, Facts(ordinals=(O("المادة 140", 140, label=True),)), Facts()) == [{
        "type": "ordinal_missing", "segment": 3, "source": {"text": "المادة 140", "value": 140, "label": True},
        "translation": None, "message": "«المادة 140» (140, a label) is not in the translation"}]


def test_a_figure_of_the_summary_the_translation_lacks_is_flagged_whole():
    summary = Facts(decades=(DecadeFact("the late 1980s", 1980, 0, 1, "late"),))
    assert summary_kind_flags(summary, Facts()) == [{
        "type": "summary_unsupported", "segment": None, "source": None,
        "summary": {"text": "the late 1980s", "decade": 1980, "part": "late"},
        "message": "the summary's decade «the late 1980s» (the late 1980s) is not in the translation"}]


def test_a_changed_figure_became_the_closest_spare_one():
    source = Facts(times=(T("الساعة التاسعة", 540, twelve=True),))
    target = Facts(times=(T("10:00", 600), T("21:30", 1290)))  # 21:30 is half an hour from 9 p.m.
    (flag,) = kind_flags(0, source, target)
    assert flag["type"] == "time_changed" and flag["translation"]["text"] == "21:30"
    assert flag["message"] == "«الساعة التاسعة» (09:00 or 21:00) became «21:30» (21:30)"


@pytest.mark.parametrize("a,b,same", [
    (T("9", 1260, twelve=True), T("9", 540), True),  # 9 p.m. or 9 a.m.: either half of the day
    (T("9", 540, twelve=True), T("21", 1260), True),
    (T("21", 1260), T("9", 540), False),  # both on the 24-hour clock
])
def test_a_time_without_its_half_of_the_day_is_either(a, b, same):
    assert (types(Facts(times=(a,)), Facts(times=(b,))) == []) is same


@pytest.mark.parametrize("minutes,number,found", [
    (0, 12, True), (0, 0, True),  # midnight is the twelfth hour as well as the zeroth
    (720, 12, True), (19 * 60, 7, True), (19 * 60, 19, True), (7 * 60 + 30, 7, False),
])
def test_a_time_on_the_hour_said_as_a_number(minutes, number, found):
    flags = types(Facts(times=(T("t", minutes),)), Facts(numbers=(N(number),)))
    assert (flags == []) is found


@pytest.mark.parametrize("date,found", [
    (DateFact("7 March 2024", "2024-03-07", 0, 1), True),  # the day of a full date
    (DateFact("7 March", None, 0, 1, partial="--03-07"), True),
    (DateFact("March 2024", "2024-03", 0, 1), False),
    (DateFact("2024", "2024", 0, 1), False),
    (DateFact("March", None, 0, 1, partial="--03"), False),
    (DateFact("17 March 2024", "2024-03-17", 0, 1), False),
])
def test_an_ordinal_said_as_the_day_of_a_date(date, found):
    assert (types(Facts(ordinals=(O("السابع", 7),)), Facts(dates=(date,))) == []) is found


@pytest.mark.parametrize("a,b,same", [
    (1980, 80, True), (80, 1980, True),  # the eighties with and without the century
    (1980, 1880, False), (1980, 90, False), (1980, 1980, True),
])
def test_decades_with_and_without_their_century(a, b, same):
    source = Facts(decades=(DecadeFact("x", a, 0, 1),))
    target = Facts(decades=(DecadeFact("y", b, 0, 1),))
    assert (types(source, target) == []) is same


def test_close_is_within_one_percent_of_the_larger_inclusive():
    assert CONVERSION == 0.01
    assert _close(99.0, 100.0) and _close(100.0, 99.0)
    assert not _close(98.9, 100.0)


def test_a_measure_in_the_same_units_must_agree_exactly_and_in_others_within_rounding():
    a = M("5 أقدام و9 بوصات", 1.7526)
    assert _same_measure(a, M("5-foot-9", 1.7526))
    assert _same_measure(M("x", 99960.0, "s", "h+min"), M("y", math.nextafter(99960.0, 1e6), "s", "h+min"))  # float noise
    assert not _same_measure(a, M("5-foot-9", 1.7527))
    assert _same_measure(M("x", 0.0), M("y", 0.0))  # equal, even with no room for rounding
    assert _same_measure(a, M("1.75 metres", 1.75, units="m+cm"))  # converted: 1% allowed
    assert not _same_measure(a, M("1.70 metres", 1.70, units="m+cm"))
    assert not _same_measure(a, M("1.7526 kg", 1.7526, "kg", "kg+g"))


@pytest.mark.parametrize("number,found", [
    (N(1.75, "m"), True), (N(1.5, "km"), False), (N(1.75, None), False), (N(1.75, "USD"), False),
    (N(1.75, "m", vague=True), False),
])
def test_a_measure_said_as_a_quantity_in_one_unit(number, found):
    assert (types(Facts(measures=(M("m", 1.7526),)), Facts(numbers=(number,))) == []) is found


def test_a_measure_said_in_kilometres_or_tonnes_is_converted():
    assert types(Facts(measures=(M("m", 1500.2, units="m+cm"),)), Facts(numbers=(N(1.5, "km"),))) == []
    assert types(Facts(measures=(M("kg", 1500.0, "kg", "kg+g"),)), Facts(numbers=(N(1.5, "tonne"),))) == []


@pytest.mark.parametrize("fact,shown", [
    (DecadeFact("الثمانينيات", 80, 0, 1), "the 80s"),
    (DecadeFact("أواخر الثمانينيات", 1980, 0, 1, "late"), "the late 1980s"),
    (M("m", 1.75259), "1.7526 m"),
    (M("s", 5400.0, "s", "h+min"), "5400 s"),
    (O("الثالث", 3), "3"),
    (O("المادة 3", 3, label=True), "3, a label"),
    (ScoreFact("2-1", (2, 1), 0, 1), "2-1"),
])
def test_each_figure_shown_in_a_message(fact, shown):
    field = {DecadeFact: "decades", MeasureFact: "measures", OrdinalFact: "ordinals", ScoreFact: "scores"}[type(fact)]
    (flag,) = summary_kind_flags(Facts(**{field: (fact,)}), Facts())
    assert flag["message"].endswith(f"«{fact.text}» ({shown}) is not in the translation")
