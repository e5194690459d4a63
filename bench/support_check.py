"""How well the summary support (facts/support.py) finds each summary sentence's source and
flags what the article does not support, on the set in bench/data/support_set.txt (articles,
summaries and judgments written for tarjama; see its header).

For each split (dev, used to tune the method's constants; held-out, never used to tune):
- shortened sentences: every SHORT sentence of an article, together as one summary of it:
  the share whose first source is the sentence it was shortened from (aim: >= 95%), and the
  share flagged summary_unsupported (aim: <= 5%);
- foreign sentences: an article's shortened sentences plus one shortened sentence of another
  article of the same split, for every pair of articles: the share of foreign sentences
  flagged (aim: >= 90%), and apart, those from an article of the same topic;
- moved figures: each shortened sentence with a number, that number replaced by the
  number of another sentence of the same article (the figure of another event): the share
  flagged summary_figure_misplaced; and the share of faithful shortened sentences given any
  figure or name flag;
- judgments: the Pearson correlation of the summary score with our own 1-5 judgments of the
  JUDGED summaries (our judgments, not a public benchmark's).

    python bench/support_check.py [-v]
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facts import english  # noqa: E402
from facts.support import summary_support  # noqa: E402

DATA = ROOT / "bench" / "data" / "support_set.txt"


@dataclass
class Article:
    name: str
    split: str
    topic: str
    sentences: list[str] = field(default_factory=list)
    shortened: list[tuple[int, str]] = field(default_factory=list)  # (0-based source, text)
    judged: list[tuple[int, str]] = field(default_factory=list)  # (grade, summary)


def load(path: Path = DATA) -> list[Article]:
    articles: list[Article] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("=== "):
            name, split, topic = (part.strip() for part in line[4:].split("|"))
            articles.append(Article(name, split, topic))
        elif line.startswith("S: "):
            articles[-1].sentences.append(line[3:])
        elif line.startswith(("SHORT ", "JUDGED ")):
            head, text = line.split(": ", 1)
            kind, number = head.split()
            target = articles[-1].shortened if kind == "SHORT" else articles[-1].judged
            target.append((int(number) - 1 if kind == "SHORT" else int(number), text))
        else:
            raise SystemExit(f"{path} line {n}: not an article line: {line[:40]!r}")
    return articles


def _moved(a: Article, source: int, text: str) -> list[str]:
    """The sentence with its first number replaced by a number of another sentence that its
    source does not hold."""
    numbers = english.extract(text).numbers
    if not numbers:
        return []
    first = numbers[0]
    held = {n.value for n in english.extract(a.sentences[source]).numbers}
    for j, sentence in enumerate(a.sentences):
        if j == source:
            continue
        for n in english.extract(sentence).numbers:
            if n.value not in held and n.value != first.value and not n.vague:
                return [text[:first.start] + n.text + text[first.end:]]
    return []


def pearson(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def measure(articles: list[Article], verbose: bool) -> dict:
    right = flagged_short = total_short = 0
    foreign = {"all": [0, 0], "same topic": [0, 0]}
    scores, grades = [], []
    moved = [0, 0]
    figure_flagged = 0
    for a in articles:
        support = summary_support(" ".join(text for _, text in a.shortened), a.sentences)
        figure_flagged += len({f["summary_sentence"] for f in support.flags if f["type"] != "summary_unsupported"})
        for source, text in a.shortened:
            for other in _moved(a, source, text):
                found = summary_support(other, a.sentences)
                moved[0] += any(f["type"] == "summary_figure_misplaced" for f in found.flags)
                moved[1] += 1
                if verbose and not any(f["type"] == "summary_figure_misplaced" for f in found.flags):
                    print(f"  moved  {a.name}: {other!r} not caught: {found.sentences[0].sources}")
        for (source, text), s in zip(a.shortened, support.sentences, strict=True):
            total_short += 1
            right += bool(s.sources) and s.sources[0] == source
            flagged_short += not s.supported
            if verbose and (not s.sources or s.sources[0] != source or not s.supported):
                print(f"  short  {a.name}: {text!r} -> {s.sources} {s.score} (expected {source})")
        for k, b in enumerate(x for x in articles if x is not a):
            _, text = b.shortened[k % len(b.shortened)]
            summary = " ".join(t for _, t in a.shortened) + " " + text
            last = summary_support(summary, a.sentences).sentences[-1]
            assert last.text == text, (last.text, text)
            for key in ("all", "same topic") if a.topic == b.topic else ("all",):
                foreign[key][0] += not last.supported
                foreign[key][1] += 1
            if verbose and last.supported:
                print(f"  foreign {a.name} <- {b.name}: {text!r} scored {last.score} from {last.sources}")
        for grade, summary in a.judged:
            support = summary_support(summary, a.sentences)
            scores.append(support.score)
            grades.append(grade)
            if verbose:
                print(f"  judged {a.name} {grade}: {support.score} "
                      f"{[(s.score, s.sources) for s in support.sentences]}")
    return {
        "articles": len(articles),
        "shortened": total_short,
        "first_source_right": right / total_short,
        "shortened_flagged": flagged_short / total_short,
        "foreign": foreign["all"][1],
        "foreign_flagged": foreign["all"][0] / foreign["all"][1],
        "same_topic_foreign": foreign["same topic"][1],
        "same_topic_foreign_flagged": (foreign["same topic"][0] / foreign["same topic"][1]
                                       if foreign["same topic"][1] else None),
        "moved": moved[1],
        "moved_caught": moved[0] / moved[1] if moved[1] else None,
        "shortened_figure_flagged": figure_flagged / total_short,
        "judged": len(scores),
        "pearson": pearson(scores, [float(g) for g in grades]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    articles = load()
    for split in ("dev", "held-out"):
        chosen = [a for a in articles if a.split == split]
        if args.verbose:
            print(f"{split}:")
        r = measure(chosen, args.verbose)
        same = (f"{100 * r['same_topic_foreign_flagged']:.1f}% of {r['same_topic_foreign']}"
                if r["same_topic_foreign"] else "none")
        print(f"{split:9} articles {r['articles']:2}  first source right {100 * r['first_source_right']:5.1f}% "
              f"of {r['shortened']}  shortened flagged {100 * r['shortened_flagged']:4.1f}%  "
              f"foreign flagged {100 * r['foreign_flagged']:5.1f}% of {r['foreign']} (same topic {same})  "
              f"Pearson vs our judgments {r['pearson']:.3f} ({r['judged']} summaries)")
        print(f"{'':9} moved figures caught {100 * r['moved_caught']:5.1f}% of {r['moved']}  "
              f"faithful shortened sentences with a figure or name flag {100 * r['shortened_figure_flagged']:4.1f}%")


if __name__ == "__main__":
    main()
