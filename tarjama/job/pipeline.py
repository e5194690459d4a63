"""The job's three stages as objects an executor runs: translate, summarise, facts.

A stage is built from the config (and the glossary), sets its engine up once per worker
(`setup`), and is called over a batch of records, returning the next record for each, in the
same order: Planned -> Translated -> Summarised -> Finished, or Failed with its reason. A Failed
record passes through the later stages untouched. The local executor calls the same objects in
one process that the Ray executor runs in its actors, so both write the same articles.

What a stage did travels with its records as an Event (events.py). A stage whose model will
not load answers every article with a fatal Failed, which the runner turns into one line and
exit 2; an article whose batch raises is tried alone, so one bad article fails alone.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from seq2seq.loading import ModelLoadError
from tarjama.job import stages
from tarjama.engines import Engines
from tarjama.signature import stage_signature
from tarjama.job.events import Event, where
from tarjama.job.stage_records import Failed, Planned, Summarised, Translated
from translate.glossary import Glossary

log = logging.getLogger(__name__)


def planned_of(record: Any) -> Planned:
    if isinstance(record, Planned):
        return record
    if isinstance(record, Translated):
        return record.planned
    if isinstance(record, Summarised):
        return record.translated.planned
    return record.planned  # Failed, Finished


class Stage:
    """Set-up once per worker, then calls over batches. Subclasses fill `load` and `run`."""

    name = ""

    def __init__(self, cfg: dict[str, Any], glossary: Glossary | None = None, engines: Engines | None = None) -> None:
        self.cfg = cfg
        self.glossary = glossary
        self._engines = engines
        self._ready = False
        self._load_error: str | None = None
        self._load_report: tuple[float, str] | None = None
        self._calls = 0
        self._where: tuple[str, str] | None = None
        # A progress display in this process (the local executor's); None on Ray.
        self.progress: Any = None

    @property
    def engines(self) -> Engines:
        if self._engines is None:
            self._engines = Engines(self.cfg)
        return self._engines

    def setup(self) -> None:
        """Build this stage's engine, once per worker."""
        if self._ready:
            return
        self._ready = True
        self._where = where()
        self._guarded_load(self.load)

    def load(self) -> Any:
        """Load the model and return what describes it (a dict), or None to load nothing yet."""
        return None

    def _guarded_load(self, load: Callable[[], Any]) -> None:
        start = time.perf_counter()
        try:
            described = load()
        except ModelLoadError as exc:
            self._load_error = str(exc)
            return
        if described is not None:
            self._load_report = (round(time.perf_counter() - start, 3),
                                 json.dumps(described, ensure_ascii=False, sort_keys=True))

    def run(self, records: list, counts: Counter) -> list:
        raise NotImplementedError

    def _announce(self, doing: str, detail: str) -> None:
        """What the progress display shows, once the model is there (a stage that cannot load
        its model says nothing before the job's one-line error)."""
        if self.progress is not None:
            self.progress.stage(doing, detail)

    def __call__(self, batch: Sequence[Any]) -> list:
        self.setup()
        out = list(batch)
        live = [(i, r) for i, r in enumerate(batch) if not isinstance(r, Failed)]
        if not live:
            return out
        self._calls += 1
        counts: Counter = Counter()
        start = time.time()
        records = [r for _, r in live]
        results = self._results(records, counts)
        load, self._load_report = self._load_report, None
        worker, node = self._where or where()
        event = Event(self.name, worker, node, self._calls, start, time.time(), len(records),
                      tuple(sorted(counts.items())), load[0] if load else None, load[1] if load else "")
        for (i, record), result in zip(live, results):
            out[i] = dataclasses.replace(result, events=(*getattr(record, "events", ()), event))
        return out

    def _results(self, records: list, counts: Counter) -> list:
        if self._load_error is None:
            try:
                return self.run(records, counts)
            except ModelLoadError as exc:  # a model loaded on first use
                self._load_error = str(exc)
            except Exception:  # noqa: BLE001 - whatever it is, it must not take the batch down
                if len(records) == 1:
                    return [self._failed(records[0])]
                log.warning("%s: a batch of %d articles raised; trying each alone", self.name, len(records))
                return [self._results([record], counts)[0] for record in records]
        return [Failed(planned_of(r), self._load_error, fatal=True) for r in records]

    def _failed(self, record: Any) -> Failed:
        import traceback

        error = traceback.format_exc(limit=-1).strip().splitlines()[-1]
        log.debug("%s failed on %s", self.name, planned_of(record).article.key, exc_info=True)
        return Failed(planned_of(record), f"{self.name} failed: {error}"[:500])


class TranslateStage(Stage):
    """Sentences to English, the glossary applied inside. Only the sentences the runner did not
    find in its cache go to the model, each once per batch; so the model is loaded on the first
    batch that needs it, and a job whose sentences are all cached never loads it."""

    name = "translate"

    def run(self, records: list[Planned], counts: Counter) -> list[Translated | Failed]:
        texts = {id(plan): stages.window_texts([plan]) for plan in records}
        unique = list(dict.fromkeys(t for plan in records for t in texts[id(plan)]))
        misses = list(dict.fromkeys(t for plan in records for t in texts[id(plan)] if t not in plan.cached))
        counts["sentences"] += len(unique)
        counts["cached"] += len(unique) - len(misses)
        fresh: dict = {}
        if misses:
            loaded = "translate" in self.engines.load_seconds
            translator = self.engines.translator
            if not loaded:
                self._load_report = (self.engines.load_seconds["translate"],
                                     json.dumps(translator.describe(), ensure_ascii=False, sort_keys=True))
            given = [self.glossary.apply(t)[0] if self.glossary else t for t in misses]
            if self.progress is not None:
                self.progress.stage("translating", f"{len(misses)} sentences of {len(records)} articles")
                self.progress.sentences(len(misses))
            done = self.progress.translated if self.progress is not None else None
            fresh = dict(zip(misses, translator.translate(given, progress=done)))
            counts["translated"] += len(misses)
        out: list[Translated | Failed] = []
        for plan in records:
            item = stages.assemble(plan, {**plan.cached, **fresh}, self.glossary)
            if isinstance(item, Translated):
                new = tuple((t, fresh[t]) for t in texts[id(plan)] if t in fresh and fresh[t].error is None)
                item = dataclasses.replace(item, fresh=new)
            out.append(item)
        return out


class SummariseStage(Stage):
    name = "summarise"

    def load(self) -> dict:
        return self.engines.summariser.describe()

    def run(self, records: list[Translated], counts: Counter) -> list[Summarised | Failed]:
        summariser = self.engines.summariser
        self._announce("summarising", f"{len(records)} articles")
        field = "ar" if self.cfg["summarise"]["input"] == "source" else "en"
        counts["documents"] += len(records)
        return stages.summarise(summariser, records, field)


class FactsStage(Stage):
    """Entities (with the NER models, when facts.entities is on), facts, every check and the
    glossary flags."""

    name = "facts"
    _models: dict[str, str] | None = None

    def load(self) -> dict | None:
        taggers = self.engines.taggers
        return {lang: t.describe() for lang, t in taggers.items()} if taggers else None

    def _signatures(self) -> dict[str, str]:
        """Every article's `models`: the stage signatures, from the config alone, so the same
        whichever of its sentences came from the cache; worked out once per worker (a local
        model folder's revision is a hash of its files)."""
        if self._models is None:
            self._models = {stage: stage_signature(self.cfg, stage) for stage in ("translate", "summarise", "facts")}
        return self._models

    def run(self, records: list[Summarised], counts: Counter) -> list:
        taggers = self.engines.taggers
        if taggers:
            self._announce("entities", f"{sum(len(r.translated.segments) for r in records)} sentences")
        tag_both = (lambda ar, en: (taggers["ar"].tag(ar), taggers["en"].tag(en))) if taggers else None
        models = self._signatures()
        out = []
        for item, found in zip(records, stages.tag(tag_both, [r.translated for r in records])):
            finished = stages.finish(item, found, self.glossary, models)
            applied, missing = stages.term_counts(finished)
            counts["terms_applied"] += applied
            counts["terms_missing"] += missing
            out.append(finished)
        return out


STAGES = (TranslateStage, SummariseStage, FactsStage)


def make_stages(cfg: dict[str, Any], glossary: Glossary | None, engines: Engines | None = None) -> list[Stage]:
    """The job's stages in order; `engines` shares one set of models among them (locally)."""
    engines = engines if engines is not None else Engines(cfg)
    return [cls(cfg, glossary, engines) for cls in STAGES]
