"""The canonical article record (articles/<id>.json). Pure: parts in, dict out.

Its shape is tarjama/schemas/article.schema.json; a change to it that a reader would notice
raises SCHEMA_VERSION and the schema with it."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Sequence

from tarjama.ingest import Article, arabic_share

# 2: facts.support, each summary sentence's sources and score (facts/support.py).
# 3: models holds each stage's signature in one format (tarjama/signature.py), facts included,
#    the same whether the sentences were translated or came from the cache.
SCHEMA_VERSION = 3


def article_schema() -> dict[str, Any]:
    """The JSON Schema of the article record, as shipped inside the package."""
    return json.loads(resources.files("tarjama").joinpath("schemas/article.schema.json").read_text(encoding="utf-8"))


def machine_summary(record: dict[str, Any]) -> str:
    """The summary the job wrote, in whichever language the summariser answered."""
    summary = record["summary"]
    return summary.get("en") or summary.get("ar") or ""


def support_for(record: dict[str, Any], summary: str) -> dict[str, Any]:
    """The support of any summary of this article (a reviewer's edit, say) in its sentences:
    the English ones, or the Arabic for a summary written in Arabic."""
    from facts.support import summary_support

    lang = "ar" if arabic_share(summary) >= 0.5 else "en"
    sentences = [segment[lang] for segment in record["segments"]]
    return summary_support(summary, sentences, lang, record.get("published")).to_json()


def machine_support(record: dict[str, Any]) -> dict[str, Any]:
    """The support of the job's summary: as the job stored it, or worked out now for a record
    written before schema 2."""
    stored = record.get("facts", {}).get("support")
    return stored if stored is not None else support_for(record, machine_summary(record))


def build_record(
    article: Article,
    article_id: str,
    title_en: str,
    segments: Sequence[dict[str, Any]],
    summary: dict[str, Any],
    models: dict[str, str],
    facts: dict[str, Any],
    flags: list[dict],
) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article_id,
        "source": {
            "path": article.path,
            "sha256": article.sha256,
            "name": article.source_name,
        },
        "title": {"ar": article.title, "en": title_en},
        "published": article.published,
        "segments": list(segments),
        "summary": summary,
        "facts": facts,
        "flags": flags,
        "models": models,
        "meta": {**article.meta, **({"warnings": list(article.warnings)} if article.warnings else {})},
    }
