"""A summary, or an English text given whole, cut into sentences. Pure.

translate/segment.py splits the Arabic the job translates; facts/ may not import it, and a
summary needs other rules: English abbreviations and initials, and the " ." that BART-family
summarisers leave before a full stop.
"""

from __future__ import annotations

import re

# Lower-cased, without their final dot: a full stop after one ends nothing.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "jr", "sr", "gen", "col", "lt", "maj", "capt", "cpl",
    "sgt", "adm", "gov", "sen", "rep", "pres", "rev", "hon", "inc", "corp", "co", "ltd", "dept", "est", "approx",
    "fig", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "e.g", "i.e", "a.m", "p.m", "etc", "al",
})
_BOUNDARY = re.compile(r"\s*[.!?؟]+[\"'»”’)\]]*(?=\s|$)")
_LAST_WORD = re.compile(r"(\S+)$")


def _ends_nothing(before: str, after: str) -> bool:
    word = _LAST_WORD.search(before)
    if not word:  # a stray full stop (a summariser's " . ."): it ends an empty piece, dropped, not glued to the next
        return False
    token = word.group(1).lstrip("(\"'«“").lower()
    if token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token):
        return True
    # An initial ("J. Smith"), but not a one-letter word that ends a sentence ("plan B.").
    if len(token) == 1 and token.isalpha() and token.upper() == word.group(1)[-1:]:
        return bool(re.match(r"\s+[A-Z]", after))
    # The next sentence starts with a capital, a digit, a quote or Arabic; a lower-case word
    # after a full stop is the same sentence ("No. 3 in the list", "approx. five").
    return bool(re.match(r"\s+[a-z]", after))


def split_sentences(text: str) -> list[str]:
    """Sentences of an English (or Arabic) text, in order, stripped; line ends always split."""
    sentences: list[str] = []
    for line in text.splitlines():
        start = 0
        for match in _BOUNDARY.finditer(line):
            if match.group(0).strip().startswith(".") and not match.group(0).strip().startswith("..") \
                    and _ends_nothing(line[start:match.start()], line[match.end():]):
                continue
            piece = (line[start:match.start()].rstrip() + match.group(0).strip()).strip()
            if re.search(r"\w", piece):
                sentences.append(piece)
            start = match.end()
        rest = line[start:].strip()
        if re.search(r"\w", rest):
            sentences.append(rest)
    return sentences
