"""The whole command, in a child process, on the seed page and on awkward folders."""

import re
import shutil
import tomllib

import pytest

from tarjama.ingest.text_page import parse_text_page
from tarjama.signature import digest, parse
from tests.conftest import SEED, SEEDS, load_json, run_cli, set_args
from translate import split_sentences

@pytest.fixture(scope="module")
def seed_run(tiny_models, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-run")
    cache = tmp_path_factory.mktemp("seed-cache")
    result = run_cli("run", str(SEEDS), "-o", str(out), *set_args(tiny_models),
                     env={"XDG_CACHE_HOME": str(cache)})
    return result, out, cache


@pytest.mark.slow  # a child process
def test_seed_run_writes_every_output(seed_run):
    result, out, _ = seed_run
    assert result.returncode == 0, result.stderr
    article_id = SEED.stem
    for suffix in ("json", "md", "html"):
        assert (out / "articles" / f"{article_id}.{suffix}").is_file()
    assert (out / "index.html").is_file() and (out / "manifest.json").is_file()
    assert f'href="articles/{article_id}.html"' in (out / "index.html").read_text(encoding="utf-8")
    assert not list(out.rglob("*.tmp"))


@pytest.mark.slow  # a child process
def test_seed_article_json_aligns_each_sentence(seed_run):
    _, out, _ = seed_run
    record = load_json(out / "articles" / f"{SEED.stem}.json")
    page = parse_text_page(SEED.read_text(encoding="utf-8"))
    expected = [(p, s) for p, para in enumerate(page.paragraphs) for s in split_sentences(para)]
    assert [(s["paragraph"], s["ar"]) for s in record["segments"]] == expected
    assert all(s["en"] and isinstance(s["score"], float) for s in record["segments"])
    assert record["title"]["ar"] == "البنتاغون: سنواصل مع البيشمركة التصدي لداعش"
    assert record["title"]["en"]
    assert record["published"] is None  # the header is the scrape date, not the article's
    assert record["source"]["name"] == "روداو"
    assert len(record["source"]["sha256"]) == 64
    assert record["summary"]["en"]
    assert set(record["facts"]["source"]) == {"dates", "numbers", "people", "organisations", "places", "times", "ordinals",
                                              "scores", "decades", "measures"}
    assert [d["iso"] for d in record["facts"]["source"]["dates"]] == ["2022-09-27", "2022-09-21", "2016", "2014"]
    # Random weights translate no number, so each Arabic date and number is flagged missing.
    flagged = {(f["type"], f["source"]["text"]) for f in record["flags"] if f["segment"] is not None}
    assert ("date_missing", "27 أيلول 2022") in flagged and ("number_missing", "4.5 مليون") in flagged
    for kind in ("people", "organisations", "places"):
        for lang, field in (("source", "ar"), ("translation", "en")):
            for entity in record["facts"][lang][kind]:
                assert entity["text"] in record["segments"][entity["sentence"]][field]
    facts_models = parse(record["models"]["facts"])["models"]
    assert re.fullmatch(r"local:[0-9a-f]{16}", facts_models["ar"]["revision"])
    for flag in record["flags"]:
        assert flag["segment"] is None or record["segments"][flag["segment"]]["ar"].find(flag["source"]["text"]) >= 0
    assert {stage: parse(record["models"][stage])["engine"] for stage in ("translate", "summarise", "facts")} == {
        "translate": "transformers", "summarise": "transformers", "facts": "transformers"}


@pytest.mark.slow  # a child process
def test_seed_html_is_two_columns_with_rtl_arabic(seed_run):
    _, out, _ = seed_run
    html = (out / "articles" / f"{SEED.stem}.html").read_text(encoding="utf-8")
    assert html.count('<td class="ar" lang="ar" dir="rtl">') == len(load_json(out / "articles" / f"{SEED.stem}.json")["segments"])
    assert 'class="flagged"' in html  # sentences with fact flags are highlighted
    assert "<style>" in html and "<script" not in html and "http" not in html.split("<body>")[1].split("Translated by")[0]


@pytest.mark.slow  # a child process
def test_manifest_counts_models_and_config(seed_run):
    _, out, _ = seed_run
    manifest = load_json(out / "manifest.json")
    assert manifest["status"] == "complete"
    assert manifest["counts"]["written"] == 1 and manifest["counts"]["failed"] == 0
    assert manifest["counts"]["sentences"] == manifest["counts"]["translated"] > 0
    assert manifest["articles"] == [SEED.stem]
    assert re.fullmatch(r"local:[0-9a-f]{16}", manifest["models"]["translate"]["revision"])
    assert manifest["models"]["summarise"]["generation"]["max_new_tokens"] == 12
    # The ledger keeps the digest of the job signature the manifest writes in full.
    assert manifest["config_signature"] == digest(manifest["signatures"]["job"])
    assert parse(manifest["signatures"]["job"])["stages"]["translate"] == parse(manifest["signatures"]["translate"])
    assert manifest["config"]["translate"]["generation"]["num_beams"] == 2
    assert set(manifest["timings"]) >= {"total", "translate", "summarise", "load"}


@pytest.mark.slow  # a child process
def test_rerun_of_a_finished_job_loads_no_model(seed_run, tiny_models, tmp_path):
    # A copy: the seed run's own manifest is what test_manifest_counts_models_and_config reads.
    out, cache = tmp_path / "out", seed_run[2]
    shutil.copytree(seed_run[1], out)
    before = (out / "articles" / f"{SEED.stem}.json").read_bytes()
    result = run_cli("run", str(SEEDS), "-o", str(out), *set_args(tiny_models), env={"XDG_CACHE_HOME": str(cache)})
    assert result.returncode == 0, result.stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["counts"]["reused"] == 1 and manifest["counts"]["written"] == 0
    assert manifest["timings"]["load"] == {}
    assert (out / "articles" / f"{SEED.stem}.json").read_bytes() == before


@pytest.mark.slow  # a child process
def test_changed_setting_redoes_the_article_with_cached_translations(seed_run, tiny_models, tmp_path):
    _, out, cache = seed_run
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    result = run_cli("run", str(SEEDS), "-o", str(copy),
                     *set_args(tiny_models, **{"summarise.generation.max_new_tokens": 10}),
                     env={"XDG_CACHE_HOME": str(cache)})
    assert result.returncode == 0, result.stderr
    manifest = load_json(copy / "manifest.json")
    assert manifest["counts"]["written"] == 1
    # Translation settings did not change, so every sentence came from the cache.
    assert manifest["counts"]["cache_hits"] == manifest["counts"]["sentences"]
    assert "translate" not in manifest["timings"]["load"]


@pytest.mark.slow  # a child process
def test_mixed_folder_some_fail_rest_written(tiny_models, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage\xff")
    (folder / "english.txt").write_text("Headline\n\nThis article is written in English only.\n", encoding="utf-8")
    (folder / "xss.txt").write_text(
        'عنوان <script>alert(1)</script>\n\nنص فيه "><img src=x onerror=alert(2)> وكلام آخر.\n', encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run_cli("run", str(folder), "-o", str(out), *set_args(tiny_models))
    assert result.returncode == 1, result.stderr
    manifest = load_json(out / "manifest.json")
    failed = {f["input"].rsplit("/", 1)[-1]: f["reason"] for f in manifest["failures"]}
    assert set(failed) == {"empty.txt", "binary.txt"}
    assert "empty" in failed["empty.txt"] and "binary" in failed["binary.txt"]
    assert [s["input"].rsplit("/", 1)[-1] for s in manifest["skipped"]] == ["english.txt"]
    assert sorted(manifest["articles"]) == ["good", "xss"]
    assert "empty.txt: empty file" in result.stderr
    html = (out / "articles" / "xss.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = (out / "articles" / "xss.md").read_text(encoding="utf-8")
    # Markdown shows the text but not as markup: a renderer must not run it.
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md


@pytest.mark.slow  # a child process
def test_same_article_twice_is_processed_once(tiny_models, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    (folder / "b.txt").write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    out = tmp_path / "out"
    result = run_cli("run", str(folder), "-o", str(out), *set_args(tiny_models))
    assert result.returncode == 0, result.stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["articles"] == ["a"]
    assert [(d["input"].rsplit("/", 1)[-1], d["article"]) for d in manifest["duplicates"]] == [("b.txt", "a")]


@pytest.mark.slow  # a child process
def test_default_models_offline_exit_2_with_one_line(tmp_path):
    result = run_cli("run", str(SEEDS), "-o", str(tmp_path / "out"), timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "Helsinki-NLP/opus-mt-ar-en" in lines[0] and "tarjama models pull" in lines[0]


@pytest.mark.slow  # a child process
def test_unreachable_hub_fails_fast_without_offline_flag(tmp_path):
    # No HF_HUB_OFFLINE: the quick reachability check must answer, not the client's retries.
    result = run_cli("run", str(SEEDS), "-o", str(tmp_path / "out"), timeout=120,
                     env={"HF_HUB_OFFLINE": "0", "HF_ENDPOINT": "http://127.0.0.1:9"})
    assert result.returncode == 2
    assert "cannot be reached" in result.stderr


@pytest.mark.slow  # a child process
@pytest.mark.parametrize(
    "toml,message",
    [
        ("[translate]\nmodle = 'x'\n", "translate.modle is not an option of the transformers engine; its options are: "
                                        "batch_tokens, device, dtype, generation,"),
        ("[translate]\nbatch_tokens = 'many'\n", "translate.batch_tokens must be an integer"),
        ("[translate]\ndevice = 'gpu'\n", "translate.device = 'gpu' is not one of: auto, cpu, cuda, mps"),
        ("[summarise.generation]\nnum_beam = 4\n", "unknown generation setting 'num_beam'"),
        ("[translate.generation]\nnum_beams = 0\n", "num_beams = 0"),
        ("[translate\n", "not valid TOML"),
    ],
)
def test_config_errors_name_file_and_key(tmp_path, toml, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(toml, encoding="utf-8")
    result = run_cli("config", "show", "-c", str(bad))
    assert result.returncode == 2
    assert str(bad) in result.stderr and message in result.stderr


@pytest.mark.slow  # a child process
def test_config_show_layers_files_and_set(tmp_path):
    layer = tmp_path / "layer.toml"
    layer.write_text('[translate]\nmodel = "/models/a"\n[translate.generation]\nnum_beams = 2\n', encoding="utf-8")
    result = run_cli("config", "show", "-c", str(layer), "--set", "translate.model=/models/b",
                     "--set", "summarise.generation.max_new_tokens=100")
    assert result.returncode == 0, result.stderr
    cfg = tomllib.loads(result.stdout)
    assert cfg["translate"]["model"] == "/models/b"
    assert cfg["translate"]["generation"] == {"num_beams": 2, "max_new_tokens": 512}
    assert cfg["summarise"]["generation"]["max_new_tokens"] == 100
    assert cfg["summarise"]["model"] == "sshleifer/distilbart-cnn-12-6"


@pytest.mark.slow  # a child process
def test_usage_errors_exit_2(tmp_path):
    assert run_cli("run", str(SEEDS)).returncode == 2  # no -o
    missing = run_cli("run", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr


@pytest.mark.slow  # a child process
def test_models_check_reports_each_model(tiny_models):
    ok = run_cli("models", "check", *set_args(tiny_models))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "translate.model" in ok.stdout and "loads offline (MarianMTModel" in ok.stdout
    assert "loads offline (BartForConditionalGeneration" in ok.stdout
    assert "facts.ar_model" in ok.stdout and "loads offline (BertForTokenClassification" in ok.stdout
    missing = run_cli("models", "check")
    assert missing.returncode == 2 and "NOT usable offline" in missing.stdout


def test_generation_settings_checked_once_per_transformers_version(monkeypatch):
    """A rerun should not pay for importing transformers just to re-check settings that
    passed before; new settings and failures are always checked in full."""
    from tarjama import config

    config.load([], ["translate.generation.num_beams=3"])
    calls = []
    from tarjama import generation_check

    monkeypatch.setattr(generation_check, "_check_generation", lambda *a: calls.append(a))
    config.load([], ["translate.generation.num_beams=3"])
    assert calls == []  # remembered
    config.load([], ["translate.generation.num_beams=5"])
    # The changed table is checked in full; the unchanged summarise table stays remembered.
    assert [c[2] for c in calls] == ["translate.generation"]
    monkeypatch.undo()
    for _ in range(2):  # a failure is never remembered
        with pytest.raises(config.ConfigError, match="num_beams = 0"):
            config.load([], ["translate.generation.num_beams=0"])
