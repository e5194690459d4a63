"""The job ledger: what each input became, under which config, in SQLite beside the outputs.

A row is written only after all of an article's files are in place, in one transaction, so
a run killed at any moment leaves a ledger that never claims more than is on disk.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from tarjama.damaged import write_failed
from tarjama.output_folder import OutputError
from tarjama.sqlite_schema import open_database

MIGRATIONS: list[str] = []
migration = MIGRATIONS.append

migration(
    """
    CREATE TABLE inputs (
        key TEXT PRIMARY KEY,          -- file path, or path#id:ID / path#text:HASH for a record
        article_id TEXT,               -- the article this input produced or points to
        input_sha TEXT,                -- of the input's bytes: the file, or the record of an export
        content_sha TEXT,              -- of the text the models saw
        config_sig TEXT,               -- settings that shape the output
        status TEXT NOT NULL,          -- done | failed | skipped | duplicate
        error TEXT,
        files TEXT,                    -- JSON list of paths relative to the output folder
        title_ar TEXT,
        title_en TEXT,
        segments INTEGER,
        flags INTEGER,
        seconds REAL,
        updated REAL NOT NULL
    );
    CREATE INDEX inputs_article ON inputs(article_id);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """
)

# What the article list and the review page need, so that neither reads every article's
# JSON: the machine summary (and its hash, to see a rerun changed it) and the date.
migration(
    """
    ALTER TABLE inputs ADD COLUMN summary TEXT;
    ALTER TABLE inputs ADD COLUMN summary_sha TEXT;
    ALTER TABLE inputs ADD COLUMN published TEXT;
    CREATE INDEX inputs_listing ON inputs(status, flags, article_id);
    CREATE INDEX inputs_updated ON inputs(updated);
    """
)

# The machine summary's support score (facts.support.score), so the review list can show and
# sort by it without reading every article's JSON. NULL in rows written before it: the list
# then reads that article's file once (review/listing.py).
migration(
    """
    ALTER TABLE inputs ADD COLUMN summary_score REAL;
    """
)


def text_sha(text: str) -> str:
    """The hash that tells whether a machine summary changed (the review page's too)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entry:
    key: str
    article_id: str | None
    input_sha: str | None
    content_sha: str | None
    config_sig: str | None
    status: str
    error: str | None
    files: tuple[str, ...]
    title_ar: str | None
    title_en: str | None
    segments: int | None
    flags: int | None
    seconds: float | None
    summary: str | None = None
    summary_sha: str | None = None
    published: str | None = None
    summary_score: float | None = None


class Ledger:
    def __init__(self, path: Path) -> None:
        self.path = path
        # Every open: WAL lets the review server read while the job writes; FULL, so that a
        # row said written survives a power cut as the files it names do.
        self.db = open_database(path, MIGRATIONS, pragmas=("journal_mode=WAL", "synchronous=FULL"))
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    def reset(self) -> None:
        self.db.execute("DELETE FROM inputs")

    def get(self, key: str) -> Entry | None:
        row = self.db.execute("SELECT * FROM inputs WHERE key = ?", (key,)).fetchone()
        return _entry(row) if row else None

    def done_with(self, content_sha: str, config_sig: str) -> Entry | None:
        """A finished article with this content under this config, from any input."""
        row = self.db.execute(
            "SELECT * FROM inputs WHERE content_sha = ? AND config_sig = ? AND status = 'done' LIMIT 1",
            (content_sha, config_sig),
        ).fetchone()
        return _entry(row) if row else None

    def adopt_positional(self, path: str, key: str, content_sha: str) -> Entry | None:
        """The row an older version wrote for this record under its line number (path#n),
        found by its content and moved to the record's own key, so that an output folder made
        before records were keyed by id keeps its ids, files and reviews."""
        prefix = path + "#"
        for row in self.db.execute(
            "SELECT * FROM inputs WHERE content_sha = ? AND substr(key, 1, ?) = ? AND status IN ('done', 'failed')",
            (content_sha, len(prefix), prefix),
        ).fetchall():
            if row["key"][len(prefix):].isdigit():
                self.db.execute("UPDATE inputs SET key = ? WHERE key = ?", (key, row["key"]))
                return self.get(key)
        return None

    def id_taken(self, article_id: str, key: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM inputs WHERE article_id = ? AND key != ? AND status IN ('done', 'failed') LIMIT 1",
            (article_id, key),
        ).fetchone()
        return row is not None

    def record(self, key: str, status: str, **fields: object) -> None:
        fields = {k: (json.dumps(list(v)) if k == "files" else v) for k, v in fields.items()}
        columns = ["key", "status", "updated", *fields]
        values = [key, status, time.time(), *fields.values()]
        self._write(f"INSERT OR REPLACE INTO inputs ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    values)

    def _write(self, sql: str, values: Sequence[object]) -> None:
        try:
            self.db.execute(sql, values)
        except sqlite3.OperationalError as exc:
            if write_failed(exc):
                raise OutputError(f"{self.path}: cannot write: {exc}; free some space or fix the folder, then run "
                                  "the same command again (what is written is kept)") from exc
            raise

    def done_listing(self) -> Iterator[Entry]:
        """Finished articles, flagged ones first, streamed: one sort however many pages."""
        for row in self.db.execute("SELECT * FROM inputs WHERE status = 'done' ORDER BY flags DESC, article_id"):
            yield _entry(row)

    def done_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM inputs WHERE status = 'done'").fetchone()[0]

    def done_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute(
            "SELECT article_id FROM inputs WHERE status = 'done' ORDER BY article_id")]

    def counts(self) -> dict[str, int]:
        return {row[0]: row[1] for row in self.db.execute("SELECT status, COUNT(*) FROM inputs GROUP BY status")}

    def set_meta(self, key: str, value: object) -> None:
        self._write("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def get_meta(self, key: str) -> object:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None


def _entry(row: sqlite3.Row) -> Entry:
    values = {name: row[name] for name in row.keys() if name in Entry.__dataclass_fields__}
    values["files"] = tuple(json.loads(values["files"])) if values["files"] else ()
    return Entry(**values)
