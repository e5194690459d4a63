"""Figures in English that are not quantities, each read as its own kind: clock times, scores,
decades, compound measures, ordinals and labels; and identifiers (telephone and hotline
numbers), claimed so that nothing counts them. Pure; each reader takes the text, its
lower-cased copy (facts.english_words.lower: what the patterns match) and the spans already
claimed, and claims what it reads."""

from __future__ import annotations

import re

from facts.english_words import HOUR_WORD, ORDINAL, ROMAN, SHORT_CHAIN, chain_value, hour_value, ordinal_value
from facts.spans import Claimed
from facts.trie import trie
from facts.types import DecadeFact, MeasureFact, OrdinalFact, ScoreFact, TimeFact

_NUMBER = rf"\d{{1,6}}(?:\.\d{{1,6}})?|{SHORT_CHAIN}"


def _value(raw: str) -> float:
    raw = raw.strip()
    return float(raw) if raw[:1].isdigit() else chain_value(raw)


# -- identifiers -----------------------------------------------------------------------------

_CALL_WORDS = ["call", "calling", "dial", "dialling", "dialing", "hotline", "helpline", "phone", "telephone", "tel",
               "fax", "whatsapp", "text"]
_IDENTIFIER = re.compile(
    rf"\b(?:{trie(_CALL_WORDS)})\b\.?"
    r"(?:\s+(?:on|at|the|number|line|hotline|helpline)){0,3}\s*:?\s*(?P<id>\+?\d+(?:[\s-]\d+)*)(?!\d|[.,]\d)"
    # A day, not a line: "a phone call on 3 March", "called on the 3rd of May".
    r"(?!\s*(?:st|nd|rd|th)\b|\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)")


_IDENTIFIER_WORDS = re.compile(trie(["call", "dial", "hotline", "helpline", "phone", "tel", "fax", "whatsapp", "text"]))


def claim_identifiers(low: str, claimed: Claimed) -> None:
    if not _IDENTIFIER_WORDS.search(low):
        return
    for m in _IDENTIFIER.finditer(low):
        claimed.claim(m.start("id"), m.end("id"))


# -- clock times -----------------------------------------------------------------------------

_AM = r"a\.?\s?m\.?(?![a-z])"
_PM = r"p\.?\s?m\.?(?![a-z])"
_PART = re.compile(
    rf"\s*(?:(?P<am>{_AM}|in\s+the\s+morning\b)|(?P<pm>{_PM}|in\s+the\s+(?:afternoon|evening)\b)"
    r"|(?P<night>at\s+night\b)|(?P<zone>gmt\b|utc\b|local\s+time\b))")
# A time zone named after a place: "Mecca time", "Baghdad time" (capitalised, in the text as written).
_PLACE_TIME = re.compile(r"\s*\(?[A-Z][a-z]+\s+time\b\)?")
_CLOCK = re.compile(
    rf"(?<![\d.,:])\b(?P<h>\d{{1,2}})(?:[:.](?P<m>\d{{2}}))?(?=\s*(?:{_AM}|{_PM}))"
    rf"|(?<![\d.,:])\b(?P<h2>\d{{1,2}}):(?P<m2>\d{{2}})\b(?!:\d|[.,]\d)"
    rf"|(?<![\d.,:])\b(?P<hhmm>\d{{4}})(?=\s*(?:gmt|utc|hrs\b|hours\s+(?:gmt|local)|local\s+time|\(?[a-z]+\s+time\b))"
    rf"|\b(?P<h3>\d{{1,2}}|{HOUR_WORD})\s+o'clock\b"
    rf"|\b(?P<hw>{HOUR_WORD})(?=\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b)"
    rf"|\b(?P<past>half|(?:a\s+)?quarter|ten|twenty|five|twenty-five)\s+(?P<dir>past|to)\s+(?P<hp>\d{{1,2}}|{HOUR_WORD})\b"
    rf"|\b(?P<noon>noon|midday|midnight)\b"
)
_HOURS = re.compile(r"\s*(?:hrs|hours)\b")  # 1900 hrs: the military clock, no zone needed
_PAST = {"half": 30, "quarter": 15, "a quarter": 15, "ten": 10, "twenty": 20, "five": 5, "twenty-five": 25}


def _hour(raw: str) -> int:
    return int(raw) if raw.isdigit() else hour_value(raw)


def _minutes(hour: int, minute: int, part: str | None, padded: bool) -> tuple[int, bool]:
    if hour > 24:  # no hour of a clock ("90 a.m."): kept as written, so that it matches nothing
        return hour * 60 + minute, False
    if part == "am":
        return (hour % 12) * 60 + minute, False
    if part == "pm":
        return (hour % 12 + 12) * 60 + minute if hour <= 12 else hour * 60 + minute, False
    if part == "night":
        return (hour + 12 if 6 <= hour <= 11 else hour % 12) * 60 + minute, False
    # 2400 GMT is midnight, as الساعة 24 is on the Arabic side: the same minute of the day.
    return (hour % 24) * 60 + minute, not (padded or hour == 0 or hour > 12)


# Each reader first looks for a word or sign its figures cannot be written without, a search
# the regex engine runs far faster than the full pattern, and skips a text that has none.
_TIME_WORDS = re.compile(trie([":", "a.m", "p.m", "am", "pm", "o'clock", "noon", "midday", "midnight", "past", "quarter",
                               "morning", "afternoon", "evening", "night", "gmt", "utc", "hrs", "hours", "time"]))


def read_times(text: str, low: str, claimed: Claimed) -> list[TimeFact]:
    found = []
    if not _TIME_WORDS.search(low):
        return found
    for m in _CLOCK.finditer(low):
        padded = False
        if m.group("noon"):
            minutes = 0 if m.group("noon") == "midnight" else 12 * 60
            if claimed.take(m.start(), m.end()):
                found.append(TimeFact(text[m.start():m.end()], minutes, m.start(), m.end()))
            continue
        if m.group("hhmm"):
            if not (_PART.match(low, m.end()) or _PLACE_TIME.match(text, m.end()) or _HOURS.match(low, m.end())):
                continue  # "2000 some time": a zone must be named
            hour, minute, padded = int(m.group("hhmm")[:2]), int(m.group("hhmm")[2:]), True
            if hour > 24 or minute > 59:
                continue
        elif m.group("past"):
            hour = _hour(m.group("hp"))
            shift = _PAST[" ".join(m.group("past").split())]
            if m.group("dir") == "past":
                hour, minute = hour, shift
            else:  # "quarter to 14" is 13:45 on the 24-hour clock; "quarter to 1", 12:45
                hour, minute = (hour - 1 if hour > 12 else (hour - 1) % 12 or 12), 60 - shift
        else:
            raw = m.group("h") or m.group("h2") or m.group("h3") or m.group("hw")
            hour, minute = _hour(raw), int(m.group("m") or m.group("m2") or 0)
            padded = raw.startswith("0") and len(raw) == 2
        end = m.end()
        part = None
        after = _PART.match(low, end)
        if after:
            part = next((p for p in ("am", "pm", "night") if after.group(p)), None)
            end = after.end()
        else:
            place = _PLACE_TIME.match(text, end)
            end = place.end() if place else end
        minutes, twelve = _minutes(hour, minute, part, padded)
        if claimed.take(m.start(), end):
            found.append(TimeFact(text[m.start():end].strip(), minutes, m.start(), end, twelve))
    return found


# -- scores ----------------------------------------------------------------------------------

_MATCH_WORDS = """won win wins winning beat beats beaten beating defeat defeated defeats defeating lost lose loses
    losing loss drew draw drawn drawing victory score scored scoreline lead led match game final thrashed thrashing
    edged routed against over league cup aggregate goal goals semi-final quarter-final tie""".split()
_SCORE_CONTEXT = re.compile(rf"\b(?:{trie(_MATCH_WORDS)})\b")
_SCORE = re.compile(
    r"(?<![\d.,:/–-])\b(?P<a>\d{1,3})\s*[-–]\s*(?P<b>\d{1,3})\b(?![.,:/%]\d|%|\s*[-–]\s*\d)"
    r"|(?<![\d.,&])\b(?P<a3>\d{1,3})\s*&\s*(?P<b3>\d{1,3})\b(?![.,]\d)"
    r"|\b(?P<an>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[-–\s]nil\b"
    r"|\b(?P<nil>goalless|scoreless|nil-nil|nil-all)\b")
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


_DIGIT_PAIR = re.compile(r"\d\s*[-–&]\s*\d")
_SCORE_WORDS = re.compile(trie(["nil", "goalless", "scoreless"]))


def read_scores(text: str, low: str, claimed: Claimed) -> list[ScoreFact]:
    found = []
    if not (_DIGIT_PAIR.search(low) or _SCORE_WORDS.search(low)):
        return found
    for m in _SCORE.finditer(low):
        if m.group("nil"):
            score = (0, 0)
        elif m.group("an"):
            raw = m.group("an")
            score = (int(raw) if raw.isdigit() else _SMALL[raw], 0)
        elif m.group("a3"):
            score = (int(m.group("a3")), int(m.group("b3")))
        else:
            # A dash between two numbers is a score only where the sentence is about a match;
            # elsewhere it is a range (10-15 people).
            if not _SCORE_CONTEXT.search(low, max(0, m.start() - 60), m.end() + 30):
                continue
            score = (int(m.group("a")), int(m.group("b")))
        if claimed.take(m.start(), m.end()):
            found.append(ScoreFact(text[m.start():m.end()], score, m.start(), m.end()))
    return found


# -- decades ---------------------------------------------------------------------------------

_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                 "eighties": 80, "nineties": 90}
_DECADE = re.compile(
    r"(?:\b(?P<part>early|mid|late)[\s-]+)?(?:\b(?P<full>\d{3}\d)['’]?s\b|['’](?P<short>\d0)s\b"
    r"|(?<!['’])\b(?P<two>[1-9]0)['’]?s\b"
    rf"|\b(?P<word>{trie(_DECADE_WORDS)})\b)")


_DECADE_ENDINGS = re.compile(r"\d['’]?s\b|ties\b")


def read_decades(text: str, low: str, claimed: Claimed) -> list[DecadeFact]:
    found = []
    if not _DECADE_ENDINGS.search(low):
        return found
    for m in _DECADE.finditer(low):
        if m.group("full"):
            decade = int(m.group("full"))
        elif m.group("word"):
            decade = _DECADE_WORDS[m.group("word")]
        else:
            decade = int(m.group("short") or m.group("two"))
        if claimed.take(m.start(), m.end()):
            found.append(DecadeFact(text[m.start():m.end()], decade, m.start(), m.end(), m.group("part")))
    return found


# -- compound measures -----------------------------------------------------------------------

# unit -> (SI unit, SI per unit, the smaller unit it is paired with)
_BIG = {"foot": ("m", 0.3048, "in"), "feet": ("m", 0.3048, "in"), "ft": ("m", 0.3048, "in"),
        "hour": ("s", 3600, "min"), "hours": ("s", 3600, "min"), "hr": ("s", 3600, "min"), "hrs": ("s", 3600, "min"),
        "minute": ("s", 60, "s"), "minutes": ("s", 60, "s"), "min": ("s", 60, "s"),
        "mins": ("s", 60, "s"), "metre": ("m", 1, "cm"), "metres": ("m", 1, "cm"), "meter": ("m", 1, "cm"),
        "meters": ("m", 1, "cm"), "kilogram": ("kg", 1, "g"), "kilograms": ("kg", 1, "g"),
        "kilo": ("kg", 1, "g"), "kilos": ("kg", 1, "g"), "kg": ("kg", 1, "g"), "pound": ("kg", 0.45359237, "oz"),
        "pounds": ("kg", 0.45359237, "oz"), "lb": ("kg", 0.45359237, "oz"), "lbs": ("kg", 0.45359237, "oz")}
_SMALL_UNITS = {"inches": ("in", 0.0254), "inch": ("in", 0.0254), "in": ("in", 0.0254), "minutes": ("min", 60),
                "minute": ("min", 60), "mins": ("min", 60), "min": ("min", 60), "m": ("min", 60),
                "seconds": ("s", 1), "second": ("s", 1), "secs": ("s", 1), "sec": ("s", 1), "s": ("s", 1),
                "centimetres": ("cm", 0.01), "centimetre": ("cm", 0.01), "centimeters": ("cm", 0.01),
                "centimeter": ("cm", 0.01), "cm": ("cm", 0.01), "grams": ("g", 0.001), "gram": ("g", 0.001),
                "g": ("g", 0.001), "ounces": ("oz", 0.028349523125), "ounce": ("oz", 0.028349523125),
                "oz": ("oz", 0.028349523125)}
_UNITS_OF_PAIR = {"in": "ft+in", "min": "h+min", "s": "min+s", "cm": "m+cm", "g": "kg+g", "oz": "lb+oz"}
# One pattern for every pair of units; which pairs go together is checked after the match.
_MEASURE = re.compile(
    rf"\b(?:(?P<a>{_NUMBER})[-\s]?|(?P<lone>an?)\s+)(?P<big>{trie(_BIG)})\.?(?=[-\s\d])(?:[-\s]+(?:and\s+)?)"
    rf"(?P<b>{_NUMBER})(?:[-\s]?(?P<small>{trie(_SMALL_UNITS)})(?![a-z]))?"
    r"|\b(?P<pa>\d)['’′]\s?(?P<pb>\d{1,2})(?:\"|”|″|'')")


_MEASURE_WORDS = re.compile(trie([*_BIG, "'", "’", "′"]))


def read_measures(text: str, low: str, claimed: Claimed) -> list[MeasureFact]:
    """A figure in two units: 5-foot-9, 5 ft 9 in, 5'9", two hours and 20 minutes."""
    found = []
    if not _MEASURE_WORDS.search(low):
        return found
    for m in _MEASURE.finditer(low):
        if m.group("pa"):
            unit, units, value = "m", "ft+in", int(m.group("pa")) * 0.3048 + int(m.group("pb")) * 0.0254
        else:
            unit, size, pair = _BIG[m.group("big")]
            small = _SMALL_UNITS.get(m.group("small") or "")
            if small is None and pair != "in":  # only 5-foot-9 leaves the smaller unit unsaid
                continue
            if small is not None and small[0] != pair:
                continue
            if m.group("lone") and m.group("big") not in ("hour", "foot", "minute", "pound", "metre", "meter"):
                continue
            count = 1.0 if m.group("lone") else _value(m.group("a"))
            value = count * size + _value(m.group("b")) * (small[1] if small else 0.0254)
            units = _UNITS_OF_PAIR[pair]
        if claimed.take(m.start(), m.end()):
            found.append(MeasureFact(text[m.start():m.end()].strip(), value, unit, m.start(), m.end(), units))
    return found


# -- ordinals and labels ---------------------------------------------------------------------

_LABEL_NOUNS = ["article", "paragraph", "item", "clause", "section", "chapter", "page", "room", "route", "road",
                "highway", "resolution", "round", "minute", "floor", "level", "stage", "phase", "week", "zone",
                "district", "sector", "gate", "block", "building", "platform", "flight", "line", "decree", "law",
                "number", "no.", "nos.", "kilometre", "kilometer", "km", "ward", "hall", "station", "century"]
_LABEL = re.compile(
    rf"\b(?:{trie(_LABEL_NOUNS)})\s+(?:no\.?\s*|number\s+)?"
    r"(?P<n>\d{1,6})\b(?![.,:/]\d|\s*(?:%|[-–]\s*\d))")
_SUFFIXED = re.compile(r"\b(?P<n>\d{1,6})(?:st|nd|rd|th)\b")
_WORDS = re.compile(ORDINAL)
_NOT_SECOND = re.compile(r"(?:\d|\b(?:one|a|per|split|every|each|few|of\s+a|thirty|sixty))[\s-]*$")
_ROMAN = re.compile(rf"\b[A-Z][a-z]+\s+(?P<r>{trie(ROMAN)})\b(?![.'’-])|\bWar\s+(?P<one>I)\b")


def read_ordinals(text: str, low: str, claimed: Claimed) -> list[OrdinalFact]:
    found = []
    for m in _LABEL.finditer(low):
        if claimed.take(m.start(), m.end()):
            found.append(OrdinalFact(text[m.start():m.end()], int(m.group("n")), m.start(), m.end(), label=True))
    for m in _SUFFIXED.finditer(low):
        if claimed.take(m.start(), m.end()):
            found.append(OrdinalFact(text[m.start():m.end()], int(m.group("n")), m.start(), m.end()))
    for m in _WORDS.finditer(low):
        if m.group() == "second" and _NOT_SECOND.search(low, max(0, m.start() - 12), m.start()):
            continue  # "30 second", "a split second": the unit of time
        if claimed.take(m.start(), m.end()):
            found.append(OrdinalFact(text[m.start():m.end()], ordinal_value(m.group()), m.start(), m.end()))
    for m in _ROMAN.finditer(text):
        group = "r" if m.group("r") else "one"
        if claimed.take(m.start(group), m.end(group)):
            found.append(OrdinalFact(m.group(group), ROMAN.get(m.group(group), 1), m.start(group), m.end(group)))
    return sorted(found, key=lambda o: o.start)
