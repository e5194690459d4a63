"""MarianMT (and any seq2seq translator) through transformers: AutoModelForSeq2SeqLM plus
generate(), batched by token budget, sorted by length, order restored."""

from __future__ import annotations

import logging
from typing import Any, Sequence

from translate.batching import plan_batches
from translate.loading import describe, load_seq2seq, signature_of
from translate.segment import normalise, split_long
from translate.types import Progress, Translation

log = logging.getLogger(__name__)

# Cap on the float32 logits a scoring pass materialises at once (batch x length x vocab).
_SCORE_LOGITS_BUDGET = 32_000_000


class TransformersTranslator:
    name = "transformers"

    def __init__(
        self,
        *,
        model: str,
        revision: str = "main",
        device: str = "auto",
        dtype: str = "float32",
        generation: dict[str, Any] | None = None,
        batch_tokens: int = 6000,
        max_batch_sentences: int = 64,
        max_input_tokens: int = 0,
        score: bool = True,
        key: str = "translate.model",
    ) -> None:
        self._m = load_seq2seq(model, revision, key=key, device=device, dtype=dtype)
        self.generation = dict(generation or {})
        self.batch_tokens = batch_tokens
        self.max_batch_sentences = max_batch_sentences
        self.limit = min(max_input_tokens or self._m.window, self._m.window)
        self.score = score

    # -- protocol -------------------------------------------------------------------------

    def describe(self) -> dict:
        return describe(
            self._m,
            self.name,
            self.generation,
            max_input_tokens=self.limit,
            score="mean_token_logprob" if self.score else None,
        )

    def signature(self) -> str:
        return signature_of(self.describe())

    def translate(self, sentences: Sequence[str], progress: Progress = None) -> list[Translation]:
        # A sentence longer than the window becomes several pieces, translated in order and
        # joined again, so the caller still gets one translation per sentence.
        pieces: list[str] = []
        owner: list[int] = []
        for i, sentence in enumerate(sentences):
            for piece in split_long(normalise(sentence), self.count_tokens, self.limit):
                pieces.append(piece)
                owner.append(i)
        encoded = [self._m.tokenizer(p, truncation=False)["input_ids"] for p in pieces]
        results: list[Translation | None] = [None] * len(pieces)
        for batch in plan_batches([len(e) for e in encoded], self.batch_tokens, self.max_batch_sentences):
            for index, result in zip(batch, self._run_isolated([pieces[i] for i in batch])):
                results[index] = result
            if progress:
                progress(len({owner[i] for i in batch}))
        return _regroup(len(sentences), owner, results, [len(e) for e in encoded])

    def count_tokens(self, text: str) -> int:
        return len(self._m.tokenizer(text, truncation=False)["input_ids"])

    # -- internals ------------------------------------------------------------------------

    def _run_isolated(self, texts: list[str]) -> list[Translation]:
        try:
            return self._run(texts)
        except Exception as exc:  # noqa: BLE001 - any model failure is isolated, then reported
            if len(texts) == 1:
                log.warning("translation failed for one sentence: %s", exc)
                return [Translation("", None, error=f"{type(exc).__name__}: {exc}")]
            log.warning("a batch of %d failed (%s); retrying its sentences one by one", len(texts), exc)
            return [r for t in texts for r in self._run_isolated([t])]

    def _run(self, texts: list[str]) -> list[Translation]:
        import torch

        tok, model = self._m.tokenizer, self._m.model
        with torch.inference_mode():
            enc = tok(texts, return_tensors="pt", padding=True, truncation=False).to(self._m.device)
            out = model.generate(**enc, **self.generation)
            decoded = tok.batch_decode(out, skip_special_tokens=True)
            scores = self._score(enc, out) if self.score else [None] * len(texts)
        return [Translation(text.strip(), score) for text, score in zip(decoded, scores)]

    def _score(self, enc: Any, out: Any) -> list[float]:
        """Mean log-probability of each output token given the source and the tokens before
        it: one teacher-forced pass, independent of the search that produced the output."""
        import torch

        model = self._m.model
        pad = model.config.pad_token_id
        labels = out[:, 1:]
        decoder_inputs = out[:, :-1]
        vocab = model.config.vocab_size
        step = max(1, _SCORE_LOGITS_BUDGET // max(1, labels.shape[1] * vocab))
        scores: list[float] = []
        for start in range(0, out.shape[0], step):
            sl = slice(start, start + step)
            logits = model(
                input_ids=enc["input_ids"][sl],
                attention_mask=enc["attention_mask"][sl],
                decoder_input_ids=decoder_inputs[sl],
            ).logits.float()
            logp = torch.log_softmax(logits, dim=-1).gather(-1, labels[sl].unsqueeze(-1)).squeeze(-1)
            mask = (labels[sl] != pad).float()
            mean = (logp * mask).sum(-1) / mask.sum(-1).clamp(min=1)
            scores.extend(round(float(x), 4) for x in mean)
        return scores


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
