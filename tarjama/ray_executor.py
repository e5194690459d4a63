"""The model stages on Ray Data: each stage a pool of actors that load their model once and
take batches of sentences or documents (`map_batches` with a callable class,
`compute=ActorPoolStrategy(size=...)`), on this machine or a cluster.

`RayEngines` stands where `Engines` stands for the local executor: the runner asks it for a
translator, a summariser and the entities of a window's sentences, and gets proxies with the
same methods, which send the work to the pools and give back the results in order. Both
entity taggers share one pool, whose actors hold the Arabic and the English model.

Ray Data keeps no actor between two datasets (ray-project/ray#46479), so each window starts
its stages' pools again: under Ray the runner takes windows of ray.window_articles, large
enough for that start to be small beside the window's work. Planning, the translation cache and
committing files and ledger rows stay in the driver, so resume and crash safety are the
local executor's. An actor that dies is restarted and its batch retried by Ray.
"""

from __future__ import annotations

import json
import logging
import signal
from typing import Any, Sequence

from summarise.types import Summary
from translate.types import Translation

log = logging.getLogger(__name__)

# A worker that dies while loading its model is replaced this many times in a row before the
# job fails; one that dies later is restarted and its batch retried by Ray Data's defaults
# (max_restarts = max_task_retries = -1: as often as it takes).
INIT_RETRIES = 3


def setup_worker(cfg: dict[str, Any]) -> None:
    """What the CLI does once for the local executor, done in each worker process: bound
    oneDNN's kernel caches before torch loads (Engines sets threads and job.cpu_linear when
    it loads a model)."""
    from seq2seq.cpu_linear import limit_kernel_caches

    limit_kernel_caches()
    logging.getLogger("transformers").setLevel(logging.ERROR)


class _StageWorker:
    """One actor of a stage's pool: loads the model on construction, then runs batches."""

    def __init__(self, cfg: dict[str, Any], stage: str, cpus: float) -> None:
        setup_worker(cfg)
        from tarjama.engines import Engines

        if not cfg["job"]["threads"]:  # one thread per CPU the actor holds, not per core of the machine
            cfg = {**cfg, "job": {**cfg["job"], "threads": max(1, int(cpus))}}
        self.stage = stage
        self.engines = Engines(cfg)
        if stage == "translate":
            self.model = self.engines.translator
        elif stage == "summarise":
            self.model = self.engines.summariser
        else:
            self.model = self.engines.taggers
        described = ({lang: t.describe() for lang, t in self.model.items()} if stage == "entities"
                     else self.model.describe())
        self.describe = json.dumps(described, ensure_ascii=False, sort_keys=True)
        self.signature = self.model.signature() if hasattr(self.model, "signature") else ""

    def __call__(self, batch: dict) -> dict:
        items = [json.loads(x) for x in batch["item"]]
        if self.stage == "translate":
            results = [json.dumps([t.text, t.score, t.error]) for t in self.model.translate(items)]
        elif self.stage == "summarise":
            results = [json.dumps([s.text, s.chunks, s.rounds, s.error, s.partial]) for s in self.model.summarise(items)]
        else:  # (Arabic, English) sentence pairs
            ar = self.model["ar"].tag([pair[0] for pair in items])
            en = self.model["en"].tag([pair[1] for pair in items])
            results = [json.dumps([a, e], ensure_ascii=False) for a, e in zip(ar, en)]
        n = len(results)
        return {"index": list(batch["index"]), "result": results, "describe": [self.describe] * n,
                "signature": [self.signature] * n}


class _Pool:
    """Sends a list of items through one stage's actor pool and gives back results in order."""

    def __init__(self, cfg: dict[str, Any], stage: str, section: str, connect) -> None:
        self.cfg, self.stage, self.connect = cfg, stage, connect
        ray_cfg = cfg["ray"]
        self.actors = ray_cfg[f"{section}_actors"]
        self.cpus = ray_cfg[f"{section}_cpus"]
        self.gpus = ray_cfg[f"{section}_gpus"]
        self.batch_size = ray_cfg["batch_size"]
        self.describe: dict | None = None
        self.signature: str | None = None

    def run(self, items: Sequence[Any]) -> list[Any]:
        if not items:
            return []
        self.connect()
        rows = [{"index": i, "item": json.dumps(item, ensure_ascii=False)} for i, item in enumerate(items)]
        # Shortest first, as the local engines order a whole window: each batch an actor takes
        # then holds items of like length, and pads little. Results go back by index.
        rows.sort(key=lambda row: len(row["item"]))
        try:
            out = self._execute(rows)
        except Exception as exc:  # noqa: BLE001 - a model that will not load is one line, as locally
            from seq2seq.loading import ModelLoadError

            text = str(exc)
            if "ModelLoadError" in text:
                line = next((ln for ln in text.splitlines() if "ModelLoadError:" in ln), text.splitlines()[-1])
                raise ModelLoadError(line.split("ModelLoadError:", 1)[-1].strip()) from None
            raise
        out.sort(key=lambda row: row["index"])
        if len(out) != len(items) or [row["index"] for row in out] != list(range(len(items))):
            raise RuntimeError(f"ray stage {self.stage}: {len(out)} results for {len(items)} items")
        self.describe = json.loads(out[0]["describe"])
        self.signature = out[0]["signature"]
        return [json.loads(row["result"]) for row in out]

    def _execute(self, rows: list[dict]) -> list[dict]:
        import ray.data
        from ray.data import ActorPoolStrategy

        # At most ray.batch_size items a batch, and no more than an even share, so that every
        # actor of the pool gets work (32 documents, 2 actors: two batches of 16, not one of 32).
        batch_size = max(1, min(self.batch_size, -(-len(rows) // self.actors)))

        return ray.data.from_items(rows).map_batches(
            _StageWorker,
            fn_constructor_kwargs={"cfg": self.cfg, "stage": self.stage, "cpus": self.cpus},
            compute=ActorPoolStrategy(size=self.actors),
            batch_size=batch_size,
            batch_format="default",
            num_cpus=self.cpus,
            num_gpus=self.gpus,
        ).take_all()


class _Translator:
    def __init__(self, pool: _Pool) -> None:
        self.pool = pool

    def translate(self, sentences: Sequence[str], progress=None) -> list[Translation]:
        results = [Translation(text, score, error) for text, score, error in self.pool.run(list(sentences))]
        if progress:
            progress(len(results))
        return results

    def signature(self) -> str:
        return self.pool.signature or ""

    def describe(self) -> dict:
        return self.pool.describe or {}


class _Summariser:
    def __init__(self, pool: _Pool) -> None:
        self.pool = pool

    def summarise(self, documents: Sequence[Sequence[str]]) -> list[Summary]:
        return [Summary(text, chunks, rounds, error, partial)
                for text, chunks, rounds, error, partial in self.pool.run([list(d) for d in documents])]

    def signature(self) -> str:
        return self.pool.signature or ""

    def describe(self) -> dict:
        return self.pool.describe or {}


class RayEngines:
    """The Engines interface over Ray Data actor pools."""

    def __init__(self, cfg: dict[str, Any]) -> None:
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            from seq2seq.loading import ModelLoadError

            raise ModelLoadError("job.executor = \"ray\" needs Ray: pip install 'tarjama[ray]'")
        self.cfg = cfg
        self._started = False
        self._connected = False
        self._translate = _Pool(cfg, "translate", "translate", self._connect)
        self._summarise = _Pool(cfg, "summarise", "summarise", self._connect)
        self._tag = _Pool(cfg, "entities", "entities", self._connect)
        self.translator = _Translator(self._translate)
        self.summariser = _Summariser(self._summarise)
        # Model loading happens inside the actors, within each stage's time.
        self.load_seconds: dict[str, float] = {}

    def _connect(self) -> None:
        """Start or join Ray on the first batch, so a rerun with nothing to do starts nothing."""
        if self._connected:
            return
        import ray
        import ray.data

        section = self.cfg["ray"]
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if section["address"]:
                kwargs["address"] = section["address"]
            elif section["local_cpus"]:
                kwargs["num_cpus"] = section["local_cpus"]
            log.info("ray: %s", f"joining {section['address']}" if section["address"] else "starting on this machine")
            # ray.init replaces the driver's signal handlers; the job's own (Ctrl-C and SIGTERM
            # stop it with a manifest and exit 130, and Ray is shut down) must stay.
            handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
            ray.init(**kwargs)
            for sig, handler in handlers.items():
                signal.signal(sig, handler)
            self._started = True
        self._connected = True
        for name in ("ray", "ray.data"):  # Ray's own INFO lines would drown the job's
            logging.getLogger(name).setLevel(logging.WARNING)
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        # A worker killed while it loads its model is replaced, as one killed later is restarted.
        context.max_consecutive_actor_init_deaths = INIT_RETRIES
        context.enable_progress_bars = False

    def tag(self, arabic: list[str], english: list[str]) -> tuple[list, list]:
        pairs = self._tag.run([[a, e] for a, e in zip(arabic, english)])
        return ([[tuple(x) for x in ar] for ar, _ in pairs], [[tuple(x) for x in en] for _, en in pairs])

    def entities_models(self) -> dict[str, str] | None:
        if not self._tag.describe:
            return None
        return {lang: f"{d['model']}@{d['revision']}" for lang, d in self._tag.describe.items()}

    def translate_signature(self) -> str:
        if self._translate.signature:
            return self._translate.signature
        from tarjama.engines import static_signature

        return static_signature(self.cfg["translate"])

    def loaded(self) -> dict[str, dict]:
        out = {}
        if self._translate.describe:
            out["translate"] = self._translate.describe
        if self._summarise.describe:
            out["summarise"] = self._summarise.describe
        if self._tag.describe:
            out["entities"] = self._tag.describe
        return out

    def close(self) -> None:
        """Shut down the Ray this job started (a cluster it joined is left running)."""
        if not self._started:
            return
        import ray

        if ray.is_initialized():
            ray.shutdown()
        self._started = False
