"""facts/name_spans.py where the mutation run (bench/mutation.py facts.name_spans) found it
unheld: English tokens and their possessives, acronyms, names by their capitals with every
field (first_optional included), NER entities placed in a sentence, Arabic names by origin, and
the rule that of two overlapping names the earlier-listed wins while touching ones both stay.
The sentences were written for these tests; each expectation was worked out from the rules.
"""

from __future__ import annotations

import pytest

from facts.name_spans import Name, Tok, arabic_names, english_names, english_tokens, is_acronym, locate, merge
from translate.glossary import Entry, Glossary


def _name(text: str, part: str, **fields) -> Name:
    start = text.index(part)
    return Name(part, start, start + len(part), **fields)


@pytest.mark.parametrize("text, tokens", [
    ("Iraq's army", [Tok("Iraq", 0, 4), Tok("army", 7, 11)]),
    ("Iraq’s army", [Tok("Iraq", 0, 4), Tok("army", 7, 11)]),
    ("IRAQ’S", [Tok("IRAQ’S", 0, 6)]),  # only a lower-case s is the possessive
    ("Al's", [Tok("Al", 0, 2)]),
    ("A's", [Tok("A's", 0, 3)]),  # one letter would be left: kept whole
    ("the Joneses' house", [Tok("the", 0, 3), Tok("Joneses", 4, 11), Tok("house", 13, 18)]),
    ("U.N. F-16 O'Brien 2020", [Tok("U.N.", 0, 4), Tok("F-16", 5, 9), Tok("O'Brien", 10, 17)]),
])
def test_english_tokens(text, tokens):
    assert list(english_tokens(text)) == tokens


@pytest.mark.parametrize("word, acronym", [
    ("UN", True), ("U.N.", True), ("U.S.A.", True), ("NATO", True), ("UNESCO", True),
    ("A", False), ("UNICEFX", False), ("Nato", False), ("G20", False), ("", False),
])
def test_is_acronym(word, acronym):
    assert is_acronym(word) is acronym


def test_english_names_with_titles_particles_and_places():
    text = "President Joe Biden met Mohammed bin Salman in Riyadh."
    assert english_names(text) == [_name(text, "Joe Biden"), _name(text, "Mohammed bin Salman"), _name(text, "Riyadh")]


@pytest.mark.parametrize("text, names", [
    ("They thanked Ali Hassan bin President Salim.", ["Ali Hassan", "Salim"]),  # a particle before no name
    ("They met Omar bin", ["Omar"]),  # a particle as the last word
    ("They met Omar bin Ali today.", ["Omar bin Ali"]),
    ("They met Omar bin Ali", ["Omar bin Ali"]),  # a particle before the last word
    ("They sang La, then Omar left.", ["Omar"]),  # a lone capitalised particle is no name
    ("They met Omar\nHassan came.", ["Omar"]),  # a line break ends a name; the next line starts a sentence
])
def test_english_names_at_their_edges(text, names):
    assert [n.text for n in english_names(text)] == names


def test_a_name_that_starts_a_sentence_is_kept_when_known_or_of_several_words():
    text = "Nechirvan Barzani said so."
    assert english_names(text) == [Name("Nechirvan Barzani", 0, 17, first_optional=True)]
    text = "Iraq and Iran agreed."
    assert english_names(text) == [Name("Iraq", 0, 4), _name(text, "Iran")]
    # The phrase is known though its first word is not: its capital counts.
    text = "United Nations officials said so."
    assert english_names(text) == [Name("United Nations", 0, 14)]
    assert english_names("Officials said so.") == []


def test_locate_places_each_entity_once_in_order():
    text = "Omar met Omar in Basra"
    assert locate([("LOC", "Basra"), ("PER", "Omar"), ("PER", "Omar")], text) == [
        Name("Omar", 0, 4, "PER", "ner"), Name("Omar", 9, 13, "PER", "ner"), Name("Basra", 17, 22, "LOC", "ner")]
    assert locate([("PER", " "), ("PER", "Omar"), ("PER", "Zaid")], text, "exonym") == [
        Name("Omar", 0, 4, "PER", "exonym")]  # a blank entity is skipped; one not in the text too


def test_locate_lets_entities_touch_and_looks_one_character_on():
    assert locate([("LOC", "Abu"), ("LOC", "Dhabi")], "AbuDhabi") == [
        Name("Abu", 0, 3, "LOC", "ner"), Name("Dhabi", 3, 8, "LOC", "ner")]
    assert locate([("LOC", "Dhabi"), ("LOC", "Abu")], "AbuDhabi") == [
        Name("Abu", 0, 3, "LOC", "ner"), Name("Dhabi", 3, 8, "LOC", "ner")]
    assert locate([("X", "A"), ("X", "A")], "AA") == [Name("A", 0, 1, "X", "ner"), Name("A", 1, 2, "X", "ner")]


def test_merge_keeps_the_earlier_listed_of_two_overlapping_names_and_both_of_two_touching():
    a, b, c = Name("ab", 0, 2), Name("cd", 2, 4), Name("bc", 1, 3)
    assert merge([a], [b]) == [a, b]
    assert merge([b], [a]) == [a, b]
    assert merge([c], [a, b]) == [c]
    assert merge([a, c], [b]) == [a, b]


def test_arabic_names_by_origin():
    text = "زار وفد من فرنسا مكتب CNN و Total Energies في الفئة A و AB."
    assert arabic_names(text) == [
        _name(text, "فرنسا", origin="exonym"), _name(text, "CNN", origin="latin"),
        _name(text, "Total Energies", origin="latin"), _name(text, "AB", origin="latin")]  # one letter is a label
    glossary = Glossary([Entry("كاني ماسي", "Kani Masi"), Entry("القمح", "wheat")])
    text = "وصلت شحنة القمح إلى كاني ماسي."
    assert arabic_names(text, glossary) == [_name(text, "كاني ماسي", origin="glossary")]  # wheat is no name


@pytest.mark.parametrize("text, runs", [
    ("قالت شبكة CNN.", ["CNN"]), ("قالت الـ U.S. Army.", ["U.S. Army"]), ("وصل إلى U.S.", ["U.S."]),
    ("قالت Reuters...", ["Reuters"]), ("أطلقت SpaceX.", ["SpaceX"]), ("الفئة A.", []), ("شركة Total Energies Inc. اليوم", ["Total Energies Inc"]),
])
def test_a_latin_run_loses_the_full_stop_of_its_sentence(text, runs):
    assert [n.text for n in arabic_names(text)] == runs
    assert all(text[n.start:n.end] == n.text for n in arabic_names(text))
