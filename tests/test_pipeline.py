"""The stage objects an executor runs, and the local executor, with stand-in models: what a
stage sends to its model, what it gives back, the events it reports, how it fails.

The stand-ins answer in a fixed way; that real models go through these same objects is shown
by every end-to-end test (test_cli.py, test_resume.py, test_ray.py, test_feed_identity.py)."""

from __future__ import annotations

import dataclasses

import pytest

from seq2seq.loading import ModelLoadError
from summarise.types import Summary
from tarjama.engines import Engines
from tarjama.job.events import EventLog, overlap_share
from tarjama.ingest import Article
from tarjama.job.local_executor import LocalExecutor
from tarjama.signature import stage_signature
from tarjama.job.pipeline import SummariseStage, TranslateStage, make_stages
from tarjama.job.stage_records import Failed, Finished, Planned, Summarised, Translated
from translate import Translation, normalise
from translate.glossary import Entry, Glossary


def _plan(name: str, *sentences: str) -> Planned:
    article = Article(key=f"in/{name}.txt", name=name, title=f"عنوان {name}", paragraphs=sentences,
                      path=f"in/{name}.txt", sha256="0" * 64, input_sha="0" * 64)
    return Planned(article, name, tuple((i, s) for i, s in enumerate(sentences)))


class _Translator:
    """Answers each Arabic text with its length; raises on a planted word."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def translate(self, sentences, progress=None):
        self.calls.append(list(sentences))
        if any("قنبلة" in s for s in sentences):
            raise RuntimeError("the planted word")
        return [Translation(f"text of {len(s)} letters, 12 of them.", -0.1) for s in sentences]

    def describe(self):
        return {"engine": "stand-in"}


class _Summariser:
    def __init__(self):
        self.calls = 0

    def summarise(self, documents):
        self.calls += 1
        return [Summary(" ".join(d)[:40], 1, 1) for d in documents]

    def describe(self):
        return {"engine": "stand-in-summary"}


class _Engines(Engines):
    """The real Engines' interface, answered by the stand-ins, loaded on first use."""

    def __init__(self, cfg, fail_summariser: bool = False):
        super().__init__(cfg)
        self.stand_in_translator = _Translator()
        self.stand_in_summariser = _Summariser()
        self.fail_summariser = fail_summariser

    @property
    def translator(self):
        self.load_seconds.setdefault("translate", 0.5)
        return self.stand_in_translator

    @property
    def summariser(self):
        if self.fail_summariser:
            raise ModelLoadError("summarise.model = 'nowhere': not found; run `tarjama models pull`")
        return self.stand_in_summariser


@pytest.fixture()
def cfg():
    from tarjama import config

    return config.load([], ["facts.entities=false", "job.window_articles=2"])


A = _plan("a", "قتل 12 شخصا.", "وقال الوزير إن الوضع هادئ.")
B = _plan("b", "وقال الوزير إن الوضع هادئ.", "وصل 300 جندي.")


def test_translate_sends_only_what_the_cache_lacks_each_once_and_gives_back_the_rest(cfg):
    engines = _Engines(cfg)
    stage = TranslateStage(cfg, Glossary([Entry("الوزير", "the envoy")]), engines)
    cached = {normalise(A.sentences[0][1]): Translation("12 people were killed.", -0.2)}
    a, b = stage([dataclasses.replace(A, cached=cached), B])
    [call] = engines.stand_in_translator.calls
    # The shared sentence once; the cached one not at all; the glossary term given in English.
    assert len(call) == len(set(call)) == 4 and not any("قتل" in text for text in call)
    assert any("the envoy" in text for text in call)
    assert a.segments[0].en == "12 people were killed." and a.segments[1].en.startswith("text of")
    assert [t for t, _ in a.fresh] == [normalise(A.article.title), normalise(A.sentences[1][1])]
    [event] = a.events
    assert event == b.events[0]
    assert (event.stage, event.articles, dict(event.counts), event.load_seconds) == (
        "translate", 2, {"sentences": 5, "cached": 1, "translated": 4}, 0.5)
    # The second call reports no load: the worker loaded its model once.
    (again,) = stage([B])
    assert again.events[0].load_seconds is None and again.events[0].call == 2


def test_a_job_whose_sentences_are_all_cached_never_loads_the_translator(cfg):
    engines = _Engines(cfg)
    texts = {normalise(t): Translation("cached.", 0.0) for t in (A.article.title, *(s for _, s in A.sentences))}
    (item,) = TranslateStage(cfg, None, engines)([dataclasses.replace(A, cached=texts)])
    assert isinstance(item, Translated) and item.fresh == ()
    assert engines.stand_in_translator.calls == [] and "translate" not in engines.load_seconds
    assert item.events[0].load_seconds is None and dict(item.events[0].counts) == {"sentences": 3, "cached": 3}
    # Its record names the same models as one whose sentences were translated now.
    summarise, facts = make_stages(cfg, None, engines)[1:]
    cached, = facts(summarise([item]))
    translated, = facts(summarise(TranslateStage(cfg, None, engines)([A])))
    assert cached.models == translated.models


def test_an_article_that_breaks_its_batch_fails_alone_with_its_reason(cfg):
    engines = _Engines(cfg)
    bomb = _plan("c", "وجدت قنبلة قرب الجسر.")
    a, c, b = TranslateStage(cfg, None, engines)([A, bomb, B])
    assert isinstance(a, Translated) and isinstance(b, Translated)
    assert isinstance(c, Failed) and c.reason == "translate failed: RuntimeError: the planted word"
    assert not c.fatal and c.events[0].stage == "translate"


def test_a_model_that_will_not_load_fails_every_article_as_fatal_and_failures_pass_through(cfg):
    engines = _Engines(cfg, fail_summariser=True)
    translated = TranslateStage(cfg, None, engines)([A, B])
    already = Failed(A, "translation failed: sentence 1: too long")
    out = SummariseStage(cfg, None, engines)([already, translated[1]])
    assert out[0] is already  # a failure passes through a later stage untouched
    assert isinstance(out[1], Failed) and out[1].fatal
    assert out[1].reason == "summarise.model = 'nowhere': not found; run `tarjama models pull`"


def test_the_three_stages_make_finished_records_with_every_stage_event_and_signature(cfg):
    engines = _Engines(cfg)
    batch = [A, B]
    for stage in make_stages(cfg, None, engines):
        batch = stage(batch)
    assert all(isinstance(r, Finished) for r in batch)
    assert [e.stage for e in batch[0].events] == ["translate", "summarise", "facts"]
    # Each article's models are the stage signatures from the config, not what a model said.
    assert batch[0].models == batch[1].models == {stage: stage_signature(cfg, stage)
                                                  for stage in ("translate", "summarise", "facts")}
    assert isinstance(batch[0].summarised, Summarised) and engines.stand_in_summariser.calls == 1


def test_the_local_executor_runs_windows_through_stages_set_up_once(cfg):
    engines = _Engines(cfg)
    executor = LocalExecutor(cfg, None, engines)
    plans = [_plan(f"p{i}", f"جملة رقم {i} عن الطقس.") for i in range(5)]
    out = list(executor.run(iter(plans)))
    assert [r.planned.article_id for r in out] == [p.article_id for p in plans]
    assert len(engines.stand_in_translator.calls) == 3  # windows of 2, 2 and 1
    log = EventLog()
    for record in out:
        log.add(record.events)
    assert {stage: (a.batches, a.articles, a.loads) for stage, a in log.stages.items()} == {
        "translate": (3, 5, 1), "summarise": (3, 5, 1), "facts": (3, 5, 0)}
    assert log.count("translated") == 10  # five titles and five sentences


@pytest.mark.parametrize("spans, share", [
    ([], 0.0),
    ([(0, 10, "translate")], 0.0),
    ([(0, 10, "translate"), (5, 15, "summarise")], 5 / 15),
    ([(0, 4, "translate"), (4, 8, "summarise")], 0.0),  # one after the other: never both
    ([(0, 10, "translate"), (2, 4, "translate")], 0.0),  # two workers of one stage are one stage
    ([(0, 10, "translate"), (0, 10, "summarise"), (0, 10, "facts")], 1.0),
])
def test_overlap_is_the_share_of_the_span_with_two_stages_busy(spans, share):
    assert overlap_share(spans) == pytest.approx(share)
