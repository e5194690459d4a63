"""Forms of real Arabic and English news text, one row each: what the extractors read, a
faithful pair that must stay quiet, and a corrupted pair that must be flagged. Every sentence
here was written for these tests."""

import json

import pytest

from facts import arabic, english
from facts.pairs import check_pair

# (form, Arabic, faithful English, corrupted English)
PAIRS = [
    ("decimal comma", "بلغت الخسائر 1,2 مليار دولار.", "Losses reached $1.2 billion.",
     "Losses reached $12 billion."),
    ("Arabic comma as decimal mark", "بلغت نسبة المشاركة ٣٧،١٪.", "Turnout was 37.1%.", "Turnout was 31.7%."),
    ("dot as thousands mark", "نزح 360.000 شخص من المدينة.", "360,000 people fled the city.",
     "36,000 people fled the city."),
    # 1.500 before a scale is read as 1.5 (the usual print form); 1,500 million stays a faithful
    # reading of the same figure, so only a value that neither reading gives is flagged.
    ("dot as decimal with a scale", "خصصت الحكومة 1.500 مليون دينار.", "The government allocated 1.5 million dinars.",
     "The government allocated 15 million dinars."),
    ("the other reading of 1.500", "خصصت الحكومة 1.500 مليار دينار.", "The government allocated 1.5 trillion dinars.",
     "The government allocated 15 billion dinars."),
    ("direction marks inside a number", "قتل \u200f15\u200f شخصا و\u061c20 جريحا.", "15 people were killed and 20 wounded.",
     "15 people were killed and 200 wounded."),
    ("compound teen", "أصيب ثلاثة عشر شخصا.", "Thirteen people were injured.", "Thirty people were injured."),
    ("compound with wa", "وصل خمسة وعشرون صحفيا.", "Twenty-five journalists arrived.", "Fifty-two journalists arrived."),
    ("hundreds and tens", "شارك مئتان وخمسون متطوعا.", "Two hundred and fifty volunteers took part.",
     "Two hundred volunteers took part."),
    ("teen with a scale", "يعيش في المدينة اثنا عشر مليون نسمة.", "Twelve million people live in the city.",
     "Twenty million people live in the city."),
    ("half a million", "فر نصف مليون لاجئ.", "Half a million refugees fled.", "Half a billion refugees fled."),
    ("billion and a half", "بلغت الموازنة مليار ونصف دولار.", "The budget reached $1.5 billion.",
     "The budget reached $1.5 million."),
    ("dual years", "استمرت الحرب سنتين.", "The war lasted two years.", "The war lasted ten years."),
    ("dual months", "سجن شهرين.", "He was jailed for two months.", "He was jailed for three months."),
    ("dual carriers", "أرسلت واشنطن حاملتي طائرات.", "Washington sent two aircraft carriers.",
     "Washington sent four aircraft carriers."),
    ("year-like count", "أرسلت الوزارة 2000 جندي إلى الحدود.", "The ministry sent 2,000 troops to the border.",
     "The ministry sent 200 troops to the border."),
    ("percent words", "ارتفع التضخم 4 في المئة.", "Inflation rose 4 per cent.", "Inflation rose 40 per cent."),
    ("percent sign", "ارتفع التضخم 4%.", "Inflation rose by 4 percent.", "Inflation rose by 14 percent."),
    ("scale forms", "بلغت الصادرات 4.5 مليون برميل.", "Exports reached 4,500,000 barrels.",
     "Exports reached 4,500 barrels."),
    ("area", "حررنا 50 ألف كيلومتر مربع.", "We liberated 50,000 square kilometres.", "We liberated 5,000 square kilometres."),
    ("bn", "بلغت الاستثمارات 37 مليار دولار.", "Investment reached $37bn.", "Investment reached $37m."),
    ("rounding", "يبلغ عدد السكان 4,487,000 نسمة.", "The population is nearly 4.5 million.",
     "The population is nearly 45 million."),
    ("rounded percent", "بلغت النسبة 37.1 في المئة.", "The rate was 37 percent.", "The rate was 73 percent."),
    ("vague tens", "قتل عشرات المدنيين.", "Dozens of civilians were killed.", "Twelve civilians were killed."),
    ("vague thousands", "تظاهر آلاف الطلاب.", "Thousands of students protested.", "Millions of students protested."),
    ("vague tens of thousands", "نزح عشرات الآلاف.", "Tens of thousands were displaced.", "Thousands were displaced."),
    ("vague few", "بعد بضعة أيام عاد الوفد.", "After a few days the delegation returned.",
     "After three weeks the delegation returned."),
    ("month with hamza", "وقع الاتفاق في 5 أغسطس 2021.", "The deal was signed on 5 August 2021.",
     "The deal was signed on 5 October 2021."),
    ("month without hamza", "وقع الاتفاق في 5 اغسطس 2021.", "The deal was signed on August 5, 2021.",
     "The deal was signed on August 5, 2012."),
    ("paired months", "في 14 مارس أذار 2013 عقد المؤتمر.", "The conference was held on 14 March 2013.",
     "The conference was held on 14 May 2013."),
    ("era letter", "تأسست المدينة عام 1920م.", "The city was founded in 1920.", "The city was founded in 1902."),
    ("month alone", "تبدأ الانتخابات في تموز.", "The elections start in July.", "The elections start in October."),
    ("day and month", "يعقد الاجتماع في 14 تموز.", "The meeting is held on 14 July.", "The meeting is held on 4 July."),
    ("English compound words", "تضم القائمة 342 مرشحا.", "The list has three hundred and forty-two candidates.",
     "The list has three hundred and twenty-four candidates."),
    ("hijri date", "في 15 رمضان 1445 هـ بدأ الحدث.", "On 15 Ramadan 1445 AH the event began.",
     "On 15 Ramadan 1454 AH the event began."),
]


@pytest.mark.parametrize("form,ar,faithful,corrupted", PAIRS, ids=[p[0] for p in PAIRS])
def test_faithful_pair_is_quiet(form, ar, faithful, corrupted):
    flags = check_pair(ar, faithful).flags
    assert flags == [], [f["message"] for f in flags]


@pytest.mark.parametrize("form,ar,faithful,corrupted", PAIRS, ids=[p[0] for p in PAIRS])
def test_corrupted_pair_is_flagged(form, ar, faithful, corrupted):
    assert check_pair(ar, corrupted).flags


AR_VALUES = [
    ("1,2 مليار", [1.2e9]), ("٣٧،١٪", [37.1]), ("360.000 شخص", [360000]), ("1.250.000 دولار", [1250000]),
    ("1.500 مليون", [1.5e6]), ("2.5 مليون", [2.5e6]), ("\u200f15\u200f", [15]), ("ثلاثة عشر", [13]),
    ("خمسة وعشرون", [25]), ("مئتان وخمسون", [250]), ("اثنا عشر مليون", [12e6]), ("نصف مليون", [5e5]),
    ("مليار ونصف", [1.5e9]), ("ثلاثة ملايين ونصف", [3.5e6]), ("ربع مليون", [2.5e5]), ("سنتين", [2]),
    ("شهرين", [2]), ("يومين", [2]), ("حاملتي طائرات", [2]), ("2000 جندي", [2000]), ("إحدى عشرة سيارة", [11]),
]


@pytest.mark.parametrize("text,values", AR_VALUES)
def test_arabic_values(text, values):
    assert [n.value for n in arabic.extract(text).numbers if not n.vague] == values


EN_VALUES = [
    ("three hundred and forty-two", [342]), ("half a million", [5e5]), ("1.2bn", [1.2e9]), ("$37bn", [37e9]),
    ("2.25 billion", [2.25e9]), ("4 per cent", [4]), ("4 percent", [4]), ("4%", [4]),
    ("one and a half million", [1.5e6]), ("2,000 troops", [2000]), ("twice", [2]),
]


@pytest.mark.parametrize("text,values", EN_VALUES)
def test_english_values(text, values):
    assert [n.value for n in english.extract(text).numbers if not n.vague] == values


NOT_QUANTITIES_AR = [
    "سجل الهدف في الدقيقة 14 من المباراة.", "حل في المرتبة 3 عالميا.", "جاء في المادة 140 من الدستور.",
    "انطلقت الدورة السابعة عشرة للمهرجان.", "في القرن الحادي والعشرين تغير كل شيء.",
    "يبدأ الحظر عند الساعة 7 صباحًا.", "يبدأ الحظر في الساعة السادسة صباحًا.", "اتصلوا على الرقم 0770123456.",
    "الخط الساخن 911 متاح.", "بدأ القصف عند الساعة 1430 بتوقيت بغداد.", "في عام 1445 هـ وقع الحدث.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES_AR)
def test_not_quantities_arabic(text):
    assert [n.text for n in arabic.extract(text).numbers] == []


NOT_QUANTITIES_EN = [
    "He scored in the 14th minute.", "The 17th session opened.", "The curfew starts at 7 a.m.",
    "The curfew starts at 6am.", "They left at six in the morning.", "Call the hotline on 0770 123 4567.",
    "Shelling began at 1430 GMT.", "It happened in 1445 AH.", "Call 911.",
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

from tests.conftest import ROOT, run_cli  # noqa: E402

ARTICLE = ROOT / "tests" / "data" / "parallel"


@pytest.mark.slow  # a child process
def test_check_a_faithful_long_article_prints_no_flag():
    result = run_cli("check", "--source", str(ARTICLE / "article.ar"), "--translation", str(ARTICLE / "article.en"))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["pair"] for r in rows] == list(range(1, 16)) and all(r["flags"] == [] for r in rows)
    assert rows[0]["facts"]["ar"]["dates"][0]["iso"] == "2023-03-12"
    assert "15 pairs, 0 flagged: nothing flagged" in result.stderr


@pytest.mark.slow  # a child process
def test_check_flags_each_planted_corruption(tmp_path):
    en = (ARTICLE / "article.en").read_text(encoding="utf-8")
    planted = en.replace("43 million", "34 million").replace("30 June 2025", "30 July 2025") \
        .replace("2,000 soldiers", "200 soldiers").replace("in 1997", "in 1979")
    corrupted = tmp_path / "corrupted.en"
    corrupted.write_text(planted, encoding="utf-8")
    result = run_cli("check", "--source", str(ARTICLE / "article.ar"), "--translation", str(corrupted))
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
    bad = run_cli("check", "--source", str(ARTICLE / "article.ar"), "--translation", str(short))
    assert bad.returncode == 2 and "has 15 lines but --translation" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("line, problem", [
    ("{\"ar\": ", "line 2: not valid JSON"),
    ("[1, 2]", "line 2: expected a JSON object"),
    ("{\"ar\": \"نص\"}", "line 2: expected an object with \"ar\" and \"en\" strings"),
])
def test_check_jsonl_names_the_line_that_is_wrong(tmp_path, line, problem):
    from tarjama.check_cmd import CheckInputError, CheckRecord, records_from_jsonl

    feed = tmp_path / "pairs.jsonl"
    feed.write_text("{\"ar\": \"قتل 5\", \"en\": \"5 killed\"}\n" + line + "\n", encoding="utf-8")
    with pytest.raises(CheckInputError, match=f"{feed} {problem}"):
        list(records_from_jsonl(str(feed)))
    feed.write_text("{\"ar\": \"قتل 5\", \"en\": \"5 killed\"}\n\n", encoding="utf-8")
    assert list(records_from_jsonl(str(feed))) == [CheckRecord("5 killed", "قتل 5")]
