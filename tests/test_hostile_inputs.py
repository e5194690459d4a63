"""Hostile and careless input: each fails alone, with its reason, and nothing vanishes without
a word. Every fixture is written here."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tarjama.config import load
from tarjama.ingest import Article, IngestFailure, read_inputs
from tarjama.job.runner import Runner
from tests.conftest import SEED, load_json, run_cli, set_args

DEEP = b"[" * 100_000
BREAKING_TXT = "[عاجل] انفجار في وسط بغداد\n\nقالت مصادر أمنية إن انفجارا وقع صباح اليوم في ساحة التحرير وسط العاصمة.\n"
UPDATE_MD = "{تحديث} البرلمان يصوت على الموازنة\n\nصوت مجلس النواب مساء الثلاثاء على قانون الموازنة العامة للبلاد.\n"
MENU_HTML = (
    "<!doctype html><html lang='ar'><head><title>روداو</title><script>var a = 'بغداد 2022';</script></head><body>"
    "<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/a'>أخبار العراق</a></li><li><a href='/b'>رياضة</a></li>"
    "<li><a href='/c'>اقتصاد</a></li><li><a href='/d'>ثقافة وفنون</a></li><li><a href='/e'>اتصل بنا</a></li></ul></nav>"
    "<div class='menu'><a href='/x'>الأكثر قراءة</a> <a href='/y'>فيديو</a> <a href='/z'>صور</a></div>"
    "<footer>جميع الحقوق محفوظة</footer></body></html>"
)


def _read(*paths, **overrides):
    cfg = load([], [f"{k}={v}" for k, v in overrides.items()], check=False)
    return list(read_inputs([str(p) for p in paths], cfg))


def _failures(items):
    return {Path(i.path).name: i.reason for i in items if isinstance(i, IngestFailure)}


# -- every input fails alone ---------------------------------------------------------------


@pytest.mark.parametrize("name,data,reason", [
    ("deep.json", DEEP, "not readable JSON: nested too deeply"),
    ("deep-obj.json", b'{"a":' * 50_000, "nested too deeply"),
    ("deep.jsonl", b'{"a": ' + DEEP + b"\n", "line 1 is JSON nested too deeply to read"),
    ("deep.txt", DEEP, "no article text"),  # not JSON, since it does not parse: brackets are no article
])
def test_deeply_nested_json_is_that_files_failure(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    shutil.copy(SEED, tmp_path / "good.txt")
    items = _read(tmp_path)
    assert [i.name for i in items if isinstance(i, Article)] == ["good"]
    assert reason in _failures(items)[name]


def test_a_readers_own_error_is_that_files_failure(tmp_path, monkeypatch):
    """A bug in a parser (here: trafilatura raising) must not end the job."""
    import trafilatura

    def broken(*args, **kwargs):
        raise ValueError("parser fell over")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    (tmp_path / "page.html").write_text("<html><body><p>نص</p></body></html>", encoding="utf-8")
    shutil.copy(SEED, tmp_path / "good.txt")
    items = _read(tmp_path)
    assert [i.name for i in items if isinstance(i, Article)] == ["good"]
    assert "ValueError: parser fell over" in _failures(items)["page.html"]


@pytest.mark.parametrize("name,text", [("breaking.txt", BREAKING_TXT), ("update.md", UPDATE_MD),
                                       ("update.txt", UPDATE_MD)])
def test_text_opening_with_a_bracket_is_text_not_json(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [article] = _read(path)
    assert isinstance(article, Article), article
    assert article.title.split()[0] in ("[عاجل]", "{تحديث}")


def test_json_in_a_txt_file_is_still_json_when_it_parses(tmp_path):
    record = {"id": "wire-7", "text": "قالت الحكومة إن الاجتماع سيعقد غدا في بغداد."}
    (tmp_path / "one.txt").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "lines.txt").write_text(json.dumps(record, ensure_ascii=False) + "\n" +
                                        json.dumps({**record, "id": "wire-8"}, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    names = sorted(i.name for i in _read(tmp_path) if isinstance(i, Article))
    assert names == ["wire-7", "wire-7", "wire-8"]


def test_menu_only_html_page_is_no_article(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text(MENU_HTML, encoding="utf-8")
    [failure] = _read(path)
    assert isinstance(failure, IngestFailure) and failure.reason.startswith("no article text")


def test_short_real_html_article_is_kept(tmp_path):
    """The minimum must not drop a short news item: one real sentence is an article."""
    page = MENU_HTML.replace("<footer>", "<article><p>أعلنت وزارة الصحة العراقية اليوم تسجيل 120 إصابة جديدة "
                                         "بالمرض في محافظات البصرة وبغداد والموصل.</p></article><footer>")
    path = tmp_path / "short.html"
    path.write_text(page, encoding="utf-8")
    [article] = _read(path)
    assert isinstance(article, Article) and any("120 إصابة" in p for p in article.paragraphs)


# -- nothing vanishes without a word ---------------------------------------------------------


def test_broken_links_and_loops_are_reported(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED, folder / "good.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "sub" / "up").symlink_to(folder)  # a folder link back to an ancestor
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a link to itself
    failures = _failures(_read(folder))
    assert "broken symbolic link" in failures["gone.txt"] and "nowhere.txt" in failures["gone.txt"]
    assert "symbolic link loop" in failures["up"]
    assert "symbolic link loop" in failures["self.txt"]


def test_a_named_broken_link_is_reported_not_an_error(tmp_path):
    link = tmp_path / "named.txt"
    link.symlink_to(tmp_path / "missing.txt")
    [failure] = _read(link)
    assert "broken symbolic link" in failure.reason


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "inside.txt").write_text("نص", encoding="utf-8")
    shutil.copy(SEED, folder / "good.txt")
    if os.geteuid() == 0:
        # root reads any folder whatever its mode: make the OS refuse the way it does for a user.
        real = os.scandir

        def scandir(path="."):
            if Path(path) == folder / "locked":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        (folder / "locked").chmod(0)
    try:
        items = _read(folder)
    finally:
        (folder / "locked").chmod(0o755)
    assert [i.name for i in items if isinstance(i, Article)] == ["good"]
    assert _failures(items)["locked"] == "cannot read folder: Permission denied"



def test_a_named_pipe_is_named_and_never_opened(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    os.mkfifo(folder / "feed.jsonl")  # opened, it would wait for a writer for ever
    os.mkfifo(folder / "notes")  # no input's name: passed over as any such file is
    items = _read(folder)
    assert _failures(items) == {"feed.jsonl": "a named pipe (FIFO), not a regular file: not read"}
    assert [a.key for a in items if isinstance(a, Article)] == [str(folder / "good.txt")]
    assert _failures(_read(folder / "notes")) == {"notes": "a named pipe (FIFO), not a regular file or folder: not read"}


def test_a_bad_json_line_says_where_in_the_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"title": "خبر" "text": "نص"}\n', encoding="utf-8")
    assert _failures(_read(feed)) == {"feed.jsonl": "line 1 is not valid JSON: Expecting ',' delimiter at column 17"}


@pytest.mark.parametrize("date,problem", [
    ("2023-02-30", "'2023-02-30' is no such date (day is out of range for month)"),
    ("2023-13-01", "'2023-13-01' is no such date (month 13)"),
    ("2023-00", "'2023-00' is no such date (month 00)"),
])
def test_an_impossible_date_in_a_record_is_named_and_left_out(tmp_path, date, problem):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "title": "خبر", "date": date, "text": BREAKING_TXT}, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    [article] = _read(feed)
    assert article.published is None
    assert article.warnings == (f"{feed} record 1: its date {problem}; left out",)

@pytest.mark.slow  # a child process
def test_folder_with_no_input_files_warns_and_exits_1(tmp_path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG")
    out = tmp_path / "out"
    result = run_cli("run", str(folder), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert "no input files in this folder" in result.stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["status"] == "complete"
    assert any("no input files" in w for w in manifest["warnings"])


# -- errors at the edge ------------------------------------------------------------------------


def _one_line_error(result):
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tarjama: error: "), result.stderr
    return lines[0]


@pytest.mark.slow  # a child process
def test_output_path_that_is_a_file_is_one_line(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("not a folder", encoding="utf-8")
    line = _one_line_error(run_cli("run", str(SEED), "-o", str(target)))
    assert "exists and is not a folder" in line
    assert target.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.slow  # a child process
def test_output_folder_that_cannot_be_written_is_one_line(tmp_path):
    if os.geteuid() == 0:
        target = Path("/proc/tarjama-out")  # refused even to root
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        target = locked / "out"
    line = _one_line_error(run_cli("run", str(SEED), "-o", str(target)))
    assert "cannot" in line and "choose another" in line


@pytest.mark.slow  # a child process
def test_missing_input_stops_before_any_work(tmp_path):
    out = tmp_path / "out"
    line = _one_line_error(run_cli("run", str(SEED), str(tmp_path / "nope.txt"), "-o", str(out)))
    assert "nope.txt: no such file or folder" in line
    assert not (out / "manifest.json").exists()


def test_manifest_never_stays_running(tiny_models, tmp_path, monkeypatch):
    """A run stopped by an error that is not ours to expect still says so in its manifest."""
    from tarjama.job import runner

    def exploding(inputs, cfg):
        raise MemoryError("no memory left")
        yield  # pragma: no cover

    monkeypatch.setattr(runner, "read_inputs", exploding)
    cfg = load([], [])
    out = tmp_path / "out"
    with pytest.raises(MemoryError):
        Runner(cfg, out).run([str(SEED)])
    assert load_json(out / "manifest.json")["status"] == "error"


@pytest.mark.slow  # a child process
def test_control_characters_in_names_cannot_forge_log_lines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\ntarjama: 99 articles written, all fine\x1b[2K.txt").write_bytes(b"")
    result = run_cli("run", str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert not any(line.startswith("tarjama: 99 articles written") for line in lines), result.stderr
    assert "\x1b" not in result.stderr
    assert any("x\\ntarjama: 99 articles written, all fine\\x1b[2K.txt: empty file" in line for line in lines)


# -- the whole job ---------------------------------------------------------------------------------


@pytest.mark.slow  # a child process
def test_hostile_folder_end_to_end(tiny_models, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    (folder / "deep.json").write_bytes(DEEP)
    (folder / "breaking.txt").write_text(BREAKING_TXT, encoding="utf-8")
    (folder / "menu.html").write_text(MENU_HTML, encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "out"
    result = run_cli("run", str(folder), "-o", str(out), *set_args(tiny_models), "--set", "facts.entities=false")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["status"] == "complete"
    assert sorted(manifest["articles"]) == ["breaking", "good"]
    failed = {Path(f["input"]).name: f["reason"] for f in manifest["failures"]}
    assert set(failed) == {"deep.json", "menu.html", "gone.txt"}, failed
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(name in index for name in failed)


@pytest.mark.slow  # a child process
def test_facts_reads_through_the_input_readers(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><script>var stats = [1999, 4242];</script></head><body><nav>الرئيسية</nav><article>"
        "<p>قال مسؤول عراقي يوم 27 أيلول 2022 إن 4.5 مليون شخص تلقوا المساعدات في بغداد والمحافظات الأخرى.</p>"
        "</article></body></html>", encoding="utf-8")
    result = run_cli("facts", str(page), "--set", "facts.entities=false")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert [n["value"] for n in facts["numbers"]] == [4500000]  # nothing from the script
    assert [d["iso"] for d in facts["dates"]] == ["2022-09-27"]

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "وصل 300 جندي في 5 آذار 2021"}\n{"text": "غادر 20 شخصا"}\n', encoding="utf-8")
    result = run_cli("facts", str(feed), "--set", "facts.entities=false")
    records = json.loads(result.stdout)
    assert [(r["record"].rsplit("#")[-1][:5], [n["value"] for n in r["numbers"]]) for r in records] == [
        ("text:", [300]), ("text:", [20])]

    big = tmp_path / "big.txt"
    big.write_text("نص " * 100, encoding="utf-8")
    result = run_cli("facts", str(big), "--set", "input.max_bytes=50", "--set", "facts.entities=false")
    assert result.returncode == 2 and "over input.max_bytes = 50" in result.stderr


# -- no input makes a text step quadratic: the work done is bounded per character ------------------


def test_segmentation_reads_a_bounded_window_at_each_full_stop(monkeypatch):
    """Every full stop here follows an abbreviation, so no sentence ends: each check used to
    read the whole sentence so far (quadratic); it reads a window of fixed size."""
    from translate import segment

    read = []
    for name in ("_is_abbreviation", "_is_list_number"):
        real = getattr(segment, name)
        monkeypatch.setattr(segment, name, lambda before, real=real: read.append(len(before)) or real(before))
    text = "قال د. " * 3000
    assert segment.split_sentences(text) == [text.strip()]
    assert len(read) == 3000 and max(read) == 32  # segment.ABBREVIATION_WINDOW


@pytest.mark.parametrize("text,sentences", [
    ("." * 50_000 + "x", ["." * 50_000 + "x"]),
    ("ب" * 50_000 + "  .", ["ب" * 50_000 + "  ."]),
    ("قال. " + "! " * 20_000, ["قال. " + " ".join(["!"] * 20_000)]),
    ("1. بند أول. 2. بند ثان.", ["1. بند أول.", "2. بند ثان."]),
])
def test_segmentation_of_hostile_runs(text, sentences):
    from translate import split_sentences

    assert split_sentences(text) == sentences


def test_fact_extraction_reads_bounded_pieces_without_long_runs():
    from facts import bounds
    from facts.types import Facts

    seen = []
    text = "وقتل 12 شخصا في 3 آذار 2021 و" * 400 + " " + "٧" * 5000 + " " + "قال الوزير. " * 300
    assert bounds.extract_bounded(text, lambda piece: seen.append(piece) or Facts()) == Facts()
    assert sum(map(len, seen)) == len(text)  # every character read once
    assert max(map(len, seen)) <= bounds.PIECE_MAX_CHARS and len(seen) <= 2 * -(-len(text) // bounds.PIECE_MAX_CHARS)
    assert not any(re.search(rf"\S{{{bounds.RUN_MAX_CHARS + 1}}}", piece) for piece in seen)


def test_facts_of_a_long_line_keep_their_offsets_and_skip_a_long_run(caplog):
    from facts import arabic

    line = "قال الوزير إن 300 جندي وصلوا. " * 200 + "٩" * 100_000 + " ووصل 45 شخصا في 5 آذار 2021."
    facts = arabic.extract(line)
    assert [n.value for n in facts.numbers] == [300] * 200 + [45]
    assert [d.iso for d in facts.dates] == ["2021-03-05"]
    assert all(line[f.start:f.end].strip() == f.text for f in (*facts.numbers, *facts.dates))
    assert "1 run(s) of over 200 characters without a space (longest 100,000) not read for facts" in caplog.text


def test_checks_compare_a_bounded_number_of_figures(caplog):
    """Each unmatched figure was compared with every figure of both sides (cubic: 100 figures
    took 9 s); at most 32 of each kind a side are compared, and the warning says so."""
    from facts.bounds import CHECKED_MAX
    from facts.pairs import check_pair

    ar = " ".join(f"قتل {i * 7 + 3} شخصا و" for i in range(1, 41))
    en = " ".join(f"killed {i * 7 + 100_003} people and" for i in range(1, 41))
    result = check_pair(ar, en)
    assert (len(result.source.numbers), len(result.translation.numbers)) == (40, 40)
    assert [f["source"]["value"] for f in result.flags] == [i * 7 + 3 for i in range(1, CHECKED_MAX + 1)]
    assert f"sentence 1 has 40 numbers in the source; only the first {CHECKED_MAX} of each kind are checked" \
        in caplog.text
