"""The Ray executor against the local one, on the same corpus and models, on this machine.

    python bench/scale.py [--articles 32 128] [--tiny]

Full-size random models of the default architectures (bench/throughput.py builds them once)
with fixed output lengths, entities off, both executors in one run for each corpus size. The
Ray executor runs the job as one streaming pipeline: one translate actor and one summarise
actor of one CPU each, busy at the same time, where the local executor gives each stage both
CPUs in turn.

Reports, per size: both wall times and their ratio; each stage's model loads (one per actor,
whatever the number of batches) and busy seconds from the Ray manifest's `stages`; the share of
the Ray run during which two stages were busy at once; and what N machines of this size would
do per hour, from the slowest stage (a pipeline runs at the pace of its slowest stage, each
stage spread over N machines) rather than from the sum of the stages:
articles/hour = 3600 * articles / max(driver, slowest stage / N).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import make_corpus  # noqa: E402
from bench.throughput import build_models, run_child  # noqa: E402

TRANSLATION_TOKENS, SUMMARY_TOKENS = 24, 40
STAGES = ("translate", "summarise", "facts")


def run(executor: str, corpus: Path, out: Path, models: dict, articles: int, cache: Path) -> dict:
    sets = {
        "translate.model": models["marian"], "summarise.model": models["bart"],
        "translate.generation.max_new_tokens": TRANSLATION_TOKENS,
        "translate.generation.min_new_tokens": TRANSLATION_TOKENS,
        "summarise.generation.max_new_tokens": SUMMARY_TOKENS, "summarise.generation.min_new_tokens": SUMMARY_TOKENS,
        "facts.entities": "false", "job.cache_max_entries": 0, "job.window_articles": articles,
        "job.executor": executor, "ray.local_cpus": 2, "ray.batch_articles": 4,
    }
    args = [sys.executable, "-m", "tarjama", "-q", "run", str(corpus), "-o", str(out)]
    for key, value in sets.items():
        args += ["--set", f"{key}={value}"]
    wall, rss, _ = run_child(args, env={"XDG_CACHE_HOME": str(cache)})
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    stages = manifest["stages"]
    return {
        "wall": wall, "rss": rss, "written": manifest["counts"]["written"],
        "busy": {s: stages.get(s, {}).get("busy_seconds", 0.0) for s in STAGES},
        "loads": {s: stages.get(s, {}).get("model_loads", 0) for s in STAGES},
        "batches": {s: stages.get(s, {}).get("batches", 0) for s in STAGES},
        "overlap": stages.get("overlap", 0.0),
        "driver": manifest["timings"].get("ingest", 0.0) + manifest["timings"].get("write", 0.0),
    }


def report(articles: int, local: dict, ray: dict) -> None:
    print(f"\n{articles} articles")
    print(f"{'executor':<8} {'wall s':>8} {'driver MB':>9} {'written':>8}  busy s (translate/summarise/facts)  "
          f"model loads  batches  overlap")
    for name, row in (("local", local), ("ray", ray)):
        busy = "/".join(f"{row['busy'][s]:.1f}" for s in STAGES)
        loads = "/".join(str(row["loads"][s]) for s in STAGES)
        batches = "/".join(str(row["batches"][s]) for s in STAGES)
        print(f"{name:<8} {row['wall']:>8.1f} {row['rss']:>9.0f} {row['written']:>8}  {busy:>34}  {loads:>11}  "
              f"{batches:>7}  {row['overlap']:.2f}")
    print(f"ray / local wall time: {ray['wall'] / local['wall']:.3f}")
    slowest = max(ray["busy"].values())
    total = sum(ray["busy"].values())
    for machines in (1, 2, 4, 8, 16):
        pipeline = 3600 * articles / max(ray["driver"], slowest / machines)
        summed = 3600 * articles / max(ray["driver"], total / machines)
        print(f"  {machines:>2} machine(s) of this size: about {pipeline:,.0f} articles/hour from the slowest stage "
              f"({summed:,.0f} if the stages ran one after another)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[32, 128])
    parser.add_argument("--tiny", action="store_true", help="tiny random models (the plumbing, not the speed)")
    parser.add_argument("--models", type=Path, default=Path(tempfile.gettempdir()) / "tarjama-bench-models")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tarjama-scale-"))
    if args.tiny:
        from tarjama.tiny_models import build_bart, build_marian

        models = {"marian": build_marian(work / "marian"), "bart": build_bart(work / "bart")}
    else:
        models = build_models(args.models)
    try:
        for articles in args.articles:
            corpus = work / f"corpus-{articles}"
            make_corpus(corpus, articles, seed=7)
            rows = {}
            for executor in ("local", "ray"):
                rows[executor] = run(executor, corpus, work / f"{executor}-{articles}", models, articles,
                                     work / f"cache-{executor}-{articles}")
                print(f"{executor} {articles}: {rows[executor]}", file=sys.stderr)
            report(articles, rows["local"], rows["ray"])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
