"""Summarisation through CTranslate2 (BART, PEGASUS, T5 convert), converted on first use."""

from __future__ import annotations

from dataclasses import dataclass

from summarise.base import MapReduceSummariser, SummariserOptions
from summarise.hf_engine import MARGIN
from seq2seq import ct2
from seq2seq.architectures import check_summariser, summary_prefix
from seq2seq.runtime import Runtime


@dataclass(frozen=True)
class CTranslate2SummariserOptions(SummariserOptions):
    """The keys of [summarise] this engine reads: every engine's, and quantization."""

    quantization: str = "int8"


class CTranslate2Summariser(MapReduceSummariser):
    name = "ctranslate2"
    Options = CTranslate2SummariserOptions

    def __init__(self, options: CTranslate2SummariserOptions, runtime: Runtime = Runtime()) -> None:
        o = options
        self.generation = dict(o.generation)
        m = ct2.open_model(model=o.model, revision=o.revision, device=o.device, quantization=o.quantization,
                           convert_dir=runtime.convert_dir, threads=runtime.threads,
                           generation=self.generation, key="summarise.model", table="summarise.generation")
        self.tokenizer, self.translator, self.options, self.revision = m.tokenizer, m.translator, m.options, m.revision
        check_summariser(m.config, o.model)
        self.prefix = summary_prefix(m.config, o.prefix)
        self.model_id, self.quantization = o.model, o.quantization
        self.batch_size, self.batch_tokens = o.batch_size, o.batch_tokens
        window = min(o.max_input_tokens or m.window, m.window)
        self.limit = window - self.tokenizer.num_special_tokens_to_add() - MARGIN - self.count_tokens(self.prefix)
        self.check_reducible(self.options.get("max_decoding_length"), window)

    def describe(self) -> dict:
        return {
            "engine": self.name,
            "model": self.model_id,
            "revision": self.revision,
            "dtype": self.quantization,
            "generation": dict(sorted(self.generation.items())),
            "max_input_tokens": self.limit,
            "prefix": self.prefix,
        }

    def count_tokens(self, text: str) -> int:
        if not text:
            return 0
        return len(self.tokenizer(text, add_special_tokens=False, truncation=False)["input_ids"])

    def _generate(self, texts: list[str]) -> list[str]:
        tok = self.tokenizer
        source = [tok.convert_ids_to_tokens(tok(t, truncation=False)["input_ids"]) for t in texts]
        results = self.translator.translate_batch(source, **self.options)
        return [
            tok.decode(tok.convert_tokens_to_ids(r.hypotheses[0]), skip_special_tokens=True).strip() for r in results
        ]
