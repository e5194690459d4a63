"""The models of one worker (this process, or one Ray actor), loaded on first use and once
only; the stages (pipeline.py) ask for them.

A rerun whose articles are all done never touches a model, so it never pays the load.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from seq2seq.runtime import Runtime
from summarise import registry as summarisers
from tarjama.config_error import ConfigError
from translate import registry as translators

log = logging.getLogger(__name__)

# The config tables that name an engine, each with its registry module; and the keys of the
# table that the stage reads itself, valid whichever engine runs. Every other key of the
# table is an option of some engine (its Options dataclass).
REGISTRIES = {"translate": translators, "summarise": summarisers}
STAGE_KEYS = {"translate": ("engine", "glossary"), "summarise": ("engine", "input")}


def engine_class(stage: str, name: str) -> type:
    """The class registered as `name` for `stage` (imported now, and only it)."""
    return REGISTRIES[stage].get_engine(name)


def option_names(engine: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(engine.Options))


def options_from_config(engine: type, section: Mapping[str, Any], where: str,
                        given: Mapping[str, str] | None = None) -> Any:
    """The engine's Options from its config table `where` ("translate"): the one place config
    becomes engine options. `given` maps each key a layer set to that layer ("-c site.toml");
    a key there that is neither the engine's option nor the stage's is a ConfigError that
    names the valid keys, as config.py names the known keys of a table."""
    names = option_names(engine)
    stage_keys = STAGE_KEYS[where]
    for key, origin in (given or {}).items():
        if key not in names and key not in stage_keys:
            owners = [other for other in sorted(REGISTRIES[where].ENGINES) if other != engine.name
                      and key in option_names(engine_class(where, other))]
            hint = f" (an option of the {' and '.join(owners)} engine)" if owners else ""
            raise ConfigError(
                f"{origin}: {where}.{key} is not an option of the {engine.name} engine{hint}; its options are: "
                f"{', '.join(sorted(names))}; and for every engine: {', '.join(stage_keys)}"
            )
    return engine.Options(**{name: copy.deepcopy(section[name]) for name in names})


def _build(cfg: dict[str, Any], stage: str) -> Any:
    section = cfg[stage]
    engine = engine_class(stage, section["engine"])
    runtime = Runtime(threads=cfg["job"]["threads"] or os.cpu_count() or 1, convert_dir=ct2_dir(cfg))
    return engine(options_from_config(engine, section, stage), runtime)


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
        """Process-wide settings for torch: the fast paths (seq2seq/gate.py), its thread count and linear-layer kernel. A
        CTranslate2 engine takes its threads as an argument, and does not import torch
        (3.2 s here) when nothing else has."""
        from seq2seq import gate

        gate.configure(self.cfg["job"]["fast_paths"])
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
            self._threads(self.cfg["translate"]["engine"] == "transformers")
            start = time.perf_counter()
            self._translator = _build(self.cfg, "translate")
            self.load_seconds["translate"] = round(time.perf_counter() - start, 3)
        return self._translator

    @property
    def summariser(self):
        if self._summariser is None:
            self._threads(self.cfg["summarise"]["engine"] == "transformers")
            start = time.perf_counter()
            self._summariser = _build(self.cfg, "summarise")
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
