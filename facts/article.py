"""Facts and flags for a whole article: per sentence in both languages, and the summary."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from facts import arabic, english
from facts.bounds import check_sentence
from facts.names import ArabicSide, check_sentence_names, check_summary_names, link_json
from facts.support import summary_support
from facts.types import Facts, to_json


def _merge(per_sentence: Sequence[Facts]) -> dict:
    merged: dict[str, list] = {}
    for index, facts in enumerate(per_sentence):
        for kind, items in to_json(facts, sentence=index).items():
            merged.setdefault(kind, []).extend(items)
    return merged or to_json(Facts())


Entities = Sequence[Sequence[tuple[str, str]]]


def with_entities(facts: Facts, entities: Sequence[tuple[str, str]]) -> Facts:
    """Add (kind, text) entity pairs, each once, in order of appearance."""
    by_kind: dict[str, list[str]] = {"people": [], "organisations": [], "places": []}
    for kind, text in entities:
        if kind in by_kind and text not in by_kind[kind]:
            by_kind[kind].append(text)
    return replace(facts, **{k: tuple(v) for k, v in by_kind.items()})


def article_facts(
    sources: Sequence[str],
    translations: Sequence[str],
    summary: str,
    published: str | None,
    source_entities: Entities | None = None,
    translation_entities: Entities | None = None,
    summary_lang: str = "en",
    glossary=None,
) -> tuple[dict, list[dict]]:
    """(facts, flags). `sources[i]` and `translations[i]` are sentence i in each language;
    the entity lists, when given, are per sentence too. facts["support"] is where each summary
    sentence comes from (facts/support.py), its flags among the flags; `facts["names"]` links
    each name to its counterpart in the other language (facts/names.py); a glossary helps it
    match."""
    source = [arabic.extract(s, published) for s in sources]
    target = [english.extract(t, published) for t in translations]
    if source_entities is not None:
        source = [with_entities(f, e) for f, e in zip(source, source_entities)]
    if translation_entities is not None:
        target = [with_entities(f, e) for f, e in zip(target, translation_entities)]
    # A summary of the Arabic source (a multilingual summariser) is checked against the source.
    summary_facts = (arabic if summary_lang == "ar" else english).extract(summary, published)
    facts = {"source": _merge(source), "translation": _merge(target), "summary": to_json(summary_facts)}
    flags = [flag for i, (s, t) in enumerate(zip(source, target)) for flag in check_sentence(i, s, t)]
    # Each summary sentence against the sentences it was written from, then the whole article.
    support = summary_support(summary, sources if summary_lang == "ar" else translations, summary_lang, published,
                              source if summary_lang == "ar" else target)
    facts["support"] = support.to_json()
    # A name of the summary found nowhere in the article is the name check's
    # summary_name_unexpected below, matched through romanisation and exonyms; support's own
    # word-level verdict on it would say the same thing twice.
    flags += [f for f in support.flags if f["type"] != "summary_name_unsupported"]
    sides = [ArabicSide(s, glossary) for s in sources]
    links = []
    for i, (s, t) in enumerate(zip(sources, translations)):
        names = check_sentence_names(i, s, t, source_entities[i] if source_entities is not None else None,
                                     translation_entities[i] if translation_entities is not None else None,
                                     glossary, sides[i])
        links += [link_json(i, link) for link in names.links]
        flags += names.flags
    flags += check_summary_names(summary, translations, sides, summary_lang)
    facts["names"] = links
    return facts, flags
