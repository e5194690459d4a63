"""Reading the article files a job wrote (OUT/articles/<id>.json), for every reader of an
output folder: the review page, exports, eval. Each file is checked against the schema."""

from __future__ import annotations

import json
from pathlib import Path

from tarjama import article_check


def load_article(out: Path, article_id: str, known: set[str]) -> dict:
    """An article the job wrote, by id. Ids are looked up among the files listed, never
    joined into a path as given, so no request can reach outside the output folder.
    Raises UnreadableArticle when the file is not an article record."""
    if article_id not in known:
        raise KeyError(article_id)
    path = Path(out) / "articles" / f"{article_id}.json"
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise UnreadableArticle(f"{path.name}: {type(exc).__name__}: {exc}") from None
    problem = article_check.problem(record)
    if problem:
        raise UnreadableArticle(f"{path.name}: {problem}")
    return record


class UnreadableArticle(Exception):
    """An articles/*.json that is not an article record (damaged, truncated, hand-edited)."""


def article_ids(out: Path) -> list[str]:
    folder = Path(out) / "articles"
    return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []

