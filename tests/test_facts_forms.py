"""Forms of real Arabic and English news text, one row each in tests/data/parallel/forms.tsv:
a faithful pair and a changed one, each with the exact list of figure flags it must get (none
for a faithful pair, unless its Arabic is itself wrong; none for a near miss). The name check,
which tarjama check runs beside them, has tests of its own (tests/test_names.py). Every
sentence was written for these tests."""

import csv
import json

import pytest

from facts import arabic, english
from facts.checks import check_sentence
from tests.conftest import ROOT, run_cli

PARALLEL = ROOT / "tests" / "data" / "parallel"


def _forms() -> list[dict]:
    with open(PARALLEL / "forms.tsv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


FORMS = _forms()


def _flags(ar: str, en: str) -> list[dict]:
    return check_sentence(0, arabic.extract(ar), english.extract(en))


def _types(ar: str, en: str) -> list[str]:
    return [flag["type"] for flag in _flags(ar, en)]


def _listed(cell: str) -> list[str]:
    return [t for t in cell.split(",") if t]


def test_the_table_covers_every_kind_of_change():
    assert {row["kind"] for row in FORMS} == {"digit", "word", "scale", "vague", "month", "year", "day", "invalid",
                                              "time", "ordinal", "score", "decade", "measure", "near miss"}


@pytest.mark.parametrize("row", FORMS, ids=[row["form"] for row in FORMS])
def test_faithful_english_gets_exactly_its_flags(row):
    assert _types(row["ar"], row["en"]) == _listed(row["en_flags"])


@pytest.mark.parametrize("row", FORMS, ids=[row["form"] for row in FORMS])
def test_changed_english_gets_exactly_its_flags(row):
    assert _types(row["ar"], row["changed"]) == _listed(row["changed_flags"])


def test_a_flag_says_what_became_what():
    [flag] = _flags("فاز الأهلي على الزمالك 3 مقابل 2.", "Al Ahly beat Zamalek 4-2.")
    assert flag == {"type": "score_changed", "segment": 0, "source": {"text": "3 مقابل 2", "score": [3, 2]},
                    "translation": {"text": "4-2", "score": [4, 2]}, "message": "«3 مقابل 2» (3-2) became «4-2» (4-2)"}
    [flag] = _flags("يبدأ حظر التجول عند الساعة السابعة.", "The curfew starts at 8 p.m.")
    assert flag["message"] == "«الساعة السابعة» (07:00 or 19:00) became «8 p.m.» (20:00)"
    [flag] = _flags("وقع الحادث في 31 شباط 2023.", "It happened on 31 February 2023.")
    assert flag == {"type": "date_invalid", "segment": 0,
                    "source": {"text": "31 شباط 2023", "iso": None, "invalid": "2023-02-31"},
                    "translation": {"text": "31 February 2023", "iso": None, "invalid": "2023-02-31"},
                    "message": "«31 شباط 2023» is not a real date (February 2023 has 28 days)"}


AR_VALUES = [
    ("1,2 مليار", [1.2e9]), ("٣٧،١٪", [37.1]), ("360.000 شخص", [360000]), ("1.250.000 دولار", [1250000]),
    ("1.500 مليون", [1.5e6]), ("2.5 مليون", [2.5e6]), ("\u200f15\u200f", [15]), ("ثلاثة عشر", [13]),
    ("خمسة وعشرون", [25]), ("مئتان وخمسون", [250]), ("اثنا عشر مليون", [12e6]), ("نصف مليون", [5e5]),
    ("مليار ونصف", [1.5e9]), ("ثلاثة ملايين ونصف", [3.5e6]), ("ربع مليون", [2.5e5]), ("سنتين", [2]),
    ("شهرين", [2]), ("يومين", [2]), ("حاملتي طائرات", [2]), ("2000 جندي", [2000]), ("إحدى عشرة سيارة", [11]),
    ("1,250.5 طن", [1250.5]), ("١٬٢٥٠٫٥ طن", [1250.5]), ("1.250,5 طن", [1250.5]), ("1,250,5 طن", [1250.5]),
    ("2 مليار و300 مليون دولار", [2.3e9]), ("5 آلاف و700 متطوع", [5700]), ("قتل 5 آلاف جندي و700 مدني", [5000, 700]),
    ("ثلاثةُ آلافٍ", [3000]), ("و2000 جندي", [2000]), ("خمسة آلاف مليون", [5e9]),
]


@pytest.mark.parametrize("text,values", AR_VALUES)
def test_arabic_values(text, values):
    assert [n.value for n in arabic.extract(text).numbers if not n.vague] == values


EN_VALUES = [
    ("three hundred and forty-two", [342]), ("half a million", [5e5]), ("1.2bn", [1.2e9]), ("$37bn", [37e9]),
    ("2.25 billion", [2.25e9]), ("4 per cent", [4]), ("4 percent", [4]), ("4%", [4]),
    ("one and a half million", [1.5e6]), ("2,000 troops", [2000]), ("twice", [2]), ("1,250.5 tonnes", [1250.5]),
    ("five thousand, seven hundred and twenty-two", [5722]), ("four million, three hundred thousand", [4.3e6]),
    ("two, three or four people", [2, 3, 4]), ("a hundred", [100]), ("a dozen", [12]),
]


@pytest.mark.parametrize("text,values", EN_VALUES)
def test_english_values(text, values):
    assert [n.value for n in english.extract(text).numbers if not n.vague] == values


NOT_QUANTITIES_AR = [
    "سجل الهدف في الدقيقة 14 من المباراة.", "حل في المرتبة 3 عالميا.", "جاء في المادة 140 من الدستور.",
    "انطلقت الدورة السابعة عشرة للمهرجان.", "في القرن الحادي والعشرين تغير كل شيء.",
    "يبدأ الحظر عند الساعة 7 صباحًا.", "يبدأ الحظر في الساعة السادسة صباحًا.", "اتصلوا على الرقم 0770123456.",
    "الخط الساخن 911 متاح.", "بدأ القصف عند الساعة 1430 بتوقيت بغداد.", "في عام 1445 هـ وقع الحدث.",
    "في عام 1440هـ وقع الحدث.", "بدأ الصوم في رمضان 1440.", "صدر بتاريخ ١٥/٣/١٤٤٠.", "للاستفسار اتصل على 19444.",
    "رقم الهاتف 123456.", "الخط الساخن 104 متاح.", "استضافت قطر كأس آسيا 2011 لكرة القدم.",
    "افتتح معرض إكسبو 2020 دبي.", "يوم الاثنين وصل الوفد.", "الاثنين 5 أيار 2021.", "في كانون الثاني 2020.",
    "في ربيع الأول 1440 هـ.", "فاز بنتيجة 2-0.", "في أواخر الثمانينيات.", "المنطقة 9 آمنة.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES_AR)
def test_not_quantities_arabic(text):
    assert [n.text for n in arabic.extract(text).numbers] == []


NOT_QUANTITIES_EN = [
    "He scored in the 14th minute.", "The 17th session opened.", "The curfew starts at 7 a.m.",
    "The curfew starts at 6am.", "They left at six in the morning.", "Call the hotline on 0770 123 4567.",
    "Shelling began at 1430 GMT.", "It happened in 1445 AH.", "Call 911.", "Expo 2020 was held in Dubai.",
    "Qatar hosted the Asia Cup 2011 for the second time.", "He won 2-0.", "In the late 1980s it grew.",
    "A 5-foot-9 striker.", "Ramadan 1440 began.", "Resolution 2334 was adopted.", "King Abdullah II spoke.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES_EN)
def test_not_quantities_english(text):
    assert [n.text for n in english.extract(text).numbers] == []


def test_vague_quantities_are_vague_on_both_sides():
    for text in ("بضعة أيام", "عشرات القتلى", "مئات المنازل", "آلاف الطلاب", "ملايين الدولارات"):
        [n] = arabic.extract(text).numbers
        assert n.vague, text
    for text in ("a few days", "dozens of dead", "hundreds of homes", "thousands of students",
                 "tens of thousands of people", "millions of dollars"):
        [n] = english.extract(text).numbers
        assert n.vague, text


def test_partial_dates():
    [d] = arabic.extract("في تموز").dates
    assert (d.iso, d.partial) == (None, "--07")
    [d] = arabic.extract("في 14 تموز").dates
    assert (d.iso, d.partial) == (None, "--07-14")
    [d] = english.extract("on 14 July").dates
    assert d.partial == "--07-14"
    [d] = english.extract("in July").dates
    assert d.partial == "--07"
    assert arabic.extract("اشترى سيارة نيسان").dates == ()  # the car maker
    assert english.extract("They may go.").dates == ()


# -- tarjama check ---------------------------------------------------------------------------


@pytest.mark.slow  # a child process
def test_check_a_faithful_long_article_prints_no_flag():
    result = run_cli("check", "--source", str(PARALLEL / "article.ar"), "--translation", str(PARALLEL / "article.en"))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["pair"] for r in rows] == list(range(1, 16)) and all(r["flags"] == [] for r in rows)
    assert rows[0]["facts"]["ar"]["dates"][0]["iso"] == "2023-03-12"
    assert "15 pairs, 0 flagged: nothing flagged" in result.stderr


@pytest.mark.slow  # a child process
def test_check_flags_each_planted_corruption(tmp_path):
    en = (PARALLEL / "article.en").read_text(encoding="utf-8")
    planted = en.replace("43 million", "34 million").replace("30 June 2025", "30 July 2025") \
        .replace("2,000 soldiers", "200 soldiers").replace("in 1997", "in 1979")
    corrupted = tmp_path / "corrupted.en"
    corrupted.write_text(planted, encoding="utf-8")
    result = run_cli("check", "--source", str(PARALLEL / "article.ar"), "--translation", str(corrupted))
    assert result.returncode == 1
    flagged = {r["pair"]: [f["type"] for f in r["flags"]] for r in map(json.loads, result.stdout.splitlines())
               if r["flags"]}
    assert flagged == {1: ["number_changed"], 5: ["date_changed"], 9: ["date_changed"], 13: ["number_changed"]}
    assert "15 pairs, 4 flagged:" in result.stderr and "date_changed 2" in result.stderr


@pytest.mark.slow  # child processes
def test_check_reads_jsonl_from_stdin_and_refuses_misaligned_files(tmp_path):
    import subprocess
    import sys

    feed = json.dumps({"ar": "وصل 300 جندي.", "en": "30 soldiers arrived."}, ensure_ascii=False) + "\n"
    result = subprocess.run([sys.executable, "-m", "tarjama", "check", "--jsonl", "-"], input=feed, text=True,
                            capture_output=True, cwd=ROOT, timeout=300)
    assert result.returncode == 1
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(f["type"], f["source"]["text"], f["translation"]["text"]) for f in row["flags"]] == [
        ("number_changed", "300", "30")]
    short = tmp_path / "short.en"
    short.write_text("One line.\n", encoding="utf-8")
    bad = run_cli("check", "--source", str(PARALLEL / "article.ar"), "--translation", str(short))
    assert bad.returncode == 2 and "has 15 lines but --translation" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("line, problem", [
    ("{\"ar\": ", "line 2: not valid JSON"),
    ("[1, 2]", "line 2: expected a JSON object"),
    ("{\"ar\": \"نص\"}", "line 2: expected an object with \"ar\" and \"en\" strings"),
])
def test_check_jsonl_names_the_line_that_is_wrong(tmp_path, line, problem):
    from tarjama.cli.check_cmd import CheckInputError, CheckRecord, records_from_jsonl

    feed = tmp_path / "pairs.jsonl"
    feed.write_text("{\"ar\": \"قتل 5\", \"en\": \"5 killed\"}\n" + line + "\n", encoding="utf-8")
    with pytest.raises(CheckInputError, match=f"{feed} {problem}"):
        list(records_from_jsonl(str(feed)))
    feed.write_text("{\"ar\": \"قتل 5\", \"en\": \"5 killed\"}\n\n", encoding="utf-8")
    assert list(records_from_jsonl(str(feed))) == [CheckRecord("5 killed", "قتل 5")]
