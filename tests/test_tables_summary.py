"""Where a summary goes and how one is scored: an Arabic summary is written to summary.ar and
an English one to summary.en, each checked against the text of its own language; ROUGE compares
stems, so "opened" meets "opens"."""

from __future__ import annotations

import pytest

from summarise.types import Summary
from tarjama.job import stages
from tarjama.evaluate import metrics
from tarjama.job.stage_records import Summarised
from tests.test_stages import PLAN, _Summariser, translations

# (what the summariser wrote, the language noted, summary.en, summary.ar)
SUMMARIES = [
    ("12 people were killed on March 3.", "en", "12 people were killed on March 3.", ""),
    ("قتل 12 شخصا في 3 مارس.", "ar", "", "قتل 12 شخصا في 3 مارس."),
    # Mostly Arabic with a Latin name: Arabic.
    ("قتل 12 شخصا في هجوم تبنته ISIS.", "ar", "", "قتل 12 شخصا في هجوم تبنته ISIS."),
    # Mostly English with an Arabic word: English.
    ("The minister (الوزير) said 12 people were killed.", "en", "The minister (الوزير) said 12 people were killed.",
     ""),
]


@pytest.mark.parametrize("text,language,en,ar", SUMMARIES)
def test_a_summary_is_written_to_the_field_of_its_language(text, language, en, ar):
    item = stages.assemble(PLAN, translations(), None)
    (summarised,) = stages.summarise(_Summariser([Summary(text, 1, 1)]), [item], "ar" if language == "ar" else "en")
    assert isinstance(summarised, Summarised) and summarised.language == language
    finished = stages.finish(summarised, (None, None), None, {"translate": "m", "summarise": "s"})
    record = stages.to_record(finished, "source" if language == "ar" else "translation")
    assert (record["summary"]["en"], record["summary"]["ar"], record["summary"]["input"]) == (
        en, ar, "source" if language == "ar" else "translation")


@pytest.mark.parametrize("text,language", [("قتل 12 شخصا في 3 مارس 2024.", "ar"),
                                           ("12 people were killed on March 3, 2024.", "en")])
def test_a_summary_faithful_to_its_own_language_has_no_flag(text, language):
    item = stages.assemble(PLAN, translations(), None)
    (summarised,) = stages.summarise(_Summariser([Summary(text, 1, 1)]), [item])
    finished = stages.finish(summarised, (None, None), None, {"translate": "m", "summarise": "s"})
    assert [f["type"] for f in finished.flags] == []
    assert finished.facts["support"]["sentences"][0]["sources"] == [0]


def test_an_arabic_summary_with_a_figure_its_source_lacks_is_flagged():
    item = stages.assemble(PLAN, translations(), None)
    (summarised,) = stages.summarise(_Summariser([Summary("قتل 15 شخصا في 3 مارس 2024.", 1, 1)]), [item])
    finished = stages.finish(summarised, (None, None), None, {"translate": "m", "summarise": "s"})
    assert [(f["type"], f["summary"]["text"]) for f in finished.flags] == [
        ("summary_unsupported", "قتل 15 شخصا في 3 مارس 2024."), ("summary_number_unsupported", "15")]


# -- ROUGE ----------------------------------------------------------------------------------------
def test_rouge_compares_stems():
    # Stemmed: ministers/minister, opened/opens, schools/school meet. Hypothesis 3 tokens, reference
    # 5 (the, minist, open, the, school): ROUGE-1 P 3/3 R 3/5, F 0.75; ROUGE-2 one shared pair of
    # two and four, F 1/3; the longest common subsequence is the three stems, as ROUGE-1.
    scores = metrics.rouge([("Ministers opened schools", "The minister opens the school")])
    assert scores == {"rouge1": 75.0, "rouge2": 33.33, "rougeL": 75.0, "summaries": 1}


def test_rouge_averages_over_summaries_and_says_none_for_none():
    scores = metrics.rouge([("Ministers opened schools", "The minister opens the school"),
                            ("Rain fell", "The minister opens the school")])
    assert scores == {"rouge1": 37.5, "rouge2": 16.67, "rougeL": 37.5, "summaries": 2}
    assert metrics.rouge([]) == {"rouge1": None, "rouge2": None, "rougeL": None, "summaries": 0}
