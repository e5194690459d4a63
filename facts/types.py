"""Fact records. `start`/`end` are character offsets into the text they came from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class DateFact:
    text: str
    iso: str | None  # YYYY-MM-DD, YYYY-MM or YYYY (Gregorian); None for a Hijri date
    start: int
    end: int
    calendar: str = "gregorian"
    hijri: str | None = None  # YYYY[-MM[-DD]] in the Hijri calendar, as written
    # A date without its year: "--MM" (a month alone) or "--MM-DD" (ISO 8601's forms); iso is
    # then None. Compared between the languages as it stands.
    partial: str | None = None


@dataclass(frozen=True)
class NumberFact:
    text: str
    value: float  # for a vague quantity, its order of magnitude: عشرات/dozens 10, آلاف 1000
    unit: str | None
    start: int
    end: int
    # بضعة, عشرات, آلاف, a few, dozens, tens of thousands: compared as vague, never as exact.
    vague: bool = False
    # The other reading of an ambiguous figure ("1.500 مليار": 1.5 billion, or 1,500 billion);
    # a translation that gives either is faithful. Not written to the JSON.
    alternative: float | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Facts:
    dates: tuple[DateFact, ...] = ()
    numbers: tuple[NumberFact, ...] = ()
    people: tuple[str, ...] = field(default=())
    organisations: tuple[str, ...] = field(default=())
    places: tuple[str, ...] = field(default=())


def plain_number(value: float) -> int | float:
    """50000.0 -> 50000 for JSON readers; 4.5 stays 4.5."""
    return int(value) if float(value).is_integer() else round(value, 6)


def to_json(facts: Facts, sentence: int | None = None) -> dict:
    def date(d: DateFact) -> dict:
        out = {"text": d.text, "iso": d.iso}
        if d.calendar != "gregorian":
            out.update(calendar=d.calendar, hijri=d.hijri)
        if d.partial:
            out["partial"] = d.partial
        return out

    def number(n: NumberFact) -> dict:
        return {"text": n.text, "value": plain_number(n.value), "unit": n.unit, **({"vague": True} if n.vague else {})}

    tag = {} if sentence is None else {"sentence": sentence}
    return {
        "dates": [{**date(d), **tag} for d in facts.dates],
        "numbers": [{**number(n), **tag} for n in facts.numbers],
        "people": [{"text": p, **tag} for p in facts.people],
        "organisations": [{"text": o, **tag} for o in facts.organisations],
        "places": [{"text": p, **tag} for p in facts.places],
    }


__all__ = ["DateFact", "NumberFact", "Facts", "asdict", "to_json", "plain_number"]
