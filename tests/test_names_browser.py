"""The review page's name marks in a real headless browser (Debian's chromium through
Playwright): each name marked on both sides, its counterpart lit on hover. Skipped, saying
why, where chromium or Playwright is missing."""

import json

from facts.article import article_facts
from tests.test_names import BARZANI_AR, BARZANI_EN
# Its marks too: slow, and skipped where there is no chromium (a failure in CI, where
# TARJAMA_REQUIRE_BROWSER is set). A mark is not inherited through an import of other names.
from tests.test_review_browser import CHROMIUM, _serve, playwright_api, pytestmark  # noqa: F401
from tests.test_review import review_out  # noqa: F401  (the fixture is shared)


def test_hovering_a_name_lights_its_counterpart(review_out, tmp_path):  # noqa: F811
    httpd, base, out = _serve(review_out, tmp_path)
    try:
        path = out / "articles" / "seed.json"
        record = json.loads(path.read_text(encoding="utf-8"))
        record["segments"][0].update(ar=BARZANI_AR, en=BARZANI_EN)
        record["segments"][0].pop("terms", None)  # a record that meets the article schema, or its page is "damaged"
        segments = record["segments"]
        record["facts"], _ = article_facts([s["ar"] for s in segments], [s["en"] for s in segments], "", None)
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        with playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            page = browser.new_page()
            page.goto(f"{base}/article/seed")
            row = page.locator('tr[data-segment="0"]')
            assert row.locator("td.ar span.name").all_inner_texts() == [
                "حكومة إقليم كردستان", "نيجيرفان بارزاني", "البيشمركة", "داعش"]
            assert row.locator('td[lang="en"] span.name').all_inner_texts() == [
                "Kurdistan Region", "Nechirvan Barzani", "Peshmerga", "ISIS"]
            english = row.locator('td[lang="en"] span.name', has_text="Peshmerga")
            assert english.get_attribute("title") == "البيشمركة (exonym, 100)"
            english.hover()
            assert row.locator("td.ar span.name.lit").all_inner_texts() == ["البيشمركة"]
            browser.close()
    finally:
        httpd.shutdown()
