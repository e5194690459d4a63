"""An article's facts and flags as the facts stage makes them (facts/article.py): the
publication date reaches every extractor, the NER entities each sentence's facts, each name
link its sentence, the summary its own language's reader, the glossary the name check."""

from __future__ import annotations

from facts.article import article_facts, with_entities
from facts.types import Facts
from translate.glossary import Entry, Glossary

SOURCE = ["قتل خمسة عشر شخصا أمس في الموصل.", "وقال مسعود بارزاني إن قوات البيشمركة ستساعد."]
ENGLISH = ["Fifteen people were killed yesterday in Mosul.", "Masoud Barzani said the Peshmerga forces would help."]
AR_ENTITIES = [[("places", "الموصل"), ("places", "الموصل"), ("misc", "حدث")],
               [("people", "مسعود بارزاني"), ("organisations", "البيشمركة")]]
EN_ENTITIES = [[("places", "Mosul")], [("people", "Masoud Barzani"), ("organisations", "Peshmerga")]]


def test_the_publication_date_and_the_entities_reach_every_sentence_s_facts():
    facts, flags = article_facts(SOURCE, ENGLISH, "Fifteen people were killed yesterday in Mosul.", "2024-03-04",
                                 AR_ENTITIES, EN_ENTITIES)
    assert flags == []
    assert (facts["source"]["dates"], facts["translation"]["dates"], facts["summary"]["dates"]) == (
        [{"text": "أمس", "iso": "2024-03-03", "sentence": 0}], [{"text": "yesterday", "iso": "2024-03-03", "sentence": 0}],
        [{"text": "yesterday", "iso": "2024-03-03"}])
    assert {kind: facts["source"][kind] for kind in ("people", "organisations", "places")} == {
        "people": [{"text": "مسعود بارزاني", "sentence": 1}], "organisations": [{"text": "البيشمركة", "sentence": 1}],
        "places": [{"text": "الموصل", "sentence": 0}]}
    assert {kind: facts["translation"][kind] for kind in ("people", "organisations", "places")} == {
        "people": [{"text": "Masoud Barzani", "sentence": 1}], "organisations": [{"text": "Peshmerga", "sentence": 1}],
        "places": [{"text": "Mosul", "sentence": 0}]}
    assert [(link["sentence"], link["side"], link["method"], (link["ar"] or {}).get("text"),
             (link["en"] or {}).get("text")) for link in facts["names"]] == [
        (0, "ar", "exonym", "الموصل", "Mosul"), (0, "en", "exonym", "الموصل", "Mosul"),
        (1, "ar", "romanised", "مسعود بارزاني", "Masoud Barzani"), (1, "ar", "exonym", "البيشمركة", "Peshmerga"),
        (1, "en", "romanised", "مسعود بارزاني", "Masoud Barzani"), (1, "en", "exonym", "البيشمركة", "Peshmerga")]


def test_without_a_publication_date_a_relative_day_is_no_date():
    facts, _ = article_facts(SOURCE, ENGLISH, "Fifteen people were killed yesterday.", None)
    assert (facts["source"]["dates"], facts["translation"]["dates"], facts["summary"]["dates"]) == ([], [], [])


def test_an_arabic_summary_is_read_by_the_arabic_reader_and_an_english_one_by_the_english():
    arabic, flags = article_facts(SOURCE, ENGLISH, "قتل خمسة عشر شخصا أمس.", "2024-03-04", summary_lang="ar")
    assert (arabic["summary"]["numbers"], arabic["summary"]["dates"], flags) == (
        [{"text": "خمسة عشر", "value": 15, "unit": None}], [{"text": "أمس", "iso": "2024-03-03"}], [])
    english, flags = article_facts(SOURCE, ENGLISH, "Fifteen people were killed.", None)  # English by default
    assert (english["summary"]["numbers"], flags) == ([{"text": "Fifteen", "value": 15, "unit": None}], [])


def test_a_summary_name_found_nowhere_is_flagged_once_by_the_name_check():
    _, flags = article_facts(SOURCE, ENGLISH, "Omar Suleiman said the forces would help.", None)
    assert [(f["type"], f["summary"]["text"]) for f in flags] == [
        ("summary_unsupported", "Omar Suleiman said the forces would help."),
        ("summary_name_unexpected", "Omar Suleiman")]


COMMANDER = ("وقال قائد البيشمركة إن قواته ستساعد.", "The commander of the Kurdish fighters said his forces would help.")
KURDISH_FIGHTERS = Glossary([Entry("البيشمركة", "Kurdish fighters")])


def test_the_glossary_reaches_the_name_check_of_each_sentence():
    ar, en = ["افتتح الجسر.", COMMANDER[0]], ["The bridge opened.", COMMANDER[1]]
    without, flags_without = article_facts(ar, en, "", None)
    with_terms, flags_with = article_facts(ar, en, "", None, glossary=KURDISH_FIGHTERS)
    assert [(f["type"], f["segment"]) for f in flags_without] == [("name_missing", 1), ("name_unexpected", 1)]
    assert [(f["type"], f["segment"]) for f in flags_with] == [("name_unexpected", 1)]
    assert [(link["sentence"], link["method"], link["matched"]) for link in with_terms["names"]] == [
        (1, "glossary", True), (1, "none", False)]


def test_a_pair_s_name_flags_carry_its_index_and_use_its_glossary():
    from facts.pairs import check_pair

    assert [(f["type"], f["segment"]) for f in check_pair(*COMMANDER, index=3).flags] == [
        ("name_missing", 3), ("name_unexpected", 3)]
    assert [(f["type"], f["segment"]) for f in check_pair(*COMMANDER, index=3, glossary=KURDISH_FIGHTERS).flags] == [
        ("name_unexpected", 3)]


def test_an_article_without_sentences_has_every_kind_empty():
    facts, flags = article_facts([], [], "", None)
    assert flags == [] and {k: facts["source"][k] for k in ("dates", "numbers", "people", "organisations", "places")} \
        == {"dates": [], "numbers": [], "people": [], "organisations": [], "places": []}


def test_entities_are_added_once_each_in_order_and_unknown_kinds_dropped():
    added = with_entities(Facts(), [("places", "الموصل"), ("people", "ليلى"), ("places", "الموصل"), ("misc", "حدث"),
                                    ("organisations", "الأمم المتحدة"), ("places", "أربيل")])
    assert (added.people, added.organisations, added.places) == (("ليلى",), ("الأمم المتحدة",), ("الموصل", "أربيل"))
