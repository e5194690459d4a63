"""One Arabic sentence and its English: their facts and the flags between them. What `tarjama
check` and `tarjama eval` apply to translations that already exist. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from facts import arabic, english
from facts.bounds import check_sentence
from facts.types import Facts


@dataclass(frozen=True)
class PairCheck:
    flags: list[dict]
    source: Facts
    translation: Facts


def check_pair(ar: str, en: str, published: str | None = None, index: int = 0) -> PairCheck:
    source, translation = arabic.extract(ar, published), english.extract(en, published)
    return PairCheck(check_sentence(index, source, translation), source, translation)
