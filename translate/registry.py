"""Engine name -> class, imported only when asked for, so listing engines costs nothing."""

from __future__ import annotations

import importlib

from translate.loading import ModelLoadError

# The keys are the values `translate.engine` accepts.
ENGINES: dict[str, str] = {
    "transformers": "translate.hf_engine:TransformersTranslator",
    "ctranslate2": "translate.ct2_engine:CTranslate2Translator",
}


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


def get_engine(name: str) -> type:
    return resolve(ENGINES, name, "translation")
