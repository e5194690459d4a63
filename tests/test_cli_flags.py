"""Flags where people type them: presets, where each setting came from, -v/-q on either side
of the command, --device, machine-readable results, the offline error's cache folder."""

import json
import os
import tomllib

import pytest

from tests.conftest import SEED, load_json, run_cli, set_args

pytestmark = pytest.mark.slow  # the whole command in child processes


def test_presets_are_listed_with_descriptions():
    result = run_cli("config", "presets")
    assert result.returncode == 0, result.stderr
    rows = dict(line.split(None, 1) for line in result.stdout.strip().splitlines())
    assert set(rows) == {"fast-cpu", "mt5-arabic-summary", "nllb", "quality"}
    assert "CTranslate2" in rows["fast-cpu"] and all(rows.values())


def test_preset_layers_before_files_and_set(tmp_path):
    layer = tmp_path / "layer.toml"
    layer.write_text('[translate]\nbatch_tokens = 900\n', encoding="utf-8")
    result = run_cli("config", "show", "--preset", "fast-cpu", "-c", str(layer),
                     "--set", "translate.max_batch_sentences=8", "--origin")
    assert result.returncode == 0, result.stderr
    cfg = tomllib.loads(result.stdout)
    assert cfg["translate"]["engine"] == "ctranslate2"  # from the preset
    assert cfg["translate"]["batch_tokens"] == 900  # the -c file wins over the preset
    lines = result.stdout.splitlines()
    assert 'engine = "ctranslate2"  # preset fast-cpu' in lines
    assert f"batch_tokens = 900  # {layer}" in lines
    assert "max_batch_sentences = 8  # --set translate.max_batch_sentences" in lines
    assert 'model = "Helsinki-NLP/opus-mt-ar-en"  # default' in lines


def test_unknown_preset_is_one_line_listing_the_choices():
    result = run_cli("config", "show", "--preset", "fastest")
    assert result.returncode == 2
    assert "no such preset; choose one of: fast-cpu, mt5-arabic-summary, nllb, quality" in result.stderr


@pytest.mark.parametrize("args", [["-q", "config", "show"], ["config", "show", "-q"], ["config", "-v", "show"],
                                  ["config", "show", "-v"], ["-v", "config", "presets", "-q"]])
def test_verbosity_flags_on_either_side_of_the_command(args):
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr


def test_device_flag_takes_a_gpu_number():
    result = run_cli("config", "show", "--device", "cuda:1", "--set", "facts.device=cpu")
    cfg = tomllib.loads(result.stdout)
    assert (cfg["translate"]["device"], cfg["summarise"]["device"], cfg["facts"]["device"]) == ("cuda:1", "cuda:1", "cpu")
    bad = run_cli("config", "show", "--set", "translate.device=gpu1")
    assert bad.returncode == 2 and "cuda:N (a GPU by number" in bad.stderr


def test_a_gpu_that_is_not_there_is_one_line(tiny_models, tmp_path):
    args = set_args(tiny_models)
    pairs = [(a, b) for a, b in zip(args[::2], args[1::2]) if ".device=" not in b]  # --device decides
    result = run_cli("run", str(SEED), "-o", str(tmp_path / "out"), *[x for p in pairs for x in p], "--device", "cuda:1")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert 'device = "cuda:1" but torch sees no CUDA GPU' in result.stderr


def test_run_json_and_quiet(tiny_models, tmp_path):
    out = tmp_path / "out"
    result = run_cli("run", str(SEED), "-o", str(out), *set_args(tiny_models), "--json", "-q")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # -q after the command: no progress, no info lines
    report = json.loads(result.stdout)
    assert report["status"] == "complete" and report["exit_code"] == 0
    assert report["counts"]["written"] == 1 and report["failures"] == []
    [article] = report["articles"]
    assert sorted(f.rsplit(".", 1)[1] for f in article["files"]) == ["html", "json", "md"]
    assert report["manifest"] == str(out / "manifest.json")
    assert load_json(out / "manifest.json")["status"] == "complete"


def test_stage_progress_lines_when_stderr_is_not_a_terminal(tiny_models, tmp_path):
    result = run_cli("run", str(SEED), "-o", str(tmp_path / "out"), *set_args(tiny_models))
    assert result.returncode == 0, result.stderr
    stages = [line.split(":")[1].strip() for line in result.stderr.splitlines()
              if line.startswith("tarjama: ") and "articles done)" in line]
    assert stages == ["translating", "summarising", "entities", "writing"], result.stderr
    assert "(0/1 articles done)" in result.stderr


def test_models_check_json(tiny_models):
    result = run_cli("models", "check", "--json", *set_args(tiny_models))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert [m["key"] for m in report["models"]] == ["translate.model", "summarise.model", "facts.ar_model",
                                                   "facts.en_model"]
    assert report["models"][0]["class"] == "MarianMTModel"
    missing = json.loads(run_cli("models", "check", "--json").stdout)
    assert missing["ok"] is False and "error" in missing["models"][0]


@pytest.mark.skipif(bool(os.environ.get("HF_HUB_CACHE")), reason="HF_HUB_CACHE is set here, and wins over HF_HOME")
def test_offline_error_names_the_cache_in_use(tmp_path):
    cache = tmp_path / "elsewhere" / "hub"
    result = run_cli("run", str(SEED), "-o", str(tmp_path / "out"), env={"HF_HUB_CACHE": str(cache)})
    assert result.returncode == 2
    assert f"cache into {cache}, the one in use here" in result.stderr
    home = tmp_path / "hf-home"
    result = run_cli("models", "check", env={"HF_HOME": str(home)})
    assert str(home / "hub") in result.stdout
