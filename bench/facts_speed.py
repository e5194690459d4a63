"""How long key-fact extraction (dates, numbers and the checks; no NER model) takes for a
1,000-word article, on one core.

    python bench/facts_speed.py [--words 1000] [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facts.article import article_facts  # noqa: E402
from tarjama.ingest.text_page import parse_text_page  # noqa: E402
from translate import split_sentences  # noqa: E402

# An English sentence with a date and figures for every Arabic one: the checks do real work.
ENGLISH = "On 27 September 2022 the ministry said 50,000 square kilometres and 4.5 million people were freed in 2014."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    page = parse_text_page(next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8"))
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < args.words:
        sentences += [s for p in page.paragraphs for s in split_sentences(p)]
    english = [ENGLISH] * len(sentences)
    words = sum(len(s.split()) for s in sentences)
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        article_facts(sentences, english, ENGLISH, None)
        times.append(time.perf_counter() - start)
    print(f"article: {words} Arabic words, {len(sentences)} sentences (+ as many English)")
    print(f"facts + checks: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms over {args.repeat} runs, one core")


if __name__ == "__main__":
    main()
