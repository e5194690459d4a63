"""Tiny Marian (opus-mt layout) and BART (distilbart layout) models."""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path

from tarjama.tiny_models.texts import ARABIC, ENGLISH, corpus, train_spm

log = logging.getLogger(__name__)


def build_marian(
    out: Path,
    *,
    d_model: int = 32,
    layers: int = 2,
    heads: int = 2,
    ffn: int = 64,
    max_positions: int = 128,
    spm_vocab: int = 300,
    extra_vocab: int = 0,
    seed: int = 0,
    generation: dict | None = None,
    source_lines: list[str] | None = None,
    source_spm: tuple[str, int] = ("unigram", 0),
) -> Path:
    """A Marian translator laid out like Helsinki-NLP/opus-mt-ar-en (shared vocab.json,
    source.spm and target.spm, pad = decoder start = last id, eos = 0).

    ``extra_vocab`` pads the vocabulary with unused entries so that a benchmark can reach the
    real model's 62834 rows and so pay the real output-projection cost. ``source_spm`` is the
    source tokenizer's (model type, vocabulary size; 0 = spm_vocab).
    """
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    torch.manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # A benchmark passes its own corpus so that token counts per sentence are realistic.
        src = train_spm(source_lines or corpus(ARABIC, 400, seed), Path(tmp) / "source",
                        source_spm[1] or spm_vocab, source_spm[0])
        tgt = train_spm(corpus(ENGLISH, 400, seed + 1), Path(tmp) / "target", spm_vocab)
        vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
        import sentencepiece as spm

        english: set[str] = set()
        for model_file in (src, tgt):
            sp = spm.SentencePieceProcessor(model_file=str(model_file))
            for i in range(sp.get_piece_size()):
                vocab.setdefault(sp.id_to_piece(i), len(vocab))
                if model_file == tgt:
                    english.add(sp.id_to_piece(i))
        for i in range(extra_vocab - len(vocab) - 1):
            vocab[f"<unused{i}>"] = len(vocab)
        vocab["<pad>"] = len(vocab)
        vocab_file = Path(tmp) / "vocab.json"
        vocab_file.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(
            source_spm=str(src),
            target_spm=str(tgt),
            vocab=str(vocab_file),
            model_max_length=max_positions,
        )
        tokenizer.save_pretrained(out)
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
    )
    model = MarianMTModel(config)
    if extra_vocab:
        import torch

        # The padding entries exist to pay the real output projection's cost; a strong
        # negative bias keeps a random model to the English pieces, so that its output
        # decodes to word-like English of a realistic length for the summariser.
        with torch.no_grad():
            real = [i for token, i in vocab.items() if token in english or token == "</s>"]
            bias = torch.full_like(model.final_logits_bias, -1e4)
            bias[:, real] = 0
            model.final_logits_bias.copy_(bias)
    if generation:
        for name, value in generation.items():
            setattr(model.generation_config, name, value)
    model.save_pretrained(out)
    log.info("tiny Marian model written to %s (vocab %d)", out, len(vocab))
    return out


def build_bart(
    out: Path,
    *,
    d_model: int = 32,
    encoder_layers: int = 2,
    decoder_layers: int = 1,
    heads: int = 2,
    ffn: int = 64,
    max_positions: int = 128,
    bpe_vocab: int = 400,
    extra_vocab: int = 0,
    seed: int = 0,
    generation: dict | None = None,
) -> Path:
    """A BART summariser laid out like sshleifer/distilbart-cnn-12-6 (byte-level BPE with
    vocab.json and merges.txt, <s>=0 <pad>=1 </s>=2 <unk>=3 <mask> last)."""
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    torch.manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        corpus(ENGLISH, 400, seed + 2),
        vocab_size=bpe_vocab,
        min_frequency=1,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
        show_progress=False,
    )
    with tempfile.TemporaryDirectory() as tmp:
        bpe.save_model(tmp)
        vocab = json.loads((Path(tmp) / "vocab.json").read_text(encoding="utf-8"))
        for i in range(extra_vocab - len(vocab) - 1):
            vocab[f"<unused{i}>"] = len(vocab)
        vocab["<mask>"] = len(vocab)
        (Path(tmp) / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
        tokenizer = BartTokenizer(
            vocab=str(Path(tmp) / "vocab.json"),
            merges=str(Path(tmp) / "merges.txt"),
            model_max_length=max_positions,
        )
        tokenizer.save_pretrained(out)
    config = BartConfig(
        vocab_size=len(vocab),
        d_model=d_model,
        encoder_layers=encoder_layers,
        decoder_layers=decoder_layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
        # CTranslate2's converter reads these; distilbart-cnn-12-6 has these values.
        normalize_before=False,
        normalize_embedding=True,
        add_final_layer_norm=False,
    )
    model = BartForConditionalGeneration(config)
    if extra_vocab:
        # As for Marian: pay the full output projection, emit only real pieces.
        with torch.no_grad():
            bias = torch.full_like(model.final_logits_bias, -1e4)
            bias[:, [i for token, i in vocab.items() if not token.startswith("<unused")]] = 0
            model.final_logits_bias.copy_(bias)
    if generation:
        for name, value in generation.items():
            setattr(model.generation_config, name, value)
    model.save_pretrained(out)
    log.info("tiny BART model written to %s (vocab %d)", out, len(vocab))
    return out
