"""Cross-checks between the Arabic source, its translation and the summary. Pure.

Each flag names the sentence (its index in the article's segments) and both spans, so a
reviewer can go straight to it. Quantities and dates are compared here; clock times,
ordinals, scores, decades and compound measures in facts.kind_checks, each as its own kind.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter
from typing import Sequence

from facts import hijri
from facts.kind_checks import SI_UNITS, found, kind_flags, summary_kind_flags, KINDS, CONVERSION
from facts.types import DateFact, Facts, NumberFact, date_json, number_json, plain_number


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _magnitude(value: float) -> float:
    return math.log10(abs(value)) if value else 0.0


_number = number_json
_date = date_json


def _month_day(d: DateFact) -> str | None:
    """--MM or --MM-DD of a date, with or without its year."""
    if d.partial:
        return d.partial
    return f"--{d.iso[5:]}" if d.iso and len(d.iso) >= 7 else None


def _date_matches(source: DateFact, target: DateFact) -> bool:
    if source.invalid or target.invalid:
        return source.invalid == target.invalid
    if source.calendar == "hijri" and target.calendar == "hijri":
        if not (source.hijri and target.hijri):
            return False
        # As far as both say: the year, then the month and day where both give them.
        common = min(len(source.hijri), len(target.hijri))
        return source.hijri[:common] == target.hijri[:common]
    if source.calendar == "hijri" or target.calendar == "hijri":
        # A translator may give the Gregorian date of a Hijri one, or the other way round.
        h, g = (source, target) if source.calendar == "hijri" else (target, source)
        return bool(h.hijri and g.iso and hijri.may_be(h.hijri, g.iso))
    if source.partial:  # no year to compare: the month (and day) must agree
        here = _month_day(target)
        return bool(here and here.startswith(source.partial))
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


def _shown(n: NumberFact) -> str:
    return f"about {plain_number(n.value)}, vague" if n.vague else str(plain_number(n.value))


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


def _number_elsewhere(n: NumberFact, other: Facts) -> bool:
    """A quantity the other side gives as another kind of figure: a year ("the 2018 vote"),
    a rank or label (المنطقة 9, "the 9th"), one side of a score, a measure in other units."""
    if float(n.value).is_integer():
        whole = int(n.value)
        if any(d.iso == f"{whole:04d}" or (d.hijri or "")[:4] == f"{whole:04d}" for d in other.dates):
            return True
        if any(o.value == whole for o in other.ordinals) or any(whole in s.score for s in other.scores):
            return True
    unit, size = SI_UNITS.get(n.unit or "", (None, 0.0))
    return bool(unit) and any(m.unit == unit and abs(m.value - n.value * size) <= CONVERSION * m.value
                              for m in other.measures)


def _unclaimed_equal(n: NumberFact, source: Facts, exact_targets: list[NumberFact], claimed: Counter) -> bool:
    """Whether an English number equal to the implicit count `n` is left once the stated
    source numbers of that value, and the implicit ones before it, have taken theirs."""
    equal = sum(1 for m in exact_targets if _same(m.value, n.value))
    stated = sum(1 for k in source.numbers if not k.vague and not k.implicit and _same(k.value, n.value))
    if equal - stated - claimed[n.value] > 0:
        claimed[n.value] += 1
        return True
    return False


def _number_flags(index: int, source: Facts, target: Facts) -> list[dict]:
    exact_targets = [m for m in target.numbers if not m.vague]
    # The English numbers no Arabic number accounts for: what a changed number most likely became.
    spare = [m for m in exact_targets if not any(_same(m.value, k.value) or _rounds_to(k.value, m.value)
                                                for k in source.numbers if not k.vague)]
    flags: list[tuple[int, dict]] = []
    unmatched: list[tuple[int, NumberFact]] = []
    claimed_twos: Counter = Counter()
    for position, n in enumerate(source.numbers):
        if n.vague:
            # Vague on both sides, of the same order: "عشرات" and "dozens", never "12".
            if any(m.vague and _same(m.value, n.value) for m in target.numbers):
                continue
            other = [m for m in target.numbers if m.vague]
            if other:
                flags.append((position, _number_flag(index, n, other[0])))
            else:
                unmatched.append((position, n))
            continue
        readings = [n.value] + ([n.alternative] if n.alternative else [])
        if n.implicit:
            # A dual noun needs an English number of its own: in "محافظتين ... اليومين", one
            # "two" does not stand for both.
            if _unclaimed_equal(n, source, exact_targets, claimed_twos):
                continue
        elif any(_same(v, m.value) or _rounds_to(v, m.value) for v in readings for m in exact_targets):
            continue
        if not n.implicit and _number_elsewhere(n, target):
            continue
        unmatched.append((position, n))
    # Stated numbers take their nearest spare first, then vague ones; an implicit count (a
    # dual noun) only one left over, so that one changed figure is not reported twice.
    for position, n in sorted(unmatched, key=lambda item: (item[1].implicit, item[1].vague)):
        closest = min(spare, key=lambda m: abs(_magnitude(m.value) - _magnitude(n.value))) if spare else None
        if closest is not None:
            spare.remove(closest)
        if closest is None and n.implicit:
            continue
        flags.append((position, _number_flag(index, n, closest)))
    return [flag for _, flag in sorted(flags, key=lambda item: item[0])]


def _date_label(d: DateFact) -> str:
    if d.invalid:
        return f"{d.invalid}, not a real date"
    return d.iso or d.partial or f"{d.hijri} AH"


def _invalid_flag(index: int, d: DateFact, twin: DateFact | None) -> dict:
    year, month, day = d.invalid.lstrip("-").split("-") if d.invalid.startswith("--") is False else \
        (None, *d.invalid[2:].split("-"))
    if d.calendar == "hijri":
        why = "no Hijri month has more than 30 days"
    else:
        days = calendar.monthrange(int(year) if year else 2000, int(month))[1]
        why = f"{calendar.month_name[int(month)]}{' ' + year if year else ''} has {days} days"
    return {
        "type": "date_invalid", "segment": index, "source": _date(d), "translation": _date(twin) if twin else None,
        "message": f"«{d.text}» is not a real date ({why})",
    }


def _date_flags(index: int, source: Facts, target: Facts) -> list[dict]:
    flags = []
    spare = [e for e in target.dates if not any(_date_matches(d, e) for d in source.dates)]
    # A date of the other calendar stands for a source date only when no source date of its
    # own calendar accounts for it: in "23 آذار 2023 الموافق 1 رمضان 1444" each has its own.
    own = [e for e in target.dates if any(d.calendar == e.calendar and _date_matches(d, e) for d in source.dates)]
    for d in source.dates:
        if d.invalid:
            flags.append(_invalid_flag(index, d, next((e for e in target.dates if e.invalid == d.invalid), None)))
            continue
        if any(_date_matches(d, e) for e in target.dates if e.calendar == d.calendar or e not in own):
            continue
        # A year the English gives as a plain number ("the 2018 vote" read as a count), or a
        # Hijri year given as one.
        year = d.iso if d.iso and len(d.iso) == 4 else d.hijri if d.hijri and len(d.hijri) == 4 else None
        if year and any(not m.vague and _same(m.value, float(year)) for m in target.numbers):
            continue
        changed = [e for e in spare if e.calendar == d.calendar] or spare or \
            [e for e in target.dates if e.calendar == d.calendar]
        if changed:
            became = changed[0]
            if became in spare:
                spare.remove(became)
            flags.append({
                "type": "date_changed", "segment": index, "source": _date(d), "translation": _date(became),
                "message": f"«{d.text}» ({_date_label(d)}) became «{became.text}» ({_date_label(became)})",
            })
        else:
            flags.append({
                "type": "date_missing", "segment": index, "source": _date(d), "translation": None,
                "message": f"«{d.text}» ({_date_label(d)}) is not in the translation",
            })
    return flags


def check_sentence(index: int, source: Facts, target: Facts) -> list[dict]:
    """Each figure of the Arabic sentence whose value the English of the same sentence lacks:
    numbers, dates (and invalid dates), then the other kinds in facts.kind_checks.KINDS."""
    return _number_flags(index, source, target) + _date_flags(index, source, target) + kind_flags(index, source, target)


def _merged(facts: Sequence[Facts]) -> Facts:
    fields = ("dates", "numbers") + tuple(k.field for k in KINDS)
    return Facts(**{name: tuple(x for f in facts for x in getattr(f, name)) for name in fields})


def check_summary(summary: Facts, translation: Sequence[Facts]) -> list[dict]:
    """A figure in the summary that no sentence of the translation supports."""
    merged = _merged(translation)
    numbers, dates = merged.numbers, merged.dates
    flags: list[dict] = []
    for n in summary.numbers:
        if n.vague:
            if any(m.vague and _same(m.value, n.value) for m in numbers):
                continue
        elif any(not m.vague and (_same(n.value, m.value) or _rounds_to(m.value, n.value)) for m in numbers):
            continue
        if not n.vague and _number_elsewhere(n, merged):
            continue
        flags.append({
            "type": "summary_unsupported", "segment": None, "source": None, "summary": _number(n),
            "message": f"the summary's «{n.text}» ({plain_number(n.value)}) is not in the translation",
        })
    for d in summary.dates:
        if d.invalid and any(e.invalid == d.invalid for e in dates):
            continue
        if d.iso and any(e.iso and e.iso.startswith(d.iso) for e in dates):
            continue
        if d.partial and any((_month_day(e) or "").startswith(d.partial) for e in dates):
            continue
        if d.hijri and any(e.hijri and e.hijri[:4] == d.hijri[:4] for e in dates):
            continue
        if (d.iso or d.hijri) and any(_date_matches(d, e) for e in dates if e.calendar != d.calendar):
            continue
        flags.append({
            "type": "summary_unsupported", "segment": None, "source": None, "summary": _date(d),
            "message": f"the summary's date «{d.text}» ({_date_label(d)}) is not in the translation",
        })
    return flags + summary_kind_flags(summary, merged)


__all__ = ["check_sentence", "check_summary", "found"]
