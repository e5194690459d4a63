"""What ingest hands to the runner."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    # Input key: the file path, plus "#n" for the n-th record of a multi-article file.
    key: str
    # Readable, stable id proposed from the file name or record id; the ledger makes it
    # unique within an output folder.
    name: str
    title: str
    paragraphs: tuple[str, ...]
    path: str
    sha256: str  # of the input file's bytes
    published: str | None = None  # ISO date, only when the input states it
    source_name: str | None = None
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    # Things a reader should know but that do not stop the article (a likely fragment).
    warnings: tuple[str, ...] = ()
    # Hash of this article's own input: the file's bytes for a one-article file, the record's
    # for a record of an export, so that appending to a feed leaves earlier records done.
    input_sha: str = ""

    @property
    def content_sha(self) -> str:
        """Hash of what the models see, so the same article from two files (or two
        encodings) is processed once."""
        blob = "\n\n".join((self.title, *self.paragraphs)).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()


@dataclass(frozen=True)
class IngestFailure:
    key: str
    path: str
    reason: str
    # "failed" (unreadable or unusable input: the job exits 1) or "skipped" (readable but not
    # for this job, such as an article with no Arabic).
    status: str = "failed"
