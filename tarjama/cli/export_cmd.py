"""`tarjama export OUT`: the reviewed digests (approved by default) as Markdown, CSV or JSON."""

from __future__ import annotations

import argparse
import logging
import sys

from tarjama.cli.common import EXIT_OK, UsageError

log = logging.getLogger("tarjama")


def command(args: argparse.Namespace) -> int:
    from tarjama import atomic
    from tarjama.review.export import export
    from tarjama.review.store import STATUSES, ReviewStore

    status = None if args.status == "all" else args.status
    if status is not None and status not in STATUSES:
        raise UsageError(f"--status {args.status!r}: choose one of {', '.join(STATUSES)}, all")
    if not (args.out / "articles").is_dir():
        raise UsageError(f"{args.out} has no articles/ folder; run `tarjama run INPUT -o {args.out}` first")
    if args.output is not None and args.output.is_dir():
        raise UsageError(f"-o {args.output}: a folder; give a file name, such as {args.output / ('digests.' + args.format)}")
    store = ReviewStore(args.out)
    try:
        body, unreadable = export(args.out, store, status=status, fmt=args.format)
    finally:
        store.close()
    for problem in unreadable.values():
        log.warning("skipped unreadable article file %s", problem)
    if args.output:
        try:
            atomic.write_text(args.output, body)
        except OSError as exc:
            raise UsageError(f"-o {args.output}: cannot write: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(body)
    return EXIT_OK
