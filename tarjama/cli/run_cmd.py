"""`tarjama run INPUT... -o OUT`: the job, its one-line summary, or its outcome as JSON."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from tarjama.cli.common import EXIT_INTERRUPTED, load_config

log = logging.getLogger("tarjama")


def command(args: argparse.Namespace) -> int:
    from tarjama.output_folder import check_cache_dir
    from tarjama.job.runner import Runner

    cfg = load_config(args)
    # The translation cache, and CTranslate2's converted models, live there: a folder that
    # cannot take them is one line now, not a traceback once the models have loaded.
    converts = "ctranslate2" in (cfg["translate"]["engine"], cfg["summarise"]["engine"])
    if cfg["job"]["cache_max_entries"] or (converts and cfg["job"]["cache_dir"]):
        check_cache_dir(cfg["job"]["cache_dir"])
    outcome = Runner(cfg, args.out, fresh=args.fresh, progress=not args.quiet).run(args.inputs)
    done = len(outcome.written) + len(outcome.reused)
    summary = (
        f"{len(outcome.written)} articles written, {len(outcome.reused)} already done, "
        f"{len(outcome.failed)} failed, {len(outcome.skipped)} skipped, "
        f"{len(outcome.duplicates)} duplicates -> {args.out}"
    )
    if args.as_json:
        sys.stdout.write(_run_json(outcome, args.out) + "\n")
    if outcome.status == "interrupted":
        log.warning("interrupted after %d articles; run the same command again to resume", done)
        return EXIT_INTERRUPTED
    log.info("%s", summary)
    for failure in outcome.failed:
        log.warning("failed: %s: %s", failure["input"], failure["reason"])
    return outcome.exit_code


def _run_json(outcome, out: Path) -> str:
    import json

    articles = [
        {"id": article_id, "state": state,
         "files": sorted(str(p) for p in (out / "articles").glob(f"{article_id}.*") if p.suffix in (".json", ".md", ".html"))}
        for state, ids in (("written", outcome.written), ("reused", outcome.reused))
        for article_id in ids
    ]
    return json.dumps({
        "status": outcome.status,
        "exit_code": outcome.exit_code,
        "out": str(out),
        "manifest": str(out / "manifest.json"),
        "index": str(out / "index.html"),
        "counts": {"written": len(outcome.written), "reused": len(outcome.reused), "failed": len(outcome.failed),
                   "skipped": len(outcome.skipped), "duplicates": len(outcome.duplicates),
                   "warnings": len(outcome.warnings)},
        "articles": articles,
        "failures": outcome.failed,
        "skipped": outcome.skipped,
        "duplicates": outcome.duplicates,
        "warnings": outcome.warnings,
    }, ensure_ascii=False, indent=2)
