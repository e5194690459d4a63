"""Cross-attention filled once per input: the same tokens as transformers' own generate(),
for every architecture it is switched on for, with padding and several beam widths."""

import pytest
import torch
from transformers import AutoModelForSeq2SeqLM
from transformers.modeling_outputs import BaseModelOutput

from seq2seq import shared_source
from seq2seq.beam_cache import generate_kwargs
from seq2seq.loading import load_seq2seq
from tests.engine_build import build

SOURCES = [
    "أكدت وزارة الدفاع الأميركية بأنها ستواصل التصدي لداعش.",
    "قال.",
    "وقعت الحكومتان مذكرة تفاهم جديدة في العاصمة بغداد يوم الأربعاء (21 أيلول 2022).",
]
ENGLISH = [
    "The ministry said on Monday that 50 people were hurt in the city.",
    "Talks resume.",
    "Both governments signed a new memorandum in Baghdad on Wednesday, 21 September 2022.",
]
SHARED = ["marian", "bart", "nllb", "m2m100", "mbart50", "pegasus"]
SUMMARISERS = {"bart", "pegasus"}


def _load(path):
    return load_seq2seq(str(path), "main", key="translate.model", device="cpu", dtype="float32")


@pytest.mark.parametrize("arch", SHARED)
@pytest.mark.parametrize("beams", [2, 4])
def test_same_tokens_as_stock_generate(arch_models, arch, beams):
    ours = _load(arch_models[arch])
    assert shared_source.enabled(ours.model)
    stock = AutoModelForSeq2SeqLM.from_pretrained(arch_models[arch], attn_implementation="sdpa").eval()
    # Beam scores as well as tokens: tiny random models often pick the same tokens whatever
    # the source, but their scores move with every attention weight.
    settings = {"num_beams": beams, "max_new_tokens": 9, "min_new_tokens": 9, "no_repeat_ngram_size": 2,
                "return_dict_in_generate": True, "output_scores": True}
    with torch.inference_mode():
        enc = ours.tokenizer(ENGLISH if arch in SUMMARISERS else SOURCES, return_tensors="pt", padding=True)
        assert (enc["attention_mask"] == 0).any()  # padding is exercised
        expected = stock.generate(**enc, **settings)
        hidden = ours.model.get_encoder()(**enc).last_hidden_state
        kwargs = generate_kwargs(ours.model, settings, hidden)
        got = ours.model.generate(attention_mask=enc["attention_mask"],
                                  encoder_outputs=BaseModelOutput(last_hidden_state=hidden), **kwargs)
    # One row of cross-attention keys per input, not per beam: the sharing happened.
    assert kwargs["cache"].cross_attention_cache.layers[0].keys.shape[0] == len(SOURCES)
    assert torch.equal(got.sequences, expected.sequences)
    torch.testing.assert_close(got.sequences_scores, expected.sequences_scores)


def test_summariser_engine_output_unchanged(arch_models):
    """The real summariser path against stock generate() on the same chunks."""
    from summarise.registry import get_engine

    settings = {"num_beams": 4, "min_new_tokens": 6, "max_new_tokens": 6}
    engine = build(get_engine("transformers"), model=str(arch_models["bart"]), device="cpu", generation=settings)
    texts = ENGLISH[:2]
    stock = AutoModelForSeq2SeqLM.from_pretrained(arch_models["bart"], attn_implementation="sdpa").eval()
    tok = engine._m.tokenizer
    with torch.inference_mode():
        expected = tok.batch_decode(stock.generate(**tok(texts, return_tensors="pt", padding=True), **settings),
                                    skip_special_tokens=True)
    assert engine._generate(texts) == [t.strip() for t in expected]


def test_other_models_and_attentions_keep_transformers_path(arch_models):
    assert not shared_source.enabled(_load(arch_models["t5"]).model)
    eager = AutoModelForSeq2SeqLM.from_pretrained(arch_models["marian"], attn_implementation="eager")
    assert not shared_source.enable(eager)
    assert eager.config._attn_implementation == "eager"
