"""Facts and flags for a whole article: per sentence in both languages, and the summary."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from facts import arabic, english
from facts.bounds import check_sentence
from facts.checks import check_summary
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
) -> tuple[dict, list[dict]]:
    """(facts, flags). `sources[i]` and `translations[i]` are sentence i in each language;
    the entity lists, when given, are per sentence too."""
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
    flags += check_summary(summary_facts, source if summary_lang == "ar" else target)
    return facts, flags
