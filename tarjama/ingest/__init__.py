"""Input files -> Article records (or a failure naming the file and the problem)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterator, Sequence

from tarjama.ingest.decode import DecodeError, arabic_share, decode
from tarjama.ingest.discover import InputError, discover
from tarjama.ingest.formats import Raw, RecordError, read
from tarjama.ingest.metadata import looks_like_fragment, normalise_date, read_dateline
from tarjama.ingest.records import Article, IngestFailure
from tarjama.ingest.text_page import parse_text_page

__all__ = ["Article", "IngestFailure", "InputError", "read_inputs", "arabic_share"]

# Below this share of Arabic letters an article is not fed to an Arabic model.
MIN_ARABIC_SHARE = 0.3


def slug(name: str) -> str:
    """A readable id: word characters (Arabic letters too) and dashes."""
    return re.sub(r"[^\w-]+", "-", name).strip("-_")[:80] or "article"


def read_inputs(inputs: Sequence[str | Path], cfg: dict) -> Iterator[Article | IngestFailure]:
    """Stream articles from the inputs, one file at a time, never holding the job."""
    section = cfg["input"]
    for path in discover(inputs, section["include"], section["exclude"]):
        key = str(path)
        try:
            size = path.stat().st_size
            if size > section["max_bytes"]:
                yield IngestFailure(key, key, f"file is {size} bytes, over input.max_bytes = {section['max_bytes']}")
                continue
            data = path.read_bytes()
        except OSError as exc:
            yield IngestFailure(key, key, f"cannot read: {exc.strerror}")
            continue
        if not data.strip():
            yield IngestFailure(key, key, "empty file")
            continue
        try:
            text, _encoding = decode(data)
        except DecodeError as exc:
            yield IngestFailure(key, key, str(exc))
            continue
        sha = hashlib.sha256(data).hexdigest()
        for raw in read(path, text, section["fields"]):
            if isinstance(raw, RecordError):
                yield IngestFailure(raw.key, key, raw.reason)
            else:
                yield _article(raw, key, sha)


def _article(raw: Raw, path: str, sha: str) -> Article | IngestFailure:
    parts = parse_text_page(raw.text, title=raw.title, lines_are_paragraphs=raw.lines_are_paragraphs)
    where = path if raw.key == path else f"{path} record {raw.key.rpartition('#')[2]}"
    if not parts.paragraphs:
        return IngestFailure(raw.key, path, "no article text after removing page furniture")
    share = arabic_share(" ".join(parts.paragraphs))
    if share < MIN_ARABIC_SHARE:
        return IngestFailure(
            raw.key, path, f"little or no Arabic ({share:.0%} of letters), not sent to the Arabic model", "skipped"
        )
    published = normalise_date(raw.published)
    dateline_date, agency = read_dateline(parts.paragraphs[0])
    warnings = []
    if looks_like_fragment(parts.paragraphs[0]):
        warnings.append(f"{where}: starts mid-sentence; it may be a fragment of a longer story")
    meta = {"scraped": parts.scraped} if parts.scraped else {}
    if raw.url:
        meta["url"] = raw.url
    return Article(
        key=raw.key,
        name=slug(raw.name),
        title=parts.title,
        paragraphs=parts.paragraphs,
        path=path,
        sha256=sha,
        published=published or dateline_date,
        source_name=raw.source_name or parts.source_name or agency,
        meta=meta,
        warnings=tuple(warnings),
    )
