"""The stages on Ray Data: one streaming pipeline for the whole job, on this machine or a cluster.

    ray.data.from_items(chunks of planned articles)           # the driver's plan, in the object store
      .flat_map(expand)                                       # one row per article
      .map_batches(_RayStage, stage=translate, compute=ActorPoolStrategy(size=...), num_cpus/num_gpus)
      .map_batches(_RayStage, stage=summarise, ...)
      .map_batches(_RayStage, stage=facts, ...)
      .iter_rows()                                            # the driver commits each as it arrives

Each stage is a pool of actors that live for the whole job: an actor sets its stage up (loads
its model) once, then takes batches of `ray.batch_articles` articles. The stages run at once,
each on what the one before has finished, with Ray Data's backpressure bounding what is in
flight; the driver's memory holds the ids of the job, not its articles. Records travel as the
frozen dataclasses of records.py, pickled by Ray.

A worker that dies is restarted and its batch retried, as Ray Data does by default. A retried
batch is run one article at a time, each article noted in a small job-wide actor (`_Attempts`)
while it runs: an article found there still running has killed its worker, and once it has done
so `ALONE_DEATHS` times it fails alone, named in the manifest with its reason, while every other
article is written. So no article is retried without end, and a batch that dies once costs one
model load, not a second pipeline. Planning, the translation cache and committing stay in the
driver (runner.py), so resume and crash safety are the local executor's.
"""

from __future__ import annotations

import itertools
import logging
import os
import signal
from collections.abc import Iterable, Iterator
from typing import Any

from tarjama.config import ConfigError
from tarjama.job.local_executor import windows
from tarjama.job.pipeline import STAGES, planned_of
from tarjama.job.progress import JobProgress
from tarjama.job.stage_records import Failed, Finished, Planned
from translate.glossary import Glossary

log = logging.getLogger(__name__)

# A worker that dies while loading its model is replaced this many times in a row before the
# job fails.
INIT_RETRIES = 3
# An article that has killed its worker this many times while processed alone fails.
ALONE_DEATHS = 2
# Fault injection for the tests (a real worker process dying, as an out-of-memory kill or a
# native crash would make it): an article whose text holds this marker ends its worker's process.
KILL_MARKER_ENV = "TARJAMA_TEST_KILL_WORKER_ON"


def setup_worker() -> None:
    """What the CLI does once for the local executor, done in each worker process: bound
    oneDNN's kernel caches before torch loads (Engines sets threads and job.cpu_linear when
    it loads a model)."""
    from seq2seq.cpu_linear import limit_kernel_caches

    limit_kernel_caches()
    logging.getLogger("transformers").setLevel(logging.ERROR)


class _Attempts:
    """Which articles each stage has been given, job-wide and across worker restarts: a batch
    given twice killed a worker the first time; an article still marked as running alone when
    it is given again killed its worker alone."""

    def __init__(self) -> None:
        self.given: set[tuple[str, str]] = set()
        self.running: set[tuple[str, str]] = set()
        self.deaths: dict[tuple[str, str], int] = {}

    def batch(self, stage: str, ids: list[str]) -> bool:
        """Note a batch; True when any of its articles was given to this stage before."""
        keys = [(stage, i) for i in ids]
        seen = any(k in self.given for k in keys)
        self.given.update(keys)
        return seen

    def enter(self, stage: str, article_id: str) -> int:
        """Mark an article running alone; how often it killed its worker so far."""
        key = (stage, article_id)
        if key in self.running:
            self.deaths[key] = self.deaths.get(key, 0) + 1
        self.running.add(key)
        return self.deaths.get(key, 0)

    def leave(self, stage: str, article_id: str) -> None:
        self.running.discard((stage, article_id))


class _RayStage:
    """One actor of a stage's pool: the stage object, set up once, over the job's batches."""

    def __init__(self, cfg: dict[str, Any], glossary: Glossary | None, stage: str, cpus: float, attempts) -> None:
        setup_worker()
        if not cfg["job"]["threads"]:  # one thread per CPU the actor holds, not per core of the machine
            cfg = {**cfg, "job": {**cfg["job"], "threads": max(1, int(cpus))}}
        self.stage = next(cls for cls in STAGES if cls.name == stage)(cfg, glossary)
        self.stage.setup()
        self.attempts = attempts
        self.kill_marker = os.environ.get(KILL_MARKER_ENV, "")

    def __call__(self, batch: dict) -> dict:
        import ray

        items = list(batch["item"])
        name = self.stage.name
        ids = [planned_of(r).article_id for r in items]
        if not ray.get(self.attempts.batch.remote(name, ids)):
            self._fault(items)
            return {"item": self.stage(items)}
        # This batch killed a worker before: one article at a time, each noted while it runs.
        out = []
        for record, article_id in zip(items, ids):
            if isinstance(record, Failed):
                out.append(record)
                continue
            deaths = ray.get(self.attempts.enter.remote(name, article_id))
            if deaths >= ALONE_DEATHS:
                out.append(Failed(planned_of(record), f"{name}: a Ray worker died each time it processed this "
                                  f"article ({deaths + 1} times, {deaths} of them alone): out of memory, or a crash "
                                  "in native code"))
            else:
                self._fault([record])
                out.extend(self.stage([record]))
            ray.get(self.attempts.leave.remote(name, article_id))
        return {"item": out}

    def _fault(self, items: list) -> None:
        if self.kill_marker and self.stage.name == "translate":
            if any(self.kill_marker in " ".join(planned_of(r).article.paragraphs) for r in items):
                os._exit(1)


def _expand(row: dict, refs: list) -> list[dict]:
    import ray

    return [{"item": plan} for plan in ray.get(refs[row["chunk"]])]


class RayExecutor:
    def __init__(self, cfg: dict[str, Any], glossary: Glossary | None, progress: JobProgress | None = None) -> None:
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            from seq2seq.loading import ModelLoadError

            raise ModelLoadError("job.executor = \"ray\" needs Ray: pip install 'tarjama[ray]'")
        self.cfg = cfg
        self.glossary = glossary
        self.progress = progress or JobProgress(False)
        self._started = False

    # -- the job --------------------------------------------------------------------------

    def run(self, planned: Iterable[Planned]) -> Iterator[Finished | Failed]:
        stream = iter(planned)
        first = next(stream, None)
        if first is None:  # nothing to do: no Ray is started
            return
        import ray

        self._connect()
        refs, pending = [], set()
        # One object a batch: the driver holds one batch of articles at a time, never the job.
        for chunk in windows(itertools.chain([first], stream), self.cfg["ray"]["batch_articles"]):
            refs.append(ray.put(chunk))
            pending.update(plan.article_id for plan in chunk)
            self.progress.found(len(chunk))
        self.progress.stage("streaming", f"{len(pending)} articles through the Ray pipeline")
        for record in self._pipeline(refs):
            pending.discard(planned_of(record).article_id)
            yield record
        if pending:  # Ray Data gives back every row it was given; this would be a bug of ours
            raise RuntimeError(f"ray: {len(pending)} article(s) never came back from the pipeline")

    def _pipeline(self, refs: list) -> Iterator[Finished | Failed]:
        import ray
        import ray.data
        from ray.data import ActorPoolStrategy

        section = self.cfg["ray"]
        attempts = ray.remote(num_cpus=0)(_Attempts).remote()
        # Each chunk is a block of its own, expanded into one batch of articles by a task that
        # reserves no CPU (the stages' actors may hold them all). A block goes to one actor
        # whole: blocks of several batches would keep the other actors of a pool idle.
        batch = section["batch_articles"]
        ds = ray.data.from_items([{"chunk": i} for i in range(len(refs))], override_num_blocks=len(refs)).flat_map(
            _expand, fn_kwargs={"refs": refs}, num_cpus=0)
        for cls in STAGES:
            name = cls.name
            ds = ds.map_batches(
                _RayStage,
                fn_constructor_kwargs={"cfg": self.cfg, "glossary": self.glossary, "stage": name,
                                       "cpus": section[f"{name}_cpus"], "attempts": attempts},
                # Two batches an actor at most, the one it works on and the next, so that the
                # pool's actors share the work rather than the first one queueing it all.
                compute=ActorPoolStrategy(size=section[f"{name}_actors"], max_tasks_in_flight_per_actor=2),
                batch_size=batch,
                batch_format="default",
                num_cpus=section[f"{name}_cpus"],
                num_gpus=section[f"{name}_gpus"],
            )
        for row in ds.iter_rows():
            yield row["item"]

    # -- Ray itself -------------------------------------------------------------------------

    def _connect(self) -> None:
        """Start or join Ray on the first planned article, so a rerun with nothing to do starts
        nothing."""
        import ray
        import ray.data

        section = self.cfg["ray"]
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if section["address"]:
                kwargs["address"] = section["address"]
            else:
                # "" means a Ray of this job's own, even where RAY_ADDRESS names a cluster.
                kwargs["address"] = "local"
                if section["local_cpus"]:
                    kwargs["num_cpus"] = section["local_cpus"]
            log.info("ray: %s", f"joining {section['address']}" if section["address"] else "starting on this machine")
            # ray.init replaces the driver's signal handlers; the job's own (Ctrl-C and SIGTERM
            # stop it with a manifest and exit 130, and Ray is shut down) must stay.
            handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
            ray.init(**kwargs)
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
            self._started = True
        for name in ("ray", "ray.data"):  # Ray's own INFO lines would drown the job's
            logging.getLogger(name).setLevel(logging.WARNING)
        self._check_resources(ray.cluster_resources())
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = False  # the driver commits whatever is done first
        context.max_consecutive_actor_init_deaths = INIT_RETRIES
        context.enable_progress_bars = False

    def _check_resources(self, cluster: dict[str, float]) -> None:
        """All the stages' pools live at once: if their actors cannot all be placed, Ray would
        wait for ever. Say so before any work."""
        section = self.cfg["ray"]
        for resource, suffix in (("CPU", "cpus"), ("GPU", "gpus")):
            parts = [(cls.name, section[f"{cls.name}_actors"], section[f"{cls.name}_{suffix}"]) for cls in STAGES]
            need = sum(actors * each for _, actors, each in parts)
            have = cluster.get(resource, 0.0)
            if need > have + 1e-9:
                asked = ", ".join(f"{name} {actors} x {each:g}" for name, actors, each in parts)
                raise ConfigError(
                    f"ray: the stages' actors ask for {need:g} {resource}s ({asked}) but the cluster has {have:g}; "
                    f"lower ray.*_{suffix} or ray.*_actors so that every stage's pool fits at once")

    def close(self) -> None:
        """Shut down the Ray this job started (a cluster it joined is left running)."""
        if not self._started:
            return
        import ray

        if ray.is_initialized():
            ray.shutdown()
        self._started = False

