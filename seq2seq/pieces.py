"""Cutting text the model cannot take whole into pieces it can: at clause commas first, then
between words. Both stages use it (long sentences, long documents). Pure."""

from __future__ import annotations

import re
from typing import Callable

_CLAUSE = re.compile(r"(?<=[،,:;])\s+")


def split_long(sentence: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Split a sentence the model cannot take whole into pieces of at most `limit` tokens:
    at clause commas first, then between words, and only as a last resort inside a word.
    Nothing is dropped: the pieces joined by spaces give back the sentence's words."""
    if count_tokens(sentence) <= limit:
        return [sentence]
    for splitter in (_CLAUSE, re.compile(r"\s+")):
        parts = [p for p in splitter.split(sentence) if p]
        if len(parts) > 1:
            return [
                piece
                for chunk in _pack(parts, count_tokens, limit)
                for piece in split_long(chunk, count_tokens, limit)
            ]
    # One unbroken run longer than the window: halve it by characters.
    middle = len(sentence) // 2
    return split_long(sentence[:middle], count_tokens, limit) + split_long(
        sentence[middle:], count_tokens, limit
    )


def _pack(parts: list[str], count_tokens: Callable[[str], int], limit: int) -> list[str]:
    chunks: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}" if current else part
        if current and count_tokens(candidate) > limit:
            chunks.append(current)
            current = part
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks
