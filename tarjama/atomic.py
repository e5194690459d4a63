"""Writes that are all or nothing: a killed run never leaves a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, fsync, then rename over the target:
    readers see the old file or the new one, never a mix. The temporary name is new for
    every call (not one per process), so two threads of the review server writing the same
    file never write into each other's temporary file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    # mkstemp creates files readable by the owner only; the outputs keep the mode an ordinary
    # open() would give them. Reading the umask means setting it, so it is read once, at
    # import, before any thread of the review server could create a file in between.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def remove_stale_temporaries(folder: Path) -> int:
    """Temporary files left by a killed run; they never held a finished file."""
    count = 0
    if folder.is_dir():
        for tmp in folder.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
            count += 1
    return count
