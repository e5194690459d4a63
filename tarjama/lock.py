"""One job per output folder. An flock on a file in the folder: the kernel drops it when
the holder dies, however it dies, so a lock left by a dead process is simply free again."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class FolderBusy(Exception):
    pass


class FolderLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / ".tarjama" / "lock"
        self._fh = None

    def __enter__(self) -> "FolderLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise FolderBusy(
                f"{self.path.parent.parent} is in use by another tarjama run (pid {holder}); "
                "wait for it to finish or choose another output folder with -o"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh:
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None


@contextmanager
def held(path: Path) -> Iterator[None]:
    """An exclusive flock on `path`, waited for: a short critical section (a migration, a
    read-modify-write) shared by threads and processes alike. Each call opens the file
    anew, so two threads of one process exclude each other as two processes do."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
