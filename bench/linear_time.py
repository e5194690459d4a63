"""Whether every text step stays linear on hostile input: segmentation, fact extraction (Arabic
and English), the glossary and the sentence checks, each timed on inputs of growing size,
beside ordinary news text of the same size.

    python bench/linear_time.py [--sizes 20000 40000 80000 160000 1000000] [--only NAME ...]

For each input and step it prints the seconds at each size and `x/size`: the last time over
the first, divided by the growth in size. Linear work gives about 1; quadratic gives the
growth itself (50 from 20 kB to 1 MB). `x ordinary` is the hostile input's time over
ordinary text's at the largest size. One core; the hostile inputs are written here.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facts import arabic, english  # noqa: E402
from facts.pairs import check_pair  # noqa: E402
from translate.glossary import Entry, Glossary  # noqa: E402
from translate.segment import split_sentences  # noqa: E402

ORDINARY_AR = "قال الوزير إن 4.5 مليون شخص وصلوا إلى بغداد في 27 أيلول 2022 بعد أن غادر 300 جندي مواقعهم. "
ORDINARY_EN = "The minister said 4.5 million people reached Baghdad on 27 September 2022 after 300 soldiers left. "


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "ordinary news": lambda n: _fill(ORDINARY_AR, n),
    "digits, no space": lambda n: "7" * n,
    "letters, no space": lambda n: "ب" * n,
    "dots, no space": lambda n: "." * (n - 1) + "x",
    "abbreviations": lambda n: _fill("د. ", n),
    "one long sentence": lambda n: _fill("وقتل 12 شخصا في 3 آذار 2021 و", n),
    "word, spaces, dot": lambda n: "ب" * (n - 3) + "  .",
    "glossary terms": lambda n: _fill("البيشمركة وداعش ", n),
}

GLOSSARY = Glossary([Entry("البيشمركة", "Peshmerga"), Entry("داعش", "ISIS"), Entry("إقليم كردستان", "Kurdistan Region")])
STEPS: dict[str, Callable[[str], object]] = {
    "segment": split_sentences,
    "facts ar": arabic.extract,
    "facts en": english.extract,
    "glossary": GLOSSARY.find,
    "check": lambda text: check_pair(text, text.replace("ب", "b")),
}


def _time(step: Callable[[str], object], text: str) -> float:
    # CPU seconds of this process: on a shared machine the wall clock also counts the other
    # processes' turns, which made the ratios swing by 2 from one run to the next.
    start = time.process_time()
    step(text)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 40_000, 80_000, 160_000])
    parser.add_argument("--only", nargs="+", choices=sorted(STEPS), help="steps to time (default: all)")
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    logging.disable(logging.WARNING)  # the bounds' warnings, once per call, are not the point here
    steps = {name: STEPS[name] for name in (args.only or STEPS)}
    sizes = sorted(args.sizes)
    growth = sizes[-1] / sizes[0]
    header = f"{'input':<20}{'step':<10}" + "".join(f"{n:>11,}" for n in sizes) + f"{'x/size':>9}{'x ordinary':>12}"
    print(header)
    ordinary = {name: _time(step, INPUTS["ordinary news"](sizes[-1])) for name, step in steps.items()}
    for label, make in INPUTS.items():
        for name, step in steps.items():
            times = [_time(step, make(n)) for n in sizes]
            per_size = (times[-1] / max(times[0], 1e-6)) / growth
            print(f"{label:<20}{name:<10}" + "".join(f"{t:>11.4f}" for t in times)
                  + f"{per_size:>9.2f}{times[-1] / max(ordinary[name], 1e-6):>12.2f}", flush=True)
    print(f"CPU seconds per call; x/size = (time at {sizes[-1]:,} / time at {sizes[0]:,}) / {growth:g}")


if __name__ == "__main__":
    main()
