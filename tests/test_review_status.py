"""The review-status rule as a table: one row per way an article's latest version and its
last decision can stand, and the same rule where SQLite applies it (an older store's upgrade)."""

from __future__ import annotations

import sqlite3

import pytest

from tarjama.review.status import STATUSES, review_status
from tarjama.review.store import MIGRATIONS, ReviewStore

# latest version, its origin, how many versions, last decision's version and status -> status
RULE = [
    (1, "machine", 1, None, None, "to review"),        # nobody has touched it
    (2, "machine", 2, None, None, "to review"),        # the job rewrote it, never decided
    (2, "edit", 2, None, None, "edited"),              # a reviewer's edit, not yet decided
    (1, "edit", 1, None, None, "to review"),           # an edit alone is no change from anything
    (1, "machine", 1, 1, "approved", "approved"),
    (1, "machine", 1, 1, "rejected", "rejected"),
    (2, "edit", 2, 2, "approved", "approved"),         # the edit itself approved
    (2, "edit", 2, 1, "rejected", "edited"),           # rejected, then edited: the edit awaits review
    (3, "edit", 3, 1, "approved", "edited"),
    (2, "machine", 2, 1, "approved", "stale"),         # the job rewrote an approved summary
    (3, "machine", 3, 2, "rejected", "stale"),
]


@pytest.mark.parametrize("latest, origin, versions, decided, decision, expected", RULE)
def test_the_status_rule(latest, origin, versions, decided, decision, expected):
    assert review_status(latest, origin, versions, decided, decision) == expected


def test_the_rule_gives_every_status_and_no_other():
    assert sorted({row[-1] for row in RULE}) == sorted(STATUSES)


def test_an_older_store_upgraded_in_sql_gets_the_same_status_as_the_rule(tmp_path):
    """Each row of the table as an article of a store from before review_status (schema 3);
    opening it runs the upgrade, which fills the table through SQLite."""
    path = tmp_path / ".tarjama" / "review.sqlite"
    path.parent.mkdir()
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript("".join(f"BEGIN; {sql}; COMMIT;" for sql in MIGRATIONS[:3]) + "PRAGMA user_version = 3;")
    for n, (latest, origin, versions, decided, decision, _) in enumerate(RULE):
        for version in range(1, versions + 1):
            db.execute("INSERT INTO versions (article_id, version, summary, origin, created) VALUES (?, ?, ?, ?, 0)",
                       (f"a{n}", version, f"summary {version}", origin if version == latest else "machine"))
        if decision is not None:
            db.execute("INSERT INTO decisions (article_id, version, status, reviewer, created) VALUES (?, ?, ?, 'r', 0)",
                       (f"a{n}", decided, decision))
    db.close()
    store = ReviewStore(tmp_path)
    kept = dict(store.db.execute("SELECT article_id, status FROM review_status").fetchall())
    got = [kept.get(f"a{n}", "to review") for n in range(len(RULE))]
    assert got == [row[-1] for row in RULE]
    assert [store.state(f"a{n}").status for n in range(len(RULE))] == [row[-1] for row in RULE]
    store.close()
