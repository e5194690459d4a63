"""facts/exonyms.py built from tables written here, not from the one the process keeps: the
keys of both languages, the rows of the hand table and of CLDR, each index of `Exonyms`, and
how an English demonym finds its country. The table is built once per process, so only tests
that build their own reach its builders (a mutation run forks after the first build).
"""

from __future__ import annotations

import pytest

from facts.exonyms import Exonym, Exonyms, _cldr, _table, arabic_key, english_key, exonyms


@pytest.mark.parametrize("text, key", [
    ("The U.S.", "us"), ("  the   United  Kingdom ", "united kingdom"), ("Côte d’Ivoire", "côte d'ivoire"),
    ("Theresa", "theresa"),  # "the" only as a word of its own
    ("U.S.A.", "usa"),
])
def test_english_key(text, key):
    assert english_key(text) == key


@pytest.mark.parametrize("text, key", [
    ("الأمم المتحدة", ("امم", "متحده")), ("بغداد", ("بغداد",)), ("الله", ("الله",)), ("", ()),
])
def test_arabic_key(text, key):
    assert arabic_key(text) == key


def test_the_hand_table_rows():
    rows = _table()
    assert rows[0] == Exonym(
        ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "American", "Americans"),
        ("الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا", "واشنطن"),
        frozenset())
    saudi = next(r for r in rows if r.english[0] == "Saudi Arabia")
    # A ? marks an everyday word: kept as a form, without its mark, and listed as unsure.
    assert saudi.arabic == ("السعودية", "المملكة العربية السعودية", "المملكة")
    assert saudi.unsure == frozenset({"المملكة"})
    assert all(not a.startswith("?") and a == a.strip() for r in rows for a in r.arabic)
    assert all(e == e.strip() for r in rows for e in r.english)


def test_the_cldr_rows():
    rows = _cldr()
    by_english = {r.english[0]: r for r in rows}
    assert by_english["Iraq"] == Exonym(("Iraq",), ("العراق",), frozenset())
    assert by_english["Mali"] == Exonym(("Mali",), ("مالي",), frozenset({"مالي"}))  # also "financial"
    assert by_english["Congo - Kinshasa"].arabic == ("الكونغو كينشاسا",)  # CLDR's " - " dropped
    assert by_english["Baghdad"] == Exonym(("Baghdad",), ("بغداد",), frozenset())  # a time zone's city
    assert "Auckland" not in by_english  # Pacific/: a zone Arabic news rarely names
    # CLDR's groupings are not places: the world, the EU and the eurozone, the UN, unknown and
    # outlying regions.
    assert not {"world", "European Union", "Eurozone", "United Nations", "Unknown Region",
                "Outlying Oceania"} & by_english.keys()
    assert by_english["Buenos Aires"].arabic == ("بوينوس أيرس",)  # America/Argentina/Buenos_Aires: the city
    assert by_english["Seoul"].unsure == frozenset({"سول"})  # a city can be an everyday word too


def _small() -> Exonyms:
    return Exonyms([
        Exonym(("Iraq", "Iraqi"), ("العراق",)),
        Exonym(("United Nations", "UN"), ("الأمم المتحدة", "الأمم")),
        Exonym(("Mali",), ("مالي",), frozenset({"مالي"})),
        Exonym(("Syria",), ("سوريا",)),
        Exonym(("France",), ("فرنسا",)),
        Exonym(("Nowhere",), ("", "ـ", "نوهير")),  # forms that fold to nothing are skipped
    ])


def _countries() -> Exonyms:
    return Exonyms([
        Exonym(("Syria", "Sham"), ("سوريا",)),
        Exonym(("Levant", "Syrian"), ("الشام",)),  # a form that is another place's demonym
        Exonym(("Morocco",), ("المغرب",)),
        Exonym(("Maldives",), ("جزر المالديف",)),
        Exonym(("France",), ("فرنسا",)),
        Exonym(("French",), ("الفرنسية",)),  # the language
    ])


def test_the_indexes_of_a_table():
    book = _small()
    assert book.by_english == {"iraq": {0}, "iraqi": {0}, "united nations": {1}, "un": {1}, "mali": {2},
                               "syria": {3}, "france": {4}, "nowhere": {5}}
    # A first English form of four letters or more, one word: its first four letters.
    assert book.country_prefixes == {"iraq": {0}, "mali": {2}, "syri": {3}, "fran": {4}, "nowh": {5}}
    assert book.by_arabic_first == {
        "عراق": [(("عراق",), 0, False)],
        "امم": [(("امم", "متحده"), 1, False), (("امم",), 1, False)],  # the longest phrase first
        "مالي": [(("مالي",), 2, True)],
        "سوريا": [(("سوريا",), 3, False)],
        "فرنسا": [(("فرنسا",), 4, False)],
        "نوهير": [(("نوهير",), 5, False)],
    }
    assert book.longest == 2  # words of its longest English form, United Nations
    assert _countries().longest == 1
    # Stems of one-word forms, three letters at least: what a relative adjective is made from.
    assert book.by_stem == {"العراق": {0}, "عراق": {0}, "الامم": {1}, "امم": {1}, "مالي": {2}, "سور": {3},
                            "فرنس": {4}, "نوهير": {5}}


@pytest.mark.parametrize("name, ids", [
    ("Iraq", {0}), ("the Iraq", {0}), ("IRAQ", {0}), ("U.N.", {1}),
    ("Iraqis", {0}), ("Syrian", {3}), ("Syrians", {3}), ("Malian", {2}), ("Malis", {2}),
    ("French", {4}),  # a demonym of its own
    ("Iraqx", set()), ("Syriac", set()), ("Iraqi army", set()), ("Syri", set()), ("Fran", set()),
])
def test_english_ids_and_demonyms(name, ids):
    assert _small().english_ids(name) == frozenset(ids)


@pytest.mark.parametrize("name, ids", [
    ("Syrian", {1}),  # a form of its own: the prefix rule is not tried
    ("Syrians", {0}),
    ("Moroccan", {2}),  # Morocc-an: the country less one letter
    ("Maldivian", {3}),  # Maldiv-ian: less two
    ("French", {4, 5}),  # the demonym's country, and the entry with that form
    ("Dutch", set()),  # a demonym whose country the table lacks
])
def test_english_ids_of_demonyms_against_other_forms(name, ids):
    assert _countries().english_ids(name) == frozenset(ids)
    assert _countries().country_prefixes == {"syri": {0}, "leva": {1}, "moro": {2}, "mald": {3}, "fran": {4},
                                             "fren": {5}}


def test_the_process_table_is_built_from_both():
    book = exonyms()
    assert book is exonyms()  # once per process
    # Built again, uncached: what a mutation run sees (it forks after the first build).
    fresh = exonyms.__wrapped__()
    assert fresh is not book and len(fresh.entries) == len(_cldr()) + len(_table())
    assert fresh.longest == book.longest >= 6  # International Committee of the Red Cross
    for name in ("Iraq", "NATO", "Baghdad", "United Nations"):
        assert fresh.english_ids(name) == book.english_ids(name) != frozenset()
