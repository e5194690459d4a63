"""The review page left open on a network, and exports opened in a spreadsheet or a Markdown
viewer: Host and Origin checks, size limits, inert CSV and Markdown, direction controls shown,
a corrupt article file listed and skipped."""

import csv
import io
import json
import re
import shutil

import pytest

from tarjama.engines import Engines
from tarjama.inert import csv_cell, escape_controls, md_text, show_bidi
from tarjama.review.app import CSP, MAX_REQUEST_BYTES, create_app
from tarjama.review.routes_article import SUMMARY_MAX_CHARS
from tarjama.review.guard import host_allowed, host_names, post_allowed
from tarjama.review.store import ReviewStore
from tarjama.job.runner import Runner
from tests.conftest import SEED, run_cli, tiny_config

RLO = "\u202e"
# Stored order "٢٠٢٢ 7 آب": with an RLO before the digits, a reviewer would read another date.
SPOOF = f"وقع الاتفاق في {RLO}2202 آب 7 في بغداد."
FORMULA_TITLE = '=HYPERLINK("http://evil.example/x","اضغط")'
MD_BODY = 'خبر فيه <script>alert(1)</script> و[اضغط هنا](javascript:alert(2)) و<img src=x onerror=alert(3)> عن بغداد.'


@pytest.fixture(scope="module")
def hostile_out(tiny_models, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-in")
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "spoof.txt").write_text(f"عنوان الخبر\n\n{SPOOF}\n", encoding="utf-8")
    (folder / "formula.txt").write_text(f"{FORMULA_TITLE}\n\n{MD_BODY}\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-out")
    cfg = tiny_config(tiny_models, **{"facts.entities": "false"})
    assert Runner(cfg, out, engines=Engines(cfg)).run([str(folder)]).exit_code == 0
    return out


@pytest.fixture()
def out(hostile_out, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(hostile_out, copy)
    return copy


def _client(out, **kwargs):
    app = create_app(out, "alice", **kwargs)
    app.config["TESTING"] = True
    return app.test_client()


def _form(client, path, **kwargs):
    page = client.get(path, **kwargs).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    version = int(re.search(r'name="version" value="(\d+)"', page).group(1))
    return token, version


# -- Host and Origin -----------------------------------------------------------------------------


@pytest.mark.parametrize("host,port,ok", [
    ("127.0.0.1:8765", 8765, True), ("localhost:8765", 8765, True), ("[::1]:8765", 8765, True),
    ("LOCALHOST:8765", 8765, True), ("evil.example:8765", 8765, False), ("127.0.0.1:9999", 8765, False),
    ("127.0.0.1", 80, True), ("127.0.0.1", 8765, False), ("evil.example", None, False), ("localhost", None, True),
])
def test_host_allowed(host, port, ok):
    assert host_allowed(host, host_names("127.0.0.1"), port) is ok


def test_host_names_of_a_bound_address_and_extra_names():
    names = host_names("10.1.2.3", ["review.newsroom.lan"])
    assert {"10.1.2.3", "review.newsroom.lan", "localhost"} <= names and "evil.example" not in names
    assert "[fe80::1]" in host_names("fe80::1")


@pytest.mark.parametrize("origin,site,ok", [
    (None, None, True), ("http://127.0.0.1:8765", "same-origin", True), ("http://127.0.0.1:8765", None, True),
    ("http://evil.example", "cross-site", False), ("http://evil.example", None, False),
    (None, "cross-site", False), (None, "same-site", False), ("null", None, False),
])
def test_post_allowed(origin, site, ok):
    assert post_allowed(origin, site, "127.0.0.1:8765") is ok


def test_rebound_host_is_refused_on_every_route(out):
    client = _client(out, port=8765)
    for path in ("/", "/article/seed", "/export?format=jsonl&status=all", "/static/review.js"):
        assert client.get(path, headers={"Host": "evil.example:8765"}).status_code == 421
        assert client.get(path, headers={"Host": "127.0.0.1:8765"}).status_code == 200


def test_cross_site_posts_are_refused_even_with_a_token(out):
    client = _client(out)
    token, version = _form(client, "/article/seed")
    data = {"csrf_token": token, "version": version, "status": "approved"}
    assert client.post("/article/seed/decision", data=data, headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.post("/article/seed/decision", data=data, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert ReviewStore(out).decisions("seed") == []
    ok = client.post("/article/seed/decision", data=data,
                     headers={"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"})
    assert ok.status_code == 303 and ReviewStore(out).state("seed").status == "approved"


# -- sizes -----------------------------------------------------------------------------------------


def test_large_bodies_get_413_and_nothing_is_stored(out):
    client = _client(out)
    token, version = _form(client, "/article/seed")
    huge = "x" * (10 * 1024 * 1024)
    r = client.post("/article/seed/summary", data={"csrf_token": token, "version": version, "summary": huge})
    assert r.status_code == 413
    assert len(ReviewStore(out).history("seed")) == 1
    assert MAX_REQUEST_BYTES <= 1024 * 1024


def test_summary_over_the_stated_limit_is_refused(out):
    client = _client(out)
    page = client.get("/article/seed").get_data(as_text=True)
    assert f'maxlength="{SUMMARY_MAX_CHARS}"' in page and f"At most {SUMMARY_MAX_CHARS:,} characters" in page
    token, version = _form(client, "/article/seed")
    r = client.post("/article/seed/summary",
                    data={"csrf_token": token, "version": version, "summary": "y" * (SUMMARY_MAX_CHARS + 1)})
    assert r.status_code == 400 and "over the limit" in r.get_data(as_text=True)
    assert len(ReviewStore(out).history("seed")) == 1
    r = client.post("/article/seed/summary", data={"csrf_token": token, "version": version, "summary": "y" * 500})
    assert r.status_code == 303


# -- headers and scripts ------------------------------------------------------------------------


def test_csp_forbids_inline_code_and_pages_have_none(out):
    client = _client(out)
    for path in ("/", "/article/seed"):
        r = client.get(path)
        assert r.headers["Content-Security-Policy"] == CSP
        assert "unsafe-inline" not in CSP and "script-src 'self'" in CSP
        assert r.headers["Referrer-Policy"] == "same-origin"
        page = r.get_data(as_text=True)
        assert "<style" not in page and not re.search(r"<script(?![^>]*\bsrc=)", page)
        assert not re.search(r"\son\w+=", page)  # no inline event handlers either
    assert "keydown" in client.get("/static/review.js").get_data(as_text=True)


def test_web_export_accepts_status_all(out):
    client = _client(out)
    rows = client.get("/export?format=jsonl&status=all").get_data(as_text=True).splitlines()
    assert len(rows) == 3
    assert client.get("/export?format=jsonl&status=done").status_code == 400


# -- inert exports and renderings ------------------------------------------------------------------


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+33 1", "'+33 1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("plain", "plain"), ("بغداد", "بغداد"), (3, 3), ("", ""),
])
def test_csv_cell(value, expected):
    assert csv_cell(value) == expected


def _formula_review(out):
    client = _client(out)
    token, version = _form(client, "/article/formula")
    client.post("/article/formula/summary", data={"csrf_token": token, "version": version,
                                                   "summary": '=HYPERLINK("http://evil.example","x")'})
    client.post("/article/formula/decision", data={"csrf_token": token, "version": version + 1,
                                                    "status": "approved", "note": "@SUM(1)"})
    return client


def _no_live_formula(body: str) -> None:
    cells = [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells and "'@SUM(1)" in cells
    assert f"'{FORMULA_TITLE}" in cells


def test_the_web_csv_export_carries_no_live_formula(out):
    _no_live_formula(_formula_review(out).get("/export?format=csv&status=all").get_data(as_text=True))


@pytest.mark.slow  # a child process
def test_the_command_s_csv_export_carries_no_live_formula(out):
    _formula_review(out)
    cli = run_cli("export", str(out), "--status", "all", "--format", "csv")
    assert cli.returncode == 0, cli.stderr
    _no_live_formula(cli.stdout)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "[x]( JavaScript:alert(1) )", "<javascript:alert(1)>", "![i](javascript:alert(1))", "[x][1]\n\n[1]: javascript:alert(1)",
])
def test_md_text_is_inert(text):
    out = md_text(text)
    assert "<" not in out and ">" not in out and not re.search(r"(?<!\\)[\[\]]", out)
    assert not re.search(r"javascript\s*:", out, re.IGNORECASE)


def test_markdown_outputs_escape_html_and_refuse_script_links(out):
    client = _client(out)
    token, version = _form(client, "/article/formula")
    client.post("/article/formula/decision", data={"csrf_token": token, "version": version, "status": "approved"})
    exported = client.get("/export?format=md").get_data(as_text=True)
    article = (out / "articles" / "formula.md").read_text(encoding="utf-8")
    for body in (exported, article):
        assert "<script>" not in body and "<img" not in body and "](javascript:" not in body
        assert f"**{md_text(FORMULA_TITLE)}**" in body  # the hostile title, as inert text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article and "\\[اضغط هنا\\]" in article


def test_direction_overrides_are_shown_not_obeyed(out):
    record = json.loads((out / "articles" / "spoof.json").read_text(encoding="utf-8"))
    assert any(RLO in s["ar"] for s in record["segments"])  # the JSON keeps the text as it came
    page = _client(out).get("/article/spoof").get_data(as_text=True)
    assert RLO not in page and "⟦U+202E⟧2202" in page
    for rendering in ("spoof.html", "spoof.md"):
        text = (out / "articles" / rendering).read_text(encoding="utf-8")
        assert RLO not in text and "⟦U+202E⟧" in text
    assert show_bidi("a\u2066b\u2069") == "a⟦U+2066⟧b⟦U+2069⟧"


def test_escape_controls():
    assert escape_controls("a\nb\x1b[2K\u202ec") == "a\\nb\\x1b[2K\\u202ec"
    assert escape_controls("بغداد 2022") == "بغداد 2022"


# -- a corrupt article file ----------------------------------------------------------------------


@pytest.mark.parametrize("damage", ['{"id": "seed", "title": ', "[1, 2]", '{"id": "seed"}', "\udcff"])
@pytest.mark.slow  # a child process
def test_corrupt_article_file_is_listed_and_skipped(out, damage):
    (out / "articles" / "seed.json").write_text(damage, encoding="utf-8", errors="surrogateescape")
    client = _client(out)
    index = client.get("/")
    assert index.status_code == 200
    page = index.get_data(as_text=True)
    assert "Unreadable article files (1)" in page and "seed.json" in page
    assert 'href="/article/spoof"' in page and client.get("/article/spoof").status_code == 200
    assert client.get("/article/seed").status_code == 404
    rows = client.get("/export?format=jsonl&status=all").get_data(as_text=True).splitlines()
    assert sorted(json.loads(r)["id"] for r in rows) == ["formula", "spoof"]
    cli = run_cli("export", str(out), "--status", "all")
    assert cli.returncode == 0 and len(cli.stdout.splitlines()) == 2
    assert "skipped unreadable article file seed.json" in cli.stderr
