"""Many reviewers at once on the real server (waitress, as `tarjama review` serves): every
"add term" succeeds, and OUT/glossary.tsv and the audit record in review.sqlite hold the same
terms, none lost. The output folder is written here by hand: no model is needed."""

import http.client
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from waitress.server import create_server

from tarjama.review.app import create_app
from tarjama.review.store import ReviewStore
from translate.glossary import read_file

# Twenty-four place names, each a term a reviewer may add (written for this test).
PLACES = ["بغداد", "البصرة", "الموصل", "أربيل", "كركوك", "النجف", "كربلاء", "الحلة", "الرمادي", "الفلوجة",
          "تكريت", "سامراء", "بعقوبة", "الكوت", "العمارة", "الناصرية", "السماوة", "الديوانية", "دهوك",
          "السليمانية", "حلبجة", "زاخو", "سنجار", "تلعفر"]


def article_record(article_id: str, sentences: list[str], **changes) -> dict:
    """A schema-valid article record, as the job writes one."""
    record = {
        "schema_version": 1, "id": article_id,
        "source": {"path": f"in/{article_id}.txt", "sha256": "0" * 64, "name": None},
        "title": {"ar": "عنوان", "en": "Title"}, "published": None,
        "segments": [{"paragraph": 0, "ar": s, "en": f"sentence {i}", "score": -0.5} for i, s in enumerate(sentences)],
        "summary": {"en": "A summary.", "ar": "", "input": "translation", "chunks": 1, "rounds": 1},
        "facts": {k: {"dates": [], "numbers": [], "people": [], "organisations": [], "places": []}
                  for k in ("source", "translation", "summary")},
        "flags": [], "models": {"translate": "t", "summarise": "s"}, "meta": {},
    }
    record.update(changes)
    return record


def write_folder(out: Path, records: list[dict]) -> Path:
    (out / "articles").mkdir(parents=True)
    for record in records:
        (out / "articles" / f"{record['id']}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return out


@pytest.fixture()
def served(tmp_path):
    """(out, port) of a real waitress server over a folder of one article naming PLACES."""
    sentences = [f"زار الوفد مدينة {place} أمس." for place in PLACES]
    out = write_folder(tmp_path / "out", [article_record("cities", sentences)])
    server = create_server(create_app(out, "desk"), host="127.0.0.1", port=0, threads=8)
    port = server.effective_port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield out, port
    server.close()
    thread.join(timeout=10)


def _request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(method, path, body=body, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
    response = conn.getresponse()
    data = response.read().decode("utf-8")
    conn.close()
    return response, data


def _add_term(port, arabic, english, barrier):
    """One browser: open the article (a session and its CSRF token), then add a term."""
    response, page = _request(port, "GET", "/article/cities")
    cookie = response.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    barrier.wait()  # every browser posts at the same moment
    body = urlencode({"csrf_token": token, "arabic": arabic, "english": english})
    response, text = _request(port, "POST", "/article/cities/term", body, {
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    return response.status, text


def test_parallel_add_term_requests_all_land_in_file_and_record(served):
    out, port = served
    terms = [(place, f"City {i}") for i, place in enumerate(PLACES)]
    barrier = threading.Barrier(len(terms), timeout=60)
    with ThreadPoolExecutor(len(terms)) as pool:
        results = list(pool.map(lambda t: _add_term(port, *t, barrier), terms))
    assert [status for status, _ in results] == [303] * len(terms), [t[:300] for _, t in results if _ != 303]
    in_file = sorted((e.arabic, e.english) for e in read_file(out / "glossary.tsv"))
    recorded = sorted((arabic, english) for _, arabic, english, _, _ in ReviewStore(out).terms())
    assert in_file == recorded == sorted(terms)
    assert sorted((out / "glossary.tsv").read_text(encoding="utf-8").splitlines()) == sorted(f"{a}\t{e}" for a, e in terms)
    assert list(out.glob(".glossary.tsv.*")) == []  # no temporary file left behind
