"""The rows of a comparison: the base config and each `--compare` layered on it, each
translating the source in a child process of its own, so that its speed and peak memory are
its own and a row that fails to load cannot take the others down."""

from __future__ import annotations

import multiprocessing
import resource
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence


@dataclass(frozen=True)
class Row:
    name: str
    cfg: dict[str, Any] | None  # None: the config itself did not resolve
    error: str | None = None


def build_rows(files: Sequence[str], overrides: Sequence[str], presets: Sequence[str],
               compare: Sequence[str]) -> list[Row]:
    """The base row, then one per --compare (a config file, else a preset name), layered after
    the base's -c files and before its --set. Raises ConfigError for the base; a compare row
    that does not resolve is a failed row."""
    from tarjama import config

    rows = [Row("base", config.load(list(files), list(overrides), presets=list(presets)))]
    taken = {"base"}
    for item in compare:
        path = Path(item)
        layer = path if path.suffix == ".toml" or path.exists() else config.preset_path(item)
        name = _unique(path.stem if layer is path else item, taken)
        try:
            cfg = config.load([*files, layer], list(overrides), presets=list(presets))
        except config.ConfigError as exc:
            rows.append(Row(name, None, str(exc)))
            continue
        rows.append(Row(name, cfg))
    return rows


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate


def translate_lines(cfg: dict[str, Any], lines: Sequence[str]) -> dict:
    """In the current process: each line split into sentences as the job splits a paragraph,
    translated by the job's engine and batching (no cache), joined again."""
    from tarjama.engines import Engines
    from tarjama.signature import stage_signature
    from translate import ModelLoadError, split_sentences

    try:
        translator = Engines(cfg).translator
    except ModelLoadError as exc:
        return {"error": str(exc)}
    from translate.glossary import honoured, load

    glossary = load(cfg["translate"]["glossary"])
    sentences = [split_sentences(line) or [line] for line in lines]
    flat = [s for group in sentences for s in group]
    given = [glossary.apply(s) for s in flat] if glossary else [(s, []) for s in flat]
    start = time.perf_counter()
    results = translator.translate([text for text, _ in given])
    seconds = time.perf_counter() - start
    occurrences = [(m.entry, r.text) for (_, matches), r in zip(given, results) for m in matches]
    errors = [r.error for r in results if r.error]
    out, i = [], 0
    for group in sentences:
        out.append(" ".join(r.text for r in results[i:i + len(group)]).strip())
        i += len(group)
    return {
        "hypotheses": out,
        "seconds": seconds,
        "errors": len(errors),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "signature": stage_signature(cfg, "translate"),
        "terms": {"occurrences": len(occurrences),
                  "honoured": sum(1 for entry, text in occurrences if honoured(text, entry))},
    }


def translate_in_child(cfg: dict[str, Any], lines: Sequence[str]) -> dict:
    """translate_lines in a fresh process (spawned: no torch state shared with the parent)."""
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        try:
            return pool.submit(translate_lines, cfg, list(lines)).result()
        except Exception as exc:  # noqa: BLE001 - a crashed row is reported, the others go on
            return {"error": f"{type(exc).__name__}: {exc}"}
