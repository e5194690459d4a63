"""How long key-fact extraction (every kind of figure, names and the checks; no NER model)
takes for a 1,000-word article, on one core; in the same run, the same without the name check
(the article as the checks before it saw it), with the ratio. With --against, the cost as a
ratio to another checkout of tarjama measured in the same run, the two interleaved so that a
busy machine slows both alike.

    python bench/facts_speed.py [--words 1000] [--repeat 20] [--against DIR [--rounds 5]]
    python bench/facts_speed.py --hostile     # time against input size on long runs of one thing

--hostile times extraction on long runs of digits, letters, number words, dates, clock times
and separators at two sizes; a time ratio near 2 for twice the text says the reading is linear.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# An English sentence with a date and figures for every Arabic one: the checks do real work.
ENGLISH = "On 27 September 2022 the ministry said 50,000 square kilometres and 4.5 million people were freed in 2014."
HOSTILE = {
    "digits": "1", "grouped digits": "1,000", "digits and spaces": "1 ", "digits and dots": "1.", "dashes": "1-",
    "Arabic letters": "ب", "Arabic words": "كلمة ", "Arabic number words": "ثلاثة وعشرون ألف ",
    "Arabic ordinals": "الحادي عشر ", "Arabic dates": "٣١ شباط ٢٠٢٣ ", "Arabic clock": "الساعة 7 صباحا ",
    "English number words": "one hundred and ", "English dates": "31 February 2023, ", "English clock": "9:30 a.m. ",
    "scores": "3-2 ", "hijri": "1440هـ ",
}


def _seed_sentences(words: int) -> list[str]:
    from tarjama.ingest.text_page import parse_text_page
    from translate import split_sentences

    page = parse_text_page(next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8"))
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences += [s for p in page.paragraphs for s in split_sentences(p)]
    return sentences


def _clear_caches():
    """The name check's caches emptied, so that each run sees the article's words for the
    first time; nothing to do in a checkout from before the name check."""
    try:
        from facts.names import clear_caches
    except ImportError:
        return
    clear_caches()


def measure(code: Path, words: int, repeat: int) -> list[float]:
    """Seconds per article_facts call, with the facts package of `code`."""
    sys.path.insert(0, str(code))
    from facts.article import article_facts

    sentences = _seed_sentences(words)
    english = [ENGLISH] * len(sentences)
    times = []
    for _ in range(repeat):
        _clear_caches()
        start = time.perf_counter()
        article_facts(sentences, english, ENGLISH, None)
        times.append(time.perf_counter() - start)
    return times


def _without_names(sources: list[str], translations: list[str], summary: str) -> list[dict]:
    """article_facts as it was before the name check: extraction and the figure checks."""
    from facts import arabic, english
    from facts.checks import check_sentence, check_summary

    source = [arabic.extract(s) for s in sources]
    target = [english.extract(t) for t in translations]
    flags = [f for i, (s, t) in enumerate(zip(source, target)) for f in check_sentence(i, s, t)]
    return flags + check_summary(english.extract(summary), target)


def with_and_without_names(words: int, repeat: int) -> None:
    sys.path.insert(0, str(ROOT))
    from facts.article import article_facts

    sentences = _seed_sentences(words)
    english = [ENGLISH] * len(sentences)
    times, without = [], []
    for _ in range(repeat):  # interleaved, so that the machine's load falls on both alike
        start = time.perf_counter()
        _without_names(sentences, english, ENGLISH)
        without.append(time.perf_counter() - start)
        _clear_caches()
        start = time.perf_counter()
        article_facts(sentences, english, ENGLISH, None)
        times.append(time.perf_counter() - start)
    print(f"article: {sum(len(s.split()) for s in sentences)} Arabic words, {len(sentences)} sentences "
          f"(+ as many English)")
    print(f"facts + checks: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
          f"over {repeat} runs, one core")
    print(f"without the name check: median {statistics.median(without) * 1000:.1f} ms; "
          f"ratio {statistics.median(times) / statistics.median(without):.2f}")


def _child(code: Path, words: int, repeat: int) -> list[float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(code), "--words", str(words), "--repeat", str(repeat)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def hostile(size: int) -> None:
    sys.path.insert(0, str(ROOT))
    from facts import arabic, english

    for name, unit in HOSTILE.items():
        ratios = []
        for extract in (arabic.extract, english.extract):
            seconds = []
            for n in (size, 2 * size):
                text = (unit * (n // len(unit) + 1))[:n]
                start = time.perf_counter()
                extract(text)
                seconds.append(time.perf_counter() - start)
            ratios.append(f"{seconds[0] * 1000:.0f} -> {seconds[1] * 1000:.0f} ms (x{seconds[1] / seconds[0]:.2f})")
        print(f"{name:<22} ar {ratios[0]:<28} en {ratios[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--against", type=Path, help="another checkout of tarjama (e.g. a worktree of main) to compare with")
    parser.add_argument("--rounds", type=int, default=5, help="with --against: interleaved rounds of --repeat calls each")
    parser.add_argument("--hostile", type=int, nargs="?", const=200_000, metavar="CHARS",
                        help="time long runs of one thing at CHARS and twice CHARS (default 200000)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    if args.child:
        print(json.dumps(measure(args.child, args.words, args.repeat)))
        return
    if args.hostile:
        hostile(args.hostile)
        return
    if not args.against:
        with_and_without_names(args.words, args.repeat)
        return
    if not (args.against / "facts" / "article.py").is_file():
        parser.error(f"--against {args.against}: no facts/article.py there; give the root of a tarjama checkout")
    mine, theirs = [], []
    for _ in range(args.rounds):
        mine += _child(ROOT, args.words, args.repeat)
        theirs += _child(args.against.resolve(), args.words, args.repeat)
    a, b = statistics.median(mine), statistics.median(theirs)
    print(f"this checkout: median {a * 1000:.1f} ms; {args.against}: median {b * 1000:.1f} ms "
          f"({args.rounds} interleaved rounds of {args.repeat} calls each, one core)")
    print(f"cost per article: {a / b:.2f} x the other checkout")


if __name__ == "__main__":
    main()
