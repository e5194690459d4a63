"""Every figure of Arabic news text: the dates here, the quantities in facts.arabic_quantities,
the other kinds in facts.arabic_kinds. Pure functions over strings.

Matching runs on a prepared copy of the text (facts.arabic_script.prepare: digits to ASCII,
letters folded, one character for one), so every offset found is an offset in the original
and `text` is always the span as written. Each reading claims its spans (facts.spans), in
this order: identifiers, dates, times, scores, decades, measures, ordinals and labels, and
last the quantities, so that one figure is read as one kind only.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from facts import arabic_kinds, invisible
from facts.arabic_script import AFTER as _E
from facts.arabic_script import BEFORE as _B
from facts.arabic_script import LETTERS as _A
from facts.arabic_script import alternation as _alternation
from facts.arabic_script import compile_folded, fold, folded, prepare
from facts.arabic_quantities import WINDOW, counts_something, followed_by_quantity, read_numbers
from facts.arabic_words import ORDINAL, ordinal_value
from facts.calendar_dates import impossible_date, iso_date
from facts.spans import Claimed
from facts.types import DateFact, Facts, NumberFact

# Month names: Egyptian/Gulf, Levantine/Iraqi (Syriac), Maghreb (French and Moroccan). Written
# in one spelling each: matching is on folded text, so أبريل also finds ابريل and إبريل.
_GREGORIAN_NAMES = {
    1: "يناير|كانون الثاني|كانون ثاني|جانفي|جانفيه|جانفييه",
    2: "فبراير|شباط|فيفري|فبرير",
    3: "مارس|آذار",
    4: "أبريل|إبريل|نيسان|أفريل",
    5: "مايو|أيار|ماي",
    6: "يونيو|يونية|حزيران|جوان",
    7: "يوليو|يولية|تموز|جويلية|جويليه|يوليوز",
    8: "أغسطس|آب|أوت|غشت",
    9: "سبتمبر|أيلول|شتنبر",
    10: "أكتوبر|تشرين الأول|تشرين أول",
    11: "نوفمبر|تشرين الثاني|تشرين ثاني|نونبر",
    12: "ديسمبر|كانون الأول|كانون أول|دجنبر",
}
MONTHS: dict[str, int] = folded({name: n for n, names in _GREGORIAN_NAMES.items() for name in names.split("|")})
HIJRI_MONTHS: dict[str, int] = folded({
    "محرم": 1, "المحرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع أول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "ربيع ثاني": 4, "ربيع آخر": 4, "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى أولى": 5, "جمادى الآخرة": 6,
    "جمادى الآخر": 6, "جمادى الثانية": 6, "جمادى الثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
})
WEEKDAYS = "الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد"

_MONTH = _alternation(MONTHS)
_HMONTH = _alternation(HIJRI_MONTHS)
_DAY = rf"(?:(?P<day>[0-3]?\d)\s*(?:من\s+)?|(?P<dayword>{ORDINAL})\s+من\s+)"
_YEAR = r"(?P<year>\d{4})"

# [weekday] day month[/month | (month)] [year]   or   month[/month] year
_GREGORIAN = re.compile(
    rf"(?:(?<![\w])|(?<=(?<!\w)[وبلف]))(?:(?:يوم\s+)?(?:{fold(WEEKDAYS)})[،,]?\s+)?"
    rf"{_DAY}?"
    rf"(?P<shahr>شهر\s+)?(?P<month>{_MONTH})"
    rf"(?:\s*[/-]\s*(?:{_MONTH})|\s*[(（]\s*(?:{_MONTH})\s*[)）]|\s+(?P<month2>{_MONTH}){_E})?"
    rf"(?:[\s،,]+(?:(?:من\s+)?(?:عام|سنه)\s+)?{_YEAR})?"
    rf"(?:\s*م{_E})?{_E}"
)
# A month named alone is a date only after words that introduce a time ("في تموز"), since
# some month names are also ordinary words (آب, father; نيسان, the car maker).
_MONTH_CONTEXT = compile_folded(
    r"(?:^|[\s(])(?:[وف]?(?:في|خلال|منذ|حتى|شهر|مطلع|أوائل|أواخر|منتصف|بداية|نهاية|أواسط|قبل|بعد|بحلول))\s+$")
_NUMERIC = re.compile(r"(?<![\d.,/-])(?P<a>\d{1,4})([/.-])(?P<b>\d{1,2})\2(?P<c>\d{1,4})(?!\d|[.,/-]\d)"
                      rf"(?P<hijri>\s*(?:هـ|ه){_E})?")
_HIJRI_SUFFIX = rf"\s*(?:هـ|ه\.?(?![{_A}])|هجري[ه]?{_E}|للهجره{_E}|الهجري[ه]?{_E})"
# With a Hijri month the era need not be written (رمضان 1440); a year alone needs it.
_HIJRI = compile_folded(
    rf"(?:{_B}|(?<=(?<![{_A}\w])[وبلف]))"  # و5 شوال: the day glued to "and", as with a Gregorian month
    rf"(?:(?:(?P<day>[0-3]?\d)\s+(?:من\s+)?|(?P<dayword>{ORDINAL})\s+من\s+))?(?:شهر\s+)?(?P<month>{_HMONTH})"
    rf"{_E}[\s،,]*(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<year>1[3-5]\d\d)(?!\d)(?P<era>{_HIJRI_SUFFIX})?"
    rf"|{_B}(?:(?:عام|سنة|العام\s+الهجري|السنة\s+الهجرية)\s+)?(?P<year2>\d{{3,4}})(?:{_HIJRI_SUFFIX})"
)
_BARE_YEAR = compile_folded(
    rf"(?:{_B}(?P<kw>عام|العام|عامي|سنة|السنة|سنتي)\s+|(?<=\s)|^|(?<=[(（\-–])|(?<=\s[وفبل])|(?<=^[وفبل]))"
    rf"(?P<year>1[89]\d\d|20\d\d|2100)"
    rf"(?!\d|[.,:/]\d|{_HIJRI_SUFFIX})"
)
# A year after these names the event or the plan (كأس آسيا 2019, معرض إكسبو 2020, رؤية 2030):
# a date, whatever follows it.
_EVENT_BEFORE = compile_folded(
    r"(?:كأس|بطولة|مونديال|أولمبياد|أولمبياد|دورة|نسخة|موسم|معرض|إكسبو|اكسبو|قمة|مؤتمر|مهرجان|انتخابات|رؤية|"
    r"خطة|استراتيجية|إستراتيجية|مسابقة|جائزة|موازنة|ميزانية|دستور|طراز|موديل|أجندة|تعداد)"
    rf"(?:\s+[{_A}]+){{0,2}}\s+$")
_LABEL_BEFORE = compile_folded(rf"(?:^|[\s{_A}])(?:{arabic_kinds.LABEL_NOUNS})(?:\s+رقم)?\s*:?\s*$")
_RELATIVE = folded({"أمس": -1, "البارحة": -1, "اليوم": 0, "غدا": 1})
_RELATIVE_RE = re.compile(rf"{_B}(?:[وب]?)(?P<word>{_alternation(_RELATIVE)}){_E}")
# What a date cannot be written without: a text with none of these skips the full pattern.
_HIJRI_WORDS = re.compile(rf"{_HMONTH}|{fold('هجري|للهجرة')}")
# Any run of spaces, as _HIJRI_SUFFIX allows: "1440  هـ" with two is still a Hijri year.
_ERA_AFTER_DIGITS = re.compile(r"\d\s*ه")
_MONTH_WORDS = re.compile(_MONTH)
_DIGIT_SEPARATED = re.compile(r"\d[/.-]\d")
_YEAR_DIGITS = re.compile(r"1[89]\d\d|20\d\d|2100")
_ANOTHER_YEAR = re.compile(r"(?:1[89]|20)\d\d\s*(?:و|[-–/])$")


def _day_of(m: re.Match) -> int | None:
    if m.group("dayword"):
        return ordinal_value(m.group("dayword"))
    return int(m.group("day")) if m.group("day") else None


def _read_dates(text: str, mapped: str, published: str | None, claimed: Claimed) -> list[DateFact]:
    found: list[DateFact] = []

    def add(fact: DateFact) -> None:
        found.append(fact)
        claimed.claim(fact.start, fact.end)

    # Numeric dates first: in ١٥/٣/١٤٤٠هـ the era belongs to the whole date, not to the year alone.
    for m in _NUMERIC.finditer(mapped) if _DIGIT_SEPARATED.search(mapped) else ():
        if not claimed.free(m.start(), m.end()):
            continue
        a, b, c = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        if len(m.group("a")) == 4:
            year, month, day = a, b, c
        elif len(m.group("c")) == 4:
            year, month, day = c, b, a
            if month > 12 and day <= 12:  # 09/27/2022: month first
                month, day = day, month
        else:
            continue
        if not 1 <= month <= 12 or day < 1:
            continue
        span = (m.start(), m.end() if m.group("hijri") else m.end("c"))
        written = text[span[0]:span[1]].strip()
        if m.group("hijri") or 1300 <= year <= 1500:  # ١٥/٣/١٤٤٠: no Gregorian year of the news
            if day > 30:
                add(DateFact(written, None, *span, "hijri", None, invalid=f"{year:04d}-{month:02d}-{day:02d}"))
            else:
                add(DateFact(written, None, *span, "hijri", f"{year:04d}-{month:02d}-{day:02d}"))
            continue
        bad = impossible_date(year, month, day)
        add(DateFact(written, None if bad else iso_date(year, month, day), *span, invalid=bad))
    hijri_words = _HIJRI_WORDS.search(mapped) or _ERA_AFTER_DIGITS.search(mapped)
    for m in _HIJRI.finditer(mapped) if hijri_words else ():
        if not claimed.free(m.start(), m.end()):
            continue
        year = int(m.group("year") or m.group("year2"))
        month = HIJRI_MONTHS.get(" ".join(m.group("month").split())) if m.group("month") else None
        day = _day_of(m) if month else None
        if m.group("month") == fold("صفر") and day is None and not m.group("era") \
                and not _MONTH_CONTEXT.search(mapped, max(0, m.start() - WINDOW), m.start()):
            continue  # صفر is also "zero": the month with its day, its era, or after في, شهر...
        hijri = f"{year:04d}" + (f"-{month:02d}" if month else "")
        if day is not None and not 1 <= day <= 30:
            add(DateFact(text[m.start():m.end()].strip(), None, m.start(), m.end(), "hijri", None,
                         invalid=f"{hijri}-{day:02d}"))
            continue
        hijri += f"-{day:02d}" if day else ""
        add(DateFact(text[m.start():m.end()].strip(), None, m.start(), m.end(), "hijri", hijri))
    for m in _GREGORIAN.finditer(mapped) if _MONTH_WORDS.search(mapped) else ():
        if not claimed.free(m.start(), m.end()):
            continue
        day = _day_of(m)
        year = int(m.group("year")) if m.group("year") else None
        month = MONTHS[" ".join(m.group("month").split())]
        if m.group("month2") and MONTHS[" ".join(m.group("month2").split())] != month:
            continue  # two different months side by side are not one paired name
        if day is not None and not 1 <= day <= 31:
            continue
        if day is None and year is None and not m.group("shahr") \
                and not _MONTH_CONTEXT.search(mapped, max(0, m.start() - WINDOW), m.start()):
            continue
        written = text[m.start():m.end()].strip()
        bad = impossible_date(year, month, day) if day is not None else None
        if bad:
            add(DateFact(written, None, m.start(), m.end(), invalid=bad))
        elif year is None:
            # A day and month, or a month alone after "في", "منذ"...: a date without its year.
            add(DateFact(written, None, m.start(), m.end(), partial=f"--{month:02d}" + (f"-{day:02d}" if day else "")))
        else:
            add(DateFact(written, iso_date(year, month, day), m.start(), m.end()))
    for m in _BARE_YEAR.finditer(mapped) if _YEAR_DIGITS.search(mapped) else ():
        start = m.start("year") if not m.group("kw") else m.start()
        if not claimed.free(start, m.end()) or followed_by_quantity(mapped, m.end()):
            continue
        before = mapped[max(0, m.start("year") - WINDOW):m.start("year")]
        if before[-1:] in "وفبل" and before[-1:] and not _ANOTHER_YEAR.search(before):
            continue  # و2000 جندي: a count, unless a year came just before (عامي 2010 و2014)
        if not m.group("kw") and _LABEL_BEFORE.search(before):
            continue  # المادة 1990: a label, read with the ordinals
        if not m.group("kw") and not _EVENT_BEFORE.search(before) and counts_something(mapped, m.start("year"),
                                                                                          m.end()):
            continue
        add(DateFact(text[start:m.end()], m.group("year"), start, m.end()))
    if published:
        base = date.fromisoformat(published[:10])
        for m in _RELATIVE_RE.finditer(mapped):
            if claimed.free(m.start("word"), m.end("word")):
                day = base + timedelta(days=_RELATIVE[m.group("word")])
                add(DateFact(text[m.start("word"):m.end("word")], day.isoformat(), m.start("word"), m.end("word")))
    return sorted(found, key=lambda d: d.start)


# Month names with an ordinal in them, and the weekday that is also "the two" (الاثنين).
_MONTH_NAMES = re.compile(rf"{_B}[وبلف]?(?:{_alternation(n for n in {**MONTHS, **HIJRI_MONTHS} if ' ' in n)}"
                          rf"|{_alternation(['الاثنين', 'الإثنين'])}){_E}")

def read(text: str, published: str | None = None) -> Facts:
    """Every figure of a text with no invisible characters (see extract)."""
    mapped = prepare(text)
    claimed = Claimed(len(text))
    arabic_kinds.claim_identifiers(mapped, claimed)
    dates = _read_dates(text, mapped, published, claimed)
    for m in _MONTH_NAMES.finditer(mapped):  # كانون الثاني, ربيع الأول, الاثنين: no ordinal, no count
        claimed.claim(m.start(), m.end())
    times = arabic_kinds.read_times(text, mapped, claimed)
    scores = arabic_kinds.read_scores(text, mapped, claimed)
    decades = arabic_kinds.read_decades(text, mapped, claimed)
    measures = arabic_kinds.read_measures(text, mapped, claimed)
    ordinals = arabic_kinds.read_ordinals(text, mapped, claimed, lambda end: followed_by_quantity(mapped, end))
    numbers = read_numbers(text, mapped, claimed)
    return Facts(dates=tuple(dates), numbers=tuple(numbers), times=tuple(times), ordinals=tuple(ordinals),
                 scores=tuple(scores), decades=tuple(decades), measures=tuple(measures))


def extract_dates(text: str, published: str | None = None) -> list[DateFact]:
    mapped = prepare(text)
    claimed = Claimed(len(text))
    arabic_kinds.claim_identifiers(mapped, claimed)
    return _read_dates(text, mapped, published, claimed)


def extract_numbers(text: str, dates: list[DateFact] | None = None) -> list[NumberFact]:
    """The quantities of a text (what no other kind of figure claims)."""
    return list(read(text).numbers)


def extract(text: str, published: str | None = None) -> Facts:
    """Every figure of a text, spans in the text as given (direction marks, tatweel and short
    vowels are looked through, and kept in the spans)."""
    return invisible.extract_through(text, published, read)
