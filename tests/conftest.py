"""Shared fixtures: tiny random-weight Marian and BART models, built offline once per test
session and loaded back through the real from_pretrained path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = next(SEEDS.glob("*.txt"))

# Never touch the network, and keep the user's caches out of the tests.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tarjama.tiny_models import build_bart, build_bert_ner, build_marian

    root = tmp_path_factory.mktemp("models")
    return {
        "marian": build_marian(root / "marian"),
        "bart": build_bart(root / "bart"),
        "ner-ar": build_bert_ner(root / "ner-ar", lang="ar"),
        "ner-en": build_bert_ner(root / "ner-en", lang="en"),
    }


@pytest.fixture(scope="session")
def arch_models(tiny_models, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """tiny_models plus a tiny model of each other supported architecture."""
    from tarjama.tiny_models import build_seq2seq

    root = tmp_path_factory.mktemp("arch")
    models = {arch: build_seq2seq(root / arch, arch) for arch in ("nllb", "m2m100", "mbart50", "pegasus", "t5", "mt5")}
    return {**tiny_models, **models}


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


def tiny_overrides(models: dict[str, Path], **extra: object) -> list[str]:
    """--set values that point both stages at the tiny models with short outputs."""
    settings = {
        "translate.model": str(models["marian"]),
        "summarise.model": str(models["bart"]),
        "translate.device": "cpu",
        "summarise.device": "cpu",
        "translate.generation.num_beams": 2,
        "translate.generation.max_new_tokens": 6,
        "summarise.generation.num_beams": 2,
        "summarise.generation.min_new_tokens": 4,
        "summarise.generation.max_new_tokens": 12,
        "facts.ar_model": str(models["ner-ar"]),
        "facts.en_model": str(models["ner-en"]),
        "facts.device": "cpu",
        "job.threads": 1,
        **extra,
    }
    return [f"{k}={v}" for k, v in settings.items()]


def tiny_config(models: dict[str, Path], **extra: object) -> dict:
    from tarjama import config

    return config.load([], tiny_overrides(models, **extra))


def run_cli(*args: str, timeout: float = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real command, in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "tarjama", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


def set_args(models: dict[str, Path], **extra: object) -> list[str]:
    return [arg for item in tiny_overrides(models, **extra) for arg in ("--set", item)]


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def wait_until(predicate, proc: subprocess.Popen, limit: float = 120.0, step: float = 0.02) -> bool:
    """True once `predicate()` holds; False when `proc` ended first (the test then says what
    it expected); an AssertionError when neither happens within `limit` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(step)
    raise AssertionError("condition not reached in time")
