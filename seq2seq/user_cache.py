"""The one folder tarjama keeps its user-wide caches in: $XDG_CACHE_HOME/tarjama, or
~/.cache/tarjama. The translation cache, converted CTranslate2 models and the remembered
checks all live under it unless job.cache_dir names another."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tarjama"
