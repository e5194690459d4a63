"""Key facts (dates, quantities, clock times, ordinals, scores, decades, compound measures) from
Arabic and English text, and the checks between them."""

from __future__ import annotations

from facts import arabic, english
from facts.bounds import check_sentence
from facts.checks import check_summary
from facts.types import (DateFact, DecadeFact, Facts, MeasureFact, NumberFact, OrdinalFact, ScoreFact, TimeFact,
                         to_json)

LANGUAGES = ("ar", "en")


def extract(text: str, lang: str, published: str | None = None) -> Facts:
    if lang == "ar":
        return arabic.extract(text, published)
    if lang == "en":
        return english.extract(text, published)
    raise ValueError(f"unknown language {lang!r}; choose one of: {', '.join(LANGUAGES)}")


__all__ = ["DateFact", "DecadeFact", "Facts", "MeasureFact", "NumberFact", "OrdinalFact", "ScoreFact", "TimeFact",
           "check_sentence", "check_summary", "extract", "to_json"]
