"""An output folder damaged by a hand, a disk or a copy cut short: an article file that is JSON
but not an article record, a ledger.sqlite or review.sqlite that SQLite cannot read. Each is
named in one line, skipped where it can be, and never a traceback or a 500."""

import json
import sqlite3

import jsonschema
import pytest

from tarjama import article_check
from tarjama.damaged import DamagedDatabase
from tarjama.article_json import article_schema
from tarjama.review.app import create_app
from tests.in_process import cli
from tests.test_review import _client, out, review_out  # noqa: F401  (fixtures shared)


def _record(out, article_id="seed"):
    return json.loads((out / "articles" / f"{article_id}.json").read_text(encoding="utf-8"))


def _damage(out, change, article_id="seed"):
    record = _record(out, article_id)
    change(record)
    (out / "articles" / f"{article_id}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def _set(path, value):
    def change(record):
        node = record
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def _drop(path):
    def change(record):
        node = record
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return change


# Valid JSON, and each not an article record; what the validator says of each.
DAMAGES = {
    "summary a list": (_set(["summary"], ["One.", "Two."]), "summary is array, expected object"),
    "title an object": (_set(["title", "ar"], {"text": "عنوان"}), "title.ar is object, expected string"),
    "flags a number": (_set(["flags"], 3), "flags is integer, expected array"),
    "a number without its value": (_set(["facts", "source", "numbers"], [{"text": "ثلاثة", "unit": None}]),
                                   "facts.source.numbers[0].value is missing"),
    "a segment's score a string": (_set(["segments", 0, "score"], "high"),
                                   "segments[0].score is string, expected number or null"),
    "segments missing": (_drop(["segments"]), "segments is missing"),
    "a field of its own": (_set(["extra"], 1), "extra is not a field of an article record"),
    "another schema version": (_set(["schema_version"], 4), "schema_version is not one of 1, 2, 3"),
    "a date that is no date": (_set(["published"], "27 Sept"), "published does not match ^\\d{4}(-\\d{2}(-\\d{2})?)?$"),
}


def test_a_written_record_passes_and_agrees_with_jsonschema(out):  # noqa: F811
    for article_id in ("seed", "xss", "other"):
        record = _record(out, article_id)
        jsonschema.validate(record, article_schema())
        assert article_check.problem(record) is None


@pytest.mark.parametrize("name", DAMAGES)
def test_each_damage_is_named_and_jsonschema_refuses_it_too(out, name):  # noqa: F811
    change, problem = DAMAGES[name]
    record = _record(out)
    change(record)
    assert article_check.problem(record) == problem
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, article_schema())


def test_the_validator_reads_json_schemas_numbers_as_jsonschema_does():
    check = article_check.compile_schema({"type": "object", "properties": {
        "n": {"type": "integer", "minimum": 0}, "v": {"const": 1}, "s": {"type": "string", "maxLength": 2}}})
    for value, problem in [({"n": 1.0}, None), ({"n": True}, "n is boolean, expected integer"),
                           ({"n": -1}, "n is below 0"), ({"v": 1.0}, None), ({"v": True}, "v is not 1"),
                           ({"s": "abc"}, "s is longer than 2 characters"), ([], "the record is array, expected object")]:
        assert check(value, "") == problem
    with pytest.raises(ValueError, match="uses oneOf, which article_check does not read"):
        article_check.compile_schema({"oneOf": [{"type": "string"}]})


@pytest.mark.parametrize("name", DAMAGES)
def test_the_review_page_lists_it_as_damaged_and_its_page_says_so(out, name):  # noqa: F811
    change, problem = DAMAGES[name]
    _damage(out, change)
    client = _client(out)
    index = client.get("/")
    page = index.get_data(as_text=True)
    assert index.status_code == 200
    assert "Unreadable article files (1)" in page and f"<code>seed.json: {problem}</code>" in page
    assert 'href="/article/seed"' not in page and 'href="/article/other"' in page
    article = client.get("/article/seed")
    assert article.status_code == 404
    assert "seed.json: " in article.get_data(as_text=True) and "the file is damaged" in article.get_data(as_text=True)
    assert client.get("/article/other").status_code == 200


@pytest.mark.parametrize("name", ["title an object", "flags a number", "a number without its value"])
def test_every_export_skips_it_with_a_warning(out, capsys, name):  # noqa: F811
    change, problem = DAMAGES[name]
    _damage(out, change)
    client = _client(out)
    for fmt in ("jsonl", "csv", "md"):
        response = client.get(f"/export?format={fmt}&status=all")
        assert response.status_code == 200
        assert response.headers["X-Tarjama-Skipped"] == "1 unreadable article file(s), listed on the list page"
    rows = client.get("/export?format=jsonl&status=all").get_data(as_text=True).splitlines()
    assert sorted(json.loads(r)["id"] for r in rows) == ["other", "xss"]
    for fmt in ("jsonl", "csv", "md"):
        code, stdout, stderr = cli(capsys, "export", str(out), "--status", "all", "--format", fmt)
        assert code == 0 and stderr == f"tarjama: skipped unreadable article file seed.json: {problem}\n"
        if fmt == "jsonl":
            assert sorted(json.loads(r)["id"] for r in stdout.splitlines()) == ["other", "xss"]


def test_a_folder_without_a_ledger_lists_its_damaged_file_too(out):  # noqa: F811
    (out / ".tarjama" / "ledger.sqlite").unlink()
    _damage(out, DAMAGES["flags a number"][0])
    page = _client(out).get("/").get_data(as_text=True)
    assert "Unreadable article files (1)" in page and "<code>seed.json: flags is integer, expected array</code>" in page
    assert 'href="/article/xss"' in page and 'href="/article/other"' in page


def test_eval_of_a_finished_folder_skips_a_damaged_file_and_reads_nothing_outside(out, tmp_path, capsys):  # noqa: F811
    _damage(out, DAMAGES["segments missing"][0])
    outside = tmp_path / "secret.json"
    outside.write_text(json.dumps(_record(out, "other")), encoding="utf-8")
    refs = tmp_path / "refs.jsonl"
    refs.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "seed", "summary": "A summary."}, {"id": "other", "summary": "Another summary."},
        {"id": "../../secret", "summary": "Read from outside."}, {"id": "gone", "summary": "No such article."}]),
        encoding="utf-8")
    code, stdout, stderr = cli(capsys, "eval", str(out), "--reference", str(refs), "--json")
    assert code == 0, stderr
    row = json.loads(stdout)["rows"][0]
    assert row["articles_missing"] == ["../../secret", "gone"] and row["articles_unreadable"] == ["seed"]
    assert stderr == "tarjama: eval: skipped unreadable article file seed.json: segments is missing\n"


# -- a damaged ledger.sqlite or review.sqlite ----------------------------------------------------


def _not_a_database(path):
    path.write_bytes(b"this was a database until a copy cut it short\n" * 200)


def _break_a_page(path, page=2):
    """A file whose header is sound and one of whose later pages is not: SQLite opens it and
    fails on the first query that reads that page."""
    db = sqlite3.connect(path)
    size = db.execute("PRAGMA page_size").fetchone()[0]
    assert db.execute("PRAGMA page_count").fetchone()[0] > page
    db.close()
    with open(path, "r+b") as fh:
        fh.seek(size * (page - 1))
        fh.write(b"\xff" * size)


LEDGER_ADVICE = ("it records what each input became: move it aside and run the job again (finished articles are "
                 "written again; the review history is in review.sqlite and is kept)")
STORE_ADVICE = "it holds the review history: restore it from a backup, or move it aside to start the reviews afresh"


def test_the_review_server_and_export_name_a_damaged_review_store(out, capsys):  # noqa: F811
    store = out / ".tarjama" / "review.sqlite"
    _client(out).get("/")  # the store exists
    _not_a_database(store)
    expected = f"{store}: damaged, not a readable SQLite database (file is not a database); {STORE_ADVICE}"
    with pytest.raises(DamagedDatabase) as caught:
        create_app(out, "alice")
    assert str(caught.value) == expected
    code, stdout, stderr = cli(capsys, "export", str(out), "--status", "all")
    assert (code, stdout, stderr) == (2, "", f"tarjama: error: {expected}\n")


def test_a_store_damaged_while_the_server_runs_is_one_line_on_every_page(out):  # noqa: F811
    client = _client(out)
    assert client.get("/").status_code == 200
    store = out / ".tarjama" / "review.sqlite"
    _not_a_database(store)
    expected = f"{store}: damaged, not a readable SQLite database (file is not a database); {STORE_ADVICE}\n"
    for path in ("/", "/article/seed", "/export?format=csv&status=all"):
        response = client.get(path)
        assert (response.status_code, response.get_data(as_text=True)) == (503, expected)


def test_a_ledger_broken_mid_file_is_named_by_the_server_and_the_export(out, capsys):  # noqa: F811
    ledger = out / ".tarjama" / "ledger.sqlite"
    _break_a_page(ledger)
    with pytest.raises(DamagedDatabase) as caught:
        create_app(out, "alice")
    message = str(caught.value)
    assert message.startswith(f"{ledger}: damaged, not a readable SQLite database (")
    assert message.endswith(f"); {LEDGER_ADVICE}")
    code, stdout, stderr = cli(capsys, "export", str(out), "--status", "all")
    assert (code, stdout, stderr) == (2, "", f"tarjama: error: {message}\n")


def test_a_run_on_a_damaged_ledger_is_one_line(out, tiny_models, capsys):  # noqa: F811
    from tests.conftest import SEED, set_args

    ledger = out / ".tarjama" / "ledger.sqlite"
    _not_a_database(ledger)
    code, stdout, stderr = cli(capsys, "run", str(SEED), "-o", str(out), "-q", *set_args(tiny_models))
    assert (code, stdout) == (2, "")
    assert stderr == (f"tarjama: error: {ledger}: damaged, not a readable SQLite database (file is not a database); "
                      f"{LEDGER_ADVICE}\n")
