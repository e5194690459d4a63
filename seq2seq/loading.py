"""Loading seq2seq models through the ordinary from_pretrained path, with errors that say
what to do. Shared by the translation and summarisation engines.

Only this module and the engine modules import torch or transformers, and only when a model
is actually needed, so the CLI starts instantly and a rerun with nothing to do loads nothing.
"""

from __future__ import annotations

import functools
import logging
import os
import socket
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from seq2seq import cpu_linear, shared_source

log = logging.getLogger(__name__)

DEVICES = ("auto", "cpu", "cuda", "mps")  # and cuda:N, one GPU of several
DTYPES = ("float32", "float16", "bfloat16")  # the transformers engines' weights


class ModelLoadError(Exception):
    """A model could not be loaded; the message is one line naming the model and the fix."""


@dataclass(frozen=True)
class LoadedModel:
    tokenizer: Any
    model: Any
    model_id: str
    revision: str  # the hub commit, or "local:<fingerprint>" for a folder
    device: str
    dtype: str

    @property
    def window(self) -> int:
        """Longest input the model takes, in tokens."""
        limits = [getattr(self.model.config, "max_position_embeddings", None)]
        tok_max = getattr(self.tokenizer, "model_max_length", None)
        # Tokenizers without a limit report a huge sentinel (1e30); ignore it.
        if tok_max and tok_max < 1_000_000:
            limits.append(tok_max)
        found = [int(x) for x in limits if x]
        return min(found) if found else 512


def quiet_transformers() -> None:
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")


def split_device(name: str) -> tuple[str, int | None]:
    """"cuda:1" -> ("cuda", 1); "cpu" -> ("cpu", None)."""
    kind, _, index = name.partition(":")
    return kind, int(index) if index else None


def resolve_device(name: str) -> str:
    import torch

    if name == "auto":
        if torch.cuda.is_available():
            return "cuda"
        if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
            return "mps"
        return "cpu"
    kind, index = split_device(name)
    if kind == "cuda":
        count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        if count == 0:
            raise ModelLoadError(f"device = \"{name}\" but torch sees no CUDA GPU; set device = \"auto\" or \"cpu\"")
        if index is not None and index >= count:
            raise ModelLoadError(f"device = \"{name}\" but torch sees {count} GPU(s), cuda:0 to cuda:{count - 1}; "
                                 "choose one of those")
    return name


def _is_local(model_id: str) -> bool:
    return model_id.startswith(("/", "./", "../", "~")) or Path(model_id).expanduser().exists()


def hub_reachable(timeout: float = 3.0) -> bool:
    """A quick TCP check, so that a machine without network fails in seconds rather than
    after the hub client's minute of retries."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on"):
        return False
    url = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        with socket.create_connection((url.hostname, port), timeout=timeout):
            return True
    except OSError:
        return False


def hub_cache() -> str:
    """The Hugging Face cache folder this process reads (HF_HUB_CACHE, else HF_HOME/hub, else
    ~/.cache/huggingface/hub), as huggingface_hub itself resolves it."""
    from huggingface_hub import constants

    return constants.HF_HUB_CACHE


def _fix(key: str) -> str:
    return (
        f"run `tarjama models pull` on a machine with network (then copy its Hugging Face "
        f"cache into {hub_cache()}, the one in use here), or set {key} to a local model folder"
    )


def load_seq2seq(model_id: str, revision: str, *, key: str, device: str, dtype: str) -> LoadedModel:
    """Load a translation or summarisation model and its tokenizer."""
    loaded = load_model(model_id, revision, key=key, device=device, dtype=dtype, task="seq2seq")
    shared_source.enable(loaded.model)
    return loaded


def _check_task(config: Any, task: str, key: str, model_id: str) -> None:
    if task == "seq2seq" and not getattr(config, "is_encoder_decoder", False):
        raise ModelLoadError(
            f"{key} = {model_id!r} is a {config.model_type} model, not an encoder-decoder "
            "(seq2seq) model; choose a translation or summarisation model"
        )
    if task == "token-classification":
        labels = [str(v) for v in (getattr(config, "id2label", None) or {}).values()]
        if config.is_encoder_decoder or not any(label[:2] in ("B-", "I-") for label in labels):
            raise ModelLoadError(
                f"{key} = {model_id!r} has no B-/I- entity labels ({', '.join(labels[:6]) or 'none'}), "
                "so it is not a named-entity model; choose a token-classification NER model"
            )


@dataclass(frozen=True)
class Source:
    """Where from_pretrained reads a model: a local folder or a hub id, and how."""

    model_id: str
    path: str
    kwargs: dict
    local: bool


def resolve_source(model_id: str, revision: str, key: str) -> Source:
    """Check, before anything heavy, that the model can be had: a folder holding a saved
    model, or a hub id in the local cache or on a reachable hub."""
    if _is_local(model_id):
        path = Path(model_id).expanduser()
        if not path.is_dir():
            raise ModelLoadError(f"{key} = {model_id!r}: no such folder; {_fix(key)}")
        if not (path / "config.json").is_file():
            raise ModelLoadError(
                f"{key} = {model_id!r}: folder has no config.json, so it is not a saved model; "
                f"point {key} at a folder written by save_pretrained or at a hub id"
            )
        return Source(model_id, str(path), {"local_files_only": True}, True)
    kwargs: dict = {"revision": revision}
    if _cached(model_id, revision):
        kwargs["local_files_only"] = True
    elif not hub_reachable():
        raise ModelLoadError(
            f"{key} = {model_id!r} is not in the local Hugging Face cache and the hub "
            f"cannot be reached; {_fix(key)}"
        )
    return Source(model_id, model_id, kwargs, False)


def _load_error(exc: Exception, key: str, model_id: str) -> ModelLoadError:
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return ModelLoadError(f"{key} = {model_id!r} could not be loaded: {first}; {_fix(key)}")


def load_tokenizer_config(model_id: str, revision: str, *, key: str, task: str = "seq2seq") -> tuple[Any, Any, Source]:
    """Tokenizer and config without the weights (engines that run converted weights)."""
    quiet_transformers()
    from transformers import AutoConfig, AutoTokenizer

    source = resolve_source(model_id, revision, key)
    try:
        config = AutoConfig.from_pretrained(source.path, **source.kwargs)
        _check_task(config, task, key, model_id)
        tokenizer = AutoTokenizer.from_pretrained(source.path, **source.kwargs)
    except ModelLoadError:
        raise
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        raise _load_error(exc, key, model_id) from None
    return tokenizer, config, source


def load_model(
    model_id: str, revision: str, *, key: str, device: str, dtype: str, task: str = "seq2seq"
) -> LoadedModel:
    """Load tokenizer and model for `task` ("seq2seq" or "token-classification"). `key` is
    the config key that named the model, for errors."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoModelForTokenClassification

    auto_class = AutoModelForSeq2SeqLM if task == "seq2seq" else AutoModelForTokenClassification
    tokenizer, _config, source = load_tokenizer_config(model_id, revision, key=key, task=task)
    device = resolve_device(device)
    try:
        model = auto_class.from_pretrained(source.path, dtype=getattr(torch, dtype), **source.kwargs)
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        raise _load_error(exc, key, model_id) from None
    model.to(device)
    model.eval()
    try:
        cpu_linear.apply(model, device, dtype)
    except cpu_linear.CpuLinearError as exc:
        raise ModelLoadError(str(exc)) from None
    # For a hub model, the commit of the snapshot just read (through huggingface_hub's public
    # cache lookup, not transformers' private config._commit_hash, which holds the same).
    rev = resolve_revision(model_id, revision)
    log.info("loaded %s (%s) on %s", model_id, rev, device)
    return LoadedModel(tokenizer, model, model_id, rev, device, dtype)


def local_snapshot(source: Source, revision: str, key: str) -> Path:
    """A folder holding the model's files: the folder itself, or its hub snapshot
    (downloaded if the hub is reachable and the cache lacks it)."""
    if source.local:
        return Path(source.path)
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(source.model_id, revision=revision,
                                      local_files_only=source.kwargs.get("local_files_only", False)))
    except Exception as exc:  # noqa: BLE001 - any hub failure becomes one clear line
        raise _load_error(exc, key, source.model_id) from None


# Files larger than this are fingerprinted by size and three 1 MiB samples (start, middle,
# end) rather than read whole: hashing 1.2 GB of distilbart on every run would cost seconds,
# and retrained or re-saved weights differ in every sample (safetensors start with a header
# of tensor offsets; the data follows).
_WHOLE_FILE_LIMIT = 16 * 1024 * 1024
_SAMPLE = 1024 * 1024


def _file_digest(path: Path, size: int) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        if size <= _WHOLE_FILE_LIMIT:
            h.update(fh.read())
        else:
            for offset in (0, size // 2, size - _SAMPLE):
                fh.seek(offset)
                h.update(fh.read(_SAMPLE))
    return h.hexdigest()


def fingerprint(folder: Path) -> str:
    """A hash of a local model folder's contents (config, tokenizer, weights), so a model
    replaced in place under the same path is a different model to the cache and the ledger.
    Names and times do not count: copying a folder keeps its fingerprint."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".") for part in
                                                                         p.relative_to(folder).parts))
    listing = tuple((f.relative_to(folder).as_posix(), f.stat().st_size, f.stat().st_mtime_ns) for f in files)
    return _fingerprint(str(folder), listing)


@functools.lru_cache(maxsize=32)
def _fingerprint(folder: str, listing: tuple[tuple[str, int, int], ...]) -> str:
    """The hash itself, once per process for an unchanged listing: a run asks for it for the
    ledger signature and again for each stage's cache key."""
    import hashlib

    h = hashlib.sha256()
    for name, size, _ in listing:
        h.update(f"{name}:{size}:{_file_digest(Path(folder) / name, size)}\n".encode())
    return h.hexdigest()[:16]


def resolve_revision(model: str, revision: str) -> str:
    """The revision a cache key can trust without loading the model: the hub commit the
    local cache holds for `revision`, or, for a local folder, "local:" and the fingerprint of
    its contents."""
    if _is_local(model):
        path = Path(model).expanduser()
        return "local:" + (fingerprint(path) if path.is_dir() else "missing")
    try:
        from huggingface_hub import try_to_load_from_cache

        found = try_to_load_from_cache(model, "config.json", revision=revision)
    except Exception:  # noqa: BLE001 - no cache information is not an error here
        found = None
    if isinstance(found, str):
        return Path(found).parent.name  # .../snapshots/<commit>/config.json
    return revision


def _cached(model_id: str, revision: str) -> bool:
    """Whether the model's config is in the local hub cache at that revision."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:  # pragma: no cover - transformers always brings huggingface_hub
        return False
    found = try_to_load_from_cache(model_id, "config.json", revision=revision)
    return isinstance(found, str)


def describe(loaded: LoadedModel, engine: str, generation: dict[str, Any], **settings: Any) -> dict:
    """What made an output: engine, model, revision, dtype, generation and other settings."""
    return {
        "engine": engine,
        "model": loaded.model_id,
        "revision": loaded.revision,
        "dtype": loaded.dtype,
        "generation": dict(sorted(generation.items())),
        **settings,
    }
