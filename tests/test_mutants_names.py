"""Summary names where the mutation run (bench/mutation.py facts.names) found them unheld: every
field of every `summary_name_unexpected` flag, for an Arabic summary against the Arabic and an
English one against the translation and the Arabic, each name after one that is found. The
sentences were written for these tests."""

from __future__ import annotations

from facts.names import check_summary_names
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
