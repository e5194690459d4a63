"""Where the names are in a sentence, in each language, with or without NER entities. Pure.

English without NER: capitalised spans, cut at titles, months, days and joining words (of,
the, and), the first word of a sentence kept only when it is a known place or group or
begins a name of several words. Arabic has no capitals, so without NER an Arabic name is one
of the exonym table (countries, cities, organisations; facts/exonyms.py), a glossary term
whose English is a name, or a word in Latin letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from facts.exonyms import arabic_key, exonyms
from facts.romanise import arabic_words, bare_forms, without_article

# People's titles and ranks: translated, never part of the name a reader checks.
TITLES = frozenset("""
mr mrs ms miss dr prof president presidents vice prime minister ministers deputy king queen prince princess crown emir
sheikh shaikh sheik imam ayatollah grand pope patriarch archbishop bishop cardinal father saint st lord sir dame
general gen lt lieutenant colonel col major maj captain capt brigadier commander admiral marshal sergeant secretary
ambassador envoy governor senator sen rep representative congressman congresswoman judge speaker chairman
chairwoman chair chief director spokesman spokeswoman spokesperson mayor premier chancellor councillor commissioner
mp mufti sayyid sayed haji hajji mullah coach emperor caliph former late acting interim foreign defence defense
interior finance secretary-general researcher economist activist analyst expert journalist official officials leader
leaders supreme cleric candidate mps lawmaker lawmakers
""".split())
MONTHS_DAYS = frozenset("""
january february march april may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
""".split())
# Era and time marks, and words a sentence starts with: capitalised without being names.
NOT_NAMES = frozenset("""
ah ad bc bce ce gmt utc am pm i ok tv
the a an this that these those he she it they we you his her its their our my your in on at by for from to with
without after before during since until as and but or nor so yet if when while where why how what who whom which
although though because meanwhile however moreover also then now today yesterday tomorrow last next there here some
many most all both each every no not several few more other another such according over under about among between
against despite earlier later still only even just once again thus therefore furthermore besides instead indeed
one two three four five six seven eight nine ten dozens hundreds thousands millions tens
celsius fahrenheit kelvin
""".split())
# Words of organisation and place names that are translated, not transliterated (الحكومة is
# "Government"): a name of only these is looked up whole in the exonym table, never spelt out.
GENERIC = frozenset("""
ministry government council party regional region national united union bank organisation organization democratic
republic republican front forces force army university company agency authority committee court office assembly
parliament movement international world central federal general supreme high state states kingdom nations league
fund programme program commission department institute center centre association federation coalition alliance
corps guard guards revolutionary liberation popular mobilisation mobilization security health education affairs
planning labour labor electricity water agriculture transport communications culture tourism youth sports sport
environment housing industry commerce economy economic development human rights relief humanitarian police
intelligence service services airways airlines air airport port hospital museum mosque church palace house square
street road bridge dam stadium club group news press television radio times post journal network channel media
foundation trust school college academy province governorate district city town village camp valley mountain
mountains mount lake river sea ocean desert island islands peninsula plain field base border crossing east west
north south eastern western northern southern middle upper lower greater old new grand great red white black green
blue holy revolution constitution accord agreement treaty conference summit forum board bureau directorate division
brigade brigades battalion battalions regiment operation operations command special emergency civil public
prosecution prosecutor electoral elections election independent cabinet presidency embassy consulate mission
delegation corporation holding industries petroleum gas energy exporting countries crisis cell protection family
children women refugees refugee food representatives chamber stock exchange market cup championship games prize
award day week year age war spring storm shield freedom peace solidarity reform change bloc list current court
justice law laws oil trade ministers council's cell unit units region's agency's airport's prize football confederation
heritage integrity patriotic strait gulf bay canal cape coast heights strip hills marshes lake oasis province's
olympic asian african european energies energy doctors doctor without borders border observatory trade unions workers
worker labour labor students student teachers teacher journalists journalist writers lawyers judges medical
physicians friends friendship society societies council councils charity aid rescue red crescent cross
volunteers human watch monitor observers experts partners partnership initiative foundation project company's
""".split())
ROMAN = re.compile(r"^[IVX]+$")
_LABEL_NUMBER = re.compile(r"[ \u00a0]?(?:No\.?\s*)?\d")
_PARTICLES = frozenset("al el bin ibn bint ben van von de da di du la le abu".split())
_JOINERS = frozenset("of the and for".split())
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w'’\-]*\w)?")
_STARTS = re.compile(r"(?:^|[.!?:;\n]|\s[-–—]|[\"“«(])[\s\"“«'(]*$")


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int
    kind: str | None = None  # people, organisations, places: from NER; None when guessed
    origin: str = "capitals"  # capitals, ner, exonym, latin, glossary
    # Its first word starts the sentence, so its capital proves nothing ("Singer Fairuz"):
    # checked when it has a counterpart, never flagged for lacking one.
    first_optional: bool = False


@dataclass(frozen=True)
class Tok:
    text: str  # possessive 's dropped
    start: int
    end: int


@lru_cache(maxsize=4096)
def english_tokens(text: str) -> tuple[Tok, ...]:
    out = []
    for m in _TOKEN.finditer(text):
        word, end = m.group(), m.end()
        for tail in ("'s", "’s"):  # a token ends in a letter or digit: never in a bare apostrophe
            if word.endswith(tail) and len(word) > len(tail) + 1:
                word, end = word[: -len(tail)], end - len(tail)
                break
        out.append(Tok(word, m.start(), end))
    return tuple(out)


def _capitalised(word: str) -> bool:
    return word[0].isupper() or bool(re.match(r"(?:al|el|a[nrstdz]h?)-[A-Z]", word))


def _starts_sentence(text: str, start: int) -> bool:
    return bool(_STARTS.search(text[:start]))


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def english_names(text: str) -> list[Name]:
    """Proper names of an English sentence by their capitals (no NER)."""
    tokens = english_tokens(text)
    spans: list[list[Tok]] = []
    current: list[Tok] = []
    for i, tok in enumerate(tokens):
        low = tok.text.lower()
        gap = text[tokens[i - 1].end:tok.start]  # read only once a name has begun, so never at i = 0
        joined = not current or (not gap.strip() and "\n" not in gap)
        particle = low in _PARTICLES and i + 1 < len(tokens) and _capitalised(tokens[i + 1].text)
        usable = _capitalised(tok.text) and low not in TITLES and low not in MONTHS_DAYS and low not in NOT_NAMES
        if (usable or (particle and current)) and joined:
            current.append(tok)
            continue
        if current:
            spans.append(current)
        current = [tok] if usable else []
    if current:
        spans.append(current)
    names = []
    book = exonyms()
    for span in spans:
        while span and span[-1].text.lower() in _PARTICLES:
            span = span[:-1]
        if not span:
            continue
        # One capitalised word before a number labels it ("Resolution 2231", "Article 140",
        # "Route 6"): the number is checked as a figure, and the word is translated, not a name.
        if len(span) == 1 and _LABEL_NUMBER.match(text, span[0].end) and not is_acronym(span[0].text):
            continue
        first = span[0]
        optional = False
        if _starts_sentence(text, first.start) and not is_acronym(first.text):
            # A capital that only starts a sentence: kept when it is a known place or group,
            # or the first word of a name of several words ("Nechirvan Barzani said").
            whole = text[first.start:span[-1].end]
            known = book.english_ids(first.text) or book.english_ids(whole)
            if len(span) == 1 and not known:
                continue
            optional = not known
        names.append(Name(text[first.start:span[-1].end], first.start, span[-1].end, first_optional=optional))
    return names


def locate(entities: Sequence[tuple[str, str]], text: str, origin: str = "ner") -> list[Name]:
    """NER entities (kind, text) placed in the sentence, each occurrence once, in order."""
    out, taken = [], []
    for kind, entity in entities:
        if not entity.strip():
            continue
        at = 0
        while True:
            start = text.find(entity, at)
            if start < 0:
                break
            end = start + len(entity)
            if not any(start < b and end > a for a, b in taken):
                taken.append((start, end))
                out.append(Name(entity, start, end, kind, origin))
                break
            at = start + 1
    return sorted(out, key=lambda n: n.start)


def exonym_hits(text: str, sure_only: bool = True) -> list[tuple[int, int, int, bool]]:
    return [hit for hit in _exonym_hits(text) if not (sure_only and hit[3])]


@lru_cache(maxsize=4096)
def _exonym_hits(text: str) -> tuple[tuple[int, int, int, bool], ...]:
    """(start, end, entry, unsure) for each exonym phrase in an Arabic sentence, longest first,
    not overlapping. A word's clitics are looked through (وبغداد, للأمم المتحدة)."""
    book = exonyms()
    words = arabic_words(text)
    # The word as written first: بابل is Babylon before it is ب + أبل (Apple).
    keys = [list(dict.fromkeys(without_article(f) for f in bare_forms(w.folded))) for w in words]
    hits: list[tuple[int, int, int, bool]] = []
    i = 0
    while i < len(words):
        best = None
        for key in keys[i]:
            for phrase, entry, unsure in book.by_arabic_first.get(key, ()):
                n = len(phrase)
                if i + n > len(words) or (best and n <= best[1]):
                    continue
                if all(phrase[k] in keys[i + k] for k in range(1, n)):
                    best = (entry, n, unsure)
        if best:
            entry, n, unsure = best
            hits.append((words[i].start, words[i + n - 1].end, entry, unsure))
            i += n
        else:
            i += 1
    return tuple(hits)


_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9.&'\-]*(?:\s+[A-Za-z][A-Za-z0-9.&'\-]*)*")


def arabic_names(text: str, glossary=None) -> list[Name]:
    """Names of an Arabic sentence without NER: exonym table hits (everyday words aside),
    glossary terms whose English is a name, and runs of Latin letters."""
    names = [Name(text[s:e], s, e, None, "exonym") for s, e, _, _ in exonym_hits(text)]
    if glossary:
        for m in glossary.find(text):
            if m.entry.english[:1].isupper():
                names.append(Name(text[m.start:m.end], m.start, m.end, None, "glossary"))
    names += _latin_runs(text)
    return _no_overlaps(names)


_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")


def _latin_runs(text: str) -> list[Name]:
    """Runs of Latin letters, less the full stop that ends a sentence after them (CNN.), not
    that of initials (U.S.); one letter alone is a label (الفئة A), not a name."""
    out = []
    for m in _LATIN_RUN.finditer(text):
        run = m.group()
        if run.endswith(".") and not _INITIALS.fullmatch(run.split()[-1]):
            run = run.rstrip(".")
        if len(run) > 1:
            out.append(Name(run, m.start(), m.start() + len(run), None, "latin"))
    return out


def _no_overlaps(names: list[Name]) -> list[Name]:
    """The earlier-listed of two overlapping names wins (NER before the table)."""
    kept: list[Name] = []
    for name in names:
        if not any(name.start < k.end and name.end > k.start for k in kept):
            kept.append(name)
    return sorted(kept, key=lambda n: n.start)


def merge(first: list[Name], second: list[Name]) -> list[Name]:
    return _no_overlaps(first + second)


__all__ = ["GENERIC", "Name", "ROMAN", "TITLES", "arabic_key", "arabic_names", "english_names", "english_tokens",
           "exonym_hits", "is_acronym", "locate", "merge"]
