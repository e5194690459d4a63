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

_BOUNDARY = re.compile(r"[.!?؟؛…]+[\"'»”’)\]]*(?=\s|$)")
_LAST_TOKEN = re.compile(r"(\S+)$")
_HAS_WORD = re.compile(r"\w")


def _is_abbreviation(before: str) -> bool:
    match = _LAST_TOKEN.search(before)
    if not match:
        return False
    token = match.group(1).rstrip(".").lstrip("(\"'«“").lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _is_list_number(before: str) -> bool:
    return bool(re.fullmatch(r"\s*[0-9٠-٩]{1,3}", before))


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences. Line ends always split."""
    sentences: list[str] = []
    for line in paragraph.splitlines():
        start = 0
        for match in _BOUNDARY.finditer(line):
            end = match.end()
            piece = line[start:end]
            mark = match.group(0)
            if mark.startswith(".") and not mark.startswith("..") and (
                _is_abbreviation(line[start : match.start()])
                or _is_list_number(line[start : match.start()])
            ):
                continue
            _push(sentences, piece)
            start = end
        _push(sentences, line[start:])
    return sentences


def _push(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if not piece:
        return
    if not _HAS_WORD.search(piece) and sentences:
        # Stray punctuation (a lone quote or dash) belongs to the sentence before it.
        sentences[-1] = f"{sentences[-1]} {piece}"
        return
    sentences.append(piece)


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
