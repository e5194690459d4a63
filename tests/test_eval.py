"""`tarjama eval`: rows of configs scored with sacrebleu (and checked against sacrebleu's own
command line), failed rows, bad input, finished jobs, summaries, and the fact extractors
against gold files. The parallel set in tests/data/parallel/ was written for these tests."""

import json
import subprocess
import sys

import pytest

from tarjama.evaluate import metrics
from tarjama.signature import parse
from tests.conftest import ROOT, SEED, load_json, run_cli, set_args

DATA = ROOT / "tests" / "data" / "parallel"
SRC, REF = DATA / "news.ar", DATA / "news.en"


def _sacrebleu_cli(reference, hypotheses):
    """The scores as sacrebleu's own command line computes them."""
    result = subprocess.run(
        [sys.executable, "-m", "sacrebleu", str(reference), "-i", str(hypotheses), "-m", "bleu", "chrf", "ter",
         "--chrf-word-order", "2", "-w", "2", "-f", "json"], capture_output=True, text=True, check=True,
        timeout=300)
    return {item["name"].split("2++")[0].lower().replace("chrf", "chrf"): item["score"] for item in json.loads(result.stdout)}


# -- the metrics, on inline data ------------------------------------------------------------


def test_translation_scores_are_sacrebleus():
    import sacrebleu

    hyps = ["The minister opened 12 schools.", "Soldiers came on Monday.", "Prices rose."]
    refs = ["The minister opened 12 new schools.", "300 soldiers arrived on Monday.", "Prices rose sharply."]
    scores = metrics.translation_scores(hyps, refs)
    assert scores["bleu"] == round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2)
    assert scores["chrf"] == round(sacrebleu.corpus_chrf(hyps, [refs], word_order=2).score, 2)
    assert scores["ter"] == round(sacrebleu.corpus_ter(hyps, [refs]).score, 2)
    assert scores["signatures"]["bleu"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")
    assert "nw:2" in scores["signatures"]["chrf"]


def test_significance_tells_a_much_better_system_apart():
    refs = [f"The council approved the plan number {i} for the city on Monday." for i in range(40)]
    good = [r.replace("Monday", "Tuesday") if i % 4 == 0 else r for i, r in enumerate(refs)]
    bad = ["Council city plan." for _ in refs]
    tests = metrics.significance([("good", good), ("bad", bad), ("same", good)], refs)
    assert tests["bad"]["bleu"]["significant"] and tests["bad"]["bleu"]["delta"] < -50
    assert not tests["same"]["bleu"]["significant"] and tests["same"]["bleu"]["delta"] == 0


@pytest.mark.parametrize("source,hypothesis,kept,flag_rate", [
    ("وصل 300 جندي في 5 آذار 2021.", "300 soldiers arrived on 5 March 2021.", 1.0, 0.0),
    ("وصل 300 جندي في 5 آذار 2021.", "30 soldiers arrived on 5 March 2021.", 0.5, 1.0),
    ("وصل 300 جندي في 5 آذار 2021.", "Soldiers arrived.", 0.0, 1.0),
])
def test_facts_preservation(source, hypothesis, kept, flag_rate):
    result = metrics.facts_preservation([source], [hypothesis])
    assert result["source_facts"] == 2 and result["facts_kept"] == kept and result["flag_rate"] == flag_rate


def test_rouge():
    perfect = metrics.rouge([("The minister opened schools.", "The minister opened schools.")])
    assert perfect["rouge1"] == perfect["rouge2"] == perfect["rougeL"] == 100.0
    assert metrics.rouge([("Rain in the north.", "The minister opened schools.")])["rouge1"] < 30


def test_comet_left_out_says_why():
    assert metrics.comet(None, [])[1].startswith("COMET left out: no model named")
    scores, note = metrics.comet("Unbabel/wmt22-comet-da", [])
    assert scores is None and note.startswith("COMET left out: ")


# -- the command -------------------------------------------------------------------------------


@pytest.mark.slow  # child processes
def test_two_rows_scored_as_sacrebleu_scores_the_saved_hypotheses(tiny_models, tmp_path):
    out = tmp_path / "eval"
    result = run_cli("eval", "--source", str(SRC), "--reference", str(REF), "-o", str(out), "--compare", "fast-cpu",
                     "--json", *set_args(tiny_models))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [r["name"] for r in report["rows"]] == ["base", "fast-cpu"]
    for row in report["rows"]:
        assert row["status"] == "ok" and row["hypotheses"] == str(out / f"{row['name']}.en")
        assert len((out / f"{row['name']}.en").read_text(encoding="utf-8").splitlines()) == 12
        assert row["sentences_per_second"] > 0 and row["peak_rss_mb"] > 50
        assert row["facts"]["source_facts"] >= 8 and 0 <= row["facts"]["flag_rate"] <= 1
        cli = _sacrebleu_cli(REF, row["hypotheses"])
        assert (row["bleu"], row["chrf"], row["ter"]) == (round(cli["bleu"], 2), round(cli["chrf"], 2),
                                                          round(cli["ter"], 2))
    # Each row names its model by the translate stage's signature, as an article record does.
    assert [parse(row["model"])["engine"] for row in report["rows"]] == ["transformers", "ctranslate2"]
    assert set(report["rows"][1]["significance"]) == {"against", "bleu", "chrf", "ter"}
    assert "COMET left out" in result.stderr

    # Scores that are not zero: references that share half the hypotheses word for word.
    base = (out / "base.en").read_text(encoding="utf-8").splitlines()
    half = tmp_path / "half.en"
    half.write_text("".join(f"{h if i % 2 else r}\n" for i, (h, r) in
                            enumerate(zip(base, REF.read_text(encoding="utf-8").splitlines()))), encoding="utf-8")
    again = run_cli("eval", "--source", str(SRC), "--reference", str(half), "-o", str(tmp_path / "again"),
                    *set_args(tiny_models))
    assert again.returncode == 0, again.stderr
    table = again.stdout.splitlines()
    assert table[0].split()[:4] == ["row", "BLEU", "chrF++", "TER"]
    bleu = float(table[1].split()[1])
    assert bleu > 20 and bleu == round(_sacrebleu_cli(half, tmp_path / "again" / "base.en")["bleu"], 2)


@pytest.mark.slow  # child processes
def test_a_row_that_fails_to_load_is_reported_and_the_others_print(tiny_models, tmp_path):
    broken = tmp_path / "broken.toml"
    # Loads nowhere without a GPU (the tests pin the device to the CPU).
    broken.write_text('[translate]\nengine = "ctranslate2"\nquantization = "float16"\n', encoding="utf-8")
    result = run_cli("eval", "--source", str(SRC), "--reference", str(REF), "-o", str(tmp_path / "eval"),
                     "--compare", str(broken), *set_args(tiny_models))
    assert result.returncode == 1, result.stderr
    rows = result.stdout.splitlines()
    assert rows[1].startswith("base ") and rows[1].split()[1].replace(".", "").isdigit()
    assert rows[2].startswith("broken") and "FAILED" in rows[2] and "needs a GPU" in rows[2]


@pytest.mark.slow  # child processes
@pytest.mark.parametrize("make,message", [
    (lambda d: (d / "s.ar").write_text("جملة.\nجملة أخرى.\n", encoding="utf-8") and
     (d / "r.en").write_text("One.\n", encoding="utf-8"), "has 2 lines but --reference"),
    (lambda d: (d / "s.ar").write_text("\n", encoding="utf-8") and
     (d / "r.en").write_text("\n", encoding="utf-8"), "empty file"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, message):
    make(tmp_path)
    result = run_cli("eval", "--source", str(tmp_path / "s.ar"), "--reference", str(tmp_path / "r.en"),
                     "-o", str(tmp_path / "eval"))
    assert result.returncode == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow  # a child process
def test_unknown_preset_is_one_line_and_exit_2(tmp_path):
    result = run_cli("eval", "--source", str(SRC), "--reference", str(REF), "-o", str(tmp_path / "e"),
                     "--compare", "fastest")
    assert result.returncode == 2 and "no such preset" in result.stderr


@pytest.mark.slow  # child processes
def test_finished_job_scored_against_references_by_article_id(tiny_models, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", str(SEED), "-o", str(out), *set_args(tiny_models)).returncode == 0
    record = load_json(out / "articles" / f"{SEED.stem}.json")
    refs = tmp_path / "refs.jsonl"
    refs.write_text(json.dumps({"id": record["id"], "translation": [s["en"] for s in record["segments"]]}) + "\n"
                    + json.dumps({"id": "not-there", "translation": ["x"]}) + "\n", encoding="utf-8")
    sums = tmp_path / "sums.jsonl"
    sums.write_text(json.dumps({"id": record["id"], "summary": record["summary"]["en"]}) + "\n", encoding="utf-8")
    result = run_cli("eval", str(out), "--reference", str(refs), "--summary-reference", str(sums), "--json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)["rows"]
    assert row["bleu"] == 100.0 and row["segments"] == len(record["segments"])
    assert row["articles_missing"] == ["not-there"]
    assert row["summary"]["rouge1"] == 100.0 and row["summary"]["summaries"] == 1


GOLD_TEXT = "وصل 300 جندي إلى القاعدة في 5 آذار 2021، وغادر 20 آخرون.\n\nوأعلنت الوزارة 120 إصابة.\n"


@pytest.mark.slow  # a child process
def test_extractor_accuracy_against_gold(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("خبر\n\n" + GOLD_TEXT, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    # The gold holds one number the extractor finds (300), one it finds with another value in
    # this gold (120 written as 12), and misses nothing else; 20 is not in the gold.
    (gold / "story.json").write_text(json.dumps({
        "dates": [{"text": "5 آذار 2021", "iso": "2021-03-05"}],
        "numbers": [{"text": "300", "value": 300, "unit": None}, {"text": "12", "value": 12, "unit": None}],
    }, ensure_ascii=False), encoding="utf-8")
    result = run_cli("eval", "facts", "--gold", str(gold), str(article), "--json")
    assert result.returncode == 0, result.stderr
    kinds = json.loads(result.stdout)["kinds"]
    assert kinds["dates"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 1, "found": 1}
    assert kinds["numbers"]["gold"] == 2 and kinds["numbers"]["found"] == 3
    assert kinds["numbers"]["precision"] == round(1 / 3, 4) and kinds["numbers"]["recall"] == 0.5
    verbose = run_cli("eval", "facts", "--gold", str(gold), str(article), "-v")
    assert f"{article}: numbers missed: 12" in verbose.stdout
    assert f"{article}: numbers false hit: 120" in verbose.stdout
