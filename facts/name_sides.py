"""Each side of a sentence pair as the name windows a name is matched against: the Arabic's
words and word pairs (clitics stripped, romanised, reduced to consonant skeletons), and the
English's; with the similarity rules and the lookup of the nearest window. Pure; the checks
that use them are in facts/names.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from facts.exonyms import exonyms
from facts.name_spans import english_tokens, exonym_hits, is_acronym
from facts.romanise import arabic_skeleton, arabic_words, bare_forms, coarse, fold, nisba_stems, romanise, skeleton, without_article


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
            if hit is None:
                return Found("none", 0, 100, None)
            return Found("romanised", 100, 100, Window(hit.text, hit.start, hit.end, "", romanise(hit.folded)))
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


