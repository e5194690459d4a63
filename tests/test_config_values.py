"""Config values a user can get wrong without a word: nan and inf, an error blamed on the wrong
layer, a glossary path that depends on the folder the command runs in."""

from pathlib import Path

import pytest

from tarjama import config
from tarjama.config import ConfigError
from tarjama.glossary_files import load_glossary


def _file(tmp_path, text, name="my.toml"):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "+nan"])
def test_nan_and_inf_are_refused_from_set(value):
    with pytest.raises(ConfigError) as caught:
        config.load([], [f"output.low_score={value}"])
    shown = {"nan": "nan", "+nan": "nan", "inf": "inf", "-inf": "-inf"}[value]
    assert str(caught.value) == f"--set output.low_score: output.low_score = {shown}: must be a finite number"


def test_nan_and_inf_are_refused_in_a_file_and_a_generation_table(tmp_path):
    path = _file(tmp_path, "[output]\nlow_score = inf\n")
    with pytest.raises(ConfigError) as caught:
        config.load([path])
    assert str(caught.value) == f"{path}: output.low_score = inf: must be a finite number"
    path = _file(tmp_path, "[summarise.generation]\nlength_penalty = nan\n", "gen.toml")
    with pytest.raises(ConfigError) as caught:
        config.load([path])
    assert str(caught.value) == f"{path}: summarise.generation.length_penalty = nan: must be a finite number"


def test_a_bad_generation_setting_is_blamed_on_the_file_that_gave_it(tmp_path):
    path = _file(tmp_path, "[translate.generation]\nnum_beams = 0\n")
    with pytest.raises(ConfigError) as caught:
        config.load([path], ["translate.generation.max_new_tokens=5"])
    assert str(caught.value) == f"{path}: [translate.generation] num_beams = 0: must be a number >= 1"
    with pytest.raises(ConfigError) as caught:
        config.load([path], ["translate.generation.num_beams=-2"])  # --set wins, and is blamed
    assert str(caught.value) == (
        "--set translate.generation.num_beams: [translate.generation] num_beams = -2: must be a number >= 1")


def test_glossary_paths_in_a_file_are_read_against_its_folder(tmp_path, monkeypatch):
    folder = tmp_path / "desk"
    path = _file(folder, '[translate]\nglossary = ["terms.tsv", "/srv/house.tsv", "~/mine.tsv"]\n', "desk.toml")
    cfg = config.load([path])
    assert cfg["translate"]["glossary"] == [str(folder / "terms.tsv"), "/srv/house.tsv", "~/mine.tsv"]
    assert config.load([], ['translate.glossary=["terms.tsv"]'])["translate"]["glossary"] == ["terms.tsv"]
    # Read from another folder, the file's glossary is still the one beside it.
    (folder / "terms.tsv").write_text("الوزير\tthe minister\n", encoding="utf-8")
    _file(folder, '[translate]\nglossary = ["terms.tsv"]\n', "desk.toml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    glossary = load_glossary(config.load([Path("..") / "desk" / "desk.toml"]), tmp_path / "out")
    assert [(m.entry.arabic, m.entry.english) for m in glossary.find("قال الوزير")] == [("الوزير", "the minister")]
