"""Every format, every encoding, the clean-up, and bad input. Fixtures are made here: the
seed page re-encoded, wrapped in HTML, exported as JSON Lines and Markdown."""

import codecs
import html
import json
import shutil

import pytest

from tarjama.config import load
from tarjama.ingest import IngestFailure, read_inputs
from tarjama.ingest.cleaning import fix_text, strip_wire_tail
from tarjama.ingest.metadata import normalise_date, read_dateline
from tarjama.ingest.text_page import parse_text_page
from tests.conftest import SEED, load_json, run_cli, set_args

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_PAGE = parse_text_page(SEED_TEXT)
TITLE = SEED_PAGE.title


def _html_page(paragraphs, date_meta=True):
    meta = "<meta property='article:published_time' content='2022-09-27T08:00:00Z'>" if date_meta else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>{TITLE} | روداو</title>"
        f"<meta property='og:title' content='{TITLE}'><meta property='og:site_name' content='روداو'>{meta}</head>"
        f"<body><nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/news'>أخبار</a></li></ul></nav>"
        f"<article><h1>{TITLE}</h1>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
    )


FORMS = {
    "utf8.txt": lambda: SEED_TEXT.encode("utf-8"),
    "utf8-bom.txt": lambda: codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"),
    "utf16.txt": lambda: SEED_TEXT.encode("utf-16"),
    "cp1256-crlf.txt": lambda: SEED_TEXT.replace("\n", "\r\n").encode("cp1256"),
    # ISO-8859-6 has no bullet: the scrape header gets a dash, as such archives have.
    "iso8859-6-cr.txt": lambda: SEED_TEXT.replace("•", "-").replace("\n", "\r").encode("iso-8859-6"),
    "page.html": lambda: _html_page(SEED_PAGE.paragraphs).encode("utf-8"),
    "export.jsonl": lambda: (json.dumps({"id": "rudaw-1", "title": TITLE, "body": "\n\n".join(SEED_PAGE.paragraphs),
                                         "date": "2022-09-27T10:00:00+03:00"}, ensure_ascii=False) + "\n").encode("utf-8"),
    "export.json": lambda: json.dumps([{"id": "rudaw-2", "title": TITLE, "text": "\n".join(SEED_PAGE.paragraphs)}],
                                      ensure_ascii=False).encode("utf-8"),
    "article.md": lambda: (f"---\ntitle: {TITLE}\ndate: 2022-09-27\n---\n\n" + "\n\n".join(SEED_PAGE.paragraphs)).encode("utf-8"),
    "html-in.txt": lambda: _html_page(SEED_PAGE.paragraphs, date_meta=False).encode("utf-8"),
}


def _read(path, **overrides):
    cfg = load([], [f"{k}={v}" for k, v in overrides.items()], check=False)
    return list(read_inputs([path], cfg))


@pytest.mark.parametrize("name", sorted(FORMS))
def test_same_article_from_every_format_and_encoding(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(FORMS[name]())
    [article] = _read(path)
    assert not isinstance(article, IngestFailure), article
    assert article.title == TITLE and "\ufeff" not in article.title
    assert article.paragraphs == SEED_PAGE.paragraphs
    assert article.content_sha == _read(SEED)[0].content_sha
    expected_date = "2022-09-27" if name in ("page.html", "export.jsonl", "article.md") else None
    assert article.published == expected_date
    if name in ("page.html", "utf8.txt", "cp1256-crlf.txt"):
        assert article.source_name == "روداو"


def test_record_ids_name_articles_and_records_without_ids_are_named_by_their_text(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [{"id": "a/1", "text": "نص عربي أول."}, {"text": "نص عربي ثان."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    first, second = _read(path)
    assert (first.name, first.key) == ("a-1", f"{path}#id:a/1")
    digest = second.key.rpartition("#text:")[2]
    assert len(digest) == 16 and second.name == f"feed-{digest[:10]}"
    # The same record on another line, its spaces changed, is the same article.
    moved = [{"text": "نص  عربي\nثان."}, rows[0]]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in moved), encoding="utf-8")
    assert [a.key for a in _read(path)] == [second.key, first.key]


def test_json_field_names_are_configurable(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"headline": "عنوان", "meta": {"story": "نص الخبر هنا."}}, ensure_ascii=False), encoding="utf-8")
    [article] = _read(path, **{"input.fields.text": "meta.story", "input.fields.title": "headline"})
    assert (article.title, article.paragraphs) == ("عنوان", ("نص الخبر هنا.",))


BAD = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("latin.txt", "café déjà vu naïve".encode("latin-1") * 20, "not UTF-8"),
    ("norecord.jsonl", b'{"id": 1, "title": "t"}\n', "line 1 has no text"),
    ("broken.jsonl", b'{"text": "\xd9\x86\xd8\xb5"\n', "line 1 is not valid JSON"),
    ("notobject.json", b"[1]", "record 1 is not a JSON object"),
    ("furniture.txt", "logo\n\nTop\n".encode(), "no article text"),
    ("english.txt", b"Title\n\nThis story is in English only, with no Arabic at all.\n", "little or no Arabic"),
    ("nohtml.html", b"<html><body><nav>menu</nav></body></html>", "no article text"),
    ("emptyhtml.html", b"<html><body></body></html>", "no article text found in the HTML"),
]


@pytest.mark.parametrize("name,data,reason", BAD)
def test_bad_input_gets_a_clear_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    [failure] = _read(path)
    assert isinstance(failure, IngestFailure) and reason in failure.reason
    assert failure.path == str(path)


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("نص " * 1000, encoding="utf-8")
    [failure] = _read(path, **{"input.max_bytes": 100})
    assert "over input.max_bytes = 100" in failure.reason


def test_fragment_is_translated_with_a_warning(tmp_path):
    path = tmp_path / "fragment.txt"
    path.write_text("عنوان\n\n، وأضاف أن الاجتماع سيعقد غدا.\n", encoding="utf-8")
    [article] = _read(path)
    assert article.paragraphs and "starts mid-sentence" in article.warnings[0]


CLEAN = [
    # (page, expected paragraphs)
    ("عنوان\n\nنص الخبر.\n\nشارك\n\nفيسبوك\n\nتويتر", ("نص الخبر.",)),
    ("عنوان\n\nنص الخبر.\n\nاقرأ أيضاً:\nوزير يزور بغداد\nارتفاع أسعار النفط\n\nفقرة أخيرة تكمل الخبر.",
     ("نص الخبر.", "فقرة أخيرة تكمل الخبر.")),
    ("عنوان\n\nنص الخبر.\n\n// يتبع //", ("نص الخبر.",)),
    ("عنوان\n\nنص الخبر الأخير. 14:35 ت م", ("نص الخبر الأخير.",)),
    ("عنوان\n\nنص الخبر الأخير. /انتهى/", ("نص الخبر الأخير.",)),
    ("عنوان\n\nالأرباح &amp; الخسائر &quot;كبيرة&quot;.", ('الأرباح & الخسائر "كبيرة".',)),
    ("عنوان\n\nانتهى الاجتماع.وبدأ المؤتمر.", ("انتهى الاجتماع. وبدأ المؤتمر.",)),
    ("عنوان\n\nص.ب 4.5 مليون.", ("ص.ب 4.5 مليون.",)),
    ("عنوان\n\nفقرة مكررة.\n\nفقرة مكررة.\n\nعنوان", ("فقرة مكررة.",)),
    ("عنوان\n\nReporting by Ali, مع Reuters وNATO.", ("Reporting by Ali, مع Reuters وNATO.",)),
]


@pytest.mark.parametrize("page,expected", CLEAN)
def test_cleaning(page, expected):
    assert parse_text_page(page).paragraphs == expected


@pytest.mark.parametrize(
    "paragraph,published,agency",
    [
        ("بغداد - 27 أيلول 2022 - أعلنت الحكومة عن خطة.", "2022-09-27", None),
        ("الرياض 27 سبتمبر 2022 (واس) - أعلنت الوزارة.", "2022-09-27", "واس"),
        ("أربيل (رووداو) - أكدت الوزارة أنها ستواصل.", None, "رووداو"),
        ("أكدت الوزارة في بيان - نشرته أمس - أنها ستواصل العمل مع الشركاء في المنطقة خلال الأعوام المقبلة.", None, None),
    ],
)
def test_dateline(paragraph, published, agency):
    assert read_dateline(paragraph) == (published, agency)


@pytest.mark.parametrize(
    "value,iso",
    [("2022-09-27T10:00:00Z", "2022-09-27"), ("27 September 2022", "2022-09-27"), ("27 أيلول 2022", "2022-09-27"),
     ("2022-09", "2022-09"), ("yesterday", None), ("", None), (None, None)],
)
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


def test_glued_stops_and_wire_tail_helpers():
    assert fix_text("قال.ثم") == "قال. ثم" and fix_text("ق.م") == "ق.م"
    assert strip_wire_tail("انتهى الخبر. 09:15") == "انتهى الخبر."
    assert strip_wire_tail("الساعة 09:15") == "الساعة 09:15"  # a time inside the text stays


def test_globs_select_files_in_folders(tmp_path):
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "a.txt").write_text("عنوان\n\nنص عربي.", encoding="utf-8")
    (tmp_path / "skip.log").write_text("عنوان\n\nنص عربي.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("عنوان\n\nنص عربي.", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "b.txt").write_text("عنوان\n\nنص عربي آخر.", encoding="utf-8")
    found = _read(tmp_path, **{"input.exclude": '["**/.*", "drafts/**"]'})
    assert [a.path.rsplit("/", 2)[-2:] for a in found] == [["keep", "a.txt"]]


@pytest.mark.slow  # a child process
def test_mixed_folder_end_to_end(tiny_models, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("utf8.txt", "cp1256-crlf.txt", "page.html", "export.jsonl"):
        (folder / name).write_bytes(FORMS[name]())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bad.jsonl").write_text('{"text": "نص عربي كاف للترجمة."}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("run", str(folder), "-o", str(out), *set_args(tiny_models))
    assert result.returncode == 1, result.stderr
    manifest = load_json(out / "manifest.json")
    assert sorted(f["reason"] for f in manifest["failures"]) == ["empty file", "line 2 is not valid JSON: Expecting property name enclosed in double quotes at column 2"]
    assert "empty.txt: empty file" in result.stderr and "bad.jsonl: line 2 is not valid JSON" in result.stderr
    # The same article in four forms is translated once; the other three point to it.
    assert len(manifest["duplicates"]) == 3
    from tarjama.ingest.formats import content_id
    assert sorted(manifest["articles"]) == [f"bad-{content_id(None, 'نص عربي كاف للترجمة.')[:10]}", "cp1256-crlf"]
    shutil.rmtree(out)
