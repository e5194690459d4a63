"""Is the output folder usable? Asked once, before any work, so that a path that is a file or
a folder we may not write ends in one line, not a traceback after the models have loaded."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output folder cannot be used; the message says why and what to do."""


def check_output(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder; choose another output folder with -o")
    try:
        (out / ".tarjama").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder: {exc.strerror}; "
                          "choose another with -o") from None
    # os.access answers for the real uid and ignores read-only mounts: try a write instead.
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-check-", dir=out / ".tarjama")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write in the output folder: {exc.strerror}; "
                          "fix its permissions or choose another with -o") from None
