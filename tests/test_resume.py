"""Faults done for real: SIGKILL at several points, SIGINT, a second run on the same folder,
a damaged cache, a poisoned sentence. Each rerun must finish the job exactly once."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tarjama.engines import Engines
from tarjama.job.runner import Runner
from tarjama.signature import parse
from tests.conftest import ROOT, SEED, load_json, run_cli, set_args, tiny_config, wait_until

N_ARTICLES = 8


def _write_corpus(folder: Path) -> Path:
    """Eight different articles made from the seed page (a distinct line in each)."""
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(N_ARTICLES):
        (folder / f"article-{i}.txt").write_text(
            text.replace("روداو", f"فقرة إضافية رقم {i} عن الاجتماع الذي عقد في أربيل.\n\nروداو"),
            encoding="utf-8",
        )
    return folder


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return _write_corpus(tmp_path / "in")


def _args(models, folder, out):
    # One article per window, so files appear one by one and a kill can land between them.
    return ["run", str(folder), "-o", str(out), *set_args(models, **{"job.window_articles": 1,
            "translate.generation.max_new_tokens": 12})]


def _start(args, cache):
    return subprocess.Popen(
        [sys.executable, "-m", "tarjama", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "XDG_CACHE_HOME": str(cache)},
    )


def _articles(out: Path) -> list[Path]:
    return sorted((out / "articles").glob("*.json")) if (out / "articles").is_dir() else []


def _structure(out: Path) -> dict:
    """What must match an uninterrupted run: ids, Arabic sentences, paragraphs, keys."""
    return {
        p.stem: [(s["paragraph"], s["ar"], bool(s["en"])) for s in load_json(p)["segments"]]
        for p in _articles(out)
    }


@pytest.fixture(scope="module")
def reference(tiny_models, tmp_path_factory):
    """An uninterrupted run of the same corpus, once for the module (its structure holds no
    path): what every killed-then-resumed run must equal."""
    root = tmp_path_factory.mktemp("reference")
    out = root / "reference"
    result = run_cli(*_args(tiny_models, _write_corpus(root / "in"), out),
                     env={"XDG_CACHE_HOME": str(root / "ref-cache")})
    assert result.returncode == 0, result.stderr
    return _structure(out)


def _done_in_ledger(out: Path) -> int:
    with sqlite3.connect(out / ".tarjama" / "ledger.sqlite") as db:
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'inputs'").fetchone() is None:
            return 0  # killed after the file was made, before its schema was committed
        return db.execute("SELECT COUNT(*) FROM inputs WHERE status = 'done'").fetchone()[0]


@pytest.mark.slow  # child processes killed mid-job
@pytest.mark.parametrize("kill_after", [0, 2, 5])
def test_sigkill_then_rerun_completes_exactly_once(tiny_models, corpus, reference, tmp_path, kill_after):
    out, cache = tmp_path / "out", tmp_path / "cache"
    proc = _start(_args(tiny_models, corpus, out), cache)
    if kill_after == 0:
        landed = wait_until(lambda: (out / ".tarjama" / "ledger.sqlite").exists(), proc)
    else:
        landed = wait_until(lambda: len(_articles(out)) >= kill_after, proc)
    assert landed and proc.poll() is None, "the job finished before the kill: it must land mid-job"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL  # died by the signal, not by finishing
    done_before = _done_in_ledger(out)
    assert len(_articles(out)) < N_ARTICLES and done_before < N_ARTICLES
    for path in _articles(out):
        json.loads(path.read_text(encoding="utf-8"))  # anything there is whole
    rerun = run_cli(*_args(tiny_models, corpus, out), env={"XDG_CACHE_HOME": str(cache)})
    assert rerun.returncode == 0, rerun.stderr
    assert _structure(out) == reference
    assert not list(out.rglob("*.tmp"))
    manifest = load_json(out / "manifest.json")
    assert manifest["counts"]["ledger"] == {"done": N_ARTICLES}
    assert manifest["counts"]["reused"] + manifest["counts"]["written"] == N_ARTICLES
    # What was finished before the kill is reused, not redone.
    assert manifest["counts"]["reused"] >= done_before
    if kill_after:
        assert done_before >= kill_after - 1  # the last file seen may still await its ledger row


@pytest.mark.slow  # a child process interrupted mid-job
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupt_stops_promptly_and_resumes(tiny_models, corpus, reference, tmp_path, sig):
    out, cache = tmp_path / "out", tmp_path / "cache"
    proc = _start(_args(tiny_models, corpus, out), cache)
    assert wait_until(lambda: len(_articles(out)) >= 1, proc) and proc.poll() is None
    seen = len(_articles(out))
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=120)  # a backstop: promptness is counted in articles below
    assert proc.returncode == 130, stderr
    # Prompt: the article under way when the signal came is the last one that may be written.
    assert len(_articles(out)) <= seen + 1
    assert "run the same command again to resume" in stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["status"] == "interrupted"
    done_before = manifest["counts"]["ledger"].get("done", 0)
    assert done_before == len(_articles(out)) and done_before < N_ARTICLES
    rerun = run_cli(*_args(tiny_models, corpus, out), env={"XDG_CACHE_HOME": str(cache)})
    assert rerun.returncode == 0, rerun.stderr
    assert _structure(out) == reference
    assert load_json(out / "manifest.json")["counts"]["reused"] >= done_before


@pytest.mark.slow  # two child processes
def test_second_run_on_a_busy_folder_exits_2(tiny_models, corpus, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = _start(_args(tiny_models, corpus, out), cache)
    locked = wait_until(lambda: (out / ".tarjama" / "lock").exists()
                        and bool((out / ".tarjama" / "lock").read_text().strip()), first)
    assert locked and first.poll() is None, "the first run ended before it was seen holding the lock"
    second = run_cli(*_args(tiny_models, corpus, out), env={"XDG_CACHE_HOME": str(cache)})
    assert second.returncode == 2
    assert f"in use by another tarjama run (pid {first.pid})" in second.stderr
    _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr


@pytest.mark.slow  # a child process
def test_damaged_cache_is_rebuilt_not_trusted(tiny_models, tmp_path):
    cache = tmp_path / "cache"
    (cache / "tarjama").mkdir(parents=True)
    (cache / "tarjama" / "translations.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 3000)
    result = run_cli("run", str(SEED), "-o", str(tmp_path / "out"), *set_args(tiny_models),
                     env={"XDG_CACHE_HOME": str(cache)})
    assert result.returncode == 0, result.stderr
    assert "is damaged" in result.stderr
    assert list((cache / "tarjama").glob("translations.corrupt-*.sqlite"))
    with sqlite3.connect(cache / "tarjama" / "translations.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM t").fetchone()[0] > 0


@pytest.mark.slow  # a child process
def test_cache_size_is_bounded(tiny_models, corpus, tmp_path):
    cache = tmp_path / "cache"
    result = run_cli("run", str(corpus), "-o", str(tmp_path / "out"),
                     *set_args(tiny_models, **{"job.cache_max_entries": 5}), env={"XDG_CACHE_HOME": str(cache)})
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(cache / "tarjama" / "translations.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 5


class _PoisonedEngines(Engines):
    """The real tiny engines, with the translator made to raise on one planted sentence."""

    poison = "زرنيخ"

    @property
    def translator(self):
        engine = super().translator
        if not getattr(engine, "_poisoned", False):
            real = engine._run

            def run(texts):
                if any(self.poison in t for t in texts):
                    raise RuntimeError("tokenizer rejected the input")
                return real(texts)

            engine._run = run
            engine._poisoned = True
        return engine


def test_poisoned_article_fails_alone_and_is_retried_on_rerun(tiny_models, corpus, tmp_path):
    (corpus / "article-3.txt").write_text("عنوان\n\nهذا نص فيه زرنيخ مدسوس.\n", encoding="utf-8")
    cfg = tiny_config(tiny_models, **{"job.window_articles": 4})
    out = tmp_path / "out"
    outcome = Runner(cfg, out, engines=_PoisonedEngines(cfg)).run([str(corpus)])
    assert outcome.exit_code == 1
    assert [f["input"].rsplit("/", 1)[-1] for f in outcome.failed] == ["article-3.txt"]
    assert "tokenizer rejected the input" in outcome.failed[0]["reason"]
    assert len(outcome.written) == N_ARTICLES - 1
    assert not (out / "articles" / "article-3.json").exists()
    manifest = load_json(out / "manifest.json")
    assert manifest["failures"][0]["input"].endswith("article-3.txt")
    # Healthy engines on the rerun: only the failed article is redone.
    again = Runner(cfg, out).run([str(corpus)])
    assert again.exit_code == 0 and again.written == ["article-3"] and len(again.reused) == N_ARTICLES - 1


def test_fresh_redoes_everything(tiny_models, tmp_path):
    out = tmp_path / "out"
    cfg = tiny_config(tiny_models)
    engines = Engines(cfg)
    assert len(Runner(cfg, out, engines=engines).run([str(SEED)]).written) == 1
    assert len(Runner(cfg, out, engines=engines).run([str(SEED)]).reused) == 1
    assert len(Runner(cfg, out, engines=engines, fresh=True).run([str(SEED)]).written) == 1


def test_free_memory_is_given_back_where_glibc_allows():
    import sys

    from tarjama.job.memory import release_free_memory

    # On Linux with glibc (CI, the bench) it must work; elsewhere it says it could not.
    assert release_free_memory() is sys.platform.startswith("linux")


def test_model_folder_replaced_in_place_redoes_articles_and_translations(tiny_models, tmp_path):
    """Same path, new weights: the articles and cached translations of the old model must
    not be reused. Copying the folder elsewhere keeps its fingerprint."""
    from tarjama.engines import Engines
    from tarjama.job.runner import Runner
    from tarjama.tiny_models import build_marian
    from tests.conftest import SEED, tiny_config
    from seq2seq.loading import fingerprint

    marian = tmp_path / "marian"
    shutil.copytree(tiny_models["marian"], marian)
    assert fingerprint(marian) == fingerprint(tiny_models["marian"])
    out = tmp_path / "out"

    def run():
        cfg = tiny_config({**tiny_models, "marian": marian}, **{"facts.entities": "false"})
        return Runner(cfg, out, engines=Engines(cfg), progress=False).run([str(SEED)])

    first = run()
    assert len(first.written) == 1 and first.cache_hits == 0
    again = run()
    assert again.reused == first.written  # nothing changed: nothing redone
    before = fingerprint(marian)
    shutil.rmtree(marian)
    build_marian(marian, seed=7)
    assert fingerprint(marian) != before
    replaced = run()
    assert replaced.written == first.written and replaced.reused == []
    assert replaced.cache_hits == 0 and replaced.translated == first.translated
    record = json.loads((out / "articles" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert parse(record["models"]["translate"])["revision"] == f"local:{fingerprint(marian)}"


def test_cache_key_carries_tool_and_engine_library_versions(tiny_models):
    from importlib import metadata

    from tarjama import __version__
    from tarjama.signature import stage_signature
    from tests.conftest import tiny_config

    signature = parse(stage_signature(tiny_config(tiny_models), "translate"))
    assert signature["versions"] == {"tarjama": __version__, "transformers": metadata.version("transformers")}


def _feed_line(i: int) -> str:
    body = SEED.read_text(encoding="utf-8").replace("روداو", f"فقرة إضافية رقم {i} عن الاجتماع الذي عقد في أربيل.")
    return json.dumps({"id": f"feed-{i}", "text": body}, ensure_ascii=False) + "\n"


def test_a_growing_feed_processes_only_its_new_records(tiny_models, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(_feed_line(0) + _feed_line(1), encoding="utf-8")
    out = tmp_path / "out"

    def run(**extra):
        cfg = tiny_config(tiny_models, **{"facts.entities": "false", **extra})
        return Runner(cfg, out, engines=Engines(cfg), progress=False).run([str(feed)])

    first = run()
    assert sorted(first.written) == ["feed-0", "feed-1"]
    with open(feed, "a", encoding="utf-8") as fh:
        fh.write(_feed_line(2))
    second = run()
    assert second.written == ["feed-2"] and sorted(second.reused) == ["feed-0", "feed-1"]


def test_input_max_bytes_applies_to_each_record_of_a_feed(tiny_models, tmp_path):
    feed = tmp_path / "feed.jsonl"
    line = _feed_line(0)
    huge = json.dumps({"id": "huge", "text": "نص " * 5000}, ensure_ascii=False) + "\n"
    feed.write_text(line + huge + _feed_line(1), encoding="utf-8")
    limit = len(line.encode("utf-8")) + 100  # each ordinary record fits; the file as a whole does not
    cfg = tiny_config(tiny_models, **{"facts.entities": "false", "input.max_bytes": limit})
    outcome = Runner(cfg, tmp_path / "out", engines=Engines(cfg), progress=False).run([str(feed)])
    assert sorted(outcome.written) == ["feed-0", "feed-1"]
    [failure] = outcome.failed
    assert failure["input"].endswith("feed.jsonl#line:2") and "over input.max_bytes" in failure["reason"]
