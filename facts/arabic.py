"""Dates and quantities in Arabic news text. Pure functions over strings.

Digits are mapped one to one (Arabic-Indic and Persian digits to ASCII, the Arabic decimal
and thousands separators to . and ,) before matching, so every offset found in the mapped
text is an offset in the original, and `text` is always the span as written.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from facts import invisible
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
    3: "مارس|آذار|اذار|أذار",
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
    rf"(?:\s*[/-]\s*(?:{_MONTH})|\s*[(（]\s*(?:{_MONTH})\s*[)）]|\s+(?P<month2>{_MONTH}){_E})?"
    rf"(?:[\s،,]+(?:(?:من\s+)?(?:عام|سنة)\s+)?{_YEAR})?"
    rf"(?:\s*م{_E})?{_E}"
)
# A month named alone is a date only after words that introduce a time ("في تموز"), since
# some month names are also ordinary words (آب, father; نيسان, the car maker).
_MONTH_CONTEXT = re.compile(r"(?:^|[\s(])(?:[وف]?(?:في|خلال|منذ|حتى|شهر|مطلع|أوائل|اوائل|أواخر|اواخر|منتصف|بداية|نهاية|"
                            r"أواسط|قبل|بعد|بحلول))\s+$")
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
    mapped = _map(text)
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
        month = MONTHS[m.group("month")]
        if m.group("month2") and MONTHS[m.group("month2")] != month:
            continue  # two different months side by side are not one paired name
        if day is not None and not 1 <= day <= 31:
            continue
        if year is None:
            # A day and month, or a month alone after "في", "منذ"...: a date without its year.
            if day is None and not _MONTH_CONTEXT.search(mapped[: m.start()]):
                continue
            partial = f"--{month:02d}" + (f"-{day:02d}" if day else "")
            add(DateFact(text[m.start():m.end()].strip(), None, m.start(), m.end(), partial=partial))
            continue
        iso = _iso(year, month, day)
        if iso is None:
            continue
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
        if not m.group("kw") and _counts_something(mapped, m.start("year"), m.end()):
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
}
# Compound teens are written as two words with no و: ثلاثة عشر, اثنا عشر, إحدى عشرة; and the
# hundreds are also written apart: ثلاث مئة.
for _unit, _n in {"ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "اربعة": 4, "أربع": 4, "اربع": 4, "خمسة": 5, "خمس": 5,
                  "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9}.items():
    UNITS_WORDS[f"{_unit} عشر"] = UNITS_WORDS[f"{_unit} عشرة"] = 10 + _n
    for _hundred in ("مئة", "مائة"):
        UNITS_WORDS[f"{_unit} {_hundred}"] = 100 * _n
for _teen, _n in {"أحد عشر": 11, "احد عشر": 11, "إحدى عشرة": 11, "احدى عشرة": 11, "اثنا عشر": 12,
                  "اثني عشر": 12, "اثنتا عشرة": 12, "اثنتي عشرة": 12}.items():
    UNITS_WORDS[_teen] = _n
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
# A plural scale standing alone is vague: آلاف الطلاب is "thousands of students".
_PLURAL_SCALES = {"آلاف", "الاف", "ملايين", "مليارات", "تريليونات"}
# The dual of a counted noun is the number two: سنتين, "two years".
DUAL_NOUNS = set(
    "سنتين سنتان عامين عامان شهرين شهران يومين يومان أسبوعين اسبوعين أسبوعان ساعتين ساعتان دقيقتين "
    "دقيقتان مرتين مرتان طائرتين طائرتان سفينتين سفينتان حاملتي حاملتا حاملتين حاملتان جنديين شخصين "
    "رجلين امرأتين طفلين دولتين دولتان بلدين بلدان قتيلين جريحين صاروخين صاروخان هجومين انفجارين "
    "طرفين جانبين جولتين ولايتين دورتين قاعدتين مدينتين قريتين منزلين مبنيين".split()
)
# Quantities said without a number: compared as vague, by order of magnitude.
VAGUE: dict[str, float] = {"بضعة": 1, "بضع": 1, "عشرات": 10, "مئات": 100, "آلاف": 1e3, "الاف": 1e3,
                           "ملايين": 1e6, "مليارات": 1e9}
VAGUE_SCALES: dict[str, float] = {"الآلاف": 1e3, "الالاف": 1e3, "آلاف": 1e3, "الملايين": 1e6, "ملايين": 1e6,
                                  "المليارات": 1e9}
FRACTIONS: dict[str, float] = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3}
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
_HALF = rf"(?:\s+و\s*(?P<{{}}>{_alternation(FRACTIONS)}))?"
# Digits with separators; which separator is decimal is decided in _digits_value.
_NUM = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+[.,]\d+|\d+ر\d+|\d+"
_UNIT_AFTER = rf"(?:\s*(?P<{{}}>{_UNIT})(?![{_A}]))?"

_QUANTITY = re.compile(
    rf"(?<![\d.,:/+])(?P<num>{_NUM})(?![\d:/])(?:\s*(?P<scale>{_SCALE}){_E}{_HALF.format('half')})?"
    + _UNIT_AFTER.format("unit")
    + rf"|{_B}{_PREFIX}(?P<frac>{_alternation(FRACTIONS)})\s+(?P<fscale>{_SCALE}){_E}" + _UNIT_AFTER.format("funit")
    + rf"|{_B}{_PREFIX}(?P<vague>{_alternation(VAGUE)}){_E}(?:\s+(?P<vscale>{_alternation(VAGUE_SCALES)}){_E})?"
    + rf"|{_B}{_PREFIX}(?P<words>(?:{_WORD})(?:\s+و\s*(?:{_WORD}))*){_E}(?:\s+(?P<wscale>{_SCALE}){_E}"
    + _HALF.format("whalf") + ")?" + _UNIT_AFTER.format("wunit")
    + rf"|{_B}{_PREFIX}(?P<lone>{_SCALE}){_E}{_HALF.format('lhalf')}" + _UNIT_AFTER.format("lunit")
    + rf"|{_B}{_PREFIX}(?P<dual>{_alternation(DUAL_NOUNS)}){_E}"
)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_PHONE = re.compile(r"\+?\d[\d\s-]{7,}\d")
# Labels and ordinals, not quantities: الدقيقة 14 (the 14th minute), المادة 140, رقم 5.
_LABEL_BEFORE = re.compile(
    r"(?:الدقيقة|دقيقة|المرتبة|المركز|الجولة|المادة|الفقرة|البند|الدورة|النسخة|الطابق|القرن|الحلقة|الشوط|الرقم|رقم|"
    r"الصفحة|صفحة|الفصل|الأسبوع|الاسبوع|القرار|الموسم|الكيلو|الطريق|الخط الساخن|الساخن|هاتف|الهاتف|الساعة)\s*$"
)
_ORDINAL_BEFORE = re.compile(
    r"(?:الحادي|الحادية|الثاني|الثانية|الثالث|الثالثة|الرابع|الرابعة|الخامس|الخامسة|السادس|السادسة|"
    r"السابع|السابعة|الثامن|الثامنة|التاسع|التاسعة|العاشر|العاشرة)\s+(?:و)?$"
)
# A clock time said with its part of the day: 7 صباحًا, الساعة السادسة مساءً; a time by its zone.
_DAYPART_AFTER = re.compile(r"\s*(?:صباح|مساء|ظهر|فجر|عصر|ليل|بتوقيت|بالتوقيت|ت\.غ|غرينتش)")
# What makes a four-digit number a year rather than a count: a word before it that
# introduces a time. "2000 جندي" is two thousand troops; "في 2000" is a year.
_YEAR_CONTEXT = re.compile(
    r"(?:^|[\s(])(?:[وف]?(?:في|منذ|حتى|خلال|بحلول|مطلع|أواخر|اواخر|نهاية|بداية|قبل|بعد|من|إلى|الى|عام|العام|"
    r"سنة|السنة|موسم|انتخابات|دستور|ميزانية|موازنة))\s+$|[وفبل]$|[،,:(]\s*$"
)


def _counts_something(mapped: str, start: int, end: int) -> bool:
    """A year-like number that counts the noun after it (2000 جندي), not a year."""
    if _YEAR_CONTEXT.search(mapped[:start]):
        return False
    return bool(re.match(rf"\s+(?!م{_E})[{_A}]", mapped[end:]))


def _followed_by_quantity(mapped: str, end: int) -> bool:
    return bool(re.match(rf"\s*(?:{_SCALE}|{_UNIT})(?![{_A}])", mapped[end:]))


def _digits_value(raw: str, scaled: bool) -> float:
    """The value of digits as Arabic newspapers print them. ر is the wire services' decimal
    sign, written backwards: 2ر3 is 3.2. A comma or dot followed by exactly three digits is a
    thousands mark (1,250,000; 360.000), except in one case: a single dot-group before a scale
    word is a decimal, since "1.500 مليون" is how a page prints 1.5 million. Any other
    separator is the decimal mark (1,2 مليار is 1.2 billion)."""
    if "ر" in raw:
        frac, whole = raw.split("ر")
        return float(f"{whole}.{frac}")
    marks = [ch for ch in raw if ch in ".,"]
    if not marks:
        return float(raw)
    groups = re.split(r"[.,]", raw)
    if len(set(marks)) == 2:  # both: the last one is the decimal mark
        decimal = marks[-1]
        whole, frac = raw.rsplit(decimal, 1)
        return float(re.sub(r"[.,]", "", whole) + "." + frac)
    if all(len(g) == 3 for g in groups[1:]):
        if _ambiguous(raw) and scaled:
            return float(raw)
        return float("".join(groups))
    if len(groups) == 2:
        return float(f"{groups[0]}.{groups[1]}")
    return float("".join(groups))


def _ambiguous(raw: str) -> bool:
    """One dot and three digits after it: 1.500 is 1.5 or 1,500, and only usage decides."""
    return bool(re.fullmatch(r"\d{1,3}\.\d{3}", raw))


def _other_reading(raw: str, scaled: bool) -> float | None:
    if not _ambiguous(raw):
        return None
    return float(raw.replace(".", "")) if scaled else float(raw)


def _words_value(words: str) -> float:
    return float(sum(UNITS_WORDS[" ".join(w.split())] for w in re.split(r"\s+و\s*", words)))


def _blocked_before(mapped: str, start: int) -> bool:
    before = mapped[max(0, start - 40):start]
    return bool(_LABEL_BEFORE.search(before) or _ORDINAL_BEFORE.search(before))


def extract_numbers(text: str, dates: list[DateFact] | None = None) -> list[NumberFact]:
    mapped = _map(text)
    dates = extract_dates(text) if dates is None else dates
    blocked = [(d.start, d.end) for d in dates]
    blocked += [(m.start(), m.end()) for m in _CLOCK.finditer(mapped)]
    blocked += [(m.start(), m.end()) for m in _PHONE.finditer(mapped) if len(re.sub(r"\D", "", m.group())) >= 8]
    found: list[NumberFact] = []
    for m in _QUANTITY.finditer(mapped):
        core = next(g for g in ("num", "frac", "vague", "words", "lone", "dual") if m.group(g))
        if any(m.start(core) < b and m.end(core) > a for a, b in blocked):
            continue
        if _blocked_before(mapped, m.start()) or _DAYPART_AFTER.match(mapped[m.end(core):]):
            continue
        vague = False
        if core == "num":
            scale, unit, half = m.group("scale"), m.group("unit"), m.group("half")
            value = _digits_value(m.group("num"), bool(scale))
        elif core == "frac":
            scale, unit, half = m.group("fscale"), m.group("funit"), None
            value = FRACTIONS[m.group("frac")]
        elif core == "vague":
            value = VAGUE[m.group("vague")] * (VAGUE_SCALES[m.group("vscale")] if m.group("vscale") else 1)
            scale, unit, half, vague = None, None, None, True
        elif core == "words":
            scale, unit, half = m.group("wscale"), m.group("wunit"), m.group("whalf")
            value = _words_value(m.group("words"))
        elif core == "lone":
            scale, unit, half = m.group("lone"), m.group("lunit"), m.group("lhalf")
            if scale in _PLURAL_SCALES:  # آلاف alone: thousands, vague (caught above); kept safe
                continue
            value = 1.0
        else:
            value, scale, unit, half = 2.0, None, None, None
        if scale:
            if scale in DUALS:  # ألفين: two thousand, a scale and its count in one word
                per = DUALS[scale] / 2
                value = DUALS[scale] if core == "lone" else value * DUALS[scale]
            else:
                per = SCALES[scale]
                value *= per
            if half:  # مليار ونصف: one and a half billion
                value += FRACTIONS[half] * per
        alternative = None
        if core == "num" and _ambiguous(m.group("num")):
            other = _other_reading(m.group("num"), bool(scale))
            alternative = value * other / _digits_value(m.group("num"), bool(scale))
        start = m.start(core)
        found.append(NumberFact(text[start:m.end()].strip(), value, UNITS.get(unit) if unit else None, start, m.end(),
                                vague, alternative))
    return found


def _map(text: str) -> str:
    """Digits to ASCII, one character for one, and the Arabic comma between digits to a
    decimal point (٣٧،١٪ is 37.1%), so offsets stay those of the text."""
    return re.sub(r"(?<=\d)،(?=\d)", ".", text.translate(_DIGITS))


def extract(text: str, published: str | None = None) -> Facts:
    """Dates and numbers of a text, spans in the text as given (direction marks and tatweel
    are looked through, and kept in the spans)."""
    return invisible.extract_through(text, published, extract_dates, extract_numbers)
