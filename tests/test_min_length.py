"""The in-place minimum-length processor gives generate() exactly the tokens and beam scores
of transformers' own two processors, and stands aside where order would matter."""

import pytest
import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

from seq2seq.min_length import EosBan, lighter_min_length

TEXTS = {
    "marian": ["أكدت وزارة الدفاع الأميركية بأنها ستواصل التصدي لداعش.", "قال."],
    "bart": ["The ministry said on Monday that 50 people were hurt in the city.", "Talks resume."],
}


@pytest.fixture(scope="module")
def loaded(tiny_models):
    return {name: (AutoTokenizer.from_pretrained(tiny_models[name]),
                   AutoModelForSeq2SeqLM.from_pretrained(tiny_models[name]).eval()) for name in TEXTS}


CASES = [
    ("marian", {"num_beams": 4, "min_new_tokens": 8, "max_new_tokens": 8}),
    ("marian", {"num_beams": 2, "min_new_tokens": 3, "max_new_tokens": 12}),
    ("marian", {"num_beams": 1, "min_new_tokens": 5, "max_new_tokens": 9}),
    ("marian", {"num_beams": 3, "min_length": 6, "max_new_tokens": 10}),
    ("bart", {"num_beams": 4, "min_new_tokens": 7, "max_new_tokens": 7, "forced_eos_token_id": 2}),
    ("bart", {"num_beams": 2, "min_new_tokens": 4, "max_new_tokens": 9, "forced_eos_token_id": 2,
              "no_repeat_ngram_size": 3, "length_penalty": 2.0}),
]


@pytest.mark.parametrize("name,settings", CASES)
def test_same_tokens_and_scores_as_transformers_processors(loaded, name, settings):
    tok, model = loaded[name]
    out = {"return_dict_in_generate": True, "output_scores": True}
    with torch.inference_mode():
        enc = tok(TEXTS[name], return_tensors="pt", padding=True)
        stock = model.generate(**enc, **settings, **out)
        ours_kwargs = lighter_min_length(model, settings)
        ours = model.generate(**enc, **ours_kwargs, **out)
    assert isinstance(ours_kwargs["logits_processor"][0], EosBan)
    assert ours_kwargs["min_new_tokens"] is None and ours_kwargs["min_length"] == 0
    assert torch.equal(ours.sequences, stock.sequences)
    if settings["num_beams"] > 1:
        torch.testing.assert_close(ours.sequences_scores, stock.sequences_scores)
    minimum = settings.get("min_new_tokens") or settings["min_length"] - 1
    assert ours.sequences.shape[1] - 1 >= minimum  # the minimum held


def test_bans_only_while_too_short_and_never_the_forced_end():
    plain = EosBan(eos=[2, 4], min_new=3, min_length=0, max_new=9, forced_eos=False)
    banned = [bool(plain(torch.zeros(1, n), torch.zeros(1, 5))[0, 2] < 0) for n in (1, 2, 3, 4, 5)]
    assert banned == [True, True, True, False, False]  # 0, 1, 2 new tokens: too short
    assert plain(torch.zeros(1, 2), torch.zeros(1, 5))[0, 4] < 0  # every end token
    ban = EosBan(eos=[2], min_new=3, min_length=0, max_new=3, forced_eos=True)
    scores = torch.zeros(2, 5)
    assert ban(torch.zeros(2, 1), scores.clone())[:, 2].eq(-float("inf")).all()  # 0 new tokens
    assert ban(torch.zeros(2, 2), scores.clone())[:, 2].eq(-float("inf")).all()
    assert ban(torch.zeros(2, 3), scores.clone())[:, 2].eq(0).all()  # the forced last step
    assert ban(torch.zeros(2, 4), scores.clone())[:, 2].eq(0).all()  # long enough


def test_min_new_tokens_zero_overrides_the_model_configs_min_length(loaded):
    tok, model = loaded["marian"]
    settings = {"num_beams": 2, "min_new_tokens": 0, "max_new_tokens": 9}
    saved = model.generation_config.min_length
    model.generation_config.min_length = 8
    try:
        assert lighter_min_length(model, settings) == settings  # no minimum at all: nothing to do
        with_config = lighter_min_length(model, {"num_beams": 2, "max_new_tokens": 9})
        assert with_config["logits_processor"][0].min_length == 8 and with_config["min_length"] == 0
    finally:
        model.generation_config.min_length = saved


@pytest.mark.parametrize("settings", [
    {"num_beams": 2, "max_new_tokens": 9},  # no minimum: nothing to do
    {"do_sample": True, "min_new_tokens": 3, "max_new_tokens": 9},  # warpers come after: order matters
    {"remove_invalid_values": True, "min_new_tokens": 3, "max_new_tokens": 9},
    {"forced_eos_token_id": 2, "min_new_tokens": 3},  # the forced end's step is generate()'s to place
])
def test_left_to_transformers_where_the_order_would_matter(loaded, settings):
    _, model = loaded["bart"]
    assert lighter_min_length(model, settings) == settings
