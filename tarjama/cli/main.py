"""The `tarjama` command: the parser picks a command module, which does the work. Each command
module is imported only when it runs, so `--help` is instant and heavy imports happen inside."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from tarjama.cli.common import EXIT_INTERRUPTED, EXIT_USAGE, UsageError

log = logging.getLogger("tarjama")

# command -> "module:function" under tarjama.cli
COMMANDS = {
    "run": "run_cmd:command",
    "config": "config_cmd:command",
    "review": "review_cmd:command",
    "export": "export_cmd:command",
    "models": "models_cmd:command",
    "facts": "facts_cmd:command",
    "check": "check_cmd:command",
    "eval": "eval_cmd:command",
    "eval-facts": "eval_cmd:facts_command",
}


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


def _command(name: str):
    module, function = COMMANDS[name].split(":")
    return getattr(importlib.import_module(f"tarjama.cli.{module}"), function)


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
        return _command(args.command)(args)
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
