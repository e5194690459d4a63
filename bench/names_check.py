"""False alarms and catches of the name check, on parallel sentences written for tarjama.

Each line of bench/names_data/*.tsv is an Arabic sentence and a faithful English translation,
with the names marked [[text|k]] (k: p person, o organisation, l place). A faithful pair
should raise no name flag. Each English name is then swapped, one at a time, for a name of
the same kind taken from another line (one the pair does not have): each swap should raise a
name flag the faithful pair did not. Both are measured with the marked names given as NER
entities (what a loaded NER model would give at best) and without any (capitals, exonyms).

`dev.tsv` was written while the check was built; `holdout.tsv` after its code was frozen,
and is reported apart.

    python bench/names_check.py [--set dev|holdout|all] [-v]
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facts.names import check_sentence_names  # noqa: E402

DATA = ROOT / "bench" / "names_data"
KINDS = {"p": "people", "o": "organisations", "l": "places"}
_MARK = re.compile(r"\[\[(.+?)\|([pol])\]\]")
log = logging.getLogger("names_check")


@dataclass(frozen=True)
class Pair:
    ar: str
    en: str
    ar_entities: tuple[tuple[str, str], ...]
    en_entities: tuple[tuple[str, str], ...]
    where: str


def _unmark(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    entities = tuple((KINDS[m.group(2)], m.group(1)) for m in _MARK.finditer(text))
    return _MARK.sub(lambda m: m.group(1), text), entities


def read(name: str) -> list[Pair]:
    pairs = []
    path = DATA / f"{name}.tsv"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        ar, en = line.split("\t")
        (ar, ar_entities), (en, en_entities) = _unmark(ar), _unmark(en)
        pairs.append(Pair(ar, en, ar_entities, en_entities, f"{path.name}:{number}"))
    return pairs


def swaps(pairs: list[Pair]) -> list[tuple[Pair, str, str, Pair]]:
    """(faithful, name, replacement, corrupted) for every English name of every pair."""
    pool: dict[str, list[str]] = {}
    for p in pairs:
        for kind, text in p.en_entities:
            if text not in pool.setdefault(kind, []):
                pool[kind].append(text)
    out = []
    for i, p in enumerate(pairs):
        have = {t.lower() for _, t in p.en_entities}
        for j, (kind, text) in enumerate(p.en_entities):
            names = pool[kind]
            for k in range(len(names)):
                other = names[(i * 7 + j * 13 + k) % len(names)]
                if other.lower() not in have and other.lower() not in p.en.lower():
                    break
            en = p.en.replace(text, other, 1)
            entities = tuple((kd, other if t == text else t) for kd, t in p.en_entities)
            out.append((p, text, other, Pair(p.ar, en, p.ar_entities, entities, p.where)))
    return out


def flags(pair: Pair, ner: bool) -> set[tuple[str, str]]:
    result = check_sentence_names(0, pair.ar, pair.en, pair.ar_entities if ner else None,
                                  pair.en_entities if ner else None)
    return {(f["type"], f["message"]) for f in result.flags}


def measure(pairs: list[Pair], ner: bool, verbose: bool) -> tuple[float, float, int, int]:
    faithful = {p.where: flags(p, ner) for p in pairs}
    alarms = [p for p in pairs if faithful[p.where]]
    planted = swaps(pairs)
    caught = 0
    for p, name, other, corrupted in planted:
        new = flags(corrupted, ner) - faithful[p.where]
        caught += bool(new)
        if verbose and not new:
            log.warning("missed (%s) %s: %s -> %s", "NER" if ner else "no NER", p.where, name, other)
    if verbose:
        for p in alarms:
            for _, message in sorted(faithful[p.where]):
                log.warning("false alarm (%s) %s: %s", "NER" if ner else "no NER", p.where, message)
    return 100 * len(alarms) / len(pairs), 100 * caught / len(planted), len(pairs), len(planted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("dev", "holdout", "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each false alarm and each miss")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    names = ["dev", "holdout"] if args.set == "all" else [args.set]
    for name in names:
        if not (DATA / f"{name}.tsv").exists():
            log.info("%s: no %s.tsv", name, name)
            continue
        pairs = read(name)
        for ner in (True, False):
            alarm, catch, n, m = measure(pairs, ner, args.verbose)
            log.info("%-8s %-11s faithful pairs flagged %5.1f%% of %d   swapped names caught %5.1f%% of %d",
                     name, "NER" if ner else "no NER", alarm, n, catch, m)


if __name__ == "__main__":
    main()
