"""The transformers-free tokenizer kept beside a converted model: the same ids, pieces and
text as the transformers tokenizer it was taken from, and a job that never imports torch."""

import json
import random
import subprocess
import sys

import pytest
from transformers import AutoConfig, AutoTokenizer, GenerationConfig

from tests.conftest import ROOT
from seq2seq import ct2_tokenizer

STRINGS = [
    "أكدت وزارة الدفاع الأميركية بأنها ستواصل التصدي لداعش.",
    "وقعت الحكومتان مذكرة تفاهم جديدة في العاصمة بغداد يوم الأربعاء (21 أيلول 2022).",
    "  مسافات   بين الكلمات\tوسطر\nجديد  ",
    "The ministry said on Monday that 50 people weren't hurt, and it's over!",
    "«اقتباس» — ١٢٣ و 4.5% و $7,000؟",
    ">>en<< بداية برمز لغة",
    "نص فيه </s> رمز خاص و<unk> آخر",
    "漢字 و emoji 🙂 mixed",
    "",
    "a",
]


def _snapshot(path, tmp_path, **tokenizer_kwargs):
    hf = AutoTokenizer.from_pretrained(path, **tokenizer_kwargs)
    assert ct2_tokenizer.save(hf, AutoConfig.from_pretrained(path), GenerationConfig.from_pretrained(path), tmp_path)
    light, config, generation = ct2_tokenizer.load(tmp_path)
    return hf, light, config, generation


@pytest.mark.parametrize("name", ["marian", "bart"])
def test_same_ids_pieces_and_text_as_transformers(tiny_models, tmp_path, name):
    hf, light, config, generation = _snapshot(tiny_models[name], tmp_path)
    assert config.model_type == name and generation.num_beams == GenerationConfig.from_pretrained(tiny_models[name]).num_beams
    assert light.num_special_tokens_to_add() == hf.num_special_tokens_to_add()
    assert light.model_max_length == hf.model_max_length
    for text in STRINGS:
        for special in (True, False):
            expected = hf(text, truncation=False, add_special_tokens=special)["input_ids"]
            assert light(text, truncation=False, add_special_tokens=special)["input_ids"] == expected, text
        ids = hf(text)["input_ids"]
        pieces = hf.convert_ids_to_tokens(ids)
        assert light.convert_ids_to_tokens(ids) == pieces
        assert light.convert_tokens_to_ids(pieces) == hf.convert_tokens_to_ids(pieces)
        for skip in (True, False):
            assert light.decode(ids, skip_special_tokens=skip) == hf.decode(ids, skip_special_tokens=skip), text
    # Whatever a model might generate, specials included, decodes the same.
    rng = random.Random(7)
    size = len(hf)
    for _ in range(200):
        ids = [rng.randrange(size) for _ in range(rng.randrange(1, 12))]
        assert light.decode(ids, skip_special_tokens=True) == hf.decode(ids, skip_special_tokens=True), ids


@pytest.mark.parametrize("name", ["marian", "bart"])
@pytest.mark.parametrize("clean", [True, False])
def test_clean_up_spaces_as_the_tokenizer_does_it(tiny_models, tmp_path, name, clean):
    """transformers 5 honours clean_up_tokenization_spaces for some tokenizers and not for
    BPE ones; the snapshot asks the tokenizer which it does."""
    hf, light, _, _ = _snapshot(tiny_models[name], tmp_path, clean_up_tokenization_spaces=clean)
    for text in ["He said , \" we won't go ! \" They 're here .", "Is it ? Yes ' no '", STRINGS[1]]:
        ids = hf(text)["input_ids"]
        assert light.decode(ids, skip_special_tokens=True) == hf.decode(ids, skip_special_tokens=True)
    assert ct2_tokenizer.clean_up_spaces("it 's done , right ?") == "it's done, right?"


def test_a_snapshot_from_another_transformers_is_taken_again(tiny_models, tmp_path):
    _snapshot(tiny_models["marian"], tmp_path)
    meta_path = tmp_path / ct2_tokenizer.FOLDER / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["transformers"] = "4.0.0"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    assert ct2_tokenizer.load(tmp_path) is None
    _snapshot(tiny_models["marian"], tmp_path)  # replaces the stale one
    assert ct2_tokenizer.load(tmp_path) is not None


def test_models_without_a_twin_keep_transformers(arch_models, tmp_path):
    path = arch_models["nllb"]
    hf = AutoTokenizer.from_pretrained(path)
    assert not ct2_tokenizer.save(hf, AutoConfig.from_pretrained(path), None, tmp_path)
    assert ct2_tokenizer.load(tmp_path) is None
    assert not (tmp_path / ct2_tokenizer.FOLDER).exists()


@pytest.mark.slow  # a child process
def test_a_converted_job_runs_without_torch_or_transformers(tiny_models, tmp_path):
    """First open converts and keeps the snapshot; a second process opens both engines,
    translates and summarises, and has imported neither torch nor transformers."""
    pytest.importorskip("ctranslate2")
    script = """
import json, sys
from pathlib import Path
from seq2seq.runtime import Runtime
from translate.registry import get_engine as translator
from summarise.registry import get_engine as summariser
runtime = Runtime(threads=1, convert_dir=Path(sys.argv[3]))
T, S = translator("ctranslate2"), summariser("ctranslate2")
t = T(T.Options(model=sys.argv[1], device="cpu", generation={"num_beams": 2, "max_new_tokens": 6}), runtime)
s = S(S.Options(model=sys.argv[2], device="cpu", generation={"num_beams": 2, "max_new_tokens": 6}), runtime)
out = [r.text for r in t.translate(["قال الوزير إن 50 شخصا أصيبوا.", "وصل الوفد."])]
out.append(s.summarise([["The ministry said on Monday that 50 people were hurt in the city."]])[0].text)
print(json.dumps({"out": out, "torch": "torch" in sys.modules, "transformers": "transformers" in sys.modules}))
"""
    args = [sys.executable, "-c", script, str(tiny_models["marian"]), str(tiny_models["bart"]), str(tmp_path / "ct2")]
    runs = [subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=300) for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr[-2000:]
    first, second = (json.loads(r.stdout.strip().splitlines()[-1]) for r in runs)
    assert first["transformers"]  # the first open reads the tokenizer through transformers
    assert not second["torch"] and not second["transformers"]
    assert second["out"] == first["out"] and all(isinstance(t, str) for t in second["out"])
