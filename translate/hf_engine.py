"""Translation through transformers: AutoModelForSeq2SeqLM plus generate(). Marian,
M2M100/NLLB and mBART-50, the architecture read from the model's config."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from seq2seq.architectures import translation_setup
from translate.base import BatchedTranslator, TranslatorOptions
from seq2seq.beam_cache import generate_kwargs
from seq2seq.loading import describe, load_seq2seq
from seq2seq.runtime import Runtime
from translate.types import Translation

# Cap on the float32 logits a scoring pass materialises at once (batch x length x vocab).
_SCORE_LOGITS_BUDGET = 32_000_000


@dataclass(frozen=True)
class TransformersTranslatorOptions(TranslatorOptions):
    """The keys of [translate] this engine reads: every engine's, and dtype."""

    dtype: str = "float32"


class TransformersTranslator(BatchedTranslator):
    name = "transformers"
    Options = TransformersTranslatorOptions

    def __init__(self, options: TransformersTranslatorOptions, runtime: Runtime = Runtime()) -> None:
        o = options
        self._m = load_seq2seq(o.model, o.revision, key="translate.model", device=o.device, dtype=o.dtype)
        self.langs = translation_setup(self._m.model.config, self._m.tokenizer, o.source_lang, o.target_lang, o.model)
        self.generation = dict(o.generation)
        if self.langs.target_id is not None:
            self.generation["forced_bos_token_id"] = self.langs.target_id
        self.batch_tokens = o.batch_tokens
        self.max_batch_sentences = o.max_batch_sentences
        self.limit = min(o.max_input_tokens or self._m.window, self._m.window)
        self.score = o.score

    def describe(self) -> dict:
        return describe(
            self._m,
            self.name,
            self.generation,
            max_input_tokens=self.limit,
            score="mean_token_logprob" if self.score else None,
            languages=[self.langs.source_lang, self.langs.target_token] if self.langs.target_token else None,
        )

    def count_tokens(self, text: str) -> int:
        return len(self._m.tokenizer(text, truncation=False)["input_ids"])

    def _run(self, texts: list[str]) -> list[Translation]:
        import torch
        from transformers.modeling_outputs import BaseModelOutput

        tok, model = self._m.tokenizer, self._m.model
        with torch.inference_mode():
            enc = tok(texts, return_tensors="pt", padding=True, truncation=False).to(self._m.device)
            # The encoder runs once: generate() and the scoring pass both read its output.
            # generate() expands the output object it is given to one row per beam, in place,
            # so it gets a wrapper of its own and the tensor is kept here.
            encoded = model.get_encoder()(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"])
            hidden = encoded.last_hidden_state
            out = model.generate(attention_mask=enc["attention_mask"],
                                 encoder_outputs=BaseModelOutput(last_hidden_state=hidden),
                                 **generate_kwargs(model, self.generation, hidden))
            ids = out.tolist()
            if self.langs.target_id is not None:
                # The forced language token is not always registered as special (M2M100).
                ids = [[i for i in row if i != self.langs.target_id] for row in ids]
            decoded = tok.batch_decode(ids, skip_special_tokens=True)
            scores = self._score(enc, hidden, out) if self.score else [None] * len(texts)
        return [Translation(text.strip(), score) for text, score in zip(decoded, scores)]

    def _score(self, enc: Any, hidden: Any, out: Any) -> list[float]:
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
                encoder_outputs=(hidden[sl],),
                attention_mask=enc["attention_mask"][sl],
                decoder_input_ids=decoder_inputs[sl],
            ).logits.float()
            logp = torch.log_softmax(logits, dim=-1).gather(-1, labels[sl].unsqueeze(-1)).squeeze(-1)
            mask = (labels[sl] != pad).float()
            mean = (logp * mask).sum(-1) / mask.sum(-1).clamp(min=1)
            scores.extend(round(float(x), 4) for x in mean)
        return scores
