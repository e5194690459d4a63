"""What an article is at each step of the job, as frozen records.

    Planned -> Translated -> Summarised -> Finished      (or Failed, at any step)

Each step adds what its stage made and keeps the step before, so a stage function takes one
record and gives the next, and nothing downstream can change what upstream decided. The
canonical JSON an article is written as (record.py) is built from a Finished record only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarise.types import Summary
from tarjama.ingest import Article


@dataclass(frozen=True)
class Planned:
    """An article the job will process: its id is allocated, its sentences split."""

    article: Article
    article_id: str
    sentences: tuple[tuple[int, str], ...]  # (paragraph, Arabic sentence)


@dataclass(frozen=True)
class Segment:
    """One Arabic sentence and its English."""

    paragraph: int
    ar: str
    en: str
    score: float | None
    # Glossary terms found in the Arabic (start, end, en, honoured); None without a glossary.
    terms: tuple[dict[str, Any], ...] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"paragraph": self.paragraph, "ar": self.ar, "en": self.en, "score": self.score}
        if self.terms is not None:
            out["terms"] = [dict(t) for t in self.terms]
        return out


@dataclass(frozen=True)
class Translated:
    planned: Planned
    title_en: str
    segments: tuple[Segment, ...]

    def texts(self, language: str) -> list[str]:
        return [getattr(s, language) for s in self.segments]


@dataclass(frozen=True)
class Summarised:
    translated: Translated
    summary: Summary
    language: str  # "en", or "ar" when a multilingual summariser answered in Arabic


@dataclass(frozen=True)
class Finished:
    """Everything an article's files hold."""

    summarised: Summarised
    facts: dict[str, Any]
    flags: tuple[dict[str, Any], ...]
    models: dict[str, Any]

    @property
    def planned(self) -> Planned:
        return self.summarised.translated.planned


@dataclass(frozen=True)
class Failed:
    """An article a stage could not finish, and why, in one line."""

    planned: Planned
    reason: str
