"""The review page, request by request: every route, CSRF, stale saves, escaping, export."""

import csv
import io
import json
import re
import shutil

import pytest

from tarjama.engines import Engines
from tarjama.review.app import create_app
from tarjama.review.store import ReviewStore
from tarjama.job.runner import Runner
from tests.conftest import SEED, load_json, run_cli, tiny_config

XSS_TITLE = 'عنوان <script>alert("t")</script>'
XSS_BODY = 'نص فيه "><img src=x onerror=alert(1)> وكلام آخر عن بغداد.'


@pytest.fixture(scope="session")
def review_out(tiny_models, tmp_path_factory):
    """A finished job over three articles, one of them hostile."""
    folder = tmp_path_factory.mktemp("review-in")
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "xss.txt").write_text(f"{XSS_TITLE}\n\n{XSS_BODY}\n", encoding="utf-8")
    (folder / "other.txt").write_text("خبر آخر\n\nوقعت الحكومتان مذكرة تفاهم جديدة في بغداد.\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("review-out")
    cfg = tiny_config(tiny_models)
    assert Runner(cfg, out, engines=Engines(cfg)).run([str(folder)]).exit_code == 0
    return out


@pytest.fixture()
def out(review_out, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(review_out, copy)
    return copy


def _client(out, reviewer="alice"):
    app = create_app(out, reviewer)
    app.config["TESTING"] = True
    return app.test_client()


def _form(client, path):
    page = client.get(path).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    version = int(re.search(r'name="version" value="(\d+)"', page).group(1))
    return token, version, page


def test_list_shows_every_article_with_status_and_flags(out):
    page = _client(out).get("/").get_data(as_text=True)
    for article_id in ("seed", "xss", "other"):
        assert f'href="/article/{article_id}"' in page
    assert "to review (3)" in page
    # Flagged articles come first: the seed has many (random weights lose every number).
    assert page.index("/article/seed") < page.index("/article/other")


def test_filter_by_status(out):
    client = _client(out)
    token, version, _ = _form(client, "/article/other")
    client.post("/article/other/decision", data={"csrf_token": token, "version": version, "status": "approved"})
    approved = client.get("/?status=approved").get_data(as_text=True)
    assert "/article/other" in approved and "/article/seed" not in approved


def test_article_view_side_by_side_with_facts_and_flags(out):
    page = _client(out).get("/article/seed").get_data(as_text=True)
    record = load_json(out / "articles" / "seed.json")
    assert page.count('class="ar" lang="ar" dir="rtl"') >= len(record["segments"])
    assert 'class="flagged"' in page and "date_missing" in page
    assert "27 أيلول 2022" in page  # the key-facts table


def test_edit_then_approve_is_kept_with_history(out):
    client = _client(out)
    token, version, _ = _form(client, "/article/seed")
    r = client.post("/article/seed/summary", data={"csrf_token": token, "version": version,
                                                    "summary": "The Pentagon will keep working with the Peshmerga."})
    assert r.status_code == 303
    token, version2, page = _form(client, "/article/seed")
    assert version2 == version + 1 and "The Pentagon will keep working" in page and ">edited<" in page
    r = client.post("/article/seed/decision", data={"csrf_token": token, "version": version2, "status": "approved",
                                                     "note": "checked against the source"})
    assert r.status_code == 303
    page = _client(out, "bob").get("/article/seed").get_data(as_text=True)
    assert ">approved<" in page and "by alice" in page and "checked against the source" in page
    history = ReviewStore(out).history("seed")
    assert [v.origin for v in history] == ["machine", "edit"]  # the machine version is never overwritten


def test_second_save_on_a_stale_version_is_refused(out):
    alice, bob = _client(out, "alice"), _client(out, "bob")
    a_token, a_version, _ = _form(alice, "/article/other")
    b_token, b_version, _ = _form(bob, "/article/other")
    assert alice.post("/article/other/summary", data={"csrf_token": a_token, "version": a_version,
                                                      "summary": "Alice's summary."}).status_code == 303
    r = bob.post("/article/other/summary", data={"csrf_token": b_token, "version": b_version, "summary": "Bob's summary."})
    assert r.status_code == 409
    page = r.get_data(as_text=True)
    assert "changed since you opened it" in page and "alice" in page
    assert "Bob&#39;s summary." in page  # bob's text is kept in the box, not lost
    r = bob.post("/article/other/decision", data={"csrf_token": b_token, "version": b_version, "status": "approved"})
    assert r.status_code == 409
    assert ReviewStore(out).state("other").summary == "Alice's summary."


def test_posts_without_csrf_token_are_refused(out):
    client = _client(out)
    client.get("/article/seed")
    r = client.post("/article/seed/decision", data={"version": 1, "status": "approved"})
    assert r.status_code == 400
    r = client.post("/article/seed/decision", data={"csrf_token": "forged", "version": 1, "status": "approved"})
    assert r.status_code == 400
    assert ReviewStore(out).decisions("seed") == []


def test_hostile_article_text_is_escaped(out):
    page = _client(out).get("/article/xss").get_data(as_text=True)
    assert '<script>alert("t")</script>' not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    index = _client(out).get("/").get_data(as_text=True)
    assert '<script>alert("t")' not in index


@pytest.mark.parametrize("path", ["/article/..%2Fmanifest", "/article/../manifest", "/article/%2e%2e",
                                  "/article/nope", "/articles/seed.json", "/../../etc/passwd"])
def test_no_path_outside_the_articles_can_be_read(out, path):
    r = _client(out).get(path)
    assert r.status_code == 404


def test_requests_never_modify_the_job_files(out):
    before = {p: p.read_bytes() for p in (out / "articles").iterdir()}
    client = _client(out)
    token, version, _ = _form(client, "/article/seed")
    client.post("/article/seed/summary", data={"csrf_token": token, "version": version, "summary": "Edited."})
    client.post("/article/seed/decision", data={"csrf_token": token, "version": version + 1, "status": "rejected"})
    assert {p: p.read_bytes() for p in (out / "articles").iterdir()} == before


def test_rerun_that_changes_a_summary_marks_the_review_stale(out):
    client = _client(out)
    token, version, _ = _form(client, "/article/other")
    client.post("/article/other/decision", data={"csrf_token": token, "version": version, "status": "approved"})
    record = load_json(out / "articles" / "other.json")
    record["summary"]["en"] = "A different machine summary from a rerun."
    (out / "articles" / "other.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    page = client.get("/article/other").get_data(as_text=True)
    assert ">stale<" in page and "A different machine summary" in page
    assert "Last decision: <strong>approved</strong>" in page  # the old decision stays visible


def test_export_route_and_formats(out):
    client = _client(out)
    token, version, _ = _form(client, "/article/seed")
    client.post("/article/seed/summary", data={"csrf_token": token, "version": version, "summary": "Edited summary."})
    client.post("/article/seed/decision", data={"csrf_token": token, "version": version + 1, "status": "approved"})
    rows = [json.loads(line) for line in client.get("/export?format=jsonl").get_data(as_text=True).splitlines()]
    assert [(r["id"], r["summary"], r["summary_edited"], r["decision"]["reviewer"]) for r in rows] == [
        ("seed", "Edited summary.", True, "alice")]
    assert rows[0]["source"]["path"].endswith("seed.txt") and rows[0]["facts"]["source"]["dates"]
    table = list(csv.reader(io.StringIO(client.get("/export?format=csv").get_data(as_text=True))))
    assert table[0][:3] == ["id", "status", "title_ar"] and table[1][0] == "seed"
    assert "Edited summary." in client.get("/export?format=md").get_data(as_text=True)
    assert client.get("/export?format=pdf").status_code == 400


@pytest.mark.slow  # a child process
def test_export_command(out, tmp_path):
    client = _client(out)
    token, version, _ = _form(client, "/article/other")
    client.post("/article/other/decision", data={"csrf_token": token, "version": version, "status": "approved"})
    target = tmp_path / "digests.jsonl"
    result = run_cli("export", str(out), "--format", "jsonl", "-o", str(target))
    assert result.returncode == 0, result.stderr
    [row] = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert row["id"] == "other" and row["decision"]["status"] == "approved"
    everything = run_cli("export", str(out), "--status", "all", "--format", "csv")
    assert everything.returncode == 0 and everything.stdout.count("\n") == 4
    bad = run_cli("export", str(out), "--status", "done")
    assert bad.returncode == 2 and "choose one of" in bad.stderr


@pytest.mark.slow  # a child process
def test_review_command_refuses_a_folder_without_articles(tmp_path):
    result = run_cli("review", str(tmp_path))
    assert result.returncode == 2 and "run `tarjama run INPUT -o" in result.stderr
