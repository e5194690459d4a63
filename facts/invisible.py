"""Characters that change nothing a reader matches but break a pattern in two: direction
marks (RLM, LRM, ALM, the isolates and embeddings), zero-width joiners, tatweel, and the
Arabic short vowels and tanween (ثلاثةُ آلافٍ is ثلاثة آلاف). Each extractor matches on the text
without them and reports spans of the text as written. Pure."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

_MARKS = re.compile("[\u0640\u064b-\u0652\u0670]")
_INVISIBLE = re.compile("[\u200b-\u200f\u061c\u2066-\u2069\u202a-\u202e\u0640\ufeff\u064b-\u0652\u0670]")


def strip(text: str) -> tuple[str, list[int]]:
    """The text without invisible characters, and for each of its characters (plus one past
    the end) the index it had in `text`."""
    if not _INVISIBLE.search(text):
        return text, []
    keep = [i for i, ch in enumerate(text) if not _INVISIBLE.match(ch)]
    return "".join(text[i] for i in keep), keep + [len(text)]


def span(positions: list[int], start: int, end: int) -> tuple[int, int]:
    """A span of the stripped text as a span of the original."""
    return positions[start], positions[end - 1] + 1 if end > start else positions[start]


def extract_through(text: str, published: str | None, read: Callable):
    """A language's figures read by `read(clean_text, published) -> Facts` on the text without
    invisible characters, with spans and `text` given back in the text as written (the marks
    kept inside the spans), within facts.bounds' limits: linear in the text whatever it holds."""
    from facts.bounds import extract_bounded

    return extract_bounded(text, lambda piece: _extract_through(piece, published, read))


def _extract_through(text: str, published: str | None, read: Callable):
    from facts.types import FIGURES

    clean, positions = strip(text)
    facts = read(clean, published)
    if clean is text:
        return facts

    def moved(fact):
        start, end = span(positions, fact.start, fact.end)
        while end < len(text) and _MARKS.match(text[end]):  # the vowel or tatweel of the last letter: هـ, ثلاثةٌ
            end += 1
        return replace(fact, start=start, end=end, text=text[start:end].strip())

    return replace(facts, **{kind: tuple(moved(f) for f in getattr(facts, kind)) for kind in FIGURES})
