"""One progress display for the whole job: articles done out of those met so far, and the
stage the job is in. A bar on a terminal; on a pipe or a log file, one line per stage of
each window (a bar redrawn into a file is noise). Off with -q."""

from __future__ import annotations

import logging
import sys

log = logging.getLogger("tarjama")


class JobProgress:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.done = 0
        self.total = 0
        self._sentences = (0, 0)
        self._bar = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=0, unit="article", file=sys.stderr, dynamic_ncols=True,
                             bar_format="{desc} {n_fmt}/{total_fmt} articles |{bar}| {elapsed} {postfix}")

    def found(self, articles: int) -> None:
        """More articles met (the inputs are read as a stream, so the total grows)."""
        self.total += articles
        if self._bar is not None:
            self._bar.total = self.total
            self._bar.refresh()

    def stage(self, name: str, detail: str = "") -> None:
        if self._bar is not None:
            self._bar.set_description_str(name)
            self._bar.set_postfix_str(detail)
        elif self.enabled:
            log.info("%s%s (%d/%d articles done)", name, f": {detail}" if detail else "", self.done, self.total)

    def sentences(self, total: int) -> None:
        """Translation is the long stage: the bar also counts its sentences."""
        self._sentences = (0, total)
        if self._bar is not None:
            self._bar.set_postfix_str(f"0/{total} sentences")

    def translated(self, count: int) -> None:
        done, total = self._sentences
        self._sentences = (done + count, total)
        if self._bar is not None:
            self._bar.set_postfix_str(f"{done + count}/{total} sentences")

    def advance(self, articles: int = 1) -> None:
        self.done += articles
        if self._bar is not None:
            self._bar.update(articles)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
