"""The review server left open to a team: the link it prints opens it, the token is strong
enough and keeps the page asked for, names are names, and what a reviewer reads in an export
or a summary box is what was stored, direction controls shown, never obeyed."""

import csv
import html
import io
import json
import re
import subprocess
import sys
import time
from http.cookiejar import CookieJar
from urllib.parse import urlsplit
from urllib.request import HTTPCookieProcessor, build_opener

import pytest

from tarjama.review.store import ReviewStore
from tarjama.review.team import clean_name
from tests.conftest import ROOT
from tests.in_process import cli
from tests.test_review_team import _client, _form, _free_port, out  # noqa: F401  (fixtures shared)
from tests.test_review_hardening import hostile_out  # noqa: F401

RLO, PDF = "\u202e", "\u202c"
TOKEN = "k7Qm2xVb9Lr4Tz8N"  # 16 characters


@pytest.mark.slow  # a child process serving on every address
def test_the_printed_link_opens_the_server_as_printed(out):  # noqa: F811
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tarjama", "review", str(out), "--host", "0.0.0.0",
                             "--port", str(port)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        link = re.search(r" at (http://\S+) \(Ctrl-C to stop\)", line).group(1)
        parts = urlsplit(link)
        assert parts.hostname not in ("0.0.0.0", "localhost", "127.0.0.1") and parts.port == port
        opener = build_opener(HTTPCookieProcessor(CookieJar()))  # as a browser: follows the redirect, keeps the cookie
        deadline = time.time() + 30
        while True:
            try:
                response = opener.open(link, timeout=10)
                break
            except OSError:
                assert time.time() < deadline, "the server did not start"
                time.sleep(0.2)
        # In, past the Host check and the token, at the page that asks this browser for its name.
        assert response.status == 200 and response.url == f"http://{parts.netloc}/reviewer?next=/"
        assert 'name="name"' in response.read().decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_token_leaves_the_address_bar_and_the_rest_of_the_query_stays(out):  # noqa: F811
    for asked, kept in [(f"/?status=approved&token={TOKEN}&page=2", "/?status=approved&page=2"),
                        (f"/export?token={TOKEN}&format=csv&status=all", "/export?format=csv&status=all"),
                        (f"/?status=a%26b&status=c&token={TOKEN}", "/?status=a%26b&status=c"),
                        (f"/article/spoof?token={TOKEN}", "/article/spoof")]:
        r = _client(out, reviewer="alice", token=TOKEN).get(asked)  # a browser that opens the link first
        assert (r.status_code, r.headers["Location"]) == (303, kept)


@pytest.mark.parametrize("token,problem", [
    ("s3cret", "at least 16 characters, so that it cannot be guessed (this one has 6)"),
    ("x" * 15, "at least 16 characters, so that it cannot be guessed (this one has 15)"),
    ("a+b/c d&e=f#ghijklmn", "only letters, digits and . _ ~ - (it travels in the link as it is)"),
])
def test_a_weak_or_unlinkable_token_is_refused(out, capsys, token, problem):  # noqa: F811
    code, stdout, stderr = cli(capsys, "review", str(out), "--host", "0.0.0.0", "--token", token)
    assert (code, stdout, stderr) == (2, "", f"tarjama: error: --token: {problem}\n")


@pytest.mark.parametrize("raw,name", [
    ("\u200f", None), ("\u200e\u200f\u200b", None), (f"{RLO}{PDF}", None), ("\u0651\u064e", None),
    ("\u00a0\u3000", None), (f"{RLO}ecila", None), ("ليلى\u200f", "ليلى\u200f"), ("O'Neil", "O'Neil"), ("7", "7"),
])
def test_a_reviewer_name_needs_a_visible_character(raw, name):
    assert clean_name(raw) == name


def test_the_name_page_refuses_an_invisible_name(out):  # noqa: F811
    client = _client(out)
    csrf, _ = _form(client, "/reviewer")
    for invisible in ("\u200f\u200e", f"{RLO}{PDF}", "\u0651"):
        r = client.post("/reviewer", data={"csrf_token": csrf, "name": invisible, "next": "/"})
        assert r.status_code == 400
        assert "at least one of them visible" in r.get_data(as_text=True)
    assert client.get("/article/spoof").status_code == 303  # still no name


def test_exports_show_direction_controls_as_the_pages_do(out, capsys):  # noqa: F811
    client = _client(out, reviewer="alice")
    csrf, version = _form(client, "/article/spoof")
    store = ReviewStore(out)
    store.edit("spoof", f"Signed on {RLO}2202{PDF} August 7.", "bob", version, "")
    store.decide("spoof", "approved", "bob", version + 1, f"checked {RLO}7 August")
    shown_summary, shown_note = "Signed on ⟦U+202E⟧2202⟦U+202C⟧ August 7.", "checked ⟦U+202E⟧7 August"
    bodies = {}
    for fmt in ("csv", "jsonl", "md"):
        body = client.get(f"/export?format={fmt}&status=all").get_data(as_text=True)
        code, stdout, _ = cli(capsys, "export", str(out), "--status", "all", "--format", fmt)
        assert code == 0 and stdout == body and RLO not in body and PDF not in body
        bodies[fmt] = body
    spoof = next(row for row in csv.DictReader(io.StringIO(bodies["csv"])) if row["id"] == "spoof")
    assert (spoof["summary"], spoof["note"]) == (shown_summary, shown_note)
    spoof = next(json.loads(line) for line in bodies["jsonl"].splitlines() if json.loads(line)["id"] == "spoof")
    assert (spoof["summary"], spoof["decision"]["note"]) == (shown_summary, shown_note)
    assert spoof["title"]["ar"] == "عنوان الخبر"  # text without controls is as it came
    assert "\nSigned on ⟦U+202E⟧2202⟦U+202C⟧ August 7.\n" in bodies["md"]


def _box(page):
    return html.unescape(re.search(r'<textarea name="summary"[^>]*>(.*?)</textarea>', page, re.S).group(1))


def test_saving_a_summary_keeps_the_controls_it_showed_as_tokens(out):  # noqa: F811
    client = _client(out, reviewer="alice")
    _, version = _form(client, "/article/spoof")
    stored = f"Signed on {RLO}2202{PDF} August 7 in Baghdad."
    ReviewStore(out).edit("spoof", stored, "bob", version, "")
    shown = _box(client.get("/article/spoof").get_data(as_text=True))
    assert shown == "Signed on ⟦U+202E⟧2202⟦U+202C⟧ August 7 in Baghdad."
    # The reviewer saves the box as it reads, adding a word.
    csrf, version = _form(client, "/article/spoof")
    r = client.post("/article/spoof/summary", data={"csrf_token": csrf, "version": version, "summary": shown + " Checked."})
    assert r.status_code == 303
    assert ReviewStore(out).state("spoof").summary == stored + " Checked."
    assert _box(client.get("/article/spoof").get_data(as_text=True)) == (
        "Signed on ⟦U+202E⟧2202⟦U+202C⟧ August 7 in Baghdad. Checked.")
