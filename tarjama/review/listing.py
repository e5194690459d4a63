"""The review page's list of articles, from the job's ledger, in SQL, a page at a time.

The ledger already holds what a row of the list shows (titles, date, flag count) and the
machine summary with its hash, so neither listing nor syncing reads an article's JSON: a
folder of 100,000 articles opens its list as fast as one of ten. The review store's own
status table is joined to it through ATTACH.

A folder without a ledger (articles/ copied on their own) is listed from its files instead,
read once per request: correct, not fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tarjama.article_json import machine_summary, machine_support
from tarjama.ledger import text_sha
from tarjama.article_files import UnreadableArticle, article_ids, load_article
from tarjama.review.store import ReviewStore

PAGE_ROWS = 100

# Every finished article with its review status (store.review_status; no row: to review) and
# the support score of its latest summary: an edit's from the store, else the job's from the
# ledger, else the one the store read from the article's file for an older ledger row.
_LISTED = """
WITH listed AS (
  SELECT i.article_id AS id, i.title_ar, i.title_en, i.published, COALESCE(i.flags, 0) AS flags,
         COALESCE(s.status, 'to review') AS status,
         CASE WHEN sc.origin = 'edit' THEN sc.score
              WHEN i.summary_score IS NOT NULL THEN i.summary_score
              WHEN sc.summary_sha = i.summary_sha THEN sc.score END AS score
  FROM {source} i LEFT JOIN main.review_status s ON s.article_id = i.article_id
  LEFT JOIN main.scores sc ON sc.article_id = i.article_id
  WHERE i.status = 'done')
"""
# How the list can be ordered: flagged first (then those still to review), or the least
# supported summaries first (articles without a score last).
ORDERS = {
    "flags": "flags DESC, status NOT IN ('to review', 'stale', 'edited'), id",
    "score": "score IS NULL, score, flags DESC, id",
}

# Articles a reviewer has opened whose summary from the job is not the latest one the review
# store holds. An article nobody opened has no versions yet: it is "to review", and its
# machine summary is recorded when it is first opened, so a large folder's first list costs
# no more than its second.
_CHANGED = """
SELECT i.article_id, i.summary, i.summary_sha FROM {source} i
WHERE i.status = 'done' AND i.summary_sha IS NOT NULL AND i.updated >= ?
  AND EXISTS (SELECT 1 FROM main.versions v WHERE v.article_id = i.article_id)
  AND i.summary_sha IS NOT (SELECT v.machine_sha FROM main.versions v WHERE v.article_id = i.article_id
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
    score: float | None = None  # the support score of the latest summary


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
            columns = {row[1] for row in self.db.execute("PRAGMA ledger.table_info(inputs)")}
            # A ledger no run of this version has opened yet lacks the score: read as unknown.
            self.source = ("ledger.inputs" if "summary_score" in columns
                           else "(SELECT *, NULL AS summary_score FROM ledger.inputs)")
        else:
            self._from_files()
            self.source = "temp.listed_files"
        self._sync()

    # -- keeping the review store up to date with the job ---------------------------------

    def _sync(self) -> None:
        """Record changed machine summaries of opened articles: from the ledger, and from the
        JSON only for rows a ledger from before summaries were kept in it lacks."""
        mark = self.store.get_meta("ledger_synced", -1.0)
        newest = self.db.execute(f"SELECT MAX(updated) FROM {self.source}").fetchone()[0]
        if newest is None or newest < mark:
            return
        # Most requests find nothing new: they read, and take no write lock.
        changed = _CHANGED.format(source=self.source)
        if self.db.execute(changed, (mark,)).fetchone() is not None:
            self.store.add_machine_versions(lambda: self.db.execute(changed, (mark,)).fetchall())
        older = [row[0] for row in self.db.execute(
            f"SELECT article_id FROM {self.source} i WHERE status = 'done' AND summary_sha IS NULL AND updated >= ?"
            " AND EXISTS (SELECT 1 FROM main.versions v WHERE v.article_id = i.article_id)", (mark,))]
        for article_id in older:
            try:
                record = load_article(self.out, article_id, {article_id})
            except (UnreadableArticle, KeyError):
                continue
            self.store.sync(article_id, machine_summary(record))
        self._score_older_rows(mark)
        # Rows written in the same instant as the newest are looked at again next time (>=):
        # the hash comparison makes that harmless.
        if newest != mark:
            self.store.set_meta("ledger_synced", newest)

    def _score_older_rows(self, mark: float) -> None:
        """Support scores for finished rows the ledger holds none for (written before it kept
        them): read once from each article's file, kept in the review store by summary hash."""
        missing = self.db.execute(
            f"SELECT article_id, summary_sha FROM {self.source} i WHERE status = 'done' AND summary_score IS NULL"
            " AND updated >= ? AND summary_sha IS NOT NULL AND NOT EXISTS (SELECT 1 FROM main.scores sc WHERE"
            " sc.article_id = i.article_id AND (sc.origin = 'edit' OR sc.summary_sha = i.summary_sha))",
            (mark,)).fetchall()
        for article_id, sha in missing:
            try:
                record = load_article(self.out, article_id, {article_id})
            except (UnreadableArticle, KeyError):
                continue
            self.store.set_machine_score(article_id, sha, machine_support(record)["score"])

    def _from_files(self) -> None:
        self.db.execute("DROP TABLE IF EXISTS temp.listed_files")
        self.db.execute(
            "CREATE TEMP TABLE listed_files (article_id TEXT PRIMARY KEY, title_ar TEXT, title_en TEXT, published TEXT,"
            " flags INTEGER, status TEXT, summary TEXT, summary_sha TEXT, updated REAL, summary_score REAL)")
        ids = article_ids(self.out)
        for article_id in ids:
            try:
                record = load_article(self.out, article_id, set(ids))
            except UnreadableArticle:
                # Listed all the same, so that the list page names it as damaged.
                self.db.execute("INSERT INTO temp.listed_files VALUES (?, NULL, NULL, NULL, 0, 'done', NULL, NULL, 0, NULL)",
                                (article_id,))
                continue
            summary = machine_summary(record)
            self.db.execute("INSERT INTO temp.listed_files VALUES (?, ?, ?, ?, ?, 'done', ?, ?, 0, ?)", (
                article_id, record["title"].get("ar"), record["title"].get("en"), record.get("published"),
                len(record.get("flags", [])), summary, text_sha(summary), machine_support(record)["score"]))

    # -- reading -------------------------------------------------------------------------------

    def page(self, status: str = "", page: int = 1, size: int = PAGE_ROWS, order: str = "flags") -> list[Row]:
        """One page of the list, in one of ORDERS."""
        where = "WHERE status = ?" if status else ""
        args: tuple = (status,) if status else ()
        rows = self.db.execute(
            f"{_LISTED.format(source=self.source)} SELECT id, title_ar, title_en, published, flags, status, score"
            f" FROM listed {where} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?",
            (*args, size, (max(page, 1) - 1) * size),
        ).fetchall()
        return [Row(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        """Articles by review status."""
        return {row[0]: row[1] for row in self.db.execute(
            f"{_LISTED.format(source=self.source)} SELECT status, COUNT(*) FROM listed GROUP BY status")}

    def ids(self, status: str = "") -> list[str]:
        """Every listed article id with this status (all when empty), in id order."""
        where = "WHERE status = ?" if status else ""
        return [row[0] for row in self.db.execute(
            f"{_LISTED.format(source=self.source)} SELECT id FROM listed {where} ORDER BY id", (status,) if status else ())]

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
        self.store.sync(article_id, machine_summary(record))
        return record

