"""Input files -> Article records (or a failure naming the file and the problem)."""

from __future__ import annotations

import hashlib
import itertools
import re
from pathlib import Path
from typing import Iterator, Sequence

from tarjama.ingest.decode import WIDE_BOMS, DecodeError, arabic_share, decode
from tarjama.ingest.discover import InputError, NoFiles, Unreachable, check_inputs, discover
from tarjama.ingest.formats import Raw, RecordError, json_line, position_key, read
from tarjama.ingest.language import not_arabic
from tarjama.ingest.metadata import date_problem, looks_like_fragment, normalise_date, read_dateline
from tarjama.ingest.source_article import Article, IngestFailure
from tarjama.ingest.text_page import parse_text_page

__all__ = ["Article", "IngestFailure", "InputError", "read_inputs", "arabic_share", "check_inputs"]

# Below this share of Arabic letters an article is not fed to an Arabic model.
MIN_ARABIC_SHARE = 0.3


def slug(name: str) -> str:
    """A readable id: word characters (Arabic letters too) and dashes."""
    return re.sub(r"[^\w-]+", "-", name).strip("-_")[:80] or "article"


def read_inputs(inputs: Sequence[str | Path], cfg: dict) -> Iterator[Article | IngestFailure]:
    """Stream articles from the inputs, one file at a time, never holding the job. Whatever
    goes wrong with one input (an OS error, a parser's recursion limit, a bug of ours) is
    that input's failure, with its reason; the rest of the job goes on."""
    section = cfg["input"]
    for found in discover(inputs, section["include"], section["exclude"]):
        if isinstance(found, Unreachable):
            yield IngestFailure(found.path, found.path, found.reason)
            continue
        if isinstance(found, NoFiles):
            patterns = ", ".join(section["include"])
            yield IngestFailure(found.path, found.path, f"no input files in this folder (input.include = {patterns})",
                                "empty")
            continue
        key = str(found)
        try:
            yield from _read_file(found, section)
        except Exception as exc:  # noqa: BLE001 - one input's failure, whatever it is
            yield IngestFailure(key, key, f"cannot read: {_describe(exc)}")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"[:300]


def load_bytes(path: Path, section: dict) -> bytes:
    """An input file's bytes, refusing one over input.max_bytes before reading it."""
    size = path.stat().st_size
    if size > section["max_bytes"]:
        raise RecordError(str(path), f"file is {size} bytes, over input.max_bytes = {section['max_bytes']}")
    return path.read_bytes()


def read_bytes(path: Path, data: bytes, section: dict) -> Iterator[Raw | RecordError]:
    """One input's raw records: decoding, then the format's reader. Raises RecordError for a
    file that cannot be used at all. `tarjama facts` reads through here too."""
    key = str(path)
    if not data.strip():
        raise RecordError(key, "empty file")
    try:
        text, _encoding = decode(data)
    except DecodeError as exc:
        raise RecordError(key, str(exc)) from None
    yield from read(path, text, section["fields"])


JSON_LINES = (".jsonl", ".ndjson")


def _file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stream_json_lines(path: Path, section: dict) -> Iterator[Article | IngestFailure]:
    """A JSON Lines feed, record by record: input.max_bytes applies to each record, so a feed
    may grow without bound, and each record is its own input for resume."""
    key, sha, seen = str(path), _file_sha(path), False
    keys: dict[str, int] = {}
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, start=1):
            if n == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line.strip():
                continue
            seen = True
            if len(line) > section["max_bytes"]:
                yield IngestFailure(position_key(key, "line", n), key,
                                    f"line {n} is {len(line)} bytes, over input.max_bytes = {section['max_bytes']}")
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                yield IngestFailure(position_key(key, "line", n), key, f"line {n} is not UTF-8 (JSON Lines must be)")
                continue
            yield from _articles([json_line(key, path.stem, n, text, section["fields"])], key, sha, keys)
    if not seen:
        yield IngestFailure(key, key, "empty file")


def _read_file(path: Path, section: dict) -> Iterator[Article | IngestFailure]:
    key = str(path)
    if path.suffix.lower() in JSON_LINES:
        with open(path, "rb") as fh:
            head = fh.read(4)
        if not head.startswith(WIDE_BOMS):  # a UTF-16 or UTF-32 export is read whole, through the decoder
            yield from _stream_json_lines(path, section)
            return
    try:
        data = load_bytes(path, section)
        raws = read_bytes(path, data, section)
        first = next(raws, None)
    except RecordError as exc:
        yield IngestFailure(key, key, exc.reason)
        return
    sha = hashlib.sha256(data).hexdigest()
    yield from _articles(itertools.chain([first], raws) if first is not None else (), key, sha)


def _articles(raws, key: str, sha: str, keys: dict[str, int] | None = None) -> Iterator[Article | IngestFailure]:
    """Each raw record as an article, or as that record's failure. `keys` (record key -> its
    line) spans the whole file: a record whose id, or whose title and text when it has no id,
    repeats an earlier one is named and skipped, since two records under one key would write
    each other's files."""
    keys = {} if keys is None else keys
    for raw in raws:
        if isinstance(raw, RecordError):
            yield IngestFailure(raw.key, key, raw.reason)
            continue
        first = keys.setdefault(raw.key, raw.position)
        if first != raw.position:
            what = "the id" if "#id:" in raw.key else "the title and text"
            yield IngestFailure(position_key(key, raw.label, raw.position), key,
                                f"{raw.label} {raw.position} repeats {what} of {raw.label} {first}; "
                                "only the first is read",
                                "skipped")
            continue
        try:
            yield _article(raw, key, sha)
        except Exception as exc:  # noqa: BLE001 - one record's failure
            yield IngestFailure(raw.key, key, f"cannot read: {_describe(exc)}")


def _article(raw: Raw, path: str, sha: str) -> Article | IngestFailure:
    parts = parse_text_page(raw.text, title=raw.title, lines_are_paragraphs=raw.lines_are_paragraphs)
    where = path if raw.key == path else f"{path} record {raw.position}"
    if not parts.paragraphs:
        return IngestFailure(raw.key, path, "no article text after removing page furniture")
    share = arabic_share(" ".join(parts.paragraphs))
    if share < MIN_ARABIC_SHARE:
        return IngestFailure(
            raw.key, path, f"little or no Arabic ({share:.0%} of letters), not sent to the Arabic model", "skipped"
        )
    other = not_arabic(" ".join((parts.title, *parts.paragraphs)))
    if other is not None:
        return IngestFailure(
            raw.key, path, f"{other.name}, not Arabic (identified as {other.code!r}, score {other.score}); "
                           "not sent to the Arabic model", "skipped"
        )
    published = normalise_date(raw.published)
    dateline_date, agency = read_dateline(parts.paragraphs[0])
    warnings = []
    if problem := date_problem(raw.published):
        warnings.append(f"{where}: its date {problem}; left out")
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
        input_sha=raw.record_sha or sha,
    )
