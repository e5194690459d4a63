"""Mutation testing of the core modules against the fast tier, run by hand (never by CI).

For each module, mutmut (pip install 'tarjama[mutation]') mutates that module alone, in a
scratch copy of this checkout, and runs for each mutant the fast tests of the files that
cover the module; of those, mutmut runs only the tests that reach the mutated function. A
mutant the tests do not notice survived. Prints killed/total per module and each survivor's
diff, and writes them as JSON.

    .venv/bin/python bench/mutation.py                       # every module
    .venv/bin/python bench/mutation.py decode guard cache    # some of them
    .venv/bin/python bench/mutation.py --list                # the modules and their test files
    .venv/bin/python bench/mutation.py --tests-at main decode
        # the tests as they are at a git revision (the code as it is here): a "before" score

Each module's scratch copy is kept in bench/.mutation/<name>[@REV]/, so a run that is stopped
goes on where it stopped; --fresh starts it again. Run it at low priority on a shared machine:
`nice -n 10`. mutmut mutates inside functions only: module-level tables (facts/arabic.py's
month names, the regular expressions) are held by the table tests, not measured here.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH = ROOT / "bench" / ".mutation"
PACKAGES = ["tarjama", "facts", "translate", "seq2seq", "summarise"]
# Copied beside the packages: what the tests read (seeds, the default config, test data).
ALSO = ["seeds", "config", "tests", "pyproject.toml"]

log = logging.getLogger("mutation")

# name -> (the module mutated, the tests that cover it: files, or file::test for the tests of a
# file that reach it without a model or a child process). Every selection runs with
# -m "not slow", in a fixed order.
FACTS_TESTS = ["tests/test_facts.py", "tests/test_facts_forms.py", "tests/test_facts_kinds.py", "tests/test_facts_months.py",
               "tests/test_facts_words.py", "tests/test_tables_facts.py"]
# The name check's own tables (tests/test_mutants_names.py: every way a pair is matched) and
# those of each name module (the name sides' matching, the spans, romanisation, the exonym
# table) cover all the name modules, each of which the others call.
NAMES_TESTS = ["tests/test_names.py", "tests/test_mutants_names.py", "tests/test_mutants_name_sides.py",
               "tests/test_mutants_name_spans.py", "tests/test_mutants_romanise.py", "tests/test_mutants_exonyms.py"]
MODULES: dict[str, tuple[str, list[str]]] = {
    "decode": ("tarjama/ingest/decode.py", ["tests/test_ingest.py", "tests/test_tables_ingest.py"]),
    "guard": ("tarjama/review/guard.py", [
        "tests/test_review_hardening.py::test_host_allowed",
        "tests/test_review_hardening.py::test_host_names_of_a_bound_address_and_extra_names",
        "tests/test_review_hardening.py::test_post_allowed", "tests/test_tables_guard.py",
        "tests/test_mutants_segment_guard.py"]),
    "cache": ("tarjama/cache.py", ["tests/test_tables_keys.py", "tests/test_mutants_cache.py"]),
    "ledger": ("tarjama/ledger.py", ["tests/test_tables_keys.py", "tests/test_listing.py",
                                     "tests/test_mutants_ledger.py"]),
    "segment": ("translate/segment.py", ["tests/test_segment.py", "tests/test_tables_text.py",
                                         "tests/test_mutants_segment_guard.py"]),
    "glossary": ("translate/glossary.py", [
        "tests/test_glossary.py::test_terms_match_through_clitics_and_spelling",
        "tests/test_glossary.py::test_apply_keeps_the_meaningful_clitics",
        "tests/test_glossary.py::test_files_in_order_a_later_one_wins",
        "tests/test_glossary.py::test_a_bad_row_names_the_file_and_line",
        "tests/test_glossary.py::test_honoured",
        # The file's checks of what a glossary file or the review page may hold (in-process).
        "tests/test_glossary.py::test_a_hostile_line_is_refused_with_file_and_line",
        "tests/test_glossary.py::test_a_quote_can_no_longer_swallow_the_lines_after_it",
        "tests/test_glossary.py::test_comments_blank_lines_and_line_ends_of_every_kind",
        "tests/test_glossary.py::test_a_term_of_tatweel_or_diacritics_never_matches",
        "tests/test_glossary.py::test_review_page_terms_read_back_exactly_or_are_refused",
        "tests/test_glossary.py::test_a_hand_broken_job_glossary_is_named_not_appended_to",
        "tests/test_glossary.py::test_matching_work_does_not_grow_with_the_glossary",
        "tests/test_glossary.py::test_a_rerun_reads_a_checked_glossary_without_parsing_it",
        "tests/test_glossary.py::test_many_occurrences_cost_a_bounded_number_of_look_ups_each",
        "tests/test_tables_text.py", "tests/test_mutants_glossary.py"]),
    "facts.types": ("facts/types.py", FACTS_TESTS),
    "facts.invisible": ("facts/invisible.py", FACTS_TESTS + ["tests/test_mutants_invisible.py"]),
    "facts.sentences": ("facts/sentences.py", FACTS_TESTS + ["tests/test_support.py",
                                                           "tests/test_mutants_sentences.py"]),
    "facts.pairs": ("facts/pairs.py", FACTS_TESTS),
    "facts.article": ("facts/article.py", FACTS_TESTS + ["tests/test_tables_summary.py", "tests/test_tables_article.py"]),
    "facts.checks": ("facts/checks.py", FACTS_TESTS + ["tests/test_mutants_checks.py"]),
    "facts.english": ("facts/english.py", FACTS_TESTS + ["tests/test_mutants_english.py"]),
    "facts.arabic": ("facts/arabic.py", FACTS_TESTS + ["tests/test_mutants_arabic.py"]),
    "facts.arabic_quantities": ("facts/arabic_quantities.py", FACTS_TESTS + ["tests/test_mutants_arabic.py"]),
    "facts.arabic_kinds": ("facts/arabic_kinds.py", FACTS_TESTS + ["tests/test_mutants_arabic_kinds.py"]),
    "facts.arabic_script": ("facts/arabic_script.py", FACTS_TESTS + ["tests/test_mutants_script.py"]),
    "facts.arabic_words": ("facts/arabic_words.py", FACTS_TESTS + ["tests/test_mutants_words.py"]),
    "facts.english_kinds": ("facts/english_kinds.py", FACTS_TESTS + ["tests/test_mutants_english_kinds.py"]),
    "facts.english_words": ("facts/english_words.py", FACTS_TESTS + ["tests/test_mutants_words.py"]),
    "facts.hijri": ("facts/hijri.py", FACTS_TESTS + ["tests/test_mutants_hijri.py"]),
    "facts.kind_checks": ("facts/kind_checks.py", FACTS_TESTS + ["tests/test_mutants_kind_checks.py"]),
    # The pure part: NER labels to spans. Loading and running a tagger is model I/O (slow tier).
    "facts.entities": ("facts/entities.py", FACTS_TESTS),
    "facts.spans": ("facts/spans.py", FACTS_TESTS + ["tests/test_mutants_trie_spans.py"]),
    # trie() runs when the fact modules are imported, where mutmut cannot switch mutants: only
    # the tests that call it directly measure it.
    "facts.trie": ("facts/trie.py", ["tests/test_mutants_trie_spans.py"]),
    "facts.bounds": ("facts/bounds.py", FACTS_TESTS + ["tests/test_hostile_inputs.py", "tests/test_mutants_bounds.py"]),
    "facts.calendar_dates": ("facts/calendar_dates.py", FACTS_TESTS + ["tests/test_mutants_arabic.py",
                                                                       "tests/test_mutants_english.py"]),
    "facts.support": ("facts/support.py", FACTS_TESTS + ["tests/test_support.py", "tests/test_mutants_support.py"]),
    "facts.romanise": ("facts/romanise.py", NAMES_TESTS),
    "facts.name_spans": ("facts/name_spans.py", NAMES_TESTS),
    "facts.names": ("facts/names.py", NAMES_TESTS + FACTS_TESTS),
    "facts.name_sides": ("facts/name_sides.py", NAMES_TESTS + FACTS_TESTS),
    "facts.exonyms": ("facts/exonyms.py", NAMES_TESTS),
}
DETECTED = {"killed", "timeout", "caught by type check", "segfault"}


def _files(rev: str | None) -> list[str]:
    """The checkout's files: tracked and new, not ignored."""
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    return [f for f in out.splitlines() if (ROOT / f).is_file()]


def _scratch(name: str, rev: str | None, fresh: bool) -> Path:
    where = SCRATCH / (f"{name}@{rev}" if rev else name)
    if fresh and where.exists():
        shutil.rmtree(where)
    if where.exists():
        return where
    for rel in _files(rev):
        if rel.split("/")[0] in PACKAGES + ALSO:
            target = where / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, target)
    if rev:  # the tests as they were at REV
        shutil.rmtree(where / "tests")
        archive = subprocess.run(["git", "archive", rev, "tests"], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


# mutmut skips every decorated function (its trampoline cannot wrap them), so the cached
# helpers (facts/romanise.py's skeleton, the name sides' cached properties) would go
# unmeasured. In the scratch copy of the module mutated, each becomes a thin decorated wrapper
# around an undecorated copy of its body, `NAME_uncached`, which mutmut mutates; the wrapper
# keeps the decorator, and so the behaviour.
_DECORATED = re.compile(
    r"^(?P<ind>[ \t]*)(?P<dec>@(?:functools\.)?(?:lru_cache\([^)]*\)|cached_property|property|cache)(?!\w))(?P<rest>[^\n]*)\n"
    r"(?P=ind)def (?P<name>\w+)\((?P<params>[^)]*)\)", re.MULTILINE)


def _wrap(m: re.Match) -> str:
    ind, dec, name, params = m["ind"], m["dec"], m["name"], m["params"]
    method = params.split(",")[0].strip() == "self"
    if dec.endswith("property"):
        call = f"self.{name}_uncached()"
        signature = "self"
    elif method:
        call, signature = f"self.{name}_uncached(*args, **kwargs)", "self, *args, **kwargs"
    else:
        call, signature = f"{name}_uncached(*args, **kwargs)", "*args, **kwargs"
    return (f"{ind}{dec}{m['rest']}\n{ind}def {name}({signature}):\n{ind}    return {call}\n\n"
            f"{ind}def {name}_uncached({params})")


# mutmut forks each mutant's test run from a process that has already run the tests once, so a
# cache filled there answers for the mutant: a cached function's mutants, and those of every
# function it calls, would survive on the words the tests use. In the scratch copy the fact
# modules' caches hold nothing (maxsize=0), except the tables built once (maxsize=1), whose
# builders only direct tests can measure.
_CACHE_SIZE = re.compile(r"lru_cache\(maxsize=(?!1\))\d+\)")


def without_caches(source: str) -> str:
    return _CACHE_SIZE.sub("lru_cache(maxsize=0)", source)


def expose_cached(source: str) -> str:
    """The source with each cached or property function's body moved to an undecorated twin."""
    return source if "_uncached(" in source else _DECORATED.sub(_wrap, source)


def _selection(where: Path, tests: list[str]) -> list[str]:
    """The selection, less the files this copy lacks (a new test file, at an older revision)."""
    return [t for t in tests if (where / t.split("::")[0]).is_file()]


def _configure(where: Path, module: str, tests: list[str]) -> None:
    # A [tool.mutmut] table in the copy's pyproject.toml, which mutmut reads from the folder it runs in.
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    table = "\n".join([
        "", "[tool.mutmut]",
        f"source_paths = {json.dumps(PACKAGES)}",
        f"only_mutate = {json.dumps([module])}",
        f"also_copy = {json.dumps(['seeds', 'config'])}",
        # The fast tier, one order, no backstop of pytest's own: mutmut bounds each run.
        'pytest_add_cli_args = ["-m", "not slow", "-p", "no:randomly", "-p", "no:timeout", "-p", "no:cacheprovider", '
        '"-q"]',
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
        "use_git_change_detection = false",
        "",
    ])
    (where / "pyproject.toml").write_text(text + table, encoding="utf-8")


def _mutmut(where: Path, *args: str) -> subprocess.CompletedProcess:
    mutmut = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    env = {**os.environ, "TOKENIZERS_PARALLELISM": "false", "HF_HUB_OFFLINE": "1"}
    return subprocess.run([mutmut, *args], cwd=where, capture_output=True, text=True, env=env)


def _results(where: Path) -> dict[str, str]:
    out = _mutmut(where, "results", "--all", "true").stdout
    return dict(re.findall(r"^\s+(\S+): (.+)$", out, re.MULTILINE))


def run_module(name: str, rev: str | None, fresh: bool, children: int) -> dict:
    module, tests = MODULES[name]
    where = _scratch(name, rev, fresh)
    selection = _selection(where, tests)
    if not selection:  # mutmut would run the whole suite: say instead that nothing covers it
        return {"module": module, "tests": [], "tests_at": rev or "working tree", "killed": 0, "total": 0,
                "by_status": {}, "seconds": 0, "survivors": {}, "diffs": {}}
    for path in (where / "facts").glob("*.py"):
        path.write_text(without_caches(path.read_text(encoding="utf-8")), encoding="utf-8")
    target = where / module
    target.write_text(expose_cached(target.read_text(encoding="utf-8")), encoding="utf-8")
    _configure(where, module, selection)
    start = time.monotonic()
    done = _mutmut(where, "run", "--max-children", str(children))
    if done.returncode != 0:
        log.error("%s: mutmut run failed (exit %d):\n%s", name, done.returncode, (done.stdout + done.stderr)[-3000:])
    results = _results(where)
    survivors = sorted(k for k, v in results.items() if v not in DETECTED)
    return {
        "module": module, "tests": selection, "tests_at": rev or "working tree",
        "killed": sum(v in DETECTED for v in results.values()), "total": len(results),
        "by_status": {s: sum(v == s for v in results.values()) for s in sorted(set(results.values()))},
        "seconds": round(time.monotonic() - start), "survivors": {k: results[k] for k in survivors},
        "diffs": {k: _mutmut(where, "show", k).stdout for k in survivors},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"default: all of {', '.join(MODULES)}")
    parser.add_argument("--tests-at", metavar="REV", help="the tests as they are at this git revision")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results of these modules")
    parser.add_argument("--children", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--json", type=Path, help="write the results here too")
    parser.add_argument("--list", action="store_true", help="list the modules and their tests")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.list:
        for name, (module, tests) in MODULES.items():
            log.info("%-16s %s\n%18s%s", name, module, "", "\n                  ".join(tests))
        return 0
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose from: {', '.join(MODULES)}")
    report = {}
    for name in args.modules or list(MODULES):
        result = run_module(name, args.tests_at, args.fresh, args.children)
        report[name] = result
        if not result["tests"]:
            log.info("%-16s no covering test file at %s", name, result["tests_at"])
            continue
        share = f"{result['killed'] / result['total']:.0%}" if result["total"] else "-"
        log.info("%-16s %4d/%-4d killed (%s) in %d s  %s", name, result["killed"], result["total"], share,
                 result["seconds"], result["by_status"])
        for key, diff in result["diffs"].items():
            log.info("  survived: %s (%s)\n%s", key, result["survivors"][key], diff.strip())
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
