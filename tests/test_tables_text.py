"""Text processing as tables: where a sentence ends (a list number in Arabic-Indic digits does
not end one), and a glossary term found behind every clitic Arabic glues to a word (و ف, ب ك ل,
ال, لل and their combinations), with the clitics that carry meaning kept before the English.
The sentences are written for these tests."""

from __future__ import annotations

import pytest

from translate.glossary import Entry, Glossary
from translate.segment import split_sentences

# -- segmentation ---------------------------------------------------------------------------------
LISTS = [
    # A list number at the start of a line, in either digits, is part of its item.
    ("١. افتتاح الجسر الجديد.", ["١. افتتاح الجسر الجديد."]),
    ("١. افتتاح الجسر الجديد.\n٢. توسيع شبكة الكهرباء.", ["١. افتتاح الجسر الجديد.", "٢. توسيع شبكة الكهرباء."]),
    ("١٢. بند ثاني عشر في القائمة.", ["١٢. بند ثاني عشر في القائمة."]),
    ("١٢٣. بند طويل الرقم.", ["١٢٣. بند طويل الرقم."]),
    ("  ٣. بند بعد مسافة.", ["٣. بند بعد مسافة."]),
    ("3. بند بأرقام لاتينية.", ["3. بند بأرقام لاتينية."]),
    ("٤. أولا. ثانيا.", ["٤. أولا.", "ثانيا."]),
    # Not a list number: a year or a figure that ends a sentence does end it.
    ("انتهى العام ٢٠٢٣. وبدأ عام جديد.", ["انتهى العام ٢٠٢٣.", "وبدأ عام جديد."]),
    ("بلغ عدد الزوار ١٥٠. وقال المدير إنه راض.", ["بلغ عدد الزوار ١٥٠.", "وقال المدير إنه راض."]),
    ("٢٠٢٣. عام صعب.", ["٢٠٢٣.", "عام صعب."]),  # four digits: a year, not an item
    # Numbers with a dot inside are never split.
    ("بلغ النمو ٤.٥ في المئة. ثم تراجع.", ["بلغ النمو ٤.٥ في المئة.", "ثم تراجع."]),
]
BOUNDARIES = [
    ("هل وصل الوفد؟ نعم وصل! ثم عقد اجتماعا.", ["هل وصل الوفد؟", "نعم وصل!", "ثم عقد اجتماعا."]),
    ("أعلنت الوزارة النتائج؛ وبدأ التسجيل.", ["أعلنت الوزارة النتائج؛", "وبدأ التسجيل."]),
    ("قال المدير: «سنبدأ غدا.» ثم خرج.", ["قال المدير: «سنبدأ غدا.»", "ثم خرج."]),
    ("التقى م. خالد بالعمال. ثم غادر.", ["التقى م. خالد بالعمال.", "ثم غادر."]),
    ("وصل Dr. Smith أمس. ثم غادر.", ["وصل Dr. Smith أمس.", "ثم غادر."]),
    ("انتهى الاجتماع.. ثم بدأ آخر.", ["انتهى الاجتماع..", "ثم بدأ آخر."]),
    ("انتهى الاجتماع. —", ["انتهى الاجتماع. —"]),  # stray punctuation joins the sentence before
    ("— بداية السطر.", ["— بداية السطر."]),
    ("سطر\n\nآخر", ["سطر", "آخر"]),
    # An abbreviation inside brackets or quotes; a single Latin initial; a two-letter word is a word.
    ("التقى (د. أحمد) بالوزير. ثم غادر.", ["التقى (د. أحمد) بالوزير.", "ثم غادر."]),
    ("قال «د. أحمد» إنه سيحضر.", ["قال «د. أحمد» إنه سيحضر."]),
    ("قال J. Smith إنه سيحضر. ثم غادر.", ["قال J. Smith إنه سيحضر.", "ثم غادر."]),
    ("هذا ما قاله هو. ثم غادر.", ["هذا ما قاله هو.", "ثم غادر."]),
    # An ellipsis ends a sentence even after a letter that abbreviates.
    ("وصل م... ثم غادر.", ["وصل م...", "ثم غادر."]),
    # A line that opens with a full stop: the stop joins the sentence before.
    ("جملة أولى\n. جملة ثانية.", ["جملة أولى .", "جملة ثانية."]),
]


@pytest.mark.parametrize("paragraph,sentences", LISTS + BOUNDARIES)
def test_sentences_end_where_arabic_news_ends_them(paragraph, sentences):
    assert split_sentences(paragraph) == sentences


# -- glossary clitics -------------------------------------------------------------------------------
# (the word as written, the clitics kept before the English). The article (ال) is dropped: the
# English term carries its own.
TERM = Entry("البيشمركة", "Peshmerga")
CLITICS = [
    ("البيشمركة", ""), ("بيشمركة", ""),
    ("والبيشمركة", "و"), ("فالبيشمركة", "ف"),
    ("بالبيشمركة", "ب"), ("كالبيشمركة", "ك"), ("للبيشمركة", "ل"),
    ("ببيشمركة", "ب"), ("كبيشمركة", "ك"), ("لبيشمركة", "ل"),
    ("وبالبيشمركة", "وب"), ("وكالبيشمركة", "وك"), ("وللبيشمركة", "ول"),
    ("فبالبيشمركة", "فب"), ("فكالبيشمركة", "فك"), ("فللبيشمركة", "فل"),
    ("وبيشمركة", "و"), ("فبيشمركة", "ف"), ("ولبيشمركة", "ول"), ("فكبيشمركة", "فك"),
]
# Letters that are not clitics glued before the term: no match.
NOT_CLITICS = ["تبيشمركة", "مالبيشمركة", "سالبيشمركة", "ففالبيشمركة", "ووالبيشمركة", "البيشمركةو", "اللبيشمركة"]


@pytest.mark.parametrize("word,kept", CLITICS)
def test_a_term_is_found_behind_each_clitic_and_keeps_those_that_carry_meaning(word, kept):
    glossary = Glossary([TERM])
    text = f"وصلت تعزيزات {word} إلى الجبهة."
    [match] = glossary.find(text)
    assert (text[match.start:match.end], match.prefix, match.entry) == (word, kept, TERM)
    english = f"{kept} Peshmerga" if kept else "Peshmerga"
    assert glossary.apply(text) == (f"وصلت تعزيزات {english} إلى الجبهة.", [match])


@pytest.mark.parametrize("word", NOT_CLITICS)
def test_other_letters_glued_to_a_term_are_another_word(word):
    assert Glossary([TERM]).find(f"وصلت تعزيزات {word} إلى الجبهة.") == []


PHRASE = Entry("مجلس الأمن", "Security Council")


@pytest.mark.parametrize("phrase,kept", [("مجلس الأمن", ""), ("ومجلس الأمن", "و"), ("فمجلس الأمن", "ف"),
                                         ("لمجلس الأمن", "ل"), ("كمجلس الأمن", "ك"), ("بمجلس الأمن", "ب"),
                                         ("وبمجلس الأمن", "وب"), ("فلمجلس الأمن", "فل"), ("مجلس أمن", "")])
def test_a_phrase_takes_its_clitics_on_its_first_word(phrase, kept):
    text = f"دعا {phrase} الدولي إلى التهدئة."
    [match] = Glossary([PHRASE]).find(text)
    assert (text[match.start:match.end], match.prefix) == (phrase, kept)


@pytest.mark.parametrize("written", ["البيشمركه", "البِيشْمَرْكَة", "البيشـمركة", "البيشمرگة", "للبيشمركه"])
def test_spelling_variants_are_looked_through(written):
    text = f"قال قائد {written} إن الوضع مستقر."
    [match] = Glossary([TERM]).find(text)
    assert text[match.start:match.end] == written


def test_alef_forms_hamza_seats_and_alef_maqsura_are_looked_through():
    glossary = Glossary([Entry("إسرائيل", "Israel"), Entry("مستشفى الرؤى", "Al-Ruaa Hospital")])
    text = "زار وفد من اسرائيل ومستشفي الروي ثم عاد إلى أسرائيل."
    assert [(text[m.start:m.end], m.entry.english, m.prefix) for m in glossary.find(text)] == [
        ("اسرائيل", "Israel", ""), ("ومستشفي الروي", "Al-Ruaa Hospital", "و"), ("أسرائيل", "Israel", "")]


def test_the_longer_term_wins_over_a_word_inside_it():
    glossary = Glossary([Entry("كردستان", "Kurdistan"), Entry("إقليم كردستان", "Kurdistan Region")])
    text = "زار وفد إقليم كردستان ثم كردستان الشمالية."
    assert [(text[m.start:m.end], m.entry.english) for m in glossary.find(text)] == [
        ("إقليم كردستان", "Kurdistan Region"), ("كردستان", "Kurdistan")]
