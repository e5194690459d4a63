"""What each key is made of, as tables: which settings must change the translation cache's key
(what the model was asked and with what) and which must not (where it ran, how work was
batched); which must change the ledger's config signature (what an article's files hold) and
which must not. Then the ledger and the cache themselves, on their own."""

from __future__ import annotations

import sqlite3
from importlib import metadata
from pathlib import Path

import pytest

from tarjama.cache import TranslationCache, cache_key, default_dir
from tarjama.config import load
from tarjama.ledger import MIGRATIONS, Ledger, text_sha
from tarjama.job.runner import Runner
from tarjama.signature import FORMAT, digest, job_signature, parse, stage_signature

SENTENCE = "افتتحت السلطات جسرا جديدا."


def _cfg(**overrides: object) -> dict:
    return load([], [f"{k}={v}" for k, v in overrides.items()])


def _cache_key(cfg: dict) -> str:
    return cache_key(stage_signature(cfg, "translate"), SENTENCE)


# -- the translation cache key --------------------------------------------------------------------
CACHE_KEY_CHANGES = {
    "translate.engine": "ctranslate2",
    "translate.model": "Helsinki-NLP/opus-mt-tc-big-ar-en",
    "translate.revision": "v2",
    "translate.dtype": "bfloat16",
    "translate.quantization": "int8_float32",
    "translate.max_input_tokens": 256,
    "translate.score": "false",
    "translate.source_lang": "arb_Arab",
    "translate.target_lang": "eng_Latn",
    "translate.generation.num_beams": 5,
    "translate.generation.max_new_tokens": 256,
    "translate.generation.length_penalty": 1.2,
    "translate.generation.no_repeat_ngram_size": 3,
}
CACHE_KEY_KEEPS = {
    "translate.device": "cpu",
    "translate.batch_tokens": 1000,
    "translate.max_batch_sentences": 8,
    "summarise.model": "google/pegasus-xsum",
    "summarise.generation.num_beams": 2,
    "facts.entities": "false",
    "job.threads": 1,
    "job.window_articles": 4,
    "job.executor": "ray",
    "job.cache_max_entries": 10,
    "job.fast_paths": "false",
    "output.formats": '["md"]',
    "ray.translate_actors": 2,
}


# An option of one engine only is compared under that engine (another engine refuses it).
ENGINE_OF = {"translate.quantization": {"translate.engine": "ctranslate2"}}


@pytest.mark.parametrize("key,value", CACHE_KEY_CHANGES.items())
def test_a_setting_that_shapes_the_translation_changes_the_cache_key(key, value):
    engine = ENGINE_OF.get(key, {})
    assert _cache_key(_cfg(**engine, **{key: value})) != _cache_key(_cfg(**engine))


@pytest.mark.parametrize("key,value", CACHE_KEY_KEEPS.items())
def test_a_setting_that_does_not_shape_the_translation_keeps_the_cache_key(key, value):
    assert _cache_key(_cfg(**{key: value})) == _cache_key(_cfg())


def test_the_cache_key_changes_with_the_tool_and_the_engine_library(monkeypatch):
    before = _cache_key(_cfg())
    import tarjama

    monkeypatch.setattr(tarjama, "__version__", "99.0.0")
    after_tool = _cache_key(_cfg())
    monkeypatch.undo()
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "0.0.1" if name == "transformers" else real(name))
    after_library = _cache_key(_cfg())
    assert len({before, after_tool, after_library}) == 3
    assert parse(stage_signature(_cfg(), "translate"))["versions"] == {"tarjama": tarjama.__version__,
                                                                       "transformers": "0.0.1"}


def test_the_cache_key_follows_a_local_model_folder_s_content(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text('{"d_model": 16}', encoding="utf-8")
    first = _cache_key(_cfg(**{"translate.model": folder}))
    (folder / "config.json").write_text('{"d_model": 32}', encoding="utf-8")
    assert _cache_key(_cfg(**{"translate.model": folder})) != first


def test_the_cache_key_is_the_sentence_under_the_signature():
    signature = stage_signature(_cfg(), "translate")
    assert cache_key(signature, SENTENCE) != cache_key(signature, SENTENCE + " ")
    assert cache_key(signature, SENTENCE) == cache_key(signature, SENTENCE)
    assert len(cache_key(signature, SENTENCE)) == 64


# -- the ledger's config signature ----------------------------------------------------------------
def _signature(tmp_path: Path, **overrides: object) -> str:
    return Runner(_cfg(**overrides), tmp_path / "out", progress=False).config_sig


SIGNATURE_CHANGES = {
    **{k: v for k, v in CACHE_KEY_CHANGES.items()},
    "summarise.model": "google/pegasus-xsum",
    "summarise.revision": "v2",
    "summarise.input": "source",
    "summarise.generation.num_beams": 2,
    "summarise.generation.min_new_tokens": 10,
    "facts.entities": "false",
    "facts.ar_model": "someone/arabic-ner",
    "facts.ar_revision": "v2",
    "facts.en_model": "someone/english-ner",
    "output.formats": '["md"]',
    "output.low_score": -2.0,
}
SIGNATURE_KEEPS = {
    "translate.device": "cpu",
    "translate.batch_tokens": 1000,
    "translate.max_batch_sentences": 8,
    "summarise.device": "cpu",
    "summarise.batch_size": 2,
    "facts.device": "cpu",
    "facts.batch_size": 4,
    "job.threads": 1,
    "job.window_articles": 4,
    "job.executor": "ray",
    "job.cache_max_entries": 10,
    "job.cache_dir": "/tmp/elsewhere",
    "job.cpu_linear": "torch",
    "job.fast_paths": "false",
    "ray.translate_actors": 2,
    "ray.batch_articles": 4,
    "review.reviewer": "Layla",
    "input.max_bytes": 1000,
}


@pytest.mark.parametrize("key,value", SIGNATURE_CHANGES.items())
def test_a_setting_that_shapes_the_files_changes_the_config_signature(tmp_path, key, value):
    engine = ENGINE_OF.get(key, {})
    assert _signature(tmp_path, **engine, **{key: value}) != _signature(tmp_path, **engine)


@pytest.mark.parametrize("key,value", SIGNATURE_KEEPS.items())
def test_a_setting_that_does_not_shape_the_files_keeps_the_config_signature(tmp_path, key, value):
    assert _signature(tmp_path, **{key: value}) == _signature(tmp_path)


def test_the_config_signature_follows_the_glossary_s_content(tmp_path):
    terms = tmp_path / "terms.tsv"
    terms.write_text("البيشمركة\tPeshmerga\n", encoding="utf-8")
    with_terms = _signature(tmp_path, **{"translate.glossary": f'["{terms}"]'})
    assert with_terms != _signature(tmp_path)
    terms.write_text("البيشمركة\tthe Peshmerga\n", encoding="utf-8")
    assert _signature(tmp_path, **{"translate.glossary": f'["{terms}"]'}) not in (with_terms, _signature(tmp_path))


def test_the_config_signature_follows_a_local_model_folder_s_content(tmp_path):
    folder = tmp_path / "summariser"
    folder.mkdir()
    (folder / "config.json").write_text('{"d_model": 16}', encoding="utf-8")
    first = _signature(tmp_path, **{"summarise.model": folder})
    (folder / "config.json").write_text('{"d_model": 32}', encoding="utf-8")
    assert _signature(tmp_path, **{"summarise.model": folder}) != first


# -- the ledger on its own -------------------------------------------------------------------------
def _done(ledger: Ledger, key: str, article_id: str, **fields: object) -> None:
    ledger.record(key, "done", article_id=article_id, input_sha="i-" + key, content_sha=fields.pop("content", "c-" + key),
                  config_sig=fields.pop("sig", "sig"), files=fields.pop("files", [f"articles/{article_id}.json"]),
                  flags=fields.pop("flags", 0), **fields)


def test_a_new_ledger_has_every_migration_and_reopens_without_rerunning_them(tmp_path):
    path = tmp_path / ".tarjama" / "ledger.sqlite"
    ledger = Ledger(path)
    _done(ledger, "in/a.txt", "a")
    ledger.close()
    again = Ledger(path)
    assert again.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert again.get("in/a.txt").files == ("articles/a.json",)
    again.close()


def test_a_ledger_makes_the_folders_above_it(tmp_path):
    path = tmp_path / "out" / "nested" / ".tarjama" / "ledger.sqlite"
    ledger = Ledger(path)
    assert ledger.path == path and path.is_file()
    ledger.close()


def test_rows_read_back_as_written(tmp_path):
    ledger = Ledger(tmp_path / "ledger.sqlite")
    _done(ledger, "in/a.txt", "a", files=["articles/a.json", "articles/a.html"], title_ar="عنوان", title_en="Title",
          segments=4, flags=2, seconds=1.5, summary="S.", summary_sha=text_sha("S."), published="2024-03-04",
          summary_score=0.75)
    entry = ledger.get("in/a.txt")
    assert (entry.key, entry.article_id, entry.input_sha, entry.content_sha, entry.config_sig, entry.status,
            entry.error, entry.files, entry.title_ar, entry.title_en, entry.segments, entry.flags, entry.seconds,
            entry.summary, entry.summary_sha, entry.published, entry.summary_score) == (
        "in/a.txt", "a", "i-in/a.txt", "c-in/a.txt", "sig", "done", None, ("articles/a.json", "articles/a.html"),
        "عنوان", "Title", 4, 2, 1.5, "S.", text_sha("S."), "2024-03-04", 0.75)
    assert ledger.get("in/b.txt") is None
    ledger.record("in/a.txt", "failed", article_id="a", error="translate failed")
    assert (ledger.get("in/a.txt").status, ledger.get("in/a.txt").error, ledger.get("in/a.txt").files) == (
        "failed", "translate failed", ())


def test_only_done_rows_count_as_done(tmp_path):
    ledger = Ledger(tmp_path / "ledger.sqlite")
    _done(ledger, "in/b.txt", "b", flags=0)
    _done(ledger, "in/a.txt", "a", flags=3)
    _done(ledger, "in/c.txt", "c", flags=3)
    ledger.record("in/d.txt", "failed", article_id="d", content_sha="c-in/d.txt", config_sig="sig", error="x")
    ledger.record("in/e.txt", "skipped", error="English")
    ledger.record("in/f.txt", "duplicate", article_id="a", content_sha="c-in/a.txt", config_sig="sig")
    assert ledger.done_count() == 3
    assert ledger.done_ids() == ["a", "b", "c"]
    assert [e.article_id for e in ledger.done_listing()] == ["a", "c", "b"]  # most flags first, then by id
    assert ledger.counts() == {"done": 3, "failed": 1, "skipped": 1, "duplicate": 1}
    assert ledger.done_with("c-in/d.txt", "sig") is None  # failed is not done
    assert ledger.done_with("c-in/a.txt", "sig").key == "in/a.txt"
    assert ledger.done_with("c-in/a.txt", "other-sig") is None
    ledger.reset()
    assert ledger.counts() == {} and ledger.done_ids() == []


def test_an_id_is_taken_by_done_or_failed_rows_of_other_inputs_only(tmp_path):
    ledger = Ledger(tmp_path / "ledger.sqlite")
    _done(ledger, "in/a.txt", "a")
    ledger.record("in/b.txt", "failed", article_id="b", error="x")
    ledger.record("in/c.txt", "duplicate", article_id="c")
    assert [ledger.id_taken(i, "in/z.txt") for i in ("a", "b", "c", "z")] == [True, True, False, False]
    assert ledger.id_taken("a", "in/a.txt") is False


def test_a_positional_row_of_an_older_version_is_adopted_by_its_content(tmp_path):
    ledger = Ledger(tmp_path / "ledger.sqlite")
    _done(ledger, "feed.jsonl#3", "story", content="c-story")
    _done(ledger, "feed.jsonl#id:x", "other", content="c-story2")
    _done(ledger, "elsewhere.jsonl#4", "far", content="c-far")
    assert ledger.adopt_positional("feed.jsonl", "feed.jsonl#id:story", "c-nothing") is None
    assert ledger.adopt_positional("feed.jsonl", "feed.jsonl#id:far", "c-far") is None  # another file's row
    assert ledger.adopt_positional("feed.jsonl", "feed.jsonl#id:y", "c-story2") is None  # not a line number
    adopted = ledger.adopt_positional("feed.jsonl", "feed.jsonl#id:story", "c-story")
    assert (adopted.key, adopted.article_id) == ("feed.jsonl#id:story", "story")
    assert ledger.get("feed.jsonl#3") is None


def test_meta_values_round_trip_as_json(tmp_path):
    ledger = Ledger(tmp_path / "ledger.sqlite")
    assert ledger.get_meta("models:x") is None
    ledger.set_meta("models:x", {"translate": {"revision": "abc"}})
    ledger.set_meta("models:x", {"translate": {"revision": "def"}})
    assert ledger.get_meta("models:x") == {"translate": {"revision": "def"}}


# -- the translation cache on its own --------------------------------------------------------------
class _Clock:
    """The cache's clock, one tick per call, so that "least recently used" has one answer."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


def test_the_cache_gives_back_what_was_put_and_nothing_else(tmp_path):
    cache = TranslationCache(tmp_path, 100)
    cache.put_many([("k1", "One.", -0.5), ("k2", "Two.", None)])
    assert cache.get_many(["k1", "k2", "k3"]) == {"k1": ("One.", -0.5), "k2": ("Two.", None)}
    cache.put_many([("k1", "One again.", -0.1)])
    assert cache.get_many(["k1"]) == {"k1": ("One again.", -0.1)}
    cache.close()
    assert TranslationCache(tmp_path, 100).get_many(["k2"]) == {"k2": ("Two.", None)}  # it survives


def test_a_lookup_of_more_keys_than_sqlite_takes_at_once_finds_them_all(tmp_path):
    cache = TranslationCache(tmp_path, 5000)
    cache.put_many([(f"k{i}", f"T{i}", None) for i in range(1201)])
    found = cache.get_many([f"k{i}" for i in range(1201)] + ["missing"])
    assert len(found) == 1201 and found["k0"] == ("T0", None) and found["k1200"] == ("T1200", None)


def test_the_cache_drops_the_least_recently_used_beyond_its_bound(tmp_path, monkeypatch):
    monkeypatch.setattr("tarjama.cache.time.time", _Clock())
    cache = TranslationCache(tmp_path, 3)
    cache.put_many([("a", "A", None)])
    cache.put_many([("b", "B", None)])
    cache.put_many([("c", "C", None)])
    assert cache.get_many(["a"]) == {"a": ("A", None)}  # a is now the most recently used
    cache.put_many([("d", "D", None)])
    assert sorted(cache.get_many(["a", "b", "c", "d"])) == ["a", "c", "d"]
    cache.put_many([("e", "E", None), ("f", "F", None)])
    assert sorted(cache.get_many(["a", "b", "c", "d", "e", "f"])) == ["d", "e", "f"]
    assert cache.db.execute("SELECT COUNT(*) FROM t").fetchone()[0] == 3


def test_a_damaged_cache_is_moved_aside_and_rebuilt(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr("tarjama.cache.time.time", lambda: 1700000000.0)
    (tmp_path / "translations.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 3000)
    (tmp_path / "translations.sqlite-wal").write_bytes(b"junk")
    with caplog.at_level("WARNING", logger="tarjama.cache"):
        cache = TranslationCache(tmp_path, 10)
    assert caplog.messages == [f"translation cache {tmp_path / 'translations.sqlite'} is damaged (file is not a "
                               f"database); moved to {tmp_path / 'translations.corrupt-1700000000.sqlite'} and rebuilt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["translations.corrupt-1700000000.sqlite",
                                                         "translations.sqlite", "translations.sqlite-shm",
                                                         "translations.sqlite-wal"]
    assert cache.get_many(["k"]) == {}
    cache.put_many([("k", "K", None)])
    assert cache.get_many(["k"]) == {"k": ("K", None)}
    with sqlite3.connect(tmp_path / "translations.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_cache_makes_its_folder_and_the_folders_above_it(tmp_path):
    TranslationCache(tmp_path / "a" / "b" / "tarjama", 10).put_many([("k", "K", None)])
    assert (tmp_path / "a" / "b" / "tarjama" / "translations.sqlite").is_file()


def test_the_cache_lives_under_xdg_cache_home_or_the_home_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_dir() == tmp_path / "xdg" / "tarjama"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_dir() == tmp_path / "home" / ".cache" / "tarjama"


# -- one signature format -------------------------------------------------------------------------
def test_every_signature_is_one_versioned_format_that_reads_back():
    cfg = _cfg()
    for stage in ("translate", "summarise", "facts"):
        signature = stage_signature(cfg, stage)
        assert signature.startswith(FORMAT + " ") and parse(signature)["stage"] == stage
        assert set(parse(signature)["versions"]) >= {"tarjama"}
    job = parse(job_signature(cfg, "g"))
    assert sorted(job) == ["glossary", "output", "stages"]
    assert job["stages"]["summarise"] == parse(stage_signature(cfg, "summarise"))
    with pytest.raises(ValueError, match="not a tarjama-signature/1 signature"):
        parse('transformers:m@main|{"a":1}')


def test_the_ledger_keeps_the_digest_of_the_job_signature(tmp_path):
    runner = Runner(_cfg(), tmp_path / "out", progress=False)
    assert runner.config_sig == digest(runner.signatures["job"]) and len(runner.config_sig) == 16
    assert set(runner.signatures) == {"translate", "summarise", "facts", "job"}


def test_the_facts_signature_names_the_ner_models_only_when_they_run():
    on = parse(stage_signature(_cfg(), "facts"))
    off = parse(stage_signature(_cfg(**{"facts.entities": "false"}), "facts"))
    assert sorted(on["models"]) == ["ar", "en"] and "models" not in off
    assert stage_signature(_cfg(**{"facts.entities": "false", "facts.ar_model": "someone/else"}), "facts") == \
        stage_signature(_cfg(**{"facts.entities": "false"}), "facts")


def test_a_signature_holds_only_what_its_engine_reads():
    hf = parse(stage_signature(_cfg(), "translate"))["settings"]
    ct2 = parse(stage_signature(_cfg(**{"translate.engine": "ctranslate2"}), "translate"))["settings"]
    assert "dtype" in hf and "quantization" not in hf
    assert "quantization" in ct2 and "dtype" not in ct2
    # Never where it ran or how it was batched; always the stage's own keys that shape output.
    assert not {"device", "batch_tokens", "max_batch_sentences", "glossary"} & (set(hf) | set(ct2))
    assert "input" in parse(stage_signature(_cfg(), "summarise"))["settings"]
