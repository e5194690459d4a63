"""The tokenizer, config and generation defaults a converted CTranslate2 model needs, kept
beside it so that later runs need neither transformers nor torch.

A fast-cpu job used transformers only to tokenise, and transformers 5 imports torch to do
that: 3.2 s of `import torch` and about 225 MB on the 2-core bench machine, for a job whose
models run in CTranslate2. When a model is converted (or first opened after an older
conversion) tarjama writes a snapshot taken from the transformers tokenizer itself:

- Marian (opus-mt) with one shared vocabulary: the SentencePiece model and vocab.json, read
  back with `sentencepiece` and mapped to ids the way MarianTokenizer does;
- a fast tokenizer (BART's byte-level BPE): its own serialised `tokenizer.json`, read back
  with `tokenizers`, the library transformers wraps.

Tests compare both with the transformers tokenizer on the same strings. Any other model
keeps the transformers tokenizer. A snapshot names the transformers version it was taken
with; after an upgrade it is taken again, as tokenizers do change between versions.
"""

from __future__ import annotations

import json
import logging
import os
from importlib import metadata
import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

log = logging.getLogger(__name__)

FOLDER = "tarjama-tokenizer"
FORMAT = 1
_TYPES = {"marian": "marian", "bart": "fast"}


def save(tokenizer: Any, config: Any, generation: Any, model_dir: Path) -> bool:
    """Write the snapshot into `model_dir`; False (and nothing written) when this model's
    tokenizer has no transformers-free twin here."""
    kind = _TYPES.get(getattr(config, "model_type", ""))
    if kind == "marian" and (getattr(tokenizer, "separate_vocabs", True) or not hasattr(tokenizer, "spm_files")):
        return False
    if kind == "fast" and not hasattr(tokenizer, "backend_tokenizer"):
        return False
    if kind is None:
        return False
    tmp = model_dir / f".{FOLDER}.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    meta = {
        "format": FORMAT,
        "transformers": _transformers_version(),
        "kind": kind,
        "config": config.to_dict(),
        "generation": generation.to_dict() if generation is not None else None,
        "special_tokens": list(tokenizer.all_special_tokens),
        "special_ids": list(tokenizer.all_special_ids),
        "unk_token": tokenizer.unk_token,
        "unk_id": tokenizer.unk_token_id,
        "eos_id": tokenizer.eos_token_id,
        "clean_up": _cleans_up(tokenizer),
        "model_max_length": tokenizer.model_max_length,
        "num_special": tokenizer.num_special_tokens_to_add(),
    }
    if kind == "marian":
        shutil.copyfile(tokenizer.spm_files[0], tmp / "source.spm")
        (tmp / "vocab.json").write_text(json.dumps(tokenizer.encoder, ensure_ascii=False), encoding="utf-8")
    else:
        tokenizer.backend_tokenizer.save(str(tmp / "tokenizer.json"))
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, default=str), encoding="utf-8")
    target = model_dir / FOLDER
    if target.exists():  # stale (another transformers), or another process wrote it first
        old = model_dir / f".{FOLDER}.{os.getpid()}.old"
        shutil.rmtree(old, ignore_errors=True)
        os.replace(target, old)
        shutil.rmtree(old, ignore_errors=True)
    os.replace(tmp, target)
    return True


def _transformers_version() -> str | None:
    try:
        return metadata.version("transformers")  # reads the package metadata, imports nothing
    except metadata.PackageNotFoundError:
        return None


def _cleans_up(tokenizer: Any) -> bool:
    """Whether decode() removes spaces before punctuation. Asked of the tokenizer itself:
    transformers 5 ignores the config's flag for BPE tokenizers, so the flag alone says little."""
    ids = tokenizer("a , b . c 's", add_special_tokens=False)["input_ids"]
    return tokenizer.decode(ids) != tokenizer.decode(ids, clean_up_tokenization_spaces=False)


def load(model_dir: Path) -> tuple[Any, Any, Any] | None:
    """(tokenizer, config, generation defaults) from the snapshot, or None where there is none."""
    folder = model_dir / FOLDER
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("format") != FORMAT or meta.get("transformers") != _transformers_version():
        return None
    tokenizer = MarianPieces(folder, meta) if meta["kind"] == "marian" else FastPieces(folder, meta)
    generation = SimpleNamespace(**meta["generation"]) if meta["generation"] is not None else None
    return tokenizer, SimpleNamespace(**meta["config"]), generation


class _Pieces:
    """The part of a transformers tokenizer's interface the CTranslate2 engines use."""

    def __init__(self, meta: dict) -> None:
        self.unk_token, self.unk_token_id, self.eos_token_id = meta["unk_token"], meta["unk_id"], meta["eos_id"]
        self.model_max_length = meta["model_max_length"]
        self.all_special_tokens = meta["special_tokens"]
        self._special_ids = set(meta["special_ids"])
        self._clean_up = meta["clean_up"]
        self._num_special = meta["num_special"]

    def __call__(self, text: str, truncation: bool = False, add_special_tokens: bool = True) -> dict:
        return {"input_ids": self.encode(text, add_special_tokens)}

    def num_special_tokens_to_add(self) -> int:
        return self._num_special

    def decode(self, ids: list[int], skip_special_tokens: bool = False) -> str:
        if skip_special_tokens:
            ids = [i for i in ids if i not in self._special_ids]
        text = self._decode(ids)
        return clean_up_spaces(text) if self._clean_up else text

    def encode(self, text: str, add_special_tokens: bool) -> list[int]:
        raise NotImplementedError

    def _decode(self, ids: list[int]) -> str:
        raise NotImplementedError


class MarianPieces(_Pieces):
    """MarianTokenizer's encoding with a shared vocabulary: special tokens kept whole, an
    optional >>lang<< code, SentencePiece pieces mapped through vocab.json (unknown pieces
    to <unk>), then </s>."""

    def __init__(self, folder: Path, meta: dict) -> None:
        import sentencepiece

        super().__init__(meta)
        self._spm = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self._vocab: dict[str, int] = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        self._pieces = {i: p for p, i in self._vocab.items()}
        specials = sorted(self.all_special_tokens, key=len, reverse=True)
        self._split = re.compile("(" + "|".join(re.escape(s) for s in specials) + ")") if specials else None

    def tokenize(self, text: str) -> list[str]:
        chunks = self._split.split(text) if self._split else [text]
        tokens: list[str] = []
        for chunk in chunks:
            if not chunk:
                continue
            if chunk in self.all_special_tokens:
                tokens.append(chunk)
                continue
            code = []
            if chunk.startswith(">>") and (end := chunk.find("<<")) != -1:
                code, chunk = [chunk[: end + 2]], chunk[end + 2:]
            tokens += code + self._spm.encode(chunk, out_type=str)
        return tokens

    def encode(self, text: str, add_special_tokens: bool = True) -> list[int]:
        ids = self.convert_tokens_to_ids(self.tokenize(text))
        return ids + [self.eos_token_id] if add_special_tokens else ids

    def convert_tokens_to_ids(self, tokens: list[str]) -> list[int]:
        return [self._vocab.get(t, self.unk_token_id) for t in tokens]

    def convert_ids_to_tokens(self, ids: list[int]) -> list[str]:
        return [self._pieces.get(i, self.unk_token) for i in ids]

    def _decode(self, ids: list[int]) -> str:
        # Special tokens that were not skipped stay as they are, each followed by a space.
        out, run = "", []
        for token in self.convert_ids_to_tokens(ids):
            if token in self.all_special_tokens:
                out += self._spm.decode_pieces(run) + token + " "
                run = []
            else:
                run.append(token)
        out += self._spm.decode_pieces(run)
        return out.replace("\u2581", " ").strip()


class FastPieces(_Pieces):
    """A transformers fast tokenizer's own tokenizer.json, through `tokenizers`."""

    def __init__(self, folder: Path, meta: dict) -> None:
        from tokenizers import Tokenizer

        super().__init__(meta)
        self._tok = Tokenizer.from_file(str(folder / "tokenizer.json"))

    def encode(self, text: str, add_special_tokens: bool = True) -> list[int]:
        return self._tok.encode(text, add_special_tokens=add_special_tokens).ids

    def convert_tokens_to_ids(self, tokens: list[str]) -> list[int]:
        ids = (self._tok.token_to_id(t) for t in tokens)
        return [self.unk_token_id if i is None else i for i in ids]

    def convert_ids_to_tokens(self, ids: list[int]) -> list[str]:
        return [self._tok.id_to_token(i) for i in ids]

    def _decode(self, ids: list[int]) -> str:
        return self._tok.decode(ids, skip_special_tokens=False)


_CLEAN = [(" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"), (" 'm", "'m"),
          (" 's", "'s"), (" 've", "'ve"), (" 're", "'re")]


def clean_up_spaces(text: str) -> str:
    """transformers' clean_up_tokenization_spaces: no space before punctuation and English
    contractions (applied when the tokenizer's config asks for it)."""
    for old, new in _CLEAN:
        text = text.replace(old, new)
    return text
