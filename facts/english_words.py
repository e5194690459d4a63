"""English number words: cardinals as one chain, commas between the groups included ("five
thousand, seven hundred and twenty-two"; "four million, three hundred thousand"), and
ordinals ("fourteenth", "twenty-first", "the 14th", "Abdullah II"). Pure."""

from __future__ import annotations

import re
import string

from facts.trie import trie

_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def lower(text: str) -> str:
    """ASCII letters in lower case, one character for one, so that offsets stay those of the
    text; the readers match on it without re.IGNORECASE, which is several times slower."""
    return text.translate(_LOWER)


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
WORDS: dict[str, float] = {**_UNITS, **_TENS, "hundred": 100, "dozen": 12, "twice": 2}
SCALES: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


_WORD = rf"(?:{trie(WORDS)}|an?\s+(?:hundred|dozen|thousand|million|billion|trillion))\b"
_SCALE = rf"(?:{trie(SCALES)})\b"
# A comma is part of a number only after a scale word: "five thousand, seven hundred".
_AFTER_SCALE = "(?:" + "|".join(f"(?<={s})" for s in SCALES) + ")"
_NEXT = rf"(?:(?:[\s-]+(?:and[\s-]+)?|{_AFTER_SCALE},\s+(?:and\s+)?)(?:{_WORD}|{_SCALE}))"
CHAIN = rf"{_WORD}{_NEXT}*"
# Inside a pattern that can still fail after the number (a measure), a chain of at most eight
# words: a failed match then costs a bounded look at each word, not the rest of the run.
SHORT_CHAIN = rf"{_WORD}{_NEXT}{{0,7}}"
_TOKENS = re.compile(r"[a-z]+")


def chain_value(chain: str) -> float:
    """342 for "three hundred and forty-two"; 4,300,000 for "four million, three hundred thousand"."""
    total = current = 0.0
    last_scale = 0.0
    for word in _TOKENS.findall(chain.lower()):
        if word in ("a", "an", "and"):
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SCALES:
            scale = SCALES[word]
            if current == 0 and total and scale >= last_scale:
                total *= scale  # a thousand million; a thousand thousand is a million too
            else:
                total += (current or 1) * scale
            current, last_scale = 0.0, scale
        else:
            current += WORDS[word]
    return total + current


# -- ordinals ----------------------------------------------------------------------------------

_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
}
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "eightieth": 80, "ninetieth": 90}
ORDINAL_WORDS = {**_ORDINAL_UNITS, **_ORDINAL_TENS, "hundredth": 100, "thousandth": 1000}
_NINE = {k: v for k, v in _ORDINAL_UNITS.items() if v < 10}
ORDINAL = (rf"\b(?:(?:one\s+|a\s+)?hundredth|thousandth|(?:{trie(_TENS)})[\s-](?:{trie(_NINE)})"
           rf"|{trie({**_ORDINAL_UNITS, **_ORDINAL_TENS})})\b")
ROMAN = {"II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12,
         "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20}


def ordinal_value(words: str) -> int:
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p not in ("a", "one")]
    if len(parts) == 2:
        return int(_TENS[parts[0]] + ORDINAL_WORDS[parts[1]])
    return ORDINAL_WORDS[parts[0]]


def hour_value(word: str) -> int | None:
    """An hour said in words: "nine" o'clock; None for a word that is no hour."""
    value = _UNITS.get(word.lower())
    return value if value and value <= 12 else None


HOUR_WORD = rf"(?:{trie({k for k, v in _UNITS.items() if 1 <= v <= 12})})"
