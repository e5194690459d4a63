"""Input files -> Article records (or a failure naming the file and the problem)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterator, Sequence

from tarjama.ingest.decode import DecodeError, arabic_share, decode
from tarjama.ingest.discover import InputError, discover
from tarjama.ingest.records import Article, IngestFailure
from tarjama.ingest.text_page import parse_text_page

__all__ = ["Article", "IngestFailure", "InputError", "read_inputs", "arabic_share"]

# Below this share of Arabic letters an article is not fed to an Arabic model.
MIN_ARABIC_SHARE = 0.3


def _name(path: Path) -> str:
    """A readable id from the file name: word characters (Arabic letters too) and dashes."""
    return re.sub(r"[^\w-]+", "-", path.stem).strip("-_") or "article"


def read_inputs(inputs: Sequence[str | Path], cfg: dict) -> Iterator[Article | IngestFailure]:
    """Stream articles from the inputs, one file at a time, never holding the job."""
    max_bytes = cfg["input"]["max_bytes"]
    for path in discover(inputs, cfg["input"]["include"], cfg["input"]["exclude"]):
        key = str(path)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                yield IngestFailure(key, key, f"file is {size} bytes, over input.max_bytes = {max_bytes}")
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
        parts = parse_text_page(text)
        if not parts.paragraphs:
            yield IngestFailure(key, key, "no article text after removing page furniture")
            continue
        share = arabic_share(" ".join(parts.paragraphs))
        if share < MIN_ARABIC_SHARE:
            yield IngestFailure(
                key, key, f"little or no Arabic ({share:.0%} of letters), not sent to the Arabic model", "skipped"
            )
            continue
        yield Article(
            key=key,
            name=_name(path),
            title=parts.title,
            paragraphs=parts.paragraphs,
            path=key,
            sha256=hashlib.sha256(data).hexdigest(),
            published=None,
            source_name=parts.source_name,
            meta={"scraped": parts.scraped} if parts.scraped else {},
        )
