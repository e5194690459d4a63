"""What goes wrong around a command (a folder that stops taking files, a path that is a folder,
a date that does not exist, input nested past any reader, a port taken) ends in one line on
standard error and an exit code that keeps its meaning: 2 for what the user must fix, 1 only
for "something was flagged" or "some inputs failed"."""

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tarjama import article_check
from tarjama.ledger import Ledger
from tests.conftest import ROOT, SEED, load_json, set_args
from tests.in_process import cli

PARALLEL = ROOT / "tests" / "data" / "parallel"
DEEP = 100_000  # past Python's recursion limit in every reader
UNWRITABLE = Path("/proc/tarjama-test")  # refused even to root


def _error(capsys, *argv):
    """The one line of a command that must fail with exit 2, without its prefix."""
    code, stdout, stderr = cli(capsys, *argv)
    assert (code, stdout) == (2, ""), stderr
    assert stderr.startswith("tarjama: error: ") and stderr.endswith("\n") and stderr.count("\n") == 1, stderr
    return stderr.removeprefix("tarjama: error: ").rstrip("\n")


# -- output folders and files ---------------------------------------------------------------------


def test_a_folder_that_stops_taking_files_mid_run_is_one_line(tiny_models, tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-first.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "z-last.txt").write_text("خبر آخر\n\nوقعت الحكومتان مذكرة تفاهم جديدة في بغداد.\n", encoding="utf-8")
    out = tmp_path / "out"
    # What the second article's file would be is a folder: the write fails as on a full disk.
    (out / "articles" / "z-last.json").mkdir(parents=True)
    line = _error(capsys, "run", str(inputs), "-o", str(out), "-q", *set_args(tiny_models))
    assert line == (f"{out}/articles/z-last.json: cannot write: Is a directory; free some space or fix the folder, "
                    "then run the same command again (what is written is kept)")
    assert load_json(out / "manifest.json")["status"] == "error"
    # What was committed before is whole: its record valid, its ledger row done.
    assert article_check.problem(load_json(out / "articles" / "a-first.json")) is None
    ledger = Ledger(out / ".tarjama" / "ledger.sqlite")
    assert [e.article_id for e in ledger.done_listing()] == ["a-first"]
    ledger.close()


def test_an_index_that_cannot_be_written_still_leaves_a_manifest_saying_error(tiny_models, tmp_path, capsys):
    out = tmp_path / "out"
    (out / "index.html").mkdir(parents=True)  # the last write of a run fails as on a full disk
    line = _error(capsys, "run", str(SEED), "-o", str(out), "-q", *set_args(tiny_models))
    assert line.startswith(f"{out}/index.html: cannot write: Is a directory; ")
    assert article_check.problem(load_json(out / "articles" / f"{SEED.stem}.json")) is None
    assert load_json(out / "manifest.json")["status"] == "error"


LEDGER_FILLER = """
import resource, sys
from pathlib import Path
from tarjama.ledger import Ledger
from tarjama.output_folder import OutputError

ledger = Ledger(Path(sys.argv[1]))
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))  # a disk that fills up
try:
    for n in range(10_000):
        ledger.record(f"in{n}.txt", "done", article_id=f"a{n}", summary="x" * 5000)
except OutputError as exc:
    print(n, exc)
"""


@pytest.mark.slow  # a child process
def test_a_ledger_that_cannot_grow_is_one_line_and_keeps_its_rows(tmp_path):
    path = tmp_path / "ledger.sqlite"
    result = subprocess.run([sys.executable, "-c", LEDGER_FILLER, str(path)], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    failed_at, message = result.stdout.rstrip("\n").split(" ", 1)
    assert message == (f"{path}: cannot write: disk I/O error; free some space or fix the folder, then run the same "
                       "command again (what is written is kept)")
    ledger = Ledger(path)
    assert sorted(e.article_id for e in ledger.done_listing()) == sorted(f"a{n}" for n in range(int(failed_at)))
    ledger.close()


CACHE_FILLER = """
import logging, resource, sys
from pathlib import Path
from tarjama.cache import TranslationCache

logging.basicConfig(level=logging.WARNING, format="%(message)s")
cache = TranslationCache(Path(sys.argv[1]), 1_000_000)
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))  # a disk that fills up
for n in range(200):
    cache.put_many([(f"k{n}", "x" * 5000, None)])
print(cache.writable, len(cache.get_many([f"k{n}" for n in range(200)])))
"""


@pytest.mark.slow  # a child process
def test_a_translation_cache_that_cannot_grow_costs_speed_not_the_job(tmp_path):
    result = subprocess.run([sys.executable, "-c", CACHE_FILLER, str(tmp_path)], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    writable, kept = result.stdout.split()
    assert writable == "False" and 0 < int(kept) < 200
    assert result.stderr == (f"translation cache {tmp_path}/translations.sqlite cannot be written (disk I/O error); "
                             "this run goes on without adding to it\n")


def test_eval_out_that_is_a_file_or_unwritable_is_one_line_before_any_model(tmp_path, capsys):
    target = tmp_path / "report.txt"
    target.write_text("kept", encoding="utf-8")
    args = ["eval", "--source", str(PARALLEL / "news.ar"), "--reference", str(PARALLEL / "news.en")]
    assert _error(capsys, *args, "-o", str(target)) == (
        f"-o {target}: exists and is not a folder; give a folder, such as {target}.d")
    assert target.read_text(encoding="utf-8") == "kept"
    line = _error(capsys, *args, "-o", str(UNWRITABLE))
    assert line.startswith(f"-o {UNWRITABLE}: cannot write there: ") and line.endswith("; choose another folder")


def test_export_to_a_folder_or_an_unwritable_path_is_one_line(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    folder = tmp_path / "exports"
    folder.mkdir()
    assert _error(capsys, "export", str(out), "-o", str(folder)) == (
        f"-o {folder}: a folder; give a file name, such as {folder}/digests.jsonl")
    target = UNWRITABLE / "digests.csv"
    line = _error(capsys, "export", str(out), "--format", "csv", "-o", str(target))
    assert line.startswith(f"-o {target}: cannot write: ")


@pytest.mark.parametrize("make", ["file", "unwritable"])
def test_an_unusable_cache_dir_is_one_line_before_any_work(tmp_path, capsys, make):
    cache = tmp_path / "cache.txt" if make == "file" else UNWRITABLE
    if make == "file":
        cache.write_text("not a folder", encoding="utf-8")
    out = tmp_path / "out"
    line = _error(capsys, "run", str(SEED), "-o", str(out), "--set", f"job.cache_dir={cache}")
    fix = 'set job.cache_dir to a folder tarjama may write, or "" for $XDG_CACHE_HOME/tarjama'
    if make == "file":
        assert line == f"job.cache_dir = '{cache}': exists and is not a folder; {fix}"
    else:
        assert line.startswith(f"job.cache_dir = '{cache}': cannot write there: ") and line.endswith(fix)
    assert not out.exists()


# -- dates, nesting, empty input ------------------------------------------------------------------


@pytest.fixture()
def pair(tmp_path):
    ar, en = tmp_path / "a.ar", tmp_path / "a.en"
    ar.write_text("قتل 13 شخصا.\n", encoding="utf-8")
    en.write_text("13 people were killed.\n", encoding="utf-8")
    return ["--source", str(ar), "--translation", str(en)]


@pytest.mark.parametrize("command", ["check", "facts"])
@pytest.mark.parametrize("given,message", [
    ("2023-02-30", "--published 2023-02-30: no such date (day is out of range for month)"),
    ("2023-13-01", "--published 2023-13-01: no such date (month must be in 1..12)"),
    ("yesterday", "--published 'yesterday': expected a date as YYYY-MM-DD"),
    ("20230201", "--published '20230201': expected a date as YYYY-MM-DD"),
])
def test_a_bad_or_impossible_published_date_is_exit_2(pair, capsys, command, given, message):
    where = pair if command == "check" else [pair[1]]
    assert _error(capsys, command, *where, "--published", given) == message


def test_check_on_empty_files_says_there_is_nothing_to_check(tmp_path, capsys):
    ar, en, jsonl = tmp_path / "a.ar", tmp_path / "a.en", tmp_path / "p.jsonl"
    ar.write_text("", encoding="utf-8")
    en.write_text("", encoding="utf-8")
    jsonl.write_text('{"ar": "", "en": " "}\n\n', encoding="utf-8")
    assert _error(capsys, "check", "--source", str(ar), "--translation", str(en)) == (
        f"check: --source {ar} and --translation {en} hold no text: nothing to check")
    assert _error(capsys, "check", "--jsonl", str(jsonl)) == f"check: --jsonl {jsonl} holds no text: nothing to check"


def _deep_json_line() -> str:
    return '{"ar": ' + "[" * DEEP + "]" * DEEP + "}\n"


def test_a_deeply_nested_json_line_is_one_line_in_check_and_eval(tmp_path, capsys):
    deep = tmp_path / "deep.jsonl"
    # check streams: a bad line stops it after the results of the lines before, so here it is first.
    deep.write_text(_deep_json_line(), encoding="utf-8")
    assert _error(capsys, "check", "--jsonl", str(deep)) == f"{deep} line 1: JSON nested too deeply to read"
    deep.write_text('{"id": "a", "ar": "نص", "en": "text"}\n' + _deep_json_line(), encoding="utf-8")
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    assert _error(capsys, "eval", str(out), "--reference", str(deep)) == (
        f"--reference {deep} line 2: JSON nested too deeply to read")


def test_deeply_nested_toml_is_one_line_in_c_set_and_compare(tmp_path, capsys):
    from tarjama.evaluate.rows import build_rows

    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    assert _error(capsys, "config", "show", "-c", str(deep)) == f"{deep}: not readable TOML: nested too deeply"
    assert _error(capsys, "config", "show", "--set", "translate.glossary=" + "[" * DEEP + "]" * DEEP) == (
        "--set translate.glossary: the value is nested too deeply to read")
    rows = build_rows([], [], [], [str(deep)])
    assert [(row.name, row.error) for row in rows] == [
        ("base", None), ("deep", f"{deep}: not readable TOML: nested too deeply")]


# -- the review server ----------------------------------------------------------------------------


def test_a_review_port_in_use_is_one_line(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert _error(capsys, "review", str(out), "--port", str(port)) == (
            f"cannot serve on 127.0.0.1 port {port}: in use (another review server?); choose another with --port")
    assert _error(capsys, "review", str(out), "--port", "70000") == "--port 70000: give a port from 1 to 65535"

