"""Names checked across Arabic and English, both ways, with and without NER entities. Every
sentence here was written for these tests."""

import pytest

from facts.article import article_facts
from facts.name_spans import english_names
from facts.names import check_sentence_names, check_summary_names, ArabicSide
from facts.pairs import check_pair
from facts.romanise import arabic_skeleton, fold, skeleton
from translate.glossary import Entry, Glossary

# The same name as each language spells it: one skeleton.
SKELETONS = [
    ("Baghdad", "بغداد"), ("Mohammed", "محمد"), ("Muhammad", "محمد"), ("Fatima", "فاطمة"), ("Tahrir", "تحرير"),
    ("Scholz", "شولتس"), ("Washington", "واشنطن"), ("Xi", "شي"), ("Abdel", "عبد"), ("Putin", "بوتين"),
    ("Hussein", "حسين"), ("Wang", "وانغ"),
]


@pytest.mark.parametrize("english,arabic", SKELETONS)
def test_a_name_has_one_skeleton_in_both_scripts(english, arabic):
    assert skeleton(english) == arabic_skeleton(fold(arabic))


BARZANI_AR = "قال رئيس حكومة إقليم كردستان نيجيرفان بارزاني إن قوات البيشمركة ستواصل القتال ضد داعش."
BARZANI_EN = "Kurdistan Region Prime Minister Nechirvan Barzani said Peshmerga forces would keep fighting ISIS."
BARZANI_AR_NER = [("places", "إقليم كردستان"), ("people", "نيجيرفان بارزاني"), ("organisations", "البيشمركة"),
                  ("organisations", "داعش")]
BARZANI_EN_NER = [("places", "Kurdistan Region"), ("people", "Nechirvan Barzani"), ("organisations", "Peshmerga"),
                  ("organisations", "ISIS")]
MASROUR_EN = BARZANI_EN.replace("Nechirvan", "Masrour")
MASROUR_EN_NER = [(k, t.replace("Nechirvan", "Masrour")) for k, t in BARZANI_EN_NER]

# (case, Arabic, English, Arabic entities or None, English entities or None,
#  expected [(type, the name flagged)]: the Arabic name for name_missing, the English word
#  for name_unexpected)
CASES = [
    ("faithful, no NER", BARZANI_AR, BARZANI_EN, None, None, []),
    ("faithful, NER", BARZANI_AR, BARZANI_EN, BARZANI_AR_NER, BARZANI_EN_NER, []),
    ("first name swapped, no NER", BARZANI_AR, MASROUR_EN, None, None, [("name_unexpected", "Masrour")]),
    ("first name swapped, NER", BARZANI_AR, MASROUR_EN, BARZANI_AR_NER, MASROUR_EN_NER,
     [("name_unexpected", "Masrour")]),
    ("person dropped, NER", "قال قائد الشرطة علي كمال إن الوضع مستقر.", "The police chief said the situation was stable.",
     [("people", "علي كمال")], [], [("name_missing", "علي كمال")]),
    ("person dropped, no Arabic NER: not seen", "قال قائد الشرطة علي كمال إن الوضع مستقر.",
     "The police chief said the situation was stable.", None, None, []),
    ("city swapped, no NER", "أعلنت الأمم المتحدة أن حلف الناتو سيعقد اجتماعا في بروكسل.",
     "The United Nations announced that NATO will hold a meeting in Paris.", None, None,
     [("name_missing", "بروكسل"), ("name_unexpected", "Paris")]),
    ("acronyms and exonyms", "أعلنت الأمم المتحدة أن حلف الناتو سيعقد اجتماعا في بروكسل.",
     "The UN announced that NATO will hold a meeting in Brussels.", None, None, []),
    ("demonym", "قالت الحكومة العراقية إن الانتخابات ستجرى في موعدها.",
     "The Iraqi government said the elections would be held on time.", None, None, []),
    ("demonym swapped", "قالت الحكومة العراقية إن الانتخابات ستجرى في موعدها.",
     "The Syrian government said the elections would be held on time.", None, None, [("name_unexpected", "Syrian")]),
    ("acronym read out in Arabic letters", "قال مكتب إف بي آي إن التحقيق مستمر.", "The FBI said the investigation continues.",
     None, None, []),
    ("Latin letters kept in the Arabic", "قالت شبكة CNN إن الرئيس سيزور المنطقة.",
     "CNN said the president would visit the region.", None, None, []),
    ("Latin letters dropped", "قالت شبكة CNN إن الرئيس سيزور المنطقة.", "The network said the president would visit.",
     None, None, [("name_missing", "CNN")]),
    ("compound name and clitics", "التقى الملك عبد الله الثاني وفدا من بغداد وللبصرة.",
     "King Abdullah II met a delegation from Baghdad and Basra.", None, None, []),
    ("titles, months and days are not names", "وصل الرئيس إلى المدينة يوم الأحد 5 آذار.",
     "The President arrived in the city on Sunday, 5 March.", None, None, []),
    ("a sentence's first capital alone is not a name", "تظاهر آلاف الطلاب في السليمانية.",
     "Thousands of students protested in Sulaimaniyah.", None, None, []),
    ("a known place swapped for another", "وقعت العراق وتركيا اتفاقا لتقاسم مياه نهر دجلة.",
     "Iraq and Qatar signed an agreement to share the waters of the Tigris.", None, None,
     [("name_missing", "وتركيا"), ("name_unexpected", "Qatar")]),
]


def _summary(flags):
    return [(f["type"], f["source"]["text"] if f["type"] == "name_missing" else f["translation"]["word"])
            for f in flags]


@pytest.mark.parametrize("case,ar,en,ar_entities,en_entities,expected", CASES, ids=[c[0] for c in CASES])
def test_name_flags(case, ar, en, ar_entities, en_entities, expected):
    result = check_sentence_names(3, ar, en, ar_entities, en_entities)
    assert _summary(result.flags) == expected, [f["message"] for f in result.flags]
    assert all(f["segment"] == 3 for f in result.flags)


def test_a_flag_says_what_was_matched_against_what():
    [flag] = check_sentence_names(0, BARZANI_AR, MASROUR_EN).flags
    assert flag == {
        "type": "name_unexpected", "segment": 0,
        "source": {"text": "رئيس", "romanised": "ryys"},
        "translation": {"text": "Masrour Barzani", "word": "Masrour"},
        "match": {"method": "none", "score": 33, "needed": 100},
        "message": "«Masrour» of «Masrour Barzani» has no counterpart in the Arabic; nearest «رئيس» (ryys), "
                   "33 of 100 needed",
    }
    [missing] = check_sentence_names(0, "قالت شبكة CNN إن الرئيس سيزور المنطقة.", "The network said so.").flags
    assert missing["source"] == {"text": "CNN", "romanised": "cnn"} and missing["translation"] is None
    assert missing["message"] == "«CNN» (cnn) has no counterpart in the English; nothing near it"


def test_links_name_each_counterpart_and_method():
    result = check_sentence_names(0, BARZANI_AR, BARZANI_EN, BARZANI_AR_NER, BARZANI_EN_NER)
    assert [(l.side, l.ar.text, l.en.text, l.found.method) for l in result.links] == [
        ("ar", "إقليم كردستان", "Kurdistan", "romanised"),
        ("ar", "نيجيرفان بارزاني", "Nechirvan Barzani", "romanised"),
        ("ar", "البيشمركة", "Peshmerga", "exonym"),
        ("ar", "داعش", "ISIS", "exonym"),
        ("en", "كردستان", "Kurdistan Region", "romanised"),
        ("en", "نيجيرفان بارزاني", "Nechirvan Barzani", "romanised"),
        ("en", "البيشمركة", "Peshmerga", "exonym"),
        ("en", "داعش", "ISIS", "exonym"),
    ]


def test_glossary_matches_a_name_the_table_does_not_know():
    ar, en = "وصل وفد من قرية كاني ماسي إلى المدينة.", "A delegation from Kani Masi reached the city."
    glossary = Glossary([Entry("كاني ماسي", "Kani Masi")])
    result = check_sentence_names(0, ar, en, glossary=glossary)
    assert result.flags == ()
    assert [(l.side, l.found.method) for l in result.links] == [("ar", "glossary"), ("en", "glossary")]
    # A glossary term the English lacks is term_missing's to flag, not the name check's.
    assert check_sentence_names(0, ar, "A delegation reached the city.", glossary=glossary).flags == ()


ENGLISH_NAMES = [
    ("Iraqi Prime Minister Mohammed Shia al-Sudani met Antony Blinken in Baghdad.",
     ["Iraqi", "Mohammed Shia al-Sudani", "Antony Blinken", "Baghdad"]),
    ("On Sunday the Ministry of Oil said exports rose in March.", ["Ministry", "Oil"]),
    ("Thousands of students protested in Sulaimaniyah.", ["Sulaimaniyah"]),
    ("Baghdad - Iraq's planning ministry said so.", ["Baghdad", "Iraq"]),
    ("Washington sent two aircraft carriers.", ["Washington"]),
    ("Police said the U.S. envoy met Osama bin Laden's son.", ["U.S.", "Osama bin Laden"]),
    # A word that labels a number is not a name, nor is a unit; an acronym before one is.
    ("The Security Council adopted Resolution 2231 in Vienna.", ["Security Council", "Vienna"]),
    ("It was 51 degrees Celsius in Basra on Route 6.", ["Basra"]),
    ("The UN sent 40 trucks; UNHCR 12 more.", ["UN", "UNHCR"]),
]


@pytest.mark.parametrize("text,expected", ENGLISH_NAMES)
def test_english_names_without_ner(text, expected):
    assert [n.text for n in english_names(text)] == expected


def test_summary_name_the_article_lacks():
    sources = ["وصل الرئيس الفرنسي إيمانويل ماكرون إلى بيروت.", "التقى رئيس الوزراء في القصر."]
    translations = ["French President Emmanuel Macron arrived in Beirut.", "He met the prime minister at the palace."]
    sides = [ArabicSide(s) for s in sources]
    assert check_summary_names("Macron visited Beirut.", translations, sides) == []
    [flag] = check_summary_names("Macron visited Damascus.", translations, sides)
    assert (flag["type"], flag["segment"], flag["summary"], flag["source"]) == (
        "summary_name_unexpected", None, {"text": "Damascus", "word": "Damascus"}, None)
    [berri] = check_summary_names("Macron met Nabih Berri.", translations, sides)
    assert berri["summary"] == {"text": "Nabih Berri", "word": "Nabih"}
    # Arabic summaries are looked up in the Arabic source.
    [arabic] = check_summary_names("زار ماكرون دمشق.", translations, sides, summary_lang="ar")
    assert arabic["summary"]["text"] == "دمشق"
    assert check_summary_names("زار ماكرون بيروت.", translations, sides, summary_lang="ar") == []


def test_article_facts_carry_name_flags_and_links():
    sources = ["أعلنت الأمم المتحدة أن حلف الناتو سيعقد اجتماعا في بروكسل.", "قالت الحكومة العراقية إن الوضع مستقر."]
    translations = ["The UN announced that NATO will meet in Paris.", "The Iraqi government said the situation is stable."]
    facts, flags = article_facts(sources, translations, "NATO will meet in Paris.", None)
    assert [(f["type"], f["segment"]) for f in flags] == [("name_missing", 0), ("name_unexpected", 0)]
    assert [(n["sentence"], n["side"], n["matched"], n["method"], n["ar"] and n["ar"]["text"],
             n["en"] and n["en"]["text"]) for n in facts["names"]] == [
        (0, "ar", True, "exonym", "الأمم المتحدة", "UN"),
        (0, "ar", True, "exonym", "حلف الناتو", "NATO"),
        (0, "ar", False, "none", "بروكسل", None),  # the flag names the nearest candidate
        (0, "en", True, "exonym", "الأمم المتحدة", "UN"),
        (0, "en", True, "exonym", "حلف الناتو", "NATO"),
        (0, "en", False, "none", None, "Paris"),
        (1, "en", True, "exonym", "العراقية", "Iraqi"),
    ]
    link = facts["names"][0]
    assert sources[0][link["ar"]["start"]:link["ar"]["end"]] == "الأمم المتحدة"
    assert translations[0][link["en"]["start"]:link["en"]["end"]] == "UN"


def test_article_facts_use_ner_entities_when_given():
    _, flags = article_facts(["قال قائد الشرطة علي كمال إن الوضع مستقر."], ["The police chief said it was stable."], "",
                             None, source_entities=[[("people", "علي كمال")]], translation_entities=[[]])
    assert [(f["type"], f["source"]["text"]) for f in flags] == [("name_missing", "علي كمال")]


def test_tarjama_check_reports_name_flags():
    flags = check_pair("زار وزير الخارجية التركي هاكان فيدان دمشق أمس.",
                       "Turkish Foreign Minister Hakan Fidan visited Beirut yesterday.").flags
    assert [f["type"] for f in flags] == ["name_missing", "name_unexpected"]
    assert check_pair("زار وزير الخارجية التركي هاكان فيدان دمشق أمس.",
                      "Turkish Foreign Minister Hakan Fidan visited Damascus yesterday.").flags == []


# -- the review page and the HTML page ------------------------------------------------------

from tests.conftest import load_json  # noqa: E402
from tests.test_review import _client, out, review_out  # noqa: E402,F401  (fixtures)


def test_review_page_marks_names_with_their_counterparts(out):  # noqa: F811
    import html
    import json
    import re

    client = _client(out)
    page = client.get("/article/seed").get_data(as_text=True)
    record = load_json(out / "articles" / "seed.json")
    block = re.search(r"<div hidden id=\"name-links\" data-links='(.*?)'></div>", page, re.S).group(1)
    assert json.loads(html.unescape(block)) == record["facts"]["names"] != []
    assert page.count('<tr data-segment="') == len(record["segments"])
    assert '<script src="/static/names.js"></script>' in page and 'href="/static/names.css"' in page
    # Random weights translate no name, so the seed's names are flagged, each saying what it met.
    missing = [f for f in record["flags"] if f["type"] == "name_missing"]
    assert missing and all(f["match"]["method"] == "none" for f in missing)
    from markupsafe import escape

    first = missing[0]["source"]
    assert f"{escape(first['text'])}</bdi> ({escape(first['romanised'])}) has no counterpart in the English" in page
    script = client.get("/static/names.js")
    assert script.status_code == 200 and b"name-links" in script.data


def test_html_page_words_a_name_flag_by_what_it_compared():
    from tarjama.render.html import render_article

    flag = check_sentence_names(0, BARZANI_AR, MASROUR_EN).flags[0]
    record = {"id": "x", "title": {"ar": "", "en": ""}, "source": {"path": "x.txt", "name": None}, "published": None,
              "summary": {"en": "", "ar": ""}, "flags": [flag], "segments": [{"ar": BARZANI_AR, "en": MASROUR_EN,
              "score": None}], "models": {"translate": "t", "summarise": "s"}}
    page = render_article(record, -1.5)
    assert ("name_unexpected · sentence 1:\n<bdi>Masrour</bdi> of <bdi>Masrour Barzani</bdi> has no counterpart in "
            "the Arabic\n— nearest <bdi>رئيس</bdi>, 33 of 100 needed (none)") in page
