"""An article of a JSON or JSON Lines feed is its record's id (or, without one, its title and
text), never its line: newest-first feeds gain and lose records at the top, and each story must
keep its own id, files and review history through every rerun on a reviewed output folder."""

import json
import sqlite3

import pytest

from tarjama.engines import Engines
from tarjama.ledger import Ledger
from tarjama.review.store import ReviewStore
from tarjama.job.runner import Runner
from tests.conftest import load_json, tiny_config

# Four short stories, each with something of its own in the title and text.
STORIES = {
    "gaza": ("هدنة في غزة", "أعلنت الأطراف هدنة لمدة ثلاثة أيام في غزة."),
    "oil": ("أسعار النفط ترتفع", "ارتفعت أسعار النفط إلى 90 دولارا للبرميل."),
    "rain": ("أمطار غزيرة في عمان", "هطلت أمطار غزيرة على العاصمة الأردنية عمان أمس."),
    "vote": ("انتخابات بلدية", "بدأ التصويت في الانتخابات البلدية في تونس صباح اليوم."),
}


def _line(name: str, with_id: bool) -> str:
    title, text = STORIES[name]
    record = {"title": title, "text": text, **({"id": name} if with_id else {})}
    return json.dumps(record, ensure_ascii=False) + "\n"


@pytest.fixture(scope="module")
def cfg(tiny_models):
    return tiny_config(tiny_models, **{"facts.entities": "false"})


def _run(cfg, feed, out):
    outcome = Runner(cfg, out, engines=Engines(cfg), progress=False).run([str(feed)])
    assert outcome.exit_code == 0, (outcome.failed, outcome.skipped)
    return outcome


def _titles(out) -> dict[str, str]:
    """Article id -> the Arabic title in its file: which story each id holds."""
    return {p.stem: load_json(p)["title"]["ar"] for p in (out / "articles").glob("*.json")}


def _review(out, article_id: str, status: str) -> None:
    store = ReviewStore(out)
    try:
        summary = load_json(out / "articles" / f"{article_id}.json")["summary"]["en"]
        store.sync(article_id, summary)
        store.decide(article_id, status, "alice", store.state(article_id).latest.version)
    finally:
        store.close()


def _statuses(out) -> dict[str, str]:
    store = ReviewStore(out)
    try:
        return {row[0]: row[1] for row in store.db.execute("SELECT article_id, status FROM review_status")}
    finally:
        store.close()


def _reviewed(cfg, tmp_path, names, with_id):
    """A finished, reviewed output folder over a feed of `names`: the second story approved,
    the third rejected."""
    feed, out = tmp_path / "feed.jsonl", tmp_path / "out"
    feed.write_text("".join(_line(n, with_id) for n in names), encoding="utf-8")
    first = _run(cfg, feed, out)
    ids = dict(zip(names, first.written))
    _review(out, ids[names[1]], "approved")
    _review(out, ids[names[2]], "rejected")
    return feed, out, ids


def _index_ids(out) -> list[str]:
    page = (out / "index.html").read_text(encoding="utf-8")
    return sorted(i for i in _titles(out) if f"articles/{i}.html" in page)


@pytest.mark.parametrize("with_id", [True, False], ids=["with-ids", "without-ids"])
@pytest.mark.parametrize("change", ["prepend", "drop-first", "swap"])
def test_a_changed_feed_leaves_every_story_under_its_own_id(cfg, tmp_path, change, with_id):
    names = ["gaza", "oil", "rain"]
    feed, out, ids = _reviewed(cfg, tmp_path, names, with_id)
    before = _titles(out)
    assert sorted(before.values()) == sorted(STORIES[n][0] for n in names)
    files_before = {p.name: p.read_bytes() for p in (out / "articles").iterdir()}

    changed = {"prepend": ["vote", *names], "drop-first": names[1:], "swap": [names[1], names[0], names[2]]}[change]
    feed.write_text("".join(_line(n, with_id) for n in changed), encoding="utf-8")
    second = _run(cfg, feed, out)

    assert second.duplicates == []
    assert sorted(second.reused) == sorted(ids[n] for n in changed if n in ids)
    new = [n for n in changed if n not in ids]
    assert len(second.written) == len(new)
    after = _titles(out)
    # Every earlier story is still under its own id, its files untouched...
    assert {i: after[i] for i in before} == before
    for name, data in files_before.items():
        assert (out / "articles" / name).read_bytes() == data, name
    # ...the new one under a new id...
    for article_id, name in zip(second.written, new):
        assert article_id not in before and after[article_id] == STORIES[name][0]
    # ...the reviewers' decisions on the stories they were made on...
    assert _statuses(out) == {ids["oil"]: "approved", ids["rain"]: "rejected"}
    # ...and the index lists every article on disk.
    assert _index_ids(out) == sorted(after)


def test_ids_come_from_the_record_id_or_else_its_content(cfg, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(_line("gaza", True) + _line("oil", False), encoding="utf-8")
    outcome = _run(cfg, feed, tmp_path / "out")
    assert outcome.written[0] == "gaza"
    # Without an id: the file's stem and a hash of the title and text, not a line number.
    assert outcome.written[1].startswith("feed-") and outcome.written[1] != "feed-2"
    ledger = Ledger(tmp_path / "out" / ".tarjama" / "ledger.sqlite")
    try:
        keys = sorted(row[0] for row in ledger.db.execute("SELECT key FROM inputs"))
    finally:
        ledger.close()
    digest = outcome.written[1].removeprefix("feed-")
    assert len(keys) == 2 and keys[0] == f"{feed}#id:gaza"
    assert keys[1].startswith(f"{feed}#text:{digest}") and len(keys[1]) == len(f"{feed}#text:") + 16


def test_a_repeated_record_is_named_and_never_overwrites_the_first(cfg, tmp_path):
    feed, out = tmp_path / "feed.jsonl", tmp_path / "out"
    other = json.dumps({"id": "gaza", "title": "خبر آخر", "text": STORIES["vote"][1]}, ensure_ascii=False) + "\n"
    feed.write_text(_line("gaza", True) + other + _line("oil", False) + _line("oil", False), encoding="utf-8")
    outcome = Runner(cfg, out, engines=Engines(cfg), progress=False).run([str(feed)])
    assert outcome.exit_code == 0
    assert len(outcome.written) == 2 and _titles(out)["gaza"] == STORIES["gaza"][0]
    assert [(s["input"], s["reason"]) for s in outcome.skipped] == [
        (f"{feed}#line:2", "line 2 repeats the id of line 1; only the first is read"),
        (f"{feed}#line:4", "line 4 repeats the title and text of line 3; only the first is read"),
    ]


def test_a_folder_keyed_by_line_numbers_keeps_its_ids_and_reviews(cfg, tmp_path):
    """An output folder written before records had their own keys (path#n) is adopted: the
    rerun reuses each article under its old id instead of calling it a duplicate."""
    names = ["gaza", "oil", "rain"]
    feed, out, ids = _reviewed(cfg, tmp_path, names, with_id=False)
    db = sqlite3.connect(out / ".tarjama" / "ledger.sqlite")
    with db:
        for n, (key,) in enumerate(db.execute("SELECT key FROM inputs ORDER BY rowid").fetchall(), start=1):
            db.execute("UPDATE inputs SET key = ? WHERE key = ?", (f"{feed}#{n}", key))
    db.close()
    feed.write_text("".join(_line(n, False) for n in ["vote", *names]), encoding="utf-8")
    second = _run(cfg, feed, out)
    assert second.duplicates == []
    assert sorted(second.reused) == sorted(ids.values()) and len(second.written) == 1
    assert _statuses(out) == {ids["oil"]: "approved", ids["rain"]: "rejected"}
