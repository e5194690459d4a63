"""Translation through CTranslate2: the configured hub model or folder, converted on first
use, run with translate_batch() on the same batches, settings and scores as the
transformers engine. `pip install tarjama[ct2]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from translate import ct2
from translate.architectures import translation_setup
from translate.base import BatchedTranslator
from translate.loading import ModelLoadError, load_tokenizer_config, resolve_revision
from translate.types import Translation


def import_ctranslate2():
    try:
        import ctranslate2
    except ImportError:
        raise ModelLoadError(
            "engine = \"ctranslate2\" needs the ctranslate2 package: pip install 'tarjama[ct2]'"
        ) from None
    return ctranslate2


class CTranslate2Translator(BatchedTranslator):
    name = "ctranslate2"

    def __init__(
        self,
        *,
        model: str,
        revision: str = "main",
        device: str = "auto",
        generation: dict[str, Any] | None = None,
        batch_tokens: int = 6000,
        max_batch_sentences: int = 64,
        max_input_tokens: int = 0,
        score: bool = True,
        source_lang: str = "",
        target_lang: str = "",
        quantization: str = "int8",
        convert_dir: str | Path | None = None,
        threads: int = 0,
        key: str = "translate.model",
        **_engine_specific: Any,
    ) -> None:
        ctranslate2 = import_ctranslate2()
        from transformers import GenerationConfig

        self.tokenizer, config, source = load_tokenizer_config(model, revision, key=key)
        self.langs = translation_setup(config, self.tokenizer, source_lang, target_lang, model)
        self.device = ct2.device_and_compute(device, quantization, key)
        self.revision = "local" if source.local else resolve_revision(model, revision)
        path = ct2.converted(source, revision, resolve_revision(model, revision), quantization,
                             Path(convert_dir) if convert_dir else ct2.default_convert_dir(), key)
        try:
            defaults = GenerationConfig.from_pretrained(source.path, **source.kwargs)
        except OSError:
            defaults = None
        self.generation = dict(generation or {})
        self.options = ct2.options(self.generation, defaults, "translate.generation")
        self.translator = ctranslate2.Translator(
            str(path), device=self.device, compute_type=quantization, intra_threads=threads
        )
        self.model_id, self.quantization = model, quantization
        window = min(getattr(config, "max_position_embeddings", 512) or 512, getattr(self.tokenizer, "model_max_length", 10**9))
        self.limit = min(max_input_tokens or window, window)
        self.batch_tokens, self.max_batch_sentences, self.score = batch_tokens, max_batch_sentences, score

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

    def _run(self, texts: list[str]) -> list[Translation]:
        tok = self.tokenizer
        source = [tok.convert_ids_to_tokens(tok(t, truncation=False)["input_ids"]) for t in texts]
        prefix = [[self.langs.target_token] for _ in texts] if self.langs.target_token else None
        results = self.translator.translate_batch(source, target_prefix=prefix, **self.options)
        hypotheses = [r.hypotheses[0] for r in results]
        scores: list[float | None] = [None] * len(texts)
        if self.score:
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
