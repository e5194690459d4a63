"""Which executor runs the stages: job.executor."""

from __future__ import annotations

from typing import Any

from tarjama.job.progress import JobProgress
from translate.glossary import Glossary


def make_executor(cfg: dict[str, Any], glossary: Glossary | None, engines=None, progress: JobProgress | None = None):
    """The executor that job.executor names. `engines` (local only) shares models already loaded
    in this process, as the tests do between runs."""
    if cfg["job"]["executor"] == "ray":
        from tarjama.job.ray_executor import RayExecutor

        return RayExecutor(cfg, glossary, progress)
    from tarjama.job.local_executor import LocalExecutor

    return LocalExecutor(cfg, glossary, engines, progress)
