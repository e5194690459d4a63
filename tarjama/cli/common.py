"""What every command shares: its exit codes, the usage error it raises, the config it loads
from its arguments."""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """A command-line argument is wrong; the message says which and why."""


def overrides(args: argparse.Namespace) -> list[str]:
    """--device first, so that a --set of one stage's device still wins."""
    from tarjama.config import DEVICE_KEYS

    device = [f"{key}={args.device}" for key in DEVICE_KEYS] if args.device else []
    return device + args.overrides


def load_config(args: argparse.Namespace) -> dict:
    from tarjama import config

    return config.load(args.config, overrides(args), presets=args.presets)


def check_published(value: str | None) -> None:
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
