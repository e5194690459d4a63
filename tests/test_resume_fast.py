"""Resume, in this process with the tiny models: what a rerun redoes and what it reuses. An
article whose files were deleted is redone; a failed article is never counted as done and is
tried again; a changed setting redoes the articles, taking from the cache only the translations
that setting did not shape."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tarjama.engines import Engines
from tarjama.ledger import Ledger
from tarjama.job.runner import Runner
from tests.conftest import load_json, tiny_config
from tests.test_resume import _PoisonedEngines

GOOD = "عنوان الخبر الأول\n\nافتتحت السلطات في الموصل جسرا جديدا على نهر دجلة. وقال المحافظ إن الجسر يخدم آلاف السكان.\n"
POISONED = f"عنوان الخبر الثاني\n\nهذا خبر فيه {_PoisonedEngines.poison} لا يترجم.\n"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    return inputs


def _runner(models, out: Path, engines=None, fresh: bool = False, **extra: object) -> Runner:
    cfg = tiny_config(models, **{"facts.entities": "false", **extra})
    return Runner(cfg, out, engines=engines or Engines(cfg), fresh=fresh, progress=False)


@pytest.mark.parametrize("suffix", ["json", "md", "html"])
def test_an_article_whose_file_was_deleted_is_redone(tiny_models, folder, tmp_path, suffix):
    out = tmp_path / "out"
    first = _runner(tiny_models, out).run([str(folder)])
    assert (first.written, first.reused) == (["good"], [])
    before = (out / "articles" / "good.json").read_text(encoding="utf-8")
    (out / "articles" / f"good.{suffix}").unlink()
    again = _runner(tiny_models, out).run([str(folder)])
    assert (again.written, again.reused, again.exit_code) == (["good"], [], 0)
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["good.html", "good.json", "good.md"]
    # Redone from the cache: the same translations, so the same article.
    assert again.cache_hits == again.sentences and again.translated == 0
    assert load_json(out / "articles" / "good.json")["segments"] == json.loads(before)["segments"]
    third = _runner(tiny_models, out).run([str(folder)])
    assert (third.written, third.reused) == ([], ["good"])


def test_a_failed_article_is_never_counted_done_and_is_tried_again(tiny_models, folder, tmp_path):
    (folder / "poisoned.txt").write_text(POISONED, encoding="utf-8")
    out = tmp_path / "out"
    cfg = tiny_config(tiny_models, **{"facts.entities": "false"})
    poisoned = _PoisonedEngines(cfg)
    first = Runner(cfg, out, engines=poisoned, progress=False).run([str(folder)])
    assert (first.written, [f["input"] for f in first.failed], first.exit_code) == (
        ["good"], [str(folder / "poisoned.txt")], 1)
    ledger = Ledger(out / ".tarjama" / "ledger.sqlite")
    try:
        assert ledger.counts() == {"done": 1, "failed": 1}
        assert ledger.done_ids() == ["good"]
        assert ledger.get(str(folder / "poisoned.txt")).status == "failed"
    finally:
        ledger.close()
    manifest = load_json(out / "manifest.json")
    assert (manifest["articles"], manifest["counts"]["ledger"], manifest["counts"]["written"],
            manifest["counts"]["failed"]) == (["good"], {"done": 1, "failed": 1}, 1, 1)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'href="articles/([^"]+)\.html"', index) == ["good"]
    assert f"<li><code>{folder / 'poisoned.txt'}</code> (failed): " in index
    assert not (out / "articles" / "poisoned.json").exists()
    # Still poisoned: tried again, failed again, the good article reused.
    second = Runner(cfg, out, engines=poisoned, progress=False).run([str(folder)])
    assert (second.written, second.reused, len(second.failed)) == ([], ["good"], 1)
    # Healthy: the failed article is done at last, and only it is written.
    third = Runner(cfg, out, engines=Engines(cfg), progress=False).run([str(folder)])
    assert (third.written, third.reused, third.failed, third.exit_code) == (["poisoned"], ["good"], [], 0)
    assert load_json(out / "manifest.json")["counts"]["ledger"] == {"done": 2}


def test_a_changed_summary_setting_redoes_the_article_from_cached_translations(tiny_models, folder, tmp_path):
    out = tmp_path / "out"
    engines = Engines(tiny_config(tiny_models, **{"facts.entities": "false"}))
    first = _runner(tiny_models, out, engines).run([str(folder)])
    assert first.cache_hits == 0 and first.translated == first.sentences > 0
    changed = _runner(tiny_models, out, **{"summarise.generation.max_new_tokens": 10}).run([str(folder)])
    assert (changed.written, changed.reused) == (["good"], [])
    assert (changed.cache_hits, changed.translated) == (first.sentences, 0)
    retranslated = _runner(tiny_models, out, **{"translate.generation.max_new_tokens": 5}).run([str(folder)])
    assert (retranslated.written, retranslated.cache_hits, retranslated.translated) == (["good"], 0, first.sentences)


def test_no_written_page_carries_live_markup(tiny_models, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "xss.txt").write_text('عنوان <script>alert(1)</script>\n\nنص فيه "><img src=x onerror=alert(2)> '
                                    "و<iframe src=javascript:alert(3)> وكلام آخر عن بغداد.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _runner(tiny_models, out).run([str(inputs)]).written == ["xss"]
    pages = sorted(out.rglob("*.html")) + sorted(out.rglob("*.md"))
    assert [p.relative_to(out).as_posix() for p in pages] == ["articles/xss.html", "index.html", "articles/xss.md"]
    for page in pages:
        text = page.read_text(encoding="utf-8").lower()
        assert "<script>alert" not in text and "<img src=x" not in text and "<iframe" not in text, page
