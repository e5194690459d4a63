"""The fact checks where the mutation run (bench/mutation.py facts.checks) found them unheld, as
tables of figure records (built here, not extracted, so that each row is the one case it names)
and the exact flags they must give: the same-value tolerance and its edges, which changed
figure a number is said to have become, dual nouns counted once each, a year given as a plain
number, Hijri dates against Gregorian ones, invalid dates' messages, and the summary's figures
against the translation. Every row after the first figure of a list holds that the check goes
on to the next figure."""

from __future__ import annotations

import pytest

from facts.checks import _same, check_sentence, check_summary
from facts.types import DateFact, Facts, MeasureFact, NumberFact


def N(value: float, text: str | None = None, **kw) -> NumberFact:  # noqa: N802 - a table's shorthand
    return NumberFact(text or f"{value:g}", value, kw.pop("unit", None), 0, 1, **kw)


def D(text: str, iso: str | None = None, **kw) -> DateFact:  # noqa: N802
    return DateFact(text, iso, 0, 1, **kw)


def H(text: str, hijri: str) -> DateFact:  # noqa: N802 - a Hijri date
    return DateFact(text, None, 0, 1, calendar="hijri", hijri=hijri)


def _flags(found: list[dict]) -> list[tuple[str, str]]:
    return [(f["type"], f["message"]) for f in found]


@pytest.mark.parametrize("a,b,same", [
    (1.0, 1.0, True),
    (0.0, 1e-6, True), (0.0, 1e-7, True), (0.0, 1.5e-6, False), (0.0, 2e-6, False),  # a millionth of 1, at least
    (1e9, 1e9 + 500, True), (1e9, 1e9 + 2000, False),  # a millionth of the larger value
    (1_000_001.0000005, 1e6, True), (1e6, 1_000_001.0000005, True),  # ... whichever side it is on
    (4.5, 4.54, False), (342.0, 341.0, False),
])
def test_two_values_are_the_same_within_a_millionth_of_the_larger(a, b, same):
    assert _same(a, b) is same


SENTENCE_CASES = {
    # A changed number is said to have become the spare English number nearest in magnitude.
    "nearest-magnitude": ([N(3), N(5000)], [N(4800), N(4)], [
        ("number_changed", "«3» (3) became «4» (4)"), ("number_changed", "«5000» (5000) became «4800» (4800)")]),
    # Zero: nothing rounds to it, and it is nearest to 1, then 10.
    "zero": ([N(0)], [N(10), N(1)], [("number_changed", "«0» (0) became «1» (1)")]),
    # A number with more than four figures matched exactly is no spare for another.
    "exact-long-number": ([N(123456), N(200000)], [N(123456), N(9)], [
        ("number_changed", "«200000» (200000) became «9» (9)")]),
    # A rounding of a source number is no spare for another either.
    "rounded-is-taken": ([N(4487000, "4,487,000"), N(3000000, "3 ملايين")], [N(4500000, "4.5 million"),
                                                                           N(1000000, "1 million")], [
        ("number_changed", "«3 ملايين» (3000000) became «1 million» (1000000)")]),
    "matched-is-taken": ([N(5), N(6)], [N(5), N(90)], [("number_changed", "«6» (6) became «90» (90)")]),
    # Vague numbers: the same order on both sides goes on to the next; another order is changed.
    "vague-matched-then": ([N(10, "عشرات", vague=True), N(7)], [N(10, "dozens", vague=True), N(9)], [
        ("number_changed", "«7» (7) became «9» (9)")]),
    "vague-changed-then": ([N(1000, "آلاف", vague=True), N(7)], [N(10, "dozens", vague=True), N(9)], [
        ("number_changed", "«آلاف» (about 1000, vague) became «dozens» (about 10, vague)"),
        ("number_changed", "«7» (7) became «9» (9)")]),
    # Stated numbers take the spare first, a vague one only what is left.
    "stated-before-vague": ([N(1000, "آلاف", vague=True), N(7)], [N(8)], [
        ("number_missing", "«آلاف» (about 1000, vague) is not in the translation"),
        ("number_changed", "«7» (7) became «8» (8)")]),
    # Dual nouns (implicit twos): each needs an English two of its own, beside the stated ones.
    "dual-alone": ([N(2, "سنتين", implicit=True)], [N(2), N(5)], []),
    "dual-beside-stated": ([N(2), N(2, "سنتين", implicit=True)], [N(2), N(3)], [
        ("number_changed", "«سنتين» (2) became «3» (3)")]),
    "dual-beside-stated-two-twos": ([N(2), N(2, "سنتين", implicit=True)],
                                    [N(2), N(2), N(3)], []),
    "dual-beside-another-number": ([N(7), N(2, "سنتين", implicit=True)], [N(7), N(2), N(9)], []),
    "two-duals-one-two": ([N(2, "سنتين", implicit=True), N(2, "الطرفين", implicit=True)], [N(2), N(5)], [
        ("number_changed", "«الطرفين» (2) became «5» (5)")]),
    "two-duals-two-twos": ([N(2, "سنتين", implicit=True), N(2, "الطرفين", implicit=True)], [N(2), N(2), N(5)], []),
    "three-duals-two-twos": ([N(2, "سنتين", implicit=True), N(2, "الطرفين", implicit=True),
                              N(2, "يومين", implicit=True)], [N(2), N(2), N(5)], [
        ("number_changed", "«يومين» (2) became «5» (5)")]),
    # A number the English gives as another kind of figure: a Hijri year, a measure in other units.
    "number-as-hijri-year": ([N(1445), N(7)], [N(8)], [("number_changed", "«7» (7) became «8» (8)")]),
    "km-as-metres": ([N(5, "5 كم", unit="km"), N(7)], [N(8)], [("number_changed", "«7» (7) became «8» (8)")]),
    # A year the English gives as a plain number, then the next date; a Hijri year too.
    "year-as-number-then": ([], [N(2018)], []),
    "hijri-year-as-number": ([], [N(1445)], []),
}
SENTENCE_DATES = {
    "year-as-number-then": ([D("2018", "2018"), D("2020", "2020")], [],
                            [("date_missing", "«2020» (2020) is not in the translation")]),
    "hijri-year-as-number": ([H("1445 هـ", "1445")], [], []),
}
SENTENCE_TARGET_DATES = {
    "number-as-hijri-year": [H("15 Ramadan 1445 AH", "1445-09-15")],
}
SENTENCE_TARGET_MEASURES = {
    "km-as-metres": [MeasureFact("5,000 metres", 5000.0, "m", 0, 1)],
}


@pytest.mark.parametrize("name", SENTENCE_CASES)
def test_number_flags(name):
    source_numbers, target_numbers, expected = SENTENCE_CASES[name]
    source_dates, target_dates, date_flags = SENTENCE_DATES.get(name, ([], [], []))
    source = Facts(numbers=tuple(source_numbers), dates=tuple(source_dates))
    target = Facts(numbers=tuple(target_numbers),
                   dates=tuple(target_dates or SENTENCE_TARGET_DATES.get(name, [])),
                   measures=tuple(SENTENCE_TARGET_MEASURES.get(name, [])))
    assert _flags(check_sentence(3, source, target)) == expected + date_flags


@pytest.mark.parametrize("measure,flagged", [
    (MeasureFact("5,000 metres", 5000.0, "m", 0, 1), False),
    (MeasureFact("5,040 metres", 5040.0, "m", 0, 1), False),  # within the 1% a conversion may round
    (MeasureFact("5,100 metres", 5100.0, "m", 0, 1), True),
    (MeasureFact("5,000 kg", 5000.0, "kg", 0, 1), True),  # the same value in other units is no match
])
def test_a_quantity_in_km_matches_a_measure_in_metres_within_a_conversion(measure, flagged):
    source = Facts(numbers=(N(5, "5 كم", unit="km"),))
    found = check_sentence(0, source, Facts(measures=(measure,)))
    assert _flags(found) == ([("number_missing", "«5 كم» (5) is not in the translation")] if flagged else [])


def test_a_conversion_may_round_by_exactly_one_percent():
    source = Facts(numbers=(N(0.099, "0.099 كم", unit="km"),))
    assert check_sentence(0, source, Facts(measures=(MeasureFact("100 m", 100.0, "m", 0, 1),))) == []


DATE_CASES = {
    # An invalid date is flagged, and the check goes on to the next date.
    "invalid-then-missing": ([D("31 شباط 2023", invalid="2023-02-31"), D("5 آذار 2023", "2023-03-05")], [], [], [
        ("date_invalid", "«31 شباط 2023» is not a real date (February 2023 has 28 days)"),
        ("date_missing", "«5 آذار 2023» (2023-03-05) is not in the translation")]),
    "invalid-no-year-november": ([D("31 تشرين الثاني", invalid="--11-31")], [], [], [
        ("date_invalid", "«31 تشرين الثاني» is not a real date (November has 30 days)")]),
    "invalid-no-year-february": ([D("30 شباط", invalid="--02-30")], [], [], [
        ("date_invalid", "«30 شباط» is not a real date (February has 29 days)")]),  # some year is a leap year
    "invalid-hijri": ([DateFact("31 رمضان 1445 هـ", None, 0, 1, calendar="hijri", invalid="1445-09-31")], [], [], [
        ("date_invalid", "«31 رمضان 1445 هـ» is not a real date (no Hijri month has more than 30 days)")]),
    # An invalid date matches no valid one: a month without its year stays a spare for another date.
    "invalid-beside-a-month": ([D("31 شباط 2023", invalid="2023-02-31"), H("15 رمضان 1445 هـ", "1445-09-15")],
                               [D("February", partial="--02")], [], [
        ("date_invalid", "«31 شباط 2023» is not a real date (February 2023 has 28 days)"),
        ("date_changed", "«15 رمضان 1445 هـ» (1445-09-15 AH) became «February» (--02)")]),
    # A year the English gives as a number only when it is that number, stated.
    "year-not-any-number": ([D("2018", "2018")], [], [N(7)], [
        ("date_missing", "«2018» (2018) is not in the translation")]),
    "hijri-date-not-a-number": ([H("15 رمضان 1445 هـ", "1445-09-15")], [], [N(7)], [
        ("date_missing", "«15 رمضان 1445 هـ» (1445-09-15 AH) is not in the translation")]),
    # Hijri against Hijri: as far as both say.
    "hijri-as-far-as-both-say": ([H("15 رمضان 1445 هـ", "1445-09-15")], [H("Ramadan 1445 AH", "1445-09")], [], []),
    # A Gregorian date given as its Hijri date (15 Ramadan 1445 is 25 March 2024).
    "gregorian-as-hijri": ([D("25 آذار 2024", "2024-03-25")], [H("15 Ramadan 1445 AH", "1445-09-15")], [], []),
    # A month without its year, against a month with one.
    "month-against-month-and-year": ([D("آذار", partial="--03")], [D("March 2023", "2023-03")], [], []),
    "month-against-another-month": ([D("آذار", partial="--03")], [D("April 2023", "2023-04")], [], [
        ("date_changed", "«آذار» (--03) became «April 2023» (2023-04)")]),
    # A changed date became a spare of its own calendar first.
    "changed-own-calendar-first": ([D("5 آذار 2023", "2023-03-05")],
                                   [H("1 Muharram 1400 AH", "1400-01-01"), D("6 March 2023", "2023-03-06")], [], [
        ("date_changed", "«5 آذار 2023» (2023-03-05) became «6 March 2023» (2023-03-06)")]),
    # With no spare left, the translation's date of the same calendar that another source date took.
    "changed-to-a-taken-date": ([D("5 آذار 2023", "2023-03-05"), D("6 آذار 2023", "2023-03-06")],
                                [D("5 March 2023", "2023-03-05")], [], [
        ("date_changed", "«6 آذار 2023» (2023-03-06) became «5 March 2023» (2023-03-05)")]),
}


@pytest.mark.parametrize("name", DATE_CASES)
def test_date_flags(name):
    source_dates, target_dates, target_numbers, expected = DATE_CASES[name]
    source = Facts(dates=tuple(source_dates))
    target = Facts(dates=tuple(target_dates), numbers=tuple(target_numbers))
    assert _flags(check_sentence(0, source, target)) == expected


SUMMARY_CASES = {
    "vague-other-order": ([N(10, "dozens", vague=True)], [], [N(1000, "thousands", vague=True)], [], [
        ("summary_unsupported", "the summary's «dozens» (10) is not in the translation")]),
    "vague-then-number": ([N(10, "dozens", vague=True), N(7)], [], [N(10, "عشرات", vague=True)], [], [
        ("summary_unsupported", "the summary's «7» (7) is not in the translation")]),
    "number-then-number": ([N(5), N(7)], [], [N(5)], [], [
        ("summary_unsupported", "the summary's «7» (7) is not in the translation")]),
    "year-as-number-then": ([N(2018), N(7)], [], [], [D("2018", "2018")], [
        ("summary_unsupported", "the summary's «7» (7) is not in the translation")]),
    "invalid-then-date": ([], [D("31 February 2023", invalid="2023-02-31"), D("2020", "2020")], [],
                          [D("31 شباط 2023", invalid="2023-02-31")], [
        ("summary_unsupported", "the summary's date «2020» (2020) is not in the translation")]),
    "month-then-date": ([], [D("March 2023", "2023-03"), D("2020", "2020")], [], [D("5 March 2023", "2023-03-05")], [
        ("summary_unsupported", "the summary's date «2020» (2020) is not in the translation")]),
    "partial-then-date": ([], [D("March", partial="--03"), D("2020", "2020")], [],
                          [H("1 Ramadan 1444 AH", "1444-09-01"), D("5 March 2023", "2023-03-05")], [
        ("summary_unsupported", "the summary's date «2020» (2020) is not in the translation")]),
    "gregorian-beside-hijri": ([], [D("2020", "2020")], [], [H("15 Ramadan 1445 AH", "1445-09-15")], [
        ("summary_unsupported", "the summary's date «2020» (2020) is not in the translation")]),
    "hijri-same-year-then": ([], [H("Ramadan 1445 AH", "1445-09"), D("2020", "2020")], [],
                             [H("15 Ramadan 1445 AH", "1445-09-15")], [
        ("summary_unsupported", "the summary's date «2020» (2020) is not in the translation")]),
    "hijri-other-year": ([], [H("1440 AH", "1440")], [], [H("15 Ramadan 1445 AH", "1445-09-15")], [
        ("summary_unsupported", "the summary's date «1440 AH» (1440 AH) is not in the translation")]),
    "gregorian-as-hijri-then": ([], [D("25 March 2024", "2024-03-25"), D("2020", "2020")], [],
                                [H("15 Ramadan 1445 AH", "1445-09-15")], [
        ("summary_unsupported", "the summary's date «2020» (2020) is not in the translation")]),
}


@pytest.mark.parametrize("name", SUMMARY_CASES)
def test_summary_flags(name):
    summary_numbers, summary_dates, numbers, dates, expected = SUMMARY_CASES[name]
    summary = Facts(numbers=tuple(summary_numbers), dates=tuple(summary_dates))
    translation = [Facts(numbers=tuple(numbers)), Facts(dates=tuple(dates))]
    assert _flags(check_summary(summary, translation)) == expected
