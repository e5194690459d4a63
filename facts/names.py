"""Names checked across the two languages, both ways, sentence by sentence, and the summary's
names against the article. Pure.

A name in the Arabic needs a counterpart in its English (`name_missing` otherwise), a name in
the English one in the Arabic (`name_unexpected` otherwise), and a name in the summary one in
the translation or the source (`summary_name_unexpected`). A counterpart is found, in this
order, through the glossary, the exonym table (countries, cities, organisations, demonyms),
the same Latin letters on both sides, an acronym spelt out in Arabic letters (إف بي آي), and
romanisation: the Arabic romanised (anyascii), clitics stripped, both sides reduced to
consonant skeletons (facts/romanise.py) and compared with rapidfuzz. Each flag and each link
says which method matched, with what score, against which span.

Cost: every comparison is one name word against the words (and word pairs) of its own
sentence, first through a dictionary of skeletons, then one rapidfuzz pass; a sentence's
words are capped (MAX_WORDS), so the check stays linear in the article's length.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from facts.exonyms import exonyms
from facts.name_spans import (GENERIC, ROMAN, TITLES, Name, arabic_names, english_names, english_tokens, exonym_hits,
                              is_acronym, locate, merge)
from facts.romanise import arabic_skeleton, arabic_words, bare_forms, coarse, fold, nisba_stems, romanise, skeleton, without_article

log = logging.getLogger(__name__)

MAX_WORDS = 400  # words of one sentence compared; a longer "sentence" is a segmentation fault
_PARTICLES = frozenset("al el bin ibn bint ben van von de da di du la le".split())
_JOINERS = frozenset("of the and for".split())
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_AR_PARTICLES = frozenset({"بن", "ابن", "بنت", "ال"})
# Words that begin a name of two: عبد الله is Abdullah, أبو ظبي Abu Dhabi, سان فرانسيسكو.
_COMPOUND_FIRST = frozenset("عبد ابو ابي ام ذي ذو دير تل رام بيت عين نيو سان لوس جان عبدال".split())
# Words no name is made of, whatever their letters spell: من is not Yemen's "mn".
_AR_FUNCTION = frozenset("""
من في على الي عن مع ان هذا هذه التي الذي الذين قد لم لن كان كانت بعد قبل بين حتي ثم او كما ضد عند منذ خلال حول
لدي امام مثل غير كل بعض اي ذلك تلك هناك هنا لا ما هو هي هم نحن انه انها عليه عليها فيه فيها منه منها له لها لهم
الا اذا لكن لان حيث يوم عام اليوم امس غدا ايضا جدا فقط
""".split())


def _name_forms(folded: str) -> list[str]:
    """Forms of one Arabic word a name could be: without clitics, never a function word,
    and not with its article when a form without it exists (السوداني is Sudani)."""
    forms = [f for f in bare_forms(folded) if f not in _AR_FUNCTION]
    if len(forms) > 1 and (folded.startswith("ال") or folded.startswith("لل")):
        forms = forms[1:]
    return forms
# Words of Arabic organisation and place names that are translated (folded, no article):
# وزارة is "Ministry", never spelt out in the English.
ARABIC_GENERIC = frozenset("""
اطباء طبيب بلا حدود نقابات نقابه عمال مرصد منتدي جمعيات اصدقاء متطوعين اغاثه انقاذ مجموعه عشرين سبع ثماني عشر
اثنين ثلاث خمس
مفوضيه عليا مستقله انتخابات اتحاد كره قدم وزاره وزير مجلس حزب حركه منظمه هيئه جامعه بنك مركزي شركه نادي قوات
قوه جيش موسسه وكاله محكمه لجنه تيار جبهه ايتلاف كتله اقليم محافظه مدينه مطار مستشفي جمعيه وطني وطنيه ديمقراطي
ديمقراطيه شعبي شعبيه دولي دوليه عالمي عالميه عام عامه اعلي مستقل صحه امن دفاع داخليه خارجيه ماليه نفط كهرباء
تربيه تعليم عدل نزاهه سلام حقوق انسان اغذيه برنامج صندوق نقد مكتب مجموعه فريق منتخب ملعب ساحه شارع جسر سد قصر
بيت ابيض احمر اسود اخضر كبير كبري اوسط شرق غرب شمال جنوب بحر نهر جبل جزيره خليج مضيق قناه معبر سجن مخيم حي
قضاء ناحيه قريه بلده عاصمه دوله جمهوريه مملكه اماره سلطنه ولايه ولايات متحده عربيه اسلاميه اسلامي ثوري ثوريه حرس
فيلق لواء فرقه كتيبه سرايا مقاومه تحرير نواب شيوخ برلمان حكومه رياسه ديوان سفاره قنصليه بعثه وفد تلفزيون اذاعه
صحيفه انباء اخبار موقع مرصد مركز معهد اكاديميه كليه مدرسه مصرف هيئه تحالف ايتلاف ائتلاف مجالس محاكم محافظات
""".split())
# How English letters are read out in Arabic (FBI: إف بي آي), folded as matching folds them.
_LETTERS = {
    "a": ("ايه", "اي"), "b": ("بي",), "c": ("سي",), "d": ("دي",), "e": ("اي", "ي"), "f": ("اف",), "g": ("جي",),
    "h": ("اتش", "اش"), "i": ("اي", "اّي"), "j": ("جي", "جاي"), "k": ("كي", "كاي"), "l": ("ال",), "m": ("ام",),
    "n": ("ان",), "o": ("او",), "p": ("بي",), "q": ("كيو",), "r": ("ار",), "s": ("اس",), "t": ("تي",), "u": ("يو",),
    "v": ("في",), "w": ("دبليو",), "x": ("اكس",), "y": ("واي",), "z": ("زد",),
}


def allowed_edits(a: str, b: str) -> int:
    """Edits (Levenshtein) two skeletons may differ by, from the shorter: none up to two
    consonants, one up to five, two beyond. A name of two consonants (Ali, Omar) must agree."""
    n = min(len(a), len(b))
    return 0 if n <= 2 else 1 if n <= 5 else 2


def needed(a: str, b: str) -> int:
    n = max(len(a), len(b))
    return round(100 * (1 - allowed_edits(a, b) / n)) if n else 100


def similarity(a: str, b: str) -> int:
    """100 less the share of edits: the score a flag shows beside `needed`."""
    if not a or not b:
        return 0
    return round(100 * (1 - Levenshtein.distance(a, b) / max(len(a), len(b))))


class Window(NamedTuple):  # a tuple: thousands are made per article
    text: str
    start: int
    end: int
    skeleton: str
    romanised: str


@dataclass(frozen=True)
class Found:
    method: str  # glossary, exonym, copied, letters, romanised, or none
    score: int
    needed: int
    window: Window | None  # the counterpart (or the nearest candidate when nothing matched)


def _best(skel: str, windows: Sequence[Window], index: dict[str, Window]) -> Found:
    """The window whose skeleton is closest to `skel`: the dictionary first, then rapidfuzz."""
    if not skel:
        return Found("none", 0, 100, None)
    hit = index.get(skel)
    if hit is not None:
        return Found("romanised", 100, needed(skel, skel), hit)
    if len(skel) >= 2:
        hit = index.get("~" + coarse(skel))
        if hit is not None:
            return Found("romanised", similarity(skel, hit.skeleton), needed(skel, hit.skeleton), hit)
    best, best_score = None, -1
    if windows:
        choice = process.extractOne(skel, [w.skeleton for w in windows], scorer=Levenshtein.normalized_similarity)
        if choice:
            best, best_score = windows[choice[2]], similarity(skel, windows[choice[2]].skeleton)
    if best is None or best_score <= 0:  # nothing in common is no candidate worth naming
        return Found("none", 0, 100, None)
    need = needed(skel, best.skeleton)
    close = Levenshtein.distance(skel, best.skeleton) <= allowed_edits(skel, best.skeleton)
    return Found("romanised" if close else "none", best_score, need, best)


def _index(windows: Sequence[Window]) -> dict[str, Window]:
    index: dict[str, Window] = {}
    for w in windows:
        index.setdefault(w.skeleton, w)
        if len(w.skeleton) >= 2:
            index.setdefault("~" + coarse(w.skeleton), w)
    return index


class _Side:
    """One side of a sentence pair: its name windows (`_single`, made once) and their index."""

    @property
    def windows(self) -> list[Window]:
        return self._single[0]

    @property
    def index(self) -> dict[str, Window]:
        return self._single[1]


class ArabicSide(_Side):
    """One Arabic sentence, prepared once for every English name compared with it. Each part
    is built on first use: a sentence whose English names no one is never romanised."""

    def __init__(self, text: str, glossary=None) -> None:
        self.text = text
        self.glossary = glossary
        self._words = arabic_words(text)[:MAX_WORDS]
        self.hits = [(start, end, entry) for start, end, entry, _ in exonym_hits(text, sure_only=False)]

    @cached_property
    def _single(self) -> tuple[list[Window], dict[str, Window]]:
        words, text = self._words, self.text
        windows: list[Window] = []
        for i, w in enumerate(words):
            windows += [Window(w.text, w.start, w.end, skel, r) for skel, r in _word_windows(w.folded)]
            if (i + 1 < len(words) and bare_forms(w.folded)[-1] in _COMPOUND_FIRST
                    and not text[w.end:words[i + 1].start].strip()):
                # Two words read as one name: عبد الله (Abdullah), أبو ظبي.
                both = bare_forms(w.folded)[-1] + without_article(words[i + 1].folded)
                windows.append(Window(text[w.start:words[i + 1].end], w.start, words[i + 1].end,
                                      arabic_skeleton(both), romanise(both)))
        windows = [w for w in windows if w.skeleton]
        return windows, _index(windows)

    @cached_property
    def exonym_spans(self) -> dict[int, tuple[int, int]]:
        spans: dict[int, tuple[int, int]] = {}
        for start, end, entry in self.hits:
            spans.setdefault(entry, (start, end))
        book = exonyms()
        for w in self._words:  # relative adjectives: العراقية is Iraqi
            for stem in nisba_stems(w.folded):
                for entry in book.by_stem.get(stem, ()):
                    spans.setdefault(entry, (w.start, w.end))
        return spans

    @cached_property
    def latin(self) -> dict[str, tuple[int, int]]:
        return {m.group().lower(): (m.start(), m.end()) for m in re.finditer(r"[A-Za-z][A-Za-z0-9\-]*", self.text)}

    @cached_property
    def spelt(self) -> str:
        return fold(re.sub(r"\s+", "", self.text))

    @cached_property
    def terms(self) -> list:
        return self.glossary.find(self.text) if self.glossary else []

    def window_at(self, start: int, end: int) -> Window:
        return Window(self.text[start:end], start, end, "", romanise(self.text[start:end]))

    @cached_property
    def pairs(self) -> tuple[list[Window], dict[str, Window]]:
        """Every two neighbouring words read as one (شي جين بينغ: Xi Jinping; توتال إنرجيز),
        built only when a long English word found no single Arabic word."""
        windows = []
        for w, v in zip(self._words, self._words[1:]):
            if self.text[w.end:v.start].strip():
                continue
            both = bare_forms(w.folded)[-1] + without_article(v.folded)
            windows.append(Window(self.text[w.start:v.end], w.start, v.end, arabic_skeleton(both), romanise(both)))
        return windows, _index(windows)

    @cached_property
    def articled(self) -> tuple[list[Window], dict[str, Window]]:
        """Words that begin with ال read with it, for an English name that begins with Al or
        El itself (ألينا: Alina; الإسكندر: Alexander)."""
        windows = [Window(w.text, w.start, w.end, arabic_skeleton(w.folded), romanise(w.folded))
                   for w in self._words if w.folded.startswith("ال")]
        return windows, _index(windows)

    def counterpart(self, word: str, name_text: str) -> Found:
        """The Arabic for one English word of a name."""
        book = exonyms()
        for m in self.terms:
            if word.lower() in m.entry.english.lower().split() and m.entry.english.lower() in name_text.lower():
                return Found("glossary", 100, 100, self.window_at(m.start, m.end))
        known = book.english_ids(word)
        for entry in known:
            if entry in self.exonym_spans:
                return Found("exonym", 100, 100, self.window_at(*self.exonym_spans[entry]))
        if word.lower() in self.latin:
            return Found("copied", 100, 100, self.window_at(*self.latin[word.lower()]))
        if is_acronym(word) and _spelt_out(word, self.spelt):
            return Found("letters", 100, 100, None)
        skel = skeleton(word)
        if not skel:  # only vowels (Yi, Ai): any Arabic word of only long vowels
            hit = next((w for w in self._words if not arabic_skeleton(w.folded)), None)
            return Found("romanised", 100 if hit else 0, 100,
                         Window(hit.text, hit.start, hit.end, "", romanise(hit.folded)) if hit else None) \
                if hit else Found("none", 0, 100, None)
        found = _best(skel, self.windows, self.index)
        if known and found.method != "none" and found.score < 100:
            # The table knows how Arabic writes this place or body, and the sentence does not
            # write it so: only the same skeleton may stand for it (Lebanon is not ألبروس).
            return Found("none", found.score, 100, found.window)
        if found.method != "none" or known:
            return found
        tries = []
        if "c" in word.lower():  # Turkish c is j: Recep, رجب
            tries.append((skeleton(word.lower().replace("c", "j")), self.windows, self.index))
        if word[:1] in "jJ":  # German, Dutch, Scandinavian j is y: Jens, ينس
            tries.append((skeleton("y" + word[1:]), self.windows, self.index))
        if word.lower().startswith(("al", "el")):
            tries.append((skel, *self.articled))
        if len(skel) >= 4:
            tries.append((skel, *self.pairs))
        for other_skel, windows, index in tries:
            other = _best(other_skel, windows, index)
            if other.method != "none":
                return other
        return found


@lru_cache(maxsize=65536)
def _word_windows(folded: str) -> tuple[tuple[str, str], ...]:
    """(skeleton, romanised) of each form a word could be a name in."""
    return tuple((arabic_skeleton(form), romanise(form)) for form in _name_forms(folded))


def _spelt_out(acronym: str, spelt: str) -> bool:
    """Whether the Arabic reads the acronym out letter by letter (FBI: اف بي اي)."""
    pattern = "".join("(?:" + "|".join(_LETTERS[c]) + ")" for c in acronym.replace(".", "").lower())
    return bool(re.search(pattern, spelt))


class EnglishSide(_Side):
    """One English sentence, prepared once for every Arabic name compared with it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens = english_tokens(text)[:MAX_WORDS]

    @cached_property
    def _single(self) -> tuple[list[Window], dict[str, Window]]:
        text = self.text
        names = [t for t in self._tokens if t.text[0].isupper() or t.text[:3].lower() in ("al-", "el-")]
        windows: list[Window] = []
        for i, t in enumerate(names):
            windows.append(Window(t.text, t.start, t.end, skeleton(t.text), t.text.lower()))
            if i + 1 < len(names) and names[i + 1].start - t.end <= 1:
                both = t.text + names[i + 1].text
                windows.append(Window(text[t.start:names[i + 1].end], t.start, names[i + 1].end, skeleton(both),
                                      both.lower()))
        windows = [w for w in windows if w.skeleton]
        return windows, _index(windows)

    @cached_property
    def exonym_spans(self) -> dict[int, tuple[int, int]]:
        book, tokens, text = exonyms(), self._tokens, self.text
        spans: dict[int, tuple[int, int]] = {}
        for size in (4, 3, 2, 1):  # the longest phrase claims an entry first
            for i in range(len(tokens) - size + 1):
                first, last = tokens[i], tokens[i + size - 1]
                if not first.text[0].isupper() or first.text.lower() == "the":
                    continue
                for entry in book.english_ids(text[first.start:last.end]):
                    spans.setdefault(entry, (first.start, last.end))
        return spans

    def window_at(self, start: int, end: int) -> Window:
        return Window(self.text[start:end], start, end, "", self.text[start:end].lower())


@dataclass(frozen=True)
class Link:
    """A name and its counterpart (None when unmatched: the flag names the nearest candidate)."""
    ar: Name | None
    en: Name | None
    found: Found
    matched: bool
    side: str  # where the name was found: "ar" (checked against the English) or "en"


@dataclass(frozen=True)
class NameCheck:
    links: tuple[Link, ...] = ()
    flags: tuple[dict, ...] = field(default_factory=tuple)


def _name_of(w: Window | None) -> Name | None:
    return Name(w.text, w.start, w.end) if w else None


def _ar_words(name: Name) -> list[tuple[str, str]]:
    """(text, folded) of each word of an Arabic name that carries it: not بن, ابن."""
    return [(w.text, w.folded) for w in arabic_words(name.text) if w.folded not in _AR_PARTICLES]


def find_english(name: Name, ar: ArabicSide, en: EnglishSide, glossary=None) -> Found:
    """The English for an Arabic name: glossary, exonym, same Latin letters, then romanised.
    One word of the name is enough (the English may give a surname alone); its translated
    words (وزارة, الاتحاد) are not spelt out, so a name of only those is not checked."""
    if glossary:
        for m in glossary.find(name.text):
            if _honoured(en.text, m.entry.english):
                at = en.text.lower().find(m.entry.english.lower())
                return Found("glossary", 100, 100, en.window_at(at, at + len(m.entry.english)) if at >= 0 else None)
    for start, end, entry in ar.hits:
        if start < name.end and end > name.start and entry in en.exonym_spans:
            return Found("exonym", 100, 100, en.window_at(*en.exonym_spans[entry]))
    if not ARABIC_LETTER.search(name.text):  # written in Latin letters in the Arabic: CNN
        at = en.text.lower().find(name.text.lower())
        if at >= 0:
            return Found("copied", 100, 100, en.window_at(at, at + len(name.text)))
        return _best(skeleton(name.text), en.windows, en.index)
    book = exonyms()
    words = [w for w in _ar_words(name)
             if not any(without_article(f) in ARABIC_GENERIC for f in bare_forms(w[1])) and w[1] not in _AR_FUNCTION]
    if not words:
        return Found("unchecked", 0, 0, None)
    best = Found("none", 0, 100, None)
    if len(words) > 1:  # all its words as one English word: توتال إنرجيز, TotalEnergies
        whole = _best(arabic_skeleton("".join(without_article(f) for _, f in words)), en.windows, en.index)
        if whole.method != "none":
            return whole
    for i, (_, folded) in enumerate(words):
        for stem in nisba_stems(folded):
            for entry in book.by_stem.get(stem, ()):
                if entry in en.exonym_spans:
                    return Found("exonym", 100, 100, en.window_at(*en.exonym_spans[entry]))
        candidates = _name_forms(folded) or [folded]
        if i + 1 < len(words) and bare_forms(folded)[-1] in _COMPOUND_FIRST:
            candidates.append(bare_forms(folded)[-1] + without_article(words[i + 1][1]))
        for form in candidates:
            found = _best(arabic_skeleton(form), en.windows, en.index)
            if found.method != "none":
                return found
            if found.score > best.score:
                best = found
    return best


def _honoured(english: str, term: str) -> bool:
    """Whether the English carries a glossary term's English (as translate/glossary.py reads it)."""
    words = [re.escape(w) for w in term.split()]
    return bool(re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", english, re.IGNORECASE))


def _words(name: Name) -> list[tuple[str, int, int]]:
    """The words of an English name, a hyphenated one in its parts (Jean-Pierre, Hennis-
    Plasschaert: two Arabic words), al- and el- kept with what follows."""
    out = []
    for t in english_tokens(name.text):
        at = name.start + t.start
        parts = re.split(r"(?<!^al)(?<!^el)-", t.text, flags=re.IGNORECASE)
        for part in parts:
            if part and (len(parts) == 1 or part[0].isupper() or part[:3].lower() in ("al-", "el-")):
                out.append((part, at, at + len(part)))
            at += len(part) + 1
    return out


def _required(name: Name, words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The words that must each have a counterpart: all but titles, particles and regnal
    numbers (Abdullah II: الثاني), and for an organisation or place (or a guessed name) the
    translated words (Ministry, United) too."""
    out = []
    for word in words:
        low = word[0].lower()
        if low in TITLES or low in _PARTICLES or low in _JOINERS or ROMAN.match(word[0]) or re.search(r"\d", low):
            continue  # a digit: G20, F-16, COVID-19 are not spelt in Arabic letters
        if name.kind != "people" and (low in GENERIC or (low.endswith("s") and low[:-1] in GENERIC)):
            continue
        out.append(word)
    return out


def find_arabic(name: Name, ar: ArabicSide) -> tuple[bool, Found, str]:
    """(matched, the weakest word's result, that word) for an English name. A known phrase
    inside it (the World Bank, New York) is looked up whole first."""
    book = exonyms()
    words = _words(name)
    done: dict[int, Found] = {}
    absent = None
    for size in range(min(4, len(words)), 0, -1):  # the longest known phrase first
        for i in range(len(words) - size + 1):
            if any(k in done for k in range(i, i + size)):
                continue
            phrase = name.text[words[i][1] - name.start:words[i + size - 1][2] - name.start]
            ids = book.english_ids(phrase)
            hit = next((e for e in ids if e in ar.exonym_spans), None)
            if hit is not None:
                found = Found("exonym", 100, 100, ar.window_at(*ar.exonym_spans[hit]))
                done.update({k: found for k in range(i, i + size)})
            elif ids and size > 1 and absent is None:
                absent = phrase
    required = _required(name, words)
    if not required and len(done) < len(words):
        if absent or book.english_ids(name.text):  # a known name (the World Bank) the Arabic lacks
            return False, Found("exonym", 0, 100, None), absent or name.text
        if not done:
            return True, Found("unchecked", 0, 0, None), name.text  # only translated words
    results = []
    for k, word in enumerate(words):
        if k in done:
            results.append((done[k], word[0]))
        elif word in required:
            results.append((ar.counterpart(word[0], name.text), word[0]))
    misses = [(f, w) for f, w in results if f.method == "none"]
    if name.first_optional and misses and misses[0][1] == words[0][0] and len(results) > 1:
        results = [r for r in results if r[1] != words[0][0]]
        misses = misses[1:]
    if misses:
        f, w = min(misses, key=lambda fw: fw[0].score)
        return False, f, w
    spans = [f.window for f, _ in results if f.window]
    if spans:
        start, end = min(s.start for s in spans), max(s.end for s in spans)
        window = spans[0] if end - start > 60 else ar.window_at(start, end)
    else:
        window = None
    methods = list(dict.fromkeys(f.method for f, _ in results)) or ["unchecked"]
    return True, Found("+".join(methods), min((f.score for f, _ in results), default=0),
                       max((f.needed for f, _ in results), default=0), window), name.text


def _nearest(found: Found, romanised: bool) -> str:
    if found.window is None:
        return "nothing near it"
    shown = f"«{found.window.text}»" + (f" ({found.window.romanised})" if romanised and found.window.romanised else "")
    return f"nearest {shown}, {found.score} of {found.needed} needed"


def _match(found: Found) -> dict:
    return {"method": found.method, "score": found.score, "needed": found.needed}


def check_sentence_names(
    index: int, ar_text: str, en_text: str,
    ar_entities: Sequence[tuple[str, str]] | None = None,
    en_entities: Sequence[tuple[str, str]] | None = None,
    glossary=None, ar_side: ArabicSide | None = None,
) -> NameCheck:
    """Links and flags for one sentence pair. Entities, when given, are NER output for this
    sentence, (kind, text) as facts/entities.py gives them; the exonym table, Latin words and
    glossary add to the Arabic ones either way."""
    if not ar_text.strip() or not en_text.strip():
        return NameCheck()
    ar = ar_side or ArabicSide(ar_text, glossary)
    en = EnglishSide(en_text)
    ar_names = merge(locate(ar_entities, ar_text) if ar_entities else [], arabic_names(ar_text, glossary))
    en_names = locate(en_entities, en_text) if en_entities is not None else english_names(en_text)
    links: list[Link] = []
    flags: list[dict] = []
    for name in ar_names:
        found = find_english(name, ar, en, glossary)
        matched = found.method != "none"
        links.append(Link(name, _name_of(found.window) if matched else None, found, matched, "ar"))
        if not matched and name.origin != "glossary":  # a glossary term gets term_missing instead
            r = romanise(name.text)
            flags.append({
                "type": "name_missing", "segment": index,
                "source": {"text": name.text, "romanised": r},
                "translation": {"text": found.window.text} if found.window else None,
                "match": _match(found),
                "message": f"«{name.text}» ({r}) has no counterpart in the English; {_nearest(found, False)}",
            })
    for name in en_names:
        matched, found, word = find_arabic(name, ar)
        links.append(Link(_name_of(found.window) if matched else None, name, found, matched, "en"))
        if not matched:
            which = f"«{word}» of «{name.text}»" if word != name.text else f"«{name.text}»"
            flags.append({
                "type": "name_unexpected", "segment": index,
                "source": ({"text": found.window.text, "romanised": found.window.romanised}
                           if found.window else None),
                "translation": {"text": name.text, "word": word},
                "match": _match(found),
                "message": f"{which} has no counterpart in the Arabic; {_nearest(found, True)}",
            })
    return NameCheck(tuple(links), tuple(flags))


def check_summary_names(summary: str, translations: Sequence[str], sources: Sequence[ArabicSide],
                        summary_lang: str = "en") -> list[dict]:
    """`summary_name_unexpected` for each summary name that neither the translation nor the
    Arabic source has. An Arabic summary's names (exonym table, Latin words) are looked up
    in the source."""
    if not summary.strip():
        return []
    if summary_lang == "ar":
        return _arabic_summary(summary, sources)
    book = exonyms()
    words = {t.text.lower() for text in translations for t in english_tokens(text)}
    english: EnglishSide | None = None  # the whole translation, built only when a name needs it
    flags = []
    for name in english_names(summary):
        required = _required(name, _words(name))
        if required and all(word.lower() in words for word, _, _ in required):
            continue
        if english is None:
            english = EnglishSide(" ".join(translations))
        if book.english_ids(name.text) & english.exonym_spans.keys() or not required:
            continue
        missing = []
        for word, _, _ in required:
            if word.lower() in words or book.english_ids(word) & english.exonym_spans.keys():
                continue
            found = _best(skeleton(word), english.windows, english.index)
            if found.method != "none" and found.score >= 90:
                continue
            if any(side.counterpart(word, name.text).method != "none" for side in sources):
                continue
            missing.append((word, found))
        if missing:
            word, found = missing[0]
            flags.append({
                "type": "summary_name_unexpected", "segment": None, "source": None,
                "summary": {"text": name.text, "word": word},
                "translation": {"text": found.window.text} if found.window else None,
                "match": _match(found),
                "message": f"the summary's «{word}» is in neither the translation nor the Arabic; "
                           f"{_nearest(found, False)}",
            })
    return flags


def _arabic_summary(summary: str, sources: Sequence[ArabicSide]) -> list[dict]:
    present = set()
    for side in sources:
        present |= side.exonym_spans.keys()
        present |= {w.romanised for w in side.windows}
    flags = []
    for name in arabic_names(summary):
        ids = {entry for _, _, entry, _ in exonym_hits(name.text, sure_only=False)}
        if ids & present or romanise(fold(name.text)) in present:
            continue
        flags.append({
            "type": "summary_name_unexpected", "segment": None, "source": None,
            "summary": {"text": name.text, "word": name.text}, "translation": None,
            "match": {"method": "none", "score": 0, "needed": 100},
            "message": f"the summary's «{name.text}» is not in the Arabic source",
        })
    return flags


def link_json(index: int, link: Link) -> dict:
    """One name and its counterpart, for the article's facts (the review page marks them)."""
    def span(n: Name | None) -> dict | None:
        return {"text": n.text, "start": n.start, "end": n.end} if n else None

    return {"sentence": index, "ar": span(link.ar), "en": span(link.en), "method": link.found.method,
            "score": link.found.score, "matched": link.matched, "side": link.side}


def clear_caches() -> None:
    """Forget every word and sentence seen (the exonym table stays): for a benchmark that
    must not time a repeated article as a known one."""
    from facts import name_spans, romanise

    for fn in (romanise._fold_word, romanise.arabic_words, romanise.bare_forms, romanise.nisba_stems,
               romanise.romanise, romanise.skeleton, romanise.coarse, romanise.arabic_skeleton,
               name_spans.english_tokens, name_spans._exonym_hits, _word_windows):
        fn.cache_clear()
    exonyms()._english_ids.cache_clear()
