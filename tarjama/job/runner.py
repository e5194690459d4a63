"""The job: inputs -> planned articles -> the executor's stages -> files.

The runner keeps only what must stay in one place:
- planning: the ledger (what is done under this config), ids, duplicates;
- the translation cache: looked up before an article enters the pipeline, so that only the
  misses are translated, and written after the article is committed;
- committing: an article's files, then its ledger row, so the ledger never claims what is not
  on disk;
- the manifest, from the stages' own events (events.py).
The stages are objects (pipeline.py) that an executor runs: in this process, window by window
(local_executor.py), or as one streaming Ray Data pipeline (ray_executor.py). The ledger, not
memory, remembers what is done.
"""

from __future__ import annotations

import dataclasses
import logging
import signal
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from seq2seq.loading import ModelLoadError
from tarjama import atomic
from tarjama import signature
from tarjama.article_json import machine_summary
from tarjama.cache import TranslationCache, cache_key, default_dir
from tarjama.engines import Engines
from tarjama.glossary_files import load_glossary
from tarjama.ingest import Article, IngestFailure, check_inputs, read_inputs
from tarjama.job import stages
from tarjama.job.events import EventLog
from tarjama.job.executors import make_executor
from tarjama.job.outcome import Outcome, build_manifest
from tarjama.job.outputs import now_iso, write_article, write_index, write_manifest
from tarjama.job.progress import JobProgress
from tarjama.job.stage_records import Failed, Finished, Planned
from tarjama.ledger import Ledger, text_sha
from tarjama.lock import FolderLock
from tarjama.output_folder import OutputError, check_output
from tarjama.signature import digest, job_signature, stage_signature
from translate import Translation, split_sentences

log = logging.getLogger(__name__)

# Sections whose settings change what an article's files hold.


class _Interrupted(KeyboardInterrupt):
    pass


class _StopSignals:
    """Ctrl-C and SIGTERM stop the job at once, and for sure. Raising from a signal handler
    is prompt but can be lost: when the signal lands inside a finaliser (a ZipFile.__del__
    during garbage collection, seen in CI), Python prints "Exception ignored" and goes on. So
    the handler also notes the request, and the runner checks it between articles. A SIGINT
    that was ignored when the job started (a job run in the background by a script) stays
    ignored, as Python's own handler would leave it."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: object) -> None:
        self.requested = True
        raise _Interrupted()

    def __enter__(self) -> _StopSignals:
        self._previous[signal.SIGTERM] = signal.signal(signal.SIGTERM, self._handle)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            self._previous[signal.SIGINT] = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)

    def check(self) -> None:
        if self.requested:
            raise _Interrupted()


class Runner:
    def __init__(self, cfg: dict[str, Any], out: Path, *, engines: Engines | None = None, fresh: bool = False,
                 progress: bool = True):
        self.cfg = cfg
        self.out = Path(out)
        self.fresh = fresh
        self.glossary = load_glossary(cfg, self.out)
        # What the articles' files depend on, in full for the manifest; its digest in the ledger.
        self.signatures = {stage: stage_signature(cfg, stage) for stage in ("translate", "summarise", "facts")}
        self.signatures["job"] = job_signature(cfg, self.glossary.fingerprint())
        self.config_sig = digest(self.signatures["job"])
        self._progress = JobProgress(progress)
        self.executor = make_executor(cfg, self.glossary or None, engines, self._progress)
        self._signals = _StopSignals()
        self.events = EventLog()

    # -- the whole job ----------------------------------------------------------------------

    def run(self, inputs: Sequence[str]) -> Outcome:
        outcome = Outcome()
        started = now_iso()
        start = time.perf_counter()
        # Usage errors end here, before any work and before the manifest is touched.
        check_inputs(inputs)
        check_output(self.out)
        with FolderLock(self.out):
            self.out.mkdir(parents=True, exist_ok=True)
            atomic.remove_stale_temporaries(self.out / "articles")
            atomic.remove_stale_temporaries(self.out)
            ledger = Ledger(self.out / ".tarjama" / "ledger.sqlite")
            if self.fresh:
                ledger.reset()
            try:
                with self._signals:
                    self._run(inputs, ledger, outcome)
                outcome.status = "complete"
            except KeyboardInterrupt:
                outcome.status = "interrupted"
            except BaseException:
                # Whatever stopped the run, the manifest must not be left saying "running".
                outcome.status = "error"
                raise
            finally:
                self._progress.close()
                self.executor.close()
                outcome.timings["total"] = time.perf_counter() - start
                self._finish(inputs, ledger, outcome, started)
                ledger.close()
        return outcome

    def _run(self, inputs: Sequence[str], ledger: Ledger, outcome: Outcome) -> None:
        cache = self._open_cache()
        try:
            planned = self._planned(read_inputs(inputs, self.cfg), ledger, cache, outcome)
            for record in self.executor.run(planned):
                self.events.add(record.events)
                if isinstance(record, Failed):
                    if record.fatal:  # a model that will not load: the job stops, one line, exit 2
                        raise ModelLoadError(record.reason)
                    self._article_failed(record, ledger, outcome)
                else:
                    self._commit(record, ledger, outcome)
                    self._remember(record, cache)
                self._signals.check()
        finally:
            if cache is not None:
                cache.close()
            models = self._models()
            if models:
                ledger.set_meta(f"models:{self.config_sig}", models)

    # -- deciding what to do with each article -------------------------------------------------

    def _planned(self, stream: Iterable, ledger: Ledger, cache: TranslationCache | None,
                 outcome: Outcome) -> Iterator[Planned]:
        """The articles to process, as the inputs are read: each with its cached translations."""
        taken: dict[str, str] = {}  # article id -> input key, this run
        seen_content: dict[str, str] = {}  # content sha -> article id, this run
        start = time.perf_counter()
        for item in stream:
            self._signals.check()
            if isinstance(item, IngestFailure):
                self._ingest_failure(item, ledger, outcome)
                continue
            plan = self._plan(item, ledger, taken, seen_content, outcome)
            if plan is None:
                continue
            if cache is not None:
                plan = self._with_cached(plan, cache)
            outcome.timings["ingest"] += time.perf_counter() - start
            yield plan
            start = time.perf_counter()
        outcome.timings["ingest"] += time.perf_counter() - start

    def _plan(
        self,
        article: Article,
        ledger: Ledger,
        taken: dict[str, str],
        seen_content: dict[str, str],
        outcome: Outcome,
    ) -> Planned | None:
        for warning in article.warnings:
            log.warning("%s", warning)
            outcome.warnings.append(warning)
        content = article.content_sha
        prior = ledger.get(article.key)
        if prior is None and article.key != article.path:
            prior = ledger.adopt_positional(article.path, article.key, content)
        if (
            prior
            and prior.status == "done"
            and prior.input_sha == article.input_sha
            and prior.content_sha == content
            and prior.config_sig == self.config_sig
            and all((self.out / f).is_file() for f in prior.files)
        ):
            taken[prior.article_id] = article.key
            seen_content[content] = prior.article_id
            outcome.reused.append(prior.article_id)
            return None
        original = seen_content.get(content)
        if original is None:
            done = ledger.done_with(content, self.config_sig)
            if done is not None and done.key != article.key:
                original = done.article_id
        if original is not None:
            ledger.record(article.key, "duplicate", article_id=original, input_sha=article.input_sha,
                          content_sha=content, config_sig=self.config_sig)
            outcome.duplicates.append({"input": article.key, "article": original})
            log.info("%s: same text as article %s; not processed again", article.key, original)
            return None
        article_id = self._allocate_id(article, prior.article_id if prior else None, ledger, taken)
        taken[article_id] = article.key
        seen_content[content] = article_id
        sentences = tuple(
            (p, s) for p, paragraph in enumerate(article.paragraphs) for s in split_sentences(paragraph)
        )
        return Planned(article, article_id, sentences)

    def _allocate_id(self, article: Article, prior_id: str | None, ledger: Ledger, taken: dict[str, str]) -> str:
        if prior_id and taken.get(prior_id, article.key) == article.key:
            return prior_id
        candidate, n = article.name, 2
        while taken.get(candidate, article.key) != article.key or ledger.id_taken(candidate, article.key):
            candidate, n = f"{article.name}-{n}", n + 1
        return candidate

    def _ingest_failure(self, item: IngestFailure, ledger: Ledger, outcome: Outcome) -> None:
        if item.status == "empty":
            warning = f"{item.path}: {item.reason}"
            outcome.empty_inputs.append(item.path)
            outcome.warnings.append(warning)
            log.warning("%s", warning)
            return
        ledger.record(item.key, item.status, error=item.reason)
        entry = {"input": item.key, "status": item.status, "reason": item.reason}  # a record: path#n
        (outcome.failed if item.status == "failed" else outcome.skipped).append(entry)
        log.warning("%s: %s", item.path, item.reason)

    # -- the model work ------------------------------------------------------------------------

    def _open_cache(self) -> TranslationCache | None:
        if self.cfg["job"]["cache_max_entries"] == 0:
            return None
        folder = Path(self.cfg["job"]["cache_dir"] or default_dir()).expanduser()
        return TranslationCache(folder, self.cfg["job"]["cache_max_entries"])

    def _cache_key(self, text: str) -> str:
        # What the model is given: glossary terms already in English. The cache key is made
        # of it, so a changed entry re-translates the sentences holding it, and only those.
        given = self.glossary.apply(text)[0] if self.glossary else text
        return cache_key(self.signatures["translate"], given)

    def _with_cached(self, plan: Planned, cache: TranslationCache) -> Planned:
        keys = {text: self._cache_key(text) for text in stages.window_texts([plan])}
        hits = cache.get_many(list(keys.values()))
        cached = {text: Translation(*hits[key]) for text, key in keys.items() if key in hits}
        return dataclasses.replace(plan, cached=cached) if cached else plan

    def _remember(self, finished: Finished, cache: TranslationCache | None) -> None:
        """The article's new translations into the cache, once its files are committed."""
        fresh = finished.summarised.translated.fresh
        if cache is not None and fresh:
            cache.put_many((self._cache_key(text), t.text, t.score) for text, t in fresh)

    # -- committing --------------------------------------------------------------------------

    def _commit(self, finished: Finished, ledger: Ledger, outcome: Outcome) -> None:
        """An article's files, then its ledger row: the ledger never claims what is not on disk."""
        start = time.perf_counter()
        plan = finished.planned
        record = stages.to_record(finished, self.cfg["summarise"]["input"])
        files = write_article(self.out, record, self.cfg["output"]["formats"], self.cfg["output"]["low_score"])
        summary = machine_summary(record)
        # The article's share of each stage call it was part of, and its own writing.
        stage_seconds = sum((e.end - e.start) / max(1, e.articles) for e in finished.events)
        ledger.record(
            plan.article.key, "done", article_id=plan.article_id, input_sha=plan.article.input_sha,
            content_sha=plan.article.content_sha, config_sig=self.config_sig, files=files,
            title_ar=plan.article.title, title_en=record["title"]["en"], segments=len(record["segments"]),
            flags=len(record["flags"]), seconds=round(stage_seconds + time.perf_counter() - start, 3),
            summary=summary, summary_sha=text_sha(summary), published=record["published"],
            summary_score=record["facts"]["support"]["score"],
        )
        outcome.timings["write"] += time.perf_counter() - start
        outcome.written.append(plan.article_id)
        self._progress.advance()

    def _article_failed(self, failed: Failed, ledger: Ledger, outcome: Outcome) -> None:
        plan, reason = failed.planned, failed.reason
        ledger.record(plan.article.key, "failed", article_id=plan.article_id, input_sha=plan.article.input_sha,
                      content_sha=plan.article.content_sha, config_sig=self.config_sig, error=reason)
        outcome.failed.append({"input": plan.article.key, "status": "failed", "reason": reason})
        log.warning("%s: %s", plan.article.key, reason)
        self._progress.advance()

    # -- the end of a run ----------------------------------------------------------------------

    def _models(self) -> dict[str, dict]:
        """What each stage's model said of itself when it loaded (the NER pair as "entities")."""
        return {("entities" if stage == "facts" else stage): model for stage, model in self.events.models().items()}

    def _finish(self, inputs: Sequence[str], ledger: Ledger, outcome: Outcome, started: str) -> None:
        failures = outcome.failed + outcome.skipped
        try:
            write_index(self.out, ledger, failures)
        except OutputError:
            # The folder stopped taking files: the manifest must say error, not complete.
            outcome.status = "error"
            self._write_manifest(inputs, ledger, outcome, started)
            raise
        self._write_manifest(inputs, ledger, outcome, started)

    def _write_manifest(self, inputs: Sequence[str], ledger: Ledger, outcome: Outcome, started: str) -> None:
        counts = ledger.counts()
        # The models as they described themselves when they loaded, or when this run loaded
        # none, as a run of the same config last did; failing both, what the signatures say.
        models = self._models() or ledger.get_meta(f"models:{self.config_sig}") or {
            stage: signature.parse(self.signatures[stage]) for stage in ("translate", "summarise")}
        events = self.events
        outcome.sentences = events.count("sentences")
        outcome.translated = events.count("translated")
        outcome.cache_hits = events.count("cached")
        outcome.terms["applied"] = events.count("terms_applied")
        outcome.terms["missing"] = events.count("terms_missing")
        for stage in events.stages:
            outcome.timings[stage] = events.busy(stage)
        manifest = build_manifest(
            outcome, inputs=inputs, started=started, cfg=self.cfg, config_sig=self.config_sig, signatures=self.signatures,
            models=models,
            ledger_counts=counts, articles=ledger.done_ids(), load_seconds=events.load_seconds(),
            stages=events.to_json(),
        )
        write_manifest(self.out, manifest)
