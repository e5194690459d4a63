"""Summary names where the mutation run (bench/mutation.py facts.names) found them unheld: every
field of every `summary_name_unexpected` flag, for an Arabic summary against the Arabic and an
English one against the translation and the Arabic, each name after one that is found. The
sentences were written for these tests."""

from __future__ import annotations

import pytest

from facts.names import NameCheck, check_sentence_names, check_summary_names, link_json
from facts.name_sides import ArabicSide
from facts.romanise import romanise

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


# -- the third run's survivors (bench/mutation.py facts.names) ---------------------------------

def test_a_pair_with_one_side_blank_is_not_checked():
    assert check_sentence_names(0, "  ", "They met Omar in Basra.") == NameCheck()
    assert check_sentence_names(0, "وصل وفد من فرنسا", " ") == NameCheck()


def test_a_name_with_nothing_near_it_names_no_source():
    ar, en = "قالوا إن ذلك تم.", "They said Omar did it."
    assert check_sentence_names(0, ar, en).flags == ({
        "type": "name_unexpected", "segment": 0, "source": None,
        "translation": {"text": "Omar", "word": "Omar"}, "match": {"method": "none", "score": 0, "needed": 100},
        "message": "«Omar» has no counterpart in the Arabic; nothing near it"},)


def test_a_summary_word_of_vowels_only_found_as_written():
    # Yi has no consonant to compare: found because the translation writes it.
    sources = [ArabicSide("التقى الوزير السوداني في البصرة")]
    assert check_summary_names("Minister Yi met Sudani in Basra.", ["Minister Yi met Sudani in Basra."],
                               sources) == []


def test_a_summary_name_found_across_two_translated_sentences():
    # Hasan is Hassan by its consonants; the translation's sentences are read as one text.
    assert check_summary_names("They said Hasan left.", ["They met Omar", "Hassan left."],
                               [ArabicSide("غادر")]) == []


def test_a_summary_name_known_whole_though_one_word_is_not():
    # Saudi Arabia is known and the translation names it (the Saudi government); Arabia alone
    # is nowhere, and needs looking up no more.
    assert check_summary_names("Officials in Saudi Arabia agreed.", ["The Saudi government agreed."],
                               [ArabicSide("وافقت الحكومة السعودية.")]) == []


def test_a_summary_name_near_the_translation_is_checked_against_the_arabic():
    # Kadhimi is one edit from Kazimi: close enough to be a spelling (67 of 67), not to be taken
    # without the Arabic (90), which here has nothing.
    assert check_summary_names("They met Kadhimi.", ["They met Kazimi."], []) == [{
        "type": "summary_name_unexpected", "segment": None, "source": None,
        "summary": {"text": "Kadhimi", "word": "Kadhimi"}, "translation": {"text": "Kazimi"},
        "match": {"method": "romanised", "score": 67, "needed": 67},
        "message": "the summary's «Kadhimi» is in neither the translation nor the Arabic; nearest «Kazimi», "
                   "67 of 67 needed"}]
    # The same consonants are the same name.
    assert check_summary_names("They met Mohammad.", ["They met Mohammed."], []) == []


@pytest.mark.parametrize("summary, flagged", [
    ("They met Kornblumbergfeld.", False),  # 12 consonants, one edit: 92
    ("They met Kornblumbergsteldn.", False),  # 14 and 13: 93
])
def test_a_long_summary_name_one_edit_away_is_the_same(summary, flagged):
    translations = ["They met Kornblumbergfelt.", "They met Kornblumbergsteld."]
    assert bool(check_summary_names(summary, translations, [])) is flagged


def test_a_summary_name_at_exactly_ninety():
    # Ten consonants, one edit apart: 90, the least that is taken without the Arabic.
    assert check_summary_names("They met Rumpelstiltskun.", ["They met Rumpelstiltskix."], []) == []


def test_a_summary_word_found_through_an_arabic_glossary_term():
    glossary = Glossary([Entry("كاني ماسي", "Kani Masi")])
    sources = [ArabicSide("زار الوفد كاني ماسي", glossary)]
    assert check_summary_names("The delegation visited Kani Masi.", ["The delegation visited the village."],
                               sources) == []


def test_find_arabic_a_single_known_word_is_its_exonym_before_a_glossary_term():
    side = ArabicSide("زار الوفد البصرة", Glossary([Entry("البصرة", "Basra")]))
    text = "They visited Basra"
    name = Name("Basra", 13, 18)
    assert find_arabic(name, side) == (True, Found("exonym", 100, 100, Window("البصرة", 10, 16, "", romanise("البصرة"))),
                                       "Basra")
    assert text[name.start:name.end] == "Basra"


def test_find_arabic_a_known_name_of_six_words():
    ar = "قالت اللجنة الدولية للصليب الأحمر إن الوضع خطير."
    en = "The International Committee of the Red Cross said so."
    check = check_sentence_names(0, ar, en, ar_entities=[("ORG", "اللجنة الدولية للصليب الأحمر")],
                                 en_entities=[("ORG", "International Committee of the Red Cross")])
    assert check.flags == ()
    assert [(link.en.text, link.found.method) for link in check.links if link.side == "en"] == [
        ("International Committee of the Red Cross", "exonym")]


def test_find_arabic_a_first_word_that_may_go_is_kept_when_it_is_the_only_one():
    # Zain starts the sentence (its capital proves nothing) but Group is translated: Zain is
    # the only word to check, and the Arabic lacks it.
    check = check_sentence_names(0, "قالت الشركة إن الأرباح ارتفعت.", "Zain Group said profits rose.")
    assert [(f["type"], f["translation"]) for f in check.flags] == [
        ("name_unexpected", {"text": "Zain Group", "word": "Zain"})]


@pytest.mark.parametrize("gap, whole", [(52, True), (53, False)])
def test_find_arabic_a_match_spread_over_sixty_characters_shows_its_first_word(gap, whole):
    ar = "أحمد" + " " * gap + "كريم"
    matched, found, _ = find_arabic(Name("Ahmed Karim", 9, 20), ArabicSide(ar))
    assert matched
    assert found.window == (Window(ar, 0, len(ar), "", romanise(ar)) if whole else
                            Window("أحمد", 0, 4, "hmd", romanise("احمد")))


def test_find_english_a_relative_adjective_of_one_word_is_its_place():
    ar = "قالت الحكومة العراقية"
    en = "The Iraqi government said"
    assert _english(ar, "العراقية", en) == Found("exonym", 100, 100, Window("Iraqi", 4, 9, "", "iraqi"))


def test_find_english_a_name_written_as_one_english_word_by_nearness():
    # توتال إنرجي lacks the final ز of TotalEnergies: one edit in six.
    found = _english("أعلنت توتال إنرجي أرباحها", "توتال إنرجي", "TotalEnergies reported profits")
    assert (found.method, found.score, found.window.text) == ("romanised", 83, "TotalEnergies")


def test_find_english_the_forms_of_a_word_drop_its_article():
    found = _english("قال الكاظمي إن", "الكاظمي", "Kadhimi said")
    assert (found.method, found.score, found.window.text) == ("romanised", 100, "Kadhimi")


def test_find_english_a_compound_before_the_last_word_and_as_the_last_word():
    found = _english("قال حسين عبد الله", "حسين عبد الله", "Abdullah said")
    assert (found.method, found.score, found.window.text) == ("romanised", 100, "Abdullah")
    found = _english("قال حسين عبد", "حسين عبد", "Abdullah said")  # a cut name ends in عبد
    assert found.method == "none"


def test_find_english_of_two_equally_near_words_the_first_is_named():
    assert _english("التقى بدر نصر", "بدر نصر", "They met Badi and Nasi.") == Found(
        "none", 67, 100, Window("Badi", 9, 13, "bd", "badi"))


def test_a_summary_name_s_word_of_vowels_only_found_as_written_beside_a_missing_one():
    # Yi is in the translation (it has no consonants to compare); Karimov is nowhere.
    flags = check_summary_names("They met Yi Karimov.", ["They met Yi."], [])
    assert [f["summary"] for f in flags] == [{"text": "Yi Karimov", "word": "Karimov"}]


def test_find_arabic_a_known_phrase_inside_a_longer_one_is_not_looked_up_again():
    # العرب (Arab) opens the sentence; Arab inside United Arab Emirates must not pull the
    # name's window back to it.
    ar = "قال العرب إن الإمارات العربية المتحدة قوية"
    at = ar.index("الإمارات")
    matched, found, _ = find_arabic(Name("United Arab Emirates", 0, 20), ArabicSide(ar))
    assert matched and found == Found("exonym", 100, 100, Window(ar[at:at + 24], at, at + 24, "",
                                                                  romanise(ar[at:at + 24])))


def test_find_arabic_a_known_phrase_after_one_already_found():
    # NER may give two places as one name: each is still found whole, the second after the
    # first has claimed its words.
    ar = "وقعت الإمارات العربية المتحدة والسعودية اتفاقا"
    matched, found, _ = find_arabic(Name("United Arab Emirates and Saudi Arabia", 0, 37), ArabicSide(ar))
    assert matched and (found.method, found.score) == ("exonym", 100)
