"""The job: inputs -> articles -> windows of translation and summarisation -> files.

Articles stream through in windows of `job.window_articles` (`ray.window_articles` on Ray):
sentences of a whole window are deduplicated, looked up in the cache and batched together, so
batches stay full while memory stays bounded by the window, not the job. The ledger, not
memory, remembers what is done.

The runner keeps what must stay in one place: planning (the ledger, de-duplication, ids), the
translation cache, and committing an article (its files, then its ledger row). The stages
themselves are stages.py's functions over records.py's records; the executor (engines.py, or
ray_executor.py) decides where their models run.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tarjama import atomic, stages
from tarjama.record import machine_summary
from tarjama.cache import TranslationCache, cache_key, default_dir
from tarjama.config import signature as config_signature
from tarjama.engines import Engines, make_engines, model_revisions, static_signature
from tarjama.glossary_use import load_glossary
from tarjama.ingest import Article, IngestFailure, check_inputs, read_inputs
from tarjama.ledger import Ledger, text_sha
from tarjama.lock import FolderLock
from tarjama.memory import release_free_memory
from tarjama.outcome import MANIFEST_SCHEMA_VERSION, Outcome, build_manifest  # noqa: F401  (re-exported)
from tarjama.output_folder import check_output
from tarjama.outputs import now_iso, write_article, write_index, write_manifest
from tarjama.progress import JobProgress
from tarjama.records import Failed, Finished, Planned, Translated
from translate import split_sentences

log = logging.getLogger(__name__)

# Sections whose settings change what an article's files hold.
OUTPUT_SECTIONS = ("translate", "summarise", "facts", "output")


def _windows(items: Iterable, size: int) -> Iterator[list]:
    window: list = []
    for item in items:
        window.append(item)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


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
        self.engines = engines or make_engines(cfg)
        self.fresh = fresh
        self.glossary = load_glossary(cfg, self.out)
        self.config_sig = config_signature(
            {**cfg, "models": model_revisions(cfg), "glossary": self.glossary.fingerprint()},
            (*OUTPUT_SECTIONS, "models", "glossary"),
        )
        self._progress = JobProgress(progress)
        self._signals = _StopSignals()

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
                self.engines.close()
                outcome.timings["total"] = time.perf_counter() - start
                self._finish(inputs, ledger, outcome, started)
                ledger.close()
        return outcome

    def _run(self, inputs: Sequence[str], ledger: Ledger, outcome: Outcome) -> None:
        cache = self._open_cache()
        taken: dict[str, str] = {}  # article id -> input key, this run
        seen_content: dict[str, str] = {}  # content sha -> article id, this run
        ingest_start = time.perf_counter()
        stream = read_inputs(inputs, self.cfg)
        for window in _windows(stream, self.window_articles()):
            self._signals.check()
            outcome.timings["ingest"] += time.perf_counter() - ingest_start
            planned = []
            for item in window:
                if isinstance(item, IngestFailure):
                    self._ingest_failure(item, ledger, outcome)
                    continue
                plan = self._plan(item, ledger, taken, seen_content, outcome)
                if plan is not None:
                    planned.append(plan)
            self._progress.found(len(planned))
            if planned:
                self._process(planned, ledger, cache, outcome)
            ingest_start = time.perf_counter()
        if cache is not None:
            cache.close()

    def window_articles(self) -> int:
        """Under Ray each window starts the stages' actor pools afresh (ray_executor.py)."""
        if self.cfg["job"]["executor"] == "ray":
            return self.cfg["ray"]["window_articles"]
        return self.cfg["job"]["window_articles"]

    # -- deciding what to do with each article -------------------------------------------------

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

    def _translate(self, planned: list[Planned], cache: TranslationCache | None, outcome: Outcome) -> dict:
        """normalised sentence -> Translation, for every sentence and title of the window."""
        from translate import Translation

        unique = stages.window_texts(planned)
        outcome.sentences += len(unique)
        signature = static_signature(self.cfg["translate"])
        # What the model is given: glossary terms already in English. The cache key is made
        # of it, so a changed entry re-translates the sentences holding it, and only those.
        given = {text: self.glossary.apply(text)[0] if self.glossary else text for text in unique}
        keys = {text: cache_key(signature, given[text]) for text in unique}
        found: dict[str, Translation] = {}
        if cache is not None:
            hits = cache.get_many(list(keys.values()))
            found = {t: Translation(*hits[k]) for t, k in keys.items() if k in hits}
        outcome.cache_hits += len(found)
        misses = [t for t in unique if t not in found]
        if misses:
            translator = self.engines.translator  # loaded on first use; load time is kept apart
            self._progress.stage("translating", f"{len(misses)} sentences of {len(planned)} articles")
            self._progress.sentences(len(misses))
            start = time.perf_counter()
            results = translator.translate([given[t] for t in misses], progress=self._progress.translated)
            outcome.timings["translate"] += time.perf_counter() - start
            outcome.translated += len(misses)
            found.update(zip(misses, results))
            release_free_memory()  # before the summariser's beams allocate on top
            if cache is not None:
                cache.put_many(
                    (keys[t], r.text, r.score) for t, r in zip(misses, results) if r.error is None
                )
        return found

    def _process(self, planned: list[Planned], ledger: Ledger, cache: TranslationCache | None, outcome: Outcome) -> None:
        window_start = time.perf_counter()
        translations = self._translate(planned, cache, outcome)
        translated: list[Translated] = []
        for item in (stages.assemble(plan, translations, self.glossary) for plan in planned):
            if isinstance(item, Failed):
                self._article_failed(item, ledger, outcome)
            else:
                translated.append(item)
        if not translated:
            return
        summariser = self.engines.summariser
        self._progress.stage("summarising", f"{len(translated)} articles")
        start = time.perf_counter()
        field = "ar" if self.cfg["summarise"]["input"] == "source" else "en"
        summarised = stages.summarise(summariser, translated, field)
        outcome.timings["summarise"] += time.perf_counter() - start
        release_free_memory()
        models = {"translate": self.engines.translate_signature(), "summarise": summariser.signature()}
        entities = self._entities(translated, outcome)
        if self.engines.entities_models():
            models["entities"] = self.engines.entities_models()
        per_article = (time.perf_counter() - window_start) / len(planned)
        self._progress.stage("writing", f"{len(translated)} articles")
        for item, found in zip(summarised, entities):
            if isinstance(item, Failed):
                self._article_failed(item, ledger, outcome)
                continue
            start = time.perf_counter()
            finished = stages.finish(item, found, self.glossary, models)
            applied, missing = stages.term_counts(finished)
            outcome.terms["applied"] += applied
            outcome.terms["missing"] += missing
            outcome.timings["facts"] += time.perf_counter() - start
            self._commit(finished, ledger, outcome, per_article + time.perf_counter() - start)
            self._signals.check()
        ledger.set_meta(f"models:{self.config_sig}", self.engines.loaded())

    def _commit(self, finished: Finished, ledger: Ledger, outcome: Outcome, seconds: float) -> None:
        """An article's files, then its ledger row: the ledger never claims what is not on disk."""
        start = time.perf_counter()
        plan = finished.planned
        record = stages.to_record(finished, self.cfg["summarise"]["input"])
        files = write_article(self.out, record, self.cfg["output"]["formats"], self.cfg["output"]["low_score"])
        summary = machine_summary(record)
        ledger.record(
            plan.article.key, "done", article_id=plan.article_id, input_sha=plan.article.input_sha,
            content_sha=plan.article.content_sha, config_sig=self.config_sig, files=files,
            title_ar=plan.article.title, title_en=record["title"]["en"], segments=len(record["segments"]),
            flags=len(record["flags"]), seconds=round(seconds + time.perf_counter() - start, 3),
            summary=summary, summary_sha=text_sha(summary), published=record["published"],
        )
        outcome.timings["write"] += time.perf_counter() - start
        outcome.written.append(plan.article_id)
        self._progress.advance()

    def _entities(self, items: list[Translated], outcome: Outcome) -> list[tuple]:
        if not self.cfg["facts"]["entities"]:
            return stages.tag(None, items)
        self._progress.stage("entities", f"{sum(len(i.segments) for i in items)} sentences")
        start = time.perf_counter()
        found = stages.tag(self.engines.tag, items)
        outcome.timings["entities"] += time.perf_counter() - start
        return found

    def _article_failed(self, failed: Failed, ledger: Ledger, outcome: Outcome) -> None:
        plan, reason = failed.planned, failed.reason
        ledger.record(plan.article.key, "failed", article_id=plan.article_id, input_sha=plan.article.input_sha,
                      content_sha=plan.article.content_sha, config_sig=self.config_sig, error=reason)
        outcome.failed.append({"input": plan.article.key, "status": "failed", "reason": reason})
        log.warning("%s: %s", plan.article.key, reason)
        self._progress.advance()

    # -- the end of a run ----------------------------------------------------------------------

    def _finish(self, inputs: Sequence[str], ledger: Ledger, outcome: Outcome, started: str) -> None:
        failures = outcome.failed + outcome.skipped
        write_index(self.out, ledger, failures)
        counts = ledger.counts()
        models = self.engines.loaded() or ledger.get_meta(f"models:{self.config_sig}") or {
            "translate": static_signature(self.cfg["translate"]),
            "summarise": static_signature(self.cfg["summarise"]),
        }
        manifest = build_manifest(
            outcome, inputs=inputs, started=started, cfg=self.cfg, config_sig=self.config_sig, models=models,
            ledger_counts=counts, articles=ledger.done_ids(),
            load_seconds=self.engines.load_seconds,
        )
        write_manifest(self.out, manifest)
