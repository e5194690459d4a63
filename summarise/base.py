"""The flow every summarisation engine shares: chunk what is longer than the window, summarise
the chunks (map), then summarise their summaries (reduce) until one remains. An engine
fills in how one batch of texts is summarised."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Sequence

from summarise.chunking import chunk
from summarise.types import Summary
from seq2seq.batching import plan_batches
from seq2seq.isolation import error_text, run_isolated
from seq2seq.loading import ModelLoadError

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class SummariserOptions:
    """The keys of [summarise] every engine reads (config/default.toml says what each means);
    each engine's Options adds its own (dtype, quantization)."""

    model: str
    revision: str = "main"
    device: str = "auto"
    generation: dict[str, Any] = field(default_factory=dict)
    max_input_tokens: int = 0
    batch_size: int = 8
    batch_tokens: int = 0
    prefix: str = "auto"


class MapReduceSummariser:
    name = "base"
    batch_size = 8
    batch_tokens = 0  # padded input tokens per batch; 0: no limit but batch_size
    limit = 1000  # tokens a chunk may hold, without the model's special tokens
    prefix = ""  # text put before every input (T5's "summarize: ")

    # -- hooks ----------------------------------------------------------------------------

    def _generate(self, texts: list[str]) -> list[str]:
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        raise NotImplementedError

    def describe(self) -> dict:
        raise NotImplementedError

    # -- the flow -------------------------------------------------------------------------

    def check_reducible(self, longest_output: int | None, window: int) -> None:
        """The reduce step only converges if a summary is clearly shorter than its input."""
        if longest_output and longest_output > self.limit // 2:
            raise ModelLoadError(
                f"summarise.generation.max_new_tokens = {longest_output} is more than half the "
                f"summariser's input window ({window} tokens), so chunk summaries could not be "
                f"reduced; set it to at most {self.limit // 2}"
            )

    def summarise(self, documents: Sequence[Sequence[str]]) -> list[Summary]:
        results: dict[int, Summary] = {}
        pending: dict[int, list[str]] = {}
        for i, sentences in enumerate(documents):
            if any(s.strip() for s in sentences):
                pending[i] = list(sentences)
            else:
                results[i] = Summary("", 0, 0)
        first_chunks: dict[int, int] = {}
        last_chunks: dict[int, int] = {}
        rounds = 0
        while pending:
            rounds += 1
            jobs: list[tuple[int, str]] = []
            for i, sentences in pending.items():
                chunks = chunk(sentences, self.count_tokens, self.limit)
                if not chunks:  # every chunk summary came out empty
                    results[i] = Summary("", first_chunks.get(i, 0), rounds - 1)
                    continue
                if i in last_chunks and len(chunks) >= last_chunks[i]:
                    # Summaries as long as their inputs would loop for ever: keep the chunk
                    # summaries, joined, and mark the result partial rather than lose it.
                    log.warning("chunk summaries did not shrink below the window; kept them joined")
                    results[i] = Summary(" ".join(sentences), first_chunks[i], rounds - 1, partial=True)
                    continue
                first_chunks.setdefault(i, len(chunks))
                last_chunks[i] = len(chunks)
                jobs.extend((i, c) for c in chunks)
            outputs = self._generate_isolated([text for _, text in jobs])
            by_doc: dict[int, list[tuple[str | None, str | None]]] = {}
            for (i, _), out in zip(jobs, outputs):
                by_doc.setdefault(i, []).append(out)
            pending = {}
            for i, outs in by_doc.items():
                errors = [err for _, err in outs if err]
                if errors:
                    results[i] = Summary("", first_chunks[i], rounds, error=errors[0])
                elif len(outs) == 1:
                    results[i] = Summary(outs[0][0] or "", first_chunks[i], rounds)
                else:
                    pending[i] = [text for text, _ in outs if text]
        return [results[i] for i in range(len(documents))]

    def _generate_isolated(self, texts: list[str]) -> list[tuple[str | None, str | None]]:
        """(summary, error) per text; texts sorted by length and batched by count and, when
        batch_tokens is set, by padded input tokens (what beam search's memory grows with)."""
        inputs = [self.prefix + t for t in texts]
        lengths = [self.count_tokens(t) for t in inputs]
        budget = self.batch_tokens or max(1, self.batch_size * max(lengths, default=1))
        out: list[tuple[str | None, str | None]] = [(None, None)] * len(texts)
        for batch in plan_batches(lengths, budget, self.batch_size):
            for index, result in zip(batch, self._try([inputs[i] for i in batch])):
                out[index] = result
        return out

    def _try(self, texts: list[str]) -> list[tuple[str | None, str | None]]:
        return run_isolated(lambda batch: [(t, None) for t in self._generate(batch)], texts,
                            lambda exc: (None, error_text(exc)), "summarisation")
