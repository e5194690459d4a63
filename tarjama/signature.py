"""One signature format for everything that says what made an output.

A signature is `tarjama-signature/1 ` followed by compact JSON with sorted keys:

    {"stage": "translate", "engine": "transformers", "model": "...", "revision": "<resolved>",
     "settings": {...what the model is asked and with what...},
     "versions": {"tarjama": "...", "transformers": "..."}}

The stage signatures (translate, summarise, facts) are known from the config alone, before any
model loads, so an article's `models` is the same whether its sentences were translated now or
all came from the cache. The translation cache keys each sentence under the translate signature;
the ledger keeps a short digest of the job signature, which holds the three stage signatures and
the rest of what shapes an article's files; the manifest writes them all out in full.

What is left out on purpose: where a model ran and how work was batched (device, threads, batch
sizes, actors), which change speed, not output. The number after the slash goes up when the
format changes, so an old cache entry or ledger row can never match a new one by accident."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from typing import Any

from seq2seq.loading import resolve_revision

FORMAT = "tarjama-signature/1"

# Per stage, the keys of its section that change where or how fast it runs, never what it writes.
RUNTIME_KEYS = {
    "translate": frozenset({"device", "batch_tokens", "max_batch_sentences", "glossary"}),
    "summarise": frozenset({"device", "batch_size", "batch_tokens"}),
    "facts": frozenset({"device", "batch_size"}),
}
# The library that runs each engine: its upgrades can change outputs, so its version is in.
ENGINE_LIBRARIES = {"transformers": "transformers", "ctranslate2": "ctranslate2"}


def library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _versions(*libraries: str) -> dict[str, str]:
    from tarjama import __version__

    return {"tarjama": __version__, **{name: library_version(name) for name in libraries}}


def _encode(body: dict[str, Any]) -> str:
    return f"{FORMAT} " + json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def parse(signature: str) -> dict[str, Any]:
    """The JSON body of a signature; ValueError for a string of another format."""
    prefix, _, body = signature.partition(" ")
    if prefix != FORMAT:
        raise ValueError(f"not a {FORMAT} signature: {signature[:40]!r}")
    return json.loads(body)


def digest(signature: str) -> str:
    """16 hex characters that change whenever the signature does: what the ledger keeps."""
    return hashlib.sha256(signature.encode("utf-8")).hexdigest()[:16]


def _model_stage(cfg: dict[str, Any], stage: str) -> dict[str, Any]:
    from tarjama.engines import STAGE_KEYS, engine_class, option_names

    section = cfg[stage]
    engine = section.get("engine", "transformers")
    # The engine's own options and the stage's keys: a default the engine never reads (dtype
    # under ctranslate2) changes nothing it writes, so it stays out.
    known = set(option_names(engine_class(stage, engine))) | set(STAGE_KEYS[stage])
    settings = {k: v for k, v in section.items()
                if k in known and k not in RUNTIME_KEYS[stage] and k not in ("engine", "model", "revision")}
    return {
        "stage": stage,
        "engine": engine,
        "model": str(section["model"]),
        "revision": resolve_revision(section["model"], section["revision"]),
        "settings": settings,
        "versions": _versions(ENGINE_LIBRARIES.get(engine, engine)),
    }


def _facts_stage(cfg: dict[str, Any]) -> dict[str, Any]:
    section = cfg["facts"]
    body: dict[str, Any] = {
        "stage": "facts",
        "engine": "tarjama",
        "settings": {k: v for k, v in section.items() if k not in RUNTIME_KEYS["facts"]
                     and k not in ("ar_model", "ar_revision", "en_model", "en_revision")},
        "versions": _versions(),
    }
    if section["entities"]:
        body["engine"] = "transformers"
        body["models"] = {lang: {"model": str(section[f"{lang}_model"]),
                                 "revision": resolve_revision(section[f"{lang}_model"], section[f"{lang}_revision"])}
                          for lang in ("ar", "en")}
        body["versions"] = _versions("transformers")
    return body


def stage_signature(cfg: dict[str, Any], stage: str) -> str:
    """What a stage's output depends on, from the config alone: its settings, its model's
    resolved revision (a local folder's content fingerprint), the versions of tarjama and of
    the engine's library."""
    return _encode(_facts_stage(cfg) if stage == "facts" else _model_stage(cfg, stage))


def job_signature(cfg: dict[str, Any], glossary_fingerprint: str) -> str:
    """What an article's files depend on: the three stage signatures, the output settings and
    the glossary's content. Its digest in the ledger decides which articles a rerun redoes."""
    return _encode({
        "stages": {stage: parse(stage_signature(cfg, stage)) for stage in ("translate", "summarise", "facts")},
        "output": cfg["output"],
        "glossary": glossary_fingerprint,
    })

