"""Cross-checks between the Arabic source, its translation and the summary. Pure.

Each flag names the sentence (its index in the article's segments) and both spans, so a
reviewer can go straight to it.
"""

from __future__ import annotations

import math
from typing import Sequence

from facts.types import DateFact, Facts, NumberFact, plain_number


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _magnitude(value: float) -> float:
    return math.log10(abs(value)) if value else 0.0


def _number(n: NumberFact) -> dict:
    return {"text": n.text, "value": plain_number(n.value), "unit": n.unit}


def _date(d: DateFact) -> dict:
    return {"text": d.text, "iso": d.iso, **({"hijri": d.hijri} if d.hijri else {})}


def _date_matches(source: DateFact, target: DateFact) -> bool:
    if source.calendar == "hijri" or target.calendar == "hijri":
        return bool(source.hijri and target.hijri and source.hijri[:4] == target.hijri[:4])
    return source.iso == target.iso


def check_sentence(index: int, source: Facts, target: Facts) -> list[dict]:
    """An Arabic number or date whose value the English of the same sentence lacks."""
    flags: list[dict] = []
    for n in source.numbers:
        if any(_same(n.value, m.value) for m in target.numbers):
            continue
        # A year-sized number may come out as a year in English; that is not a loss.
        if n.value.is_integer() and any(d.iso == f"{int(n.value):04d}" for d in target.dates):
            continue
        # The English number it most likely became: one no Arabic number accounts for,
        # nearest in order of magnitude.
        spare = [m for m in target.numbers if not any(_same(m.value, k.value) for k in source.numbers)]
        if spare:
            closest = min(spare, key=lambda m: abs(_magnitude(m.value) - _magnitude(n.value)))
            flags.append({
                "type": "number_changed", "segment": index, "source": _number(n), "translation": _number(closest),
                "message": f"«{n.text}» ({plain_number(n.value)}) became «{closest.text}» ({plain_number(closest.value)})",
            })
        else:
            flags.append({
                "type": "number_missing", "segment": index, "source": _number(n), "translation": None,
                "message": f"«{n.text}» ({plain_number(n.value)}) is not in the translation",
            })
    for d in source.dates:
        if any(_date_matches(d, e) for e in target.dates):
            continue
        label = d.iso or f"{d.hijri} AH"
        changed = [e for e in target.dates if e.calendar == d.calendar]
        if changed:
            flags.append({
                "type": "date_changed", "segment": index, "source": _date(d), "translation": _date(changed[0]),
                "message": f"«{d.text}» ({label}) became «{changed[0].text}» ({changed[0].iso or changed[0].hijri})",
            })
        else:
            flags.append({
                "type": "date_missing", "segment": index, "source": _date(d), "translation": None,
                "message": f"«{d.text}» ({label}) is not in the translation",
            })
    return flags


def check_summary(summary: Facts, translation: Sequence[Facts]) -> list[dict]:
    """A number or date in the summary that no sentence of the translation supports."""
    numbers = [n for f in translation for n in f.numbers]
    dates = [d for f in translation for d in f.dates]
    flags: list[dict] = []
    for n in summary.numbers:
        if any(_same(n.value, m.value) for m in numbers):
            continue
        if n.value.is_integer() and any(d.iso and d.iso[:4] == f"{int(n.value):04d}" for d in dates):
            continue
        flags.append({
            "type": "summary_unsupported", "segment": None, "source": None, "summary": _number(n),
            "message": f"the summary's «{n.text}» ({plain_number(n.value)}) is not in the translation",
        })
    for d in summary.dates:
        if d.iso and any(e.iso and e.iso.startswith(d.iso) for e in dates):
            continue
        if d.hijri and any(e.hijri and e.hijri[:4] == d.hijri[:4] for e in dates):
            continue
        flags.append({
            "type": "summary_unsupported", "segment": None, "source": None, "summary": _date(d),
            "message": f"the summary's date «{d.text}» ({d.iso or d.hijri}) is not in the translation",
        })
    return flags
