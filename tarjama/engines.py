"""The models of one worker (this process, or one Ray actor), loaded on first use and once
only; the stages (pipeline.py) ask for them.

A rerun whose articles are all done never touches a model, so it never pays the load.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from seq2seq.loading import resolve_revision

log = logging.getLogger(__name__)


def _engine_kwargs(cfg: dict[str, Any], stage: str, names: tuple[str, ...]) -> dict[str, Any]:
    section = cfg[stage]
    kwargs = {name: section[name] for name in names}
    kwargs["generation"] = dict(section["generation"])
    kwargs["key"] = f"{stage}.model"
    kwargs["threads"] = cfg["job"]["threads"] or os.cpu_count() or 1
    kwargs["convert_dir"] = ct2_dir(cfg)
    return kwargs


def ct2_dir(cfg: dict[str, Any]) -> Path | None:
    """Where converted CTranslate2 models are kept: beside the translation cache."""
    cache = cfg["job"]["cache_dir"]
    return Path(cache).expanduser() / "ct2" if cache else None


# The library that runs each engine: its version is part of what a cached output depends on.
ENGINE_LIBRARIES = {"transformers": "transformers", "ctranslate2": "ctranslate2"}


def library_version(engine: str) -> str:
    from importlib import metadata

    name = ENGINE_LIBRARIES.get(engine, engine)
    try:
        return f"{name} {metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name} (not installed)"


def static_signature(section: dict[str, Any]) -> str:
    """What the translations' cache key is made of, known before any model is loaded: the
    settings, the model's resolved revision (a local folder's content fingerprint), and the
    versions of tarjama and of the engine's library, whose upgrades can change outputs."""
    from tarjama import __version__

    picked = {
        k: section[k]
        for k in ("engine", "model", "dtype", "generation", "max_input_tokens", "score", "source_lang",
                  "target_lang", "quantization")
        if k in section
    }
    picked["revision"] = resolve_revision(section["model"], section["revision"])
    picked["versions"] = [f"tarjama {__version__}", library_version(section.get("engine", "transformers"))]
    return json.dumps(picked, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def model_revisions(cfg: dict[str, Any]) -> dict[str, str]:
    """Every configured model's resolved revision, for the ledger's config signature: a model
    folder replaced in place, or a hub branch that moved, makes the articles stale."""
    keys = [("translate", "model", "revision"), ("summarise", "model", "revision")]
    if cfg["facts"]["entities"]:
        keys += [("facts", "ar_model", "ar_revision"), ("facts", "en_model", "en_revision")]
    return {f"{section}.{model}": resolve_revision(cfg[section][model], cfg[section][revision])
            for section, model, revision in keys}


class Engines:
    def __init__(self, cfg: dict[str, Any]) -> None:
        self.cfg = cfg
        self._translator = None
        self._summariser = None
        self._taggers = None
        self.load_seconds: dict[str, float] = {}

    def _threads(self, torch_engine: bool = True) -> None:
        """Process-wide CPU settings for torch: its thread count and linear-layer kernel. A
        CTranslate2 engine takes its threads as an argument, and does not import torch
        (3.2 s here) when nothing else has."""
        if not torch_engine and "torch" not in sys.modules:
            return
        import torch

        from seq2seq import cpu_linear

        cpu_linear.configure(self.cfg["job"]["cpu_linear"])
        threads = self.cfg["job"]["threads"] or os.cpu_count() or 1
        if torch.get_num_threads() != threads:
            torch.set_num_threads(threads)

    @property
    def translator(self):
        if self._translator is None:
            from translate.registry import get_engine

            section = self.cfg["translate"]
            cls = get_engine(section["engine"])
            self._threads(section["engine"] == "transformers")
            start = time.perf_counter()
            self._translator = cls(
                **_engine_kwargs(
                    self.cfg,
                    "translate",
                    ("model", "revision", "device", "dtype", "batch_tokens", "max_batch_sentences",
                     "max_input_tokens", "score", "source_lang", "target_lang", "quantization"),
                )
            )
            self.load_seconds["translate"] = round(time.perf_counter() - start, 3)
        return self._translator

    @property
    def summariser(self):
        if self._summariser is None:
            from summarise.registry import get_engine

            section = self.cfg["summarise"]
            cls = get_engine(section["engine"])
            self._threads(section["engine"] == "transformers")
            start = time.perf_counter()
            self._summariser = cls(
                **_engine_kwargs(
                    self.cfg,
                    "summarise",
                    ("model", "revision", "device", "dtype", "max_input_tokens", "batch_size", "batch_tokens", "prefix",
                     "quantization"),
                )
            )
            self.load_seconds["summarise"] = round(time.perf_counter() - start, 3)
        return self._summariser

    @property
    def taggers(self):
        """{"ar": EntityTagger, "en": EntityTagger}, or None when facts.entities is off."""
        if not self.cfg["facts"]["entities"]:
            return None
        if self._taggers is None:
            from facts.entities import load_taggers

            self._threads()
            start = time.perf_counter()
            self._taggers = load_taggers(self.cfg["facts"])
            self.load_seconds["entities"] = round(time.perf_counter() - start, 3)
        return self._taggers
