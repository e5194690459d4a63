"""Glossaries: matching through clitics and spelling, enforcement on both engines with a flag
where a model drops a term, precise re-translation when an entry changes, the review page
adding a term that a rerun uses, and bad rows named."""

import json
import re

import pytest

from tarjama.engines import Engines
from tarjama.review.app import create_app
from tarjama.review.store import ReviewStore
from tarjama.job.runner import Runner
from tests.conftest import SEED, run_cli, tiny_config
from translate.glossary import Entry, Glossary, GlossaryError, honoured, load, read_file

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


# -- read strictly: a line is an entry, a comment, blank, or refused with FILE:LINE ------------


@pytest.mark.parametrize("suffix,row,reason", [
    (".tsv", '"البيشمركة\tPeshmerga', "begins with a quote"),
    (".tsv", 'داعش\t"ISIS', "begins with a quote"),
    (".csv", '"داعش, ISIS",Daesh', "begins with a quote"),
    (".tsv", " #داعش\tISIS", "starts with '#', which marks a comment line"),
    (".tsv", "ـــ\tTatweel", "has no Arabic letters"),
    (".tsv", "ـَُِّـ\tMarks", "has no Arabic letters"),
    (".tsv", "داعش\t" + "x" * 200_000, "200,000 characters; at most 200"),
    (".csv", "داعش," + "x" * 200_000, "200,000 characters; at most 200"),
    (".tsv", "دا\x00عش\tISIS", "a control character (U+0000)"),
    (".tsv", "داعش\u202e\tISIS", "RIGHT-TO-LEFT OVERRIDE (U+202E)"),
    (".tsv", "داعش\tIS\u2066IS", "LEFT-TO-RIGHT ISOLATE (U+2066)"),
    (".tsv", "داعش\tISIS\u200f", "RIGHT-TO-LEFT MARK (U+200F)"),
    (".tsv", "داعش\t—", "has no letters or digits"),
])
def test_a_hostile_line_is_refused_with_file_and_line(tmp_path, suffix, row, reason):
    """Each of these was read by the old csv reader as something else: a quote swallowed the
    lines after it, '#' hid a term, a tatweel term matched everywhere with zero width, a long
    field raised csv's own error, a NUL or a direction control went into the term."""
    path = tmp_path / f"terms{suffix}"
    sep = "," if suffix == ".csv" else "\t"
    path.write_text(f"البيشمركة{sep}Peshmerga\n{row}\nكردستان{sep}Kurdistan\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load([path])
    assert str(caught.value).startswith(f"{path}:2: ") and reason in str(caught.value), str(caught.value)[:300]


def test_a_quote_can_no_longer_swallow_the_lines_after_it(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text('البيشمركة\t"Peshmerga\nداعش\tISIS\nكردستان\tKurdistan"\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match=rf"^{re.escape(str(path))}:1: .*begins with a quote"):
        load([path])


def test_comments_blank_lines_and_line_ends_of_every_kind(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_bytes("\ufeff# desk\r\n\r\nداعش\tISIS\tthe group\rالبيشمركة\tPeshmerga\n# a NUL in a comment \x00 is no term\n"
                     .encode("utf-8"))
    assert [(e.arabic, e.english, e.note, e.source) for e in read_file(path)] == [
        ("داعش", "ISIS", "the group", f"{path}:3"), ("البيشمركة", "Peshmerga", "", f"{path}:4")]


def test_a_term_of_tatweel_or_diacritics_never_matches(tmp_path):
    glossary = Glossary([Entry("ـــ", "Tatweel"), Entry("ًٌٍ", "Marks"), Entry("داعش", "ISIS")])
    assert [(m.start, m.end, m.entry.english) for m in glossary.find("قال ـــ إن داعش، ثم ًٌٍ")] == [(11, 15, "ISIS")]


# -- the review page writes only what reads back exactly ------------------------------------------

HOSTILE_TERMS = [
    ("داعش", "ISIS"), ('داعش', '"ISIS"'), ('"داعش', "ISIS"), ("#داعش", "ISIS"), ("داعش", "#ISIS"),
    ("داعش", "ISIS, the group"), ("داعش", "=HYPERLINK(\"x\")"), ("داعش", "IS\\tIS"), ("داعش", "I\u202eSIS"),
    ("دا\u2067عش", "ISIS"), ("داعش", "IS\x00IS"), ("داعش", "ISIS\u2028x"), ("داعش", "\ufeffISIS"),
    ("داعش", "\u200b"), ("ـــ", "Tatweel"), ("داعش", "x" * 201), ("داعش", "  ISIS \t in   spaces "),
    ("البيشمركة", "Pesh\u200cmerga"), ("وزارة الخارجية", "Foreign Ministry"), ("داعش", "ISIS\x85"),
]


def test_review_page_terms_read_back_exactly_or_are_refused(tmp_path):
    from tests.test_review_concurrency import article_record, write_folder

    out = write_folder(tmp_path / "out", [article_record("a", [
        "قالت وزارة الخارجية إن داعش والبيشمركة اشتبكوا.", "ـــ كلام"])])
    client = create_app(out, "layla").test_client()
    page = client.get("/article/a").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    added, refused = [], []
    for arabic, english in HOSTILE_TERMS:
        r = client.post("/article/a/term", data={"csrf_token": token, "arabic": arabic, "english": english})
        given = (" ".join(arabic.split()), " ".join(english.split()))
        if r.status_code == 303:
            added.append(given)
        else:
            assert r.status_code == 400 and "Term not added: " in r.get_data(as_text=True)
            refused.append(given)
    assert [(e.arabic, e.english, e.note) for e in read_file(out / "glossary.tsv")] == [(a, e, "") for a, e in added]
    assert [(arabic, english) for _, arabic, english, _, _ in ReviewStore(out).terms()] == added
    # The page folds whitespace as it reads a form: a line separator or NEL is a space there.
    assert added == [("داعش", "ISIS"), ("داعش", "#ISIS"), ("داعش", "ISIS, the group"), ("داعش", '=HYPERLINK("x")'),
                     ("داعش", "IS\\tIS"), ("داعش", "ISIS x"), ("داعش", "ISIS in spaces"),
                     ("البيشمركة", "Pesh\u200cmerga"), ("وزارة الخارجية", "Foreign Ministry"), ("داعش", "ISIS")]
    assert len(refused) == len(HOSTILE_TERMS) - len(added)


def test_a_hand_broken_job_glossary_is_named_not_appended_to(tmp_path):
    from tests.test_review_concurrency import article_record, write_folder

    out = write_folder(tmp_path / "out", [article_record("a", ["قال داعش كلاما."])])
    (out / "glossary.tsv").write_text("البيشمركة\tPeshmerga\nداعش\n", encoding="utf-8")
    client = create_app(out, "layla").test_client()
    page = client.get("/article/a").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    r = client.post("/article/a/term", data={"csrf_token": token, "arabic": "داعش", "english": "ISIS"})
    assert r.status_code == 409 and "glossary.tsv:2: expected ARABIC, ENGLISH" in r.get_data(as_text=True)
    assert (out / "glossary.tsv").read_text(encoding="utf-8") == "البيشمركة\tPeshmerga\nداعش\n"
    assert ReviewStore(out).terms() == []


# -- a large glossary: one trie, a few look-ups per word, built only when used --------------------


class _CountingDict(dict):
    looked_up = 0

    def __contains__(self, key):
        _CountingDict.looked_up += 1
        return super().__contains__(key)

    def __getitem__(self, key):
        _CountingDict.looked_up += 1
        return super().__getitem__(key)


def _lookups(glossary, text):
    trie, _ = glossary._built()
    glossary._trie = _CountingDict(trie)
    _CountingDict.looked_up = 0
    found = [(m.start, m.end, m.entry.english) for m in glossary.find(text)]
    return found, _CountingDict.looked_up


def test_matching_work_does_not_grow_with_the_glossary():
    sentence = "قالت وزارة الخارجية إن قوات البيشمركة دخلت إقليم كردستان العراق أمس وأن داعش انسحب."
    small = [Entry("البيشمركة", "Peshmerga"), Entry("إقليم كردستان", "Kurdistan Region"), Entry("داعش", "ISIS")]
    # Twenty thousand other terms of two words each, written from a fixed alphabet.
    letters = "بتثجحخدذرزسشصضطظعغفقكمنهوي"
    filler = [Entry(f"{a}{b}{c}ان {c}{b}{a}ية", f"T{i}") for i, (a, b, c) in enumerate(
        (a, b, c) for a in letters for b in letters for c in letters)][:20_000]
    found_small, work_small = _lookups(Glossary(small), sentence)
    found_large, work_large = _lookups(Glossary(filler + small), sentence)
    assert found_small == found_large == [(28, 37, "Peshmerga"), (43, 56, "Kurdistan Region"), (72, 76, "ISIS")]
    assert work_large == work_small <= 14 * len(sentence.split())


def test_a_rerun_reads_a_checked_glossary_without_parsing_it(tmp_path, monkeypatch):
    from tarjama import config, glossary_files

    terms = tmp_path / "terms.tsv"
    terms.write_text(DESK, encoding="utf-8")
    cfg = config.load([], [f'translate.glossary=["{terms}"]'], check=False)
    parsed = []
    real = glossary_files.parse
    monkeypatch.setattr(glossary_files, "parse", lambda text, path: parsed.append(path) or real(text, path))
    first = glossary_files.load_glossary(cfg, tmp_path / "out")
    second = glossary_files.load_glossary(cfg, tmp_path / "out")
    assert parsed == [terms]  # the second read only hashed the bytes
    assert second.fingerprint() == first.fingerprint() and bool(second)
    assert [(m.start, m.end) for m in second.find("قوات البيشمركة")] == [(5, 14)]
    assert parsed == [terms, terms]  # parsed when first used to match
    terms.write_text(DESK + "داعش\n", encoding="utf-8")  # changed bytes: checked again, and refused
    with pytest.raises(GlossaryError, match=rf"{re.escape(str(terms))}:5: "):
        glossary_files.load_glossary(cfg, tmp_path / "out")


def test_many_occurrences_cost_a_bounded_number_of_look_ups_each():
    """The old matcher checked each occurrence against every one taken before (quadratic)."""
    glossary = Glossary([Entry("داعش", "ISIS"), Entry("البيشمركة", "Peshmerga")])
    text = "داعش وللبيشمركة " * 5000
    found, work = _lookups(glossary, text)
    assert len(found) == 10_000 and found[:2] == [(0, 4, "ISIS"), (5, 15, "Peshmerga")]
    assert work <= 14 * 10_000
