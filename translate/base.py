"""The flow every translation engine shares; an engine fills in how one batch is run.

Normalise, split what is longer than the window, tokenise, batch by token budget sorted
by length, run each batch (retrying its sentences one by one if it raises), then join the
pieces of split sentences and restore the input order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from seq2seq.batching import plan_batches, split_for_workers
from seq2seq.isolation import error_text, run_isolated
from translate.segment import normalise, split_long
from translate.types import Progress, Translation


@dataclass(frozen=True)
class TranslatorOptions:
    """The keys of [translate] every engine reads (config/default.toml says what each means);
    each engine's Options adds its own (dtype, quantization)."""

    model: str
    revision: str = "main"
    device: str = "auto"
    generation: dict[str, Any] = field(default_factory=dict)
    batch_tokens: int = 6000
    max_batch_sentences: int = 64
    max_input_tokens: int = 0
    score: bool = True
    source_lang: str = ""
    target_lang: str = ""


class BatchedTranslator:
    name = "base"
    batch_tokens = 6000
    max_batch_sentences = 64
    limit = 512
    parallel = 1  # batches the engine runs at once (see _run_batches)

    # -- hooks ----------------------------------------------------------------------------

    def _run(self, texts: list[str]) -> list[Translation]:
        """Translate one batch; may raise."""
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        raise NotImplementedError

    def describe(self) -> dict:
        raise NotImplementedError

    # -- the flow -------------------------------------------------------------------------

    def translate(self, sentences: Sequence[str], progress: Progress = None) -> list[Translation]:
        # A sentence longer than the window becomes several pieces, translated in order and
        # joined again, so the caller still gets one translation per sentence.
        pieces: list[str] = []
        owner: list[int] = []
        for i, sentence in enumerate(sentences):
            for piece in split_long(normalise(sentence), self.count_tokens, self.limit):
                pieces.append(piece)
                owner.append(i)
        lengths = [self.count_tokens(p) for p in pieces]
        results: list[Translation | None] = [None] * len(pieces)
        batches = split_for_workers(plan_batches(lengths, self.batch_tokens, self.max_batch_sentences), self.parallel)
        for batch, outputs in zip(batches, self._run_batches([[pieces[i] for i in b] for b in batches])):
            for index, result in zip(batch, outputs):
                results[index] = result
            if progress:
                progress(len({owner[i] for i in batch}))
        return _regroup(len(sentences), owner, results, lengths)

    def _run_batches(self, batches: list[list[str]]) -> Iterator[list[Translation]]:
        """Each batch's translations, in order. An engine that can run several batches at
        once overrides this; the results must still come back in order."""
        for texts in batches:
            yield self._run_isolated(texts)

    def _run_isolated(self, texts: list[str]) -> list[Translation]:
        return run_isolated(self._run, texts, lambda exc: Translation("", None, error=error_text(exc)), "translation")


def _regroup(
    n: int, owner: list[int], results: list[Translation | None], lengths: list[int]
) -> list[Translation]:
    """Join the pieces of each split sentence back into one Translation; the score is the
    piece scores weighted by source length."""
    grouped: list[list[tuple[Translation, int]]] = [[] for _ in range(n)]
    for i, result in enumerate(results):
        assert result is not None
        grouped[owner[i]].append((result, lengths[i]))
    out: list[Translation] = []
    for parts in grouped:
        if not parts:
            out.append(Translation("", None))
            continue
        errors = [p.error for p, _ in parts if p.error]
        if errors:
            out.append(Translation("", None, error=errors[0]))
            continue
        text = " ".join(p.text for p, _ in parts if p.text)
        scored = [(p.score, w) for p, w in parts if p.score is not None]
        score = (
            round(sum(s * w for s, w in scored) / sum(w for _, w in scored), 4) if scored else None
        )
        out.append(Translation(text, score))
    return out
