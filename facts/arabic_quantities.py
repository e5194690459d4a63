"""Quantities in Arabic news text: digits with their separators and scale words, number
words, vague quantities and the duals of counted nouns, each with its unit; and what tells a
year-like number that counts something (2000 جندي) from a year. Pure functions over the
prepared text (facts.arabic_script.prepare); facts.arabic reads them last, after every other
kind of figure has claimed its spans."""

from __future__ import annotations

import re

from facts.arabic_script import AFTER as _E
from facts.arabic_script import BEFORE as _B
from facts.arabic_script import LETTERS as _A
from facts.arabic_script import PREFIX as _PREFIX
from facts.arabic_script import alternation as _alternation
from facts.arabic_script import compile_folded, fold, folded
from facts.arabic_words import CHAIN, DUALS, FRACTIONS, SCALE_WORD, SCALES, chain_value
from facts.spans import Claimed
from facts.types import NumberFact

WINDOW = 48  # characters of context looked at before a figure: enough for three words

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
# What makes a four-digit number a year rather than a count: a word before it that
# introduces a time. "2000 جندي" is two thousand troops; "في 2000" is a year.
_YEAR_CONTEXT = compile_folded(
    r"(?:^|[\s(])(?:[وف]?(?:في|منذ|حتى|خلال|بحلول|مطلع|أواخر|نهاية|بداية|قبل|بعد|من|إلى|عام|العام|"
    r"سنة|السنة|موسم|انتخابات|دستور|ميزانية|موازنة))\s+$|[وفبل]$|[،,:(]\s*$|(?:1[89]|20)\d\d\s*[-–/]\s*$"
)
_WA_JOIN = re.compile(r"\s*و\s*")


# A word after the number, and not م (the Gregorian era): "2000   جندي" with any run of spaces.
_COUNTED_NOUN = re.compile(rf"\s+(?!م{_E})[{_A}]")


def counts_something(mapped: str, start: int, end: int) -> bool:
    """A year-like number that counts the noun after it (2000 جندي), not a year."""
    if _YEAR_CONTEXT.search(mapped[max(0, start - WINDOW):start]):
        return False
    return bool(_COUNTED_NOUN.match(mapped, end))


_QUANTITY_AFTER = re.compile(rf"\s*(?:{SCALE_WORD}|(?:{_UNIT})(?![{_A}]))")


def followed_by_quantity(mapped: str, end: int) -> bool:
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


def read_numbers(text: str, mapped: str, claimed: Claimed) -> list[NumberFact]:
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
