"""What a run did, counted as it goes, and the manifest that reports it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

from tarjama import __version__
from tarjama.job.outputs import now_iso

# Raised when a change to the manifest's shape would surprise a reader of older ones.
MANIFEST_SCHEMA_VERSION = 1


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    empty_inputs: list[str] = field(default_factory=list)  # named folders with no input file
    sentences: int = 0
    translated: int = 0
    cache_hits: int = 0
    terms: Counter = field(default_factory=Counter)  # glossary terms applied, missing
    timings: Counter = field(default_factory=Counter)
    status: str = "running"

    @property
    def exit_code(self) -> int:
        if self.status == "interrupted":
            return 130
        if self.status == "error":
            return 2
        return 1 if self.failed or self.empty_inputs else 0


def build_manifest(outcome: Outcome, *, inputs: Sequence[str], started: str, cfg: dict[str, Any], config_sig: str,
                   signatures: dict[str, str], models: dict, ledger_counts: dict, articles: list[str], load_seconds: dict,
                   stages: dict | None = None) -> dict:
    return {
        "schema_version": MANIFEST_SCHEMA_VERSION,
        "tool": {"name": "tarjama", "version": __version__},
        "status": outcome.status,
        "started": started,
        "finished": now_iso(),
        "inputs": [str(i) for i in inputs],
        "config": cfg,
        "config_signature": config_sig,  # the ledger's digest of signatures.job
        "signatures": signatures,
        "models": models,
        "counts": {
            "written": len(outcome.written),
            "reused": len(outcome.reused),
            "failed": len(outcome.failed),
            "skipped": len(outcome.skipped),
            "duplicates": len(outcome.duplicates),
            "warnings": len(outcome.warnings),
            "sentences": outcome.sentences,
            "translated": outcome.translated,
            "cache_hits": outcome.cache_hits,
            "terms": {"applied": outcome.terms["applied"], "missing": outcome.terms["missing"]},
            "ledger": ledger_counts,
        },
        "failures": outcome.failed,
        "skipped": outcome.skipped,
        "duplicates": outcome.duplicates,
        "warnings": outcome.warnings,
        "articles": articles,
        "timings": {**{k: round(v, 3) for k, v in sorted(outcome.timings.items())}, "load": load_seconds},
        # Per stage: batches, articles, busy seconds, model loads (one per worker, not per batch),
        # workers and nodes, what it counted; and the share of the run with two stages busy at once.
        "stages": stages or {},
    }
