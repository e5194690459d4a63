"""translate/glossary.py where the mutation run (bench/mutation.py glossary) found it unheld:
terms whose words are joined by punctuation (their trie path, and what they match), the exact
words of each refusal, the line a forbidden character is on, and the file errors. The terms
and sentences were written for these tests; each expectation was worked out from the rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translate.glossary import (Entry, Glossary, GlossaryError, _clitic_splits, _path, entry_problem, fingerprint,
                                fold, parse, read_text)


@pytest.mark.parametrize("arabic, path", [
    ("الشرق-الأوسط", "شرق\x01-\x00الاوسط"),  # after a hyphen the word is kept whole, article and all
    ("أ.ف.ب", "ا\x01.\x00ف\x01.\x00ب"),
    ("11/9", "11\x01/\x009"),
    ("كوفيد  -  19", "كوفيد\x01 - \x0019"),  # a run of spaces around the hyphen is one space
    ("الأمم  المتحدة", "امم\x01 \x00متحده"),  # the plain form: spaces only
    ("،،", "\x02"), ("ـــ", "\x02"),  # no word: a key nothing reaches
])
def test_path(arabic, path):
    assert _path(arabic) == path


@pytest.mark.parametrize("text, found", [
    ("في الشرق-الأوسط اليوم", ["الشرق-الأوسط"]),
    ("والشرق-الأوسط", ["والشرق-الأوسط"]),  # clitics on the first word
    ("الشرق-أوسط", []), ("الشرق الأوسط", []),  # the hyphen and the second word as written
    ("قالت أ.ف.ب إن", ["أ.ف.ب"]), ("قالت أ ف ب", []),
    ("منذ 11/9 و11 / 9", ["11/9"]),
    ("كوفيد - 19 و كوفيد-19 وكوفيد  -  19", ["كوفيد - 19", "وكوفيد  -  19"]),
])
def test_terms_joined_by_punctuation_match_only_as_written(text, found):
    glossary = Glossary([Entry("الشرق-الأوسط", "Middle-East"), Entry("أ.ف.ب", "AFP"), Entry("11/9", "9/11"),
                         Entry("كوفيد - 19", "COVID-19")])
    assert [text[m.start:m.end] for m in glossary.find(text)] == found


def test_a_term_of_three_words_matches_only_whole():
    # Each prefix of a path is in the trie with -1 (no entry ends there), the path itself
    # with its entry's rank.
    glossary = Glossary([Entry("مجلس الأمن الدولي", "UN Security Council")])
    assert [m.entry.english for m in glossary.find("اجتمع مجلس الأمن الدولي أمس")] == ["UN Security Council"]
    assert glossary.find("اجتمع مجلس الأمن أمس") == []
    trie, _ = glossary._built()
    assert trie == {"مجلس": -1, "مجلس\x01 \x00امن": -1, "مجلس\x01 \x00امن\x01 \x00دولي": 0}


def test_a_later_word_may_have_its_article_or_not_only_after_a_space():
    glossary = Glossary([Entry("حزب الدعوة", "Dawa Party")])
    assert len(glossary.find("قال حزب الدعوة")) == 1
    assert len(glossary.find("قال حزب دعوة")) == 1  # the article may go after a space
    hyphened = Glossary([Entry("حزب-الدعوة", "Dawa Party")])
    assert len(hyphened.find("قال حزب-دعوة")) == 0  # not after a hyphen


@pytest.mark.parametrize("word, splits", [
    ("والعراق", ["", "وال", "و"]), ("بغداد", ["", "ب"]), ("و", [""]), ("ال", [""]),  # a clitic is never the word
    ("عراق", [""]),
])
def test_clitic_splits(word, splits):
    assert list(_clitic_splits(word)) == splits


@pytest.mark.parametrize("fields, problem", [
    (("داعش", "ISIS", '"a note'), "a field begins with a quote; quoting is not supported (a quote would join lines): "
                                  "remove it"),
    (("#داعش", "ISIS", ""), "the Arabic term starts with '#', which marks a comment line"),
    (("د" * 200, "ISIS", ""), None), (("د" * 201, "ISIS", ""), "a term is 201 characters; at most 200"),
    (("داعش", "I" * 200, ""), None), (("داعش", "I" * 201, ""), "a term is 201 characters; at most 200"),
    (("داعش", "ISIS", "n" * 1000), None), (("داعش", "ISIS", "n" * 1001), "the note is 1,001 characters; at most 1,000"),
    (("داعش\x00", "ISIS", ""), "the Arabic term holds a control character (U+0000)"),
    (("داعش", "IS\u202eIS", ""), "the English holds RIGHT-TO-LEFT OVERRIDE (U+202E)"),
    (("داعش", "ISIS", "a\nb"), "the note holds a control character (U+000A)"),
    (("داعش", "IS\tIS", ""), "the English holds a tab"),
    (("داعش", "ISIS", " note"), "the note begins or ends with a space"),
    (("داعش", "ISIS"), None),
])
def test_entry_problem_in_words(fields, problem):
    assert entry_problem(*fields) == problem


def test_a_forbidden_character_is_reported_on_its_own_line(tmp_path):
    text = "داعش\tISIS\nالناتو\tNATO\r\nبغداد\tBagh\u200edad\n"
    with pytest.raises(GlossaryError) as raised:
        parse(text, tmp_path / "g.tsv")
    assert str(raised.value) == f"{tmp_path / 'g.tsv'}:3: the line holds LEFT-TO-RIGHT MARK (U+200E)"
    with pytest.raises(GlossaryError) as raised:
        parse("\u200eداعش\tISIS\n", tmp_path / "g.tsv")
    assert str(raised.value).startswith(f"{tmp_path / 'g.tsv'}:1: ")


def test_file_errors_name_the_file(tmp_path):
    with pytest.raises(GlossaryError, match=r": a folder, not a glossary file$") as raised:
        read_text(tmp_path)
    assert str(raised.value).startswith(str(tmp_path))
    with pytest.raises(GlossaryError, match=r"no such glossary file$"):
        read_text(tmp_path / "missing.tsv")
    (tmp_path / "bom.tsv").write_bytes("\ufeffداعش\tISIS\n".encode("utf-8"))
    assert read_text(tmp_path / "bom.tsv") == "داعش\tISIS\n"  # the byte-order mark dropped


def test_fold_maps_each_character_back():
    assert fold("أبو") == ("ابو", [0, 1, 2, 3])
    assert fold("مُحمد") == ("محمد", [0, 2, 3, 4, 5])


def test_fingerprint_of_entries_in_order():
    a, b = Entry("داعش", "ISIS"), Entry("الناتو", "NATO")
    assert fingerprint([a, b]) != fingerprint([b, a])
    assert fingerprint([a]) == fingerprint([Entry("داعش", "ISIS", "a note", "g.tsv:1")])  # terms only
    assert len(fingerprint([])) == 16


def test_a_glossary_read_later_reads_once(tmp_path: Path):
    calls = []

    def read():
        calls.append(1)
        return [Entry("داعش", "ISIS")]

    glossary = Glossary.deferred(read, "f" * 16, True)
    assert glossary and glossary.fingerprint() == "f" * 16 and calls == []
    assert [m.entry.english for m in glossary.find("قال داعش")] == ["ISIS"]
    assert glossary.given() == [Entry("داعش", "ISIS")] and calls == [1]


def test_a_term_with_punctuation_and_then_a_space_may_drop_the_later_article():
    glossary = Glossary([Entry("كوفيد - 19 المستجد", "novel COVID-19")])
    assert _path("كوفيد - 19 المستجد") == "كوفيد\x01 - \x0019\x01 \x00مستجد"
    for text in ("فيروس كوفيد - 19 المستجد", "فيروس كوفيد - 19 مستجد"):
        assert [m.entry.english for m in glossary.find(text)] == ["novel COVID-19"]


def test_a_term_of_spaces_does_not_match_words_joined_by_a_hyphen():
    glossary = Glossary([Entry("حزب دعوة", "Dawa Party")])
    assert len(glossary.find("قال حزب دعوة")) == 1
    assert glossary.find("قال حزب-الدعوة") == []


def test_a_term_of_four_words():
    glossary = Glossary([Entry("الاتحاد الدولي لكرة القدم", "FIFA")])
    assert [m.entry.english for m in glossary.find("قرر الاتحاد الدولي لكرة القدم أمس")] == ["FIFA"]


def test_a_word_inside_a_longer_term_is_not_matched_again():
    glossary = Glossary([Entry("مجلس الأمن", "Security Council"), Entry("بغداد", "Baghdad"), Entry("مجلس", "council")])
    text = "في بغداد اجتمع مجلس الأمن"
    assert [(text[m.start:m.end], m.entry.english) for m in glossary.find(text)] == [
        ("بغداد", "Baghdad"), ("مجلس الأمن", "Security Council")]


def test_a_path_under_a_file_is_unreadable_and_says_why(tmp_path):
    (tmp_path / "f.tsv").write_text("داعش\tISIS\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        read_text(tmp_path / "f.tsv" / "g.tsv")
    assert str(raised.value) == f"{tmp_path / 'f.tsv' / 'g.tsv'}: cannot read: Not a directory"
