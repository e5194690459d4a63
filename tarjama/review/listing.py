"""The review page's list of articles, from the job's ledger, in SQL, a page at a time.

The ledger already holds what a row of the list shows (titles, date, flag count) and the
machine summary with its hash, so neither listing nor syncing reads an article's JSON: a
folder of 100,000 articles opens its list as fast as one of ten. The review store's own
tables (versions, decisions) are joined to it through ATTACH, and each article's status is
worked out in the same query, by the same rules as ReviewStore.state.

A folder without a ledger (articles/ copied on their own) is listed from its files instead,
read once per request: correct, not fast.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from tarjama.ledger import text_sha
from tarjama.review.store import ReviewStore, UnreadableArticle, article_ids, load_article

PAGE_ROWS = 100

# ReviewStore.state's rules, for every article at once.
_ROWS = """
WITH last_version AS (SELECT article_id, MAX(version) AS version, COUNT(*) AS n FROM versions GROUP BY article_id),
     last_decision AS (SELECT article_id, MAX(id) AS id FROM decisions GROUP BY article_id),
     listed AS (
       SELECT i.article_id AS id, i.title_ar, i.title_en, i.published, COALESCE(i.flags, 0) AS flags,
         CASE WHEN d.version = lv.version THEN d.status
              WHEN d.id IS NOT NULL AND v.origin = 'machine' THEN 'stale'
              WHEN lv.n > 1 AND v.origin = 'edit' THEN 'edited'
              ELSE 'to review' END AS status
       FROM {source} i
       LEFT JOIN last_version lv ON lv.article_id = i.article_id
       LEFT JOIN versions v ON v.article_id = lv.article_id AND v.version = lv.version
       LEFT JOIN last_decision ld ON ld.article_id = i.article_id
       LEFT JOIN decisions d ON d.id = ld.id
       WHERE i.status = 'done')
"""

# A new machine version for each finished article whose summary is not the latest one the
# review store holds from the job.
_SYNC = """
INSERT INTO versions (article_id, version, summary, origin, machine_sha, created)
SELECT i.article_id, COALESCE((SELECT MAX(v.version) FROM versions v WHERE v.article_id = i.article_id), 0) + 1,
       i.summary, 'machine', i.summary_sha, ?
FROM {source} i
WHERE i.status = 'done' AND i.summary_sha IS NOT NULL AND i.updated >= ?
  AND i.summary_sha IS NOT (SELECT v.machine_sha FROM versions v WHERE v.article_id = i.article_id
                            AND v.origin = 'machine' ORDER BY v.version DESC LIMIT 1)
"""


@dataclass(frozen=True)
class Row:
    id: str
    title_ar: str | None
    title_en: str | None
    published: str | None
    flags: int
    status: str


class Listing:
    def __init__(self, out: Path, store: ReviewStore) -> None:
        self.out = Path(out)
        self.store = store
        self.db = store.db
        ledger = self.out / ".tarjama" / "ledger.sqlite"
        if ledger.is_file():
            attached = {row[1] for row in self.db.execute("PRAGMA database_list")}
            if "ledger" not in attached:
                self.db.execute("ATTACH DATABASE ? AS ledger", (str(ledger),))
            self.source = "ledger.inputs"
        else:
            self._from_files()
            self.source = "temp.listed_files"
        self._sync()

    # -- keeping the review store up to date with the job ---------------------------------

    def _sync(self) -> None:
        """Record new or changed machine summaries: in one statement from the ledger, and
        from the JSON only for rows a ledger from before summaries were kept in it lacks."""
        mark = self.store.get_meta("ledger_synced", -1.0)
        newest = self.db.execute(f"SELECT MAX(updated) FROM {self.source}").fetchone()[0]
        if newest is None or newest < mark:
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute(_SYNC.format(source=self.source), (time.time(), mark))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        older = [row[0] for row in self.db.execute(
            f"SELECT article_id FROM {self.source} WHERE status = 'done' AND summary_sha IS NULL AND updated >= ?",
            (mark,))]
        for article_id in older:
            try:
                record = load_article(self.out, article_id, {article_id})
            except (UnreadableArticle, KeyError):
                continue
            self.store.sync(article_id, record["summary"].get("en") or record["summary"].get("ar") or "")
        # Rows written in the same instant as the newest are looked at again next time (>=):
        # the hash comparison makes that harmless.
        self.store.set_meta("ledger_synced", newest)

    def _from_files(self) -> None:
        self.db.execute("DROP TABLE IF EXISTS temp.listed_files")
        self.db.execute(
            "CREATE TEMP TABLE listed_files (article_id TEXT PRIMARY KEY, title_ar TEXT, title_en TEXT, published TEXT,"
            " flags INTEGER, status TEXT, summary TEXT, summary_sha TEXT, updated REAL)")
        ids = article_ids(self.out)
        for article_id in ids:
            try:
                record = load_article(self.out, article_id, set(ids))
            except UnreadableArticle:
                continue
            summary = record["summary"].get("en") or record["summary"].get("ar") or ""
            self.db.execute("INSERT INTO temp.listed_files VALUES (?, ?, ?, ?, ?, 'done', ?, ?, 0)", (
                article_id, record["title"].get("ar"), record["title"].get("en"), record.get("published"),
                len(record.get("flags", [])), summary, text_sha(summary)))

    # -- reading -------------------------------------------------------------------------------

    def page(self, status: str = "", page: int = 1, size: int = PAGE_ROWS) -> tuple[list[Row], int]:
        """One page of the list (flagged first, then those still to review), and how many
        articles the filter matches in all."""
        where = "WHERE status = ?" if status else ""
        args: tuple = (status,) if status else ()
        total = self.db.execute(f"{_ROWS.format(source=self.source)} SELECT COUNT(*) FROM listed {where}", args).fetchone()[0]
        rows = self.db.execute(
            f"{_ROWS.format(source=self.source)} SELECT id, title_ar, title_en, published, flags, status FROM listed {where}"
            " ORDER BY flags DESC, status NOT IN ('to review', 'stale', 'edited'), id LIMIT ? OFFSET ?",
            (*args, size, (max(page, 1) - 1) * size),
        ).fetchall()
        return [Row(*row) for row in rows], total

    def counts(self) -> dict[str, int]:
        return {row[0]: row[1] for row in self.db.execute(
            f"{_ROWS.format(source=self.source)} SELECT status, COUNT(*) FROM listed GROUP BY status")}

    def ids(self, status: str = "") -> list[str]:
        """Every listed article id with this status (all when empty), in id order."""
        where = "WHERE status = ?" if status else ""
        return [row[0] for row in self.db.execute(
            f"{_ROWS.format(source=self.source)} SELECT id FROM listed {where} ORDER BY id", (status,) if status else ())]

    def has(self, article_id: str) -> bool:
        return self.db.execute(f"SELECT 1 FROM {self.source} WHERE article_id = ? AND status = 'done'",
                               (article_id,)).fetchone() is not None

    def neighbours(self, article_id: str) -> tuple[str | None, str | None]:
        """The articles before and after this one, in id order."""
        before = self.db.execute(f"SELECT MAX(article_id) FROM {self.source} WHERE status = 'done' AND article_id < ?",
                                 (article_id,)).fetchone()[0]
        after = self.db.execute(f"SELECT MIN(article_id) FROM {self.source} WHERE status = 'done' AND article_id > ?",
                                (article_id,)).fetchone()[0]
        return before, after

    def record(self, article_id: str) -> dict:
        """The article's JSON, its machine summary synced: KeyError when the job did not
        finish it, UnreadableArticle when its file is damaged."""
        if not self.has(article_id):
            raise KeyError(article_id)
        record = load_article(self.out, article_id, {article_id})
        self.store.sync(article_id, record["summary"].get("en") or record["summary"].get("ar") or "")
        return record

