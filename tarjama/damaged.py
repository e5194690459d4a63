"""A damaged SQLite file in an output folder (a disk error, a copy cut short, a hand edit):
one line that names the file and what to do, for the commands and for every page of the
review server, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# What SQLite says of a file that is not a database, or one whose pages are broken; a
# locked or full database is not damaged and keeps its own error.
_DAMAGE = ("SQLITE_NOTADB", "SQLITE_CORRUPT")
_ADVICE = {
    "ledger.sqlite": "it records what each input became: move it aside and run the job again (finished articles are "
                     "written again; the review history is in review.sqlite and is kept)",
    "review.sqlite": "it holds the review history: restore it from a backup, or move it aside to start the reviews "
                     "afresh",
}


class DamagedDatabase(Exception):
    """An SQLite file that cannot be read; the message names it and says what to do."""


def is_damage(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.DatabaseError) and getattr(exc, "sqlite_errorname", "") in _DAMAGE


def write_failed(exc: BaseException) -> bool:
    """SQLite could not write: a full disk, a write error, a file or folder made read-only."""
    name = getattr(exc, "sqlite_errorname", "") if isinstance(exc, sqlite3.OperationalError) else ""
    return name == "SQLITE_FULL" or name.startswith(("SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN"))


def damaged(path: Path, exc: BaseException) -> DamagedDatabase:
    advice = _ADVICE.get(Path(path).name, "move it aside and try again")
    return DamagedDatabase(f"{path}: damaged, not a readable SQLite database ({exc}); {advice}")


def find_damaged(paths: list[Path]) -> Path | None:
    """The first of these files that SQLite cannot read through (a quick_check each): which
    one an error that did not say where came from."""
    for path in paths:
        if not Path(path).is_file():
            continue
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    return path
            finally:
                db.close()
        except sqlite3.DatabaseError as exc:
            if is_damage(exc):
                return path
    return None


def explain(out: Path, exc: BaseException) -> DamagedDatabase | None:
    """For an error met while the review server read its databases: the damaged file named,
    or None when the error is no damage (or no file reads as damaged)."""
    if not is_damage(exc):
        return None
    tarjama = Path(out) / ".tarjama"
    path = find_damaged([tarjama / "review.sqlite", tarjama / "ledger.sqlite"])
    return damaged(path, exc) if path is not None else None
