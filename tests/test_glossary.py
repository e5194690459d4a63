"""Glossaries: matching through clitics and spelling, enforcement on both engines with a flag
where a model drops a term, precise re-translation when an entry changes, the review page
adding a term that a rerun uses, and bad rows named."""

import json
import re

import pytest

from tarjama.engines import Engines
from tarjama.review.app import create_app
from tarjama.review.store import ReviewStore
from tarjama.runner import Runner
from tests.conftest import SEED, run_cli, tiny_config
from translate.glossary import Entry, Glossary, GlossaryError, honoured, load

DESK = "البيشمركة\tPeshmerga\nداعش\tISIS\nالبنتاغون\tPentagon\nكردستان\tKurdistan\n"


@pytest.mark.parametrize("text,found", [
    ("قوات البيشمركة", ["البيشمركة"]), ("للبيشمركة", ["للبيشمركة"]), ("وبالبيشمركة", ["وبالبيشمركة"]),
    ("بيشمركة", ["بيشمركة"]), ("البِيشْمَرْكَة", ["البِيشْمَرْكَة"]), ("البيشـمركة", ["البيشـمركة"]),
    ("البيشمركه", ["البيشمركه"]), ("البيشمرگة", ["البيشمرگة"]), ("لمسلحي داعش،", ["داعش"]),
    ("إقليم كردستان العراق", ["إقليم كردستان"]), ("اقليم كردستان", ["اقليم كردستان"]), ("كردستاني", []),
    ("البيشمركةالجديدة", []),
])
def test_terms_match_through_clitics_and_spelling(text, found):
    glossary = Glossary([Entry("البيشمركة", "Peshmerga"), Entry("داعش", "ISIS"), Entry("كردستان", "Kurdistan"),
                         Entry("إقليم كردستان", "Kurdistan Region")])
    assert [text[m.start:m.end] for m in glossary.find(text)] == found


def test_apply_keeps_the_meaningful_clitics():
    glossary = Glossary([Entry("البيشمركة", "Peshmerga")])
    assert glossary.apply("دعم للبيشمركة وبالبيشمركة")[0] == "دعم ل Peshmerga وب Peshmerga"


def test_files_in_order_a_later_one_wins(tmp_path):
    first, second = tmp_path / "desk.tsv", tmp_path / "override.csv"
    first.write_text("# desk terms\nداعش\tISIS\tdesk style\nالبيشمركة\tPeshmerga\n", encoding="utf-8")
    second.write_text("داعش,Islamic State\n", encoding="utf-8")
    glossary = load([first, second])
    assert {e.arabic: e.english for e in glossary.entries} == {"داعش": "Islamic State", "البيشمركة": "Peshmerga"}


@pytest.mark.parametrize("row,message", [("داعش\n", "expected ARABIC, ENGLISH"), ("\tISIS\n", "expected ARABIC, ENGLISH"),
                                         ("ISIS\tداعش\n", "has no Arabic letters"), ("a\tb\tc\td\n", "got 4 field(s)")])
def test_a_bad_row_names_the_file_and_line(tmp_path, row, message):
    path = tmp_path / "terms.tsv"
    path.write_text("البيشمركة\tPeshmerga\n" + row, encoding="utf-8")
    with pytest.raises(GlossaryError, match=rf"{re.escape(str(path))}:2: .*{re.escape(message)}"):
        load([path])


@pytest.mark.parametrize("english,ok", [("The Peshmerga said", True), ("the peshmerga", True), ("Peshmergas", False),
                                        ("pesh merga", False)])
def test_honoured(english, ok):
    assert honoured(english, Entry("البيشمركة", "Peshmerga")) is ok


@pytest.mark.slow  # a child process
def test_a_bad_glossary_row_stops_the_job_in_one_line(tmp_path):
    bad = tmp_path / "terms.tsv"
    bad.write_text("داعش\n", encoding="utf-8")
    result = run_cli("run", str(SEED), "-o", str(tmp_path / "out"), "--set", f'translate.glossary=["{bad}"]')
    assert result.returncode == 2 and f"{bad}:1:" in result.stderr and "Traceback" not in result.stderr


def _run(models, out, glossary, **extra):
    cfg = tiny_config(models, **{"facts.entities": "false", "translate.glossary": f'["{glossary}"]', **extra})
    return Runner(cfg, out, engines=Engines(cfg), progress=False).run([str(SEED)])


@pytest.mark.parametrize("engine", ["transformers", "ctranslate2"])
def test_every_term_occurrence_is_honoured_or_flagged(tiny_models, tmp_path, engine):
    terms = tmp_path / "terms.tsv"
    terms.write_text(DESK, encoding="utf-8")
    out = tmp_path / "out"
    outcome = _run(tiny_models, out, terms, **{"translate.engine": engine})
    assert outcome.exit_code == 0
    record = json.loads((out / "articles" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    flagged = {(f["segment"], f["term"]["en"]) for f in record["flags"] if f["type"] == "term_missing"}
    occurrences = 0
    for i, segment in enumerate(record["segments"]):
        for term in segment.get("terms", []):
            occurrences += 1
            carries = re.search(rf"(?<!\w){term['en']}(?!\w)", segment["en"], re.IGNORECASE) is not None
            assert term["honoured"] is carries
            assert carries or (i, term["en"]) in flagged
    assert occurrences >= 10  # the seed names the Peshmerga, ISIS and Kurdistan again and again
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["terms"]["applied"] == occurrences
    assert manifest["counts"]["terms"]["missing"] == len([f for f in record["flags"] if f["type"] == "term_missing"])
    html = (out / "articles" / f"{SEED.stem}.html").read_text(encoding="utf-8")
    assert html.count('<mark class="term') == occurrences


def test_changing_one_entry_retranslates_only_the_sentences_that_hold_it(tiny_models, tmp_path):
    terms = tmp_path / "terms.tsv"
    terms.write_text(DESK, encoding="utf-8")
    out = tmp_path / "out"
    first = _run(tiny_models, out, terms)
    terms.write_text(DESK.replace("داعش\tISIS", "داعش\tIslamic State"), encoding="utf-8")
    second = _run(tiny_models, out, terms)
    record = json.loads((out / "articles" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    holding = {s["ar"] for s in record["segments"] if "داعش" in s["ar"]}
    holding |= {record["title"]["ar"]} if "داعش" in record["title"]["ar"] else set()
    assert second.written == first.written  # the article is rewritten...
    assert second.translated == len(holding) > 0  # ...but only the sentences with داعش are translated again
    assert second.cache_hits == second.sentences - len(holding)


def test_review_page_adds_a_term_that_a_rerun_uses(tiny_models, tmp_path):
    terms = tmp_path / "terms.tsv"
    terms.write_text(DESK, encoding="utf-8")
    out = tmp_path / "out"
    _run(tiny_models, out, terms)
    client = create_app(out, "layla").test_client()
    page = client.get(f"/article/{SEED.stem}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    refused = client.post(f"/article/{SEED.stem}/term", data={"csrf_token": token, "arabic": "غير موجود",
                                                             "english": "Nowhere"})
    assert refused.status_code == 400 and "not in this article" in refused.get_data(as_text=True)
    r = client.post(f"/article/{SEED.stem}/term", data={"csrf_token": token, "arabic": "مذكرة التفاهم",
                                                       "english": "memorandum of understanding"})
    assert r.status_code == 303
    assert (out / "glossary.tsv").read_text(encoding="utf-8") == "مذكرة التفاهم\tmemorandum of understanding\n"
    [(article, arabic, english, reviewer, _)] = ReviewStore(out).terms()
    assert (article, arabic, english, reviewer) == (SEED.stem, "مذكرة التفاهم", "memorandum of understanding", "layla")
    again = _run(tiny_models, out, terms)
    assert again.written  # the job's glossary changed, so the article is redone with it
    record = json.loads((out / "articles" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    assert any(t["en"] == "memorandum of understanding" for s in record["segments"] for t in s.get("terms", []))
