"""CTranslate2 plumbing shared by the translation and summarisation engines: conversion with
CTranslate2's own converter into a cache keyed by model, revision and quantisation; device
and compute type; generation settings in CTranslate2's terms."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seq2seq.loading import ModelLoadError, Source, local_snapshot, quiet_transformers

log = logging.getLogger(__name__)

QUANTIZATIONS = ("int8", "int8_float32", "int8_float16", "int8_bfloat16", "float16", "bfloat16", "float32")
GPU_ONLY = ("float16", "bfloat16", "int8_float16", "int8_bfloat16")

# transformers' generate() setting -> translate_batch() argument.
_SETTINGS = {
    "num_beams": "beam_size",
    "max_new_tokens": "max_decoding_length",
    "min_new_tokens": "min_decoding_length",
    "length_penalty": "length_penalty",
    "no_repeat_ngram_size": "no_repeat_ngram_size",
    "repetition_penalty": "repetition_penalty",
    "top_k": "sampling_topk",
    "top_p": "sampling_topp",
    "temperature": "sampling_temperature",
}
# Settings CTranslate2 has no use for, or that tarjama sets itself.
_HARMLESS = {"early_stopping", "do_sample", "forced_bos_token_id", "forced_eos_token_id", "max_length", "min_length",
             "num_return_sequences", "use_cache", "decoder_start_token_id", "bos_token_id", "eos_token_id", "pad_token_id"}


def options(generation: dict[str, Any], defaults: Any, key: str) -> dict[str, Any]:
    """translate_batch() keyword arguments: the model's generation_config.json, overlaid by
    the `generation` table. Unknown settings are an error, not silently dropped."""
    unsupported = sorted(set(generation) - set(_SETTINGS) - _HARMLESS)
    if unsupported:
        raise ModelLoadError(
            f"[{key}] {', '.join(unsupported)}: not supported by the ctranslate2 engine; supported: "
            f"{', '.join(sorted(_SETTINGS))} (or use engine = \"transformers\")"
        )
    merged: dict[str, Any] = {}
    if defaults is not None:
        for name in ("num_beams", "length_penalty", "no_repeat_ngram_size", "repetition_penalty"):
            value = getattr(defaults, name, None)
            if value is not None:
                merged[name] = value
        # max_length/min_length count the decoder's start token; *_new_tokens do not.
        if getattr(defaults, "max_length", None) and "max_new_tokens" not in generation:
            merged["max_new_tokens"] = max(1, defaults.max_length - 1)
        if getattr(defaults, "min_length", None) and "min_new_tokens" not in generation:
            merged["min_new_tokens"] = max(0, defaults.min_length - 1)
    merged.update({k: v for k, v in generation.items() if k in _SETTINGS})
    out = {_SETTINGS[k]: v for k, v in merged.items()}
    if generation.get("do_sample"):
        out.setdefault("sampling_topk", 50)
    else:
        for name in ("sampling_topk", "sampling_topp", "sampling_temperature"):
            out.pop(name, None)
    out.setdefault("max_decoding_length", 256)
    return out


def device_and_compute(device: str, quantization: str, key: str) -> tuple[str, int]:
    """CTranslate2's (device, device_index) for a configured device such as "cuda:1"."""
    import ctranslate2

    from seq2seq.loading import split_device

    kind, index = split_device(device)
    if kind == "mps":
        raise ModelLoadError(f"{key}: the ctranslate2 engine cannot use Apple MPS; set device = \"cpu\" or \"auto\"")
    gpus = ctranslate2.get_cuda_device_count()
    if kind == "auto":
        kind = "cuda" if gpus else "cpu"
    if kind == "cuda" and not gpus:
        raise ModelLoadError(f"{key}: device = \"{device}\" but CTranslate2 sees no CUDA GPU; set device = \"auto\" or \"cpu\"")
    if kind == "cuda" and index is not None and index >= gpus:
        raise ModelLoadError(f"{key}: device = \"{device}\" but CTranslate2 sees {gpus} GPU(s), cuda:0 to cuda:{gpus - 1}")
    if kind == "cpu" and quantization in GPU_ONLY:
        raise ModelLoadError(
            f"{key}: quantization = \"{quantization}\" needs a GPU; on the CPU use \"int8\", \"int8_float32\" or \"float32\""
        )
    return kind, index or 0


def converted(source: Source, revision: str, resolved_revision: str, quantization: str, folder: Path, key: str) -> Path:
    """The CTranslate2 model for this source, converting it on first use. Conversion writes
    to a temporary folder renamed into place, so a killed conversion is redone, not used."""
    storage = "int8" if quantization == "int8_float32" else quantization
    digest = hashlib.sha256(f"{source.model_id}\n{resolved_revision}\n{storage}".encode()).hexdigest()[:16]
    name = re.sub(r"[^\w.-]+", "-", source.model_id).strip("-")[-60:]
    target = folder / f"{name}-{storage}-{digest}"
    if (target / "model.bin").is_file():
        return target
    from ctranslate2.converters import TransformersConverter

    quiet_transformers()
    folder.mkdir(parents=True, exist_ok=True)
    snapshot = local_snapshot(source, revision, key)
    tmp = folder / f".{target.name}.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    log.info("converting %s to CTranslate2 (%s) in %s", source.model_id, storage, target)
    try:
        TransformersConverter(str(snapshot)).convert(str(tmp), quantization=storage, force=True)
    except Exception as exc:  # noqa: BLE001 - the converter raises many kinds; one line for all
        shutil.rmtree(tmp, ignore_errors=True)
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ModelLoadError(f"{key} = {source.model_id!r}: CTranslate2 cannot convert it: {first}") from None
    # The tokenizer goes beside the weights now, while transformers is loaded anyway.
    _keep_tokenizer(*_from_transformers(source.model_id, revision, key, source), tmp)
    if target.exists():  # another process finished first
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        os.replace(tmp, target)
    return target


def default_convert_dir() -> Path:
    from seq2seq.user_cache import user_cache_dir

    return user_cache_dir() / "ct2"


def split_threads(threads: int, device: str) -> tuple[int, int]:
    """(batches run at once, threads per batch) for a caller that submits several batches
    together. Small batches of beam search keep one core busy better than they split across
    two: on the 2-core bench machine two one-thread workers translated the quick corpus in
    7.9-9.1 s where one two-thread worker took 10.3-10.7 s. A GPU runs one batch at a time."""
    if device != "cpu" or threads < 2:
        return 1, max(1, threads)
    intra = max(1, threads // 4)
    return threads // intra, intra


@dataclass(frozen=True)
class Ct2Model:
    tokenizer: Any
    config: Any  # the hub model's transformers config
    revision: str  # "local:<fingerprint>", or the resolved hub revision
    translator: Any  # ctranslate2.Translator (BART-family summarisers are seq2seq too)
    parallel: int  # batches the translator runs at once (its inter_threads)
    options: dict  # translate_batch() keyword arguments
    window: int  # longest input in tokens


def _from_transformers(model: str, revision: str, key: str, source: Source) -> tuple[Any, Any, Any]:
    from transformers import GenerationConfig

    from seq2seq.loading import load_tokenizer_config

    tokenizer, config, _ = load_tokenizer_config(model, revision, key=key)
    try:
        defaults = GenerationConfig.from_pretrained(source.path, **source.kwargs)
    except OSError:
        defaults = None
    return tokenizer, config, defaults


def _keep_tokenizer(tokenizer: Any, config: Any, defaults: Any, path: Path) -> None:
    from seq2seq import ct2_tokenizer

    try:
        ct2_tokenizer.save(tokenizer, config, defaults, path)
    except OSError as exc:  # a read-only cache still runs, just without the shortcut
        log.warning("could not keep the tokenizer beside %s: %s", path, exc)


def open_model(*, model: str, revision: str, device: str, quantization: str, convert_dir: Path | None,
               threads: int, generation: dict[str, Any], key: str, table: str, parallel: bool = False) -> Ct2Model:
    """The whole CTranslate2 set-up both engines share: tokenizer and config from the hub
    model, conversion on first use, generation defaults from the model's own
    generation_config.json, and the translator on its device."""
    try:
        import ctranslate2
    except ImportError:
        raise ModelLoadError("engine = \"ctranslate2\" needs the ctranslate2 package: pip install 'tarjama[ct2]'") from None
    from seq2seq import ct2_tokenizer
    from seq2seq.loading import resolve_revision, resolve_source

    source = resolve_source(model, revision, key)
    device, device_index = device_and_compute(device, quantization, key)
    resolved = resolve_revision(model, revision)
    path = converted(source, revision, resolved, quantization, convert_dir or default_convert_dir(), key)
    # From the snapshot beside the converted weights, without transformers (and torch);
    # the first time, from transformers, and the snapshot is written for next time.
    snapshot = ct2_tokenizer.load(path)
    if snapshot is None:  # converted by an older tarjama, or a model without a twin
        tokenizer, config, defaults = _from_transformers(model, revision, key, source)
        _keep_tokenizer(tokenizer, config, defaults, path)
    else:
        tokenizer, config, defaults = snapshot
    inter, intra = split_threads(threads, device) if parallel else (1, threads)
    translator = ctranslate2.Translator(str(path), device=device, device_index=device_index,
                                        compute_type=quantization, inter_threads=inter, intra_threads=intra)
    window = min(getattr(config, "max_position_embeddings", None) or 512,
                 getattr(tokenizer, "model_max_length", None) or 10**9)
    return Ct2Model(tokenizer, config, resolved, translator, inter,
                    options(generation, defaults, table), window)
