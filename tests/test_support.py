"""Summary support: each summary sentence's sources and score (facts/support.py), its flags,
and where it shows: the article JSON, Markdown and HTML, the review page and list, the
exports, `tarjama check` and `tarjama eval OUT`. The article below was written for these tests."""

import io
import json
import re
import sqlite3

import pytest

from facts.article import article_facts
from facts.sentences import split_sentences
from facts.support import THRESHOLD, summary_support
from tarjama.cli import check_cmd
from tarjama.evaluate.support import distribution, folder_support
from tarjama.ledger import Ledger
from tarjama.render.html import render_article
from tarjama.render.markdown import render_markdown
from tarjama.review.export import export
from tarjama.review.listing import Listing
from tarjama.review.store import ReviewStore
from tests.test_review import _client, _form, out, review_out  # noqa: F401  (fixtures shared)

ARTICLE = [
    "Flash floods swept through three districts of Basra on Tuesday after record rainfall.",
    "The civil defence said 14 people were killed and 60 were injured in the floods.",
    "Governor Asaad al-Eidani closed schools and government offices until Sunday.",
    "The water ministry sent 40 mobile pumps from Baghdad.",
    "Prime Minister Mohammed al-Sudani promised a grant of 5 billion dinars.",
    "Traders put the losses of the fish market at 2 million dollars.",
]

ARABIC = [
    "اجتاحت سيول مفاجئة ثلاثة أحياء في البصرة يوم الثلاثاء بعد أمطار قياسية.",
    "قال الدفاع المدني إن 14 شخصا قتلوا وأصيب 60 آخرون في السيول.",
    "أغلق المحافظ أسعد العيداني المدارس والدوائر الحكومية حتى يوم الأحد.",
    "أرسلت وزارة الموارد المائية 40 مضخة متنقلة من بغداد.",
    "وعد رئيس الوزراء محمد السوداني بمنحة قدرها 5 مليارات دينار.",
    "قدر التجار خسائر سوق السمك بمليوني دولار.",
]


def _support(summary):
    found = summary_support(summary, ARTICLE)
    return ([(s.text, s.sources, s.supported) for s in found.sentences],
            [(f["type"], f["summary_sentence"], f["summary"]["text"], f.get("sources"), f.get("found_in"))
             for f in found.flags])


@pytest.mark.parametrize("text,expected", [
    ("The U.S. Army said 4.5 million fled . Mr. Smith left at 3 p.m. on Monday. Was it true? Yes.",
     ["The U.S. Army said 4.5 million fled.", "Mr. Smith left at 3 p.m. on Monday.", "Was it true?", "Yes."]),
    ("Floods hit Basra on Jan. 5, killing 12. He met J. Doe there!", ["Floods hit Basra on Jan. 5, killing 12.",
                                                                      "He met J. Doe there!"]),
    ("البنتاغون يدعم البيشمركة. وقال المتحدث إن الدعم سيستمر؟ نعم", ["البنتاغون يدعم البيشمركة.",
                                                                 "وقال المتحدث إن الدعم سيستمر؟", "نعم"]),
    ("One line\nanother line", ["One line", "another line"]),
    ("  ", []),
])
def test_summary_sentences(text, expected):
    assert split_sentences(text) == expected


def test_shortened_sentences_find_their_sources_and_raise_nothing():
    assert _support("Civil defence said 14 people were killed. The governor closed schools until Sunday.") == (
        [("Civil defence said 14 people were killed.", (1,), True),
         ("The governor closed schools until Sunday.", (2,), True)], [])


def test_a_sentence_from_another_article_is_unsupported():
    assert _support("Civil defence said 14 people were killed. The election results were announced in Ankara.") == (
        [("Civil defence said 14 people were killed.", (1,), True),
         ("The election results were announced in Ankara.", (), False)],
        [("summary_unsupported", 1, "The election results were announced in Ankara.", [], None),
         ("summary_name_unsupported", 1, "Ankara", None, None)])


def test_a_figure_of_another_event_is_misplaced():
    # 60 were injured, in sentence 2; the pumps sent were 40.
    assert _support("The water ministry sent 60 pumps from Baghdad.") == (
        [("The water ministry sent 60 pumps from Baghdad.", (3,), False)],
        [("summary_unsupported", 0, "The water ministry sent 60 pumps from Baghdad.", [3], None),
         ("summary_figure_misplaced", 0, "60", [3], [1])])


def test_figures_the_article_lacks_are_unsupported():
    found = summary_support("The water ministry sent 70 pumps from Baghdad on 3 May 2024.", ARTICLE)
    assert [(f["type"], f["summary"]) for f in found.flags] == [
        ("summary_unsupported", {"text": "The water ministry sent 70 pumps from Baghdad on 3 May 2024."}),
        ("summary_number_unsupported", {"text": "70", "value": 70, "unit": None}),
        ("summary_date_unsupported", {"text": "3 May 2024", "iso": "2024-05-03"})]
    assert found.sentences[0].score < THRESHOLD


def test_a_sentence_that_fuses_two_takes_each_fact_from_its_own_sentence():
    assert _support("Floods in Basra killed 14 people, and Baghdad sent 40 mobile pumps.") == (
        [("Floods in Basra killed 14 people, and Baghdad sent 40 mobile pumps.", (3, 1), True)], [])
    # Basra, named in the lead, needs no source of its own; "floods" is in sentence 2 too.


def test_names_checked_against_the_sources_then_the_article():
    assert _support("Sudani closed schools and government offices until Sunday. "
                    "Governor Kadhim Hamid closed schools until Sunday.") == (
        [("Sudani closed schools and government offices until Sunday.", (2,), True),
         ("Governor Kadhim Hamid closed schools until Sunday.", (2,), False)],
        [("summary_name_misplaced", 0, "Sudani", [2], [4]),
         ("summary_unsupported", 1, "Governor Kadhim Hamid closed schools until Sunday.", [2], None),
         ("summary_name_unsupported", 1, "Governor Kadhim Hamid", None, None)])
    # The lead's places may be named with any sentence's fact.
    assert _support("Prime Minister Sudani promised a grant of 5 billion dinars to Basra.")[1] == []


def test_scores_and_the_summary_score():
    found = summary_support("Civil defence said 14 people were killed. The election results were announced.",
                            ARTICLE)
    assert [s.score for s in found.sentences] == [1.0, 0.0]
    assert found.score == 0.35  # the mean, pulled 30% of the way to the weakest
    assert summary_support("", ARTICLE).to_json() == {"score": None, "method": "lexical-1", "threshold": THRESHOLD,
                                                      "sentences": []}


def test_an_arabic_summary_against_the_arabic():
    arabic = ["اجتاحت السيول ثلاثة أحياء في البصرة يوم الثلاثاء.", "قال الدفاع المدني إن 14 شخصا قتلوا."]
    found = summary_support("قتل 14 شخصا في السيول. افتتح معرض للكتاب في القاهرة.", arabic, "ar")
    assert [(s.sources, s.supported) for s in found.sentences] == [((1, 0), True), ((), False)]
    assert [f["type"] for f in found.flags] == ["summary_unsupported"]


def test_article_facts_carries_the_support_and_its_flags():
    facts, flags = article_facts(ARABIC, ARTICLE, "The water ministry sent 60 pumps from Baghdad.", None)
    assert facts["support"] == {"score": 0.45, "method": "lexical-1", "threshold": THRESHOLD, "sentences": [
        {"text": "The water ministry sent 60 pumps from Baghdad.", "score": 0.45, "sources": [3], "supported": False}]}
    assert [f["type"] for f in flags] == ["summary_unsupported", "summary_figure_misplaced"]


# -- where it shows --------------------------------------------------------------------------


def _record(summary="The water ministry sent 60 pumps from Baghdad. Traders put the losses at 2 million dollars.",
            article_id="a1"):
    """An article record as the job writes it, of ARABIC and ARTICLE."""
    facts, flags = article_facts(ARABIC, ARTICLE, summary, None)
    return {
        "schema_version": 2, "id": article_id, "source": {"path": f"{article_id}.txt", "sha256": "0" * 64, "name": None},
        "title": {"ar": "سيول في البصرة", "en": "Floods in Basra"}, "published": None,
        "segments": [{"paragraph": 0, "ar": ar, "en": en, "score": -0.1} for ar, en in zip(ARABIC, ARTICLE)],
        "summary": {"en": summary, "ar": "", "input": "translation", "chunks": 1, "rounds": 1},
        "facts": facts, "flags": flags, "models": {"translate": "t", "summarise": "s"}, "meta": {},
    }


def test_markdown_lists_each_sentence_with_its_support():
    lines = render_markdown(_record()).splitlines()
    at = lines.index("| # | summary sentence | support | from sentences |")
    assert lines[at - 2:at + 4] == [
        "Support 0.64 (a sentence is supported from 0.5):", "",
        "| # | summary sentence | support | from sentences |", "|---|---|---|---|",
        "| 1 | The water ministry sent 60 pumps from Baghdad. | 0.45 **unsupported** | 4 |",
        "| 2 | Traders put the losses at 2 million dollars. | 1.00 | 6 |"]


def test_html_links_each_sentence_to_its_sources():
    html = render_article(_record(), -1.5)
    assert re.findall(r'<li class="(\w+)">', html) == ["unsupported", "supported"]
    assert re.findall(r'<a href="#s(\d+)">sentence (\d+)</a>', html) == [("3", "4"), ("5", "6")]
    assert "summary_figure_misplaced · summary sentence 1:" in html


def test_a_record_from_before_schema_2_gets_its_support_worked_out():
    record = _record()
    stored = record["facts"].pop("support")
    assert render_markdown(record) == render_markdown({**record, "facts": {**record["facts"], "support": stored}})


def test_saving_an_edit_scores_it_and_the_list_shows_and_sorts_by_score(out):  # noqa: F811
    client = _client(out)
    article = json.loads((out / "articles" / "other.json").read_text(encoding="utf-8"))
    own = article["segments"][0]["en"]
    token, version, _ = _form(client, "/article/other")
    page = client.post("/article/other/summary", follow_redirects=True, data={
        "csrf_token": token, "version": version,
        "summary": f"{own}. The election results were announced in Ankara."}).get_data(as_text=True)
    assert "Summary saved as a new version: 1 of 2 sentences supported by the article (support 0.35)." in page
    assert re.findall(r'class="support-sentence (\w+)"[^>]*data-sources="([\d ]*)"', page) == [
        ("supported", "0"), ("unsupported", "")]
    stored = ReviewStore(out).state("other").latest.support
    assert [(s["supported"], s["sources"]) for s in stored["sentences"]] == [(True, [0]), (False, [])]
    # The list: the edit's score, and the machine scores read from the files (an older ledger).
    listing = Listing(out, ReviewStore(out))
    machine = {a: json.loads((out / "articles" / f"{a}.json").read_text(encoding="utf-8"))["facts"]["support"]["score"]
               for a in ("seed", "xss")}
    scores = {row.id: row.score for row in listing.page()}
    assert scores == {"other": 0.35, **machine}
    by_score = [row.id for row in listing.page(order="score")]
    assert by_score == sorted(scores, key=lambda a: (scores[a], a))
    assert '<a href="/?order=score" id="order-score"' in client.get("/").get_data(as_text=True)


def test_the_list_reads_the_score_the_ledger_holds(out):  # noqa: F811
    ledger = Ledger(out / ".tarjama" / "ledger.sqlite")
    for article_id, score in (("seed", 0.9), ("xss", 0.01), ("other", 0.5)):
        ledger.db.execute("UPDATE inputs SET summary_score = ? WHERE article_id = ?", (score, article_id))
    ledger.close()
    rows = Listing(out, ReviewStore(out)).page(order="score")
    assert [(row.id, row.score) for row in rows] == [("xss", 0.01), ("other", 0.5), ("seed", 0.9)]


def test_a_ledger_no_run_has_upgraded_lists_without_scores_from_it(out):  # noqa: F811
    db = sqlite3.connect(out / ".tarjama" / "ledger.sqlite")
    db.executescript("ALTER TABLE inputs DROP COLUMN summary_score; PRAGMA user_version = 2;")
    db.close()
    rows = Listing(out, ReviewStore(out)).page(order="score")
    assert sorted(row.id for row in rows) == ["other", "seed", "xss"] and all(r.score is not None for r in rows)


def test_exports_carry_the_support_of_the_exported_summary(out):  # noqa: F811
    client = _client(out)
    own = json.loads((out / "articles" / "other.json").read_text(encoding="utf-8"))["segments"][0]["en"]
    token, version, _ = _form(client, "/article/other")
    client.post("/article/other/summary", data={"csrf_token": token, "version": version, "summary": own})
    store = ReviewStore(out)
    rows = [json.loads(line) for line in export(out, store, status="edited", fmt="jsonl")[0].splitlines()]
    assert [(r["id"], r["support"]["score"], [s["sources"] for s in r["support"]["sentences"]]) for r in rows] == [
        ("other", 1.0, [[0]])]
    csv_text = export(out, store, status="edited", fmt="csv")[0]
    header, row = csv_text.splitlines()[:2]
    assert header.endswith(",support,unsupported_sentences") and row.endswith(",1.0,")


# -- tarjama check and tarjama eval --------------------------------------------------------------


def test_check_takes_a_summary_of_listed_or_whole_sentences():
    listed = check_cmd.check_one(1, check_cmd.record_from_json(
        {"en": ARTICLE, "summary": "The water ministry sent 40 pumps."}, "x"), None)
    assert listed == {"pair": 1, "flags": [], "support": {
        "score": 1.0, "method": "lexical-1", "threshold": THRESHOLD,
        "sentences": [{"text": "The water ministry sent 40 pumps.", "score": 1.0, "sources": [3], "supported": True}]}}
    whole = check_cmd.check_one(2, check_cmd.record_from_json(
        {"en": " ".join(ARTICLE[:2]), "summary": "Floods hit Basra."}, "x"), None)
    assert whole["en_sentences"] == ARTICLE[:2] and whole["support"]["sentences"][0]["sources"] == [0]
    both = check_cmd.check_one(3, check_cmd.record_from_json(
        {"ar": ["قتل 14 شخصا."], "en": ["14 people were killed."], "summary": "14 people were killed."}, "x"), None)
    assert both["flags"] == [] and both["facts"]["ar"][0]["numbers"][0]["value"] == 14


@pytest.mark.parametrize("record,problem", [
    ({"en": ["a"], "summary": 3}, '"summary" must be a string'),
    ({"en": 5, "summary": "s"}, '"en" must be a string or a list of sentences'),
    ({"ar": ["a", "b"], "en": ["c"], "summary": "s"}, '"ar" must be what "en" is'),
    ({"en": "x"}, 'expected an object with "ar" and "en" strings, or "en" and "summary"'),
])
def test_check_refuses_a_bad_record_naming_the_line(record, problem):
    with pytest.raises(check_cmd.CheckInputError, match=re.escape(f"f.jsonl line 4: {problem}")):
        check_cmd.record_from_json(record, "f.jsonl line 4")


def test_check_prints_each_record_before_reading_the_next(monkeypatch, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"en": ARTICLE, "summary": "Floods hit Basra."}) + "\nnot json\n", encoding="utf-8")
    stdout = io.StringIO()
    monkeypatch.setattr("sys.stdout", stdout)
    with pytest.raises(check_cmd.CheckInputError, match="line 2: not valid JSON"):
        check_cmd.run(check_cmd.records_from_jsonl(str(path)), None)
    assert [json.loads(line)["pair"] for line in stdout.getvalue().splitlines()] == [1]


def test_check_summary_file_beside_the_translation(tmp_path):
    (tmp_path / "en.txt").write_text("\n".join(ARTICLE) + "\n", encoding="utf-8")
    (tmp_path / "sum.txt").write_text("Traders put the losses at 2 million dollars.\n", encoding="utf-8")
    [record] = check_cmd.records_from_files(None, str(tmp_path / "en.txt"), str(tmp_path / "sum.txt"))
    result = check_cmd.check_one(1, record, None)
    assert [(s["sources"], s["supported"]) for s in result["support"]["sentences"]] == [([5], True)]


def test_score_distribution():
    assert distribution([0.0, 0.5, 1.0, 0.25, 0.75]) == {
        "mean": 0.5, "min": 0.0, "p10": 0.1, "p25": 0.25, "median": 0.5, "p75": 0.75, "p90": 0.9, "max": 1.0,
        "histogram": [1, 0, 1, 0, 0, 1, 0, 1, 0, 1]}


def test_eval_reports_the_support_of_a_run(tmp_path):
    (tmp_path / "articles").mkdir()
    for name, summary in (("a", "The water ministry sent 60 pumps from Baghdad. Traders put the losses at 2 million "
                                "dollars."), ("b", "Traders put the losses at 2 million dollars.")):
        (tmp_path / "articles" / f"{name}.json").write_text(json.dumps(_record(summary)), encoding="utf-8")
    # a: 0.45 and 1.0, so 0.7 * 0.725 + 0.3 * 0.45 = 0.642; b: 1.0.
    assert folder_support(tmp_path) == {"summaries": 2, "sentences": 3, "sentences_supported": 0.6667, "score": {
        "mean": 0.821, "min": 0.642, "p10": 0.678, "p25": 0.732, "median": 0.821, "p75": 0.91, "p90": 0.964,
        "max": 1.0, "histogram": [0, 0, 0, 0, 0, 0, 1, 0, 0, 1]}}


@pytest.mark.parametrize("summary, expected", [
    ("Zawraa beat Shorta 2-5 in the final.", [("summary_score_unsupported", {"text": "2-5", "score": [2, 5]})]),
    ("The final began at 10 a.m. in Basra.", [("summary_time_unsupported", {"text": "10 a.m.", "clock": "10:00"})]),
    ("Zawraa beat Shorta 2-0 in the final.", []),
])
def test_every_kind_of_figure_in_a_summary_is_checked_as_its_kind(summary, expected):
    article = ["The final began at 9 a.m. in Basra before a crowd of fans.",
               "Zawraa beat Shorta 2-0 in the final to lift the cup."]
    flags = summary_support(summary, article).flags
    assert [(f["type"], f["summary"]) for f in flags if f["type"] != "summary_unsupported"] == expected
