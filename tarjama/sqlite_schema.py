"""Opening tarjama's SQLite files (the job's ledger, the review store) at their schema version.

Each file's schema is a list of numbered migrations; PRAGMA user_version records how many
have run. A migration and its version number are committed together, so a file is never
half upgraded, and a file written by a newer tarjama is refused rather than misread.
"""

from __future__ import annotations

import sqlite3
from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Sequence

from tarjama.damaged import damaged, is_damage
from tarjama.lock import held
from tarjama.output_folder import OutputError


class NewerSchema(OutputError):
    """The file was written by a newer tarjama than this one."""


def schema_version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def open_database(path: Path, migrations: Sequence[str], *, timeout: float = 5.0, check_same_thread: bool = True,
                  pragmas: Sequence[str] = (), lock: Path | None = None,
                  setup: Callable[[sqlite3.Connection], None] | None = None) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), upgraded to the last of
    `migrations`. `pragmas` run on every open; `setup` (e.g. SQL functions the migrations
    call) before any migration; `lock`: a file held while migrating, so that two processes
    opening a new file at once do not both upgrade it. A damaged file raises
    DamagedDatabase naming it; one from a newer tarjama, NewerSchema."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, timeout=timeout, check_same_thread=check_same_thread)
    try:
        if setup is not None:
            setup(db)
        for pragma in pragmas:
            db.execute(f"PRAGMA {pragma}")
        # Most opens find the file current: one read, no lock.
        if schema_version(db) != len(migrations):
            with held(lock) if lock is not None else nullcontext():
                migrate(db, path, migrations)
    except sqlite3.DatabaseError as exc:
        db.close()
        if is_damage(exc):
            raise damaged(path, exc) from None
        raise
    except BaseException:
        db.close()
        raise
    return db


def migrate(db: sqlite3.Connection, path: Path, migrations: Sequence[str]) -> None:
    """Run the migrations the file has not had, each in its own transaction with its number."""
    version = schema_version(db)
    if version > len(migrations):
        raise NewerSchema(f"{path}: written by a newer tarjama (schema version {version}, this one knows "
                          f"{len(migrations)}); use that version, or move the file aside")
    if version == len(migrations):
        return  # another process upgraded it while this one waited for the lock
    db.execute("PRAGMA journal_mode=WAL")
    for number, sql in enumerate(migrations[version:], start=version + 1):
        try:
            db.executescript(f"BEGIN; {sql}; PRAGMA user_version = {number}; COMMIT;")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
