"""`tarjama eval facts --gold DIR FILES...`: the fact extractors against gold files written in
the facts format (what `tarjama facts` prints). Dates are matched by ISO value (a Hijri date
by its Hijri value), numbers by value, each as a multiset: two "300"s in the gold need two."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from tarjama.evaluate.compare import EvalInputError

KINDS = ("dates", "numbers")


def _key(kind: str, item: dict) -> str:
    if kind == "dates":
        return item.get("iso") or f"hijri:{item.get('hijri')}"
    value = float(item["value"])
    return f"{value:g}" + (f" {item['unit']}" if item.get("unit") else "")


def _load_gold(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalInputError(f"--gold: no gold file {path} for this input") from None
    except (OSError, ValueError) as exc:
        raise EvalInputError(f"--gold {path}: not readable JSON: {exc}") from None
    except RecursionError:
        raise EvalInputError(f"--gold {path}: not readable JSON: nested too deeply") from None
    records = data if isinstance(data, list) else [data]
    if not all(isinstance(r, dict) and all(isinstance(r.get(k, []), list) for k in KINDS) for r in records):
        raise EvalInputError(f"--gold {path}: not in the facts format (an object with \"dates\" and \"numbers\" lists)")
    return records


def score(gold_dir: Path, files: Sequence[str], cfg: dict[str, Any]) -> dict:
    """{"kinds": {kind: {"precision", "recall", "f1", "gold", "found"}}, "files": [{"file",
    "missed": {kind: [...]}, "false": {kind: [...]}}]}"""
    from tarjama.facts_file import FactsInputError, facts_of

    if not gold_dir.is_dir():
        raise EvalInputError(f"--gold {gold_dir}: no such folder")
    totals = {kind: Counter() for kind in KINDS}
    per_file = []
    for name in files:
        gold = _load_gold(gold_dir / f"{Path(name).stem}.json")
        try:
            found = [facts for _, facts in facts_of(name, cfg, entities=False)]
        except FactsInputError as exc:
            raise EvalInputError(str(exc)) from None
        if len(found) != len(gold):
            raise EvalInputError(f"{name} has {len(found)} records but its gold file has {len(gold)}")
        report = {"file": name, "missed": {}, "false": {}}
        for kind in KINDS:
            expected = Counter(_key(kind, item) for record in gold for item in record.get(kind, []))
            got = Counter(_key(kind, item) for record in found for item in record[kind])
            hits = sum((expected & got).values())
            totals[kind].update(hits=hits, gold=sum(expected.values()), found=sum(got.values()))
            report["missed"][kind] = sorted((expected - got).elements())
            report["false"][kind] = sorted((got - expected).elements())
        per_file.append(report)
    kinds = {}
    for kind, t in totals.items():
        precision = t["hits"] / t["found"] if t["found"] else None
        recall = t["hits"] / t["gold"] if t["gold"] else None
        f1 = (2 * precision * recall / (precision + recall) if precision and recall else
              (0.0 if precision is not None and recall is not None else None))
        kinds[kind] = {"precision": _round(precision), "recall": _round(recall), "f1": _round(f1),
                       "gold": t["gold"], "found": t["found"]}
    return {"kinds": kinds, "files": per_file}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def table(result: dict, verbose: bool) -> str:
    lines = ["kind     precision  recall  F1      gold  found"]
    for kind, k in result["kinds"].items():
        cells = [("-" if k[m] is None else f"{k[m]:.3f}") for m in ("precision", "recall", "f1")]
        lines.append(f"{kind:<8} {cells[0]:<10} {cells[1]:<7} {cells[2]:<7} {k['gold']:<5} {k['found']}")
    if verbose:
        for report in result["files"]:
            for kind in KINDS:
                for label, items in (("missed", report["missed"][kind]), ("false hit", report["false"][kind])):
                    lines += [f"{report['file']}: {kind} {label}: {item}" for item in items]
    return "\n".join(lines) + "\n"
