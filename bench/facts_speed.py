"""How long key-fact extraction (dates, numbers, names and the checks; no NER model) takes
for a 1,000-word article, on one core; and, in the same run, the same without the name check
(the article as the checks before it saw it), with the ratio.

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

from facts import arabic, english  # noqa: E402
from facts.article import article_facts  # noqa: E402
from facts.checks import check_sentence, check_summary  # noqa: E402
from facts.names import clear_caches  # noqa: E402
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
    times, without = [], []
    for _ in range(args.repeat):  # interleaved, so that the machine's load falls on both alike
        start = time.perf_counter()
        _without_names(sentences, english, ENGLISH)
        without.append(time.perf_counter() - start)
        clear_caches()  # each run sees the article's words for the first time
        start = time.perf_counter()
        article_facts(sentences, english, ENGLISH, None)
        times.append(time.perf_counter() - start)
    print(f"article: {words} Arabic words, {len(sentences)} sentences (+ as many English)")
    print(f"facts + checks: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms over {args.repeat} runs, one core")
    print(f"without the name check: median {statistics.median(without) * 1000:.1f} ms; "
          f"ratio {statistics.median(times) / statistics.median(without):.2f}")


def _without_names(sources: list[str], translations: list[str], summary: str) -> list[dict]:
    """article_facts as it was before the name check: extraction and the figure checks."""
    source = [arabic.extract(s) for s in sources]
    target = [english.extract(t) for t in translations]
    flags = [f for i, (s, t) in enumerate(zip(source, target)) for f in check_sentence(i, s, t)]
    return flags + check_summary(english.extract(summary), target)


if __name__ == "__main__":
    main()
