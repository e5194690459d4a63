"""Where each summary sentence comes from: the article sentences that support it, a support
score in [0, 1], and flags for what the article does not support. Pure, no model.

The method (lexical alignment with the facts already extracted; bench/support_check.py
measures it):
- words are lower-cased, stemmed (Snowball, English or Arabic), and stop words dropped; the
  figures (numbers and dates, as facts/english.py and facts/arabic.py find them) are taken
  out of the words and checked as facts instead;
- a word weighs by how rare it is in the article (inverse sentence frequency), so a
  sentence's subject outweighs the article's every-sentence words, and a word the article
  never uses weighs the most;
- a summary word missing from a sentence but spelled nearly the same there (rapidfuzz ratio
  of at least FUZZY_MIN: Barazani for Barzani, a plural the stemmer missed) counts for its
  similarity;
- the sources: the article sentence that covers most of the summary sentence's weight (word
  pairs in the same order break near-ties), then up to two more, each only when it adds at
  least MIN_GAIN of the weight (a sentence that fuses several);
- a number, date or name the sources lack is taken from another sentence that states it only
  when that sentence shares a word beside it (ANCHOR_WORDS) and adds a word of its own; else
  it is misplaced (the figure of another event) or, stated nowhere, unsupported. A name is
  matched by its last word; one the article's first sentence, or two sentences, name may go
  with any fact;
- the score is the share of the weight its sources cover, times PENALTY for each number, date
  or name they lack;
- a sentence is supported when its score is at least THRESHOLD; the summary's score is the
  mean of its sentences' scores, pulled towards the weakest (SUMMARY_MIN_WEIGHT), since one
  unsupported sentence makes a summary wrong.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Sequence

from rapidfuzz import fuzz, process

from facts import arabic, english
from facts.checks import check_summary
from facts.sentences import split_sentences
from facts.types import FIGURE_JSON, FIGURES, Facts, NumberFact

METHOD = "lexical-1"
THRESHOLD = 0.5
MIN_GAIN = 0.12  # a second or third source must add this share of the weight
MAX_SOURCES = 3
FUZZY_MIN = 85  # rapidfuzz ratio (0-100) for a near spelling to count
ORDER_WEIGHT = 0.1  # word pairs in the source's order: a tie-break between sentences of like cover
ANCHOR_WORDS = 1  # content words each side of a figure or name that tie it to a sentence
# The score is multiplied by this for each number, date or name its sources lack.
PENALTY = {"figure_misplaced": 0.45, "name_misplaced": 0.75, "name_unsupported": 0.6,
           **{f"{kind.removesuffix('s')}_unsupported": 0.45 for kind in FIGURES}}
SUMMARY_MIN_WEIGHT = 0.3
# Figures are claimed numbers first, then dates, then the other kinds, as a reader meets them.
_CLAIM_ORDER = ("numbers", *(kind for kind in FIGURES if kind != "numbers"))

_EN_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each either else ever few for from further had has have having he her
here hers herself him himself his how however i if in into is it its itself just least less like many may me might
more most much must my myself neither no nor not now of off on once one only or other our ours ourselves out over own
per same she should since so some such than that the their theirs them themselves then there these they this those
though through thus to too under until up upon us very was we were what when where whether which while who whom
whose why will with within without would yet you your yours yourself yourselves
said says say saying told tell tells according added adding also mr mrs ms
""".split())
_AR_STOP = frozenset("""
في من على إلى الى عن مع أن إن ان أو او ثم قد لقد كان كانت يكون هذا هذه ذلك تلك التي الذي الذين هو هي هم
كما لكن بين حتى منذ عند بعد قبل خلال كل أي ما لا لم لن وقد وقال قال قالت وأضاف أضاف وأكد أكد وفق وفقا
""".split())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
# Capitalised words that are not names: dates, and the words a sentence starts with.
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split())
_NAME_LINK = frozenset({"al", "el", "bin", "ibn", "abu", "abdul", "de", "van", "von", "of"})


@dataclass(frozen=True)
class SentenceSupport:
    text: str
    score: float
    sources: tuple[int, ...]  # article sentence indices, best first
    supported: bool

    def to_json(self) -> dict:
        return {"text": self.text, "score": self.score, "sources": list(self.sources), "supported": self.supported}


@dataclass(frozen=True)
class Support:
    score: float | None  # None for an empty summary
    sentences: tuple[SentenceSupport, ...] = ()
    flags: tuple[dict, ...] = field(default=(), compare=False)

    def to_json(self) -> dict:
        return {"score": self.score, "method": METHOD, "threshold": THRESHOLD,
                "sentences": [s.to_json() for s in self.sentences]}


# -- words -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stemmers() -> dict:
    import snowballstemmer

    return {"en": snowballstemmer.stemmer("english"), "ar": snowballstemmer.stemmer("arabic")}


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    """The form two words are compared in: lower-cased, stemmed; Arabic letters unified."""
    word = unicodedata.normalize("NFKC", word).lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if _ARABIC.search(word):
        word = _DIACRITICS.sub("", word)
        word = re.sub("[أإآ]", "ا", word).replace("ى", "ي").replace("ة", "ه")
        word = re.sub(r"^(?:و|ف)(?=..)", "", word)
        return _stemmers()["ar"].stemWord(word)
    return _stemmers()["en"].stemWord(word.replace("'", ""))


def _stop(word: str) -> bool:
    lower = word.lower()
    if _ARABIC.search(lower):
        return lower in _AR_STOP or len(lower) < 2
    return lower in _EN_STOP or len(lower) < 2 and not lower.isdigit()


def _words(text: str, blanked: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Content words of a text, normalised, in order; the spans in `blanked` (its figures)
    left out."""
    out = []
    for m in _WORD.finditer(text):
        if any(m.start() < end and m.end() > start for start, end in blanked):
            continue
        if _stop(m.group()) or m.group().isdigit():
            continue
        out.append(_norm(m.group()))
    return out


def _figure_spans(facts: Facts) -> list[tuple[int, int]]:
    return [(f.start, f.end) for kind in FIGURES for f in getattr(facts, kind)]


def _names(text: str, article_lower: frozenset[str], blanked: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, text) of each run of capitalised words that names someone or something
    (English only). The first word of the sentence counts only when the article never writes
    it in lower case; figures ("Eleven firefighters") are not names."""
    names, run = [], []
    for i, m in enumerate(_WORD.finditer(text)):
        word, lower = m.group(), m.group().lower()
        capital = (word[:1].isupper() and lower not in _NOT_NAMES and not _stop(word)
                   and not (i == 0 and lower in article_lower)
                   and not any(m.start() < e and m.end() > s for s, e in blanked))
        if capital or (run and lower in _NAME_LINK):
            run.append(m)
            continue
        if run:
            names.append(run)
        run = []
    if run:
        names.append(run)
    out = []
    for found in names:
        while found and found[-1].group().lower() in _NAME_LINK:
            found.pop()
        if found:
            out.append((found[0].start(), found[-1].end(), text[found[0].start():found[-1].end()]))
    return out


# -- the article, prepared once ----------------------------------------------------------------


@dataclass(frozen=True)
class _Article:
    words: tuple[frozenset[str], ...]
    pairs: tuple[frozenset[tuple[str, str]], ...]
    raw: tuple[tuple[str, ...], ...]  # lower-cased words, for near spellings
    weight: dict[str, float]
    unseen: float  # the weight of a word the article never uses
    lower: frozenset[str]
    facts: tuple[Facts, ...]


def _prepare(sentences: Sequence[str], facts: Sequence[Facts]) -> _Article:
    words = [_words(s, _figure_spans(f)) for s, f in zip(sentences, facts)]
    n = len(sentences)
    df: dict[str, int] = {}
    for ws in words:
        for w in set(ws):
            df[w] = df.get(w, 0) + 1
    unseen = math.log(1 + n)
    weight = {w: math.log(1 + n / (1 + c)) for w, c in df.items()}
    raw = tuple(tuple(dict.fromkeys(m.group().lower() for m in _WORD.finditer(s) if not _stop(m.group())))
                for s in sentences)
    lower = frozenset(m.group() for s in sentences for m in _WORD.finditer(s) if m.group().islower())
    return _Article(tuple(frozenset(ws) for ws in words), tuple(frozenset(zip(ws, ws[1:])) for ws in words), raw,
                    weight, max(unseen, 0.5), lower, tuple(facts))


def _credit(word: str, raw_word: str, j: int, article: _Article) -> float:
    if word in article.words[j]:
        return 1.0
    if len(raw_word) < 4 or not article.raw[j]:
        return 0.0
    found = process.extractOne(raw_word, article.raw[j], scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    return found[1] / 100 if found else 0.0


# -- one summary sentence ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Claim:
    """A number, date or name of a summary sentence, and the article sentences that state it."""

    kind: str  # number | date | name
    text: str
    shown: dict  # as the flag gives it
    holders: tuple[int, ...]
    # Content words beside it in the summary sentence: a sentence that states the figure and
    # shares one of them is telling the same fact ("killing 9 people" / "9 people died").
    anchors: frozenset[str]
    words: frozenset[str] = frozenset()  # a name's own words, normalised


def _anchors(sentence: str, start: int, end: int, blanked: Sequence[tuple[int, int]]) -> frozenset[str]:
    words = [m for m in _WORD.finditer(sentence) if not _stop(m.group()) and not m.group().isdigit()
             and not any(m.start() < e and m.end() > s for s, e in blanked)]
    before = [m for m in words if m.end() <= start][-ANCHOR_WORDS:]
    after = [m for m in words if m.start() >= end][:ANCHOR_WORDS]
    return frozenset(_norm(m.group()) for m in (*before, *after))


def _claims(sentence: str, facts: Facts, article: _Article, english_names: bool) -> list[_Claim]:
    spans = _figure_spans(facts)
    claims = []
    for kind in _CLAIM_ORDER:  # every kind of figure: numbers, dates, times, ordinals, scores, ...
        for figure in getattr(facts, kind):
            if isinstance(figure, NumberFact):  # some extractors give a vague value as an int
                figure = replace(figure, value=float(figure.value))
            alone = Facts(**{kind: (figure,)})
            holders = tuple(j for j, f in enumerate(article.facts) if not check_summary(alone, [f]))
            claims.append(_Claim(kind.removesuffix("s"), figure.text, FIGURE_JSON[kind](figure), holders,
                                 _anchors(sentence, figure.start, figure.end, spans)))
    if english_names:
        for start, end, text in _names(sentence, article.lower, spans):
            # Its last word is the one that tells it apart: a family name ("Mohammed Shia
            # al-Sudani", "Sudani"), not a title ("Governor Kadhim Hamid").
            last = [m.group() for m in _WORD.finditer(text) if m.group().lower() not in _NAME_LINK][-1]
            holders = tuple(j for j in range(len(article.words)) if _credit(_norm(last), last.lower(), j, article) > 0)
            claims.append(_Claim("name", text, {"text": text}, holders, _anchors(sentence, start, end, spans),
                                 frozenset(_norm(m.group()) for m in _WORD.finditer(text))))
    return claims


def _align(sentence: str, facts: Facts, claims: Sequence[_Claim], article: _Article) -> tuple[float, tuple[int, ...]]:
    """(the share of the sentence's weight its sources cover, the sources best first)."""
    spans = _figure_spans(facts)
    pieces = [m for m in _WORD.finditer(sentence)
              if not _stop(m.group()) and not m.group().isdigit()
              and not any(m.start() < e and m.end() > s for s, e in spans)]
    words = [_norm(m.group()) for m in pieces]
    raw = [m.group().lower() for m in pieces]
    if not words or not article.words:
        return 1.0, ()
    first: dict[str, int] = {}
    for i, w in enumerate(words):
        first.setdefault(w, i)
    weights = [article.weight.get(words[i], article.unseen) for i in first.values()]
    total = sum(weights)
    credit = [[_credit(words[i], raw[i], j, article) for i in first.values()] for j in range(len(article.words))]
    pairs = set(zip(words, words[1:]))

    # More sources are chosen for the words they add besides names: a name is taken from
    # another sentence only as a figure is, below.
    named = frozenset().union(*(c.words for c in claims))
    adding = [0.0 if words[i] in named else w for i, w in zip(first.values(), weights)]

    def cover(chosen: Sequence[int], weighted: Sequence[float] = weights) -> float:
        return sum(w * max(credit[j][k] for j in chosen) for k, w in enumerate(weighted)) / total

    def rank(j: int) -> float:
        order = len(pairs & article.pairs[j]) / len(pairs) if pairs else 0.0
        return cover([j]) + ORDER_WEIGHT * order

    chosen = [max(range(len(article.words)), key=lambda j: (rank(j), -j))]
    if cover(chosen) == 0:
        return 0.0, ()
    while len(chosen) < MAX_SOURCES:
        gains = {j: cover([*chosen, j], adding) - cover(chosen, adding) for j in range(len(article.words))
                 if j not in chosen}
        best = max(gains, key=lambda j: (gains[j], -j), default=None)
        if best is None or gains[best] < MIN_GAIN - 1e-9:
            break
        chosen.append(best)
    # A sentence that fuses facts takes its figure or name from the sentence that states it,
    # when that sentence shares a word with the figure's neighbours and gives the summary
    # sentence a word its other sources lack; one that does not ("killed 40" where 40 were
    # injured elsewhere) is another event's figure, and is left to be flagged.
    for claim in claims:
        if len(chosen) >= MAX_SOURCES or set(claim.holders) & set(chosen):
            continue
        fitting = [j for j in claim.holders
                   if claim.anchors & article.words[j] and cover([*chosen, j], adding) > cover(chosen, adding) + 1e-9]
        if fitting:
            chosen.append(max(fitting, key=lambda j: (cover([*chosen, j]), -j)))
    return cover(chosen), tuple(chosen)


def _claim_flag(index: int, claim: _Claim, sources: Sequence[int]) -> dict | None:
    if set(claim.holders) & set(sources) or claim.holders and not sources:  # no sources: nothing to misplace
        return None
    # Who and where the article is about, named in its first sentence or in several, may be
    # named in a summary sentence drawn from any of its sentences ("... to Basra").
    if claim.kind == "name" and (0 in claim.holders or len(claim.holders) >= 2):
        return None
    where = ", ".join(str(j + 1) for j in sources) or "-"
    if claim.holders:
        found = ", ".join(str(j + 1) for j in claim.holders)
        kind = "name" if claim.kind == "name" else "figure"
        return {
            "type": f"summary_{kind}_misplaced", "segment": None, "source": None, "summary": claim.shown,
            "summary_sentence": index, "sources": list(sources), "found_in": list(claim.holders),
            "message": f"summary sentence {index + 1}: «{claim.text}» is not in its sources (sentence {where}) "
                       f"but in sentence {found}: another event's {claim.kind}?",
        }
    return {
        "type": f"summary_{claim.kind}_unsupported", "segment": None, "source": None, "summary": claim.shown,
        "summary_sentence": index,
        "message": f"summary sentence {index + 1}: the {claim.kind} «{claim.text}» is not in the translation",
    }


def sentence_support(index: int, sentence: str, facts: Facts, article: _Article) -> tuple[SentenceSupport, list[dict]]:
    """The support of one summary sentence (its `index` in the summary) and its flags."""
    claims = _claims(sentence, facts, article, english_names=not _ARABIC.search(sentence))
    covered, sources = _align(sentence, facts, claims, article)
    flags = [flag for claim in claims if (flag := _claim_flag(index, claim, sources))]
    score = covered
    for flag in flags:
        score *= PENALTY[flag["type"].removeprefix("summary_")]
    score = round(min(1.0, max(0.0, score)), 3)
    supported = score >= THRESHOLD
    if not supported:
        flags.insert(0, {
            "type": "summary_unsupported", "segment": None, "source": None, "summary": {"text": sentence},
            "summary_sentence": index, "score": score, "sources": list(sources),
            "message": f"summary sentence {index + 1} has support {score:.2f}, below {THRESHOLD}"
                       + (f"; closest: sentence {sources[0] + 1}" if sources
                          else "; no sentence of the article shares its words"),
        })
    return SentenceSupport(sentence, score, sources, supported), flags


# -- the whole summary -------------------------------------------------------------------------


def summary_score(scores: Sequence[float]) -> float | None:
    if not scores:
        return None
    mean = sum(scores) / len(scores)
    return round((1 - SUMMARY_MIN_WEIGHT) * mean + SUMMARY_MIN_WEIGHT * min(scores), 3)


def summary_support(
    summary: str,
    article: Sequence[str],
    lang: str = "en",
    published: str | None = None,
    article_facts: Sequence[Facts] | None = None,
) -> Support:
    """The support of each sentence of `summary` in `article` (its sentences, in order;
    `sources` index into it). `article_facts`, the facts of each article sentence, saves
    extracting them again when the caller has them. `lang`: the language of both."""
    extract = arabic.extract if lang == "ar" else english.extract
    facts = list(article_facts) if article_facts is not None else [extract(s, published) for s in article]
    if len(facts) != len(article):
        raise ValueError(f"{len(facts)} fact sets for {len(article)} article sentences; give one per sentence")
    prepared = _prepare(article, facts)
    results, flags = [], []
    for i, sentence in enumerate(split_sentences(summary)):
        result, found = sentence_support(i, sentence, extract(sentence, published), prepared)
        results.append(result)
        flags += found
    return Support(summary_score([r.score for r in results]), tuple(results), tuple(flags))
