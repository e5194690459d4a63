"""What the stages say they did, and the job's account of it.

A stage call over one batch, on one worker, is one Event: when it ran, on which node and
process, for how many articles, what it counted (sentences translated, terms missing...), and,
on a worker's first call, its model load. Each record carries the events of the stages it went
through, so the runner learns timings, counts and model loads from the records it commits,
whether the stage ran in this process or on a Ray node elsewhere. No timer is wrapped around a
stage from outside.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass(frozen=True)
class Event:
    stage: str
    worker: str  # host:pid of the process that ran the call
    node: str  # the Ray node id, or the host name outside Ray
    call: int  # the worker's own count of its calls: (stage, worker, call) names one event
    start: float  # time.time(): comparable between the processes of one machine
    end: float
    articles: int
    counts: tuple[tuple[str, int], ...] = ()
    # The worker's model load, on the first call after it: seconds and the model's description
    # (as JSON text, so the event stays hashable).
    load_seconds: float | None = None
    model: str = ""

    @property
    def key(self) -> tuple[str, str, int]:
        return self.stage, self.worker, self.call


def where() -> tuple[str, str]:
    """(worker, node) of this process."""
    worker = f"{socket.gethostname()}:{os.getpid()}"
    if "ray" in sys.modules:
        import ray

        if ray.is_initialized():
            return worker, ray.get_runtime_context().get_node_id()
    return worker, socket.gethostname()


@dataclass
class StageAccount:
    batches: int = 0
    articles: int = 0
    busy: float = 0.0  # seconds of calls, summed over workers
    loads: int = 0
    load_seconds: float = 0.0
    workers: set[str] = field(default_factory=set)
    nodes: set[str] = field(default_factory=set)
    counts: Counter = field(default_factory=Counter)
    model: dict[str, Any] | None = None


class EventLog:
    """The job's account of every distinct event seen on committed or failed records."""

    def __init__(self) -> None:
        self._seen: set[tuple[str, str, int]] = set()
        self.stages: dict[str, StageAccount] = {}
        self._spans: list[tuple[float, float, str]] = []

    def add(self, events: Iterable[Event]) -> None:
        for event in events:
            if event.key in self._seen:
                continue
            self._seen.add(event.key)
            account = self.stages.setdefault(event.stage, StageAccount())
            account.batches += 1
            account.articles += event.articles
            account.busy += event.end - event.start
            account.workers.add(event.worker)
            account.nodes.add(event.node)
            account.counts.update(dict(event.counts))
            if event.load_seconds is not None:
                account.loads += 1
                account.load_seconds += event.load_seconds
            if event.model:
                account.model = json.loads(event.model)
            self._spans.append((event.start, event.end, event.stage))

    def count(self, name: str) -> int:
        return sum(account.counts[name] for account in self.stages.values())

    def busy(self, stage: str) -> float:
        account = self.stages.get(stage)
        return account.busy if account else 0.0

    def models(self) -> dict[str, dict]:
        return {stage: account.model for stage, account in self.stages.items() if account.model}

    def load_seconds(self) -> dict[str, float]:
        return {stage: round(a.load_seconds, 3) for stage, a in self.stages.items() if a.loads}

    def overlap(self) -> float:
        """Share of the pipeline's span during which at least two stages were working."""
        return overlap_share(self._spans)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            stage: {
                "batches": a.batches, "articles": a.articles, "busy_seconds": round(a.busy, 3),
                "model_loads": a.loads, "load_seconds": round(a.load_seconds, 3),
                "workers": len(a.workers), "nodes": sorted(a.nodes), **dict(sorted(a.counts.items())),
            }
            for stage, a in self.stages.items()
        }
        if self._spans:
            out["overlap"] = round(self.overlap(), 3)
        return out


def overlap_share(spans: list[tuple[float, float, str]]) -> float:
    """Of the time from the first start to the last end, the share with two or more distinct
    stages busy at once (a sweep over the span edges)."""
    if not spans:
        return 0.0
    edges = sorted([(s, 1, stage) for s, _, stage in spans] + [(e, -1, stage) for _, e, stage in spans],
                   key=lambda edge: (edge[0], edge[1]))
    active: Counter = Counter()
    both, last = 0.0, edges[0][0]
    for time_, step, stage in edges:
        if sum(1 for n in active.values() if n > 0) >= 2:
            both += time_ - last
        last = time_
        active[stage] += step
    total = max(e for _, e, _ in spans) - min(s for s, _, _ in spans)
    return both / total if total > 0 else 0.0
