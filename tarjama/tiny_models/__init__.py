"""Random-weight models of the real architectures, built offline.

No model hub is reachable from CI or from many users' build machines, yet the code must be
exercised through the ordinary ``from_pretrained`` path. These builders train a tokenizer on
a few hundred lines, make a model from a config of the real architecture, and save both with
``save_pretrained`` so that ``AutoTokenizer``/``AutoModelForSeq2SeqLM`` load them back exactly
as they would a hub checkpoint. Random weights translate nothing: they prove plumbing, never
quality.

    python -m tarjama.tiny_models OUT_DIR   # writes OUT_DIR/{marian,bart,ner-ar,ner-en}
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from tarjama.tiny_models.architectures import ARCHITECTURES, build_seq2seq
from tarjama.tiny_models.marian_bart import build_bart, build_marian
from tarjama.tiny_models.ner import NER_LABELS, build_bert_ner

__all__ = ["ARCHITECTURES", "NER_LABELS", "build_bart", "build_bert_ner", "build_marian", "build_seq2seq", "main"]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tarjama.tiny_models OUT_DIR", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    root = Path(args[0])
    build_marian(root / "marian")
    build_bart(root / "bart")
    build_bert_ner(root / "ner-ar", lang="ar")
    build_bert_ner(root / "ner-en", lang="en")
    print(
        f"translate.model = {root / 'marian'}\nsummarise.model = {root / 'bart'}\n"
        f"facts.ar_model = {root / 'ner-ar'}\nfacts.en_model = {root / 'ner-en'}"
    )
    return 0

