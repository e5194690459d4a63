"""`tarjama eval OUT`: how far each article supports its summary, over a finished run, with no
reference and no model: the share of summary sentences supported, and how the summaries'
support scores are spread (facts/support.py)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Sequence

from tarjama.article_json import machine_support

log = logging.getLogger("tarjama")

QUANTILES = {"p10": 0.1, "p25": 0.25, "median": 0.5, "p75": 0.75, "p90": 0.9}
BINS = 10  # the histogram's bins over [0, 1]


def _quantile(ordered: Sequence[float], q: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default)."""
    at = q * (len(ordered) - 1)
    low = int(at)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (at - low)


def distribution(scores: Sequence[float]) -> dict:
    """{"mean", "min", "p10", "p25", "median", "p75", "p90", "max", "histogram"}; the
    histogram counts scores in [0, 0.1), [0.1, 0.2), ... [0.9, 1.0]."""
    if not scores:
        return {}
    ordered = sorted(scores)
    histogram = [0] * BINS
    for score in ordered:
        histogram[min(int(score * BINS), BINS - 1)] += 1
    return {"mean": round(sum(ordered) / len(ordered), 3), "min": ordered[0],
            **{name: round(_quantile(ordered, q), 3) for name, q in QUANTILES.items()}, "max": ordered[-1],
            "histogram": histogram}


def summarise_support(supports: Sequence[dict]) -> dict:
    sentences = [s for support in supports for s in support["sentences"]]
    scores = [support["score"] for support in supports if support["score"] is not None]
    return {
        "summaries": len(scores),
        "sentences": len(sentences),
        "sentences_supported": round(sum(s["supported"] for s in sentences) / len(sentences), 4) if sentences else None,
        "score": distribution(scores),
    }


def folder_support(out: Path) -> dict:
    """Support over every article record of a finished run's folder; a file that is not a
    record is skipped with a warning."""
    supports = []
    for path in sorted((out / "articles").glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            supports.append(machine_support(record))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("eval: %s skipped: %s", path.name, exc)
    return summarise_support(supports)


def line(support: dict) -> str:
    """The one-line report `tarjama eval` prints."""
    if not support["summaries"]:
        return "summary support: no summary to score\n"
    d = support["score"]
    return (f"summary support ({support['summaries']} summaries, {support['sentences']} sentences): "
            f"{100 * support['sentences_supported']:.1f}% of sentences supported; score mean {d['mean']:.2f}, "
            f"min {d['min']:.2f}, p10 {d['p10']:.2f}, median {d['median']:.2f}, p90 {d['p90']:.2f}, max {d['max']:.2f}\n"
            f"  scores by tenth (0.0-0.1 ... 0.9-1.0): {' '.join(str(n) for n in d['histogram'])}\n")
