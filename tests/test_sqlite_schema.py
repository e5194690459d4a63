"""Opening an SQLite file at its schema version: each migration with its number or not at
all, a current file left alone, a newer one refused, a damaged one named."""

from __future__ import annotations

import sqlite3

import pytest

from tarjama.damaged import DamagedDatabase
from tarjama.sqlite_schema import NewerSchema, open_database, schema_version

MIGRATIONS = ["CREATE TABLE a (x INTEGER)", "ALTER TABLE a ADD COLUMN y TEXT", "CREATE TABLE b (z TEXT)"]


def _tables(db: sqlite3.Connection) -> list[str]:
    return [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def test_a_new_file_gets_every_migration_and_a_second_open_adds_none(tmp_path):
    path = tmp_path / "sub" / "x.sqlite"
    db = open_database(path, MIGRATIONS[:2])
    assert (schema_version(db), _tables(db)) == (2, ["a"])
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute("INSERT INTO a VALUES (1, 'kept')")
    db.close()
    db = open_database(path, MIGRATIONS)  # an upgrade runs only the new one
    assert (schema_version(db), _tables(db), db.execute("SELECT * FROM a").fetchall()) == (3, ["a", "b"], [(1, "kept")])
    db.close()


def test_a_failing_migration_leaves_the_file_at_the_last_one_that_ran(tmp_path):
    path = tmp_path / "x.sqlite"
    broken = [*MIGRATIONS[:2], "CREATE TABLE c (q TEXT); INSERT INTO nowhere VALUES (1)"]
    with pytest.raises(sqlite3.OperationalError, match="no such table: nowhere"):
        open_database(path, broken)
    db = sqlite3.connect(path)
    assert (schema_version(db), _tables(db)) == (2, ["a"])
    db.close()


def test_a_file_from_a_newer_version_is_refused_with_both_numbers(tmp_path):
    path = tmp_path / "x.sqlite"
    open_database(path, MIGRATIONS).close()
    with pytest.raises(NewerSchema) as caught:
        open_database(path, MIGRATIONS[:1])
    assert str(caught.value) == (f"{path}: written by a newer tarjama (schema version 3, this one knows 1); "
                                 "use that version, or move the file aside")


def test_pragmas_run_on_every_open_and_setup_before_the_migrations(tmp_path):
    calls = []

    def setup(db: sqlite3.Connection) -> None:
        calls.append(schema_version(db))
        db.create_function("twice", 1, lambda v: v * 2, deterministic=True)

    path = tmp_path / "x.sqlite"
    db = open_database(path, ["CREATE TABLE t AS SELECT twice(21) AS v"], pragmas=("synchronous=FULL",), setup=setup)
    assert (db.execute("SELECT v FROM t").fetchone()[0], db.execute("PRAGMA synchronous").fetchone()[0]) == (42, 2)
    db.close()
    open_database(path, ["CREATE TABLE t AS SELECT twice(21) AS v"], setup=setup).close()
    assert calls == [0, 1]


def test_a_damaged_file_is_named(tmp_path):
    path = tmp_path / "ledger.sqlite"
    path.write_bytes(b"not a database, a text file of this length or more" * 40)
    with pytest.raises(DamagedDatabase, match=f"^{path}: damaged, not a readable SQLite database"):
        open_database(path, MIGRATIONS)


def test_the_ledger_and_the_review_store_refuse_a_file_from_a_newer_tarjama(tmp_path):
    from tarjama.ledger import MIGRATIONS as LEDGER, Ledger
    from tarjama.review.store import MIGRATIONS as STORE, ReviewStore

    ledger_path, store_path = tmp_path / ".tarjama" / "ledger.sqlite", tmp_path / ".tarjama" / "review.sqlite"
    Ledger(ledger_path).close()
    ReviewStore(tmp_path).close()
    for path, count in ((ledger_path, len(LEDGER)), (store_path, len(STORE))):
        db = sqlite3.connect(path)
        db.execute(f"PRAGMA user_version = {count + 1}")
        db.close()
    with pytest.raises(NewerSchema, match=f"^{ledger_path}: written by a newer tarjama \\(schema version {len(LEDGER) + 1}"):
        Ledger(ledger_path)
    with pytest.raises(NewerSchema, match=f"^{store_path}: written by a newer tarjama \\(schema version {len(STORE) + 1}"):
        ReviewStore(tmp_path)
