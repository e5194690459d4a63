"""Finding input files: named files as given, folders walked with include/exclude globs."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from typing import Iterator, Sequence


class InputError(Exception):
    """An input named on the command line does not exist."""


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    # fnmatch's * already crosses "/", so "**/*.txt" is tried with and without the "**/"
    # prefix to also match files at the top of the folder.
    for pattern in patterns:
        if fnmatch(rel, pattern) or (pattern.startswith("**/") and fnmatch(rel, pattern[3:])):
            return True
    return False


def discover(inputs: Sequence[str | Path], include: Sequence[str], exclude: Sequence[str]) -> Iterator[Path]:
    """Yield input files in a stable order (sorted within each folder)."""
    for raw in inputs:
        path = Path(raw)
        if path.is_file():
            yield path
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = child.relative_to(path).as_posix()
                if _matches(rel, include) and not _matches(rel, exclude):
                    yield child
        else:
            raise InputError(f"{raw}: no such file or folder")
