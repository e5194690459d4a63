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
