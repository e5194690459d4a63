"""Summary names where the mutation run (bench/mutation.py facts.names) found them unheld: every
field of every `summary_name_unexpected` flag, for an Arabic summary against the Arabic and an
English one against the translation and the Arabic, each name after one that is found. The
sentences were written for these tests."""

from __future__ import annotations

import pytest

from facts.names import check_sentence_names, check_summary_names, link_json
from facts.name_sides import ArabicSide

SOURCES = ["زار الرئيس العراقي محمد شياع السوداني مدينة البصرة والتقى المحافظ أسعد العيداني.",
           "وصل وفد من فرنسا إلى بغداد."]
TRANSLATIONS = ["Iraqi President Mohammed Shia al-Sudani visited Basra and met governor Asaad al-Eidani.",
                "A delegation from France arrived in Baghdad."]


def _check(summary: str, lang: str = "en") -> list[dict]:
    return check_summary_names(summary, TRANSLATIONS, [ArabicSide(s) for s in SOURCES], lang)


def test_an_arabic_summary_s_names_are_looked_up_in_the_arabic():
    assert _check("زار السوداني البصرة ثم سافر إلى ألمانيا.", "ar") == [{
        "type": "summary_name_unexpected", "segment": None, "source": None,
        "summary": {"text": "ألمانيا", "word": "ألمانيا"}, "translation": None,
        "match": {"method": "none", "score": 0, "needed": 100},
        "message": "the summary's «ألمانيا» is not in the Arabic source"}]
    assert _check("وصل وفد من فرنسا إلى بغداد.", "ar") == []


def test_an_english_summary_s_names_in_neither_the_translation_nor_the_arabic():
    # Sudani and Basra are in both; Eidany is a near spelling of al-Eidani; the rest are nowhere.
    assert _check("Sudani visited Basra, then met Macron in Paris and Eidany in Mosul.") == [
        {"type": "summary_name_unexpected", "segment": None, "source": None,
         "summary": {"text": "Macron", "word": "Macron"}, "translation": {"text": "Iraqi President"},
         "match": {"method": "none", "score": 38, "needed": 88},
         "message": "the summary's «Macron» is in neither the translation nor the Arabic; nearest «Iraqi President», "
                    "38 of 88 needed"},
        {"type": "summary_name_unexpected", "segment": None, "source": None,
         "summary": {"text": "Paris", "word": "Paris"}, "translation": {"text": "President"},
         "match": {"method": "none", "score": 50, "needed": 83},
         "message": "the summary's «Paris» is in neither the translation nor the Arabic; nearest «President», 50 of "
                    "83 needed"},
        {"type": "summary_name_unexpected", "segment": None, "source": None,
         "summary": {"text": "Mosul", "word": "Mosul"}, "translation": {"text": "Basra"},
         "match": {"method": "none", "score": 33, "needed": 67},
         "message": "the summary's «Mosul» is in neither the translation nor the Arabic; nearest «Basra», 33 of 67 "
                    "needed"}]
    assert _check("A delegation from France arrived in Baghdad.") == []
    assert _check("  ") == []



# Arabic, English, each link (Arabic span, English span, method, score, matched, side), the flags:
# the methods of matching (exonym, romanised, an acronym spelt out, copied Latin letters) and misses.
PAIRS = [('زار محمد شياع السوداني مدينة البصرة والتقى ممثل منظمة الصحة العالمية.',
  'Mohammed Shia al-Sudani visited Basra and met a WHO representative.',
  [(('البصرة', 29, 35), ('Basra', 32, 37), 'exonym', 100, True, 'ar'),
   (('منظمة الصحة العالمية', 48, 68), ('WHO', 48, 51), 'exonym', 100, True, 'ar'),
   (('محمد شياع السوداني', 4, 22), ('Mohammed Shia al-Sudani', 0, 23), 'romanised', 100, True, 'en'),
   (('البصرة', 29, 35), ('Basra', 32, 37), 'exonym', 100, True, 'en')],
  []),
 ('قال مكتب إف بي آي إن المشتبه به يدعى كريم الجبوري.',
  'The FBI office said the suspect is named Karim al-Jubouri.',
  [(('إف بي آي', 9, 17), ('FBI', 4, 7), 'exonym', 100, True, 'ar'),
   (('إف بي آي', 9, 17), ('FBI', 4, 7), 'exonym', 100, True, 'en'),
   (('كريم الجبوري', 37, 49), ('Karim al-Jubouri', 41, 57), 'romanised', 100, True, 'en')],
  []),
 ('التقى الوزير فؤاد حسين نظيره التركي في أنقرة.',
  'Minister Fuad Hussein met his Turkish counterpart in Istanbul with Erdogan.',
  [(('أنقرة', 39, 44), None, 'none', 40, False, 'ar'),
   (('فؤاد حسين', 13, 22), ('Fuad Hussein', 9, 21), 'romanised', 100, True, 'en'),
   (('التركي', 29, 35), ('Turkish', 30, 37), 'exonym', 100, True, 'en'),
   (None, ('Istanbul', 53, 61), 'none', 20, False, 'en'),
   (None, ('Erdogan', 67, 74), 'none', 25, False, 'en')],
  [{'type': 'name_missing',
    'segment': 2,
    'source': {'text': 'أنقرة', 'romanised': "'nqrh"},
    'translation': {'text': 'Minister'},
    'match': {'method': 'none', 'score': 40, 'needed': 80},
    'message': "«أنقرة» ('nqrh) has no counterpart in the English; nearest «Minister», 40 of 80 needed"},
   {'type': 'name_unexpected',
    'segment': 2,
    'source': {'text': 'التقى', 'romanised': 'tqy'},
    'translation': {'text': 'Istanbul', 'word': 'Istanbul'},
    'match': {'method': 'none', 'score': 20, 'needed': 100},
    'message': '«Istanbul» has no counterpart in the Arabic; nearest «التقى» (tqy), 20 of 100 needed'},
   {'type': 'name_unexpected',
    'segment': 2,
    'source': {'text': 'فؤاد', 'romanised': 'fwd'},
    'translation': {'text': 'Erdogan', 'word': 'Erdogan'},
    'match': {'method': 'none', 'score': 25, 'needed': 100},
    'message': '«Erdogan» has no counterpart in the Arabic; nearest «فؤاد» (fwd), 25 of 100 needed'}]),
 ('أعلنت شركة Total عن استثمار جديد في العراق.',
  'TotalEnergies announced a new investment in Iraq.',
  [(('Total', 11, 16), ('Total', 0, 5), 'copied', 100, True, 'ar'),
   (('العراق', 36, 42), ('Iraq', 44, 48), 'exonym', 100, True, 'ar'),
   (('العراق', 36, 42), ('Iraq', 44, 48), 'exonym', 100, True, 'en')],
  [])]


def _brief(link: dict) -> tuple:
    def span(side: dict | None) -> tuple | None:
        return (side["text"], side["start"], side["end"]) if side else None

    return (span(link["ar"]), span(link["en"]), link["method"], link["score"], link["matched"], link["side"])


@pytest.mark.parametrize("index", range(len(PAIRS)))
def test_each_pair_s_links_and_flags_in_full(index):
    arabic, english, links, flags = PAIRS[index]
    found = check_sentence_names(index, arabic, english)
    assert [_brief(link_json(index, link)) for link in found.links] == links
    assert list(found.flags) == flags


# The pieces of the check, one by one: an English name's words and the ones that need a
# counterpart, then each way of finding a counterpart with the Found it gives in full.
from facts.names import _required, _words, find_arabic, find_english  # noqa: E402
from facts.name_sides import EnglishSide, Found, Window  # noqa: E402
from facts.name_spans import Name  # noqa: E402
from translate.glossary import Entry, Glossary  # noqa: E402


def _name(text: str, at: int = 10, **kw) -> Name:
    return Name(text, at, at + len(text), **kw)


@pytest.mark.parametrize("text, words", [
    ("Jean-Pierre al-Sudani", [("Jean", 10, 14), ("Pierre", 15, 21), ("al-Sudani", 22, 31)]),
    # al- and el- stay with what follows whatever their case; a lower-case part of a
    # hyphenated word is no name word, and its offset still counts.
    ("AL-Sudani El-Sisi", [("AL-Sudani", 10, 19), ("El-Sisi", 20, 27)]),
    ("Tel-Aviv-Jaffa", [("Tel", 10, 13), ("Aviv", 14, 18), ("Jaffa", 19, 24)]),
    ("al-Hakim-Ali", [("al-Hakim", 10, 18), ("Ali", 19, 22)]),
    ("el-Baz-Omar", [("el-Baz", 10, 16), ("Omar", 17, 21)]),
    ("Trans-jordan Wadi", [("Trans", 10, 15), ("Wadi", 23, 27)]),
    ("Hennis-Plasschaert", [("Hennis", 10, 16), ("Plasschaert", 17, 28)]),
])
def test_an_english_name_s_words(text, words):
    assert _words(_name(text)) == words


def test_the_words_that_need_a_counterpart():
    text = "President Abdullah II of the Ministry of Health G20 van Dijk"
    guessed, person = _name(text, 0), _name(text, 0, kind="people")
    assert _required(guessed, _words(guessed)) == [("Abdullah", 10, 18), ("Dijk", 56, 60)]
    assert _required(person, _words(person)) == [("Abdullah", 10, 18), ("Ministry", 29, 37), ("Health", 41, 47),
                                                 ("Dijk", 56, 60)]
    # A plural of a translated word is translated too (Banks), Ministries is no plural of one.
    plural = _name("Ministries Banks Bank", 0)
    assert _required(plural, _words(plural)) == [("Ministries", 0, 10)]


def _english(arabic: str, name: str, english: str, glossary=None) -> Found:
    at = arabic.find(name)
    return find_english(Name(name, at, at + len(name)), ArabicSide(arabic, glossary), EnglishSide(english), glossary)


def test_find_english_through_the_glossary():
    glossary = Glossary([Entry("كاني ماسي", "Kani Masi")])
    arabic = "وصل الوفد إلى كاني ماسي أمس."
    # The first place it is written, in any case.
    assert _english(arabic, "كاني ماسي", "The delegation visited the area, then KANI MASI and Kani Masi again.",
                    glossary) == Found("glossary", 100, 100, Window("KANI MASI", 38, 47, "", "kani masi"))
    assert _english(arabic, "كاني ماسي", "Kani Masi welcomed them.", glossary) == Found(
        "glossary", 100, 100, Window("Kani Masi", 0, 9, "", "kani masi"))
    # Honoured across two spaces, which no plain search finds: matched with no span.
    assert _english(arabic, "كاني ماسي", "The Kani  Masi district welcomed them.", glossary) == Found(
        "glossary", 100, 100, None)


def test_find_english_through_a_nisba_copied_letters_and_a_compound():
    assert _english("قال المسؤول العراقي إن الوفد وصل.", "المسؤول العراقي",
                    "The Iraqi official said the delegation arrived.") == Found(
        "exonym", 100, 100, Window("Iraqi", 4, 9, "", "iraqi"))
    # Latin letters: their first place in the English; a near one is the nearest window.
    assert _english("قالت قناة CNN إن الوفد وصل.", "CNN", "A CNN report said that CNN saw it.") == Found(
        "copied", 100, 100, Window("CNN", 2, 5, "", "cnn"))
    assert _english("قالت قناة CNX إن الوفد وصل.", "CNX", "A CNN report said it.") == Found(
        "none", 50, 100, Window("A CNN", 0, 5, "sn", "acnn"))
    # عبد and what follows as one word, when the whole name is not one English word.
    assert _english("التقى عبد الكريم حسن الوزير.", "عبد الكريم حسن", "The minister met Hassan and then Abdulkarim.") \
        == Found("romanised", 100, 80, Window("Abdulkarim", 33, 43, "bdkrm", "abdulkarim"))
    assert _english("التقى عبد الكريم الوزير.", "عبد الكريم", "Abdulkarim met the minister.") == Found(
        "romanised", 100, 80, Window("Abdulkarim", 0, 10, "bdkrm", "abdulkarim"))
    # An exonym the Arabic holds, and a name with nothing at all to compare with.
    assert _english("زار الوفد البصرة أمس.", "البصرة", "The delegation visited Basra yesterday.") == Found(
        "exonym", 100, 100, Window("Basra", 23, 28, "", "basra"))
    assert _english("زار الحكيم البصرة أمس.", "الحكيم", "2024.") == Found("none", 0, 100, None)
    # Only a translated word: nothing to spell out.
    assert _english("قالت الوزارة إن الوفد وصل.", "الوزارة", "The ministry said the delegation arrived.") == Found(
        "unchecked", 0, 0, None)


def _arabic(arabic: str, english: str, **kw) -> tuple[bool, Found, str]:
    return find_arabic(_name(english, 5, **kw), ArabicSide(arabic))


def test_find_arabic_known_phrases_and_translated_words():
    assert _arabic("قال الوزير إن الحكومة ستعمل.", "Ministry") == (True, Found("unchecked", 0, 0, None), "Ministry")
    assert _arabic("قال الوزير إن الحكومة ستعمل.", "--") == (True, Found("unchecked", 0, 0, None), "--")
    # A known phrase the Arabic lacks is missing whole, even though its words are translated ones.
    assert _arabic("قال الوزير إن الحكومة ستعمل.", "World Bank") == (
        False, Found("exonym", 0, 100, None), "World Bank")
    assert _arabic("قال البنك الدولي إن العراق ينمو.", "World Bank") == (
        True, Found("exonym", 100, 100, Window("البنك الدولي", 4, 16, "", "lbnk ldwly")), "World Bank")
    # The phrase inside a longer name, after a spelt name; the span covers both.
    assert _arabic("زار عمار الحكيم البنك الدولي.", "Hakim World Bank") == (
        True, Found("romanised+exonym", 100, 100, Window("الحكيم البنك الدولي", 9, 28, "", "lhkym lbnk ldwly")),
        "Hakim World Bank")
    assert _arabic("زار عمار الحكيم البنك الدولي في واشنطن.", "Hakim World Bank Washington") == (
        True, Found("romanised+exonym", 100, 100,
                    Window("الحكيم البنك الدولي في واشنطن", 9, 38, "", "lhkym lbnk ldwly fy wshntn")),
        "Hakim World Bank Washington")


def test_find_arabic_misses_and_a_first_word_that_may_go():
    zr = Window("زار", 0, 3, "sr", "zr")
    assert _arabic("زار الحكيم البصرة.", "Singer Hakim", first_optional=True) == (
        True, Found("romanised", 100, 67, Window("الحكيم", 4, 10, "", "lhkym")), "Singer Hakim")
    assert _arabic("زار الحكيم البصرة.", "Hakim Singer", first_optional=True) == (
        False, Found("none", 50, 100, zr), "Singer")
    assert _arabic("زار الحكيم البصرة.", "Singer Trump Hakim", first_optional=True) == (
        False, Found("none", 25, 100, zr), "Trump")
    # Of two misses, the weaker.
    assert _arabic("زار الحكيم البصرة.", "Hakim Trump Zelensky") == (False, Found("none", 20, 100, zr), "Zelensky")
    # Counterparts far apart: the first one's span, not a window across the sentence.
    assert _arabic("زار عمار الحكيم مع وفد كبير من المستشارين والخبراء والمسؤولين مدينة واشنطن.",
                   "Hakim Washington") == (
        True, Found("romanised", 100, 75, Window("الحكيم", 9, 15, "hkm", "hkym")), "Hakim Washington")


def test_find_arabic_a_known_phrase_inside_translated_words():
    # Every word is a translated one; the known phrase in it is what the Arabic lacks.
    assert _arabic("قال الوزير إن الحكومة ستعمل.", "World Bank President") == (
        False, Found("exonym", 0, 100, None), "World Bank")
    assert _arabic("قال البنك الدولي إن العراق ينمو.", "World Bank President") == (
        True, Found("exonym", 100, 100, Window("البنك الدولي", 4, 16, "", "lbnk ldwly")), "World Bank President")


# Each way a word of a summary name is found, followed by one that is not: the check goes on to
# the next name, or the next word, and flags the one missing (run of edcc847: 775/823).
@pytest.mark.parametrize("summary,name", [
    ("French officials met Macron.", "Macron"),  # a demonym of a place the translation names
    ("Asaad Macron arrived.", "Asaad Macron"),  # a word the translation has as it is
    ("Eidany Macron arrived.", "Eidany Macron"),  # a near spelling of al-Eidani
])
def test_a_name_or_word_found_and_the_next_one_missing(summary, name):
    assert [(f["summary"], f["translation"]) for f in _check(summary)] == [
        ({"text": name, "word": "Macron"}, {"text": "Iraqi President"})]


def test_a_word_only_the_arabic_has_and_then_one_nothing_has():
    flags = check_summary_names("Basra Macron arrived.", ["A delegation arrived."], [ArabicSide(SOURCES[0])])
    assert [(f["summary"], f["translation"], f["match"]["method"]) for f in flags] == [
        ({"text": "Basra Macron", "word": "Macron"}, None, "none")]  # no window of the translation comes near


def test_a_glossary_term_is_honoured_whatever_its_case():
    from facts.names import _honoured

    assert _honoured("the world bank said", "World Bank")
    assert not _honoured("the world banking said", "World Bank")


@pytest.mark.parametrize("entities,expected", [
    (None, [("Macron", "en")]),  # no NER output: the English names are found by their capitals
    ([], []),  # NER ran and found none: none
    ([("people", "Macron")], [("Macron", "en")]),
])
def test_english_ner_output_replaces_the_capitals_when_given(entities, expected):
    check = check_sentence_names(0, "وصل الوفد إلى المدينة.", "The delegation met Macron in the city.",
                                 en_entities=entities)
    assert [(link.en.text, link.side) for link in check.links] == expected
    assert [f["type"] for f in check.flags] == ["name_unexpected"] * len(expected)
