"""`tarjama check`: the job's fact checks on translations that already exist (a human's, a
vendor's, another system's), without loading a model. One JSON object per pair on stdout,
counts by flag type on stderr; exit 1 when anything is flagged."""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Iterator

from facts.pairs import check_pair
from tarjama.textfile import json_objects, read_utf8, split_lines
from facts.types import to_json


class CheckInputError(Exception):
    """The pairs cannot be read; the message names the file and the problem."""


def _lines(name: str) -> list[str]:
    return split_lines(read_utf8(name, "", CheckInputError))


def pairs_from_files(source: str, translation: str) -> list[tuple[str, str]]:
    if source == "-" and translation == "-":
        raise CheckInputError("--source and --translation cannot both read standard input")
    ar, en = _lines(source), _lines(translation)
    if len(ar) != len(en):
        raise CheckInputError(f"--source {source} has {len(ar)} lines but --translation {translation} has {len(en)}; "
                              "they must be line-aligned")
    return list(zip(ar, en))


def pairs_from_jsonl(name: str) -> list[tuple[str, str]]:
    pairs = []
    for n, record in json_objects(_lines(name), name, CheckInputError):
        if not isinstance(record.get("ar"), str) or not isinstance(record.get("en"), str):
            raise CheckInputError(f"{name} line {n}: expected an object with \"ar\" and \"en\" strings")
        pairs.append((record["ar"], record["en"]))
    return pairs


def check(pairs: list[tuple[str, str]], published: str | None) -> Iterator[dict]:
    for n, (ar, en) in enumerate(pairs, start=1):
        result = check_pair(ar, en, published, index=n - 1)
        yield {"pair": n, "flags": result.flags,
               "facts": {"ar": to_json(result.source), "en": to_json(result.translation)}}


def run(pairs: list[tuple[str, str]], published: str | None) -> int:
    counts: Counter = Counter()
    flagged = 0
    for result in check(pairs, published):
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        counts.update(flag["type"] for flag in result["flags"])
        flagged += bool(result["flags"])
    by_type = ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items())) or "nothing flagged"
    print(f"tarjama: {len(pairs)} pairs, {flagged} flagged: {by_type}", file=sys.stderr)
    return 1 if flagged else 0
