"""One Arabic sentence and its English: their facts and the flags between them. What `tarjama
check` and `tarjama eval` apply to translations that already exist. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from facts import arabic, english
from facts.bounds import check_sentence
from facts.names import check_sentence_names
from facts.types import Facts


@dataclass(frozen=True)
class PairCheck:
    flags: list[dict]
    source: Facts
    translation: Facts


def check_pair(ar: str, en: str, published: str | None = None, index: int = 0, glossary=None) -> PairCheck:
    """Numbers, dates and names (facts/names.py, without NER: exonyms, capitals, romanisation)."""
    source, translation = arabic.extract(ar, published), english.extract(en, published)
    flags = check_sentence(index, source, translation) + list(check_sentence_names(index, ar, en, glossary=glossary).flags)
    return PairCheck(flags, source, translation)
