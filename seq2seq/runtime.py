"""What the job hands every engine beside its own options: settings of the worker, not of
one stage's model, so they are not keys of [translate] or [summarise]."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Runtime:
    threads: int = 0  # CPU threads; 0: one per core (CTranslate2 takes them as an argument)
    convert_dir: Path | None = None  # converted CTranslate2 models; None: the default folder
