"""The job's models, loaded on first use and once only.

A rerun whose articles are all done never touches a model, so it never pays the load.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def _engine_kwargs(section: dict[str, Any], key: str, names: tuple[str, ...]) -> dict[str, Any]:
    kwargs = {name: section[name] for name in names}
    kwargs["generation"] = dict(section["generation"])
    kwargs["key"] = key
    return kwargs


def resolve_revision(model: str, revision: str) -> str:
    """The revision a cache key can trust without loading the model: the hub commit the
    local cache holds for `revision`, or, for a local folder, a hash of its files' names,
    sizes and times (replacing the weights in place changes it)."""
    path = Path(model).expanduser()
    if model.startswith(("/", "./", "../", "~")) or path.exists():
        h = hashlib.sha256()
        for f in sorted(path.glob("*")) if path.is_dir() else []:
            st = f.stat()
            h.update(f"{f.name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
        return "local:" + h.hexdigest()[:16]
    try:
        from huggingface_hub import try_to_load_from_cache

        found = try_to_load_from_cache(model, "config.json", revision=revision)
    except Exception:  # noqa: BLE001 - no cache information is not an error here
        found = None
    if isinstance(found, str):
        return Path(found).parent.name  # .../snapshots/<commit>/config.json
    return revision


def static_signature(section: dict[str, Any]) -> str:
    """What the translations' cache key is made of, known before any model is loaded."""
    picked = {
        k: section[k]
        for k in ("engine", "model", "dtype", "generation", "max_input_tokens", "score")
        if k in section
    }
    picked["revision"] = resolve_revision(section["model"], section["revision"])
    return json.dumps(picked, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class Engines:
    def __init__(self, cfg: dict[str, Any]) -> None:
        self.cfg = cfg
        self._translator = None
        self._summariser = None
        self._taggers = None
        self.load_seconds: dict[str, float] = {}

    def _threads(self) -> None:
        import torch

        threads = self.cfg["job"]["threads"] or os.cpu_count() or 1
        if torch.get_num_threads() != threads:
            torch.set_num_threads(threads)

    @property
    def translator(self):
        if self._translator is None:
            from translate.registry import get_engine

            section = self.cfg["translate"]
            cls = get_engine(section["engine"])
            self._threads()
            start = time.perf_counter()
            self._translator = cls(
                **_engine_kwargs(
                    section,
                    "translate.model",
                    ("model", "revision", "device", "dtype", "batch_tokens",
                     "max_batch_sentences", "max_input_tokens", "score"),
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
            self._threads()
            start = time.perf_counter()
            self._summariser = cls(
                **_engine_kwargs(
                    section,
                    "summarise.model",
                    ("model", "revision", "device", "dtype", "max_input_tokens", "batch_size"),
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
            from summarise.facts.entities import load_taggers

            self._threads()
            start = time.perf_counter()
            self._taggers = load_taggers(self.cfg["facts"])
            self.load_seconds["entities"] = round(time.perf_counter() - start, 3)
        return self._taggers

    def translate_signature(self) -> str:
        """The loaded engine's signature; when every sentence came from the cache no model
        was loaded, and the signature the cache was keyed by stands in."""
        if self._translator is not None:
            return self._translator.signature()
        return static_signature(self.cfg["translate"])

    def loaded(self) -> dict[str, dict]:
        out = {}
        if self._translator is not None:
            out["translate"] = self._translator.describe()
        if self._summariser is not None:
            out["summarise"] = self._summariser.describe()
        if self._taggers is not None:
            out["entities"] = {lang: t.describe() for lang, t in self._taggers.items()}
        return out
