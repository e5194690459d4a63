"""The records and the protocol every summarisation engine shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence


@dataclass(frozen=True)
class Summary:
    text: str
    # Chunks the input was cut into for the first (map) pass; 1 when it fit the window.
    chunks: int
    # generate() passes until one summary remained: 1 without a reduce step.
    rounds: int
    error: str | None = None
    # True when the chunk summaries would not reduce below the window and are given joined
    # instead of as one summary: the digest is kept, and says so.
    partial: bool = False


class Summariser(Protocol):
    def summarise(self, documents: Sequence[Sequence[str]]) -> list[Summary]:
        """One Summary per document; a document is its sentences in order. Documents longer
        than the model's window are summarised chunk by chunk, then the chunk summaries
        again, never truncated."""
        ...

    def describe(self) -> dict: ...
