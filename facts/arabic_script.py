"""Arabic text as the fact readers match it: digits to ASCII and letters folded, one
character for one, so that every offset found is an offset of the text as written.

Folding: the hamza forms of alef (أ إ آ ٱ) to ا, ى to ي, ة to ه, and the Persian ی ک to ي ك.
Scraped news spells the same word all these ways ("أكتوبر", "اكتوبر"; "إحدى", "احدى"), so
every word list here is folded the same way before it is matched."""

from __future__ import annotations

import re
from typing import Iterable

from facts.trie import trie

_FOLD = str.maketrans("أإآٱىةیکۀ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "اااايهيكه01234567890123456789.,")

# Arabic letters and their diacritics: a word boundary is "no Arabic letter on that side".
# Not the whole block: its punctuation (، ؛ ؟ ٪) ends a word, so "2021،" is a year.
LETTERS = "\u0621-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff"
BEFORE = rf"(?<![{LETTERS}\w])"
AFTER = rf"(?![{LETTERS}\w])"
# A conjunction or preposition glued to a word: و, ب, ل, ف, ال, بال, وال, لل.
PREFIX = "(?:[وبلفك]?ال|لل|[وبلفك])?"
_DECIMAL_COMMA = re.compile(r"(?<=\d)،(?=\d)")


def fold(text: str) -> str:
    """Letters folded and digits mapped, one character for one."""
    return text.translate(_FOLD)


def prepare(text: str) -> str:
    """What the readers match: folded, and the Arabic comma between digits read as a
    decimal point (٣٧،١٪ is 37.1%)."""
    return _DECIMAL_COMMA.sub(".", fold(text))


def alternation(names: Iterable[str]) -> str:
    """A regex alternation of folded names (a trie: the longer name wins, "تشرين الأول"
    over "تشرين"; a space matches any white space)."""
    return trie(fold(n) for n in names)


def folded(table: dict) -> dict:
    return {fold(k): v for k, v in table.items()}


def compile_folded(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern written in ordinary spelling, compiled for folded text."""
    return re.compile(fold(pattern), flags)
