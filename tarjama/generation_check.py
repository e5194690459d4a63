"""Generation settings checked before any model loads: what transformers' GenerationConfig
would refuse, and the numbers it lets through unchecked. Settings that passed once with the
installed transformers are remembered in the user cache, so a rerun need not import it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from tarjama.config_error import ConfigError


# Numeric generation settings GenerationConfig.validate lets through unchecked.
_GENERATION_NUMBERS: dict[str, tuple[type | tuple[type, ...], float]] = {
    "num_beams": (int, 1),
    "max_new_tokens": (int, 1),
    "min_new_tokens": (int, 0),
    "max_length": (int, 1),
    "min_length": (int, 0),
    "no_repeat_ngram_size": (int, 0),
    "length_penalty": ((int, float), float("-inf")),
    "repetition_penalty": ((int, float), 0.0),
    "temperature": ((int, float), 0.0),
    "top_k": (int, 0),
    "top_p": ((int, float), 0.0),
}


def check_generation(settings: dict[str, Any], origin: str, table: str, origins: dict[str, str] | None = None) -> None:
    """Reject what GenerationConfig would not accept, before any model is loaded.

    Importing transformers takes over a second, most of a rerun whose articles are all done,
    so settings that passed once with this transformers version are remembered in the user
    cache; anything not remembered is checked in full, and failures are never remembered."""
    token = _passed_token(settings)
    if token is not None and token in _passed_checks():
        return
    _check_generation(settings, origin, table, origins or {})
    if token is not None:
        _remember_passed(token)


def _checks_file() -> Path:
    from seq2seq.user_cache import user_cache_dir

    return user_cache_dir() / "generation-checks.json"


def _passed_token(settings: dict[str, Any]) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        transformers_version = version("transformers")
    except PackageNotFoundError:
        return None
    blob = json.dumps([transformers_version, settings], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def _passed_checks() -> set[str]:
    try:
        return set(json.loads(_checks_file().read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return set()


def _remember_passed(token: str) -> None:
    import os

    path = _checks_file()
    known = sorted(_passed_checks() | {token})[-500:]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(known), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # a read-only cache only costs the check next time
        pass


def _check_generation(settings: dict[str, Any], origin: str, table: str, origins: dict[str, str]) -> None:
    """`origin`: the layer that set the table last; `origins`: the layer that set each key, so
    that an error is blamed on the file (or --set) that made it."""
    from transformers import GenerationConfig

    known = set(GenerationConfig().to_dict())
    for key in settings:
        if key not in known:
            raise ConfigError(
                f"{origins.get(key, origin)}: [{table}] has unknown generation setting {key!r}; "
                "see transformers' GenerationConfig for the valid ones "
                "(num_beams, max_new_tokens, min_new_tokens, length_penalty, no_repeat_ngram_size, ...)"
            )
    for key, value in settings.items():
        kind, floor = _GENERATION_NUMBERS.get(key, (None, None))
        if kind is not None and (
            isinstance(value, bool) or not isinstance(value, kind) or value < floor
        ):
            raise ConfigError(
                f"{origins.get(key, origin)}: [{table}] {key} = {value!r}: must be a number >= {floor}"
            )
    if settings.get("num_return_sequences", 1) != 1:
        raise ConfigError(f"{origins.get('num_return_sequences', origin)}: [{table}] num_return_sequences must be 1: "
                          "tarjama keeps one output per input")
    low, high = settings.get("min_new_tokens"), settings.get("max_new_tokens")
    if low is not None and high is not None and low > high:
        raise ConfigError(f"{origins.get('min_new_tokens', origin)}: [{table}] min_new_tokens = {low} is more than "
                          f"max_new_tokens = {high}")
    from transformers.utils import logging as hf_logging

    # Not strict: a beam-only setting left over when num_beams = 1 (length_penalty, say) is
    # harmless and merely ignored by generate(); real contradictions still raise.
    hf_logging.set_verbosity_error()
    try:
        GenerationConfig(**settings).validate(strict=False)
    except (ValueError, TypeError) as exc:
        detail = " ".join(line.strip(" -") for line in str(exc).splitlines() if line.strip(" -"))
        raise ConfigError(f"{origin}: [{table}] is not a valid generation config: {detail or type(exc).__name__}") from None


