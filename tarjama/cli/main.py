"""The `tarjama` command. Heavy imports happen inside the commands, so `--help` is instant."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

log = logging.getLogger("tarjama")

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _OneLineFormatter(logging.Formatter):
    """Each log message on one printable line: a newline or escape code inside a file name
    cannot forge a log line or repaint the terminal. A traceback (-v) keeps its lines."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        from tarjama.inert import escape_controls

        return escape_controls(super().formatMessage(record))


def _setup_logging(args: argparse.Namespace) -> None:
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter("tarjama: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # Library chatter (transformers, urllib3) only when asked for.
    for noisy in ("transformers", "huggingface_hub", "urllib3", "httpx", "filelock", "sacrebleu", "absl",
                  "waitress.queue", "ray", "ray.data"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if args.verbose else logging.ERROR)


def _utf8_stdio() -> None:
    # Arabic text on a terminal or a pipe with a non-UTF-8 locale must not crash a run.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _overrides(args: argparse.Namespace) -> list[str]:
    """--device first, so that a --set of one stage's device still wins."""
    from tarjama.config import DEVICE_KEYS

    device = [f"{key}={args.device}" for key in DEVICE_KEYS] if args.device else []
    return device + args.overrides


def _load_config(args: argparse.Namespace) -> dict:
    from tarjama import config

    return config.load(args.config, _overrides(args), presets=args.presets)


def _cmd_run(args: argparse.Namespace) -> int:
    from tarjama.output_folder import check_cache_dir
    from tarjama.job.runner import Runner

    cfg = _load_config(args)
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


def _cmd_config(args: argparse.Namespace) -> int:
    from tarjama import config

    if args.action == "presets":
        width = max(len(name) for name in config.preset_names())
        for name in config.preset_names():
            sys.stdout.write(f"{name:<{width}}  {config.preset_description(name)}\n")
        return EXIT_OK
    cfg, origin_of = config.load_with_origins(args.config, _overrides(args), presets=args.presets)
    sys.stdout.write(config.to_toml(cfg, origin_of if args.origin else None))
    return EXIT_OK


def _reviewer(args: argparse.Namespace, cfg: dict) -> str:
    import getpass
    import os

    return args.reviewer or cfg["review"]["reviewer"] or os.environ.get("TARJAMA_REVIEWER") or getpass.getuser()


def _cmd_review(args: argparse.Namespace) -> int:
    import errno
    import secrets

    from waitress.server import create_server

    from tarjama.review.app import create_app
    from tarjama.review.guard import host_names, link_host
    from tarjama.review.team import is_loopback, token_problem

    if not 0 < args.port < 65536:
        # Not left to the resolver, which takes 70000 for 4464 and serves there.
        raise UsageError(f"--port {args.port}: give a port from 1 to 65535")
    cfg = _load_config(args)
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


def _cmd_export(args: argparse.Namespace) -> int:
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


def _cmd_models(args: argparse.Namespace) -> int:
    from tarjama.cli import models_cmd
    from tarjama.output_folder import check_cache_dir

    cfg = _load_config(args)
    if args.action == "convert":
        check_cache_dir(cfg["job"]["cache_dir"])
    if args.action == "check":
        return models_cmd.check(cfg, as_json=getattr(args, "as_json", False))
    return {"pull": models_cmd.pull, "convert": models_cmd.convert}[args.action](cfg)


def _cmd_facts(args: argparse.Namespace) -> int:
    import json

    from tarjama.facts_file import FactsInputError, facts_of

    _check_published(args.published)
    cfg = _load_config(args)
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


class UsageError(Exception):
    """A command-line argument is wrong; the message says which and why."""


def _check_published(value: str | None) -> None:
    """--published is a real date written YYYY-MM-DD: 2023-02-30 is named as no such date."""
    import re
    from datetime import date

    if value is None:
        return
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise UsageError(f"--published {value!r}: expected a date as YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"--published {value}: no such date ({exc})") from None


def _cmd_check(args: argparse.Namespace) -> int:
    from tarjama.cli import check_cmd

    if bool(args.jsonl) == bool(args.source or args.translation or args.summary):
        raise UsageError("check: give --source AR.txt --translation EN.txt [--summary SUMMARY.txt], or --jsonl FILE")
    _check_published(args.published)
    try:
        if args.jsonl:
            records = check_cmd.records_from_jsonl(args.jsonl)
        elif not args.translation or not (args.source or args.summary):
            raise UsageError("check: --translation goes with --source, --summary or both")
        else:
            records = check_cmd.records_from_files(args.source, args.translation, args.summary)
        given = (f"--jsonl {args.jsonl} holds" if args.jsonl else
                 f"--source {args.source} and --translation {args.translation} hold")
        return check_cmd.run(_with_text(records, f"check: {given} no text: nothing to check"), args.published)
    except check_cmd.CheckInputError as exc:
        raise UsageError(str(exc)) from None


def _with_text(records, nothing: str):
    """The records as they come, but those before the first with any text held back: when no
    record holds text, the result is the usage error alone, with nothing printed before it."""
    held: list = []
    for record in records:
        if held is not None:
            texts = [t for t in (record.en, record.ar, record.summary) if t]
            if not any(t.strip() if isinstance(t, str) else any(x.strip() for x in t) for t in texts):
                held.append(record)
                continue
            yield from held
            held = None
        yield record
    if held is not None:
        raise UsageError(nothing)


def _cmd_eval(args: argparse.Namespace) -> int:
    from tarjama.evaluate.command import run_eval

    return run_eval(args, _overrides(args), UsageError)


def _cmd_eval_facts(args: argparse.Namespace) -> int:
    from tarjama.evaluate.command import run_eval_facts

    return run_eval_facts(args, _overrides(args))


COMMANDS = {
    "check": _cmd_check,
    "eval": _cmd_eval,
    "eval-facts": _cmd_eval_facts,
    "run": _cmd_run, "config": _cmd_config, "facts": _cmd_facts, "models": _cmd_models,
    "review": _cmd_review, "export": _cmd_export,
}


def main(argv: list[str] | None = None) -> int:
    _utf8_stdio()
    from seq2seq.cpu_linear import limit_kernel_caches

    limit_kernel_caches()  # before anything imports torch
    from tarjama.cli.parser import build_parser, eval_facts_argv

    args = build_parser().parse_args(eval_facts_argv(sys.argv[1:] if argv is None else list(argv)))
    _setup_logging(args)
    import sqlite3

    from tarjama.config import ConfigError
    from tarjama.damaged import DamagedDatabase, explain
    from tarjama.evaluate.compare import EvalInputError
    from tarjama.ingest import InputError
    from tarjama.inert import escape_controls
    from tarjama.lock import FolderBusy
    from tarjama.output_folder import OutputError
    from translate.glossary import GlossaryError
    from seq2seq.loading import ModelLoadError

    try:
        return COMMANDS[args.command](args)
    except (ConfigError, DamagedDatabase, EvalInputError, GlossaryError, ModelLoadError, FolderBusy, InputError,
            OutputError, UsageError) as exc:
        print(f"tarjama: error: {escape_controls(str(exc))}", file=sys.stderr)
        if args.verbose:
            log.debug("where it was raised", exc_info=exc)
        return EXIT_USAGE
    except sqlite3.DatabaseError as exc:
        # Damage met past opening (a page of ledger.sqlite broken mid-file): the file named.
        out = getattr(args, "out", None)
        problem = explain(out, exc) if out is not None else None
        if problem is None:
            raise
        print(f"tarjama: error: {escape_controls(str(problem))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("tarjama: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
