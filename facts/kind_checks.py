"""How each kind of figure other than quantities and dates is compared between a sentence
and its translation (or the summary and the translation): clock times, ordinals and labels,
scores, decades, compound measures. Pure.

A figure is found when the other side has the same figure of its kind, or, where one
language says it as another kind, the same value there: an ordinal may be written as a
plain number (المنطقة 9 / "Zone 9" / "the 9th") or as a clock hour (في السابعة / "at seven"),
a score as its two numbers ("by 120 votes to 30"), a measure as a quantity in one unit
(5 أقدام و9 بوصات / "1.75 metres")."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

from facts.types import (DecadeFact, Facts, MeasureFact, OrdinalFact, ScoreFact, TimeFact, clock, decade_json,
                         measure_json, ordinal_json, plain_number, score_json, time_json)

# A measure converted between units (feet and inches to metres) keeps three figures at
# best; one unit's difference at the size of a person (an inch in 5-foot-9) is 1.4%.
CONVERSION = 0.01
# Units of quantities that a compound measure may be given in, and their size in SI.
SI_UNITS = {"m": ("m", 1.0), "km": ("m", 1000.0), "tonne": ("kg", 1000.0)}


def _exact_numbers(facts: Facts) -> list[float]:
    return [n.value for n in facts.numbers if not n.vague]


def _hours(t: TimeFact) -> set[int]:
    """The hour of a time on the hour, as a number or a rank may say it: 7 for 7:00 and 19:00."""
    if t.minutes % 60:
        return set()
    hour = t.minutes // 60
    return {hour, hour % 12 or 12}


# -- times -----------------------------------------------------------------------------------

def _same_time(a: TimeFact, b: TimeFact) -> bool:
    if a.twelve_hour or b.twelve_hour:
        return a.minutes % 720 == b.minutes % 720
    return a.minutes == b.minutes


def _time_elsewhere(t: TimeFact, other: Facts) -> bool:
    hours = _hours(t)
    return bool(hours) and any(v in hours for v in _exact_numbers(other) + [o.value for o in other.ordinals])


def _show_time(t: TimeFact) -> str:
    return clock(t.minutes) + (f" or {clock(t.minutes + 720)}" if t.twelve_hour else "")


# -- ordinals --------------------------------------------------------------------------------

def _ordinal_elsewhere(o: OrdinalFact, other: Facts) -> bool:
    if any(v == o.value for v in _exact_numbers(other)):
        return True
    if any(o.value in _hours(t) for t in other.times):
        return True
    days = [d.iso[8:] if d.iso and len(d.iso) == 10 else d.partial[5:] if d.partial and len(d.partial) == 7 else None
            for d in other.dates]
    return f"{o.value:02d}" in days


def _show_ordinal(o: OrdinalFact) -> str:
    return f"{o.value}, a label" if o.label else str(o.value)


# -- scores ----------------------------------------------------------------------------------

def _same_score(a: ScoreFact, b: ScoreFact) -> bool:
    return sorted(a.score) == sorted(b.score)


def _score_elsewhere(s: ScoreFact, other: Facts) -> bool:
    """Both sides among the other side's numbers, one number for each: 2-2 needs two 2s."""
    values = Counter(_exact_numbers(other) + [o.value for o in other.ordinals])
    return not Counter(s.score) - values


def _show_score(s: ScoreFact) -> str:
    return f"{s.score[0]}-{s.score[1]}"


# -- decades ---------------------------------------------------------------------------------

def _same_decade(a: DecadeFact, b: DecadeFact) -> bool:
    if a.decade != b.decade and not (min(a.decade, b.decade) < 100 and a.decade % 100 == b.decade % 100):
        return False
    return a.part is None or b.part is None or a.part == b.part


def _show_decade(d: DecadeFact) -> str:
    return f"the {d.part + ' ' if d.part else ''}{d.decade}s"


# -- measures --------------------------------------------------------------------------------

def _close(a: float, b: float) -> bool:
    return abs(a - b) <= CONVERSION * max(abs(a), abs(b))


def _same_measure(a: MeasureFact, b: MeasureFact) -> bool:
    if a.unit != b.unit:
        return False
    if a.units and a.units == b.units:  # the same units: no conversion to round
        return abs(a.value - b.value) <= 1e-9 * max(abs(a.value), abs(b.value))
    return _close(a.value, b.value)


def _measure_elsewhere(m: MeasureFact, other: Facts) -> bool:
    for n in other.numbers:
        unit, size = SI_UNITS.get(n.unit or "", (None, 0.0))
        if unit == m.unit and not n.vague and _close(n.value * size, m.value):
            return True
    return False


def _show_measure(m: MeasureFact) -> str:
    return f"{plain_number(round(m.value, 4))} {m.unit}"


@dataclass(frozen=True)
class Kind:
    field: str  # the Facts field: "times"
    name: str  # in the flag types: time_changed, time_missing
    same: Callable
    elsewhere: Callable  # found in another kind of the other side
    distance: Callable  # which of the other side's spare figures it most likely became
    shown: Callable
    json: Callable
    weak: Callable = lambda fact: False  # never flagged as missing, only as changed


KINDS = (
    Kind("times", "time", _same_time, _time_elsewhere, lambda a, b: abs(a.minutes - b.minutes) % 720, _show_time,
         time_json),
    # First and second are idioms as often as ranks (في المقام الأول, "primarily"; ثاني أكسيد,
    # "dioxide"): flagged when the English gives another rank, never as missing.
    Kind("ordinals", "ordinal", lambda a, b: a.value == b.value, _ordinal_elsewhere,
         lambda a, b: abs(a.value - b.value), _show_ordinal, ordinal_json, lambda o: not o.label and o.value <= 2),
    Kind("scores", "score", _same_score, _score_elsewhere, lambda a, b: abs(sum(a.score) - sum(b.score)),
         _show_score, score_json),
    Kind("decades", "decade", _same_decade, lambda d, other: False, lambda a, b: abs(a.decade % 100 - b.decade % 100),
         _show_decade, decade_json),
    Kind("measures", "measure", _same_measure, _measure_elsewhere,
         lambda a, b: (a.unit != b.unit, abs(a.value - b.value)), _show_measure, measure_json),
)


def found(kind: Kind, fact, other: Facts, spare: list | None = None) -> bool:
    """The same figure of the kind on the other side, or, when the other side has no figure of
    the kind left unexplained (`spare`), the figure said as another kind."""
    if any(kind.same(fact, o) for o in getattr(other, kind.field)):
        return True
    return not spare and kind.elsewhere(fact, other)


def kind_flags(index: int, source: Facts, target: Facts) -> list[dict]:
    """For each figure of the source of a kind in KINDS: `<kind>_changed` when the translation
    has a figure of that kind no source figure accounts for, else `<kind>_missing`."""
    flags: list[dict] = []
    for kind in KINDS:
        mine, theirs = getattr(source, kind.field), getattr(target, kind.field)
        spare = [t for t in theirs if not any(kind.same(s, t) for s in mine)]
        for fact in mine:
            if found(kind, fact, target, spare):
                continue
            if spare:
                became = min(spare, key=lambda t: kind.distance(fact, t))
                spare.remove(became)
                flags.append({
                    "type": f"{kind.name}_changed", "segment": index, "source": kind.json(fact),
                    "translation": kind.json(became),
                    "message": f"«{fact.text}» ({kind.shown(fact)}) became «{became.text}» ({kind.shown(became)})",
                })
            elif not kind.weak(fact):
                flags.append({
                    "type": f"{kind.name}_missing", "segment": index, "source": kind.json(fact), "translation": None,
                    "message": f"«{fact.text}» ({kind.shown(fact)}) is not in the translation",
                })
    return flags


def summary_kind_flags(summary: Facts, translation: Facts) -> list[dict]:
    """A figure of the summary, of a kind in KINDS, that the translation does not have."""
    flags = []
    for kind in KINDS:
        for fact in getattr(summary, kind.field):
            if found(kind, fact, translation):
                continue
            flags.append({
                "type": "summary_unsupported", "segment": None, "source": None, "summary": kind.json(fact),
                "message": f"the summary's {kind.name} «{fact.text}» ({kind.shown(fact)}) is not in the translation",
            })
    return flags
