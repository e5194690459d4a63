"""False alarms and catches of the figure checks (facts.checks.check_sentence, as a job and
tarjama check run them) on parallel text written for tarjama, and number words written by a
peer library read back. The name check that tarjama check runs beside them has its own bench,
bench/names_check.py.

Faithful pairs: tests/data/parallel/{news,article,kinds,wire}.{ar,en}, and the faithful English of
each row of tests/data/parallel/forms.tsv (less the rows whose Arabic is itself wrong, an
invalid date, which must be flagged).

Changes: every changed English of forms.tsv that must be flagged, counted under its kind; and,
planted in every faithful English one at a time: a digit changed in a number, a number word
changed, a scale word swapped (million <-> billion, thousand <-> million), a month moved on by
one, a year moved on by one, a clock time moved on by an hour (or a.m. for p.m.), an ordinal
moved on by one, one side of a score changed, a decade moved on by ten years, a compound
measure's first figure changed. A faithful pair should raise no flag; each change should. A
change that gives the other reading of an ambiguous Arabic figure (1.500 مليار: 1.5 billion or
1,500 billion), or the other half of the day of a clock time the Arabic gives without one,
cannot be caught and is counted apart. The near misses of forms.tsv (what must
not be flagged) are counted apart too.

Number words: num2words writes each number of a fixed sample (1 to 1,000, and 590 more up to
a billion, seeded) in Arabic and in English; the share that the extractors read back as that
number, alone, is printed: Arabic as num2words writes it (و with a space after it) and as
papers print it (و glued to the next word), English, English ordinals 1-100, and Arabic
ordinals 1-19 (num2words' Arabic ordinals above 19 are cardinals).

    python bench/facts_check.py [-v]
"""

from __future__ import annotations

import argparse
import csv
from importlib import metadata
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facts import arabic, english  # noqa: E402
from facts.checks import check_sentence  # noqa: E402
from facts.english_words import ORDINAL_WORDS  # noqa: E402

PARALLEL = ROOT / "tests" / "data" / "parallel"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SCALES = {"million": "billion", "billion": "million", "thousand": "million", "trillion": "billion",
          "bn": "m", "m": "bn"}
NEXT_WORD = {"one": "two", "two": "three", "three": "four", "four": "five", "five": "six", "six": "seven",
             "seven": "eight", "eight": "nine", "nine": "ten", "ten": "eleven", "eleven": "twelve", "twelve": "fifteen",
             "twenty": "thirty", "thirty": "forty", "forty": "fifty", "fifty": "sixty", "sixty": "seventy",
             "seventy": "eighty", "eighty": "ninety", "ninety": "twenty", "hundred": "thousand", "half": "quarter"}
ORDINAL_BY_VALUE = {v: k for k, v in ORDINAL_WORDS.items()}
_GLUE = re.compile(r"(?<!\S)و ")
DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]


def figure_flags(ar: str, en: str) -> list[dict]:
    return check_sentence(0, arabic.extract(ar), english.extract(en))


def forms() -> list[dict]:
    with open(PARALLEL / "forms.tsv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def faithful_pairs() -> list[tuple[str, str]]:
    pairs = []
    for name in ("news", "article", "kinds", "wire"):
        ar = (PARALLEL / f"{name}.ar").read_text(encoding="utf-8").splitlines()
        en = (PARALLEL / f"{name}.en").read_text(encoding="utf-8").splitlines()
        pairs += list(zip(ar, en))
    return pairs + [(row["ar"], row["en"]) for row in forms() if not row["en_flags"]]


def _bump_digit(text: str) -> str | None:
    digit = re.search(r"[1-9]", text)
    if not digit:
        return None
    return text[:digit.start()] + str(int(digit.group()) % 9 + 1) + text[digit.end():]


def _swap(en: str, start: int, end: int, new: str | None) -> str | None:
    return None if new is None else en[:start] + new + en[end:]


def corruptions(en: str) -> list[tuple[str, str]]:
    """(kind, changed English) for each figure of the English, one change at a time."""
    out: list[tuple[str, str | None]] = []
    facts = english.extract(en)
    for n in facts.numbers:
        if n.vague:
            continue
        if re.search(r"\d", n.text):
            out.append(("digit", _swap(en, n.start, n.end, _bump_digit(n.text))))
        else:
            word = re.search(r"\b(" + "|".join(NEXT_WORD) + r")\b", n.text, re.IGNORECASE)
            if word:
                new = NEXT_WORD[word.group().lower()]
                out.append(("word", _swap(en, n.start, n.end, n.text[:word.start()] + new + n.text[word.end():])))
        scale = re.search(r"\b(million|billion|thousand|trillion)\b|(?<=\d)(bn|m)\b", n.text)
        if scale:
            changed = n.text[:scale.start()] + SCALES[scale.group()] + n.text[scale.end():]
            out.append(("scale", _swap(en, n.start, n.end, changed)))
    for d in facts.dates:
        month = re.search("|".join(MONTHS), d.text)
        if month:
            moved = MONTHS[(MONTHS.index(month.group()) + 1) % 12]
            out.append(("month", _swap(en, d.start, d.end, d.text[:month.start()] + moved + d.text[month.end():])))
        year = re.search(r"\b(1[3-9]\d\d|20\d\d)\b", d.text)
        if year:
            changed = d.text[:year.start()] + str(int(year.group()) + 1) + d.text[year.end():]
            out.append(("year", _swap(en, d.start, d.end, changed)))
    for t in facts.times:
        if re.search(r"\d", t.text):
            hour = re.match(r"\d{1,2}", t.text)
            changed = None
            if hour:
                changed = str(int(hour.group()) % 12 + 1) + t.text[hour.end():]
            out.append(("time", _swap(en, t.start, t.end, changed)))
        meridiem = re.search(r"\b([ap])\.?m\b", t.text, re.IGNORECASE)
        if meridiem:
            flipped = {"a": "p", "p": "a", "A": "P", "P": "A"}[meridiem.group(1)]
            out.append(("time", _swap(en, t.start + meridiem.start(1), t.start + meridiem.end(1), flipped)))
    for o in facts.ordinals:
        if re.search(r"\d", o.text):
            new = _bump_digit(re.sub(r"(st|nd|rd|th)$", "", o.text))
            if new and not o.label:
                last = int(re.search(r"\d+$", new).group())
                suffix = "th" if 10 <= last % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(last % 10, "th")
                new += suffix
            out.append(("ordinal", _swap(en, o.start, o.end, new)))
        elif o.text.lower() in ORDINAL_WORDS and ORDINAL_WORDS[o.text.lower()] + 1 in ORDINAL_BY_VALUE:
            new = ORDINAL_BY_VALUE[ORDINAL_WORDS[o.text.lower()] + 1]
            out.append(("ordinal", _swap(en, o.start, o.end, new.capitalize() if o.text[0].isupper() else new)))
    for s in facts.scores:
        side = list(re.finditer(r"\d+", s.text))
        if side:
            last = side[-1]
            changed = s.text[:last.start()] + str(int(last.group()) + 2) + s.text[last.end():]
            out.append(("score", _swap(en, s.start, s.end, changed)))
    for d in facts.decades:
        digits = re.search(r"(\d)0['’]?s", d.text)
        if digits:
            new = str(int(digits.group(1)) % 9 + 1)
            out.append(("decade", _swap(en, d.start + digits.start(1), d.start + digits.end(1), new)))
        else:
            word = next((w for w in DECADE_WORDS if w in d.text.lower()), None)
            if word:
                new = DECADE_WORDS[(DECADE_WORDS.index(word) + 1) % len(DECADE_WORDS)]
                out.append(("decade", en[:d.start] + re.sub(word, new, d.text, flags=re.IGNORECASE) + en[d.end:]))
    for m in facts.measures:
        out.append(("measure", _swap(en, m.start, m.end, _bump_digit(m.text))))
    return [(kind, changed) for kind, changed in out if changed and changed != en]


def _reads_the_same(ar: str, changed: str) -> bool:
    """The change gives a reading the Arabic allows, so no check can catch it: the other
    reading of an ambiguous figure (1.500 مليار), or the other half of the day of a clock time
    the Arabic gives without one (الساعة السابعة: 7 a.m. or 7 p.m.)."""
    source, target = arabic.extract(ar), english.extract(changed)
    readings = [r for n in source.numbers if n.alternative for r in (n.value, n.alternative)]
    if any(abs(n.value - r) < 1e-6 * r for n in target.numbers for r in readings):
        return True
    return any(s.twelve_hour and s.minutes % 720 == t.minutes % 720 for s in source.times for t in target.times)


def read_back() -> dict[str, tuple[int, int]]:
    """num2words' number words, read back: {form: (read, written)}."""
    from num2words import num2words

    rng = random.Random(7)
    values = list(range(1, 1001)) + [rng.randrange(1000, 10 ** 9) for _ in range(500)]
    values += [rng.randrange(1, 1000) * 10 ** k for k in (3, 6, 9) for _ in range(30)]
    counts: Counter = Counter()

    def check(form: str, facts, value: int, kind: str = "numbers") -> None:
        counts[form, "written"] += 1
        counts[form, "read"] += [f.value for f in getattr(facts, kind)] == [value]

    for value in values:
        ar = num2words(value, lang="ar")
        check("Arabic (num2words)", arabic.extract(f"بلغ العدد {ar} شخص"), value)
        glued = _GLUE.sub("و", ar)
        check("Arabic, و glued", arabic.extract(f"بلغ العدد {glued} شخص"), value)
        check("English", english.extract(f"The count reached {num2words(value, lang='en')} people."), value)
    for value in range(1, 101):
        check("English ordinals", english.extract(f"It was the {num2words(value, lang='en', to='ordinal')} meeting."),
              value, "ordinals")
    for value in range(1, 20):
        check("Arabic ordinals", arabic.extract(f"عقد الاجتماع ال{num2words(value, lang='ar', to='ordinal')} اليوم"),
              value, "ordinals")
    forms_ = dict.fromkeys(form for form, _ in counts)
    return {form: (counts[form, "read"], counts[form, "written"]) for form in forms_}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list each false alarm and each miss")
    args = parser.parse_args()
    pairs = faithful_pairs()
    alarms = [(ar, en, flags) for ar, en in pairs if (flags := figure_flags(ar, en))]
    planted, caught, ambiguous = Counter(), Counter(), 0
    misses = []
    changes = [(row["kind"], row["ar"], row["changed"]) for row in forms() if row["changed_flags"]]
    changes += [(kind, ar, changed) for ar, en in pairs for kind, changed in corruptions(en)]
    for kind, ar, changed in changes:
        if figure_flags(ar, changed):
            planted[kind] += 1
            caught[kind] += 1
        elif _reads_the_same(ar, changed):
            ambiguous += 1
        else:
            planted[kind] += 1
            misses.append((kind, ar, changed))
    near = [row for row in forms() if row["kind"] == "near miss"]
    near_alarms = [row for row in near if figure_flags(row["ar"], row["changed"])]
    total, hit = sum(planted.values()), sum(caught.values())
    print(f"faithful pairs: {len(pairs)}, flagged: {len(alarms)} ({len(alarms) / len(pairs):.1%} false alarms)")
    print(f"changes: {total}, caught: {hit} ({hit / total:.1%}); not counted: {ambiguous} that give a reading the "
          f"Arabic allows")
    for kind in sorted(planted):
        print(f"  {kind:<8} {caught[kind]}/{planted[kind]} ({caught[kind] / planted[kind]:.1%})")
    print(f"near misses: {len(near)}, flagged: {len(near_alarms)}")
    try:
        version = metadata.version("num2words")
    except metadata.PackageNotFoundError:
        print("number words: num2words is not installed (pip install num2words)")
    else:
        print(f"number words written by num2words {version}, read back:")
        for form, (read, written) in read_back().items():
            print(f"  {form:<20} {read}/{written} ({read / written:.1%})")
    if args.verbose:
        for ar, en, flags in alarms:
            print(f"FALSE ALARM: {en}\n  {[f['message'] for f in flags]}")
        for row in near_alarms:
            print(f"NEAR MISS FLAGGED: {row['changed']}")
        for kind, ar, changed in misses:
            print(f"MISSED ({kind}): {changed}\n  {ar}")


if __name__ == "__main__":
    main()
