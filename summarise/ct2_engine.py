"""Summarisation through CTranslate2 (BART, PEGASUS, T5 convert), converted on first use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summarise.base import MapReduceSummariser
from summarise.hf_engine import MARGIN
from seq2seq import ct2
from seq2seq.architectures import check_summariser, summary_prefix


class CTranslate2Summariser(MapReduceSummariser):
    name = "ctranslate2"

    def __init__(
        self,
        *,
        model: str,
        revision: str = "main",
        device: str = "auto",
        generation: dict[str, Any] | None = None,
        max_input_tokens: int = 0,
        batch_size: int = 8,
        batch_tokens: int = 0,
        prefix: str = "auto",
        quantization: str = "int8",
        convert_dir: str | Path | None = None,
        threads: int = 0,
        key: str = "summarise.model",
        **_engine_specific: Any,
    ) -> None:
        self.generation = dict(generation or {})
        m = ct2.open_model(model=model, revision=revision, device=device, quantization=quantization,
                           convert_dir=Path(convert_dir) if convert_dir else None, threads=threads,
                           generation=self.generation, key=key, table="summarise.generation")
        self.tokenizer, self.translator, self.options, self.revision = m.tokenizer, m.translator, m.options, m.revision
        check_summariser(m.config, model)
        self.prefix = summary_prefix(m.config, prefix)
        self.model_id, self.quantization = model, quantization
        self.batch_size, self.batch_tokens = batch_size, batch_tokens
        window = min(max_input_tokens or m.window, m.window)
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
