"""Dates and quantities in English (the translation and the summary), normalised the same
way as the Arabic side so that values can be compared, and the other kinds of figure
(facts.english_kinds). Pure functions over strings. Each reading claims its spans
(facts.spans) in the same order as the Arabic side: identifiers, dates, times, scores,
decades, measures, ordinals and labels, then quantities."""

from __future__ import annotations

import re
from datetime import date, timedelta

from facts import english_kinds, invisible
from facts.english_words import CHAIN, chain_value, lower
from facts.trie import trie
from facts.calendar_dates import impossible_date, iso_date
from facts.spans import Claimed
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
_MONTH = trie(MONTHS)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ORD = r"(?:st|nd|rd|th)?"

_DMY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>[0-3]?\d){_ORD}\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?(?:\s+(?P<year>\d{{4}}))?\b",
)
_MDY = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d){_ORD}(?:,?\s+(?P<year>\d{{4}}))?\b",
)
_MY = re.compile(rf"\b(?P<month>{_MONTH})\.?,?\s+(?:of\s+)?(?P<year>\d{{4}})\b")
_FULL_MONTH = "january|february|march|april|may|june|july|august|september|october|november|december"
# A month named alone is a date after words that introduce a time ("in July"); "may" and
# "march" alone are far more often a verb.
_MONTH_ALONE = re.compile(
    rf"\b(?:in|during|since|until|till|by|from|early|late|mid|mid-|last|next|this|of)\s*-?\s*(?P<month>{_FULL_MONTH})\b"
    r"(?!\s+\d)")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
_NUMERIC = re.compile(r"(?<![\d.,/-])\b(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<c>\d{4})\b(?!\d|[.,/-]\d)"
                      r"(?P<hijri>\s*(?:ah|a\.h\.|hijri)\b)?")
HIJRI_MONTHS = {
    "muharram": 1, "safar": 2, "rabi al-awwal": 3, "rabi' al-awwal": 3, "rabi ul-awwal": 3, "rabi al-thani": 4,
    "rabi' al-thani": 4, "rabi al-akhir": 4, "rabi ul-akhir": 4, "jumada al-ula": 5, "jumada al-awwal": 5,
    "jumada al-akhirah": 6, "jumada al-thani": 6, "jumada al-akhira": 6, "rajab": 7, "shaban": 8, "sha'ban": 8,
    "ramadan": 9, "ramadhan": 9, "shawwal": 10, "dhu al-qadah": 11, "dhu al-qa'dah": 11, "dhul-qadah": 11,
    "dhu al-qi'dah": 11, "dhu al-hijjah": 12, "dhul-hijjah": 12, "dhu al-hijja": 12,
}
_HMONTH = trie(HIJRI_MONTHS)
_ERA = r"\s*(?:ah|a\.h\.|hijri)\b"
# With a Hijri month the era need not be written (Ramadan 1440); a year alone needs it.
_HIJRI = re.compile(rf"\b(?:(?P<day>[0-3]?\d){_ORD}\s+(?:of\s+)?)?(?P<month>{_HMONTH}),?\s+(?P<year>1[3-5]\d\d)\b(?:{_ERA})?"
                    rf"|\b(?P<year2>1[3-5]\d\d)(?:{_ERA})")
# Not a year: 1900 GMT, 1900 hours, 1900 Baghdad time (a clock), 1440 AH, the 1980s.
_YEAR = re.compile(r"(?<![\d.,$£€])\b(?P<year>1[89]\d\d|20\d\d|2100)\b(?!\d|[.,:]\d|%|\s*(?:ah|a\.h\.)\b|['’]?s\b"
                   r"|\s*(?:gmt|utc|hrs|hours\s+(?:gmt|local)|local\s+time)\b)")
_PLACE_TIME = re.compile(r"\s*\(?[A-Z][a-z]+\s+time\b")
_RELATIVE = {"yesterday": -1, "today": 0, "tomorrow": 1}
_RELATIVE_RE = re.compile(r"\b(?:yesterday|today|tomorrow)\b")
_WINDOW = 40
# What a date cannot be written without: a text with none of these skips the full pattern.
_HIJRI_WORDS = re.compile(trie([*HIJRI_MONTHS, "ah", "a.h.", "hijri"]))
_MONTH_WORDS = re.compile(_MONTH)
_DIGIT_SEPARATED = re.compile(r"\d[/.]\d")
_YEAR_DIGITS = re.compile(r"1[89]\d\d|20\d\d|2100")

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
_SCALE = trie(SCALES)
_UNIT = trie(UNITS)
# At most 15 digits a side: a longer run is an identifier (or noise), and no float holds it.
_NUM = r"\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,15})?|\d{1,15}(?:\.\d{1,15})?"
_FRACTION = trie(FRACTIONS)
_VAGUE = trie(VAGUE)
_QUANTITY = re.compile(
    rf"\b(?P<vague>{_VAGUE})\b(?:\s+of\s+(?P<vof>thousands|millions)\b)?"
    rf"|\b(?P<frac>{_FRACTION})\s+(?:of\s+)?(?:a\s+)?(?P<fscale>thousand|million|billion|trillion)\b"
    rf"(?:\s*(?P<funit>{_UNIT})(?![a-z]))?"
    rf"|(?P<sign>[$€£])?\s?(?:(?<![\d.,])(?P<num>{_NUM})(?![\d]|[.,]\d)|\b(?P<words>{CHAIN}))"
    rf"(?:\s+and\s+(?P<half>{_FRACTION}))?"
    rf"(?:\s*(?P<scale>{_SCALE})\b)?(?:\s*(?P<unit>{_UNIT})(?![a-z]))?",
)
_PHONE = re.compile(r"\+?\d[\d\s-]{7,}\d")
_YEAR_RANGE = re.compile(r"(?:1[89]|20)\d\d\s*-\s*(?:1[89]|20)\d\d")
_QUANTITY_AFTER = re.compile(rf"\s*(?:{_SCALE}|{_UNIT})\b")

# What makes a four-digit number a year rather than a count: a word before it that
# introduces a time. "2000 troops" is a count; "in 2000", "the 2018 elections" are years.
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|from|to|during|before|after|early|late|mid|of|the|this|last|next|year|"
    r"fiscal|and|or)\s*-?\s*$|[(,:]\s*$|\b(?:1[89]|20)\d\d\s*[-–/]\s*$")
# A year after a name is the event or the plan it names: Asia Cup 2019, Expo 2020, Vision 2030.
_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]+\s+$")


# A word after the number, with any run of spaces before it: "2000  troops" counts troops.
_COUNTED_NOUN = re.compile(r"\s+[a-z]")


def _counts_something(text: str, low: str, start: int, end: int) -> bool:
    if _YEAR_CONTEXT.search(low, max(0, start - _WINDOW), start) or _NAME_BEFORE.search(text, max(0, start - _WINDOW),
                                                                                        start):
        return False
    return bool(_COUNTED_NOUN.match(text, end))


def _read_dates(text: str, low: str, published: str | None, claimed: Claimed) -> list[DateFact]:
    found: list[DateFact] = []

    def add(fact: DateFact) -> None:
        found.append(fact)
        claimed.claim(fact.start, fact.end)

    # Numeric dates first: in ١٥/٣/١٤٤٠هـ the era belongs to the whole date, not to the year alone.
    for m in _NUMERIC.finditer(low) if _DIGIT_SEPARATED.search(low) else ():
        if not claimed.free(m.start(), m.end()):
            continue
        day, month, year = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        if month > 12 and day <= 12:  # 09/27/2022: month first
            day, month = month, day
        if not 1 <= month <= 12 or day < 1:
            continue
        if m.group("hijri") or 1300 <= year <= 1500:
            hijri = f"{year:04d}-{month:02d}-{day:02d}"
            add(DateFact(text[m.start():m.end()], None, m.start(), m.end(), "hijri", None if day > 30 else hijri,
                         invalid=hijri if day > 30 else None))
            continue
        bad = impossible_date(year, month, day)
        add(DateFact(text[m.start():m.end()], None if bad else iso_date(year, month, day), m.start(), m.end(), invalid=bad))
    for m in _HIJRI.finditer(low) if _HIJRI_WORDS.search(low) else ():
        if not claimed.free(m.start(), m.end()):
            continue
        month = HIJRI_MONTHS.get(m.group("month")) if m.group("month") else None
        day = int(m.group("day")) if m.group("day") and month else None
        hijri = (m.group("year") or m.group("year2")) + (f"-{month:02d}" if month else "")
        if day is not None and not 1 <= day <= 30:
            add(DateFact(text[m.start():m.end()], None, m.start(), m.end(), "hijri", None, invalid=f"{hijri}-{day:02d}"))
            continue
        add(DateFact(text[m.start():m.end()], None, m.start(), m.end(), "hijri", hijri + (f"-{day:02d}" if day else "")))
    months = _MONTH_WORDS.search(low)
    for pattern in (_DMY, _MDY, _MY, _ISO):
        for m in pattern.finditer(low) if months or pattern is _ISO else ():
            if not claimed.free(m.start(), m.end()):
                continue
            groups = m.groupdict()
            month = groups["month"]
            month = MONTHS[month] if not month.isdigit() else int(month)
            if month == 5 and pattern is not _ISO and m.group("month") == "may" and not groups.get("year"):
                continue  # "may" without a year is far more often the verb
            if not 1 <= month <= 12:
                continue
            year = int(groups["year"]) if groups.get("year") else None
            day = int(groups["day"]) if groups.get("day") else None
            if day is not None and not 1 <= day <= 31:
                continue
            bad = impossible_date(year, month, day) if day is not None else None
            if bad:
                add(DateFact(text[m.start():m.end()].strip(), None, m.start(), m.end(), invalid=bad))
            elif year is None:
                add(DateFact(text[m.start():m.end()].strip(), None, m.start(), m.end(), partial=f"--{month:02d}-{day:02d}"))
            else:
                add(DateFact(text[m.start():m.end()].strip(), iso_date(year, month, day), m.start(), m.end()))
    for m in _MONTH_ALONE.finditer(low) if months else ():
        if claimed.free(m.start("month"), m.end("month")):
            add(DateFact(text[m.start("month"):m.end("month")], None, m.start("month"), m.end("month"),
                         partial=f"--{MONTHS[m.group('month')]:02d}"))
    for m in _YEAR.finditer(low) if _YEAR_DIGITS.search(low) else ():
        if claimed.free(m.start(), m.end()) and not _QUANTITY_AFTER.match(low, m.end()) \
                and not _PLACE_TIME.match(text, m.end()) \
                and not _counts_something(text, low, m.start(), m.end()):
            add(DateFact(m.group(), m.group("year"), m.start(), m.end()))
    if published:
        base = date.fromisoformat(published[:10])
        for m in _RELATIVE_RE.finditer(low):
            if claimed.free(m.start(), m.end()):
                delta = _RELATIVE[m.group()]
                add(DateFact(text[m.start():m.end()], (base + timedelta(days=delta)).isoformat(), m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _read_numbers(text: str, low: str, claimed: Claimed) -> list[NumberFact]:
    for m in _PHONE.finditer(low):
        if len(re.sub(r"\D", "", m.group())) >= 8 and not _YEAR_RANGE.fullmatch(m.group()):
            claimed.claim(m.start(), m.end())
    found: list[NumberFact] = []
    for m in _QUANTITY.finditer(low):
        core = next(g for g in ("vague", "frac", "num", "words") if m.group(g))  # every branch has one
        if not claimed.free(m.start(core), m.end(core)):
            continue
        if core == "vague":
            value = VAGUE[m.group("vague")] * (VAGUE_OF[m.group("vof")] if m.group("vof") else 1)
            found.append(NumberFact(text[m.start():m.end()].strip(), value, None, m.start(), m.end(), vague=True))
            continue
        if core == "frac":
            value = FRACTIONS[m.group("frac")] * SCALES[m.group("fscale")]
            unit = UNITS.get((m.group("funit") or ""))
            found.append(NumberFact(text[m.start():m.end()].strip(), value, unit, m.start(), m.end()))
            continue
        scale = (m.group("scale") or "")
        written_unit = UNITS.get(m.group("unit") or "")
        # "5 m" is five metres; "$5 m", "5m dollars" and "5m tonnes" are five million.
        metres = scale == "m" and not m.group("sign") and written_unit is None
        if metres:
            scale = ""
        value = float(m.group("num").replace(",", "")) if core == "num" else chain_value(m.group("words"))
        if m.group("half"):
            value += FRACTIONS[m.group("half")]
        value *= SCALES.get(scale, 1)
        unit = "m" if metres else written_unit or _CURRENCY_SIGNS.get(m.group("sign") or "")
        start = m.start("sign") if m.group("sign") else m.start(core)
        end = m.end() if (m.group("half") or m.group("scale") or m.group("unit")) else m.end(core)
        claimed.claim(start, end)
        found.append(NumberFact(text[start:end].strip(), value, unit, start, end))
    return found


def read(text: str, published: str | None = None) -> Facts:
    """Every figure of a text with no invisible characters (see extract)."""
    low = lower(text)
    claimed = Claimed(len(text))
    english_kinds.claim_identifiers(low, claimed)
    dates = _read_dates(text, low, published, claimed)
    times = english_kinds.read_times(text, low, claimed)
    scores = english_kinds.read_scores(text, low, claimed)
    decades = english_kinds.read_decades(text, low, claimed)
    measures = english_kinds.read_measures(text, low, claimed)
    ordinals = english_kinds.read_ordinals(text, low, claimed)
    numbers = _read_numbers(text, low, claimed)
    return Facts(dates=tuple(dates), numbers=tuple(numbers), times=tuple(times), ordinals=tuple(ordinals),
                 scores=tuple(scores), decades=tuple(decades), measures=tuple(measures))


def extract_dates(text: str, published: str | None = None) -> list[DateFact]:
    low = lower(text)
    claimed = Claimed(len(text))
    english_kinds.claim_identifiers(low, claimed)
    return _read_dates(text, low, published, claimed)


def extract_numbers(text: str, dates: list[DateFact] | None = None) -> list[NumberFact]:
    """The quantities of a text (what no other kind of figure claims)."""
    return list(read(text).numbers)


def extract(text: str, published: str | None = None) -> Facts:
    """Every figure of a text, spans in the text as given (direction marks and tatweel are
    looked through, and kept in the spans)."""
    return invisible.extract_through(text, published, read)
