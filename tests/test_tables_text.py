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
    ("التقى X. Smith بالوزير.", ["التقى X. Smith بالوزير."]),
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


@pytest.mark.parametrize("term,text,found", [
    # A three-letter word that starts with ال is a word, not the article and a letter.
    (Entry("ألم", "pain"), "شعر بألم ثم التقى م. أحمد", [("بألم", "ب")]),
    # A four-letter one is the article and its word, which may come without it.
    (Entry("البث", "broadcast"), "أوقف بث القناة والبث الإذاعي", [("بث", ""), ("والبث", "و")]),
    # Every word of a longer phrase, each with or without its article.
    (Entry("مجلس الأمن الدولي", "UN Security Council"), "اجتمع مجلس الأمن الدولي ثم لمجلس امن الدولي",
     [("مجلس الأمن الدولي", ""), ("لمجلس امن الدولي", "ل")]),
])
def test_the_article_of_a_term_and_its_later_words(term, text, found):
    assert [(text[m.start:m.end], m.prefix) for m in Glossary([term]).find(text)] == found


def test_a_multi_word_english_term_is_honoured_across_any_spacing():
    from translate.glossary import honoured

    term = Entry("مجلس الأمن", "Security Council")
    assert [honoured(e, term) for e in ("The Security  Council met.", "the security\ncouncil", "Security-Council",
                                        "SecurityCouncil")] == [True, True, False, False]


def test_an_empty_glossary_is_false_and_its_fingerprint_follows_its_terms():
    assert not Glossary([]) and Glossary([TERM])
    one, same = Glossary([TERM, PHRASE]).fingerprint(), Glossary([TERM, PHRASE]).fingerprint()
    changed = Glossary([TERM, Entry("مجلس الأمن", "UN Security Council")]).fingerprint()
    assert one == same != changed and len(one) == 16 and int(one, 16) >= 0


def test_a_glossary_file_s_rows_notes_comments_and_bom(tmp_path):
    from translate.glossary import load

    path = tmp_path / "desk.tsv"
    path.write_bytes(b"\xef\xbb\xbf" + "البيشمركة\tPeshmerga\tKurdish forces\n# a comment\n\t\t\n\nداعش\tISIS\n"
                     .encode("utf-8"))
    assert sorted((e.arabic, e.english, e.note, e.source) for e in load([path]).entries) == [
        ("البيشمركة", "Peshmerga", "Kurdish forces", f"{path}:1"), ("داعش", "ISIS", "", f"{path}:5")]


@pytest.mark.parametrize("name,content,message", [
    ("terms.tsv", "داعش\n", "{path}:1: expected ARABIC, ENGLISH and an optional note, separated by a tab; got 1 field(s)"),
    ("terms.csv", "داعش\n", "{path}:1: expected ARABIC, ENGLISH and an optional note, separated by a comma; got 1 "
                           "field(s)"),
    ("TERMS.CSV", "داعش,ISIS,note,more\n", "{path}:1: expected ARABIC, ENGLISH and an optional note, separated by a "
                                          "comma; got 4 field(s)"),
    ("terms.tsv", "ISIS\tداعش\n", "{path}:1: the first field 'ISIS' has no Arabic letters (tatweel and diacritics "
                                  "alone match nothing)"),
])
def test_a_bad_glossary_row_is_named_exactly(tmp_path, name, content, message):
    from translate.glossary import GlossaryError, load

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load([path])
    assert str(raised.value) == message.format(path=path)


def test_a_missing_or_undecodable_glossary_file_is_named(tmp_path):
    from translate.glossary import GlossaryError, load

    with pytest.raises(GlossaryError) as missing:
        load([tmp_path / "nope.tsv"])
    assert str(missing.value) == f"{tmp_path / 'nope.tsv'}: no such glossary file"
    (tmp_path / "latin.tsv").write_bytes("café\tx\n".encode("latin-1"))
    with pytest.raises(GlossaryError, match=r"latin\.tsv: not UTF-8 text \(byte 3\); save it as UTF-8"):
        load([tmp_path / "latin.tsv"])
