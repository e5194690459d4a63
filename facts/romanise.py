"""How a name looks once the script is out of the way: Arabic words folded, stripped of the
clitics glued to them, romanised (anyascii), and both languages reduced to a consonant
skeleton that survives the usual ways a name is spelt across the two. Pure.

Arabic writes no short vowels and foreign names are written by sound, so "Nechirvan" and
نيجيرفان share little but their consonants: n-ch/j-r-v/f-n. The skeleton keeps consonants in
classes that transliteration swaps freely (p/b, v/f, g/gh/j, k/q/c/kh, sh/ch, th/t, dh/d/z)
and drops vowels, h at the end of a word (ة), the glottal stop and ʿayn, w and y (both
Arabic's long vowels and consonants).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه",
                          "گ": "ك", "ک": "ك", "ی": "ي"})
ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0670\u0640\u064b-\u0652\u066e-\u06d3]+")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’.\-]*")

# A conjunction, then a preposition with the article, the article alone, or a preposition
# alone: the ways Arabic glues و ف ب ك ل ال لل to the front of a name. Longest first.
_PREFIXES = ("وبال", "وكال", "وفال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
             "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
# The relative adjective (nisba) and its plural and dual endings: عراقي, العراقية, السوريين.
_NISBA = ("يين", "يون", "يات", "يتين", "يتان", "يان", "يه", "ي")


@dataclass(frozen=True)
class Word:
    text: str  # as written
    start: int
    end: int
    folded: str


def fold(text: str) -> str:
    """Arabic as matching sees it: no diacritics or tatweel, one alef, ه for ة, ي for ى."""
    return _DIACRITICS.sub("", text).translate(_LETTERS)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=4096)
def arabic_words(text: str) -> tuple[Word, ...]:
    return tuple(Word(m.group(), m.start(), m.end(), _fold_word(m.group())) for m in ARABIC_WORD.finditer(text))


@lru_cache(maxsize=65536)
def bare_forms(folded: str) -> tuple[str, ...]:
    """The word and what is left of it after each clitic prefix that leaves at least three
    letters (بغداد stays a candidate as well as غداد: a lookup tries both)."""
    forms = [folded]
    for prefix in _PREFIXES:
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 3:
            forms.append(folded[len(prefix):])
    # ال in the middle of a compound spelt as one word (عبدالله) is the article too.
    return tuple(dict.fromkeys(forms))


def without_article(folded: str) -> str:
    return folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded


@lru_cache(maxsize=65536)
def nisba_stems(folded: str) -> tuple[str, ...]:
    """Stems of a relative adjective: العراقية -> عراق; السوريين -> سور. Three letters at least."""
    stems = []
    for form in bare_forms(folded):
        for ending in _NISBA:
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                stem = form[: -len(ending)]
                stems.append(stem)
                if stem.endswith("و") and len(stem) >= 4:  # آسيوي, النمساوي: a و before the ending
                    stems.append(stem[:-1])
                    if stem.endswith("او") and len(stem) >= 5:
                        stems.append(stem[:-2])
                break
    return tuple(dict.fromkeys(stems))


def place_stems(folded: str) -> tuple[str, ...]:
    """Stems a place's relative adjective is made from: سوريا -> سور, السعودية -> سعود,
    العراق -> عراق; ألمانيا both as written and as if its أل were the article."""
    stems = []
    for word in dict.fromkeys((folded, without_article(folded))):
        for ending in ("يه", "يا", "ا", "ه"):
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
        stems.append(word)
    return tuple(stems)


@lru_cache(maxsize=65536)
def romanise(text: str) -> str:
    """Latin letters for any script, lower case (anyascii: ع -> `, ء -> ', ش -> sh)."""
    return anyascii(unicodedata.normalize("NFC", text)).lower()


# Order matters: digraphs before their letters.
_SKELETON_RULES = [
    (re.compile(r"[`'’ʿʾ\-\s.]"), ""),
    (re.compile(r"\|+"), "|"),
    (re.compile(r"t\|sh"), "x"),  # تش: ch (Chad, Chirac)
    (re.compile(r"t\|s"), "s"),  # تس: German z (Scholz), ts
    (re.compile(r"d\|j"), "j"),
    (re.compile(r"n\|gh?$"), "n"),  # نغ, نج at the end: ng (Wang, Jinping)
    (re.compile(r"sch|sh|ch|zh|ş|š"), "x"),
    (re.compile(r"cques$"), "k"),  # French: Jacques is جاك, its s unsaid
    (re.compile(r"kh|ck|q|c(?=[aoukrltq]|$)|k"), "k"),  # a c before q is hard: Jacqueline
    (re.compile(r"c"), "s"),  # a soft c (Cyprus, Francis)
    (re.compile(r"ng(?=[^aeiouy]|$)"), "n"),  # Washington: واشنطن writes no g
    (re.compile(r"dj|gh|g|j"), "j"),
    (re.compile(r"ph|v|f"), "f"),
    (re.compile(r"p|b"), "b"),
    (re.compile(r"ts|tz|ds|z"), "s"),  # German z is ts (Scholz: شولتس); ز is z
    (re.compile(r"th|tt"), "t"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"h$"), ""),
    (re.compile(r"h(?=\|?$)"), ""),
    (re.compile(r"[aeiouyw|]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]
# Classes that transliteration between Persian, Arabic and English also crosses (عراقجي is
# Araghchi: ق as gh, ج as ch; خيسوس is Jesus): compared only for an exact match.
_COARSE = str.maketrans({"j": "k", "x": "k", "d": "t"})


@lru_cache(maxsize=65536)
def skeleton(latin: str) -> str:
    """Consonant classes of a romanised or English word: "Nechirvan" -> nxrfn,
    نيجيرفان (nyjyrfn) -> njrfn; "Baghdad" and بغداد -> bjdd -> bjd."""
    s = anyascii(latin).lower()
    s = re.sub(r"^[ae][lnrstdz]h?-", "", s)  # al-, el-, as-, ash- (the article, sun letters)
    s = re.sub(r"^(abd)(?:[aeiou]l-?|-)", r"\1", s)  # Abdel, Abdul-, Abd-: عبد before a name
    s = re.sub(r"^x(?=[aeiou])", "sh", s)  # Xi, Xinjiang: an initial x is sh (شي)
    s = s.replace("x", "ks")
    for pattern, repl in _SKELETON_RULES:
        s = pattern.sub(repl, s)
    return s


@lru_cache(maxsize=65536)
def coarse(skel: str) -> str:
    """Coarser classes, and no h after the first letter (إسحاق: Isaac)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"(?<=.)h", "", skel.translate(_COARSE)))


@lru_cache(maxsize=65536)
def arabic_skeleton(folded: str) -> str:
    """The skeleton of an Arabic word, romanised letter by letter so that two letters are
    never read as one: تحرير is t-h-r-y-r (Tahrir), not th-r-y-r."""
    return skeleton("|".join(romanise(ch) for ch in folded))
