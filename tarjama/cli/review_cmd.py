"""`tarjama review OUT`: the review page, served by waitress on loopback or, with a token, to a team."""

from __future__ import annotations

import argparse
import logging
import sys

from tarjama.cli.common import EXIT_OK, UsageError, load_config

log = logging.getLogger("tarjama")


def _reviewer(args: argparse.Namespace, cfg: dict) -> str:
    import getpass
    import os

    return args.reviewer or cfg["review"]["reviewer"] or os.environ.get("TARJAMA_REVIEWER") or getpass.getuser()


def command(args: argparse.Namespace) -> int:
    import errno
    import secrets

    from waitress.server import create_server

    from tarjama.review.app import create_app
    from tarjama.review.guard import host_names, link_host
    from tarjama.review.team import is_loopback, token_problem

    if not 0 < args.port < 65536:
        # Not left to the resolver, which takes 70000 for 4464 and serves there.
        raise UsageError(f"--port {args.port}: give a port from 1 to 65535")
    cfg = load_config(args)
    # On loopback the person who started the server is the reviewer; on a network each
    # browser says who it is, and must hold the token.
    local = is_loopback(args.host)
    if args.token is not None and (problem := token_problem(args.token)):
        raise UsageError(f"--token: {problem}")
    token = args.token or (None if local else secrets.token_urlsafe(18))
    default = _reviewer(args, cfg) if local or args.reviewer else None
    names = host_names(args.host, args.allow_hosts)
    try:
        app = create_app(args.out, default, cfg["output"]["low_score"], hosts=names, port=args.port, token=token)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    try:
        server = create_server(app, host=args.host, port=args.port, threads=8, ident="tarjama-review")
    except (OSError, OverflowError) as exc:
        reason = "in use (another review server?)" if getattr(exc, "errno", None) == errno.EADDRINUSE \
            else f"not available: {getattr(exc, 'strerror', None) or exc}"
        raise UsageError(f"cannot serve on {args.host} port {args.port}: {reason}; choose another with --port") from None
    # A name the Host check lets through, so the link works as printed.
    link = f"http://{link_host(args.host, names)}:{args.port}/" + (f"?token={token}" if token else "")
    print(f"tarjama: reviewing {args.out} at {link} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    if not local:
        log.warning("bound to %s: anyone with the link above can edit reviews; each browser is asked for its "
                    "reviewer's name", args.host)
    server.run()
    return EXIT_OK
