"""False alarms and catches of the fact checks, on parallel text written for tarjama.

Faithful pairs: tests/data/parallel/{news,article}.{ar,en} and the faithful pair of each form
in tests/test_facts_forms.py. Corruptions are planted in the English one at a time: a digit
changed, a scale word swapped (million <-> billion, thousand <-> million), a month moved on by
one, a year moved on by one. A faithful pair should raise no flag; each corruption should.

    python bench/facts_check.py [-v]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facts import english  # noqa: E402
from facts.pairs import check_pair  # noqa: E402
from tests.test_facts_forms import PAIRS  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SCALES = {"million": "billion", "billion": "million", "thousand": "million", "trillion": "billion",
          "bn": "m", "m": "bn"}


def faithful_pairs() -> list[tuple[str, str]]:
    pairs = []
    for name in ("news", "article"):
        ar = (ROOT / "tests/data/parallel" / f"{name}.ar").read_text(encoding="utf-8").splitlines()
        en = (ROOT / "tests/data/parallel" / f"{name}.en").read_text(encoding="utf-8").splitlines()
        pairs += list(zip(ar, en))
    return pairs + [(ar, faithful) for _, ar, faithful, _ in PAIRS]


def corruptions(en: str) -> list[tuple[str, str]]:
    """(kind, corrupted English) for each fact of the English, one change at a time."""
    out = []
    facts = english.extract(en)
    for n in facts.numbers:
        if n.vague:
            continue
        digits = [m for m in re.finditer(r"[1-9]", n.text)]
        if digits:
            d = digits[0]
            new = str(int(d.group()) % 9 + 1)
            changed = n.text[:d.start()] + new + n.text[d.end():]
            out.append(("digit", en[:n.start] + changed + en[n.end:]))
        scale = re.search(r"\b(million|billion|thousand|trillion)\b|(?<=\d)(bn|m)\b", n.text)
        if scale:
            word = scale.group()
            changed = n.text[:scale.start()] + SCALES[word] + n.text[scale.end():]
            out.append(("scale", en[:n.start] + changed + en[n.end:]))
    for d in facts.dates:
        month = re.search("|".join(MONTHS), d.text)
        if month:
            moved = MONTHS[(MONTHS.index(month.group()) + 1) % 12]
            out.append(("month", en[:d.start] + d.text[:month.start()] + moved + d.text[month.end():] + en[d.end:]))
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", d.text)
        if year:
            changed = d.text[:year.start()] + str(int(year.group()) + 1) + d.text[year.end():]
            out.append(("year", en[:d.start] + changed + en[d.end:]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list each false alarm and each miss")
    args = parser.parse_args()
    pairs = faithful_pairs()
    alarms = [(ar, en, check_pair(ar, en).flags) for ar, en in pairs]
    alarms = [a for a in alarms if a[2]]
    planted, caught = Counter(), Counter()
    misses = []
    for ar, en in pairs:
        for kind, corrupted in corruptions(en):
            planted[kind] += 1
            if check_pair(ar, corrupted).flags:
                caught[kind] += 1
            else:
                misses.append((kind, ar, corrupted))
    total, hit = sum(planted.values()), sum(caught.values())
    print(f"faithful pairs: {len(pairs)}, flagged: {len(alarms)} ({len(alarms) / len(pairs):.1%} false alarms)")
    print(f"corruptions: {total}, caught: {hit} ({hit / total:.1%})")
    for kind in sorted(planted):
        print(f"  {kind:<6} {caught[kind]}/{planted[kind]}")
    if args.verbose:
        for ar, en, flags in alarms:
            print(f"FALSE ALARM: {en}\n  {[f['message'] for f in flags]}")
        for kind, ar, corrupted in misses:
            print(f"MISSED ({kind}): {corrupted}\n  {ar}")


if __name__ == "__main__":
    main()
