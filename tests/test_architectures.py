"""Engine and model swaps by config alone: a tiny model of each supported architecture goes
through its real loading path, and through CTranslate2's converter where it converts."""

import re

import pytest

from seq2seq.runtime import Runtime
from summarise.registry import get_engine as summariser_engine
from tarjama import config
from tarjama.engines import Engines
from tarjama.job.runner import Runner
from tarjama.signature import parse
from tests.conftest import ROOT, SEED, load_json, run_cli, set_args, tiny_overrides
from tests.engine_build import build
from translate import ModelLoadError
from translate.registry import get_engine as translator_engine

pytestmark = pytest.mark.slow  # a tiny model of every architecture, and child processes

LANGS = {"marian": ("", ""), "nllb": ("arb_Arab", "eng_Latn"), "m2m100": ("ar", "en"), "mbart50": ("ar_AR", "en_XX")}
GEN = {"num_beams": 2, "max_new_tokens": 5, "min_new_tokens": 5}


@pytest.fixture()
def ct2_dir(tmp_path_factory):
    return tmp_path_factory.getbasetemp() / "ct2-shared"


TRANSLATORS = [(a, e) for a in LANGS for e in ("transformers", "ctranslate2") if (a, e) != ("m2m100", "ctranslate2")]


@pytest.mark.parametrize("arch,engine", TRANSLATORS)
def test_translators_of_every_architecture(arch_models, ct2_dir, arch, engine):
    source, target = LANGS[arch]
    cls = translator_engine(engine)
    t = build(cls, Runtime(convert_dir=ct2_dir), model=str(arch_models[arch]), device="cpu", generation=GEN,
              source_lang=source, target_lang=target)
    results = t.translate(["أكدت وزارة الدفاع الأميركية أنها ستواصل.", "قال"])
    assert len(results) == 2 and all(r.error is None and r.score < 0 for r in results)
    described = t.describe()
    assert described["engine"] == engine and described["model"] == str(arch_models[arch])
    assert described["languages"] == ([source, t.langs.target_token] if source else None)


@pytest.mark.parametrize("arch", ["bart", "pegasus", "t5", "mt5"])
@pytest.mark.parametrize("engine", ["transformers", "ctranslate2"])
def test_summarisers_of_every_architecture(arch_models, ct2_dir, arch, engine):
    s = build(summariser_engine(engine), Runtime(convert_dir=ct2_dir), model=str(arch_models[arch]), device="cpu",
              generation=GEN)
    long_doc = ["The ministry said it will continue working with partners in the region."] * 40
    [summary] = s.summarise([long_doc])
    assert summary.error is None and summary.chunks > 1
    assert s.prefix == ("summarize: " if arch == "t5" else "")  # read from the model's config


@pytest.mark.parametrize("model,text", [("marian", "أكدت وزارة الدفاع الأميركية أنها ستواصل"), ("bart", "The ministry said.")])
def test_ctranslate2_float32_greedy_matches_transformers(arch_models, ct2_dir, model, text):
    """A cheap proof that a conversion is right: the same tokens, greedy, in float32."""
    gen = {"num_beams": 1, "max_new_tokens": 8, "min_new_tokens": 8}
    get = translator_engine if model == "marian" else summariser_engine
    hf = build(get("transformers"), model=str(arch_models[model]), device="cpu", generation=gen)
    ct = build(get("ctranslate2"), Runtime(convert_dir=ct2_dir), model=str(arch_models[model]), device="cpu",
               generation=gen, quantization="float32")
    tok = hf._m.tokenizer  # the CTranslate2 engine reads its own copy, without transformers
    ids = tok(text, return_tensors="pt")
    hf_tokens = tok.convert_ids_to_tokens(hf._m.model.generate(**ids, **gen)[0])
    source = ct.tokenizer.convert_ids_to_tokens(ct.tokenizer(text)["input_ids"])
    assert source == tok.convert_ids_to_tokens(ids["input_ids"][0])
    ct_tokens = ct.translator.translate_batch([source], **ct.options)[0].hypotheses[0]
    # transformers starts from the decoder start token and forces </s> as the 8th token;
    # CTranslate2 leaves the start token out and emits 8 real ones.
    assert hf_tokens[1:-1] == ct_tokens[:7]
    assert len(set(ct_tokens)) >= 1 and ct_tokens


MISCONFIGURED = [
    ("translator", "nllb", {}, "set translate.source_lang and translate.target_lang"),
    ("translator", "nllb", {"source_lang": "arb_Arab", "target_lang": "xx_Yyyy"}, "translate.target_lang = 'xx_Yyyy' is not a language code"),
    ("translator", "bart", {}, "is a summarisation model (bart)"),
    ("summariser", "marian", {}, "is a translation model (marian)"),
    ("translator", "m2m100-ct2", {"source_lang": "ar", "target_lang": "en"}, "CTranslate2 cannot convert it"),
    ("translator", "marian-ct2", {"quantization": "float16"}, "needs a GPU"),
    ("translator", "marian-ct2", {"generation": {"diversity_penalty": 1.0}}, "not supported by the ctranslate2 engine"),
]


@pytest.mark.parametrize("stage,model,kwargs,message", MISCONFIGURED)
def test_misconfigured_swaps_say_what_is_wrong(arch_models, ct2_dir, stage, model, kwargs, message):
    arch, _, ct = model.partition("-")
    engine = "ctranslate2" if ct else "transformers"
    get = translator_engine if stage == "translator" else summariser_engine
    with pytest.raises(ModelLoadError, match=re.escape(message)):
        build(get(engine), Runtime(convert_dir=ct2_dir), model=str(arch_models[arch]), device="cpu", **kwargs)


def test_unknown_engine_is_a_config_error():
    result = run_cli("config", "show", "--set", "translate.engine=marian-nmt")
    assert result.returncode == 2 and "is not one of: ctranslate2, transformers" in result.stderr


PRESETS = {
    "fast-cpu": {},
    "quality": {},
    "nllb": {"translate.model": "nllb"},
    "mt5-arabic-summary": {"summarise.model": "mt5"},
}


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_each_preset_runs_with_tiny_models_of_its_architectures(arch_models, tmp_path, preset):
    swaps = {k: str(arch_models[v]) for k, v in PRESETS[preset].items()}
    overrides = tiny_overrides(arch_models, **{"job.cache_dir": str(tmp_path / "cache")})
    overrides += [f"{k}={v}" for k, v in swaps.items()]
    # Keep the preset's engines, languages and input; shorten generation for speed.
    cfg = config.load([ROOT / "config" / "presets" / f"{preset}.toml"], overrides)
    preset_cfg = config.load([ROOT / "config" / "presets" / f"{preset}.toml"])
    for stage in ("translate", "summarise"):
        for k in ("engine", "quantization", "source_lang", "target_lang", "input"):
            if k in preset_cfg[stage]:
                assert cfg[stage][k] == preset_cfg[stage][k]
    out = tmp_path / "out"
    outcome = Runner(cfg, out, engines=Engines(cfg)).run([str(SEED)])
    assert outcome.exit_code == 0 and outcome.written == [SEED.stem]
    record = load_json(out / "articles" / f"{SEED.stem}.json")
    assert parse(record["models"]["translate"])["engine"] == cfg["translate"]["engine"]
    assert parse(record["models"]["summarise"])["engine"] == cfg["summarise"]["engine"]
    assert record["summary"]["input"] == cfg["summarise"]["input"]
    assert len(record["segments"]) > 0


def _shape(record):
    return {
        "keys": sorted(record),
        "segments": [(s["paragraph"], s["ar"], type(s["en"]).__name__, type(s["score"]).__name__) for s in record["segments"]],
        "summary": sorted(record["summary"]),
    }


def test_fast_cpu_preset_cli_writes_the_same_structure_as_the_default_engine(tiny_models, tmp_path):
    common = set_args(tiny_models, **{"job.cache_dir": str(tmp_path / "cache")})
    default = run_cli("run", str(SEED), "-o", str(tmp_path / "default"), *common)
    fast = run_cli("run", str(SEED), "-o", str(tmp_path / "fast"), "--preset", "fast-cpu", *common)
    assert default.returncode == 0 and fast.returncode == 0, fast.stderr
    a = load_json(tmp_path / "default" / "articles" / f"{SEED.stem}.json")
    b = load_json(tmp_path / "fast" / "articles" / f"{SEED.stem}.json")
    assert _shape(a) == _shape(b)
    translate = parse(b["models"]["translate"])
    assert (translate["engine"], translate["settings"]["quantization"]) == ("ctranslate2", "int8")
    assert list((tmp_path / "cache" / "ct2").iterdir())  # converted on first use, into the cache
    manifest = load_json(tmp_path / "fast" / "manifest.json")
    assert manifest["models"]["translate"]["engine"] == "ctranslate2"


def test_models_convert_ahead_of_time(tiny_models, tmp_path):
    result = run_cli("models", "convert", "--preset", "fast-cpu",
                     *set_args(tiny_models, **{"job.cache_dir": str(tmp_path / "c")}))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("(int8): ") == 2
    assert len(list((tmp_path / "c" / "ct2").glob("*/model.bin"))) == 2


@pytest.mark.parametrize("penalty", [1.0, 2.0, 0.5])
def test_ctranslate2_scores_from_the_search_equal_teacher_forced_ones(arch_models, ct2_dir, penalty):
    """The score comes from translate_batch itself; it must be the mean log-probability of
    the output tokens (the end token included when one was generated), whatever the length
    penalty that ranked the beams."""
    sentences = ["أكدت وزارة الدفاع الأميركية أنها ستواصل", "قال.", "وقعت الحكومتان مذكرة تفاهم جديدة في بغداد."]
    gen = {"num_beams": 3, "max_new_tokens": 12, "length_penalty": penalty}
    ct = build(translator_engine("ctranslate2"), Runtime(convert_dir=ct2_dir), model=str(arch_models["marian"]),
               device="cpu", generation=gen, quantization="float32")
    results = ct.translate(sentences)
    tok = ct.tokenizer
    source = [tok.convert_ids_to_tokens(tok(s)["input_ids"]) for s in sentences]
    hypotheses = [r.hypotheses[0] for r in ct.translator.translate_batch(source, **ct.options)]
    ended = []
    for result, scored, hyp in zip(results, ct.translator.score_batch(source, hypotheses), hypotheses):
        n = len(hyp) if len(hyp) >= 12 else len(hyp) + 1  # score_batch always scores an end token
        ended.append(n > len(hyp))
        # Incremental decoding and one teacher-forced pass differ in float32 rounding only.
        assert result.score == pytest.approx(sum(scored.log_probs[:n]) / n, abs=2e-3)
    if penalty == 0.5:  # short outputs win under a small penalty: the end-token case is covered
        assert any(ended)


def test_ctranslate2_batches_run_in_parallel_give_the_same_translations(arch_models, ct2_dir, monkeypatch):
    sentences = [f"وقعت الحكومتان مذكرة تفاهم رقم {i} في بغداد." for i in range(12)] + ["قال."] * 3
    gen = {"num_beams": 2, "max_new_tokens": 6}
    cls = translator_engine("ctranslate2")
    options = cls.Options(model=str(arch_models["marian"]), device="cpu", generation=gen, quantization="float32",
                          max_batch_sentences=2)
    serial = cls(options, Runtime(threads=1, convert_dir=ct2_dir))
    parallel = cls(options, Runtime(threads=2, convert_dir=ct2_dir))
    assert (serial.parallel, parallel.parallel) == (1, 2)
    expected = serial.translate(sentences)
    assert parallel.translate(sentences) == expected
    # A batch that fails is retried alone, sentence by sentence; the others are untouched.
    finish, failed = type(parallel)._finish, []

    def failing(self, texts, *handle):
        if len(texts) > 1 and any("رقم 5 " in t for t in texts):
            failed.append(texts)
            raise RuntimeError("boom")
        return finish(self, texts, *handle)

    monkeypatch.setattr(type(parallel), "_finish", failing)
    again = parallel.translate(sentences)
    assert failed and [t.text for t in again] == [t.text for t in expected]
