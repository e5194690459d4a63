"""Summarisation through CTranslate2 (BART, PEGASUS, T5 convert), converted on first use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summarise.base import MapReduceSummariser
from summarise.hf_engine import MARGIN
from translate import ct2
from translate.architectures import check_summariser, summary_prefix
from translate.ct2_engine import import_ctranslate2
from translate.loading import load_tokenizer_config, resolve_revision


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
        batch_size: int = 4,
        prefix: str = "auto",
        quantization: str = "int8",
        convert_dir: str | Path | None = None,
        threads: int = 0,
        key: str = "summarise.model",
        **_engine_specific: Any,
    ) -> None:
        ctranslate2 = import_ctranslate2()
        from transformers import GenerationConfig

        self.tokenizer, config, source = load_tokenizer_config(model, revision, key=key)
        check_summariser(config, model)
        self.prefix = summary_prefix(config, prefix)
        self.device = ct2.device_and_compute(device, quantization, key)
        self.revision = "local" if source.local else resolve_revision(model, revision)
        path = ct2.converted(source, revision, resolve_revision(model, revision), quantization,
                             Path(convert_dir) if convert_dir else ct2.default_convert_dir(), key)
        try:
            defaults = GenerationConfig.from_pretrained(source.path, **source.kwargs)
        except OSError:
            defaults = None
        self.generation = dict(generation or {})
        self.options = ct2.options(self.generation, defaults, "summarise.generation")
        self.translator = ctranslate2.Translator(
            str(path), device=self.device, compute_type=quantization, intra_threads=threads
        )
        self.model_id, self.quantization, self.batch_size = model, quantization, batch_size
        window = min(getattr(config, "max_position_embeddings", None) or 512, getattr(self.tokenizer, "model_max_length", 10**9))
        window = min(max_input_tokens or window, window)
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
