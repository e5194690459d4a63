"""The canonical article record (articles/<id>.json). Pure: parts in, dict out."""

from __future__ import annotations

from typing import Any, Sequence

from tarjama.ingest import Article


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
