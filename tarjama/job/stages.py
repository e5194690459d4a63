"""The job's stages, each a function from one kind of record to the next (records.py).

The model stages take the engine to run as an argument: the executor (engines.py locally,
ray_executor.py on Ray) decides where a model lives, a stage only what it is given and what it
gives back. Everything here but the engine calls is pure, so the stages are the same on either
executor, and the runner keeps only what must stay in one place: planning, the translation
cache, and committing an article (its files, then its ledger row).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from facts.article import article_facts
from tarjama.job.glossary_flags import term_flags, term_spans
from tarjama.ingest import arabic_share
from tarjama.article_json import build_record
from tarjama.job.stage_records import Failed, Finished, Planned, Segment, Summarised, Translated
from translate import Translation, normalise
from translate.glossary import Glossary


def window_texts(planned: Sequence[Planned]) -> list[str]:
    """Every title and sentence of a window, normalised, each once: what is looked up in the
    cache and translated."""
    return list(dict.fromkeys(
        normalise(text)
        for plan in planned
        for text in (plan.article.title, *(s for _, s in plan.sentences))
        if normalise(text)
    ))


def assemble(plan: Planned, translations: Mapping[str, Translation], glossary: Glossary | None) -> Translated | Failed:
    """An article's sentences beside their English, from the window's translations (keyed by
    the normalised Arabic); Failed when any sentence or the title failed to translate."""
    segments, errors = [], []
    for paragraph, ar in plan.sentences:
        t = translations.get(normalise(ar))
        if t is None:  # a sentence of only invisible marks: nothing to translate
            segments.append(Segment(paragraph, ar, "", None))
            continue
        if t.error:
            errors.append(f"sentence {len(segments) + 1}: {t.error}")
        terms = tuple(term_spans(glossary, ar, t.text)) if glossary else None
        segments.append(Segment(paragraph, ar, t.text, t.score, terms))
    title = translations.get(normalise(plan.article.title))
    if title is not None and title.error:
        errors.append(f"title: {title.error}")
    if errors:
        return Failed(plan, "translation failed: " + errors[0])
    return Translated(plan, title.text if title else "", tuple(segments))


def summarise(summariser, items: Sequence[Translated], source_field: str = "en") -> list[Summarised | Failed]:
    """One summary per article, all of them in one call so the engine can batch. A
    multilingual summariser may read the Arabic itself (summarise.input = "source")."""
    summaries = summariser.summarise([item.texts(source_field) for item in items])
    out: list[Summarised | Failed] = []
    for item, summary in zip(items, summaries):
        if summary.error:
            out.append(Failed(item.planned, "summarisation failed: " + summary.error))
        else:
            out.append(Summarised(item, summary, "ar" if arabic_share(summary.text) >= 0.5 else "en"))
    return out


def tag(tag_both, items: Sequence[Translated]) -> list[tuple[Any, Any]]:
    """Per article: (Arabic entities per sentence, English entities per sentence). Every
    sentence of the window goes to the executor's `tag_both(arabic, english)` in one call;
    (None, None) for each article when entities are off (tag_both is None)."""
    if tag_both is None:
        return [(None, None)] * len(items)
    ar, en = tag_both([t for item in items for t in item.texts("ar")], [t for item in items for t in item.texts("en")])
    out, offset = [], 0
    for item in items:
        end = offset + len(item.segments)
        out.append((ar[offset:end], en[offset:end]))
        offset = end
    return out


def finish(item: Summarised, entities: tuple[Any, Any], glossary: Glossary | None, models: dict[str, Any]) -> Finished:
    """Facts from both languages and the summary, and every flag: numbers or dates lost or
    changed, glossary terms the English lacks."""
    translated = item.translated
    article = translated.planned.article
    facts, flags = article_facts(
        translated.texts("ar"), translated.texts("en"), item.summary.text, article.published,
        entities[0], entities[1], summary_lang=item.language, glossary=glossary,
    )
    if glossary:
        flags += term_flags(translated.segments, article.title,
                            item.summary.text if item.language == "en" else "")
    return Finished(item, facts, tuple(flags), models)


def to_record(finished: Finished, summary_input: str) -> dict[str, Any]:
    """The canonical article record (articles/<id>.json)."""
    item = finished.summarised
    summary = item.summary
    plan = finished.planned
    return build_record(
        plan.article, plan.article_id, item.translated.title_en, [s.to_json() for s in item.translated.segments],
        {"en": summary.text if item.language == "en" else "", "ar": summary.text if item.language == "ar" else "",
         "input": summary_input, "chunks": summary.chunks, "rounds": summary.rounds,
         **({"partial": True} if summary.partial else {})},
        finished.models, finished.facts, list(finished.flags),
    )


def term_counts(finished: Finished) -> tuple[int, int]:
    """(glossary term occurrences found, those the English lacks) in one article."""
    segments = finished.summarised.translated.segments
    applied = sum(len(s.terms or ()) for s in segments)
    missing = sum(1 for f in finished.flags if f["type"] == "term_missing")
    return applied, missing
