"""What a large glossary costs a job: reading and checking its file, building the matcher,
matching each sentence, and the rerun of a finished job (which only hashes the file).

    python bench/glossary_speed.py [--entries 200000] [--sentences 2000]

The glossary is written here: random Arabic terms of one to three words, and among them the
few terms the sentences use. Per sentence, matching with the large glossary is compared with
matching the same sentences against a glossary of those few terms alone, in the same run: the
ratio is the figure (seconds depend on the machine). One core.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tarjama import config  # noqa: E402
from tarjama.glossary_files import load_glossary  # noqa: E402
from translate.glossary import Entry, Glossary  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
USED = [("البيشمركة", "Peshmerga"), ("داعش", "ISIS"), ("إقليم كردستان", "Kurdistan Region"),
        ("وزارة الخارجية", "Foreign Ministry"), ("مجلس النواب", "Council of Representatives")]
# Sentences as news writes them: the terms with clitics and the article, among ordinary words.
PIECES = ["قال الوزير إن", "وأكدت وزارة الخارجية أن", "اشتبكت قوات البيشمركة مع", "عناصر من داعش",
          "في إقليم كردستان", "وصوت مجلس النواب على", "الموازنة العامة", "يوم الثلاثاء", "بحسب مصادر محلية",
          "وللبيشمركة دور في", "بعد أن غادر 300 جندي مواقعهم", "في 27 أيلول 2022"]


def _terms(count: int, rng: random.Random) -> list[tuple[str, str]]:
    terms = dict(USED)
    said = " ".join(PIECES)
    while len(terms) < count:
        words = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(rng.randint(1, 3))]
        if not any(word in said for word in words):  # so that only the few terms can match
            terms.setdefault(" ".join(words), f"Term {len(terms)}")
    found = list(terms.items())
    rng.shuffle(found)
    return found


def _sentences(count: int, rng: random.Random) -> list[str]:
    return [" ".join(rng.choice(PIECES) for _ in range(rng.randint(4, 9))) + "." for _ in range(count)]


def _seconds(call) -> tuple[float, object]:
    """CPU seconds of this process: on a shared machine the wall clock also counts the other
    processes' turns (the wall time is printed beside it)."""
    start, wall = time.process_time(), time.perf_counter()
    result = call()
    _WALL.append(time.perf_counter() - wall)
    return time.process_time() - start, result


_WALL: list[float] = []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--sentences", type=int, default=2_000)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rng = random.Random(26)
    sentences = _sentences(args.sentences, rng)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "house.tsv"
        path.write_text("".join(f"{ar}\t{en}\n" for ar, en in _terms(args.entries, rng)), encoding="utf-8")
        cfg = config.load([], [f'translate.glossary=["{path}"]', f"job.cache_dir={tmp}/cache"], check=False)
        out = Path(tmp) / "out"

        load_s, glossary = _seconds(lambda: load_glossary(cfg, out))
        build_s, _ = _seconds(lambda: glossary.find(sentences[0]))
        large_s, large = _seconds(lambda: [glossary.find(s) for s in sentences])
        small = Glossary([Entry(ar, en) for ar, en in USED])
        _seconds(lambda: small.find(sentences[0]))
        small_s, few = _seconds(lambda: [small.find(s) for s in sentences])
        assert [[(m.start, m.end, m.entry.english) for m in ms] for ms in large] == \
            [[(m.start, m.end, m.entry.english) for m in ms] for ms in few], "the random terms matched a sentence"
        rerun_s, again = _seconds(lambda: load_glossary(cfg, out))
        assert again._given is None, "the rerun parsed the glossary"  # only its bytes were hashed

    found = sum(len(ms) for ms in large)
    load_w, build_w, large_w, _, small_w, rerun_w = _WALL
    print(f"glossary of {args.entries:,} entries, {len(sentences):,} sentences, {found:,} term occurrences; "
          "CPU seconds (wall)")
    print(f"  read and check the file          {load_s:8.3f} s  ({load_w:.3f})")
    print(f"  build the matcher (first use)    {build_s:8.3f} s  ({build_w:.3f})")
    print(f"  per sentence, {args.entries:>7,} entries   {large_s / len(sentences) * 1e6:8.1f} µs ({large_w / len(sentences) * 1e6:.1f})")
    print(f"  per sentence, {len(USED):>7,} entries   {small_s / len(sentences) * 1e6:8.1f} µs ({small_w / len(sentences) * 1e6:.1f})")
    print(f"  ratio large / small              {large_s / small_s:8.2f}")
    print(f"  a finished job's rerun           {rerun_s:8.3f} s  ({rerun_w:.3f}; the file hashed, not parsed)")


if __name__ == "__main__":
    main()
