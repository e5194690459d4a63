"""`tarjama facts FILE`: the facts of one text or of each record of an export, as JSON."""

from __future__ import annotations

import argparse
import sys

from tarjama.cli.common import EXIT_OK, UsageError, check_published, load_config


def command(args: argparse.Namespace) -> int:
    import json

    from tarjama.facts_file import FactsInputError, facts_of

    check_published(args.published)
    cfg = load_config(args)
    try:
        results = facts_of(args.file, cfg, lang=args.lang, published=args.published)
    except FactsInputError as exc:
        raise UsageError(str(exc)) from None
    if len(results) == 1:
        body = results[0][1]
    else:  # a JSON or JSONL export: one object per record, named by it
        body = [{"record": key, **facts} for key, facts in results]
    sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK
