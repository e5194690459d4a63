"""Fact records. `start`/`end` are character offsets into the text they came from.

Each kind of figure has its own record and is compared as that kind: a date, a quantity, a
clock time, an ordinal (or a number that labels: المادة 140, Resolution 2334), a score, a
decade, a compound measure (5-foot-9)."""

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
    # A day the month does not have (31 February 2023, ٣١ شباط): the date as written,
    # "2023-02-31" or "--02-31"; iso and partial are then None.
    invalid: str | None = None


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
    # A count a faithful translation may leave unsaid: the dual of a noun (سنتين, الطرفين: "both
    # sides", "the parties"). Flagged when the English gives another number, never as missing.
    implicit: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class TimeFact:
    text: str
    minutes: int  # after midnight
    start: int
    end: int
    # No a.m./p.m. and no part of the day (الساعة التاسعة, 9:30): `minutes` or 12 hours later.
    twelve_hour: bool = False


@dataclass(frozen=True)
class OrdinalFact:
    text: str
    value: int
    start: int
    end: int
    # A number that names rather than ranks (المادة 140, المنطقة 9, Resolution 2334).
    label: bool = False


@dataclass(frozen=True)
class ScoreFact:
    text: str
    score: tuple[int, int]  # as written; compared without order (2-1 and 1-2 name the same result)
    start: int
    end: int


@dataclass(frozen=True)
class DecadeFact:
    text: str
    decade: int  # 1980; or 80 where the century is not said (الثمانينيات, the eighties, in his 30s)
    start: int
    end: int
    part: str | None = None  # "early", "mid" or "late"


@dataclass(frozen=True)
class MeasureFact:
    text: str
    value: float  # in SI: metres, seconds, kilograms
    unit: str  # "m", "s" or "kg"
    start: int
    end: int
    # The two units as written ("ft+in", "h+min", "m+cm"): two measures in the same units must
    # agree exactly; a conversion between units is allowed its rounding. Not written to the JSON.
    units: str = field(default="", compare=False)


@dataclass(frozen=True)
class Facts:
    dates: tuple[DateFact, ...] = ()
    numbers: tuple[NumberFact, ...] = ()
    people: tuple[str, ...] = field(default=())
    organisations: tuple[str, ...] = field(default=())
    places: tuple[str, ...] = field(default=())
    times: tuple[TimeFact, ...] = ()
    ordinals: tuple[OrdinalFact, ...] = ()
    scores: tuple[ScoreFact, ...] = ()
    decades: tuple[DecadeFact, ...] = ()
    measures: tuple[MeasureFact, ...] = ()


# The kinds of figure, in the order they are written out.
FIGURES = ("dates", "numbers", "times", "ordinals", "scores", "decades", "measures")


def plain_number(value: float) -> int | float:
    """50000.0 -> 50000 for JSON readers; 4.5 stays 4.5."""
    return int(value) if float(value).is_integer() else round(value, 6)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def date_json(d: DateFact) -> dict:
    out = {"text": d.text, "iso": d.iso}
    if d.calendar != "gregorian":
        out.update(calendar=d.calendar, hijri=d.hijri)
    if d.partial:
        out["partial"] = d.partial
    if d.invalid:
        out["invalid"] = d.invalid
    return out


def number_json(n: NumberFact) -> dict:
    return {"text": n.text, "value": plain_number(n.value), "unit": n.unit, **({"vague": True} if n.vague else {})}


def time_json(t: TimeFact) -> dict:
    return {"text": t.text, "clock": clock(t.minutes), **({"twelve_hour": True} if t.twelve_hour else {})}


def ordinal_json(o: OrdinalFact) -> dict:
    return {"text": o.text, "value": o.value, **({"label": True} if o.label else {})}


def score_json(s: ScoreFact) -> dict:
    return {"text": s.text, "score": list(s.score)}


def decade_json(d: DecadeFact) -> dict:
    return {"text": d.text, "decade": d.decade, **({"part": d.part} if d.part else {})}


def measure_json(m: MeasureFact) -> dict:
    return {"text": m.text, "value": plain_number(m.value), "unit": m.unit}


FIGURE_JSON = {"dates": date_json, "numbers": number_json, "times": time_json, "ordinals": ordinal_json,
               "scores": score_json, "decades": decade_json, "measures": measure_json}


def to_json(facts: Facts, sentence: int | None = None) -> dict:
    tag = {} if sentence is None else {"sentence": sentence}
    out = {kind: [{**FIGURE_JSON[kind](f), **tag} for f in getattr(facts, kind)] for kind in FIGURES[:2]}
    out.update({kind: [{"text": e, **tag} for e in getattr(facts, kind)]
                for kind in ("people", "organisations", "places")})
    out.update({kind: [{**FIGURE_JSON[kind](f), **tag} for f in getattr(facts, kind)] for kind in FIGURES[2:]})
    return out


__all__ = ["DateFact", "DecadeFact", "FIGURES", "Facts", "MeasureFact", "NumberFact", "OrdinalFact", "ScoreFact",
           "TimeFact", "asdict", "clock", "plain_number", "to_json"]
