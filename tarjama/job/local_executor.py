"""The stages in this process, window by window.

Articles stream through in windows of `job.window_articles`: a window's sentences are batched
together across its articles, so batches stay full while memory stays bounded by the window.
Each stage is set up once for the job, on the first window that reaches it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from tarjama.engines import Engines
from tarjama.job.memory import release_free_memory
from tarjama.job.pipeline import make_stages
from tarjama.job.progress import JobProgress
from tarjama.job.stage_records import Failed, Finished, Planned
from translate.glossary import Glossary

def windows(items: Iterable, size: int) -> Iterator[list]:
    window: list = []
    for item in items:
        window.append(item)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


class LocalExecutor:
    def __init__(self, cfg: dict[str, Any], glossary: Glossary | None, engines: Engines | None = None,
                 progress: JobProgress | None = None) -> None:
        self.window = cfg["job"]["window_articles"]
        self.stages = make_stages(cfg, glossary, engines)
        self.progress = progress or JobProgress(False)
        for stage in self.stages:  # each says what it is doing, once its model is loaded
            stage.progress = self.progress

    def run(self, planned: Iterable[Planned]) -> Iterator[Finished | Failed]:
        for window in windows(planned, self.window):
            self.progress.found(len(window))
            batch: list = window
            for stage in self.stages:
                batch = stage(batch)
                # Give the freed activations back before the next stage's beams allocate on top.
                release_free_memory()
                if any(isinstance(r, Failed) and r.fatal for r in batch):
                    break  # a model that will not load: the runner stops the job at the first
            finished = sum(1 for r in batch if isinstance(r, Finished))
            if finished:
                self.progress.stage("writing", f"{finished} articles")
            yield from sorted(batch, key=lambda r: not (isinstance(r, Failed) and r.fatal))

    def close(self) -> None:
        """Nothing to release in this process."""
