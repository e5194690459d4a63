"""What a model's architecture needs, read from its config, never from its name.

Multilingual translators (NLLB and M2M100, both `m2m_100` in their configs, and mBART-50)
need the source language set on the tokenizer and the target language forced as the first
output token; Marian pairs such as opus-mt-ar-en need neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from seq2seq.loading import ModelLoadError

# model_type -> needs language codes
TRANSLATION_TYPES = {"marian": False, "m2m_100": True, "mbart": True, "nllb_moe": True}
SUMMARY_TYPES = {"bart", "pegasus", "pegasus_x", "t5", "mt5", "led", "mbart", "umt5"}
CODE_EXAMPLES = "arb_Arab -> eng_Latn for NLLB-200, ar -> en for M2M100, ar_AR -> en_XX for mBART-50"


@dataclass(frozen=True)
class LangSetup:
    source_lang: str | None = None
    target_token: str | None = None  # forced as the first output token
    target_id: int | None = None


def _language_token(tokenizer: Any, code: str) -> tuple[str, int] | None:
    # NLLB and mBART-50 spell the token as the code; M2M100 wraps it: __en__.
    for token in (code, f"__{code}__"):
        token_id = tokenizer.convert_tokens_to_ids(token)
        if token_id is not None and token_id != tokenizer.unk_token_id:
            return token, token_id
    return None


def translation_setup(config: Any, tokenizer: Any, source_lang: str, target_lang: str, model_id: str) -> LangSetup:
    model_type = config.model_type
    if model_type not in TRANSLATION_TYPES:
        kind = "a summarisation" if model_type in SUMMARY_TYPES else "not a translation"
        raise ModelLoadError(
            f"translate.model = {model_id!r} is {kind} model ({model_type}); translation needs one of "
            "these architectures: Marian (opus-mt), M2M100/NLLB-200, mBART-50"
        )
    if not TRANSLATION_TYPES[model_type]:
        return LangSetup()
    if not source_lang or not target_lang:
        raise ModelLoadError(
            f"translate.model = {model_id!r} is multilingual ({model_type}): set translate.source_lang "
            f"and translate.target_lang ({CODE_EXAMPLES})"
        )
    found = {}
    for key, code in (("translate.source_lang", source_lang), ("translate.target_lang", target_lang)):
        token = _language_token(tokenizer, code)
        if token is None:
            raise ModelLoadError(f"{key} = {code!r} is not a language code of {model_id!r} ({CODE_EXAMPLES})")
        found[key] = token
    if hasattr(tokenizer, "src_lang"):
        tokenizer.src_lang = source_lang
    token, token_id = found["translate.target_lang"]
    return LangSetup(source_lang, token, token_id)


def check_summariser(config: Any, model_id: str) -> None:
    if config.model_type in TRANSLATION_TYPES and config.model_type not in SUMMARY_TYPES:
        raise ModelLoadError(
            f"summarise.model = {model_id!r} is a translation model ({config.model_type}); summarisation "
            "needs a BART, PEGASUS or T5/mT5 model"
        )


def summary_prefix(config: Any, setting: str) -> str:
    """T5 checkpoints were trained with "summarize: " before the text; their config says so."""
    if setting != "auto":
        return setting
    params = (getattr(config, "task_specific_params", None) or {}).get("summarization") or {}
    return params.get("prefix") or ""
