"""`tarjama eval --source SRC --reference REF [--compare ...]`: each row translates SRC and
is scored against REF; rows after the first are tested for a significant difference."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

from tarjama import atomic
from tarjama.textfile import read_utf8, split_lines
from tarjama.evaluate import metrics
from tarjama.evaluate.rows import Row, translate_in_child

log = logging.getLogger("tarjama")


class EvalInputError(Exception):
    """A source, reference or gold file that cannot be used; the message names it."""


def read_lines(path: Path, label: str) -> list[str]:
    lines = split_lines(read_utf8(path, label, EvalInputError))
    if not any(line.strip() for line in lines):
        raise EvalInputError(f"{label} {path}: empty file")
    return lines


def aligned(source: Path, reference: Path) -> tuple[list[str], list[str]]:
    src, ref = read_lines(source, "--source"), read_lines(reference, "--reference")
    if len(src) != len(ref):
        raise EvalInputError(f"--source {source} has {len(src)} lines but --reference {reference} has {len(ref)}; "
                             "they must be line-aligned")
    return src, ref


def compare(rows: Sequence[Row], sources: list[str], references: list[str], out: Path,
            comet_model: str | None = None) -> dict:
    """{"rows": [...], "notes": [...]}: per row its scores, signatures, hypotheses file,
    speed, peak memory and fact preservation, or its error."""
    out.mkdir(parents=True, exist_ok=True)
    results, finished = [], []
    for row in rows:
        entry: dict = {"name": row.name}
        if row.cfg is None:
            entry.update(status="failed", error=row.error)
            results.append(entry)
            continue
        log.info("eval: translating %d lines with %s", len(sources), row.name)
        done = translate_in_child(row.cfg, sources)
        if "error" in done:
            entry.update(status="failed", error=done["error"])
            results.append(entry)
            log.warning("eval: row %s failed: %s", row.name, done["error"])
            continue
        hypotheses = done["hypotheses"]
        path = out / f"{row.name}.en"
        atomic.write_text(path, "".join(h.replace("\n", " ") + "\n" for h in hypotheses))
        entry.update(
            status="ok",
            **metrics.translation_scores(hypotheses, references),
            hypotheses=str(path),
            sentences_per_second=round(len(sources) / done["seconds"], 2) if done["seconds"] else None,
            peak_rss_mb=done["peak_rss_mb"],
            failed_sentences=done["errors"],
            model=done["signature"],
            facts=metrics.facts_preservation(sources, hypotheses),
            terms=done["terms"],
        )
        results.append(entry)
        finished.append((row.name, hypotheses))
    if len(finished) >= 2:
        tests = metrics.significance(finished, references)
        for entry in results:
            if entry["name"] in tests:
                entry["significance"] = {"against": finished[0][0], **tests[entry["name"]]}
    notes = []
    scores, note = metrics.comet(comet_model, [(sources, h, references) for _, h in finished])
    if note:
        notes.append(note)
    for (name, _), score in zip(finished, scores or []):
        next(e for e in results if e["name"] == name)["comet"] = score
    return {"rows": results, "notes": notes}
