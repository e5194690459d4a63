"""Translations kept across jobs, keyed by engine signature and normalised sentence.

SQLite, because it survives kills and is in the standard library. A file that is not a
sound database is moved aside and rebuilt, never trusted. The size is bounded: beyond
`max_entries` the least recently used rows go. A cache that cannot be written (its disk full)
costs speed, not the job: one warning, and the run goes on without adding to it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Iterable, Sequence

from seq2seq.user_cache import user_cache_dir
from tarjama.damaged import write_failed

log = logging.getLogger(__name__)


def default_dir() -> Path:
    return user_cache_dir()


def cache_key(signature: str, sentence: str) -> str:
    return hashlib.sha256(f"{signature}\n{sentence}".encode("utf-8")).hexdigest()


class TranslationCache:
    def __init__(self, folder: Path, max_entries: int) -> None:
        self.path = folder / "translations.sqlite"
        self.max_entries = max_entries
        self.writable = True
        folder.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_name(f"translations.corrupt-{int(time.time())}.sqlite")
            log.warning("translation cache %s is damaged (%s); moved to %s and rebuilt", self.path, exc, aside)
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        try:
            ok = db.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise sqlite3.DatabaseError(ok)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS t (key TEXT PRIMARY KEY, en TEXT NOT NULL, score REAL, used REAL NOT NULL)"
            )
            db.execute("CREATE INDEX IF NOT EXISTS t_used ON t(used)")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get_many(self, keys: Sequence[str]) -> dict[str, tuple[str, float | None]]:
        found: dict[str, tuple[str, float | None]] = {}
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            rows = self.db.execute(
                f"SELECT key, en, score FROM t WHERE key IN ({','.join('?' * len(part))})", part
            ).fetchall()
            found.update({k: (en, score) for k, en, score in rows})
        if found and self.writable:
            now = time.time()
            self._writing(lambda: self.db.executemany("UPDATE t SET used = ? WHERE key = ?",
                                                      [(now, k) for k in found]))
        return found

    def put_many(self, rows: Iterable[tuple[str, str, float | None]]) -> None:
        if not self.writable:
            return
        now = time.time()

        def put() -> None:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany(
                    "INSERT OR REPLACE INTO t (key, en, score, used) VALUES (?, ?, ?, ?)",
                    [(k, en, score, now) for k, en, score in rows],
                )
            self._trim()
        self._writing(put)

    def _writing(self, write) -> None:
        try:
            write()
        except sqlite3.OperationalError as exc:
            if not write_failed(exc):
                raise
            self.writable = False
            log.warning("translation cache %s cannot be written (%s); this run goes on without adding to it",
                        self.path, exc)

    def _trim(self) -> None:
        count = self.db.execute("SELECT COUNT(*) FROM t").fetchone()[0]
        if count > self.max_entries:
            self.db.execute(
                "DELETE FROM t WHERE key IN (SELECT key FROM t ORDER BY used LIMIT ?)",
                (count - self.max_entries,),
            )

    def close(self) -> None:
        self.db.close()
