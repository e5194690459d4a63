"""Batch planning by token budget. Pure: lengths in, index lists out."""

from __future__ import annotations

from typing import Sequence


def plan_batches(lengths: Sequence[int], budget_tokens: int, max_items: int) -> list[list[int]]:
    """Group item indices into batches, longest first, so that each batch's padded size
    (items x longest item) stays within `budget_tokens` and holds at most `max_items`.

    Sorting by length keeps padding, and so wasted compute, small; putting the longest first
    means the largest batch is met first, so a memory limit is hit at once, not hours in.
    An item longer than the budget gets a batch of its own.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for index in order:
        size = max(longest, lengths[index], 1)
        if current and (size * (len(current) + 1) > budget_tokens or len(current) >= max_items):
            batches.append(current)
            current, longest = [], 0
            size = max(lengths[index], 1)
        current.append(index)
        longest = size
    if current:
        batches.append(current)
    return batches


def split_for_workers(batches: list[list[int]], workers: int) -> list[list[int]]:
    """Halve the largest batches until there are at least `workers` of them, so that an
    engine running several batches at once has one for each worker even when the whole job
    fits in one batch. Order within and across batches is kept."""
    out = [list(b) for b in batches]
    while 0 < len(out) < workers:
        largest = max(range(len(out)), key=lambda i: len(out[i]))
        batch = out[largest]
        if len(batch) < 2:
            break
        half = (len(batch) + 1) // 2
        out[largest : largest + 1] = [batch[:half], batch[half:]]
    return out
