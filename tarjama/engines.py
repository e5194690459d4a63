"""The models of one worker (this process, or one Ray actor), loaded on first use and once
only; the stages (pipeline.py) ask for them.

A rerun whose articles are all done never touches a model, so it never pays the load.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Any


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
