"""The README is the front door: it must name every config key and every preset."""

import tomllib

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _keys(node, prefix=""):
    for name, value in node.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and not key.endswith("generation"):
            yield from _keys(value, f"{key}.")
        else:
            yield key


def test_every_config_key_is_documented():
    default = tomllib.loads((ROOT / "config" / "default.toml").read_text(encoding="utf-8"))
    keys = list(_keys(default))
    assert len(keys) > 30
    missing = [k for k in keys if f"`{k}`" not in README and f"`[{k}]`" not in README]
    assert missing == []


def test_every_preset_is_documented():
    presets = sorted(p.stem for p in (ROOT / "config" / "presets").glob("*.toml"))
    assert presets == ["fast-cpu", "mt5-arabic-summary", "nllb", "quality"]
    for name in presets:
        assert f"| `{name}` |" in README
