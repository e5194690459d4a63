"""Arabic number words: cardinals read as one chain (خمسة آلاف وسبعمائة واثنان وعشرون,
أربعة ملايين وثلاثمائة ألف), the duals that stand alone (ألفان, مليونا, ألفي), and ordinals
(الحادي عشر, الثالثة والعشرون, الخامس والعشرين). Pure; every pattern matches folded text
(facts.arabic_script.prepare)."""

from __future__ import annotations

import re

from facts.arabic_script import AFTER, alternation, fold, folded

_UNITS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثة": 3, "ثلاث": 3,
    "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8,
    "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
}
_TENS = {"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50,
         "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80,
         "تسعون": 90, "تسعين": 90}
WORDS: dict[str, float] = {**_UNITS, **_TENS, "مئة": 100, "مائة": 100}
for _dual in ("مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي"):
    WORDS[_dual] = 200
for _unit, _n in {"ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
                  "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9}.items():
    # The teens are two words with no و (ثلاثة عشر); the hundreds are one word or two (ثلاثمائة, ثلاث مئة).
    WORDS[f"{_unit} عشر"] = WORDS[f"{_unit} عشرة"] = 10 + _n
    for _hundred in ("مئة", "مائة"):
        WORDS[f"{_unit}{_hundred}"] = WORDS[f"{_unit} {_hundred}"] = 100 * _n
for _teen, _n in {"أحد عشر": 11, "إحدى عشرة": 11, "إحدى عشر": 11, "أحد عشرة": 11, "اثنا عشر": 12,
                  "اثني عشر": 12, "اثنتا عشرة": 12, "اثنتي عشرة": 12}.items():
    WORDS[_teen] = _n
WORDS = folded(WORDS)

# After a count (ثلاثة آلاف, خمسة عشر ألفا) these multiply it; standing alone, ألف is a thousand
# and the accusative ألفا, مليونا, مليارا is the dual of construct: مليونا دولار, two million dollars.
SCALES: dict[str, float] = folded({
    "ألف": 1e3, "آلاف": 1e3, "ألفا": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليونا": 1e6, "مليار": 1e9,
    "مليارات": 1e9, "مليارا": 1e9, "بليون": 1e9, "بلايين": 1e9, "تريليون": 1e12, "تريليونات": 1e12,
    "تريليونا": 1e12,
})
STANDING_DUALS = set(folded(dict.fromkeys(("ألفا", "مليونا", "مليارا", "تريليونا"))))
DUALS: dict[str, float] = folded({
    "ألفان": 2e3, "ألفين": 2e3, "ألفي": 2e3, "مليونان": 2e6, "مليونين": 2e6, "مليوني": 2e6,
    "ملياران": 2e9, "مليارين": 2e9, "ملياري": 2e9, "تريليونان": 2e12, "تريليونين": 2e12,
})
FRACTIONS: dict[str, float] = folded({"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3})

_TERM = rf"(?:{alternation(WORDS)}){AFTER}"
_SCALE_TERM = rf"(?:{alternation({**SCALES, **DUALS})}){AFTER}"
_FRACTION = rf"(?:{alternation(FRACTIONS)}){AFTER}"
# A chain: terms joined by و, a scale joined by a space (خمسة آلاف), a fraction after و
# (مليار ونصف) or before a scale (نصف مليون). Each term ends at a word boundary, so a chain
# splits into terms one way only: matching it is linear.
_FIRST = rf"(?:{_FRACTION}\s+{_SCALE_TERM}|{_TERM}|{_SCALE_TERM})"
_NEXT = rf"(?:\s+و\s*(?:{_TERM}|{_SCALE_TERM}|{_FRACTION})|\s+{_SCALE_TERM})"
CHAIN = rf"{_FIRST}{_NEXT}*"
# Inside a pattern that can still fail after the number (a score, a measure), a chain of at
# most eight words, so that a failed match costs a bounded look at each word, not the rest
# of an endless run of number words.
SHORT_CHAIN = rf"{_FIRST}{_NEXT}{{0,7}}"
SCALE_WORD = _SCALE_TERM
_SPLIT = re.compile(rf"\s+و\s*|\s+(?={_SCALE_TERM})")


def chain_value(chain: str) -> float:
    """The value of a folded chain of number words: 5722 for خمسة آلاف وسبعمائة واثنان وعشرون."""
    total = current = 0.0
    last_scale = 0.0
    for token in _SPLIT.split(chain.strip()):
        word = " ".join(token.split())
        if word in SCALES:
            scale = SCALES[word]
            # خمسة آلاف مليون: five thousand million. The same scale again adds one of it:
            # num2words writes 701,000 as سبعمائة و ألف ألف.
            if current == 0 and total and scale > last_scale:
                total *= scale
            else:
                total += (current or (2.0 if word in STANDING_DUALS else 1.0)) * scale
            current, last_scale = 0.0, scale
        elif word in DUALS:
            total += DUALS[word]
            current, last_scale = 0.0, DUALS[word] / 2
        elif word in FRACTIONS:
            if current == 0 and last_scale and total:
                total += FRACTIONS[word] * last_scale  # مليار ونصف
            else:
                current += FRACTIONS[word]  # نصف مليون, or ثلاثة ونصف
        else:
            current += WORDS[word]
    return total + current


# -- ordinals ----------------------------------------------------------------------------------

_ORDINAL_UNITS = {
    "أول": 1, "أولى": 1, "ثاني": 2, "ثانية": 2, "ثالث": 3, "ثالثة": 3, "رابع": 4, "رابعة": 4, "خامس": 5,
    "خامسة": 5, "سادس": 6, "سادسة": 6, "سابع": 7, "سابعة": 7, "ثامن": 8, "ثامنة": 8, "تاسع": 9,
    "تاسعة": 9, "عاشر": 10, "عاشرة": 10,
}
# The unit of a compound ordinal: الحادي عشر, الحادي والعشرون (and القرن الواحد والعشرين).
_COMPOUND_UNITS = {**{k: v for k, v in _ORDINAL_UNITS.items() if 1 < v < 10}, "حادي": 1, "حادية": 1,
                   "واحد": 1, "واحدة": 1}
_DEFINITE: dict[str, int] = {}
_INDEFINITE: dict[str, int] = {}
for _word, _n in _ORDINAL_UNITS.items():
    _DEFINITE["ال" + _word] = _n
for _word, _n in _COMPOUND_UNITS.items():
    if _n == 1 and _word.startswith("واحد"):
        continue
    for _ten in ("عشر", "عشرة"):
        _DEFINITE[f"ال{_word} {_ten}"] = 10 + _n
        _INDEFINITE[f"{_word} {_ten}"] = 10 + _n
    for _tens, _t in _TENS.items():
        _DEFINITE[f"ال{_word} وال{_tens}"] = _t + _n
for _tens, _t in _TENS.items():
    for _word, _n in (("واحد", 1), ("واحدة", 1)):
        _DEFINITE[f"ال{_word} وال{_tens}"] = _t + _n
# Construct forms without the article, masculine only: ثالث أكبر (third-largest). The
# feminine ثانية is also "a second" of time, so it is left out.
for _word, _n in _ORDINAL_UNITS.items():
    if not _word.endswith("ة") and _word != "أولى":
        _INDEFINITE[_word] = _n
ORDINALS = folded({**_DEFINITE, **_INDEFINITE})
# The tens with the article are ordinals only after a definite noun (القرن العشرين, الذكرى
# الأربعين); elsewhere العشرين is "the twenty" (مجموعة العشرين, the G20).
TENS_ORDINALS = folded({"ال" + k: v for k, v in _TENS.items()})
ORDINAL = rf"(?:{alternation(ORDINALS)}){AFTER}"
TENS_ORDINAL = rf"(?:{alternation(TENS_ORDINALS)}){AFTER}"
_SPACES = re.compile(r"\s+")


def ordinal_value(words: str) -> int:
    key = _SPACES.sub(" ", words.strip())
    return ORDINALS.get(key) or TENS_ORDINALS[key]


# The feminine ordinals that name an hour: الساعة الثالثة, في التاسعة مساء.
HOURS = folded({k: v for k, v in _DEFINITE.items() if 1 < v <= 12 and k.endswith("ة")} | {
    "الواحدة": 1, "الحادية عشرة": 11, "الحادية عشر": 11, "الثانية عشرة": 12, "الثانية عشر": 12})
HOUR_WORD = rf"(?:{alternation(HOURS)}){AFTER}"

__all__ = ["CHAIN", "DUALS", "FRACTIONS", "HOURS", "HOUR_WORD", "ORDINAL", "ORDINALS",
           "SCALES", "SCALE_WORD", "TENS_ORDINAL", "WORDS", "chain_value", "fold", "ordinal_value"]
