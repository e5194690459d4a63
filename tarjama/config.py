"""Layered TOML configuration: the embedded default, then each `-c` file, then `--set`.

The default file is also the schema: a key it does not have is unknown, and a value must have
the type of the default's. Tables named ``generation`` are the exception: they go to
``generate()`` and are checked against what transformers' GenerationConfig accepts.
"""

from __future__ import annotations

import copy
import json
import math
import re
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from seq2seq.ct2 import QUANTIZATIONS
from seq2seq.loading import DEVICES, DTYPES
from tarjama.config_error import ConfigError
from tarjama.generation_check import check_generation


def defaults() -> Traversable:
    """The folder of default.toml and presets/: inside the installed package (tarjama.defaults,
    which pyproject.toml maps onto config/), or config/ of a checkout run without installing."""
    try:
        return resources.files("tarjama.defaults")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "config"


def preset_names() -> list[str]:
    return sorted(p.name[: -len(".toml")] for p in (defaults() / "presets").iterdir() if p.name.endswith(".toml"))


def preset_description(name: str) -> str:
    """A preset's opening comment, to its first full stop or semicolon: what it is for."""
    words = []
    for line in _preset(name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") or not line.strip("# "):
            break
        words.append(line.strip("# "))
    text = " ".join(words)
    end = min((i for i in (text.find(". "), text.find("; ")) if i >= 0), default=len(text))
    return text[:end].rstrip(".")


def preset_path(name: str) -> Traversable:
    """A preset's file inside the package; ConfigError listing the presets if there is none."""
    return _preset(name)


def _preset(name: str) -> Traversable:
    if name not in preset_names():
        raise ConfigError(f"--preset {name!r}: no such preset; choose one of: {', '.join(preset_names())} "
                          "(or give a file with -c)")
    return defaults() / "presets" / f"{name}.toml"

GENERATION_TABLES = ("translate.generation", "summarise.generation")
# Tables whose keys are the options of the engine they name (tarjama/engines.py checks them).
ENGINE_TABLES = ("translate", "summarise")

# Keys whose values come from a closed set. Engine names are the registries' keys.
DEVICE_KEYS = ("translate.device", "summarise.device", "facts.device")  # DEVICES, or cuda:N
CHOICES: dict[str, tuple[str, ...]] = {
    "translate.dtype": DTYPES,
    "summarise.dtype": DTYPES,
    "translate.quantization": QUANTIZATIONS,
    "summarise.quantization": QUANTIZATIONS,
    "summarise.input": ("translation", "source"),
    "job.cpu_linear": ("auto", "onednn", "torch"),
    "job.executor": ("local", "ray"),
}
LIST_CHOICES: dict[str, tuple[str, ...]] = {"output.formats": ("md", "html")}
POSITIVE = {
    "ray.translate_actors",
    "ray.summarise_actors",
    "ray.facts_actors",
    "ray.batch_articles",
    "translate.batch_tokens",
    "translate.max_batch_sentences",
    "summarise.batch_size",
    "facts.batch_size",
    "job.window_articles",
    "input.max_bytes",
}
NON_NEGATIVE = {
    "ray.local_cpus",
    "ray.translate_cpus",
    "ray.translate_gpus",
    "ray.summarise_cpus",
    "ray.summarise_gpus",
    "ray.facts_cpus",
    "ray.facts_gpus",
    "translate.max_input_tokens",
    "summarise.max_input_tokens",
    "job.threads",
    "job.cache_max_entries",
}


def _engine_choices() -> dict[str, tuple[str, ...]]:
    from summarise.registry import ENGINES as SUMMARISERS
    from translate.registry import ENGINES as TRANSLATORS

    return {
        "translate.engine": tuple(sorted(TRANSLATORS)),
        "summarise.engine": tuple(sorted(SUMMARISERS)),
    }


def _read_toml(path: Path | Traversable, label: str | None = None) -> dict[str, Any]:
    """`label` names the layer in errors (a preset by its name, not its installed path)."""
    label = label or str(path)
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{label}: no such config file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{label}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{label}: not readable TOML: nested too deeply") from None
    except OSError as exc:
        raise ConfigError(f"{label}: cannot read: {exc.strerror}") from None


def _parse_value(text: str, key: str) -> Any:
    """`--set` values are TOML values when they parse as one, else plain strings, so
    `--set translate.model=/models/x` needs no quotes and `num_beams=2` is an int."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text
    except RecursionError:
        raise ConfigError(f"--set {key}: the value is nested too deeply to read") from None


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _coerce(key: str, value: Any, default: Any, origin: str) -> Any:
    if key.startswith("input.fields."):
        # A field name, or a list of names tried in order.
        if isinstance(value, str) or (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
            return value
        raise ConfigError(f"{origin}: {key} must be a field name or a list of field names, got {value!r}")
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, list):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    else:
        ok = isinstance(value, type(default))
    if not ok:
        raise ConfigError(
            f"{origin}: {key} must be {_type_name(default)}, got {value!r}"
        )
    return value


def _merge(
    base: dict[str, Any], layer: dict[str, Any], schema: dict[str, Any], origin: str, prefix: str = "",
    strays: list[tuple[str, str]] | None = None,
) -> None:
    """Layer `layer` onto `base`. A key unknown to an engine's table is put in `strays` rather
    than refused here: which keys are valid there depends on the engine, which a later layer
    may still change."""
    for name, value in layer.items():
        key = f"{prefix}{name}"
        if key in GENERATION_TABLES:
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: [{key}] must be a table")
            base.setdefault(name, {}).update(value)
            continue
        if name not in schema:
            if strays is not None and prefix.rstrip(".") in ENGINE_TABLES:
                strays.append((key, origin))
                continue
            known = ", ".join(sorted(f"{prefix}{k}" for k in schema))
            raise ConfigError(f"{origin}: unknown key {key!r}; known keys here: {known}")
        if isinstance(schema[name], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: {key} must be a table, got {value!r}")
            _merge(base[name], value, schema[name], origin, f"{key}.", strays)
        else:
            base[name] = _coerce(key, value, schema[name], origin)


def _set_path(tree: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    """Turn `a.b.c=v` into the nested layer {a: {b: {c: v}}}."""
    parts = dotted.split(".")
    layer: dict[str, Any] = {}
    node = layer
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
    return layer


def _check_values(cfg: dict[str, Any], origin_of: dict[str, str]) -> None:
    for key in DEVICE_KEYS:
        value = _get(cfg, key)
        if value not in DEVICES and not re.fullmatch(r"cuda:\d+", value):
            raise ConfigError(f"{origin_of.get(key, 'config')}: {key} = {value!r} is not one of: "
                              f"{', '.join(DEVICES)}, cuda:N (a GPU by number, such as cuda:1)")
    choices = {**CHOICES, **_engine_choices()}
    for key, allowed in choices.items():
        value = _get(cfg, key)
        if value not in allowed:
            raise ConfigError(
                f"{origin_of.get(key, 'config')}: {key} = {value!r} is not one of: {', '.join(allowed)}"
            )
    for key, allowed in LIST_CHOICES.items():
        for value in _get(cfg, key):
            if value not in allowed:
                raise ConfigError(
                    f"{origin_of.get(key, 'config')}: {key} has {value!r}; choices: {', '.join(allowed)}"
                )
    for key in POSITIVE | NON_NEGATIVE:
        value = _get(cfg, key)
        floor = 1 if key in POSITIVE else 0
        if value < floor:
            raise ConfigError(f"{origin_of.get(key, 'config')}: {key} must be >= {floor}, got {value}")

    _check_engine_options(cfg, origin_of)

    for table in GENERATION_TABLES:
        settings = _get(cfg, table)
        # Each setting blamed on the layer that gave it, not on the last layer to touch the table.
        origins = {key: origin_of[f"{table}.{key}"] for key in settings if f"{table}.{key}" in origin_of}
        check_generation(settings, origin_of.get(table, "config"), table, origins)


def _check_engine_options(cfg: dict[str, Any], origin_of: dict[str, str]) -> None:
    """Each key a layer set in an engine's table is an option of the engine that table
    names (or a key of the stage itself): a misspelt key, or one of another engine, would
    otherwise be silently ignored."""
    from tarjama.engines import engine_class, options_from_config

    for table in ENGINE_TABLES:
        given = {key[len(table) + 1:]: origin for key, origin in origin_of.items()
                 if key.startswith(f"{table}.") and "." not in key[len(table) + 1:]}
        options_from_config(engine_class(table, cfg[table]["engine"]), cfg[table], table, given)


def _get(cfg: dict[str, Any], dotted: str) -> Any:
    node: Any = cfg
    for part in dotted.split("."):
        node = node[part]
    return node


DEFAULT_ORIGIN = "default"


def load(files: list[str | Path] = (), overrides: list[str] = (), *, presets: list[str] = (),
         check: bool = True) -> dict[str, Any]:
    """Resolve the configuration: the defaults, each preset, each -c file, each --set.
    Raises ConfigError naming the file (or --set) and key."""
    return load_with_origins(files, overrides, presets=presets, check=check)[0]


def load_with_origins(files: list[str | Path] = (), overrides: list[str] = (), *, presets: list[str] = (),
                      check: bool = True) -> tuple[dict[str, Any], dict[str, str]]:
    """The configuration, and for each key set by a layer, which layer set it last."""
    schema = _read_toml(defaults() / "default.toml", "default.toml")
    cfg = copy.deepcopy(schema)
    origin_of: dict[str, str] = {}
    layers: list[tuple[str, dict[str, Any]]] = [(f"preset {name}", _read_toml(_preset(name), f"preset {name}"))
                                                for name in presets]
    layers += [(str(p), _beside(_read_toml(Path(p) if isinstance(p, str) else p), p)) for p in files]
    for item in overrides:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ConfigError(f"--set {item!r}: expected KEY=VALUE, for example --set translate.model=/models/opus")
        layers.append((f"--set {key}", _set_path({}, key, _parse_value(raw.strip(), key))))
    strays: list[tuple[str, str]] = []
    for origin, layer in layers:
        _refuse_non_finite(layer, origin)
        _merge(cfg, layer, schema, origin, strays=strays)
        for key in _flat_keys(layer):
            origin_of[key] = origin
    if check:
        _check_values(cfg, origin_of)
    elif strays:
        key, origin = strays[0]
        table = key.partition(".")[0]
        known = ", ".join(sorted(f"{table}.{k}" for k in schema[table]))
        raise ConfigError(f"{origin}: unknown key {key!r}; known keys here: {known}")
    return cfg, origin_of


def _beside(layer: dict[str, Any], path: str | Path | Traversable) -> dict[str, Any]:
    """A config file's relative glossary paths, read against the file's own folder: the file
    and its glossary travel together, whatever folder the command runs in."""
    translate = layer.get("translate")
    if not isinstance(path, (str, Path)) or not isinstance(translate, dict) or not isinstance(
            translate.get("glossary"), list):
        return layer
    folder = Path(path).parent
    translate["glossary"] = [
        str(folder / entry) if isinstance(entry, str) and not entry.startswith("~") and not Path(entry).is_absolute()
        else entry
        for entry in translate["glossary"]
    ]
    return layer


def _refuse_non_finite(layer: dict[str, Any], origin: str, prefix: str = "") -> None:
    """nan and inf are TOML numbers, but no setting means them, and the manifest that records
    the config must stay valid JSON."""
    for name, value in layer.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            _refuse_non_finite(value, origin, f"{key}.")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, float) and not math.isfinite(item):
                raise ConfigError(f"{origin}: {key} = {item}: must be a finite number")


def _flat_keys(layer: dict[str, Any], prefix: str = "") -> list[str]:
    keys = []
    for name, value in layer.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            keys.append(key)
            keys.extend(_flat_keys(value, f"{key}."))
        else:
            keys.append(key)
    return keys


def to_toml(cfg: dict[str, Any], origin_of: dict[str, str] | None = None) -> str:
    """Render a resolved config as TOML (the subset this schema uses). With `origin_of`,
    each key ends with a comment naming the layer that set it."""
    lines: list[str] = []

    def scalar(value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, list):
            return "[" + ", ".join(scalar(v) for v in value) + "]"
        return repr(value)

    def table(node: dict[str, Any], name: str) -> None:
        plain = {k: v for k, v in node.items() if not isinstance(v, dict)}
        if name:
            lines.append(f"[{name}]")
        for key, value in plain.items():
            line = f"{key} = {scalar(value)}"
            if origin_of is not None:
                dotted = f"{name}.{key}" if name else key
                line += f"  # {origin_of.get(dotted, DEFAULT_ORIGIN)}"
            lines.append(line)
        if name or plain:
            lines.append("")
        for key, value in node.items():
            if isinstance(value, dict):
                table(value, f"{name}.{key}" if name else key)

    table(cfg, "")
    return "\n".join(lines).rstrip() + "\n"
