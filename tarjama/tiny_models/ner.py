"""A tiny BERT token classifier laid out like the hub NER models."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from tarjama.tiny_models.texts import ARABIC, ENGLISH, corpus

log = logging.getLogger(__name__)


NER_LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")


def build_bert_ner(
    out: Path,
    *,
    lang: str = "ar",
    hidden: int = 32,
    layers: int = 1,
    heads: int = 2,
    max_positions: int = 128,
    vocab_size: int = 400,
    seed: int = 0,
) -> Path:
    """A BERT token classifier with CoNLL-style labels and a fast WordPiece tokenizer, laid
    out like the hub NER models (dslim/bert-base-NER, CAMeL-Lab's Arabic NER)."""
    import torch
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    torch.manual_seed(seed)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # Arabic diacritics are meaningful: no accent stripping, no lower-casing.
    wordpiece = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    wordpiece.train_from_iterator(
        corpus(ARABIC if lang == "ar" else ENGLISH, 300, seed + 3),
        vocab_size=vocab_size,
        special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"],
        show_progress=False,
    )
    with tempfile.TemporaryDirectory() as tmp:
        wordpiece.save_model(tmp)
        tokenizer = BertTokenizer(
            vocab_file=str(Path(tmp) / "vocab.txt"),
            do_lower_case=False,
            strip_accents=False,
            model_max_length=max_positions,
        )
        tokenizer.save_pretrained(out)
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=hidden,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        intermediate_size=hidden * 2,
        max_position_embeddings=max_positions,
        id2label=dict(enumerate(NER_LABELS)),
        label2id={label: i for i, label in enumerate(NER_LABELS)},
    )
    BertForTokenClassification(config).save_pretrained(out)
    log.info("tiny BERT NER model (%s) written to %s", lang, out)
    return out
