"""Bounds that keep fact extraction and the checks linear in the length of the text, whatever
the text: a megabyte without a space, a 100,000-digit number, a 'sentence' of a whole feed
on one line. Pure, apart from a logged warning where something is cut.

- A run of more than RUN_MAX_CHARS characters without a space (digits, letters, a URL, a
  blob) holds no fact a reader could check: it is blanked (same length, so every offset
  stays true) before the extractors see it.
- A text longer than PIECE_MAX_CHARS is read in pieces of at most that length, cut at a
  sentence end where there is one (facts never span sentences), else at a space: each
  extractor call then costs at most what one piece costs, and the whole is linear.
- The checks compare every figure of a sentence with every figure of its translation: at most
  CHECKED_MAX figures of each kind a side are compared (no sentence of prose has
  more), the rest named in a warning.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Callable

from facts.types import FIGURES, Facts

log = logging.getLogger("tarjama")

RUN_MAX_CHARS = 200
PIECE_MAX_CHARS = 2_000
CHECKED_MAX = 32

# Tried only where a run starts, so finding the runs is linear too.
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{RUN_MAX_CHARS + 1},}}")
# The last sentence end, or the last space, of a window: one backward scan in C.
_LAST_SENTENCE_END = re.compile(r"(?s:.*)(?:[.!?؟؛…](?=\s)|\n)")
_LAST_SPACE = re.compile(r"(?s:.*)\s")


def blank_long_runs(text: str) -> str:
    """The text with each run of more than RUN_MAX_CHARS non-space characters replaced by as
    many spaces; warns once per text that had one."""
    runs = [m.end() - m.start() for m in _LONG_RUN.finditer(text)]
    if not runs:
        return text
    log.warning("facts: %d run(s) of %s characters without a space (longest %s) not read for facts",
                len(runs), f"over {RUN_MAX_CHARS:,}", f"{max(runs):,}")
    return _LONG_RUN.sub(lambda m: " " * (m.end() - m.start()), text)


def pieces(text: str) -> list[tuple[int, str]]:
    """(offset, piece) covering the text, each at most PIECE_MAX_CHARS long, cut just after
    a sentence end where the window has one, else at its last space. Needs no run longer
    than RUN_MAX_CHARS (blank_long_runs), so every window has a space."""
    if len(text) <= PIECE_MAX_CHARS:
        return [(0, text)]
    out, start, mid_sentence = [], 0, 0
    while len(text) - start > PIECE_MAX_CHARS:
        limit = start + PIECE_MAX_CHARS
        cut = _last(_LAST_SENTENCE_END, text, start, limit)
        if cut is None:
            cut = _last(_LAST_SPACE, text, start, limit)
            mid_sentence += 1
        if cut is None or cut <= start:  # no space at all: only without blank_long_runs
            cut = limit
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    if mid_sentence:
        log.warning("facts: a sentence over %s characters was read in pieces (%d cut between words); a figure "
                    "or date spanning a cut may be missed", f"{PIECE_MAX_CHARS:,}", mid_sentence)
    return out


def _last(pattern: re.Pattern, text: str, start: int, limit: int) -> int | None:
    """Just after the last match of `pattern` in text[start:limit]. Each window is read once
    and a piece ends at least halfway through the text its window and the next one cover,
    so the cutting is linear."""
    found = pattern.match(text, start, limit)
    return found.end() if found else None


def extract_bounded(text: str, extract: Callable[[str], Facts]) -> Facts:
    """`extract` (dates and numbers of one text, spans in that text) run within the bounds:
    long runs blanked, long texts read piece by piece, spans moved back to the whole text."""
    clean = blank_long_runs(text)
    parts = pieces(clean)
    if len(parts) == 1:
        facts = extract(clean)
    else:
        found: dict[str, list] = {kind: [] for kind in FIGURES}
        for offset, piece in parts:
            facts_of_piece = extract(piece)
            for kind in FIGURES:
                found[kind] += [replace(f, start=f.start + offset, end=f.end + offset)
                                for f in getattr(facts_of_piece, kind)]
        facts = Facts(**{kind: tuple(items) for kind, items in found.items()})
    if clean is text:
        return facts
    # Blanking kept every offset; a fact's text is the original span again.
    return replace(facts, **{kind: tuple(replace(f, text=text[f.start:f.end].strip()) for f in getattr(facts, kind))
                             for kind in FIGURES})


def checkable(facts: Facts, index: int, side: str) -> Facts:
    """At most CHECKED_MAX figures of each kind on one side of a sentence, for the checks."""
    over = {kind: len(getattr(facts, kind)) for kind in FIGURES if len(getattr(facts, kind)) > CHECKED_MAX}
    if not over:
        return facts
    log.warning("facts: sentence %d has %s in the %s; only the first %d of each kind are checked", index + 1,
                ", ".join(f"{n} {kind}" for kind, n in over.items()), side, CHECKED_MAX)
    return replace(facts, **{kind: getattr(facts, kind)[:CHECKED_MAX] for kind in over})


def check_sentence(index: int, source: Facts, target: Facts) -> list[dict]:
    """facts.checks.check_sentence on at most CHECKED_MAX figures of each kind a side."""
    from facts.checks import check_sentence as check

    return check(index, checkable(source, index, "source"), checkable(target, index, "translation"))
