"""What users install: the declared dependencies match what the code imports, every package
of the tree is in the wheel's list, and the config ships inside the package."""

import ast
import sys
import tomllib
from importlib import metadata

import pytest

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
OURS = {"tarjama", "seq2seq", "translate", "summarise", "facts", "config", "tests"}
# Imported only when the user asks for it, and never installed by tarjama (say why).
OPTIONAL = {"comet": "unbabel-comet pins its own torch and lightning; `tarjama eval --comet` says to install it"}
# Declared though never imported by name: each is needed by a library at run time.
INDIRECT = {
    "protobuf": "transformers reads sentencepiece models into fast tokenizers through it",
    "lxml_html_clean": "trafilatura imports lxml.html.clean, a separate distribution since lxml 5.2",
}


def _name(requirement: str) -> str:
    for stop in "<>=!~[; ":
        requirement = requirement.split(stop)[0]
    return requirement.lower().replace("-", "_")


def _imports() -> set[str]:
    found = set()
    for package in ("tarjama", "seq2seq", "translate", "summarise", "facts"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m not in OURS and m not in OPTIONAL}


def _distributions(modules: set[str]) -> set[str]:
    owners = metadata.packages_distributions()
    missing = sorted(m for m in modules if m not in owners)
    assert not missing, f"imported but not installed: {missing}"
    return {_name(owners[m][0]) for m in modules}


def test_declared_dependencies_match_the_imports():
    project = PYPROJECT["project"]
    core = {_name(r) for r in project["dependencies"]}
    extras = {_name(r) for reqs in project["optional-dependencies"].values() for r in reqs}
    imported = _distributions(_imports())
    assert imported - core - extras == set(), "imported but not declared"
    assert core - imported - set(INDIRECT) == set(), "declared but never imported (say why in INDIRECT, or drop it)"


def test_every_package_of_the_tree_is_in_the_wheel():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    tree = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for package in ("tarjama", "seq2seq", "translate", "summarise", "facts")
        for init in (ROOT / package).rglob("__init__.py")
    }
    assert listed == tree | {"tarjama.defaults"}
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"tarjama.defaults": "config"}


def test_config_is_read_from_the_package():
    from tarjama import config

    folder = config.defaults()
    assert (folder / "default.toml").is_file()
    assert config.preset_names() == sorted(p.stem for p in (ROOT / "config" / "presets").glob("*.toml"))
    assert config.load(presets=["fast-cpu"])["translate"]["engine"] == "ctranslate2"


def test_article_records_match_the_shipped_schema(tiny_models, tmp_path):
    import copy

    import jsonschema

    from tarjama.engines import Engines
    from tarjama.article_json import SCHEMA_VERSION, article_schema
    from tarjama.job.outcome import MANIFEST_SCHEMA_VERSION
    from tarjama.job.runner import Runner
    from tests.conftest import SEED, load_json, tiny_config

    schema = article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    cfg = tiny_config(tiny_models)
    out = tmp_path / "out"
    assert Runner(cfg, out, engines=Engines(cfg)).run([str(SEED)]).exit_code == 0
    record = load_json(out / "articles" / f"{SEED.stem}.json")
    assert record["schema_version"] == SCHEMA_VERSION
    jsonschema.validate(record, schema)
    assert load_json(out / "manifest.json")["schema_version"] == MANIFEST_SCHEMA_VERSION
    # The schema is a check that can fail: each of these breaks it.
    for damage in (lambda r: r.pop("segments"), lambda r: r["segments"][0].update(score="high"),
                   lambda r: r.update(published="27/09/2022"), lambda r: r.update(schema_version=SCHEMA_VERSION + 1),
                   lambda r: r["facts"]["support"]["sentences"].append({"text": "x", "score": 2}),
                   lambda r: r["facts"]["source"]["numbers"].append({"text": "x"})):
        broken = copy.deepcopy(record)
        damage(broken)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_renderings_show_an_arabic_summary():
    """mt5-arabic-summary writes summary.ar; the Markdown and HTML must show it, not "(empty)"."""
    from tarjama.render.html import render_article
    from tarjama.render.markdown import render_markdown

    record = {
        "schema_version": 1, "id": "a1", "source": {"path": "a1.txt", "sha256": "0" * 64, "name": None},
        "title": {"ar": "عنوان", "en": "Title"}, "published": None,
        "segments": [{"paragraph": 0, "ar": "جملة.", "en": "A sentence.", "score": -0.1}],
        "summary": {"en": "", "ar": "ملخص الخبر بالعربية.", "input": "source", "chunks": 1, "rounds": 1},
        "facts": {k: {"dates": [], "numbers": [], "people": [], "organisations": [], "places": []}
                  for k in ("source", "translation", "summary")},
        "flags": [], "models": {"translate": "t", "summarise": "s"}, "meta": {},
    }
    markdown, html = render_markdown(record), render_article(record, -1.5)
    assert "ملخص الخبر بالعربية." in markdown and "(empty)" not in markdown
    assert '<div class="summary" lang="ar" dir="rtl">ملخص الخبر بالعربية.</div>' in html


def test_the_model_stages_do_not_import_each_other_or_the_job():
    """translate/ and summarise/ share seq2seq/ (facts/ loads its NER models through it), never
    each other; none of the model
    packages imports tarjama/ (so they stay usable as libraries)."""
    allowed = {"translate": {"seq2seq"}, "summarise": {"seq2seq"}, "seq2seq": set(), "facts": {"seq2seq"}}
    for package, may in allowed.items():
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                         [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else [])
                for name in names:
                    top = name.split(".")[0]
                    if top in OURS - {"config", "tests"} and top != package:
                        assert top in may, f"{path.relative_to(ROOT)} imports {name}"
