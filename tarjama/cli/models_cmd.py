"""`tarjama models pull|check`: get the configured models into the local Hugging Face cache,
and say whether each one loads without network."""

from __future__ import annotations

import argparse
import json
import logging
import os
from typing import Any

from seq2seq.loading import ModelLoadError, load_model
from tarjama.cli.common import load_config

log = logging.getLogger(__name__)

def _roles(cfg: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(config key, model, revision, task) of every model the configuration uses."""
    roles = [
        ("translate.model", cfg["translate"]["model"], cfg["translate"]["revision"], "seq2seq"),
        ("summarise.model", cfg["summarise"]["model"], cfg["summarise"]["revision"], "seq2seq"),
    ]
    if cfg["facts"]["entities"]:
        for lang in ("ar", "en"):
            roles.append((f"facts.{lang}_model", cfg["facts"][f"{lang}_model"], cfg["facts"][f"{lang}_revision"],
                          "token-classification"))
    return roles


def pull(cfg: dict[str, Any]) -> int:
    from huggingface_hub import snapshot_download

    status = 0
    for key, model, revision, _task in _roles(cfg):
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


def check(cfg: dict[str, Any], *, as_json: bool = False) -> int:
    """Whether each configured model loads with no network. With `as_json`, one JSON object
    on stdout: {"ok", "models": [{"key", "model", "ok", "class", "revision", "error"}]}."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    results = []
    for key, model, revision, task in _roles(cfg):
        try:
            loaded = load_model(model, revision, key=key, device="cpu", dtype="float32", task=task)
        except ModelLoadError as exc:
            results.append({"key": key, "model": model, "ok": False, "error": str(exc)})
            if not as_json:
                print(f"{key}: NOT usable offline: {exc}")
            continue
        results.append({"key": key, "model": model, "ok": True, "class": type(loaded.model).__name__,
                        "revision": loaded.revision})
        if not as_json:
            print(f"{key} = {model}: loads offline ({type(loaded.model).__name__}, revision {loaded.revision})")
    ok = all(r["ok"] for r in results)
    if as_json:
        print(json.dumps({"ok": ok, "models": results}, ensure_ascii=False, indent=2))
    return 0 if ok else 2


def convert(cfg: dict[str, Any]) -> int:
    """Convert the models of the stages whose engine is ctranslate2, ahead of the job."""
    from tarjama.engines import ct2_dir
    from seq2seq import ct2
    from seq2seq.loading import resolve_revision, resolve_source

    status, converted = 0, 0
    for stage in ("translate", "summarise"):
        section = cfg[stage]
        key = f"{stage}.model"
        if section["engine"] != "ctranslate2":
            print(f"{stage}.engine = {section['engine']!r}: nothing to convert")
            continue
        try:
            source = resolve_source(section["model"], section["revision"], key)
            path = ct2.converted(
                source, section["revision"], resolve_revision(section["model"], section["revision"]),
                section["quantization"], ct2_dir(cfg) or ct2.default_convert_dir(), key,
            )
        except ModelLoadError as exc:
            print(f"{key}: {exc}")
            status = 2
            continue
        converted += 1
        print(f"{key} = {section['model']} ({section['quantization']}): {path}")
    if not converted and status == 0:
        print("no stage uses engine = \"ctranslate2\"; try --preset fast-cpu")
    return status


def command(args: argparse.Namespace) -> int:
    from tarjama.output_folder import check_cache_dir

    cfg = load_config(args)
    if args.action == "convert":
        check_cache_dir(cfg["job"]["cache_dir"])
    if args.action == "check":
        return check(cfg, as_json=getattr(args, "as_json", False))
    return {"pull": pull, "convert": convert}[args.action](cfg)
