"""The records and the protocol every translation engine shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Protocol, Sequence

Progress = Optional[Callable[[int], None]]


@dataclass(frozen=True)
class Translation:
    text: str
    # Mean log-probability per target token under the model (teacher-forced), or None when
    # scoring is off. Comparable across engines that score the same way, not a calibrated
    # probability.
    score: float | None
    # Set when the model raised on this sentence even when run alone; text is then "".
    error: str | None = None


class Translator(Protocol):
    def translate(self, sentences: Sequence[str], progress: Progress = None) -> list[Translation]:
        """One Translation per input sentence, in input order. A batch that raises is
        retried sentence by sentence; a sentence that still fails carries `error`, so one
        poisoned input never sinks its neighbours. `progress(n)` is told of each n done."""
        ...

    def describe(self) -> dict:
        """Model id, revision and settings as loaded, for the manifest. What a cache key and an
        article record is tarjama's stage signature (tarjama/signature.py), from the config."""
        ...
