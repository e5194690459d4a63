"""The fast paths that read private internals of torch and transformers: off with
job.fast_paths = false, off on a library version they were not tested on, and the same
output either way."""

from __future__ import annotations

import logging
import re
import tomllib

import pytest

from seq2seq import cpu_linear, gate, shared_source
from seq2seq.beam_cache import beam_cache, generate_kwargs
from seq2seq.min_length import EosBan
from tarjama.engines import Engines
from tests.conftest import ROOT, tiny_config

ARTICLE = ["أكدت وزارة الدفاع الأميركية بأنها ستواصل التصدي لداعش.", "قال.",
           "وقعت الحكومتان مذكرة تفاهم جديدة في العاصمة بغداد يوم الأربعاء."]
DOCUMENT = ["The ministry said it will continue working with partners in the region."] * 6


@pytest.fixture(autouse=True)
def fresh_gate():
    gate.configure(True)
    gate._said.clear()
    yield
    gate.configure(True)
    gate._said.clear()
    cpu_linear.configure("auto")


def _engines(tiny_models, fast_paths: bool) -> Engines:
    return Engines(tiny_config(tiny_models, **{"job.fast_paths": str(fast_paths).lower()}))


def _fast_paths_in_use(engines: Engines) -> dict[str, bool]:
    model = engines.summariser._m.model
    settings = generate_kwargs(model, {"num_beams": 2, "min_new_tokens": 4, "max_new_tokens": 12})
    return {
        "shared_source": shared_source.enabled(model),
        "beam_cache": "cache" in settings,
        "min_length": any(isinstance(p, EosBan) for p in settings.get("logits_processor", [])),
        "onednn_linear": any(type(m).__name__ == "OneDNNLinear" for m in model.modules()),
    }


def test_with_the_switch_off_the_public_path_gives_the_same_output(tiny_models):
    fast = _engines(tiny_models, True)
    assert _fast_paths_in_use(fast) == {path: True for path in gate.FAST_PATHS}
    fast_out = fast.translator.translate(ARTICLE), fast.summariser.summarise([DOCUMENT])

    public = _engines(tiny_models, False)
    assert _fast_paths_in_use(public) == {path: False for path in gate.FAST_PATHS}
    public_out = public.translator.translate(ARTICLE), public.summariser.summarise([DOCUMENT])

    assert [t.text for t in public_out[0]] == [t.text for t in fast_out[0]]
    # oneDNN and MKL add float32 products in another order: scores agree to rounding.
    assert [t.score for t in public_out[0]] == pytest.approx([t.score for t in fast_out[0]], abs=2e-4)
    assert public_out[1] == fast_out[1]


def test_the_switch_off_says_why_at_debug_level(caplog):
    gate.configure(False)
    with caplog.at_level(logging.DEBUG, logger="seq2seq.gate"):
        assert [gate.allowed(path) for path in gate.FAST_PATHS] == [False] * 4
        gate.allowed("beam_cache")  # said once, not at every generate()
    assert [r.getMessage() for r in caplog.records] == [
        f"fast path {path} off, the public path instead: job.fast_paths = false" for path in gate.FAST_PATHS
    ]


@pytest.mark.parametrize("library,version,allowed", [
    ("transformers", "5.24.0", True),
    ("transformers", "5.24.3", True),
    ("transformers", "5.25.0", False),
    ("transformers", "5.23.1", False),
    ("transformers", "6.0.0", False),
    ("torch", "2.13.0+cpu", True),
    ("torch", "2.14.0", False),
    ("torch", None, False),
])
def test_the_version_gate(monkeypatch, caplog, library, version, allowed):
    monkeypatch.setattr(gate, "installed", lambda name: version if name == library else gate.metadata.version(name))
    paths = [path for path, (lib, _) in gate.FAST_PATHS.items() if lib == library]
    with caplog.at_level(logging.DEBUG, logger="seq2seq.gate"):
        assert [gate.allowed(path) for path in paths] == [allowed] * len(paths)
    first = gate.TESTED[library][0]
    assert [r.getMessage() for r in caplog.records] == ([] if allowed else [
        f"fast path {path} off, the public path instead: {library} {version} is not a version it was tested on "
        f"({first}.x; it reads {gate.FAST_PATHS[path][1]})" for path in paths
    ])


def test_a_transformers_outside_the_tested_range_loads_on_the_public_path(tiny_models, monkeypatch, caplog):
    real = gate.installed
    monkeypatch.setattr(gate, "installed", lambda name: "5.99.0" if name == "transformers" else real(name))
    with caplog.at_level(logging.DEBUG, logger="seq2seq.gate"):
        engines = _engines(tiny_models, True)
        in_use = _fast_paths_in_use(engines)
    assert in_use == {"shared_source": False, "beam_cache": False, "min_length": False, "onednn_linear": True}
    assert "fast path shared_source off, the public path instead: transformers 5.99.0 is not a version it was " \
           "tested on (5.24.x; it reads config._attn_implementation, sdpa_attention_forward, cache.is_updated)" \
           in [r.getMessage() for r in caplog.records]
    assert beam_cache(engines.summariser._m.model, 4) is None


def test_the_gate_covers_the_versions_constraints_txt_pins_and_pyproject_admits():
    pins = dict(re.findall(r"^([a-z_-]+)==(\S+)$", (ROOT / "constraints.txt").read_text(encoding="utf-8"), re.M))
    for library, (first, past) in gate.TESTED.items():
        major, minor = map(int, pins[library].split(".")[:2])
        assert (first, past) == (f"{major}.{minor}", f"{major}.{minor + 1}")
    with (ROOT / "pyproject.toml").open("rb") as fh:
        deps = tomllib.load(fh)["project"]["dependencies"]
    assert f"transformers>={gate.TESTED['transformers'][0]},<6" in deps
