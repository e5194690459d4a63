"""bench/mutation.py's rewrite of cached functions for mutmut, which skips decorated ones: the
rewritten module must behave as the original, keep its caches, and expose each body undecorated."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

from bench.mutation import expose_cached, without_caches

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str, source: str, monkeypatch) -> types.ModuleType:
    module = types.ModuleType(name)
    monkeypatch.setitem(sys.modules, name, module)  # dataclasses look their module up
    exec(compile(source, name, "exec"), module.__dict__)
    return module


def test_romanise_rewritten_gives_the_same_results_and_still_caches(monkeypatch):
    from facts import romanise

    source = (ROOT / "facts" / "romanise.py").read_text(encoding="utf-8")
    rewritten = expose_cached(source)
    assert expose_cached(rewritten) == rewritten  # once only
    twin = _load("romanise_rewritten", rewritten, monkeypatch)
    decorated = re.findall(r"@lru_cache\([^)]*\)\ndef (\w+)", source)
    assert decorated == ["_fold_word", "arabic_words", "bare_forms", "nisba_stems", "romanise", "skeleton", "coarse",
                         "arabic_skeleton"]
    for name in decorated:
        assert callable(getattr(twin, name + "_uncached"))  # the body mutmut can mutate
        assert hasattr(getattr(twin, name), "cache_info")  # the cache kept
    for word in ["Nechirvan", "Baghdad", "al-Sudani", "Xi", "Abdel-Rahman", "Scholz"]:
        assert twin.skeleton(word) == romanise.skeleton(word)
    for arabic in ["والعراق", "بغداد", "العراقية", "نيجيرفان", "تحرير"]:
        folded = twin.fold(arabic)
        assert folded == romanise.fold(arabic)
        assert twin.bare_forms(folded) == romanise.bare_forms(folded)
        assert twin.nisba_stems(folded) == romanise.nisba_stems(folded)
        assert twin.arabic_skeleton(folded) == romanise.arabic_skeleton(folded)
    assert twin.skeleton.cache_info().hits == 0
    twin.skeleton("Baghdad")
    assert twin.skeleton.cache_info().hits == 1


def test_a_cached_property_and_a_cached_method_become_wrappers():
    source = '''
class A:
    @cached_property
    def words(self) -> list:
        return [1]

    @lru_cache(maxsize=8)  # noqa: B019
    def look(self, key: str, default=None) -> int:
        return 2
'''
    rewritten = expose_cached(source)
    assert "    @cached_property\n    def words(self):\n        return self.words_uncached()\n" in rewritten
    assert "    def words_uncached(self) -> list:\n" in rewritten
    assert ("    @lru_cache(maxsize=8)  # noqa: B019\n    def look(self, *args, **kwargs):\n"
            "        return self.look_uncached(*args, **kwargs)\n") in rewritten
    assert "    def look_uncached(self, key: str, default=None) -> int:\n" in rewritten
    assert expose_cached("def plain(x):\n    return x\n") == "def plain(x):\n    return x\n"


@pytest.mark.parametrize("path", ["facts/name_sides.py", "facts/name_spans.py", "facts/exonyms.py",
                                  "facts/support.py", "translate/glossary.py"])
def test_every_rewritten_module_compiles(path):
    compile(expose_cached((ROOT / path).read_text(encoding="utf-8")), path, "exec")


def test_the_scratch_copy_caches_nothing_but_its_tables():
    source = ("@lru_cache(maxsize=65536)\ndef a(x): ...\n@functools.lru_cache(maxsize=4096)\ndef b(x): ...\n"
              "@lru_cache(maxsize=1)\ndef table(): ...\n@lru_cache(maxsize=16)\ndef c(x): ...\n")
    assert without_caches(source) == (
        "@lru_cache(maxsize=0)\ndef a(x): ...\n@functools.lru_cache(maxsize=0)\ndef b(x): ...\n"
        "@lru_cache(maxsize=1)\ndef table(): ...\n@lru_cache(maxsize=0)\ndef c(x): ...\n")
