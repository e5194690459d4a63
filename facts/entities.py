"""People, organisations and places from token-classification (NER) models.

The model tags sub-word tokens with B-/I- labels; `spans_from_labels` (pure) turns them into
character spans of the sentence, so `text` is always the span as written. Long sentences
are cut into overlapping-free windows by the fast tokenizer, never truncated.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any, Sequence

from seq2seq.loading import ModelLoadError, load_model

log = logging.getLogger(__name__)

# Label suffixes of the common NER schemes (CoNLL, ANERCorp/CAMeL, OntoNotes) -> fact kind.
KINDS = {
    "PER": "people", "PERS": "people", "PERSON": "people",
    "ORG": "organisations", "ORGANIZATION": "organisations", "NORP": None,
    "LOC": "places", "GPE": "places", "FAC": "places", "LOCATION": "places",
}


def spans_from_labels(
    offsets: Sequence[tuple[int, int]], labels: Sequence[str], text: str
) -> list[tuple[str, int, int]]:
    """(kind, start, end) for each entity. A token that continues a word (no gap before it)
    stays in the current entity whatever its own label, so a word is never cut in two."""
    spans: list[tuple[str, int, int]] = []
    current: list | None = None  # [kind, start, end]
    prev_end = -1
    for (start, end), label in zip(offsets, labels):
        if start == end:  # special tokens carry (0, 0)
            continue
        continues_word = start == prev_end and start > 0 and not text[start - 1].isspace() and _wordish(text[start])
        prev_end = end
        if continues_word and current is not None:
            current[2] = end
            continue
        prefix, _, tag = label.partition("-")
        kind = KINDS.get(tag.upper()) if tag else None
        if kind and prefix == "I" and current is not None and current[0] == kind:
            current[2] = end
            continue
        if current is not None:
            spans.append(tuple(current))
            current = None
        if kind and prefix in ("B", "I"):
            current = [kind, start, end]
    if current is not None:
        spans.append(tuple(current))
    return [_trim(span, text) for span in spans if _trim(span, text)[1] < _trim(span, text)[2]]


def _wordish(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _trim(span: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    """Drop punctuation a tokenizer glued to the ends of an entity (quotes, commas)."""
    kind, start, end = span
    while start < end and not _wordish(text[start]):
        start += 1
    while end > start and not _wordish(text[end - 1]):
        end -= 1
    return kind, start, end


class EntityTagger:
    def __init__(self, *, model: str, revision: str = "main", device: str = "auto", batch_size: int = 32,
                 key: str = "facts.model") -> None:
        self._m = load_model(model, revision, key=key, device=device, dtype="float32", task="token-classification")
        if not getattr(self._m.tokenizer, "is_fast", False):
            raise ModelLoadError(f"{key} = {model!r}: its tokenizer gives no character offsets; choose a model with a fast tokenizer")
        self.batch_size = batch_size
        self.labels = self._m.model.config.id2label

    def describe(self) -> dict:
        return {"model": self._m.model_id, "revision": self._m.revision}

    def tag(self, sentences: Sequence[str]) -> list[list[tuple[str, str]]]:
        """[(kind, text), ...] per sentence, in order of appearance."""
        out: list[list[tuple[str, str]]] = [[] for _ in sentences]
        for start in range(0, len(sentences), self.batch_size):
            batch = list(sentences[start : start + self.batch_size])
            for index, spans in self._tag(batch):
                out[start + index].extend(spans)
        return out

    def _tag(self, batch: list[str]) -> list[tuple[int, list[tuple[str, str]]]]:
        import torch

        enc = self._m.tokenizer(
            batch, return_offsets_mapping=True, return_overflowing_tokens=True, truncation=True,
            max_length=min(self._m.window, 512), padding=True, return_tensors="pt",
        )
        offsets = enc.pop("offset_mapping").tolist()
        owners = enc.pop("overflow_to_sample_mapping").tolist()
        inputs = {k: v.to(self._m.device) for k, v in enc.items() if k in ("input_ids", "attention_mask", "token_type_ids")}
        with torch.inference_mode():
            predicted = self._m.model(**inputs).logits.argmax(-1).tolist()
        results: list[tuple[int, list[tuple[str, str]]]] = []
        for row, owner in enumerate(owners):
            text = batch[owner]
            labels = [self.labels[i] for i in predicted[row]]
            mask = enc["attention_mask"][row].tolist()
            pairs = [(tuple(o), lab) for o, lab, m in zip(offsets[row], labels, mask) if m]
            spans = spans_from_labels([p[0] for p in pairs], [p[1] for p in pairs], text)
            results.append((owner, [(kind, text[s:e]) for kind, s, e in spans]))
        return results


def load_taggers(section: dict[str, Any]) -> dict[str, EntityTagger]:
    return {
        lang: EntityTagger(
            model=section[f"{lang}_model"], revision=section[f"{lang}_revision"], device=section["device"],
            batch_size=section["batch_size"], key=f"facts.{lang}_model",
        )
        for lang in ("ar", "en")
    }
