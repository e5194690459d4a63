"""Throughput: tarjama against the script a user would write (bench/baseline.py), on
full-size random-weight models of the default architectures, in one run, alternating.

    python bench/throughput.py --quick        # seed + 1 article, ~4 minutes on 2 cores
    python bench/throughput.py --articles 8   # ~10 minutes; summaries batch across articles
    python bench/throughput.py --articles 200 # the full size (hours on 2 cores)

Random weights never stop early, so both sides generate exactly the same number of tokens:
translations `min_new_tokens = max_new_tokens` = 1.2 x the corpus's mean sentence length
(in source tokens), summaries 60 tokens, beam 4 on both sides. The models are built once into
--models (opus-mt-ar-en's shape: Marian, vocab 62834, d_model 512, 6+6 layers, 8 heads, FFN
2048; distilbart-cnn-12-6's: BART, d_model 1024, 12+6 layers, 16 heads, FFN 4096, vocab 50264,
its model card's generation config). Entities are off on the tarjama side (the baseline has
none); scores and facts stay on. Each run is a child process with its own fresh cache; peak
memory is the child's maximum RSS. fast-cpu's models are converted before it is timed, as a
user does once per model (`--time-conversion` to time it in the run). The report ends with
each of issue #8's targets, PASS or FAIL.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import make_corpus  # noqa: E402

SUMMARY_TOKENS = 60


def build_models(folder: Path) -> dict[str, Path]:
    from tarjama.tiny_models import build_bart, build_marian

    marian, bart = folder / "opus-mt-ar-en-shape-bpe500", folder / "distilbart-cnn-12-6-shape"
    if not (marian / "model.safetensors").exists():
        print(f"building a full-size random Marian in {marian} ...", file=sys.stderr)
        # Its source tokenizer learns from the synthetic corpus, sized so that an article it has
        # not seen costs about 1.5 tokens per Arabic word, our estimate for opus-mt's 32k-piece
        # SentencePiece on news (the real one cannot be loaded here). A unigram model on this
        # corpus stopped at 697 pieces and 2.5 tokens per word, which doubled every length.
        lines_dir = folder / "spm-corpus"
        make_corpus(lines_dir, 400, seed=99)
        lines = [line for p in sorted(lines_dir.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
        build_marian(marian, d_model=512, layers=6, heads=8, ffn=2048, max_positions=512, spm_vocab=8000,
                     extra_vocab=62834, generation={"num_beams": 4, "max_length": 512}, source_lines=lines,
                     source_spm=("bpe", 500))
    if not (bart / "model.safetensors").exists():
        print(f"building a full-size random BART in {bart} ...", file=sys.stderr)
        build_bart(bart, d_model=1024, encoder_layers=12, decoder_layers=6, heads=16, ffn=4096, max_positions=1024,
                   bpe_vocab=8000, extra_vocab=50264,
                   generation={"num_beams": 4, "length_penalty": 2.0, "no_repeat_ngram_size": 3,
                               "min_length": 56, "max_length": 142, "early_stopping": True})
    return {"marian": marian, "bart": bart}


def translate_tokens(corpus: Path, marian: Path) -> int:
    """1.2 x the mean sentence length in source tokens, over the corpus."""
    from transformers import AutoTokenizer

    from tarjama.ingest.text_page import parse_text_page
    from translate import split_sentences

    tok = AutoTokenizer.from_pretrained(marian)
    lengths = []
    for path in sorted(corpus.glob("*.txt")):
        page = parse_text_page(path.read_text(encoding="utf-8"))
        lengths += [len(tok(s)["input_ids"]) for p in page.paragraphs for s in split_sentences(p)]
    return max(1, round(1.2 * statistics.mean(lengths)))


def run_child(args: list[str], env: dict | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stderr) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "HF_HUB_OFFLINE": "1", **(env or {})})
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:4])} ... failed ({proc.returncode}):\n{stderr[-3000:]}")
    return wall, usage.ru_maxrss / 1024, stderr


def run_baseline(corpus: Path, out: Path, models: dict, tokens: int) -> dict:
    wall, rss, stderr = run_child([
        sys.executable, str(ROOT / "bench" / "baseline.py"), str(corpus), str(out),
        "--translator", str(models["marian"]), "--summariser", str(models["bart"]),
        "--translate-tokens", str(tokens), "--summary-tokens", str(SUMMARY_TOKENS),
    ])
    stats = json.loads(next(line[6:] for line in stderr.splitlines() if line.startswith("STATS ")))
    return {"wall": wall, "rss": rss, "articles": stats["articles"], "sentences": stats["sentences"],
            "translate": stats["translate"], "summarise": stats["summarise"], "load": stats["load"]}


def run_tarjama(corpus: Path, out: Path, models: dict, tokens: int, cache: Path, preset: str | None,
                convert_first: bool = False) -> dict:
    sets = {
        "translate.model": models["marian"], "summarise.model": models["bart"],
        "translate.generation.num_beams": 4,
        "translate.generation.max_new_tokens": tokens, "translate.generation.min_new_tokens": tokens,
        "summarise.generation.max_new_tokens": SUMMARY_TOKENS, "summarise.generation.min_new_tokens": SUMMARY_TOKENS,
        "facts.entities": "false", "job.cache_dir": cache,
    }
    args = [sys.executable, "-m", "tarjama", "-q", "run", str(corpus), "-o", str(out)]
    if preset:
        args += ["-c", str(ROOT / "config" / "presets" / f"{preset}.toml")]
    for key, value in sets.items():
        args += ["--set", f"{key}={value}"]
    if preset and convert_first:
        # Conversion is a one-off per model; time the job the way it runs from then on.
        run_child([*args[:3], "models", "convert", *args[args.index("-c"):]], env={"XDG_CACHE_HOME": str(cache)})
    wall, rss, _ = run_child(args, env={"XDG_CACHE_HOME": str(cache)})
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    timings = manifest["timings"]
    sentences = sum(len(json.loads(p.read_text(encoding="utf-8"))["segments"]) for p in (out / "articles").glob("*.json"))
    return {"wall": wall, "rss": rss, "articles": manifest["counts"]["written"] + manifest["counts"]["reused"],
            "sentences": sentences, "translate": timings.get("translate", 0.0),
            "summarise": timings.get("summarise", 0.0), "load": sum(timings.get("load", {}).values()),
            "args": args, "cache": cache}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the seed page and one synthetic article")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds of the three runs")
    parser.add_argument("--models", type=Path, default=Path(tempfile.gettempdir()) / "tarjama-bench-models")
    parser.add_argument("--no-fast", action="store_true", help="skip the fast-cpu preset")
    parser.add_argument("--no-default", action="store_true", help="skip tarjama with the default engine")
    parser.add_argument("--time-conversion", action="store_true",
                        help="time fast-cpu's one-off model conversion inside its run; by default the models are "
                             "converted first, with `tarjama models convert`, as a user does once per model")
    args = parser.parse_args()
    n = args.articles or (2 if args.quick else 200)
    models = build_models(args.models)
    rows: dict[str, list[dict]] = {"baseline": [], "tarjama": [], "tarjama fast-cpu": []}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "in"
        make_corpus(corpus, n)
        tokens = translate_tokens(corpus, models["marian"])
        print(f"{n} articles; translations {tokens} tokens each, summaries {SUMMARY_TOKENS}; beam 4; "
              f"{os.cpu_count()} cores", file=sys.stderr)
        for r in range(args.rounds):
            rows["baseline"].append(run_baseline(corpus, work / f"base-{r}", models, tokens))
            print(f"round {r + 1}: baseline {rows['baseline'][-1]['wall']:.1f}s", file=sys.stderr)
            if not args.no_default:
                rows["tarjama"].append(run_tarjama(corpus, work / f"tj-{r}", models, tokens, work / f"cache-{r}", None))
                print(f"round {r + 1}: tarjama {rows['tarjama'][-1]['wall']:.1f}s", file=sys.stderr)
            if not args.no_fast:
                rows["tarjama fast-cpu"].append(run_tarjama(corpus, work / f"fast-{r}", models, tokens,
                                                            work / f"fcache-{r}", "fast-cpu", not args.time_conversion))
                print(f"round {r + 1}: fast-cpu {rows['tarjama fast-cpu'][-1]['wall']:.1f}s", file=sys.stderr)
        first = (rows["tarjama"] or rows["tarjama fast-cpu"])[0]
        rerun_wall, _, _ = run_child(first["args"], env={"XDG_CACHE_HOME": str(first["cache"])})
    report(rows, rerun_wall, first["wall"])


def report(rows: dict[str, list[dict]], rerun_wall: float, first_wall: float) -> None:
    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in rows[name])

    base_apm = 60 * median("baseline", "articles") / median("baseline", "wall")
    base_tr = median("baseline", "translate")
    print(f"\n{'':18} {'articles/min':>12} {'sentences/s':>11} {'peak RSS MB':>11} {'translate s':>11} "
          f"{'summarise s':>11} {'load s':>7} {'x articles/min':>14} {'x translate':>11}")
    for name, runs in rows.items():
        if not runs:
            continue
        apm = 60 * median(name, "articles") / median(name, "wall")
        sps = median(name, "sentences") / median(name, "wall")
        tr = median(name, "translate")
        print(f"{name:18} {apm:12.2f} {sps:11.2f} {max(r['rss'] for r in runs):11.0f} {tr:11.1f} "
              f"{median(name, 'summarise'):11.1f} {median(name, 'load'):7.1f} {apm / base_apm:14.2f} {base_tr / tr if tr else 0:11.2f}")
    rerun_share = rerun_wall / first_wall
    print(f"\nrerun of the finished tarjama job: {rerun_wall:.1f}s = {100 * rerun_share:.1f}% of its first run")
    print("\ntargets (issue #8, 2-core CPU):")
    for line in target_lines(rows, base_apm, base_tr, rerun_share):
        print("  " + line)


def target_lines(rows: dict[str, list[dict]], base_apm: float, base_tr: float, rerun_share: float) -> list[str]:
    def ratio(name: str) -> tuple[float, float] | None:
        runs = rows[name]
        if not runs:
            return None
        apm = 60 * statistics.median(r["articles"] for r in runs) / statistics.median(r["wall"] for r in runs)
        tr = statistics.median(r["translate"] for r in runs)
        return apm / base_apm, (base_tr / tr if tr else 0.0)

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    out = []
    default, fast = ratio("tarjama"), ratio("tarjama fast-cpu")
    if default:
        out.append(f"default engine >= 1.5x articles/min: {default[0]:.2f}x {verdict(default[0] >= 1.5)}")
    if fast:
        peak = max(r["rss"] for r in rows["tarjama fast-cpu"])
        out.append(f"fast-cpu >= 4x articles/min: {fast[0]:.2f}x {verdict(fast[0] >= 4)}")
        out.append(f"fast-cpu translation >= 5x: {fast[1]:.2f}x {verdict(fast[1] >= 5)}")
        out.append(f"fast-cpu peak RSS < 1 GB: {peak:.0f} MB {verdict(peak < 1024)}")
    out.append(f"rerun < 5% of the first run: {100 * rerun_share:.1f}% {verdict(rerun_share < 0.05)}")
    out.append("flat memory, 10 vs 1,000 articles: see bench/memory.py")
    return out


if __name__ == "__main__":
    main()
