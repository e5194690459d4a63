"""Review decisions and summary edits, in SQLite in the output folder.

Nothing is ever overwritten: each edit is a new version of the summary, each approval or
rejection a new decision row. The machine summary a job wrote is version 1; a rerun that
changes it adds a new machine version, which makes any earlier decision stale while keeping
it visible. A save based on a version that is no longer the latest is refused.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from tarjama.article_json import machine_summary, machine_support, support_for
from tarjama.ledger import text_sha
from tarjama.review.status import STATUSES, review_status
from tarjama.sqlite_schema import open_database

__all__ = ["STATUSES", "Decision", "ReviewState", "ReviewStore", "StaleVersion", "Version", "version_support"]

MIGRATIONS: list[str] = []
migration = MIGRATIONS.append

migration(
    """
    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        summary TEXT NOT NULL,
        origin TEXT NOT NULL,          -- machine | edit
        machine_sha TEXT,              -- for machine versions: hash of the job's summary
        reviewer TEXT,
        note TEXT,
        created REAL NOT NULL,
        UNIQUE (article_id, version)
    );
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        version INTEGER NOT NULL,      -- the summary version decided on
        status TEXT NOT NULL,          -- approved | rejected
        reviewer TEXT NOT NULL,
        note TEXT,
        created REAL NOT NULL
    );
    CREATE INDEX decisions_article ON decisions(article_id, id);
    """
)

migration(
    """
    CREATE TABLE terms (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,      -- the article the reviewer was reading
        arabic TEXT NOT NULL,
        english TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        created REAL NOT NULL
    );
    """
)

migration(
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);  -- e.g. how far the ledger is synced
    """
)

# Each article's review status, kept as versions and decisions are written, so the list of a
# large folder can filter and count by status without working it out for every article. An
# article without a row is "to review". Filled here from what an older store holds, by the
# rule in status.py (registered on each connection as review_status()).
migration(
    """
    CREATE TABLE review_status (article_id TEXT PRIMARY KEY, status TEXT NOT NULL);
    INSERT INTO review_status
    WITH last_version AS (SELECT article_id, MAX(version) AS version, COUNT(*) AS n FROM versions GROUP BY article_id),
         last_decision AS (SELECT article_id, MAX(id) AS id FROM decisions GROUP BY article_id)
    SELECT lv.article_id,
           review_status(lv.version, v.origin, lv.n, d.version, d.status)
    FROM last_version lv
    JOIN versions v ON v.article_id = lv.article_id AND v.version = lv.version
    LEFT JOIN last_decision ld ON ld.article_id = lv.article_id
    LEFT JOIN decisions d ON d.id = ld.id;
    """
)

# A summary's support (facts/support.py): each edit's, worked out when it is saved, kept with
# it; and in `scores`, the score of each article's latest summary where the job's ledger
# cannot give it (an edit; or a machine summary in a ledger row from before the ledger kept
# scores, keyed by its hash so a rerun that changes the summary is not mistaken for it).
migration(
    """
    ALTER TABLE versions ADD COLUMN support TEXT;
    CREATE TABLE scores (
        article_id TEXT PRIMARY KEY,
        summary_sha TEXT NOT NULL,
        score REAL,
        origin TEXT NOT NULL           -- edit | machine
    );
    """
)

class StaleVersion(Exception):
    """The summary changed since the reviewer opened it."""


@dataclass(frozen=True)
class Version:
    version: int
    summary: str
    origin: str
    reviewer: str | None
    note: str | None
    created: float
    support: dict | None = None  # an edit's, as saved; a machine version's is in the article JSON

    @classmethod
    def from_row(cls, row: tuple) -> Version:
        *fields, support = row
        return cls(*fields, json.loads(support) if support else None)


@dataclass(frozen=True)
class Decision:
    version: int
    status: str
    reviewer: str
    note: str | None
    created: float


@dataclass(frozen=True)
class ReviewState:
    article_id: str
    latest: Version
    decision: Decision | None  # the most recent, on whatever version
    status: str

    @property
    def summary(self) -> str:
        return self.latest.summary


_sha = text_sha


class ReviewStore:
    def __init__(self, out: Path) -> None:
        path = Path(out) / ".tarjama" / "review.sqlite"
        # One connection serves a request's threads; two requests opening a new store at once
        # must not both migrate it.
        self.db = open_database(path, MIGRATIONS, timeout=30, check_same_thread=False,
                                lock=path.with_name("review.lock"), setup=_add_functions)

    def close(self) -> None:
        self.db.close()

    # -- the job's side -------------------------------------------------------------------

    def sync(self, article_id: str, machine_summary: str) -> None:
        """Record the job's summary as a new machine version when it is new or changed."""
        row = self.db.execute(
            "SELECT machine_sha FROM versions WHERE article_id = ? AND origin = 'machine' ORDER BY version DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        if row and row[0] == _sha(machine_summary):
            return
        self._append(article_id, machine_summary, "machine", None, None, _sha(machine_summary), expected=None)

    # -- the reviewer's side ----------------------------------------------------------------

    def edit(self, article_id: str, summary: str, reviewer: str, base_version: int, note: str | None = None,
             support: dict | None = None) -> int:
        """A reviewer's summary as a new version, with its support (record.support_for)."""
        return self._append(article_id, summary, "edit", reviewer, note, None, expected=base_version, support=support)

    def decide(self, article_id: str, status: str, reviewer: str, base_version: int, note: str | None = None) -> None:
        if status not in ("approved", "rejected"):
            raise ValueError(f"unknown decision {status!r}")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self._check_latest(article_id, base_version)
            self.db.execute(
                "INSERT INTO decisions (article_id, version, status, reviewer, note, created) VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, base_version, status, reviewer, note or None, time.time()),
            )
            self._refresh_status(article_id)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def add_machine_versions(self, changed: Callable[[], Iterable[tuple[str, str, str]]]) -> None:
        """New machine versions, many at once, for the job's summaries that changed: `changed`
        gives (article_id, summary, summary_sha) and is read inside the transaction, under
        the write lock, so two requests cannot both add the same version."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            rows = list(changed())
            now = time.time()
            self.db.executemany(
                "INSERT INTO versions (article_id, version, summary, origin, machine_sha, created) VALUES"
                " (?, COALESCE((SELECT MAX(version) FROM versions WHERE article_id = ?), 0) + 1, ?, 'machine', ?, ?)",
                ((article_id, article_id, summary, sha, now) for article_id, summary, sha in rows),
            )
            # A new machine version makes a decision stale: only articles with a status row
            # (decided or edited) can change status here.
            for article_id, _, _ in rows:
                self._forget_edit_score(article_id)
                if self.db.execute("SELECT 1 FROM review_status WHERE article_id = ?", (article_id,)).fetchone():
                    self._refresh_status(article_id)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _append(self, article_id: str, summary: str, origin: str, reviewer: str | None, note: str | None,
                machine_sha: str | None, expected: int | None, support: dict | None = None) -> int:
        # BEGIN IMMEDIATE serialises writers: two reviewers cannot both pass the check.
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if expected is not None:
                self._check_latest(article_id, expected)
            row = self.db.execute("SELECT MAX(version) FROM versions WHERE article_id = ?", (article_id,)).fetchone()
            number = (row[0] or 0) + 1
            self.db.execute(
                "INSERT INTO versions (article_id, version, summary, origin, machine_sha, reviewer, note, created, support)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, number, summary, origin, machine_sha, reviewer, note or None, time.time(),
                 json.dumps(support) if support is not None else None),
            )
            if origin == "edit":
                self.db.execute("INSERT OR REPLACE INTO scores VALUES (?, ?, ?, 'edit')",
                                (article_id, _sha(summary), support["score"] if support else None))
            else:
                self._forget_edit_score(article_id)
            self._refresh_status(article_id)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return number

    def _check_latest(self, article_id: str, expected: int) -> None:
        latest = self._latest(article_id)
        if latest is None or latest.version != expected:
            who = f"{latest.reviewer} " if latest and latest.reviewer else ("the job " if latest else "")
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(latest.created)) if latest else ""
            raise StaleVersion(
                f"This summary changed since you opened it (now version {latest.version if latest else 0}, "
                f"saved by {who}at {when}). Reload to see it, then make your change again."
            )

    def _refresh_status(self, article_id: str) -> None:
        """Keep review_status true to versions and decisions; called inside each write's
        transaction, so the two can never disagree."""
        status = self.state(article_id).status
        if status == "to review":
            self.db.execute("DELETE FROM review_status WHERE article_id = ?", (article_id,))
        else:
            self.db.execute("INSERT OR REPLACE INTO review_status VALUES (?, ?)", (article_id, status))

    def _forget_edit_score(self, article_id: str) -> None:
        """A new machine summary supersedes an edit's score: the list takes the job's again."""
        self.db.execute("DELETE FROM scores WHERE article_id = ? AND origin = 'edit'", (article_id,))

    def set_machine_score(self, article_id: str, summary_sha: str, score: float | None) -> None:
        """The score of a machine summary the ledger does not hold; an edit's score stays."""
        self.db.execute("INSERT INTO scores VALUES (?, ?, ?, 'machine') ON CONFLICT (article_id) DO UPDATE SET"
                        " summary_sha = excluded.summary_sha, score = excluded.score WHERE origin = 'machine'",
                        (article_id, summary_sha, score))

    def get_meta(self, key: str, default: object = None) -> object:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_meta(self, key: str, value: object) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def add_term(self, article_id: str, arabic: str, english: str, reviewer: str,
                 then: Callable[[], None] | None = None) -> None:
        """The audit row of a term a reviewer added; `then` (writing the glossary file) runs
        inside the transaction, so the row is committed only if it succeeds."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("INSERT INTO terms (article_id, arabic, english, reviewer, created) VALUES (?, ?, ?, ?, ?)",
                            (article_id, arabic, english, reviewer, time.time()))
            if then is not None:
                then()
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def terms(self) -> list[tuple[str, str, str, str, float]]:
        return self.db.execute("SELECT article_id, arabic, english, reviewer, created FROM terms ORDER BY id").fetchall()

    # -- reading ------------------------------------------------------------------------------

    def _latest(self, article_id: str) -> Version | None:
        row = self.db.execute(
            "SELECT version, summary, origin, reviewer, note, created, support FROM versions WHERE article_id = ?"
            " ORDER BY version DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        return Version.from_row(row) if row else None

    def history(self, article_id: str) -> list[Version]:
        rows = self.db.execute(
            "SELECT version, summary, origin, reviewer, note, created, support FROM versions WHERE article_id = ?"
            " ORDER BY version",
            (article_id,),
        ).fetchall()
        return [Version.from_row(r) for r in rows]

    def decisions(self, article_id: str) -> list[Decision]:
        rows = self.db.execute(
            "SELECT version, status, reviewer, note, created FROM decisions WHERE article_id = ? ORDER BY id",
            (article_id,),
        ).fetchall()
        return [Decision(*r) for r in rows]

    def state(self, article_id: str) -> ReviewState:
        latest = self._latest(article_id)
        if latest is None:
            raise KeyError(article_id)
        decisions = self.decisions(article_id)
        decision = decisions[-1] if decisions else None
        status = review_status(latest.version, latest.origin, len(self.history(article_id)),
                               decision.version if decision else None, decision.status if decision else None)
        return ReviewState(article_id, latest, decision, status)


def _add_functions(db: sqlite3.Connection) -> None:
    db.create_function("review_status", 5, review_status, deterministic=True)


def version_support(record: dict, version: Version) -> dict:
    """The support of a summary version: an edit's as saved (worked out now for an edit saved
    before edits kept it), a machine version's from the article JSON."""
    if version.origin == "edit" or version.summary != machine_summary(record):
        return version.support or support_for(record, version.summary)
    return machine_support(record)
