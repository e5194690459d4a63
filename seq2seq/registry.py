"""Engine name -> class, imported only when asked for: the lookup both stages' registries use."""

from __future__ import annotations

import importlib

from seq2seq.loading import ModelLoadError


def resolve(engines: dict[str, str], name: str, kind: str) -> type:
    """Import the class registered as `name`; an unknown name lists the known ones."""
    try:
        target = engines[name]
    except KeyError:
        raise ModelLoadError(
            f"unknown {kind} engine {name!r}; choose one of: {', '.join(sorted(engines))}"
        ) from None
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)
