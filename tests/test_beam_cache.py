"""The beam-search cache that skips reordering cross-attention, and the encoder output the
scoring pass reuses: both must change nothing but the time taken."""

import pytest
import torch

from seq2seq.beam_cache import beam_cache, generate_kwargs
from translate.registry import get_engine
from tests.engine_build import build

SENTENCES = [
    "أكدت وزارة الدفاع الأميركية بأنها ستواصل التصدي لداعش.",
    "قال.",
    "وقعت الحكومتان مذكرة تفاهم جديدة في العاصمة بغداد يوم الأربعاء (21 أيلول 2022).",
    "وتبلغ مساحة المنطقة 50 ألف كيلومتر مربع.",
]


@pytest.fixture(scope="module")
def marian(tiny_models):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    path = tiny_models["marian"]
    return AutoTokenizer.from_pretrained(path), AutoModelForSeq2SeqLM.from_pretrained(path).eval()


@pytest.mark.parametrize("beams", [2, 4])
def test_same_tokens_as_generate_with_its_own_cache(marian, beams):
    tok, model = marian
    settings = {"num_beams": beams, "max_new_tokens": 12, "no_repeat_ngram_size": 2}
    with torch.inference_mode():
        enc = tok(SENTENCES, return_tensors="pt", padding=True)
        stock = model.generate(**enc, **settings)
        ours = model.generate(**enc, **generate_kwargs(model, settings))
    assert "cache" in generate_kwargs(model, settings)
    assert torch.equal(stock, ours)


def test_no_cache_of_ours_without_beams_or_when_the_config_picks_one(marian):
    _, model = marian
    assert beam_cache(model, 1) is None
    assert "cache" not in generate_kwargs(model, {"num_beams": 1})
    for chosen in ({"use_cache": False}, {"cache_implementation": "static"}):
        assert generate_kwargs(model, {"num_beams": 4, **chosen}) == {"num_beams": 4, **chosen}


def test_scores_equal_an_independent_teacher_forced_pass(marian, tiny_models, caplog):
    tok, model = marian
    settings = {"num_beams": 3, "max_new_tokens": 8, "min_new_tokens": 8}
    engine = build(get_engine("transformers"), model=str(tiny_models["marian"]), device="cpu", generation=settings)
    results = engine.translate(SENTENCES)
    # One batch, run as one: a failure retried sentence by sentence could hide a wrong shape.
    assert "one by one" not in caplog.text
    with torch.inference_mode():
        for sentence, result in zip(SENTENCES, results):
            enc = tok([sentence], return_tensors="pt")
            out = model.generate(**enc, **settings)
            logits = model(**enc, decoder_input_ids=out[:, :-1]).logits
            logp = torch.log_softmax(logits, -1).gather(-1, out[:, 1:].unsqueeze(-1)).squeeze(-1)
            expected = logp.mean().item()
            assert result.text == tok.decode(out[0], skip_special_tokens=True).strip()
            assert result.score == pytest.approx(expected, abs=2e-4)
