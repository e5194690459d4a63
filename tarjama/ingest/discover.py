"""Finding input files: named files as given, folders walked with include/exclude globs.

Nothing found on the way is dropped without a word: a broken link, a link that loops back, a
folder that cannot be read comes out as an `Unreachable` with its reason, for the manifest.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Iterator, Sequence


class InputError(Exception):
    """An input named on the command line does not exist."""


@dataclass(frozen=True)
class Unreachable:
    path: str
    reason: str


@dataclass(frozen=True)
class NoFiles:
    """A named folder in which nothing matched input.include."""

    path: str


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    # fnmatch's * already crosses "/", so "**/*.txt" is tried with and without the "**/"
    # prefix to also match files at the top of the folder.
    for pattern in patterns:
        if fnmatch(rel, pattern) or (pattern.startswith("**/") and fnmatch(rel, pattern[3:])):
            return True
    return False


def check_inputs(inputs: Sequence[str | Path]) -> None:
    """Before any work: every named input exists (a broken link exists as a link, and is
    reported as unreadable by the walk)."""
    missing = [str(raw) for raw in inputs if not os.path.lexists(raw)]
    if missing:
        raise InputError(f"{missing[0]}: no such file or folder" + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""))


def _link_problem(path: Path) -> str | None:
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        return f"broken symbolic link (its target {os.readlink(path)!r} does not exist)"
    except RuntimeError:  # Python 3.11 reports a loop this way
        return "symbolic link loop"
    except OSError as exc:
        return "symbolic link loop" if exc.errno == errno.ELOOP else f"cannot follow link: {exc.strerror}"
    return None


def _walk(root: Path, folder: Path, include: Sequence[str], exclude: Sequence[str],
          ancestors: frozenset[str]) -> Iterator[Path | Unreachable]:
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError as exc:
        yield Unreachable(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = Path(entry.path)
        rel = path.relative_to(root).as_posix()
        if _matches(rel, exclude):
            continue
        if entry.is_symlink():
            problem = _link_problem(path)
            if problem:
                yield Unreachable(str(path), problem)
                continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as exc:
            yield Unreachable(str(path), f"cannot read: {exc.strerror}")
            continue
        if is_dir:
            real = os.path.realpath(path)
            if real in ancestors:
                yield Unreachable(str(path), f"symbolic link loop (points back to {real})")
                continue
            yield from _walk(root, path, include, exclude, ancestors | {real})
        elif is_file and _matches(rel, include):
            yield path
        elif not is_file and _matches(rel, include):
            # Never opened: reading a named pipe would wait for a writer for ever.
            yield Unreachable(str(path), f"{_special_kind(path)}, not a regular file: not read")


def discover(inputs: Sequence[str | Path], include: Sequence[str],
             exclude: Sequence[str]) -> Iterator[Path | Unreachable | NoFiles]:
    """Yield input files in a stable order (sorted by path within each named folder)."""
    check_inputs(inputs)
    for raw in inputs:
        path = Path(raw)
        if path.is_symlink() and (problem := _link_problem(path)):
            yield Unreachable(str(path), problem)
        elif path.is_file():
            yield path
        elif path.is_dir():
            found = sorted(_walk(path, path, include, exclude, frozenset({os.path.realpath(path)})),
                           key=lambda item: str(item if isinstance(item, Path) else item.path))
            yield from found
            if not any(isinstance(item, Path) for item in found):
                yield NoFiles(str(path))
        else:
            yield Unreachable(str(path), f"{_special_kind(path)}, not a regular file or folder: not read")


def _special_kind(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:
        return "not readable"
    for test, kind in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "a special file"
