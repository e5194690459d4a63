"""Key facts, table-driven, in both languages, and the checks on planted faults."""

import json
import subprocess
import sys

import pytest

from facts import arabic, english, extract
from facts.article import article_facts
from tests.conftest import ROOT, SEED, run_cli

AR_DATES = [
    ("يوم الثلاثاء (27 أيلول 2022)", [("27 أيلول 2022", "2022-09-27")]),
    ("الثلاثاء 27 أيلول 2022", [("الثلاثاء 27 أيلول 2022", "2022-09-27")]),
    ("الخميس 5 يونيو (حزيران) 2023", [("الخميس 5 يونيو (حزيران) 2023", "2023-06-05")]),
    ("في تموز/يوليو 2022", [("تموز/يوليو 2022", "2022-07")]),
    ("في 3 كانون الثاني 2021", [("3 كانون الثاني 2021", "2021-01-03")]),
    ("يوم 10 تشرين الأول 2019", [("10 تشرين الأول 2019", "2019-10-10")]),
    ("4 جانفي 2020 و14 جويلية 2019 و3 أوت 2018",
     [("4 جانفي 2020", "2020-01-04"), ("14 جويلية 2019", "2019-07-14"), ("3 أوت 2018", "2018-08-03")]),
    ("٢٧ أيلول ٢٠٢٢", [("٢٧ أيلول ٢٠٢٢", "2022-09-27")]),
    ("في عام 2016", [("عام 2016", "2016")]),
    ("بتاريخ 27/09/2022", [("27/09/2022", "2022-09-27")]),
    ("اشترى سيارة نيسان جديدة", []),  # the car maker, not April
    ("وصل الوفد أمس", []),  # relative, and no publication date to resolve it
    ("15 رمضان 1445 هـ", [("15 رمضان 1445 هـ", None)]),
    # Arabic punctuation ends a date as a full stop does.
    ("وصل في 5 آذار 2021، وغادر", [("5 آذار 2021", "2021-03-05")]),
    ("انتهى في أيلول 2022؛ ثم", [("أيلول 2022", "2022-09")]),
]


@pytest.mark.parametrize("text,expected", AR_DATES)
def test_arabic_dates(text, expected):
    assert [(d.text, d.iso) for d in arabic.extract_dates(text)] == expected


def test_arabic_hijri_is_reported_as_hijri_not_converted():
    [d] = arabic.extract_dates("عام 1445 هـ")
    assert (d.iso, d.calendar, d.hijri) == (None, "hijri", "1445")


def test_arabic_relative_date_resolves_against_publication():
    [d] = arabic.extract_dates("وصل الوفد أمس", published="2022-09-28")
    assert d.iso == "2022-09-27"


AR_NUMBERS = [
    ("حررنا 50 ألف كيلومتر مربع", [("50 ألف كيلومتر مربع", 50000, "km2")]),
    ("و4.5 مليون عراقي", [("4.5 مليون", 4500000, None)]),
    ("نسبة ٤٫٥٪", [("٤٫٥٪", 4.5, "%")]),
    ("بلغ ٥٠٬٠٠٠ دينار", [("٥٠٬٠٠٠ دينار", 50000, "dinar")]),
    ("بلغ 2ر3 مليار دولار", [("2ر3 مليار دولار", 3.2e9, "USD")]),
    ("ثلاثة آلاف شخص", [("ثلاثة آلاف", 3000, None)]),
    ("ألفي جندي", [("ألفي", 2000, None)]),
    ("مليوني دولار", [("مليوني دولار", 2e6, "USD")]),
    ("خمسة وعشرين ألف", [("خمسة وعشرين ألف", 25000, None)]),
    ("عشرة في المئة", [("عشرة في المئة", 10, "%")]),
    ("تريليون دولار", [("تريليون دولار", 1e12, "USD")]),
    ("الساعة 10:30 صباحا", []),  # a clock time is not a quantity
    ("اتصل على 0096478012345", []),  # nor a phone number
    ("في عام 2016", []),  # nor a year
    ("المرة الأولى", []),  # nor an ordinal
]


@pytest.mark.parametrize("text,expected", AR_NUMBERS)
def test_arabic_numbers(text, expected):
    assert [(n.text, n.value, n.unit) for n in arabic.extract(text).numbers] == expected


EN_DATES = [
    ("on Tuesday, September 27, 2022", [("Tuesday, September 27, 2022", "2022-09-27")]),
    ("signed on 21 September 2022", [("21 September 2022", "2022-09-21")]),
    ("in May 2021", [("May 2021", "2021-05")]),
    ("it may rain", []),
    ("since 2014, they", [("2014", "2014")]),
    ("on 2022-09-27", [("2022-09-27", "2022-09-27")]),
]


@pytest.mark.parametrize("text,expected", EN_DATES)
def test_english_dates(text, expected):
    assert [(d.text, d.iso) for d in english.extract_dates(text)] == expected


EN_NUMBERS = [
    ("50,000 square kilometres", [("50,000 square kilometres", 50000, "km2")]),
    ("4.5 million Iraqis", [("4.5 million", 4.5e6, None)]),
    ("$3.2 billion", [("$3.2 billion", 3.2e9, "USD")]),
    ("rose 5%", [("5%", 5, "%")]),
    ("ten per cent", [("ten per cent", 10, "%")]),
    ("two thousand soldiers", [("two thousand", 2000, None)]),
    ("twenty-five people", [("twenty-five", 25, None)]),
    ("at 10:30 a.m.", []),
    ("the 3rd brigade", []),
    ("call +964 780 123 4567", []),
]


@pytest.mark.parametrize("text,expected", EN_NUMBERS)
def test_english_numbers(text, expected):
    assert [(n.text, n.value, n.unit) for n in english.extract(text).numbers] == expected


def _flags(ar, en, summary=""):
    return article_facts(ar, en, summary, None)[1]


AR = ["حررنا معاً 50 ألف كيلومتر مربع من الأراضي و4.5 مليون عراقي.", "وقعتا يوم الأربعاء (21 أيلول 2022) مذكرة تفاهم."]
FAITHFUL = ["Together we liberated 50,000 square kilometres of land and 4.5 million Iraqis.",
            "On Wednesday (21 September 2022) they signed a memorandum."]


def test_checks_stay_quiet_on_a_faithful_translation_and_summary():
    assert _flags(AR, FAITHFUL, "They liberated 4.5 million Iraqis and signed a memorandum in September 2022.") == []


def test_number_changed_is_caught():
    corrupted = [FAITHFUL[0].replace("4.5 million", "45 million"), FAITHFUL[1]]
    [flag] = _flags(AR, corrupted)
    assert flag["type"] == "number_changed" and flag["segment"] == 0
    assert flag["source"]["text"] == "4.5 مليون" and flag["translation"]["text"] == "45 million"


def test_number_missing_is_caught():
    dropped = ["Together we liberated land and people.", FAITHFUL[1]]
    assert {(f["type"], f["source"]["text"]) for f in _flags(AR, dropped)} == {
        ("number_missing", "50 ألف كيلومتر مربع"), ("number_missing", "4.5 مليون")}


def test_date_missing_is_caught():
    [flag] = _flags(AR, [FAITHFUL[0], "On Wednesday they signed a memorandum."])
    assert (flag["type"], flag["segment"], flag["source"]["iso"]) == ("date_missing", 1, "2022-09-21")


def test_summary_with_an_invented_figure_is_caught():
    flags = _flags(AR, FAITHFUL, "They liberated 7 million Iraqis.")
    # A sentence whose figure the article lacks is not supported, whatever its words.
    assert [(f["type"], f["summary_sentence"], f["summary"]["text"]) for f in flags] == [
        ("summary_unsupported", 0, "They liberated 7 million Iraqis."), ("summary_number_unsupported", 0, "7 million")]


def test_facts_carry_sentence_indices():
    facts, _ = article_facts(AR, FAITHFUL, "", None)
    assert [(n["text"], n["sentence"]) for n in facts["source"]["numbers"]] == [
        ("50 ألف كيلومتر مربع", 0), ("4.5 مليون", 0)]
    assert [(d["iso"], d["sentence"]) for d in facts["translation"]["dates"]] == [("2022-09-21", 1)]


@pytest.mark.slow  # a child process
def test_facts_command_on_the_seed():
    result = run_cli("facts", str(SEED), "--lang", "ar")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert [d["iso"] for d in facts["dates"]] == ["2022-09-27", "2022-09-21", "2016", "2014"]
    assert {(n["value"], n["unit"]) for n in facts["numbers"]} >= {(50000, "km2"), (4500000, None)}
    assert "2024" not in result.stdout  # the scrape-date header is not a fact
    assert set(facts) == {"dates", "numbers", "people", "organisations", "places", "times", "ordinals", "scores",
                          "decades", "measures"}


@pytest.mark.slow  # a child process
def test_facts_command_reads_stdin_english():
    proc = subprocess.run([sys.executable, "-m", "tarjama", "facts", "-"], input="Prices rose 5% in 2021.",
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    facts = json.loads(proc.stdout)
    assert facts["numbers"] == [{"text": "5%", "value": 5, "unit": "%"}]
    assert facts["dates"] == [{"text": "2021", "iso": "2021"}]


def test_extract_rejects_unknown_language():
    with pytest.raises(ValueError, match="choose one of: ar, en"):
        extract("x", "fr")


SPANS = [
    # (token offsets, labels, text, expected (kind, text))
    ([(0, 9), (10, 17)], ["B-PER", "I-PER"], "Nechirvan Barzani", [("people", "Nechirvan Barzani")]),
    # A word cut into sub-words stays whole, whatever the label of its second piece.
    ([(0, 3), (3, 8), (9, 14)], ["B-ORG", "O", "B-LOC"], "Pentagon Erbil", [("organisations", "Pentagon"), ("places", "Erbil")]),
    # Special tokens (0, 0) are skipped; a glued comma is not part of the place.
    ([(0, 0), (0, 5), (5, 6), (7, 12), (0, 0)], ["O", "B-LOC", "I-LOC", "B-PERS", "O"], "Erbil, Shwan", [("places", "Erbil"), ("people", "Shwan")]),
    # IOB1-style I- without a B- still opens an entity; a change of kind closes one.
    ([(0, 4), (5, 9)], ["I-ORG", "I-PER"], "abcd efgh", [("organisations", "abcd"), ("people", "efgh")]),
    ([(0, 4)], ["B-MISC"], "abcd", []),
]


@pytest.mark.parametrize("offsets,labels,text,expected", SPANS)
def test_spans_from_labels(offsets, labels, text, expected):
    from facts.entities import spans_from_labels

    assert [(k, text[s:e]) for k, s, e in spans_from_labels(offsets, labels, text)] == expected


def test_entity_tagger_on_a_tiny_model(tiny_models):
    from facts.entities import EntityTagger

    tagger = EntityTagger(model=str(tiny_models["ner-ar"]), device="cpu", batch_size=2)
    sentences = ["أكدت وزارة الدفاع الأميركية أنها ستواصل.", "قال " + "كلمة " * 200, ""]
    tagged = tagger.tag(sentences)
    assert len(tagged) == 3 and tagged[2] == []
    for sentence, found in zip(sentences, tagged):
        for kind, text in found:
            assert kind in {"people", "organisations", "places"} and text and text in sentence
    # The 200-word sentence is longer than the tiny model's 128 positions: its end is tagged too.
    assert len(tagged[1]) > 0


def test_a_model_without_entity_labels_is_refused(tiny_models):
    from facts.entities import EntityTagger
    from translate import ModelLoadError

    with pytest.raises(ModelLoadError, match="not a named-entity model"):
        EntityTagger(model=str(tiny_models["marian"]), device="cpu")
