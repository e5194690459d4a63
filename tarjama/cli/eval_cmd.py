"""`tarjama eval`'s three modes, chosen by what is given: --source (translate and compare
configs), OUT (score a finished job), `facts` (score the extractors)."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from tarjama.cli.common import UsageError, overrides
from tarjama.evaluate import compare, facts_gold, finished, report, support


def _print(result: dict, as_json: bool) -> None:
    for note in result.get("notes", []):
        print(f"tarjama: {note}", file=sys.stderr)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    # A run scored for its summaries' support alone has no column of the table to fill.
    if any(set(row) - {"name", "status", "support"} for row in result["rows"]):
        sys.stdout.write(report.table(result["rows"]))
        sys.stdout.write(report.signatures(result["rows"]))
    for row in result["rows"]:
        if "support" in row:
            sys.stdout.write(f"{row['name']}: " + support.line(row["support"]))
        if "summary" in row:
            s = row["summary"]
            sys.stdout.write(f"summaries ({s['summaries']}): ROUGE-1 {s['rouge1']}  ROUGE-2 {s['rouge2']}  "
                             f"ROUGE-L {s['rougeL']}\n")
        if row.get("comet") is not None:
            sys.stdout.write(f"{row['name']}: COMET {row['comet']}\n")


def facts_command(args: Namespace) -> int:
    from tarjama import config

    cfg = config.load(args.config, overrides(args), presets=args.presets)
    result = facts_gold.score(args.gold, args.files, cfg)
    if args.as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(facts_gold.table(result, args.verbose))
    return 0


def command(args: Namespace) -> int:
    from tarjama.evaluate.rows import build_rows
    from tarjama.output_folder import check_folder

    target = [args.target] if args.target else []
    if args.source is not None:
        if target:
            raise UsageError("eval: give either --source/--reference or an output folder, not both")
        if args.reference is None or args.eval_out is None:
            raise UsageError("eval --source SRC also needs --reference REF (line-aligned English) and -o DIR")
        check_folder(args.eval_out, "-o")  # before any model is loaded
        sources, references = compare.aligned(args.source, args.reference)
        rows = build_rows(args.config, overrides(args), args.presets, args.compare)
        result = compare.compare(rows, sources, references, args.eval_out, args.comet)
        _print(result, args.as_json)
        return 1 if any(r["status"] != "ok" for r in result["rows"]) else 0
    if len(target) == 1:
        if args.reference is None and args.summary_reference is None:
            out = Path(target[0])
            if not (out / "articles").is_dir():
                raise UsageError(f"eval {out}: no articles/ folder; run `tarjama run INPUT -o {out}` first")
            result = {"rows": [{"name": str(out), "status": "ok", "support": support.folder_support(out)}]}
            _print(result, args.as_json)
            return 0
        refs: dict[str, dict] = {}
        for path, label in ((args.reference, "--reference"), (args.summary_reference, "--summary-reference")):
            if path is not None:
                for key, record in finished.read_references(path, label).items():
                    refs.setdefault(key, {}).update(record)
        result = finished.score_folder(Path(target[0]), refs)
        _print(result, args.as_json)
        return 0
    raise UsageError("eval: give --source SRC --reference REF -o DIR, or an output folder OUT with --reference, "
                      "or `facts --gold DIR FILE...`")
