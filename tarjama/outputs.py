"""Writing what a run produces, every file atomically."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from tarjama import atomic
from tarjama.ledger import Entry
from tarjama.render.html import render_article, render_index
from tarjama.render.markdown import render_markdown


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_article(out: Path, record: dict, formats: Iterable[str], low_score: float) -> list[str]:
    """Write articles/<id>.{json,md,html}; return the paths written, relative to `out`.
    The JSON goes last: its presence means the renderings beside it are complete too."""
    folder = out / "articles"
    article_id = record["id"]
    written = []
    if "md" in formats:
        atomic.write_text(folder / f"{article_id}.md", render_markdown(record))
        written.append(f"articles/{article_id}.md")
    if "html" in formats:
        atomic.write_text(folder / f"{article_id}.html", render_article(record, low_score))
        written.append(f"articles/{article_id}.html")
    atomic.write_text(folder / f"{article_id}.json", dumps(record))
    written.append(f"articles/{article_id}.json")
    return written


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write_index(out: Path, entries: list[Entry], failures: list[dict]) -> None:
    rows = [
        {
            "id": e.article_id,
            "title_ar": e.title_ar,
            "title_en": e.title_en,
            "segments": e.segments,
            "flags": e.flags or 0,
        }
        for e in entries
        if e.status == "done"
    ]
    # Flagged articles first: they are the ones a reviewer must look at.
    rows.sort(key=lambda r: (-r["flags"], r["id"]))
    atomic.write_text(out / "index.html", render_index(rows, failures, now_iso()))


def write_manifest(out: Path, manifest: dict) -> None:
    atomic.write_text(out / "manifest.json", dumps(manifest))
