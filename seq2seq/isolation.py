"""One bad input must not cost its batch: a batch that raises is run again input by input, so
that only the input that fails alone is reported failed. Both stages' engines run batches
through it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TypeVar

log = logging.getLogger(__name__)

In = TypeVar("In")
Out = TypeVar("Out")


def run_isolated(run: Callable[[list[In]], list[Out]], items: Sequence[In], failed: Callable[[Exception], Out],
                 what: str) -> list[Out]:
    """run(items); if it raises, run(item) for each item alone, and failed(exc) in place of
    an item that raises alone. `what` names the work in the log ("translation")."""
    try:
        return run(list(items))
    except Exception as exc:  # noqa: BLE001 - any model failure is isolated, then reported
        if len(items) == 1:
            log.warning("%s failed for one input: %s", what, exc)
            return [failed(exc)]
        log.warning("%s of a batch of %d failed (%s); retrying its inputs one by one", what, len(items), exc)
        return [out for item in items for out in run_isolated(run, [item], failed, what)]


def error_text(exc: Exception) -> str:
    """How a failure is recorded in an output: the exception's type and message."""
    return f"{type(exc).__name__}: {exc}"
