"""Writing what a run produces, every file atomically."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from tarjama import atomic
from tarjama.ledger import Ledger
from tarjama.output_folder import OutputError
from tarjama.render.html import render_article, render_index
from tarjama.render.markdown import render_markdown


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write(path: Path, text: str) -> None:
    """An output file, atomically; OutputError in one line when the folder will not take it
    (a disk full, a folder made read-only or removed under a running job)."""
    try:
        atomic.write_text(path, text)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}; free some space or fix the folder, then run "
                          "the same command again (what is written is kept)") from exc


def write_article(out: Path, record: dict, formats: Iterable[str], low_score: float) -> list[str]:
    """Write articles/<id>.{json,md,html}; return the paths written, relative to `out`.
    The JSON goes last: its presence means the renderings beside it are complete too."""
    folder = out / "articles"
    article_id = record["id"]
    written = []
    if "md" in formats:
        _write(folder / f"{article_id}.md", render_markdown(record))
        written.append(f"articles/{article_id}.md")
    if "html" in formats:
        _write(folder / f"{article_id}.html", render_article(record, low_score))
        written.append(f"articles/{article_id}.html")
    _write(folder / f"{article_id}.json", dumps(record))
    written.append(f"articles/{article_id}.json")
    return written


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


INDEX_PAGE_ROWS = 1000  # a page a browser opens at once, however large the folder


def index_name(page: int) -> str:
    return "index.html" if page == 1 else f"index-{page}.html"


def write_index(out: Path, ledger: Ledger, failures: list[dict]) -> None:
    """index.html and, past INDEX_PAGE_ROWS articles, index-2.html and on: flagged articles
    first, since those are the ones a reviewer must look at. Read from the ledger a page at a
    time, so the folder's size never sits in memory."""
    total = ledger.done_count()
    pages = max(1, -(-total // INDEX_PAGE_ROWS))
    generated = now_iso()
    entries = ledger.done_listing()
    for page in range(1, pages + 1):
        rows = [
            {"id": e.article_id, "title_ar": e.title_ar, "title_en": e.title_en, "segments": e.segments,
             "flags": e.flags or 0}
            for e in itertools.islice(entries, INDEX_PAGE_ROWS)
        ]
        links = {"previous": index_name(page - 1) if page > 1 else None,
                 "next": index_name(page + 1) if page < pages else None,
                 "pages": [(n, index_name(n)) for n in range(1, pages + 1)] if pages > 1 else []}
        _write(out / index_name(page), render_index(
            rows, failures if page == 1 else [], generated, total=total, page=page, first=(page - 1) * INDEX_PAGE_ROWS + 1,
            links=links))
    # Pages left from a run that had more articles.
    for stale in out.glob("index-*.html"):
        number = stale.stem.removeprefix("index-")
        if number.isdigit() and int(number) > pages:
            stale.unlink()


def write_manifest(out: Path, manifest: dict) -> None:
    _write(out / "manifest.json", dumps(manifest))
