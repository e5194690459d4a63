"""The real engines on tiny random models, loaded through from_pretrained."""

import re

import pytest

from summarise.registry import get_engine as summariser_engine
from translate import ModelLoadError, normalise, split_long
from translate.registry import get_engine as translator_engine
from tests.engine_build import build

SENTENCES = [
    "أكدت وزارة الدفاع الأميركية بأنها ستواصل التصدي لداعش.",
    "قال.",
    "وقعت الحكومتان مذكرة تفاهم جديدة في العاصمة بغداد يوم الأربعاء (21 أيلول 2022).",
]


@pytest.fixture(scope="module")
def translator(tiny_models):
    cls = translator_engine("transformers")
    return build(cls, model=str(tiny_models["marian"]), device="cpu", generation={"num_beams": 2, "max_new_tokens": 5})


@pytest.fixture(scope="module")
def summariser(tiny_models):
    cls = summariser_engine("transformers")
    return build(
        cls, model=str(tiny_models["bart"]), device="cpu",
        generation={"num_beams": 2, "min_new_tokens": 3, "max_new_tokens": 6},
    )


def test_one_translation_per_sentence_in_order(translator):
    batch = translator.translate(SENTENCES)
    alone = [translator.translate([s])[0] for s in SENTENCES]
    assert len(batch) == len(SENTENCES)
    assert all(t.text and t.error is None for t in batch)
    # Batching sorts by length; restoring order means each result matches its own sentence.
    assert [t.text for t in batch] == [t.text for t in alone]
    for t in batch:
        assert t.score is not None and t.score < 0


def test_scores_can_be_turned_off(tiny_models):
    cls = translator_engine("transformers")
    engine = build(cls, model=str(tiny_models["marian"]), device="cpu", score=False, generation={"max_new_tokens": 3})
    assert [t.score for t in engine.translate(SENTENCES)] == [None] * 3
    assert engine.describe()["score"] is None


def test_sentence_longer_than_window_is_split_not_truncated(tiny_models):
    cls = translator_engine("transformers")
    engine = build(cls, model=str(tiny_models["marian"]), device="cpu", max_input_tokens=24,
                 generation={"num_beams": 1, "max_new_tokens": 4})
    long_sentence = "، ".join(["ارتفعت الأسعار بنسبة خمسة في المئة"] * 6)
    pieces = split_long(normalise(long_sentence), engine.count_tokens, engine.limit)
    assert len(pieces) > 1 and all(engine.count_tokens(p) <= 24 for p in pieces)
    [whole] = engine.translate([long_sentence])
    assert whole.text == " ".join(engine.translate([p])[0].text for p in pieces)


def test_describe_names_model_revision_and_generation(translator, tiny_models):
    described = translator.describe()
    assert (described["engine"], described["model"]) == ("transformers", str(tiny_models["marian"]))
    assert re.fullmatch(r"local:[0-9a-f]{16}", described["revision"])
    assert described["generation"] == {"max_new_tokens": 5, "num_beams": 2}


def test_a_sentence_that_makes_the_model_raise_fails_alone(translator, monkeypatch):
    real_run = translator._run

    def poisoned(texts):
        if any("زرنيخ" in t for t in texts):
            raise RuntimeError("planted failure")
        return real_run(texts)

    monkeypatch.setattr(translator, "_run", poisoned)
    results = translator.translate([*SENTENCES, "زرنيخ قاتل"])
    assert [r.error is None for r in results] == [True, True, True, False]
    assert "planted failure" in results[-1].error
    assert all(r.text for r in results[:3])


def test_summary_of_a_long_document_is_map_then_reduce(summariser):
    long_doc = ["The ministry said it will continue working with partners in the region."] * 60
    short_doc = ["Prices rose by five percent."]
    long, short, empty = summariser.summarise([long_doc, short_doc, []])
    assert long.chunks > 1 and long.rounds >= 2 and long.text
    assert (short.chunks, short.rounds) == (1, 1) and short.text
    assert (empty.text, empty.chunks) == ("", 0)


def test_summary_output_too_long_for_reduce_is_a_config_error(tiny_models):
    cls = summariser_engine("transformers")
    with pytest.raises(ModelLoadError, match="max_new_tokens"):
        build(cls, model=str(tiny_models["bart"]), device="cpu", generation={"max_new_tokens": 100})


def test_a_model_that_is_not_seq2seq_is_refused(tmp_path):
    from transformers import GPT2Config

    GPT2Config(n_layer=1, n_embd=8, n_head=2).save_pretrained(tmp_path)
    with pytest.raises(ModelLoadError, match="not an encoder-decoder"):
        build(translator_engine("transformers"), model=str(tmp_path), device="cpu")


def test_unknown_engine_lists_the_known_ones():
    with pytest.raises(ModelLoadError, match="choose one of: ctranslate2, transformers"):
        translator_engine("marian-cpp")


def test_summaries_that_never_shrink_are_kept_joined_and_marked_partial():
    from summarise.base import MapReduceSummariser

    class Echo(MapReduceSummariser):
        """Summaries as long as their inputs: the reduce step can never converge."""

        limit = 10

        def count_tokens(self, text):
            return len(text.split())

        def _generate(self, texts):
            return list(texts)

    [summary] = Echo().summarise([["one two three four five six"] * 6])
    assert summary.partial and summary.error is None
    assert summary.text.split() == ("one two three four five six " * 6).split()


def test_summary_batches_respect_the_token_budget(tiny_models, monkeypatch):
    cls = summariser_engine("transformers")
    s = build(cls, model=str(tiny_models["bart"]), device="cpu", batch_size=8, batch_tokens=60,
            generation={"num_beams": 2, "min_new_tokens": 3, "max_new_tokens": 6})
    generate, calls = type(s)._generate, []

    def recording(self, texts):
        calls.append([self.count_tokens(t) for t in texts])
        return generate(self, texts)

    monkeypatch.setattr(type(s), "_generate", recording)
    docs = [["Prices rose by five percent in the city this year."] * n for n in (1, 1, 1, 1, 4)]
    results = s.summarise(docs)
    assert all(r.text and r.error is None for r in results)
    assert len(calls) > 1
    # Padded size (items x longest) within the budget; a lone input may exceed it.
    assert all(len(c) * max(c) <= 60 or len(c) == 1 for c in calls)
    assert max(len(c) for c in calls) > 1  # short inputs still share a call
