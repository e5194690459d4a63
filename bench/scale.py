"""The Ray executor against the local one, on the same corpus and models, on this machine.

    python bench/scale.py [--articles 32] [--actors 1] [--tiny]

Full-size random models of the default architectures (bench/throughput.py builds them once)
with fixed output lengths, entities off; one window for the whole corpus, so that each Ray
stage starts its actor pool once. Reports both wall times, the Ray overhead as a ratio, the
per-stage times from each manifest, and what N machines of this size would do per hour if
the model stages (translate, summarise) spread over them and the driver's own work (reading,
facts, writing) did not: articles/hour = 3600 * articles / (driver + stages / N).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import make_corpus  # noqa: E402
from throughput import build_models, run_child  # noqa: E402

TRANSLATION_TOKENS, SUMMARY_TOKENS = 24, 40


def run(executor: str, corpus: Path, out: Path, models: dict, articles: int, cache: Path, actors: int = 1) -> dict:
    sets = {
        "translate.model": models["marian"], "summarise.model": models["bart"],
        "translate.generation.max_new_tokens": TRANSLATION_TOKENS,
        "translate.generation.min_new_tokens": TRANSLATION_TOKENS,
        "summarise.generation.max_new_tokens": SUMMARY_TOKENS, "summarise.generation.min_new_tokens": SUMMARY_TOKENS,
        "facts.entities": "false", "job.cache_max_entries": 0, "job.window_articles": articles,
        "ray.window_articles": articles,
        "job.executor": executor, "ray.local_cpus": 2,
        # The machine's 2 CPUs to each stage, as one actor of 2 or as `actors` of 2/actors.
        "ray.translate_actors": actors, "ray.summarise_actors": actors,
        "ray.translate_cpus": 2 / actors, "ray.summarise_cpus": 2 / actors,
    }
    args = [sys.executable, "-m", "tarjama", "-q", "run", str(corpus), "-o", str(out)]
    for key, value in sets.items():
        args += ["--set", f"{key}={value}"]
    wall, rss, _ = run_child(args, env={"XDG_CACHE_HOME": str(cache)})
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    timings = manifest["timings"]
    return {"wall": wall, "rss": rss, "written": manifest["counts"]["written"],
            "translate": timings.get("translate", 0.0), "summarise": timings.get("summarise", 0.0),
            "total": timings.get("total", wall)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=32)
    parser.add_argument("--actors", type=int, default=1, help="actors per Ray stage, sharing the 2 CPUs")
    parser.add_argument("--tiny", action="store_true", help="tiny random models (the plumbing, not the speed)")
    parser.add_argument("--models", type=Path, default=Path(tempfile.gettempdir()) / "tarjama-bench-models")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tarjama-scale-"))
    if args.tiny:
        from tarjama.tiny_models import build_bart, build_marian

        models = {"marian": build_marian(work / "marian"), "bart": build_bart(work / "bart")}
    else:
        models = build_models(args.models)
    corpus = work / "corpus"
    make_corpus(corpus, args.articles, seed=7)
    rows = {}
    for executor in ("local", "ray"):
        rows[executor] = run(executor, corpus, work / executor, models, args.articles, work / f"cache-{executor}",
                             args.actors)
        print(f"{executor}: {rows[executor]}", file=sys.stderr)
    local, ray = rows["local"], rows["ray"]
    print(f"{'executor':<8} {'wall s':>8} {'translate s':>12} {'summarise s':>12} {'driver MB':>9} {'written':>8}")
    for name, row in rows.items():
        print(f"{name:<8} {row['wall']:>8.1f} {row['translate']:>12.1f} {row['summarise']:>12.1f} "
              f"{row['rss']:>9.0f} {row['written']:>8}")
    print(f"ray overhead at {args.articles} articles: {ray['wall'] / local['wall']:.2f}x the local wall time "
          f"({'PASS' if ray['wall'] <= 1.15 * local['wall'] else 'FAIL'} against the 15% aim)")
    stages = local["translate"] + local["summarise"]
    driver = max(0.0, local["wall"] - stages)
    for machines in (1, 2, 4, 8, 16):
        per_hour = 3600 * args.articles / (driver + stages / machines)
        print(f"  {machines:>2} machine(s) of this size: about {per_hour:,.0f} articles/hour")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
