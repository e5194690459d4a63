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


def check_folder(folder: Path, option: str) -> None:
    """A folder a command writes its files in (`eval -o DIR`), before any work: one line
    naming the option when it is a file or cannot be written."""
    _writable_folder(folder, f"{option} {folder}", f"give a folder, such as {folder}.d", "choose another folder")


def check_cache_dir(value: str) -> None:
    """job.cache_dir (or the default cache folder) can hold the translation cache, before
    any work: one line naming the setting, not a traceback once the models have loaded."""
    from tarjama.cache import default_dir

    folder = Path(value or default_dir()).expanduser()
    label = f"job.cache_dir = {value!r}" if value else f"the cache folder {folder}"
    fix = 'set job.cache_dir to a folder tarjama may write, or "" for $XDG_CACHE_HOME/tarjama'
    _writable_folder(folder, label, fix, fix)


def _writable_folder(folder: Path, label: str, not_a_folder: str, cannot_write: str) -> None:
    """Make the folder and write a probe file in it: one line, naming `label` and the fix, when
    it is a file or cannot be written."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{label}: exists and is not a folder; {not_a_folder}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-check-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"{label}: cannot write there: {exc.strerror or exc}; {cannot_write}") from None
