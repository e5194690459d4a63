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

import re
from dataclasses import dataclass, field
from typing import Sequence

from facts.exonyms import exonyms
from facts.name_spans import (GENERIC, ROMAN, TITLES, Name, arabic_names, english_names, english_tokens, exonym_hits,
                              locate, merge)
from facts.romanise import arabic_skeleton, arabic_words, bare_forms, fold, nisba_stems, romanise, skeleton, without_article

from facts.name_sides import (ARABIC_GENERIC, ARABIC_LETTER, ArabicSide, EnglishSide, Found, Window, _AR_FUNCTION, _AR_PARTICLES, _COMPOUND_FIRST, _JOINERS, _PARTICLES, _best, _name_forms, _word_windows)


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
        candidates = _name_forms(folded)  # never empty: the word itself is no function word
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
    for size in range(min(book.longest, len(words)), 0, -1):  # the longest known phrase first
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
        # Each name is a sure exonym hit or a run of Latin letters (arabic_names), so looking
        # its text up again finds that same hit.
        ids = {entry for _, _, entry, _ in exonym_hits(name.text)}
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
