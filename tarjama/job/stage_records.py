"""What an article is at each step of the job, as frozen records.

    Planned -> Translated -> Summarised -> Finished      (or Failed, at any step)

Each step adds what its stage made and keeps the step before, so a stage takes one record and
gives the next, and nothing downstream can change what upstream decided. The canonical JSON an
article is written as (record.py) is built from a Finished record only.

These records are what crosses process boundaries on Ray (pickled as they are), so a new field
is added here and nowhere else. Each carries the events of the stages it went through
(events.py): the runner reads timings, counts and model loads from them, whichever process
the stage ran in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarise.types import Summary
from tarjama.job.events import Event
from tarjama.ingest import Article
from translate.types import Translation


@dataclass(frozen=True)
class Planned:
    """An article the job will process: its id is allocated, its sentences split."""

    article: Article
    article_id: str
    sentences: tuple[tuple[int, str], ...]  # (paragraph, Arabic sentence)
    # Translations the runner found in its cache before the article entered the pipeline,
    # keyed by normalised Arabic: the translate stage translates only the rest.
    cached: dict[str, Translation] = field(default_factory=dict, compare=False, hash=False)


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
    # What the model translated for this article (normalised Arabic -> Translation): the
    # runner writes it to the cache once the article is committed.
    fresh: tuple[tuple[str, Translation], ...] = ()
    events: tuple[Event, ...] = ()

    def texts(self, language: str) -> list[str]:
        return [getattr(s, language) for s in self.segments]


@dataclass(frozen=True)
class Summarised:
    translated: Translated
    summary: Summary
    language: str  # "en", or "ar" when a multilingual summariser answered in Arabic
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class Finished:
    """Everything an article's files hold."""

    summarised: Summarised
    facts: dict[str, Any]
    flags: tuple[dict[str, Any], ...]
    models: dict[str, Any]
    events: tuple[Event, ...] = ()

    @property
    def planned(self) -> Planned:
        return self.summarised.translated.planned


@dataclass(frozen=True)
class Failed:
    """An article a stage could not finish, and why, in one line."""

    planned: Planned
    reason: str
    events: tuple[Event, ...] = ()
    # A stage whose model will not load fails every article it is given: the runner stops the
    # job (exit 2) on the first such record instead of failing each article.
    fatal: bool = False
