"""Reading a UTF-8 text file a user names (or standard input, "-") for the commands that take
line-aligned or line-per-record files: one message style for every way it can fail."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path


def read_utf8(name: str | Path, label: str, error: type[Exception]) -> str:
    """The text, a BOM dropped; `error` raised with "LABEL NAME: what is wrong"."""
    where = f"{label} {name}".strip()
    try:
        data = sys.stdin.buffer.read() if str(name) == "-" else Path(name).read_bytes()
        return data.decode("utf-8-sig")
    except FileNotFoundError:
        raise error(f"{where}: no such file") from None
    except OSError as exc:
        raise error(f"{where}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise error(f"{where}: not UTF-8 text") from None


def split_lines(text: str) -> list[str]:
    """Lines, whatever the line ends; a final line end does not make an empty last line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def json_objects(lines: list[str], where: str, error: type[Exception]) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line of a JSON Lines text; `error` raised with
    "WHERE line N: what is wrong" for a line that is not a JSON object."""
    for n, line in enumerate(lines, start=1):
        if line.strip():
            yield n, json_object(line, f"{where} line {n}", error)


def json_object(line: str, where: str, error: type[Exception]) -> dict:
    """One line of JSON Lines as an object; `error` with "WHERE: what is wrong" otherwise."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise error(f"{where}: not valid JSON: {exc}") from None
    except RecursionError:
        raise error(f"{where}: JSON nested too deeply to read") from None
    if not isinstance(record, dict):
        raise error(f"{where}: expected a JSON object")
    return record
