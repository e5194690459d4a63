"""Engines built from keyword options, as tarjama.engines builds them from a config table."""

from __future__ import annotations

from typing import Any

from seq2seq.runtime import Runtime


def build(engine: type, runtime: Runtime = Runtime(), **options: Any) -> Any:
    return engine(engine.Options(**options), runtime)
