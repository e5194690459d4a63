"""`tarjama models pull|check`: get the configured models into the local Hugging Face cache,
and say whether each one loads without network."""

from __future__ import annotations

import logging
import os
from typing import Any

from translate.loading import ModelLoadError, load_seq2seq

log = logging.getLogger(__name__)

ROLES = (("translate", "translate.model"), ("summarise", "summarise.model"))


def pull(cfg: dict[str, Any]) -> int:
    from huggingface_hub import snapshot_download

    status = 0
    for role, key in ROLES:
        model, revision = cfg[role]["model"], cfg[role]["revision"]
        if os.path.isdir(os.path.expanduser(model)):
            print(f"{key} = {model}: local folder, nothing to pull")
            continue
        try:
            path = snapshot_download(
                model,
                revision=revision,
                # The weights in one format are enough; skip TF/Flax/ONNX copies.
                allow_patterns=["*.json", "*.safetensors", "*.spm", "*.model", "*.txt", "*.bin"],
            )
        except Exception as exc:  # noqa: BLE001 - report and go on to the next model
            print(f"{key} = {model}: pull failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
            status = 2
            continue
        print(f"{key} = {model}: in the cache at {path}")
    return status


def check(cfg: dict[str, Any]) -> int:
    os.environ["HF_HUB_OFFLINE"] = "1"
    status = 0
    for role, key in ROLES:
        section = cfg[role]
        try:
            loaded = load_seq2seq(section["model"], section["revision"], key=key, device="cpu", dtype="float32")
        except ModelLoadError as exc:
            print(f"{key}: NOT usable offline: {exc}")
            status = 2
            continue
        print(f"{key} = {section['model']}: loads offline ({type(loaded.model).__name__}, revision {loaded.revision})")
    return status
