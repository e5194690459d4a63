"""Dates and quantities in English (the translation and the summary), normalised the same
way as the Arabic side so that values can be compared. Pure functions over strings."""

from __future__ import annotations

import re
from datetime import date, timedelta

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
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
_HIJRI = re.compile(r"\b(?P<year>1[34]\d\d)\s*(?:AH|A\.H\.|Hijri)\b")
_YEAR = re.compile(r"(?<![\d.,$£€])\b(?P<year>1[89]\d\d|20\d\d|2100)\b(?!\d|[.,:]\d|%|\s*(?:AH|A\.H\.)\b)")
_RELATIVE = {"yesterday": -1, "today": 0, "tomorrow": 1}

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12,
}
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
_QUANTITY = re.compile(
    rf"(?P<sign>[$€£])?\s?(?:(?P<num>{_NUM})|\b(?P<words>(?:{_WORD})(?:[\s-]+(?:{_WORD}))*))"
    rf"(?:\s*(?P<scale>{_SCALE})\b)?(?:\s*(?P<unit>{_UNIT})(?![a-z]))?",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d\s-]{7,}\d")


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
        found.append(DateFact(m.group(), None, m.start(), m.end(), "hijri", m.group("year")))
    for pattern in (_DMY, _MDY, _MY, _ISO):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            groups = m.groupdict()
            month = groups["month"]
            month = MONTHS[month.lower()] if not month.isdigit() else int(month)
            if month == 5 and pattern is not _ISO and m.group("month").lower() == "may" and not groups.get("year"):
                continue  # "may" without a year is far more often the verb
            iso = _iso(groups.get("year"), month, groups.get("day"))
            if iso:
                found.append(DateFact(m.group().strip(), iso, m.start(), m.end()))
    for m in _YEAR.finditer(text):
        if free(m.start(), m.end()) and not re.match(rf"\s*(?:{_SCALE}|{_UNIT})\b", text[m.end():], re.IGNORECASE):
            found.append(DateFact(m.group(), m.group("year"), m.start(), m.end()))
    if published:
        base = date.fromisoformat(published[:10])
        for word, delta in _RELATIVE.items():
            for m in re.finditer(rf"\b{word}\b", text, re.IGNORECASE):
                if free(m.start(), m.end()):
                    found.append(DateFact(m.group(), (base + timedelta(days=delta)).isoformat(), m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _words_value(words: str) -> float:
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a",):
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
        core = "num" if m.group("num") else "words"
        if not m.group(core) or any(m.start(core) < b and m.end(core) > a for a, b in blocked):
            continue
        scale = (m.group("scale") or "").lower()
        if scale == "m" and not m.group("sign"):
            scale = ""  # "5 m" is metres unless money is meant
        value = float(m.group("num").replace(",", "")) if core == "num" else _words_value(m.group("words"))
        value *= SCALES.get(scale, 1)
        unit = UNITS.get((m.group("unit") or "").lower()) or _CURRENCY_SIGNS.get(m.group("sign") or "")
        start = m.start("sign") if m.group("sign") else m.start(core)
        found.append(NumberFact(text[start:m.end()].strip(), value, unit, start, m.end()))
    return found


def extract(text: str, published: str | None = None) -> Facts:
    dates = extract_dates(text, published)
    return Facts(dates=tuple(dates), numbers=tuple(extract_numbers(text, dates)))
