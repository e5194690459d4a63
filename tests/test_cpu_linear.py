"""job.cpu_linear: float32 linear layers through oneDNN change the kernel, never the model:
same tokens, logits equal to float32 rounding, tied weights still tied."""

import pytest
import torch

from tarjama import config
from seq2seq import cpu_linear
from seq2seq.loading import ModelLoadError, load_seq2seq
from translate.registry import get_engine
from tests.engine_build import build

SENTENCES = [
    "أكدت وزارة الدفاع الأميركية بأنها ستواصل التصدي لداعش.",
    "وقعت الحكومتان مذكرة تفاهم جديدة في العاصمة بغداد يوم الأربعاء (21 أيلول 2022).",
    "وتبلغ مساحة المنطقة 50 ألف كيلومتر مربع.",
]
needs_onednn = pytest.mark.skipif(not cpu_linear.onednn_available(), reason="this torch has no oneDNN")


@pytest.fixture
def mode():
    """Set the process-wide mode for one test, and put the default back after it."""
    yield cpu_linear.configure
    cpu_linear.configure("auto")


def _linears(model) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for module in model.modules():
        if isinstance(module, torch.nn.Linear):
            kinds[type(module).__name__] = kinds.get(type(module).__name__, 0) + 1
    return kinds


@needs_onednn
def test_auto_switches_every_plain_linear_and_keeps_the_output_layer_tied(tiny_models, mode):
    mode("auto")
    model = load_seq2seq(str(tiny_models["marian"]), "main", key="translate.model", device="cpu", dtype="float32").model
    assert _linears(model) == {"OneDNNLinear": sum(_linears(model).values())}
    assert model.get_output_embeddings().weight.data_ptr() == model.get_input_embeddings().weight.data_ptr()


def test_torch_mode_and_other_dtypes_keep_torchs_kernel(tiny_models, mode):
    mode("torch")
    kept = load_seq2seq(str(tiny_models["bart"]), "main", key="summarise.model", device="cpu", dtype="float32").model
    assert set(_linears(kept)) == {"Linear"}
    mode("auto")
    half = load_seq2seq(str(tiny_models["bart"]), "main", key="summarise.model", device="cpu", dtype="bfloat16").model
    assert set(_linears(half)) == {"Linear"}


@needs_onednn
def test_translations_and_scores_match_torchs_kernel(tiny_models, mode):
    settings = {"num_beams": 4, "max_new_tokens": 10, "min_new_tokens": 10}
    results = {}
    for kernel in ("torch", "onednn"):
        mode(kernel)
        engine = build(get_engine("transformers"), model=str(tiny_models["marian"]), device="cpu", generation=settings)
        assert ("OneDNNLinear" in _linears(engine._m.model)) == (kernel == "onednn")
        results[kernel] = engine.translate(SENTENCES)
    assert [r.text for r in results["onednn"]] == [r.text for r in results["torch"]]
    for a, b in zip(results["onednn"], results["torch"]):
        assert a.score == pytest.approx(b.score, abs=1e-4)


@needs_onednn
def test_logits_equal_to_float32_rounding_and_training_falls_back(tiny_models, mode):
    mode("torch")
    ref = load_seq2seq(str(tiny_models["bart"]), "main", key="summarise.model", device="cpu", dtype="float32")
    mode("onednn")
    fast = load_seq2seq(str(tiny_models["bart"]), "main", key="summarise.model", device="cpu", dtype="float32")
    enc = ref.tokenizer(["The ministry said on Monday that 50 people were hurt."], return_tensors="pt")
    decoder = torch.tensor([[2, 0, 100, 200, 300]])
    with torch.inference_mode():
        a = ref.model(**enc, decoder_input_ids=decoder).logits
        b = fast.model(**enc, decoder_input_ids=decoder).logits
    assert a.abs().max() > 0
    torch.testing.assert_close(b, a, rtol=1e-5, atol=1e-5)
    # With autograd on (the oneDNN op has no backward) the layer uses torch's kernel.
    fast.model.train()
    loss = fast.model(**enc, decoder_input_ids=decoder).logits.sum()
    loss.backward()
    assert fast.model.get_output_embeddings().weight.grad is not None


def test_onednn_asked_for_but_missing_is_one_clear_error(tiny_models, mode, monkeypatch):
    monkeypatch.setattr(cpu_linear, "onednn_available", lambda: False)
    mode("onednn")
    with pytest.raises(ModelLoadError, match='cpu_linear = "onednn".*set it to "auto" or "torch"'):
        load_seq2seq(str(tiny_models["marian"]), "main", key="translate.model", device="cpu", dtype="float32")
    mode("auto")  # auto falls back without a word
    model = load_seq2seq(str(tiny_models["marian"]), "main", key="translate.model", device="cpu", dtype="float32").model
    assert set(_linears(model)) == {"Linear"}


def test_config_checks_the_choice():
    assert config.load([], [])["job"]["cpu_linear"] == "auto"
    with pytest.raises(config.ConfigError, match="cpu_linear"):
        config.load([], ["job.cpu_linear=mkl"])


@pytest.mark.slow  # a child process
def test_kernel_caches_are_bounded_before_torch_loads_and_a_users_choice_kept():
    """oneDNN keeps a compiled kernel per input shape; unbounded, a long job's memory grows."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = (
        "import os, sys\n"
        "from seq2seq.cpu_linear import limit_kernel_caches\n"
        "if sys.argv[1] == 'late': import torch\n"
        "print(limit_kernel_caches(), os.environ.get('ONEDNN_PRIMITIVE_CACHE_CAPACITY'), os.environ.get('LRU_CACHE_CAPACITY'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "LRU_CACHE_CAPACITY")}

    def run(when: str, **extra: str) -> str:
        return subprocess.run([sys.executable, "-c", script, when], capture_output=True, text=True, cwd=ROOT,
                              env={**env, **extra}, check=True, timeout=300).stdout.strip()

    assert run("early") == "True 64 64"
    assert run("late") == "False None None"  # too late to matter: left alone
    assert run("early", LRU_CACHE_CAPACITY="512") == "True 64 512"
