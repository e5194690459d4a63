"""Tiny NLLB, M2M100, mBART-50, PEGASUS, T5 and mT5 models, tokenizers made as the hub's are."""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path

from tarjama.tiny_models.texts import ARABIC, ENGLISH, corpus

log = logging.getLogger(__name__)


# Architectures the engine-swap presets use, each with the tokenizer class of its hub models.
ARCHITECTURES = ("nllb", "m2m100", "mbart50", "pegasus", "t5", "mt5")
_LANG_CODES = {"nllb": ["arb_Arab", "eng_Latn"], "m2m100": None, "mbart50": None}


def _spm_folder(folder: Path, lines: list[str], file_name: str, model_type: str, vocab_size: int,
                pad_first: bool) -> Path:
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # PEGASUS and T5 number pad 0, eos 1, unk 2; the fairseq models keep sentencepiece's
    # defaults and shift them in the tokenizer.
    ids = {"pad_id": 0, "eos_id": 1, "unk_id": 2, "bos_id": -1} if pad_first else {}
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "sp"), vocab_size=vocab_size, hard_vocab_limit=False,
        character_coverage=1.0, model_type=model_type, minloglevel=2, **ids,
    )
    (folder / "sp.model").rename(folder / file_name)
    corpus.unlink()
    (folder / "sp.vocab").unlink()
    return folder / file_name


def build_seq2seq(out: Path, arch: str, *, d_model: int = 32, layers: int = 2, heads: int = 2,
                  max_positions: int = 128, seed: int = 0) -> Path:
    """A tiny random model of one of ARCHITECTURES, its tokenizer made the way the hub's
    are (a sentencepiece model read by the transformers tokenizer class of that family)."""
    import torch
    import transformers
    from transformers import AutoTokenizer

    if arch not in ARCHITECTURES:
        raise ValueError(f"unknown architecture {arch!r}; choose one of: {', '.join(ARCHITECTURES)}")
    torch.manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    lines = corpus(ARABIC, 300, seed) + corpus(ENGLISH, 300, seed + 1)
    spec = {
        "nllb": ("NllbTokenizer", "sentencepiece.bpe.model", "bpe", False, "M2M100Config"),
        "m2m100": ("M2M100Tokenizer", "sentencepiece.bpe.model", "bpe", False, "M2M100Config"),
        "mbart50": ("MBart50Tokenizer", "sentencepiece.bpe.model", "bpe", False, "MBartConfig"),
        "pegasus": ("PegasusTokenizer", "spiece.model", "unigram", True, "PegasusConfig"),
        "t5": ("T5Tokenizer", "spiece.model", "unigram", True, "T5Config"),
        "mt5": ("T5Tokenizer", "spiece.model", "unigram", True, "MT5Config"),
    }[arch]
    tokenizer_class, file_name, model_type, pad_first, config_class = spec
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        spm_file = _spm_folder(folder, lines, file_name, model_type, 400, pad_first)
        tok_config: dict = {"tokenizer_class": tokenizer_class, "model_max_length": max_positions}
        if arch == "m2m100":
            import sentencepiece as spm

            sp = spm.SentencePieceProcessor(model_file=str(spm_file))
            vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
            for i in range(sp.get_piece_size()):
                vocab.setdefault(sp.id_to_piece(i), len(vocab))
            (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
            tok_config["language_codes"] = "m2m100"
        if arch == "mbart50":
            tok_config["bos_token"] = "<s>"  # as facebook/mbart-large-50's special_tokens_map
        if arch in ("pegasus", "t5", "mt5"):
            tok_config["extra_ids"] = 0
            tok_config["additional_special_tokens"] = []
        (folder / "tokenizer_config.json").write_text(json.dumps(tok_config), encoding="utf-8")
        tokenizer = AutoTokenizer.from_pretrained(folder)
        if _LANG_CODES.get(arch):
            tokenizer.add_special_tokens({"additional_special_tokens": _LANG_CODES[arch]})
        tokenizer.save_pretrained(out)
    tokenizer = AutoTokenizer.from_pretrained(out)
    vocab_size = len(tokenizer)
    if arch == "m2m100":
        # M2M100 numbers its language tokens after the vocabulary, then 8 "made-up words".
        vocab_size = len(tokenizer.encoder) + len(tokenizer.lang_token_to_id) + tokenizer.num_madeup_words
    common = dict(vocab_size=vocab_size, pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
    if arch == "mbart50":
        common["tokenizer_class"] = "MBart50Tokenizer"  # as facebook/mbart-large-50 states it
    config_cls = getattr(transformers, config_class)
    if arch in ("t5", "mt5"):
        config = config_cls(d_model=d_model, d_kv=d_model // heads, d_ff=d_model * 2, num_layers=layers,
                            num_decoder_layers=layers, num_heads=heads, relative_attention_num_buckets=8,
                            decoder_start_token_id=tokenizer.pad_token_id, tie_word_embeddings=arch == "t5",
                            task_specific_params={"summarization": {"prefix": "summarize: "}} if arch == "t5" else None,
                            **common)
    else:
        # CTranslate2's converter reads these from real mBART and PEGASUS checkpoints.
        norms = {"mbart50": dict(normalize_before=True, normalize_embedding=True, add_final_layer_norm=True),
                 "pegasus": dict(normalize_before=True, normalize_embedding=False, add_final_layer_norm=True)}
        common.update(norms.get(arch, {}))
        config = config_cls(d_model=d_model, encoder_layers=layers, decoder_layers=layers,
                            encoder_attention_heads=heads, decoder_attention_heads=heads, encoder_ffn_dim=d_model * 2,
                            decoder_ffn_dim=d_model * 2, max_position_embeddings=max_positions,
                            decoder_start_token_id=tokenizer.eos_token_id if arch != "pegasus" else tokenizer.pad_token_id,
                            bos_token_id=getattr(tokenizer, "bos_token_id", None), **common)
    from transformers import AutoModelForSeq2SeqLM

    AutoModelForSeq2SeqLM.from_config(config).save_pretrained(out)
    log.info("tiny %s model written to %s (vocab %d)", arch, out, len(tokenizer))
    return out
