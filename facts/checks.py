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
    return {"text": n.text, "value": plain_number(n.value), "unit": n.unit, **({"vague": True} if n.vague else {})}


def _date(d: DateFact) -> dict:
    return {"text": d.text, "iso": d.iso, **({"hijri": d.hijri} if d.hijri else {}),
            **({"partial": d.partial} if d.partial else {})}


def _month_day(d: DateFact) -> str | None:
    """--MM or --MM-DD of a date, with or without its year."""
    if d.partial:
        return d.partial
    return f"--{d.iso[5:]}" if d.iso and len(d.iso) >= 7 else None


def _date_matches(source: DateFact, target: DateFact) -> bool:
    if source.calendar == "hijri" or target.calendar == "hijri":
        if not (source.hijri and target.hijri):
            return False
        # As far as both say: the year, then the month and day where both give them.
        common = min(len(source.hijri), len(target.hijri))
        return source.hijri[:common] == target.hijri[:common]
    if source.partial:  # no year to compare: the month (and day) must agree
        found = _month_day(target)
        return bool(found and found.startswith(source.partial))
    return source.iso == target.iso


def _rounds_to(value: float, target: float) -> bool:
    """A translator's rounding: the target is the value to 2-4 significant figures, rounded
    either way (4,487,000 -> "nearly 4.5 million"; 37.1% -> 37%). A change of one digit in the
    figures kept, or of scale, is not a rounding."""
    if not value or not target:
        return False
    for figures in (2, 3, 4):
        step = 10 ** (math.floor(math.log10(abs(value))) - figures + 1)
        if any(_same(f(value / step) * step, target) for f in (round, math.floor, math.ceil)):
            return True
    return False


def _number_flag(index: int, n: NumberFact, became: NumberFact | None) -> dict:
    if became is not None:
        return {
            "type": "number_changed", "segment": index, "source": _number(n), "translation": _number(became),
            "message": f"«{n.text}» ({_shown(n)}) became «{became.text}» ({_shown(became)})",
        }
    return {
        "type": "number_missing", "segment": index, "source": _number(n), "translation": None,
        "message": f"«{n.text}» ({_shown(n)}) is not in the translation",
    }


def _shown(n: NumberFact) -> str:
    return f"about {plain_number(n.value)}, vague" if n.vague else str(plain_number(n.value))


def check_sentence(index: int, source: Facts, target: Facts) -> list[dict]:
    """An Arabic number or date whose value the English of the same sentence lacks."""
    flags: list[dict] = []
    exact_targets = [m for m in target.numbers if not m.vague]
    for n in source.numbers:
        if n.vague:
            # Vague on both sides, of the same order: "عشرات" and "dozens", never "12".
            if any(m.vague and _same(m.value, n.value) for m in target.numbers):
                continue
            other = [m for m in target.numbers if m.vague]
            flags.append(_number_flag(index, n, other[0] if other else None))
            continue
        readings = [n.value] + ([n.alternative] if n.alternative else [])
        if any(_same(v, m.value) or _rounds_to(v, m.value) for v in readings for m in exact_targets):
            continue
        # A year-sized number may come out as a year in English; that is not a loss.
        if n.value.is_integer() and any(d.iso == f"{int(n.value):04d}" for d in target.dates):
            continue
        # The English number it most likely became: one no Arabic number accounts for,
        # nearest in order of magnitude.
        spare = [m for m in exact_targets if not any(_same(m.value, k.value) or _rounds_to(k.value, m.value)
                                                    for k in source.numbers if not k.vague)]
        closest = min(spare, key=lambda m: abs(_magnitude(m.value) - _magnitude(n.value))) if spare else None
        flags.append(_number_flag(index, n, closest))
    for d in source.dates:
        if any(_date_matches(d, e) for e in target.dates):
            continue
        # A year the English gives as a plain number ("the 2018 vote" read as a count).
        if d.iso and len(d.iso) == 4 and any(not m.vague and _same(m.value, float(d.iso)) for m in target.numbers):
            continue
        label = d.iso or d.partial or f"{d.hijri} AH"
        changed = [e for e in target.dates if e.calendar == d.calendar]
        if changed:
            flags.append({
                "type": "date_changed", "segment": index, "source": _date(d), "translation": _date(changed[0]),
                "message": f"«{d.text}» ({label}) became «{changed[0].text}» "
                           f"({changed[0].iso or changed[0].partial or changed[0].hijri})",
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
        if n.vague:
            if any(m.vague and _same(m.value, n.value) for m in numbers):
                continue
        elif any(not m.vague and (_same(n.value, m.value) or _rounds_to(m.value, n.value)) for m in numbers):
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
        if d.partial and any((_month_day(e) or "").startswith(d.partial) for e in dates):
            continue
        if d.hijri and any(e.hijri and e.hijri[:4] == d.hijri[:4] for e in dates):
            continue
        flags.append({
            "type": "summary_unsupported", "segment": None, "source": None, "summary": _date(d),
            "message": f"the summary's date «{d.text}» ({d.iso or d.partial or d.hijri}) is not in the translation",
        })
    return flags
