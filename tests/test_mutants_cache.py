"""The translation cache where the mutation run (bench/mutation.py cache) found it unheld: how
long it waits for a busy file, what a damaged file's warning says, how many statements a long
lookup costs, and what a cache that cannot be written does (one warning, no further writes,
other errors still raised). In process, against real SQLite."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from tarjama.cache import TranslationCache


def test_the_cache_waits_half_a_minute_for_a_file_another_job_is_writing(tmp_path):
    cache = TranslationCache(tmp_path, 10)
    assert cache.db.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000
    cache.close()


def _broken_page(path) -> None:
    """A database SQLite opens but whose third page is broken: quick_check says so, the header is sound."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE t (key TEXT PRIMARY KEY, en TEXT NOT NULL, score REAL, used REAL NOT NULL)")
    db.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", [(f"k{i}", "x" * 50, None, i) for i in range(300)])
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096  # SQLite's default page size
    assert len(data) > 3 * page
    data[2 * page:2 * page + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))


def test_a_cache_whose_pages_fail_the_quick_check_is_moved_aside_with_sqlite_s_own_words(tmp_path, monkeypatch,
                                                                                        caplog):
    monkeypatch.setattr("tarjama.cache.time.time", lambda: 1700000000.0)
    path = tmp_path / "translations.sqlite"
    _broken_page(path)
    shutil.copy(path, tmp_path / "copy.sqlite")
    with sqlite3.connect(tmp_path / "copy.sqlite") as db:  # what SQLite says of it, asked apart from the cache
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
    (tmp_path / "copy.sqlite").unlink()
    assert verdict.startswith("*** in database main ***")
    with caplog.at_level("WARNING", logger="tarjama.cache"):
        cache = TranslationCache(tmp_path, 10)
    aside = tmp_path / "translations.corrupt-1700000000.sqlite"
    assert caplog.messages == [f"translation cache {path} is damaged ({verdict}); moved to {aside} and rebuilt"]
    assert cache.get_many(["k1"]) == {}
    cache.close()


@pytest.mark.parametrize("keys,selects", [(1, 1), (500, 1), (501, 2), (1000, 2), (1001, 3)])
def test_a_lookup_asks_sqlite_once_per_500_keys(tmp_path, keys, selects):
    cache = TranslationCache(tmp_path, 5000)
    cache.put_many([(f"k{i}", f"T{i}", None) for i in range(keys)])
    statements: list[str] = []
    cache.db.set_trace_callback(statements.append)
    found = cache.get_many([f"k{i}" for i in range(keys)])
    assert len(found) == keys
    assert sum(s.startswith("SELECT key, en, score FROM t WHERE key IN (") for s in statements) == selects
    cache.close()


def test_a_cache_that_cannot_be_written_warns_once_and_stops_writing(tmp_path, caplog):
    cache = TranslationCache(tmp_path, 10)
    cache.put_many([("k1", "One.", None)])
    used = cache.db.execute("SELECT used FROM t").fetchall()
    cache.db.execute("PRAGMA query_only = ON")  # as a file made read-only under the job: SQLITE_READONLY
    with caplog.at_level("WARNING", logger="tarjama.cache"):
        cache.put_many([("k2", "Two.", None)])
        assert cache.writable is False
        assert cache.get_many(["k1", "k2"]) == {"k1": ("One.", None)}
        cache.put_many([("k3", "Three.", None)])
    assert caplog.messages == [f"translation cache {tmp_path / 'translations.sqlite'} cannot be written (attempt to "
                               "write a readonly database); this run goes on without adding to it"]
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert cache.db.execute("SELECT used FROM t").fetchall() == used  # a lookup no longer marks rows used
    cache.close()


def test_an_error_that_is_not_a_failed_write_is_raised_not_swallowed(tmp_path):
    cache = TranslationCache(tmp_path, 10)
    cache.db.execute("DROP TABLE t")
    with pytest.raises(sqlite3.OperationalError, match="^no such table: t$"):
        cache.put_many([("k1", "One.", None)])
    assert cache.writable is True
    cache.close()


def test_a_lookup_that_finds_rows_marks_them_used_and_only_them(tmp_path, monkeypatch):
    clock = iter(range(1000, 2000))
    monkeypatch.setattr("tarjama.cache.time.time", lambda: float(next(clock)))
    cache = TranslationCache(tmp_path, 10)
    cache.put_many([("a", "A", None), ("b", "B", None)])
    cache.get_many(["a", "missing"])
    assert cache.db.execute("SELECT key, used FROM t ORDER BY key").fetchall() == [("a", 1001.0), ("b", 1000.0)]
    cache.close()
