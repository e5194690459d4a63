"""Cutting a document into window-sized chunks on sentence boundaries. Pure."""

from __future__ import annotations

from typing import Callable, Sequence

from translate.segment import split_long


def chunk(sentences: Sequence[str], count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Greedily pack whole sentences into chunks of at most `limit` tokens (as counted
    alone, without the model's special tokens); a sentence longer than `limit` is split at
    clause commas or between words first. Every word lands in exactly one chunk."""
    pieces = [p for s in sentences if s.strip() for p in split_long(s.strip(), count_tokens, limit)]
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for piece in pieces:
        n = count_tokens(piece)
        if current and used + n > limit:
            chunks.append(" ".join(current))
            current, used = [], 0
        current.append(piece)
        used += n
    if current:
        chunks.append(" ".join(current))
    return chunks
