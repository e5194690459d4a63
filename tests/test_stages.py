"""The stage functions on their own: records in, records out, for either executor (the stage
objects that call them are in test_pipeline.py).

The engines here are small stand-ins that answer in a fixed way, to test how a stage splits and
joins its work and how it fails; that real models go through these stages is shown by every
end-to-end test (test_cli.py, test_resume.py, test_ray.py)."""

from __future__ import annotations

import dataclasses

import jsonschema
import pytest

from summarise.types import Summary
from tarjama.job import stages
from tarjama.ingest import Article
from tarjama.article_json import article_schema
from tarjama.job.stage_records import Failed, Finished, Planned, Summarised, Translated
from translate import Translation, normalise
from translate.glossary import Entry, Glossary

ARTICLE = Article(
    key="in/a.txt", name="a", title="عنوان الخبر", paragraphs=("قتل 12 شخصا في 3 مارس 2024.", "وقال الوزير إن الوضع هادئ."),
    path="in/a.txt", sha256="0" * 64, published="2024-03-04", input_sha="0" * 64,
)
PLAN = Planned(ARTICLE, "a", ((0, ARTICLE.paragraphs[0]), (1, ARTICLE.paragraphs[1])))
ENGLISH = {
    ARTICLE.title: "The headline",
    ARTICLE.paragraphs[0]: "12 people were killed on March 3, 2024.",
    ARTICLE.paragraphs[1]: "The minister said the situation was calm.",
}


def translations(**overrides: Translation) -> dict[str, Translation]:
    out = {normalise(ar): Translation(en, -0.5) for ar, en in ENGLISH.items()}
    out.update(overrides)
    return out


def test_window_texts_are_each_text_once_in_order():
    other = dataclasses.replace(PLAN, article_id="b")
    texts = stages.window_texts([PLAN, other])
    assert texts == [normalise(t) for t in ENGLISH]


def test_assemble_pairs_each_sentence_with_its_english():
    item = stages.assemble(PLAN, translations(), None)
    assert isinstance(item, Translated)
    assert item.title_en == "The headline"
    assert [(s.paragraph, s.ar, s.en) for s in item.segments] == [
        (0, ARTICLE.paragraphs[0], ENGLISH[ARTICLE.paragraphs[0]]),
        (1, ARTICLE.paragraphs[1], ENGLISH[ARTICLE.paragraphs[1]]),
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.title_en = "changed"  # type: ignore[misc]


def test_assemble_fails_the_article_on_a_failed_sentence_and_names_it():
    broken = translations(**{normalise(ARTICLE.paragraphs[1]): Translation("", None, "out of memory")})
    item = stages.assemble(PLAN, broken, None)
    assert isinstance(item, Failed)
    assert item.reason == "translation failed: sentence 2: out of memory"


def test_assemble_marks_glossary_terms():
    glossary = Glossary([Entry("الوزير", "the minister")])
    item = stages.assemble(PLAN, translations(), glossary)
    assert item.segments[0].terms == ()
    (span,) = item.segments[1].terms
    assert ARTICLE.paragraphs[1][span["start"]:span["end"]] == "الوزير"
    assert span["honoured"] is True


class _Summariser:
    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def summarise(self, documents):
        self.calls.append(documents)
        return self.answers


def test_summarise_batches_every_article_in_one_call_and_fails_only_the_broken_one():
    item = stages.assemble(PLAN, translations(), None)
    engine = _Summariser([Summary("12 people were killed.", 1, 1), Summary("", 1, 1, "too long")])
    out = stages.summarise(engine, [item, item])
    assert engine.calls == [[item.texts("en"), item.texts("en")]]
    assert isinstance(out[0], Summarised) and out[0].language == "en"
    assert isinstance(out[1], Failed) and out[1].reason == "summarisation failed: too long"


def test_summarise_reads_the_arabic_when_asked_and_notes_an_arabic_summary():
    item = stages.assemble(PLAN, translations(), None)
    engine = _Summariser([Summary("قتل 12 شخصا.", 1, 1)])
    (out,) = stages.summarise(engine, [item], "ar")
    assert engine.calls == [[list(ARTICLE.paragraphs)]]
    assert out.language == "ar"


class _Tagger:
    def __init__(self):
        self.calls = []

    def tag(self, sentences):
        self.calls.append(list(sentences))
        return [[("places", s.split()[0])] for s in sentences]


def test_tag_sends_a_window_in_one_call_and_gives_each_article_its_own_sentences():
    one = stages.assemble(PLAN, translations(), None)
    two = stages.assemble(dataclasses.replace(PLAN, sentences=PLAN.sentences[1:]), translations(), None)
    taggers = {"ar": _Tagger(), "en": _Tagger()}
    out = stages.tag(lambda ar, en: (taggers["ar"].tag(ar), taggers["en"].tag(en)), [one, two])
    assert len(taggers["ar"].calls) == 1 and len(taggers["ar"].calls[0]) == 3
    assert [len(ar) for ar, _ in out] == [2, 1]
    assert out[1][1] == [[("places", "The")]]
    assert stages.tag(None, [one, two]) == [(None, None), (None, None)]


def test_finish_flags_a_changed_number_and_builds_a_valid_record():
    changed = translations(**{normalise(ARTICLE.paragraphs[0]): Translation("13 people were killed on March 3, 2024.", -1.0)})
    glossary = Glossary([Entry("الوزير", "the envoy")])
    item = stages.assemble(PLAN, changed, glossary)
    (summarised,) = stages.summarise(_Summariser([Summary("13 people were killed.", 1, 1)]), [item])
    finished = stages.finish(summarised, (None, None), glossary, {"translate": "m", "summarise": "s"})
    assert isinstance(finished, Finished)
    assert [f["type"] for f in finished.flags] == ["number_changed", "term_missing"]
    assert stages.term_counts(finished) == (1, 1)
    record = stages.to_record(finished, "translation")
    jsonschema.validate(record, article_schema())
    assert record["id"] == "a" and record["summary"]["en"] == "13 people were killed."
    assert record["segments"][1]["terms"][0]["en"] == "the envoy"


def test_the_runner_picks_the_executor_that_job_executor_names_and_starts_no_ray_before_work(tiny_models, tmp_path):
    from tarjama.job.local_executor import LocalExecutor
    from tarjama.job.runner import Runner
    from tests.conftest import tiny_config

    local = Runner(tiny_config(tiny_models, **{"job.window_articles": 3}), tmp_path / "a")
    assert isinstance(local.executor, LocalExecutor) and local.executor.window == 3
    pytest.importorskip("ray", reason="pip install 'tarjama[ray]'")
    import ray

    from tarjama.job.ray_executor import RayExecutor

    on_ray = Runner(tiny_config(tiny_models, **{"job.executor": "ray"}), tmp_path / "b")
    assert isinstance(on_ray.executor, RayExecutor)
    assert list(on_ray.executor.run(iter(()))) == []
    assert not ray.is_initialized()  # nothing started until an article is planned
