"""Large output folders: the review list and index.html come from the ledger, a page at a time,
and agree with what the review store says of each article."""

import re
import sqlite3

import pytest

from tarjama.job import outputs
from tarjama.ledger import MIGRATIONS as LEDGER_MIGRATIONS
from tarjama.ledger import Ledger
from tarjama.review.listing import Listing
from tarjama.review.store import MIGRATIONS as STORE_MIGRATIONS
from tarjama.review.store import ReviewStore
from tests.test_review import _client, _form, out, review_out  # noqa: F401  (fixtures shared)


def _statuses(page: str) -> dict[str, str]:
    return dict(re.findall(r'<tr data-href="/article/([^"]+)">.*?class="badge [^"]*">([^<]+)<', page, re.S))


def test_the_list_agrees_with_the_store_after_edits_decisions_and_a_rerun(out):  # noqa: F811
    client = _client(out)
    token, version, _ = _form(client, "/article/seed")
    client.post("/article/seed/summary", data={"csrf_token": token, "version": version, "summary": "Edited."})
    token, version, _ = _form(client, "/article/other")
    client.post("/article/other/decision", data={"csrf_token": token, "version": version, "status": "approved"})
    token, version, _ = _form(client, "/article/xss")
    client.post("/article/xss/decision", data={"csrf_token": token, "version": version, "status": "rejected"})
    # A rerun that changed the summary of "other": the ledger row changes as the runner writes it.
    ledger = Ledger(out / ".tarjama" / "ledger.sqlite")
    entry = next(e for e in ledger.done_listing() if e.article_id == "other")
    ledger.record(entry.key, "done", article_id="other", summary="A new machine summary.",
                  summary_sha="changed", title_ar=entry.title_ar, title_en=entry.title_en, flags=entry.flags)
    ledger.close()
    page = client.get("/").get_data(as_text=True)
    listed = _statuses(page)
    store = ReviewStore(out)
    assert listed == {a: store.state(a).status for a in ("seed", "other", "xss")}
    assert listed == {"seed": "edited", "other": "stale", "xss": "rejected"}
    assert "stale (1)" in page and "edited (1)" in page and "rejected (1)" in page and "to review (0)" in page
    assert store.state("other").summary == "A new machine summary."
    filtered = client.get("/?status=stale").get_data(as_text=True)
    assert _statuses(filtered) == {"other": "stale"}


def test_the_list_is_paged(out, monkeypatch):  # noqa: F811
    monkeypatch.setattr("tarjama.review.routes_list.PAGE_ROWS", 1)
    client = _client(out)
    pages = [_statuses(client.get(f"/?page={n}").get_data(as_text=True)) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [1, 1, 1]
    assert sorted(k for p in pages for k in p) == ["other", "seed", "xss"]
    second = client.get("/?page=2").get_data(as_text=True)
    assert "page 2 of 3" in second and 'rel="prev"' in second and 'rel="next"' in second
    # Past the last page, however long the number, is the last page; not a number, the first.
    for beyond in ("4", "99999999999999999999", "9" * 5000):
        response = client.get(f"/?page={beyond}")
        assert response.status_code == 200 and _statuses(response.get_data(as_text=True)) == pages[2]
        assert "page 3 of 3" in response.get_data(as_text=True)
    for junk in ("abc", "0", "-1", "٣"):
        assert _statuses(client.get(f"/?page={junk}").get_data(as_text=True)) == pages[0]


def test_index_html_is_paged_from_the_ledger_and_old_pages_go(out, monkeypatch):  # noqa: F811
    monkeypatch.setattr(outputs, "INDEX_PAGE_ROWS", 2)
    (out / "index-9.html").write_text("left from a bigger run", encoding="utf-8")
    ledger = Ledger(out / ".tarjama" / "ledger.sqlite")
    outputs.write_index(out, ledger, [{"input": "bad.txt", "status": "failed", "reason": "not Arabic"}])
    ledger.close()
    first = (out / "index.html").read_text(encoding="utf-8")
    second = (out / "index-2.html").read_text(encoding="utf-8")
    assert not (out / "index-3.html").exists() and not (out / "index-9.html").exists()
    linked = re.findall(r'href="articles/([^"]+)\.html"', first) + re.findall(r'href="articles/([^"]+)\.html"', second)
    assert sorted(linked) == ["other", "seed", "xss"]
    assert "<h1>3 articles</h1>" in first and 'href="index-2.html"' in first and 'href="index.html"' in second
    assert "bad.txt" in first and "bad.txt" not in second  # this run's failures, once


def test_a_ledger_and_a_store_from_before_are_upgraded(out):  # noqa: F811
    # A folder written before the ledger kept summaries: rows without them, schema version 1.
    db = sqlite3.connect(out / ".tarjama" / "ledger.sqlite")
    db.executescript("UPDATE inputs SET summary = NULL, summary_sha = NULL")
    db.close()
    client = _client(out)
    token, version, _ = _form(client, "/article/seed")
    client.post("/article/seed/decision", data={"csrf_token": token, "version": version, "status": "approved"})
    page = client.get("/").get_data(as_text=True)
    assert _statuses(page) == {"seed": "approved", "other": "to review", "xss": "to review"}
    store = ReviewStore(out)
    assert store.history("xss") == []  # nobody opened it: "to review", nothing recorded yet
    _client(out).get("/article/xss")
    assert store.state("xss").summary  # its machine summary, from the article's JSON
    # A review store from before review_status (and before scores): the upgrade fills it from
    # the decisions.
    store.db.executescript("DROP TABLE review_status; DROP TABLE scores; ALTER TABLE versions DROP COLUMN support;"
                           " PRAGMA user_version = 3;")
    store.close()
    assert _statuses(_client(out).get("/").get_data(as_text=True))["seed"] == "approved"


def test_fresh_ledger_schema_has_every_column_the_listing_reads(tmp_path):
    ledger = Ledger(tmp_path / "ledger.sqlite")
    columns = {row[1] for row in ledger.db.execute("PRAGMA table_info(inputs)")}
    assert {"summary", "summary_sha", "published", "flags", "title_en"} <= columns
    assert ledger.db.execute("PRAGMA user_version").fetchone()[0] == len(LEDGER_MIGRATIONS)
    ledger.close()
    store = ReviewStore(tmp_path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(STORE_MIGRATIONS)
    store.close()


def test_a_folder_without_a_ledger_is_listed_from_its_files(out):  # noqa: F811
    (out / ".tarjama" / "ledger.sqlite").unlink()
    for extra in out.glob(".tarjama/ledger.sqlite-*"):
        extra.unlink()
    store = ReviewStore(out)
    found = Listing(out, store)
    assert sorted(found.ids()) == ["other", "seed", "xss"]
    assert found.counts() == {"to review": 3}
    store.close()


@pytest.mark.parametrize("status", ["approved", ""])
def test_listing_ids_filter(out, status):  # noqa: F811
    store = ReviewStore(out)
    found = Listing(out, store)
    found.record("seed")  # opened, so its machine summary is version 1
    store.decide("seed", "approved", "alice", store.state("seed").latest.version)
    assert found.ids(status) == (["seed"] if status else ["other", "seed", "xss"])
    store.close()
