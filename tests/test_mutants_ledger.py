"""The ledger where the mutation run (bench/mutation.py ledger) found it unheld: the one line a
damaged ledger file gives, and the one line a ledger that cannot be written gives, each naming
the file and the fix; an error that is neither is raised as SQLite gave it. In process, real
SQLite."""

from __future__ import annotations

import sqlite3

import pytest

from tarjama.damaged import DamagedDatabase
from tarjama.ledger import Ledger
from tarjama.output_folder import OutputError


def test_a_ledger_file_that_is_not_a_database_names_itself_and_the_fix(tmp_path):
    path = tmp_path / ".tarjama" / "ledger.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 3000)
    with pytest.raises(DamagedDatabase) as caught:
        Ledger(path)
    assert str(caught.value) == (
        f"{path}: damaged, not a readable SQLite database (file is not a database); it records what each input "
        "became: move it aside and run the job again (finished articles are written again; the review history is in "
        "review.sqlite and is kept)")
    assert caught.value.__cause__ is None and caught.value.__suppress_context__ is True


def test_a_ledger_that_cannot_be_written_says_so_in_one_line(tmp_path):
    path = tmp_path / "ledger.sqlite"
    ledger = Ledger(path)
    ledger.db.execute("PRAGMA query_only = ON")  # as a file made read-only under the job: SQLITE_READONLY
    expected = (f"{path}: cannot write: attempt to write a readonly database; free some space or fix the folder, then "
                "run the same command again (what is written is kept)")
    with pytest.raises(OutputError) as caught:
        ledger.record("in/a.txt", "failed", article_id="a", error="x")
    assert str(caught.value) == expected
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    with pytest.raises(OutputError) as caught:
        ledger.set_meta("models:x", {"translate": {"revision": "abc"}})
    assert str(caught.value) == expected
    ledger.close()


def test_an_error_that_is_not_a_failed_write_is_raised_as_sqlite_gave_it(tmp_path):
    ledger = Ledger(tmp_path / "ledger.sqlite")
    with pytest.raises(sqlite3.OperationalError, match="^table inputs has no column named colour$"):
        ledger.record("in/a.txt", "done", colour="red")
    ledger.close()


def test_a_ledger_is_written_through_to_the_disk_in_wal_mode(tmp_path):
    ledger = Ledger(tmp_path / "ledger.sqlite")
    assert (ledger.db.execute("PRAGMA journal_mode").fetchone()[0],
            ledger.db.execute("PRAGMA synchronous").fetchone()[0]) == ("wal", 2)  # 2: FULL
    ledger.close()
