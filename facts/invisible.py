"""Characters that change nothing a reader sees but break a pattern in two: direction marks
(RLM, LRM, ALM, the isolates and embeddings), zero-width joiners, tatweel. Each extractor
matches on the text without them and reports spans of the text as written. Pure."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

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


def extract_through(text: str, published: str | None, extract_dates: Callable, extract_numbers: Callable):
    """A language's dates and numbers read on the text without invisible characters, with
    spans and `text` given back in the text as written (the marks kept inside the spans),
    within facts.bounds' limits: linear in the text whatever it holds."""
    from facts.bounds import extract_bounded

    return extract_bounded(text, lambda piece: _extract_through(piece, published, extract_dates, extract_numbers))


def _extract_through(text: str, published: str | None, extract_dates: Callable, extract_numbers: Callable):
    from facts.types import Facts

    clean, positions = strip(text)
    dates = extract_dates(clean, published)
    numbers = extract_numbers(clean, dates)
    if clean is text:
        return Facts(dates=tuple(dates), numbers=tuple(numbers))

    def moved(fact):
        start, end = span(positions, fact.start, fact.end)
        return replace(fact, start=start, end=end, text=text[start:end].strip())

    return Facts(dates=tuple(moved(d) for d in dates), numbers=tuple(moved(n) for n in numbers))
