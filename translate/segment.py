"""Arabic sentence segmentation and model-input normalisation. Pure functions, no models.

Arabic news text ends sentences with . ! ؟ and often ؛ (the Arabic semicolon joins clauses
that a translator handles better apart). A full stop does not end a sentence inside a number
(4.5, 27.09.2022: no space follows), after a one-letter or listed abbreviation (د. for doctor,
U.S.), or after a list number at the start of a line.
"""

from __future__ import annotations

import re
import unicodedata
from seq2seq.pieces import split_long  # noqa: F401  (re-exported: segmentation uses it)

# Abbreviations whose full stop is followed by a space but ends nothing. Lower-cased, no dot.
ABBREVIATIONS = frozenset(
    {
        # Arabic: doctor, engineer, professor, mister, P.O. box, page, number, BCE, AH
        "د", "م", "أ", "ا", "ص", "ب", "ج", "ق", "هـ", "ه", "ت", "ح", "ع", "ش", "س",
        "م.م", "ص.ب", "ق.م", "أ.د", "ج.م.ع",
        # Latin-script abbreviations that turn up in Arabic news
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "jr", "sr", "gen", "col", "lt",
        "u.s", "u.k", "u.n", "e.g", "i.e",
    }
)

# A run of sentence marks. A boundary is such a run, with any closing quotes or brackets
# after it, followed by a space or the end of the line. Found with this one character class
# and checked in Python, never by a pattern that could backtrack through a long run of dots.
_MARKS = re.compile(r"[.!?؟؛…]+")
_CLOSERS = frozenset("\"'»”’)]")
_HAS_WORD = re.compile(r"\w")
# The abbreviation check reads at most this many characters before a full stop: no
# abbreviation (with its brackets and quotes) is longer, and a longer token is none.
ABBREVIATION_WINDOW = 32
_LIST_NUMBER = re.compile(r"[0-9٠-٩]{1,3}")
_NON_SPACE = re.compile(r"\S")


def _is_abbreviation(before: str) -> bool:
    """`before`: at most ABBREVIATION_WINDOW characters before a full stop."""
    token = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    token = token.rstrip(".").lstrip("(\"'«“").lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _is_list_number(before: str) -> bool:
    """`before`: what a line holds before a full stop, leading spaces left out."""
    return bool(_LIST_NUMBER.fullmatch(before))


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences. Line ends always split. Linear in the paragraph:
    each mark is looked at once, and each check reads a bounded window before it."""
    sentences: list[list[str]] = []
    for line in paragraph.splitlines():
        start, first = 0, None
        for match in _MARKS.finditer(line):
            end = match.end()
            while end < len(line) and line[end] in _CLOSERS:
                end += 1
            if end < len(line) and not line[end].isspace():
                continue
            mark = match.group(0)
            if mark.startswith(".") and not mark.startswith(".."):
                at = match.start()
                low = max(start, at - ABBREVIATION_WINDOW)
                window = line[low:at]
                # A token that runs on past the window is longer than any abbreviation.
                cut = low > start and not line[low - 1].isspace() and len(window.split()) <= 1
                if not cut and _is_abbreviation(window):
                    continue
                if first is None:  # once per sentence, however many full stops it skips
                    first = _NON_SPACE.search(line, start).start()
                if at - first <= 3 and _is_list_number(line[first:at]):
                    continue
            _push(sentences, line[start:end])
            start, first = end, None
        _push(sentences, line[start:])
    return ["".join(parts) for parts in sentences]


def _push(sentences: list[list[str]], piece: str) -> None:
    piece = piece.strip()
    if not piece:
        return
    if not _HAS_WORD.search(piece) and sentences:
        # Stray punctuation (a lone quote or dash) belongs to the sentence before it.
        sentences[-1] += [" ", piece]
        return
    sentences.append([piece])


_INVISIBLE = dict.fromkeys(
    [0x0640]  # tatweel: stretches a word on the page, means nothing to a model
    + list(range(0x200B, 0x2010))  # zero-width space/joiners, LRM, RLM
    + list(range(0x202A, 0x202F))  # bidi embeddings and overrides
    + list(range(0x2066, 0x206A))  # bidi isolates
    + [0x061C, 0xFEFF, 0x2060, 0x00AD],  # Arabic letter mark, BOM, word joiner, soft hyphen
)
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """What the model sees: invisible marks removed, Arabic presentation forms folded to
    their base letters (NFKC only there, so digits, punctuation and diacritics elsewhere
    stay as written), whitespace collapsed."""
    text = text.translate(_INVISIBLE)
    text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return _SPACES.sub(" ", text).strip()
