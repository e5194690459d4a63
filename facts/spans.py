"""Which characters of a text a reading has already claimed, so that one span is read as one
kind of figure only (a date is not also a count, a clock time not also an ordinal).

A check or a claim costs the length of its span, never the number of spans found so far, so
a reading stays linear on a long text full of figures."""

from __future__ import annotations


class Claimed:
    def __init__(self, length: int) -> None:
        self._marks = bytearray(length + 1)

    def free(self, start: int, end: int) -> bool:
        return self._marks.find(1, start, max(end, start + 1)) == -1

    def claim(self, start: int, end: int) -> None:
        self._marks[start:end] = b"\x01" * (end - start)

    def take(self, start: int, end: int) -> bool:
        """Claim the span if it is free; whether it was."""
        if not self.free(start, end):
            return False
        self.claim(start, end)
        return True
