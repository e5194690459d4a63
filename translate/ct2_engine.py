"""Translation through CTranslate2: the configured hub model or folder, converted on first
use, run with translate_batch() on the same batches, settings and scores as the
transformers engine. `pip install tarjama[ct2]`."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from seq2seq import ct2
from seq2seq.architectures import translation_setup
from seq2seq.runtime import Runtime
from translate.base import BatchedTranslator, TranslatorOptions
from translate.types import Translation


@dataclass(frozen=True)
class CTranslate2TranslatorOptions(TranslatorOptions):
    """The keys of [translate] this engine reads: every engine's, and quantization."""

    quantization: str = "int8"


class CTranslate2Translator(BatchedTranslator):
    name = "ctranslate2"
    Options = CTranslate2TranslatorOptions

    def __init__(self, options: CTranslate2TranslatorOptions, runtime: Runtime = Runtime()) -> None:
        o = options
        self.generation = dict(o.generation)
        m = ct2.open_model(model=o.model, revision=o.revision, device=o.device, quantization=o.quantization,
                           convert_dir=runtime.convert_dir, threads=runtime.threads,
                           generation=self.generation, key="translate.model", table="translate.generation",
                           parallel=True)
        self.tokenizer, self.translator, self.options, self.revision = m.tokenizer, m.translator, m.options, m.revision
        self.parallel = m.parallel
        self.langs = translation_setup(m.config, self.tokenizer, o.source_lang, o.target_lang, o.model)
        self.model_id, self.quantization = o.model, o.quantization
        self.limit = min(o.max_input_tokens or m.window, m.window)
        self.batch_tokens, self.max_batch_sentences, self.score = o.batch_tokens, o.max_batch_sentences, o.score

    def describe(self) -> dict:
        return {
            "engine": self.name,
            "model": self.model_id,
            "revision": self.revision,
            "dtype": self.quantization,
            "generation": dict(sorted(self.generation.items())),
            "max_input_tokens": self.limit,
            "score": "mean_token_logprob" if self.score else None,
            "languages": [self.langs.source_lang, self.langs.target_token] if self.langs.target_token else None,
        }

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, truncation=False)["input_ids"])

    def _run_batches(self, batches: list[list[str]]) -> Iterator[list[Translation]]:
        """Keep `parallel` batches running at once (CTranslate2's inter_threads share one copy
        of the weights), a few more queued; results still come back in order, and a batch
        that fails is retried sentence by sentence as in the base flow."""
        if self.parallel <= 1:
            yield from super()._run_batches(batches)
            return
        queue = iter(batches)
        pending: deque = deque()

        def submit_next() -> None:
            texts = next(queue, None)
            if texts is not None:
                try:
                    pending.append((texts, self._submit(texts)))
                except Exception:  # noqa: BLE001 - run (and isolated) when its turn comes
                    pending.append((texts, None))

        for _ in range(2 * self.parallel):
            submit_next()
        while pending:
            texts, handle = pending.popleft()
            submit_next()
            try:
                if handle is None:
                    raise RuntimeError("submission failed")
                yield self._finish(texts, *handle)
            except Exception:  # noqa: BLE001 - isolated: retried one sentence at a time
                yield self._run_isolated(texts)

    def _run(self, texts: list[str]) -> list[Translation]:
        return self._finish(texts, *self._submit(texts, asynchronous=False))

    def _submit(self, texts: list[str], asynchronous: bool = True) -> tuple[list, list | None, Any]:
        tok = self.tokenizer
        source = [tok.convert_ids_to_tokens(tok(t, truncation=False)["input_ids"]) for t in texts]
        prefix = [[self.langs.target_token] for _ in texts] if self.langs.target_token else None
        # Without a forced prefix the search's own scores are the teacher-forced ones, so no
        # second pass is needed (score_batch was about a third of translate_batch's time).
        results = self.translator.translate_batch(source, target_prefix=prefix, asynchronous=asynchronous,
                                                  return_scores=self.score and prefix is None, **self.options)
        return source, prefix, results

    def _finish(self, texts: list[str], source: list, prefix: list | None, results: Any) -> list[Translation]:
        tok = self.tokenizer
        own_scores = self.score and prefix is None
        results = [r.result() if hasattr(r, "result") else r for r in results]
        hypotheses = [r.hypotheses[0] for r in results]
        scores: list[float | None] = [None] * len(texts)
        if own_scores:
            scores = [self._mean_logprob(r.scores[0], len(h)) for r, h in zip(results, hypotheses)]
        elif self.score:
            # Teacher-forced log-probabilities of the output, as the transformers engine scores.
            scored = self.translator.score_batch(source, hypotheses)
            scores = [round(sum(s.log_probs) / max(1, len(s.log_probs)), 4) for s in scored]
        out = []
        for tokens, score in zip(hypotheses, scores):
            if prefix and tokens and tokens[0] == self.langs.target_token:
                tokens = tokens[1:]
            text = tok.decode(tok.convert_tokens_to_ids(tokens), skip_special_tokens=True)
            out.append(Translation(text.strip(), score))
        return out

    def _mean_logprob(self, score: float, length: int) -> float:
        """Undo the length penalty: CTranslate2 divides the summed log-probabilities by
        N ** length_penalty, N counting the end token when one was generated (a hypothesis
        shorter than the length limit)."""
        scored = length if length >= self.options["max_decoding_length"] else length + 1
        penalty = self.options.get("length_penalty", 1.0)
        return round(score * scored**penalty / max(1, scored), 4)
