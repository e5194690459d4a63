"""BART-family summarisation (BART, PEGASUS, T5) through transformers, map-then-reduce for
documents longer than the model's window."""

from __future__ import annotations

import logging
from typing import Any, Sequence

from summarise.chunking import chunk
from summarise.types import Summary
from translate.loading import ModelLoadError, describe, load_seq2seq, signature_of

log = logging.getLogger(__name__)

# Tokens kept free in each chunk: joining pieces with spaces can shift a BPE count a little.
_MARGIN = 8


class TransformersSummariser:
    name = "transformers"

    def __init__(
        self,
        *,
        model: str,
        revision: str = "main",
        device: str = "auto",
        dtype: str = "float32",
        generation: dict[str, Any] | None = None,
        max_input_tokens: int = 0,
        batch_size: int = 4,
        key: str = "summarise.model",
    ) -> None:
        self._m = load_seq2seq(model, revision, key=key, device=device, dtype=dtype)
        self.generation = dict(generation or {})
        self.batch_size = batch_size
        window = min(max_input_tokens or self._m.window, self._m.window)
        specials = self._m.tokenizer.num_special_tokens_to_add()
        self.limit = window - specials - _MARGIN
        longest_out = self.generation.get("max_new_tokens") or self._m.model.generation_config.max_length
        # The reduce step only converges if a summary is clearly shorter than its input.
        if longest_out and longest_out > self.limit // 2:
            raise ModelLoadError(
                f"summarise.generation.max_new_tokens = {longest_out} is more than half the "
                f"summariser's input window ({window} tokens), so chunk summaries could not be "
                f"reduced; set it to at most {self.limit // 2}"
            )

    def describe(self) -> dict:
        return describe(self._m, self.name, self.generation, max_input_tokens=self.limit + _MARGIN)

    def signature(self) -> str:
        return signature_of(self.describe())

    def count_tokens(self, text: str) -> int:
        return len(self._m.tokenizer(text, add_special_tokens=False, truncation=False)["input_ids"])

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
                if i in last_chunks and len(chunks) >= last_chunks[i]:
                    # Summaries as long as their inputs would loop for ever; stop honestly.
                    results[i] = Summary("", first_chunks[i], rounds, error="summary did not shrink below the window")
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
        """(summary, error) per text, longest texts batched together."""
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out: list[tuple[str | None, str | None]] = [(None, None)] * len(texts)
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            for index, result in zip(batch, self._try([texts[i] for i in batch])):
                out[index] = result
        return out

    def _try(self, texts: list[str]) -> list[tuple[str | None, str | None]]:
        try:
            return [(t, None) for t in self._generate(texts)]
        except Exception as exc:  # noqa: BLE001 - isolate the failing input, report it
            if len(texts) == 1:
                log.warning("summarisation failed: %s", exc)
                return [(None, f"{type(exc).__name__}: {exc}")]
            return [r for t in texts for r in self._try([t])]

    def _generate(self, texts: list[str]) -> list[str]:
        import torch

        tok, model = self._m.tokenizer, self._m.model
        with torch.inference_mode():
            enc = tok(texts, return_tensors="pt", padding=True, truncation=False).to(self._m.device)
            out = model.generate(**enc, **self.generation)
        return [t.strip() for t in tok.batch_decode(out, skip_special_tokens=True)]
