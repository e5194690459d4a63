"""Each engine declares its options as a frozen dataclass, and the config accepts exactly
those keys in the engine's table (plus the stage's own): a misspelt key, or one of another
engine, is an error naming the valid ones."""

from __future__ import annotations

import dataclasses
import re
import typing

import pytest

from tarjama.config import ConfigError, defaults, load, load_with_origins, _read_toml
from tarjama.engines import STAGE_KEYS, engine_class, option_names, options_from_config
from summarise.registry import ENGINES as SUMMARISERS
from translate.registry import ENGINES as TRANSLATORS

SCHEMA = _read_toml(defaults() / "default.toml", "default.toml")
ENGINES = [("translate", name) for name in sorted(TRANSLATORS)] + [("summarise", name) for name in sorted(SUMMARISERS)]


def _accepted(stage: str, engine: str) -> set[str]:
    """The keys of the stage's table that the real config loader takes with this engine."""
    accepted = set()
    for key, value in SCHEMA[stage].items():
        if isinstance(value, dict):  # a table: set one of its own keys
            override = f"{stage}.{key}.num_beams=2"
        else:
            override = f"{stage}.{key}={_toml(value)}"
        try:
            load([], [f"{stage}.engine={engine}", override])
        except ConfigError as exc:
            assert "is not an option of" in str(exc), str(exc)
            continue
        accepted.add(key)
    return accepted


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value).replace("'", '"')


@pytest.mark.parametrize("stage,engine", ENGINES)
def test_the_options_dataclass_is_what_the_config_accepts_for_the_engine(stage, engine):
    cls = engine_class(stage, engine)
    assert dataclasses.is_dataclass(cls.Options) and cls.Options.__dataclass_params__.frozen
    assert _accepted(stage, engine) == set(option_names(cls)) | set(STAGE_KEYS[stage])


EXPECTED_ONLY = {
    ("translate", "transformers"): {"dtype"},
    ("translate", "ctranslate2"): {"quantization"},
    ("summarise", "transformers"): {"dtype"},
    ("summarise", "ctranslate2"): {"quantization"},
}


@pytest.mark.parametrize("stage,engine", ENGINES)
def test_each_engine_has_its_own_precision_key_and_not_the_others(stage, engine):
    mine = set(option_names(engine_class(stage, engine)))
    others = set().union(*(option_names(engine_class(stage, e)) for s, e in ENGINES if s == stage and e != engine))
    assert mine - others == EXPECTED_ONLY[(stage, engine)]


@pytest.mark.parametrize("stage,engine", ENGINES)
def test_the_dataclass_agrees_with_default_toml_on_types_and_defaults(stage, engine):
    """default.toml gives the user's defaults; the dataclass's (for a program building an
    engine itself) must not say otherwise. The model and its generation settings differ on
    purpose: the dataclass has no model, and {} leaves generation to the model's own file."""
    cls = engine_class(stage, engine)
    hints = typing.get_type_hints(cls.Options)
    for f in dataclasses.fields(cls.Options):
        default = SCHEMA[stage][f.name]
        assert isinstance(default, typing.get_origin(hints[f.name]) or hints[f.name]), f.name
        if f.name not in ("model", "generation"):
            assert f.default == default, f.name


def test_a_misspelt_key_names_the_engine_and_its_options(tmp_path):
    site = tmp_path / "site.toml"
    site.write_text('[translate]\nengine = "ctranslate2"\nnum_beam = 2\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load([site])
    assert str(caught.value) == (
        f"{site}: translate.num_beam is not an option of the ctranslate2 engine; its options are: batch_tokens, "
        "device, generation, max_batch_sentences, max_input_tokens, model, quantization, revision, score, "
        "source_lang, target_lang; and for every engine: engine, glossary"
    )


def test_a_key_of_the_other_engine_says_whose_it_is():
    with pytest.raises(ConfigError) as caught:
        load([], ["summarise.quantization=int8_float32"])
    assert str(caught.value) == (
        "--set summarise.quantization: summarise.quantization is not an option of the transformers engine "
        "(an option of the ctranslate2 engine); its options are: batch_size, batch_tokens, device, dtype, "
        "generation, max_input_tokens, model, prefix, revision; and for every engine: engine, input"
    )


def test_the_engine_is_judged_after_every_layer():
    """A key of the ctranslate2 engine given before the layer that picks that engine."""
    cfg = load([], ["translate.quantization=float32", "translate.engine=ctranslate2"])
    assert (cfg["translate"]["engine"], cfg["translate"]["quantization"]) == ("ctranslate2", "float32")


def test_a_key_in_no_table_is_refused_even_unchecked():
    with pytest.raises(ConfigError, match=re.escape("--set translate.num_beam: unknown key 'translate.num_beam'")):
        load([], ["translate.num_beam=2"], check=False)


def test_options_from_config_takes_the_table_as_loaded():
    cfg, origins = load_with_origins([], ["translate.engine=ctranslate2", "translate.score=false",
                                          "translate.generation.num_beams=3"])
    cls = engine_class("translate", "ctranslate2")
    options = options_from_config(cls, cfg["translate"], "translate")
    assert options == cls.Options(
        model="Helsinki-NLP/opus-mt-ar-en", revision="main", device="auto", quantization="int8",
        generation={"num_beams": 3, "max_new_tokens": 512}, batch_tokens=6000, max_batch_sentences=64,
        max_input_tokens=0, score=False, source_lang="", target_lang="",
    )
    options.generation["num_beams"] = 9  # the options hold a copy, not the config's own table
    assert cfg["translate"]["generation"]["num_beams"] == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.score = True  # type: ignore[misc]


def test_an_engine_takes_no_stray_keyword():
    cls = engine_class("summarise", "transformers")
    with pytest.raises(TypeError, match="quantization"):
        cls.Options(model="m", quantization="int8")
