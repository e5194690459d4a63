"""Dates and quantities in English (the translation and the summary), normalised the same
way as the Arabic side so that values can be compared. Pure functions over strings."""

from __future__ import annotations

import re
from datetime import date, timedelta


from facts import invisible
from facts.types import DateFact, Facts, NumberFact

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORD = r"(?:st|nd|rd|th)?"

_DMY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?(?:\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
_MDY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d){_ORD}(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
_MY = re.compile(rf"\b(?P<month>{_MONTH})\.?,?\s+(?:of\s+)?(?P<year>\d{{4}})\b", re.IGNORECASE)
_FULL_MONTH = "january|february|march|april|may|june|july|august|september|october|november|december"
# A month named alone is a date after words that introduce a time ("in July"); "may" and
# "march" alone are far more often a verb.
_MONTH_ALONE = re.compile(
    rf"\b(?:in|during|since|until|till|by|from|early|late|mid|mid-|last|next|this|of)\s*-?\s*(?P<month>{_FULL_MONTH})\b"
    r"(?!\s+\d)", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
HIJRI_MONTHS = {
    "muharram": 1, "safar": 2, "rabi al-awwal": 3, "rabi' al-awwal": 3, "rabi al-thani": 4, "rabi' al-thani": 4,
    "rabi al-akhir": 4, "jumada al-ula": 5, "jumada al-awwal": 5, "jumada al-akhirah": 6, "jumada al-thani": 6,
    "rajab": 7, "shaban": 8, "sha'ban": 8, "ramadan": 9, "ramadhan": 9, "shawwal": 10, "dhu al-qadah": 11,
    "dhu al-qa'dah": 11, "dhul-qadah": 11, "dhu al-hijjah": 12, "dhul-hijjah": 12,
}
_HMONTH = "|".join(sorted((re.escape(m) for m in HIJRI_MONTHS), key=len, reverse=True))
_HIJRI = re.compile(rf"\b(?:(?:(?P<day>[0-3]?\d)\s+)?(?P<month>{_HMONTH})\s+)?(?P<year>1[34]\d\d)\s*(?:AH|A\.H\.|Hijri)\b",
                    re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,$£€])\b(?P<year>1[89]\d\d|20\d\d|2100)\b(?!\d|[.,:]\d|%|\s*(?:AH|A\.H\.)\b)")
_RELATIVE = {"yesterday": -1, "today": 0, "tomorrow": 1}

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "twice": 2,
}
# Quantities said without a number, by order of magnitude; compared as vague.
VAGUE = {
    "a few": 1, "several": 1, "a handful of": 1, "dozens": 10, "scores": 10, "tens": 10, "hundreds": 100,
    "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}
VAGUE_OF = {"thousands": 1e3, "millions": 1e6}  # tens of thousands, hundreds of millions
FRACTIONS = {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "quarter": 0.25, "a third": 1 / 3}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
UNITS = {
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "km2": "km2",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "dollars": "USD", "dollar": "USD",
    "usd": "USD", "euros": "EUR", "euro": "EUR", "dinars": "dinar", "dinar": "dinar",
    "riyals": "riyal", "riyal": "riyal", "pounds": "pound", "pound": "pound", "dirhams": "dirham",
    "dirham": "dirham", "lira": "lira", "liras": "lira", "tonnes": "tonne", "tons": "tonne",
    "tonne": "tonne", "ton": "tonne", "barrels": "barrel", "barrel": "barrel", "percent": "%",
    "per cent": "%", "%": "%",
}
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "pound"}
_WORD = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FRACTION = "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_QUANTITY = re.compile(
    rf"\b(?P<vague>{_VAGUE})\b(?:\s+of\s+(?P<vof>thousands|millions)\b)?"
    rf"|\b(?P<frac>{_FRACTION})\s+(?:of\s+)?(?:a\s+)?(?P<fscale>thousand|million|billion|trillion)\b"
    rf"(?:\s*(?P<funit>{_UNIT})(?![a-z]))?"
    rf"|(?P<sign>[$€£])?\s?(?:(?P<num>{_NUM})|\b(?P<words>(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*)\b)"
    rf"(?:\s+and\s+(?P<half>{_FRACTION}))?"
    rf"(?:\s*(?P<scale>{_SCALE})\b)?(?:\s*(?P<unit>{_UNIT})(?![a-z]))?",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    # 10:30, 10:30 pm; 2.25 only with am/pm (else it is 2.25 billion)
    r"\b\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?|\b\d{1,2}\.\d{2}\s*(?:a\.?m\.?|p\.?m\.?)"
    r"|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b\d{4}\s*(?:GMT|UTC|hrs|hours\s+local|local\s+time)\b"
    r"|\b[a-z]+(?:-[a-z]+)?\s+(?:o'clock|in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b",
    re.IGNORECASE)
# Numbers that name, not count: "call 911", "number 5", "article 140".
_LABEL = re.compile(r"\b(?:call|dial|hotline|phone|number|no\.|article|paragraph|item|room|page|minute|route|"
                    r"resolution|chapter|round)\s+(?:on\s+)?(?:the\s+)?$", re.IGNORECASE)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d\s-]{7,}\d")


# What makes a four-digit number a year rather than a count: a word before it that
# introduces a time. "2000 troops" is a count; "in 2000", "the 2018 elections" are years.
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|from|to|during|before|after|early|late|mid|of|the|this|last|next|year|"
    r"fiscal|and|or)\s*-?\s*$|[(,:]\s*$", re.IGNORECASE)


def _counts_something(text: str, start: int, end: int) -> bool:
    if _YEAR_CONTEXT.search(text[:start]):
        return False
    return bool(re.match(r"\s+[a-z]", text[end:]))


def _iso(year, month, day) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{int(year):04d}"
    if day is None:
        return f"{int(year):04d}-{int(month):02d}"
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def extract_dates(text: str, published: str | None = None) -> list[DateFact]:
    found: list[DateFact] = []

    def free(s: int, e: int) -> bool:
        return all(e <= d.start or s >= d.end for d in found)

    for m in _HIJRI.finditer(text):
        month = HIJRI_MONTHS.get(m.group("month").lower()) if m.group("month") else None
        day = int(m.group("day")) if m.group("day") and month else None
        hijri = m.group("year") + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
        found.append(DateFact(m.group(), None, m.start(), m.end(), "hijri", hijri))
    for pattern in (_DMY, _MDY, _MY, _ISO):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            groups = m.groupdict()
            month = groups["month"]
            month = MONTHS[month.lower()] if not month.isdigit() else int(month)
            if month == 5 and pattern is not _ISO and m.group("month").lower() == "may" and not groups.get("year"):
                continue  # "may" without a year is far more often the verb
            if groups.get("year") is None and groups.get("day"):
                if not 1 <= int(groups["day"]) <= 31:
                    continue
                found.append(DateFact(m.group().strip(), None, m.start(), m.end(),
                                      partial=f"--{month:02d}-{int(groups['day']):02d}"))
                continue
            iso = _iso(groups.get("year"), month, groups.get("day"))
            if iso:
                found.append(DateFact(m.group().strip(), iso, m.start(), m.end()))
    for m in _MONTH_ALONE.finditer(text):
        if free(m.start("month"), m.end("month")):
            found.append(DateFact(m.group("month"), None, m.start("month"), m.end("month"),
                                  partial=f"--{MONTHS[m.group('month').lower()]:02d}"))
    for m in _YEAR.finditer(text):
        if free(m.start(), m.end()) and not re.match(rf"\s*(?:{_SCALE}|{_UNIT})\b", text[m.end():], re.IGNORECASE) \
                and not _counts_something(text, m.start(), m.end()):
            found.append(DateFact(m.group(), m.group("year"), m.start(), m.end()))
    if published:
        base = date.fromisoformat(published[:10])
        for word, delta in _RELATIVE.items():
            for m in re.finditer(rf"\b{word}\b", text, re.IGNORECASE):
                if free(m.start(), m.end()):
                    found.append(DateFact(m.group(), (base + timedelta(days=delta)).isoformat(), m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _words_value(words: str) -> float:
    """A cardinal in words. text2num (a maintained parser of number words) reads the
    compounds, "three hundred and forty-two"; what it does not take ("a dozen", "twice", "a
    hundred") is read from WORDS."""
    from text_to_num import text2num

    phrase = " ".join(words.lower().split())
    try:
        return float(text2num(phrase, "en"))
    except ValueError:
        pass
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", phrase):
        if word in ("a", "and"):
            continue
        value = WORDS[word]
        if value == 100:
            current = (current or 1) * 100
        else:
            current += value
    return total + current


def extract_numbers(text: str, dates: list[DateFact] | None = None) -> list[NumberFact]:
    dates = extract_dates(text) if dates is None else dates
    blocked = [(d.start, d.end) for d in dates]
    for pattern in (_CLOCK, _ORDINAL):
        blocked += [(m.start(), m.end()) for m in pattern.finditer(text)]
    blocked += [(m.start(), m.end()) for m in _PHONE.finditer(text) if len(re.sub(r"\D", "", m.group())) >= 8]
    found: list[NumberFact] = []
    for m in _QUANTITY.finditer(text):
        core = next((g for g in ("vague", "frac", "num", "words") if m.group(g)), None)
        if core is None or any(m.start(core) < b and m.end(core) > a for a, b in blocked):
            continue
        if _LABEL.search(text[max(0, m.start(core) - 30):m.start(core)]):
            continue
        if core == "vague":
            value = VAGUE[m.group("vague").lower()] * (VAGUE_OF[m.group("vof").lower()] if m.group("vof") else 1)
            found.append(NumberFact(m.group().strip(), value, None, m.start(), m.end(), vague=True))
            continue
        if core == "frac":
            value = FRACTIONS[m.group("frac").lower()] * SCALES[m.group("fscale").lower()]
            unit = UNITS.get((m.group("funit") or "").lower())
            found.append(NumberFact(m.group().strip(), value, unit, m.start(), m.end()))
            continue
        scale = (m.group("scale") or "").lower()
        if scale == "m" and not m.group("sign"):
            scale = ""  # "5 m" is metres unless money is meant
        value = float(m.group("num").replace(",", "")) if core == "num" else _words_value(m.group("words"))
        if m.group("half"):
            value += FRACTIONS[m.group("half").lower()]
        value *= SCALES.get(scale, 1)
        unit = UNITS.get((m.group("unit") or "").lower()) or _CURRENCY_SIGNS.get(m.group("sign") or "")
        start = m.start("sign") if m.group("sign") else m.start(core)
        found.append(NumberFact(text[start:m.end()].strip(), value, unit, start, m.end()))
    return found


def extract(text: str, published: str | None = None) -> Facts:
    """Dates and numbers of a text, spans in the text as given (direction marks and tatweel
    are looked through, and kept in the spans)."""
    return invisible.extract_through(text, published, extract_dates, extract_numbers)
