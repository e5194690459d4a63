"""Summarisation through transformers: BART, PEGASUS, T5/mT5 and friends, read from the
model's config."""

from __future__ import annotations

from dataclasses import dataclass

from summarise.base import MapReduceSummariser, SummariserOptions
from seq2seq.architectures import check_summariser, summary_prefix
from seq2seq.beam_cache import generate_kwargs
from seq2seq.loading import describe, load_seq2seq
from seq2seq.runtime import Runtime

# Tokens kept free in each chunk: joining pieces with spaces can shift a BPE count a little,
# and a prefix such as "summarize: " takes a few.
MARGIN = 8


@dataclass(frozen=True)
class TransformersSummariserOptions(SummariserOptions):
    """The keys of [summarise] this engine reads: every engine's, and dtype."""

    dtype: str = "float32"


class TransformersSummariser(MapReduceSummariser):
    name = "transformers"
    Options = TransformersSummariserOptions

    def __init__(self, options: TransformersSummariserOptions, runtime: Runtime = Runtime()) -> None:
        o = options
        self._m = load_seq2seq(o.model, o.revision, key="summarise.model", device=o.device, dtype=o.dtype)
        check_summariser(self._m.model.config, o.model)
        self.prefix = summary_prefix(self._m.model.config, o.prefix)
        self.generation = dict(o.generation)
        self.batch_size, self.batch_tokens = o.batch_size, o.batch_tokens
        window = min(o.max_input_tokens or self._m.window, self._m.window)
        specials = self._m.tokenizer.num_special_tokens_to_add()
        self.limit = window - specials - MARGIN - self.count_tokens(self.prefix)
        self.check_reducible(
            self.generation.get("max_new_tokens") or self._m.model.generation_config.max_length, window
        )

    def describe(self) -> dict:
        return describe(self._m, self.name, self.generation, max_input_tokens=self.limit, prefix=self.prefix)

    def count_tokens(self, text: str) -> int:
        if not text:
            return 0
        return len(self._m.tokenizer(text, add_special_tokens=False, truncation=False)["input_ids"])

    def _generate(self, texts: list[str]) -> list[str]:
        import torch
        from transformers.modeling_outputs import BaseModelOutput

        tok, model = self._m.tokenizer, self._m.model
        with torch.inference_mode():
            enc = tok(texts, return_tensors="pt", padding=True, truncation=False).to(self._m.device)
            # The encoder runs here so that its output can fill the cross-attention cache
            # once per chunk rather than once per beam (seq2seq/shared_source.py).
            hidden = model.get_encoder()(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state
            out = model.generate(**enc, encoder_outputs=BaseModelOutput(last_hidden_state=hidden),
                                 **generate_kwargs(model, self.generation, hidden))
        return [t.strip() for t in tok.batch_decode(out, skip_special_tokens=True)]
