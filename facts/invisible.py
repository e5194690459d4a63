"""Characters that change nothing a reader sees but break a pattern in two: direction marks
(RLM, LRM, ALM, the isolates and embeddings), zero-width joiners, tatweel. Each extractor
matches on the text without them and reports spans of the text as written. Pure."""

from __future__ import annotations

import re

_INVISIBLE = re.compile("[\u200b-\u200f\u061c\u2066-\u2069\u202a-\u202e\u0640\ufeff]")


def strip(text: str) -> tuple[str, list[int]]:
    """The text without invisible characters, and for each of its characters (plus one past
    the end) the index it had in `text`."""
    keep = [i for i, ch in enumerate(text) if not _INVISIBLE.match(ch)]
    if len(keep) == len(text):
        return text, list(range(len(text) + 1))
    return "".join(text[i] for i in keep), keep + [len(text)]


def span(positions: list[int], start: int, end: int) -> tuple[int, int]:
    """A span of the stripped text as a span of the original."""
    return positions[start], positions[end - 1] + 1 if end > start else positions[start]
