"""Dates and quantities in Arabic news text. Pure functions over strings.

Digits are mapped one to one (Arabic-Indic and Persian digits to ASCII, the Arabic decimal
and thousands separators to . and ,) before matching, so every offset found in the mapped
text is an offset in the original, and `text` is always the span as written.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from facts.types import DateFact, Facts, NumberFact

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "0123456789012345678" "9.,")
# Arabic letters and their diacritics: a word boundary is "no Arabic letter on that side".
# Not the whole block: its punctuation (، ؛ ؟ ٪) ends a word, so "2021،" is a year.
_A = "\u0621-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff"
_B = rf"(?<![{_A}\w])"
_E = rf"(?![{_A}\w])"
_PREFIX = "(?:[وبلف]|ب?ال)?"  # conjunction/preposition glued to a number word

# Month names: Egyptian/Gulf, Levantine/Iraqi, Maghreb. Spelling variants with and without
# hamza, since both are common in scraped text.
MONTHS: dict[str, int] = {}
for number, names in {
    1: "يناير كانون الثاني|جانفي|جانفييه",
    2: "فبراير|شباط|فيفري",
    3: "مارس|آذار|اذار",
    4: "أبريل|ابريل|إبريل|نيسان|أفريل|افريل",
    5: "مايو|أيار|ايار|ماي",
    6: "يونيو|يونية|حزيران|جوان",
    7: "يوليو|يولية|تموز|جويلية|جويليه",
    8: "أغسطس|اغسطس|آب|اب|أوت|اوت",
    9: "سبتمبر|أيلول|ايلول|شتنبر",
    10: "أكتوبر|اكتوبر|تشرين الأول|تشرين الاول|أكتوبر",
    11: "نوفمبر|تشرين الثاني|نونبر",
    12: "ديسمبر|كانون الأول|كانون الاول|دجنبر",
}.items():
    for name in names.replace("يناير كانون", "يناير|كانون").split("|"):
        MONTHS[name] = number

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الاولى": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "رجب": 7,
    "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12,
    "ذي الحجة": 12,
}

WEEKDAYS = "الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد"


def _alternation(names) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


_MONTH = _alternation(MONTHS)
_HMONTH = _alternation(HIJRI_MONTHS)
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>\d{4})"

# [weekday] day month[/month | (month)] [year]   or   month[/month] year
_GREGORIAN = re.compile(
    rf"(?:(?<![\w])|(?<=(?<!\w)[وبلف]))(?:(?:يوم\s+)?(?:{WEEKDAYS})[،,]?\s+)?"
    rf"(?:{_DAY}\s*(?:من\s+)?)?"
    rf"(?:شهر\s+)?(?P<month>{_MONTH})"
    rf"(?:\s*/\s*(?:{_MONTH})|\s*[(（]\s*(?:{_MONTH})\s*[)）])?"
    rf"(?:[\s،,]+(?:(?:من\s+)?(?:عام|سنة)\s+)?{_YEAR})?"
    rf"(?:\s*م{_E})?{_E}"
)
_NUMERIC = re.compile(r"(?<![\d.,/-])(?P<a>\d{1,4})([/.-])(?P<b>\d{1,2})\2(?P<c>\d{1,4})(?![\d.,/-])")
_HIJRI = re.compile(
    rf"{_B}(?:(?P<day>[0-3]?\d)\s+)?(?P<month>{_HMONTH})\s+(?P<year>\d{{3,4}})\s*(?:هـ|ه)\.?(?![{_A}])"
    rf"|{_B}(?:(?:عام|سنة)\s+)?(?P<year2>\d{{3,4}})\s*(?:هـ|ه)\.?(?![{_A}])"
)
_BARE_YEAR = re.compile(rf"{_B}(?:(?P<kw>عام|العام|سنة|السنة)\s+|(?<=\s)|^|(?<=[(（]))(?P<year>1[89]\d\d|20\d\d|2100)(?!\d|[.,:/]\d|\s*(?:هـ|ه){_E})")
_RELATIVE = {"أمس": -1, "امس": -1, "البارحة": -1, "اليوم": 0, "غدا": 1, "غداً": 1}
_RELATIVE_RE = re.compile(rf"{_B}(?:[وب]?)(?P<word>{_alternation(_RELATIVE)}){_E}")


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def extract_dates(text: str, published: str | None = None) -> list[DateFact]:
    mapped = text.translate(_DIGITS)
    found: list[DateFact] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(fact: DateFact) -> None:
        found.append(fact)
        taken.append((fact.start, fact.end))

    for m in _HIJRI.finditer(mapped):
        year = m.group("year") or m.group("year2")
        month = HIJRI_MONTHS.get(m.group("month")) if m.group("month") else None
        day = int(m.group("day")) if m.group("day") else None
        hijri = f"{int(year):04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day and month else "")
        add(DateFact(text[m.start():m.end()].strip(), None, m.start(), m.end(), "hijri", hijri))
    for m in _GREGORIAN.finditer(mapped):
        if not free(m.start(), m.end()):
            continue
        day = int(m.group("day")) if m.group("day") else None
        year = int(m.group("year")) if m.group("year") else None
        if day is None and year is None:
            continue  # a month name alone is not a date (and نيسان may be the car maker)
        if day is not None and not 1 <= day <= 31:
            continue
        iso = _iso(year, MONTHS[m.group("month")], day)
        if iso is None:
            continue  # day and month without a year: not an absolute date
        add(DateFact(text[m.start():m.end()].strip(), iso, m.start(), m.end()))
    for m in _NUMERIC.finditer(mapped):
        if not free(m.start(), m.end()):
            continue
        a, b, c = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        iso = _iso(a, b, c) if len(m.group("a")) == 4 else _iso(c, b, a) if len(m.group("c")) == 4 else None
        if iso:
            add(DateFact(text[m.start():m.end()], iso, m.start(), m.end()))
    for m in _BARE_YEAR.finditer(mapped):
        start = m.start("year") if not m.group("kw") else m.start()
        if not free(start, m.end()) or _followed_by_quantity(mapped, m.end()):
            continue
        add(DateFact(text[start:m.end()], m.group("year"), start, m.end()))
    if published:
        base = date.fromisoformat(published[:10])
        for m in _RELATIVE_RE.finditer(mapped):
            if free(m.start("word"), m.end("word")):
                day = base + timedelta(days=_RELATIVE[m.group("word")])
                add(DateFact(m.group("word"), day.isoformat(), m.start("word"), m.end("word")))
    return sorted(found, key=lambda d: d.start)


# -- numbers ----------------------------------------------------------------------------------

UNITS_WORDS: dict[str, int] = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثة": 3, "ثلاث": 3,
    "أربعة": 4, "اربعة": 4, "أربع": 4, "اربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6,
    "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9, "عشرة": 10,
    "عشر": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "اربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90, "مئة": 100, "مائة": 100, "مئتان": 200,
    "مئتين": 200, "مائتان": 200, "مائتين": 200, "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400,
    "أربعمائة": 400, "خمسمئة": 500, "خمسمائة": 500, "ستمئة": 600, "ستمائة": 600,
    "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800, "ثمانمائة": 800, "تسعمئة": 900, "تسعمائة": 900,
    "بضعة": 3,
}
SCALES: dict[str, float] = {
    "ألف": 1e3, "الف": 1e3, "آلاف": 1e3, "الاف": 1e3, "ألفا": 1e3, "ألفاً": 1e3,
    "مليون": 1e6, "ملايين": 1e6, "مليونا": 1e6, "مليوناً": 1e6,
    "مليار": 1e9, "مليارات": 1e9, "مليارا": 1e9, "ملياراً": 1e9, "بليون": 1e9,
    "تريليون": 1e12, "تريليونات": 1e12,
}
DUALS: dict[str, float] = {
    "ألفي": 2e3, "ألفان": 2e3, "ألفين": 2e3, "الفين": 2e3, "مليونان": 2e6, "مليوني": 2e6,
    "مليونين": 2e6, "ملياران": 2e9, "مليارين": 2e9, "ملياري": 2e9,
}
# The unit written after a quantity -> a code shared with the English side.
UNITS: dict[str, str] = {
    "كيلومتر مربع": "km2", "كيلومترا مربعا": "km2", "كيلومترات مربعة": "km2", "كم مربع": "km2", "كم2": "km2",
    "كيلومتر": "km", "كيلومترا": "km", "كيلومترات": "km", "كم": "km", "متر": "m", "مترا": "m", "أمتار": "m",
    "دولار": "USD", "دولارا": "USD", "دولاراً": "USD", "دولارات": "USD", "يورو": "EUR", "دينار": "dinar",
    "دينارا": "dinar", "ريال": "riyal", "ريالا": "riyal", "جنيه": "pound", "جنيها": "pound", "درهم": "dirham",
    "درهما": "dirham", "ليرة": "lira", "طن": "tonne", "طنا": "tonne", "أطنان": "tonne", "برميل": "barrel",
    "برميلا": "barrel", "براميل": "barrel", "في المئة": "%", "في المائة": "%", "بالمئة": "%", "بالمائة": "%",
    "%": "%", "٪": "%",
}
_UNIT = _alternation(UNITS)
_SCALE = _alternation({**SCALES, **DUALS})
_WORD = _alternation(UNITS_WORDS)
_NUM = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+ر\d+|\d+"

_QUANTITY = re.compile(
    rf"(?<![\d.,:/+])(?P<num>{_NUM})(?![\d:/])(?:\s*(?P<scale>{_SCALE}){_E})?(?:\s*(?P<unit>{_UNIT})(?![{_A}]))?"
    rf"|{_B}{_PREFIX}(?P<words>(?:{_WORD})(?:\s+و\s*(?:{_WORD}))*){_E}(?:\s+(?P<wscale>{_SCALE}){_E})?(?:\s+(?P<wunit>{_UNIT})(?![{_A}]))?"
    rf"|{_B}{_PREFIX}(?P<lone>{_SCALE}){_E}(?:\s+(?P<lunit>{_UNIT})(?![{_A}]))?"
)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_PHONE = re.compile(r"\+?\d[\d\s-]{7,}\d")


def _followed_by_quantity(mapped: str, end: int) -> bool:
    return bool(re.match(rf"\s*(?:{_SCALE}|{_UNIT})(?![{_A}])", mapped[end:]))


def _digits_value(raw: str) -> float:
    if "ر" in raw:  # wire style: 2ر3 is 3.2 (the part after ر is the whole number)
        frac, whole = raw.split("ر")
        return float(f"{whole}.{frac}")
    return float(raw.replace(",", ""))


def _words_value(words: str) -> float:
    return float(sum(UNITS_WORDS[w.strip()] for w in re.split(r"\s+و\s*", words)))


def extract_numbers(text: str, dates: list[DateFact] | None = None) -> list[NumberFact]:
    mapped = text.translate(_DIGITS)
    dates = extract_dates(text) if dates is None else dates
    blocked = [(d.start, d.end) for d in dates]
    blocked += [(m.start(), m.end()) for m in _CLOCK.finditer(mapped)]
    blocked += [(m.start(), m.end()) for m in _PHONE.finditer(mapped) if len(re.sub(r"\D", "", m.group())) >= 8]
    found: list[NumberFact] = []
    for m in _QUANTITY.finditer(mapped):
        core = next(g for g in ("num", "words", "lone") if m.group(g))
        if any(m.start(core) < b and m.end(core) > a for a, b in blocked):
            continue
        if m.group("num"):
            value = _digits_value(m.group("num"))
            scale = m.group("scale")
            unit = m.group("unit")
        elif m.group("words"):
            value = _words_value(m.group("words"))
            scale, unit = m.group("wscale"), m.group("wunit")
        else:
            value, scale, unit = 1.0, m.group("lone"), m.group("lunit")
        if scale:
            value = value * DUALS[scale] if scale in DUALS else value * SCALES[scale]
            if m.group("lone") and scale in DUALS:
                value = DUALS[scale]
        start = m.start(core)
        end = m.end()
        found.append(NumberFact(text[start:end].strip(), value, UNITS.get(unit) if unit else None, start, end))
    return found


def extract(text: str, published: str | None = None) -> Facts:
    dates = extract_dates(text, published)
    return Facts(dates=tuple(dates), numbers=tuple(extract_numbers(text, dates)))
