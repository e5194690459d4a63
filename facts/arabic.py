"""Dates and quantities in Arabic news text, and the other kinds of figure (facts.arabic_kinds).
Pure functions over strings.

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
from facts.arabic_script import PREFIX as _PREFIX
from facts.arabic_script import alternation as _alternation
from facts.arabic_script import compile_folded, fold, folded, prepare
from facts.arabic_words import CHAIN, DUALS, FRACTIONS, ORDINAL, SCALE_WORD, SCALES, chain_value, ordinal_value
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
_WINDOW = 48  # characters of context looked at before a figure: enough for three words
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
                and not _MONTH_CONTEXT.search(mapped, max(0, m.start() - _WINDOW), m.start()):
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
                and not _MONTH_CONTEXT.search(mapped, max(0, m.start() - _WINDOW), m.start()):
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
        if not claimed.free(start, m.end()) or _followed_by_quantity(mapped, m.end()):
            continue
        before = mapped[max(0, m.start("year") - _WINDOW):m.start("year")]
        if before[-1:] in "وفبل" and before[-1:] and not _ANOTHER_YEAR.search(before):
            continue  # و2000 جندي: a count, unless a year came just before (عامي 2010 و2014)
        if not m.group("kw") and _LABEL_BEFORE.search(before):
            continue  # المادة 1990: a label, read with the ordinals
        if not m.group("kw") and not _EVENT_BEFORE.search(before) and _counts_something(mapped, m.start("year"),
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


# -- quantities -------------------------------------------------------------------------------

# The dual of a counted noun is the number two: سنتين, "two years".
DUAL_NOUNS = set(fold(
    "سنتين سنتان عامين عامان شهرين شهران يومين يومان أسبوعين أسبوعان ساعتين ساعتان دقيقتين "
    "دقيقتان مرتين مرتان طائرتين طائرتان سفينتين سفينتان حاملتي حاملتا حاملتين حاملتان جنديين شخصين "
    "رجلين امرأتين طفلين دولتين دولتان بلدين بلدان قتيلين جريحين صاروخين صاروخان هجومين انفجارين "
    "طرفين طرفان جانبين جانبان جولتين ولايتين دورتين قاعدتين مدينتين قريتين منزلين مبنيين فريقين فريقان "
    "هدفين هدفان ضعفين ضعفي عقدين عقدان قرنين حزبين وزيرين نائبين شقيقين شقيقتين ضفتي ضفتين حكومتين حكومتان "
    "محافظتين محافظتان منطقتين منطقتان مرحلتين جلستين وزارتين شركتين لجنتين سيارتين عمليتين قوتين"
).split())
# Quantities said without a number: compared as vague, by order of magnitude.
VAGUE: dict[str, float] = folded({"بضعة": 1, "بضع": 1, "عشرات": 10, "مئات": 100, "آلاف": 1e3, "ملايين": 1e6,
                                  "مليارات": 1e9, "بلايين": 1e9, "تريليونات": 1e12})
VAGUE_SCALES: dict[str, float] = folded({"الآلاف": 1e3, "آلاف": 1e3, "الملايين": 1e6, "ملايين": 1e6,
                                         "المليارات": 1e9, "البلايين": 1e9, "بلايين": 1e9})
# The unit written after a quantity -> a code shared with the English side.
UNITS: dict[str, str] = folded({
    "كيلومتر مربع": "km2", "كيلومترا مربعا": "km2", "كيلومترات مربعة": "km2", "كم مربع": "km2", "كم2": "km2",
    "كيلومتر": "km", "كيلومترا": "km", "كيلومترات": "km", "كم": "km", "متر": "m", "مترا": "m", "أمتار": "m",
    "دولار": "USD", "دولارا": "USD", "دولارات": "USD", "يورو": "EUR", "دينار": "dinar",
    "دينارا": "dinar", "ريال": "riyal", "ريالا": "riyal", "جنيه": "pound", "جنيها": "pound", "درهم": "dirham",
    "درهما": "dirham", "ليرة": "lira", "طن": "tonne", "طنا": "tonne", "أطنان": "tonne", "برميل": "barrel",
    "برميلا": "barrel", "براميل": "barrel", "في المئة": "%", "في المائة": "%", "بالمئة": "%", "بالمائة": "%",
    "%": "%", "٪": "%",
})
_UNIT = _alternation(UNITS)
_HALF = rf"(?:\s+و\s*(?P<{{}}>{_alternation(FRACTIONS)}){_E})?"
# Digits with separators; which separator is decimal is decided in _digits_value.
# At most 15 digits a side: a longer run is an identifier (or noise), and no float holds it.
_NUM = r"\d{1,3}(?:[.,]\d{3}){1,4}(?:[.,]\d{1,15})?|\d{1,15}[.,]\d{1,15}|\d{1,15}ر\d{1,15}|\d{1,15}"
_UNIT_AFTER = rf"(?:\s*(?P<{{}}>{_UNIT})(?![{_A}]))?"

_QUANTITY = re.compile(
    rf"(?<![\d.,:/+])(?P<num>{_NUM})(?![\d:/])(?:\s*(?P<scale>{SCALE_WORD}){_HALF.format('half')})?"
    + _UNIT_AFTER.format("unit")
    + rf"|{_B}{_PREFIX}(?P<vague>{_alternation(VAGUE)}){_E}(?:\s+(?P<vscale>{_alternation(VAGUE_SCALES)}){_E})?"
    + rf"|{_B}{_PREFIX}(?P<words>{CHAIN})" + _UNIT_AFTER.format("wunit")
    + rf"|{_B}{_PREFIX}(?P<dual>{_alternation(DUAL_NOUNS)}){_E}"
)
_PHONE = re.compile(r"\+?\d[\d\s-]{7,}\d")
_YEAR_RANGE = re.compile(r"(?:1[89]|20)\d\d\s*-\s*(?:1[89]|20)\d\d")
# Month names with an ordinal in them, and the weekday that is also "the two" (الاثنين).
_MONTH_NAMES = re.compile(rf"{_B}[وبلف]?(?:{_alternation(n for n in {**MONTHS, **HIJRI_MONTHS} if ' ' in n)}"
                          rf"|{_alternation(['الاثنين', 'الإثنين'])}){_E}")
# What makes a four-digit number a year rather than a count: a word before it that
# introduces a time. "2000 جندي" is two thousand troops; "في 2000" is a year.
_YEAR_CONTEXT = compile_folded(
    r"(?:^|[\s(])(?:[وف]?(?:في|منذ|حتى|خلال|بحلول|مطلع|أواخر|نهاية|بداية|قبل|بعد|من|إلى|عام|العام|"
    r"سنة|السنة|موسم|انتخابات|دستور|ميزانية|موازنة))\s+$|[وفبل]$|[،,:(]\s*$|(?:1[89]|20)\d\d\s*[-–/]\s*$"
)
_WA_JOIN = re.compile(r"\s*و\s*")


# A word after the number, and not م (the Gregorian era): "2000   جندي" with any run of spaces.
_COUNTED_NOUN = re.compile(rf"\s+(?!م{_E})[{_A}]")


def _counts_something(mapped: str, start: int, end: int) -> bool:
    """A year-like number that counts the noun after it (2000 جندي), not a year."""
    if _YEAR_CONTEXT.search(mapped[max(0, start - _WINDOW):start]):
        return False
    return bool(_COUNTED_NOUN.match(mapped, end))


_QUANTITY_AFTER = re.compile(rf"\s*(?:{SCALE_WORD}|(?:{_UNIT})(?![{_A}]))")


def _followed_by_quantity(mapped: str, end: int) -> bool:
    return bool(_QUANTITY_AFTER.match(mapped, end))


def _digits_value(raw: str, scaled: bool) -> float:
    """The value of digits as Arabic newspapers print them. ر is the wire services' decimal
    sign, written backwards: 2ر3 is 3.2. A comma or dot followed by exactly three digits is a
    thousands mark (1,250,000; 360.000), except in one case: a single dot-group before a scale
    word is a decimal, since "1.500 مليون" is how a page prints 1.5 million. Any other
    separator is the decimal mark (1,2 مليار is 1.2 billion); with both marks, the last one
    is (1,250.5 and 1.250,5 are 1250.5)."""
    if "ر" in raw:
        frac, whole = raw.split("ر")
        return float(f"{whole}.{frac}")
    marks = [ch for ch in raw if ch in ".,"]
    if not marks:
        return float(raw)
    groups = re.split(r"[.,]", raw)
    if len(set(marks)) == 2:
        whole, frac = raw.rsplit(marks[-1], 1)
        return float(re.sub(r"[.,]", "", whole) + "." + frac)
    if all(len(g) == 3 for g in groups[1:]):
        if _ambiguous(raw) and scaled:
            return float(raw)
        return float("".join(groups))
    if len(groups) == 2:
        return float(f"{groups[0]}.{groups[1]}")
    # 1,250,5: groups of three, then a short one: the last mark is the decimal one.
    return float("".join(groups[:-1]) + "." + groups[-1])


def _ambiguous(raw: str) -> bool:
    """One dot and three digits after it: 1.500 is 1.5 or 1,500, and only usage decides."""
    return bool(re.fullmatch(r"\d{1,3}\.\d{3}", raw))


def _other_reading(raw: str, scaled: bool) -> float | None:
    if not _ambiguous(raw):
        return None
    return float(raw.replace(".", "")) if scaled else float(raw)


def _scale_of(word: str) -> tuple[float, float]:
    """(value of the word after a count, size of one unit of it): ألف (1000, 1000); ألفين (2000, 1000)."""
    if word in DUALS:
        return DUALS[word], DUALS[word] / 2
    return SCALES[word], SCALES[word]


def _read_numbers(text: str, mapped: str, claimed: Claimed) -> list[NumberFact]:
    for m in _PHONE.finditer(mapped):
        if len(re.sub(r"\D", "", m.group())) >= 8 and not _YEAR_RANGE.fullmatch(m.group()):
            claimed.claim(m.start(), m.end())
    found: list[NumberFact] = []
    scales: list[float] = []
    for m in _QUANTITY.finditer(mapped):
        core = next(g for g in ("num", "vague", "words", "dual") if m.group(g))
        if not claimed.free(m.start(core), m.end(core)):
            continue
        vague = implicit = False
        scale_size = 0.0
        if core == "num":
            scale, unit, half = m.group("scale"), m.group("unit"), m.group("half")
            value = _digits_value(m.group("num"), bool(scale))
            if scale:
                word_value, scale_size = _scale_of(" ".join(scale.split()))
                value = value * (word_value if scale in DUALS else scale_size)
                if half:  # 3 ملايين ونصف
                    value += FRACTIONS[half] * scale_size
        elif core == "vague":
            value = VAGUE[m.group("vague")] * (VAGUE_SCALES[m.group("vscale")] if m.group("vscale") else 1)
            unit, vague = None, True
        elif core == "words":
            # A chain never starts with a fraction without its scale (نصف alone is "half of"),
            # and a plural scale alone (آلاف, بلايين) is read as vague above.
            words = m.group("words")
            value, unit = chain_value(words), m.group("wunit")
            implicit = value == 1 and " ".join(words.split()) in (fold("واحد"), fold("واحدة"))
            last = words.split()[-1]
            scale_size = _scale_of(last)[1] if last in SCALES or last in DUALS else 0.0
        else:
            value, unit, implicit = 2.0, None, True
        alternative = None
        if core == "num" and _ambiguous(m.group("num")):
            other = _other_reading(m.group("num"), bool(m.group("scale")))
            alternative = value * other / _digits_value(m.group("num"), bool(m.group("scale")))
        start = m.start(core)
        end = m.end()
        claimed.claim(start, end)
        fact = NumberFact(text[start:end].strip(), value, UNITS.get(unit) if unit else None, start, end, vague,
                          alternative, implicit)
        previous = found[-1] if found else None
        # 2 مليار و300 مليون, 5 آلاف و700: one figure written in two parts.
        # A unit closes a figure: in 2 مليار دولار و5 أشخاص the 5 is a count of its own.
        if previous and scales[-1] and not vague and not previous.vague and previous.unit is None \
                and value < scales[-1] \
                and _WA_JOIN.fullmatch(mapped[previous.end:start]) and previous.alternative is None:
            merged = previous.value + value
            found[-1] = NumberFact(text[previous.start:end].strip(), merged, fact.unit,
                                   previous.start, end)
            scales[-1] = scale_size if scale_size and scale_size < scales[-1] else 0.0
            continue
        found.append(fact)
        scales.append(scale_size)
    return found


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
    ordinals = arabic_kinds.read_ordinals(text, mapped, claimed, lambda end: _followed_by_quantity(mapped, end))
    numbers = _read_numbers(text, mapped, claimed)
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
