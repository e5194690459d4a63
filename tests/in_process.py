"""The real `tarjama` command run in the test's own process, for the many one-line-error
tests where a child process would cost seconds of imports each."""

from __future__ import annotations

import logging


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `tarjama ARGV...`; the logging set up by the command
    is undone, so that the next test's capture is its own."""
    from tarjama.cli import main

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        code = main(list(argv))
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
