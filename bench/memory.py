"""Peak memory (RSS) of `tarjama run` for 10 and for 1,000 articles: it should be flat,
since articles stream through windows and the ledger, not memory, remembers what is done.

    python bench/memory.py [--sizes 10 1000] [--models DIR] [--preset fast-cpu]

Uses tiny random-weight models (built into --models if missing) so the figure is about the
job's own memory, not the weights'. Each size runs in a fresh child process with a fresh
cache; peak RSS is the child's ru_maxrss.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import make_corpus  # noqa: E402


def run_once(n: int, models: Path, work: Path, preset: str | None = None) -> tuple[float, float]:
    inputs = work / f"in-{n}"
    make_corpus(inputs, n, words=(300, 500))
    args = [
        sys.executable, "-c",
        "import resource, sys; from tarjama.cli import main; rc = main(sys.argv[1:]); "
        "print('maxrss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)",
        "-q", "run", str(inputs), "-o", str(work / f"out-{n}"),
        "--set", f"translate.model={models / 'marian'}", "--set", f"summarise.model={models / 'bart'}",
        "--set", f"facts.ar_model={models / 'ner-ar'}", "--set", f"facts.en_model={models / 'ner-en'}",
        "--set", "translate.generation.max_new_tokens=4", "--set", "translate.generation.num_beams=1",
        "--set", "summarise.generation.max_new_tokens=8", "--set", "summarise.generation.min_new_tokens=2",
        "--set", "summarise.generation.num_beams=1", "--set", "job.cache_max_entries=0",
        # Converted models (a preset on ctranslate2) are made once, by the first size.
        "--set", f"job.cache_dir={work / 'cache'}",
    ]
    if preset:
        args += ["-c", str(ROOT / "config" / "presets" / f"{preset}.toml")]
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"run of {n} failed:\n{proc.stderr}")
    kb = next(int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("maxrss_kb"))
    return kb / 1024, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 1000])
    parser.add_argument("--models", type=Path, default=Path(tempfile.gettempdir()) / "tarjama-bench-tiny")
    parser.add_argument("--preset", help="a preset of config/presets/ to run with, such as fast-cpu")
    args = parser.parse_args()
    if not (args.models / "ner-en").is_dir():
        from tarjama.tiny_models import main as build

        build([str(args.models)])
    with tempfile.TemporaryDirectory() as tmp:
        rows = [(n, *run_once(n, args.models, Path(tmp), args.preset)) for n in args.sizes]
    print(f"{'articles':>9} {'peak RSS MB':>12} {'seconds':>8}")
    for n, mb, seconds in rows:
        print(f"{n:>9} {mb:>12.0f} {seconds:>8.1f}")
    if len(rows) > 1:
        print(f"peak RSS ratio {rows[-1][0]} vs {rows[0][0]} articles: {rows[-1][1] / rows[0][1]:.3f}")


if __name__ == "__main__":
    main()
