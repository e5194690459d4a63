"""The house reads top-down: each layer imports only from the layers below it, and the import
graph between modules has no cycle. Imports inside functions count too (a lazy import is still
an arrow), so a cycle cannot hide behind one.

    cli                          tarjama.cli.*, tarjama.__main__
    job | review | evaluate      tarjama.job.*, tarjama.review.*, tarjama.evaluate.*  (siblings: none imports another)
    shared                       every other tarjama module (config, engines, ledger, render, ingest, ...)
    domain                       facts, translate, summarise, seq2seq (never import tarjama)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tarjama", "facts", "translate", "summarise", "seq2seq")
APPS = ("tarjama.job", "tarjama.review", "tarjama.evaluate")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def imported(path: Path, name: str, known: set[str]) -> set[str]:
    """The project modules a file imports, anywhere in it, each resolved to the longest
    known module name (`from tarjama.job import runner` is tarjama.job.runner)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    edges = {name: imported(path, name, known) for name, path in mods.items()}
    # A package's __init__ imported only as the way to its modules is not an arrow of its own.
    return {name: {t for t in targets if not (mods[t].name == "__init__.py" and any(
        other.startswith(t + ".") for other in targets))} for name, targets in edges.items()}


def layer(name: str) -> tuple[int, str]:
    """(height, group): an import may only go to a lower height; within the apps' height,
    only to its own group."""
    if name.split(".")[0] != "tarjama":
        return 0, "domain"
    if name == "tarjama.__main__" or name == "tarjama.cli" or name.startswith("tarjama.cli."):
        return 3, "cli"
    for app in APPS:
        if name == app or name.startswith(app + "."):
            return 2, app
    return 1, "shared"


def upward(edges: dict[str, set[str]]) -> list[str]:
    wrong = []
    for source, targets in edges.items():
        height, group = layer(source)
        for target in targets:
            t_height, t_group = layer(target)
            if t_height > height or (t_height == height == 2 and t_group != group):
                wrong.append(f"{source} -> {target}")
    return sorted(wrong)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_runs_up_the_layers():
    assert upward(graph()) == []


def test_the_import_graph_has_no_cycle():
    assert cycles(graph()) == []


def test_the_domain_packages_never_import_tarjama():
    assert sorted(f"{s} -> {t}" for s, ts in graph().items() for t in ts
                  if layer(s)[0] == 0 and t.startswith("tarjama")) == []


@pytest.mark.parametrize("source, target, wrong", [
    ("tarjama.job.runner", "tarjama.cli.main", True),        # the job reaching up to the CLI
    ("tarjama.config", "tarjama.job.runner", True),          # a foundation reaching up
    ("tarjama.evaluate.finished", "tarjama.review.store", True),  # one app into its sibling
    ("facts.checks", "tarjama.config", True),                # the domain reaching into tarjama
    ("tarjama.cli.main", "tarjama.job.runner", False),
    ("tarjama.job.runner", "tarjama.ledger", False),
    ("tarjama.review.app", "tarjama.review.store", False),
    ("tarjama.ledger", "facts.checks", False),
    ("translate.hf_engine", "seq2seq.loading", False),
])
def test_the_rule_itself_catches_each_kind_of_upward_import(source, target, wrong):
    assert upward({source: {target}}) == ([f"{source} -> {target}"] if wrong else [])


def test_the_cycle_finder_finds_a_cycle_behind_a_lazy_import(tmp_path):
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from tarjama.job import runner\n    import tarjama.config\n", encoding="utf-8")
    assert imported(source, "x", {"tarjama.job", "tarjama.job.runner", "tarjama.config", "tarjama"}) == {
        "tarjama.job.runner", "tarjama.config", "tarjama.job"}
