"""End to end in a real headless browser: Playwright driving Debian's chromium against the
review server on loopback. Skipped, saying why, where chromium or Playwright is missing."""

import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from tarjama.review.app import create_app
from tests.conftest import ROOT

CHROMIUM = os.environ.get("TARJAMA_CHROMIUM", "/usr/bin/chromium")
# .ci/run sets TARJAMA_REQUIRE_BROWSER in CI, where a missing browser is a failure, not a skip.
if os.environ.get("TARJAMA_REQUIRE_BROWSER"):
    assert Path(CHROMIUM).exists(), f"no chromium at {CHROMIUM}: apt-get install chromium"
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
pytestmark = [
    pytest.mark.slow,  # a real browser
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM} (apt-get install chromium)"),
]

from tests.test_review import XSS_BODY, review_out  # noqa: E402,F401  (the fixture is shared)
from tests.test_review_hardening import hostile_out  # noqa: E402,F401


class _Waitress:
    """The review app on waitress, as `tarjama review` serves it (its threads, its name), in a
    thread of this process on a free loopback port."""

    def __init__(self, app) -> None:
        from waitress.server import create_server

        self.server = create_server(app, host="127.0.0.1", port=0, threads=8, ident="tarjama-review")
        self.port = self.server.effective_port
        app.config["PORT"] = self.port  # the Host check knows the port once it is bound
        threading.Thread(target=self.server.run, daemon=True).start()

    def shutdown(self) -> None:
        self.server.close()
        self.server.task_dispatcher.shutdown()


def _serve(source, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(source, out)
    server = _Waitress(create_app(out, "alice"))
    return server, f"http://127.0.0.1:{server.port}", out


@pytest.fixture()
def server(review_out, tmp_path):  # noqa: F811
    httpd, base, out = _serve(review_out, tmp_path)
    yield base, out
    httpd.shutdown()


@pytest.fixture()
def hostile_server(hostile_out, tmp_path):  # noqa: F811
    httpd, base, out = _serve(hostile_out, tmp_path)
    yield base, out
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


def test_list_open_edit_approve_reload(browser, server):
    base, out = server
    page = browser.new_page()
    page.goto(base + "/")
    assert page.locator("#articles tbody tr").count() == 3
    page.keyboard.press("Enter")  # keyboard navigation: the first (most flagged) article opens
    page.wait_for_url(re.compile(r"/article/seed$"))
    assert page.locator("td.ar[dir=rtl]").first.is_visible()
    page.fill("#summary", "The Pentagon says it will keep backing the Peshmerga against ISIS.")
    page.click("#save")
    page.wait_for_url(re.compile(r"/article/seed$"))
    page.fill("#decision-note", "numbers checked")
    page.click("#approve")
    page.wait_for_url(re.compile(r"/article/seed$"))
    page.reload()
    assert page.locator("#status").inner_text() == "approved"
    assert page.input_value("#summary") == "The Pentagon says it will keep backing the Peshmerga against ISIS."
    assert "numbers checked" in page.locator("#decision").inner_text()
    page.set_viewport_size({"width": 1400, "height": 900})
    page.screenshot(path=str(out / "review.png"))
    if os.environ.get("TARJAMA_SCREENSHOT"):
        shutil.copy(out / "review.png", ROOT / "docs" / "review.png")


def test_keyboard_approve(browser, server):
    base, _ = server
    page = browser.new_page()
    page.goto(base + "/article/other")
    with page.expect_navigation():
        page.keyboard.press("a")
    assert page.locator("#status").inner_text() == "approved"
    page.reload()
    assert page.locator("#status").inner_text() == "approved"


def test_stale_version_is_refused_in_the_browser(browser, server):
    base, _ = server
    first, second = browser.new_page(), browser.new_page()
    first.goto(base + "/article/other")
    second.goto(base + "/article/other")
    first.fill("#summary", "First reviewer's summary.")
    first.click("#save")
    first.wait_for_url(re.compile(r"/article/other$"))
    second.fill("#summary", "Second reviewer's summary.")
    second.click("#save")
    second.wait_for_selector("#error")
    assert "changed since you opened it" in second.locator("#error").inner_text()
    assert second.input_value("#summary") == "Second reviewer's summary."  # not lost
    first.reload()
    assert first.input_value("#summary") == "First reviewer's summary."


def test_hostile_text_shows_as_text(browser, server):
    base, _ = server
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base + "/article/xss")
    page.goto(base + "/")
    assert dialogs == []
    page.goto(base + "/article/xss")
    assert page.locator("img[src=x]").count() == 0
    assert XSS_BODY in page.locator("td.ar").first.inner_text()


def test_csp_blocks_inline_script_and_the_page_script_still_runs(browser, server):
    base, _ = server
    page = browser.new_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(base + "/")
    page.keyboard.press("j")  # review.js, loaded from its own file, runs
    assert page.locator("#articles tbody tr").nth(1).get_attribute("class") == "current"
    assert violations == []
    # What an injected inline script would do: the browser refuses to run it.
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.injected = 1'; document.body.appendChild(s); }""")
    assert page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in v for v in violations)


def test_spoofed_direction_is_shown_to_the_reviewer(browser, hostile_server):
    base, _ = hostile_server
    page = browser.new_page()
    page.goto(base + "/article/spoof")
    shown = page.locator("td.ar").first.inner_text()
    assert "\u202e" not in shown and "⟦U+202E⟧2202" in shown


def test_real_server_refuses_a_rebound_host_name(hostile_server):
    import http.client
    from urllib.parse import urlsplit

    base, _ = hostile_server
    port = urlsplit(base).port
    for host, status in ((f"evil.example:{port}", 421), (f"127.0.0.1:{port}", 200), (f"localhost:{port}", 200)):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/", headers={"Host": host})
        response = conn.getresponse()
        assert (response.status, response.getheader("Server")) == (status, "tarjama-review"), host
        conn.close()


@pytest.fixture()
def basra_server(tmp_path):
    """A folder of two articles written for the tests (no ledger: listed from the files), one
    summary with a figure moved from another event."""
    import json

    from tests.test_support import _record

    source = tmp_path / "basra-in"
    (source / "articles").mkdir(parents=True)
    for article_id, summary in (
        ("basra", "Flash floods in Basra killed 14 people on Tuesday. The water ministry sent 60 pumps from Baghdad. "
                  "Prime Minister Sudani promised a grant of 5 billion dinars."),
        ("market", "Traders put the losses of the fish market at 2 million dollars."),
    ):
        record = _record(summary, article_id)
        (source / "articles" / f"{article_id}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    httpd, base, out = _serve(source, tmp_path)
    yield base, out
    httpd.shutdown()


def _evidence(page) -> list[str]:
    return page.eval_on_selector_all("#sentences tr.evidence", "rows => rows.map(r => r.id)")


def _in_view(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "el => { const r = el.getBoundingClientRect();"
                                           " return r.top >= 0 && r.bottom <= window.innerHeight; }")


def test_summary_first_each_sentence_leads_to_its_evidence(browser, basra_server):
    base, out = basra_server
    page = browser.new_page(viewport={"width": 1400, "height": 700})
    page.goto(base + "/")
    page.click("#order-score")  # least supported first
    assert page.locator("#articles tbody tr td.support-cell").all_inner_texts() == ["0.71", "1.00"]
    page.click("text=Floods in Basra")
    # The summary comes first, above the sentences.
    assert page.locator("#summary-panel").bounding_box()["y"] < page.locator("#sentences").bounding_box()["y"]
    claims = page.locator("#summary-sentences .support-sentence")
    assert [c.split()[1] for c in claims.evaluate_all("els => els.map(e => e.className)")] == [
        "supported", "unsupported", "supported"]
    assert claims.nth(1).locator("strong").inner_text() == "unsupported"
    # A click on the unsupported sentence shows where it comes from, Arabic beside English.
    claims.nth(1).click()
    assert _evidence(page) == ["seg-3"] and _in_view(page, "#seg-3")
    assert page.locator("#seg-3 td.ar").inner_text() == "أرسلت وزارة الموارد المائية 40 مضخة متنقلة من بغداد."
    assert claims.nth(1).get_attribute("aria-pressed") == "true"
    page.set_viewport_size({"width": 1400, "height": 900})
    page.screenshot(path=str(out / "review-summary.png"), full_page=True)
    if os.environ.get("TARJAMA_SCREENSHOT"):
        shutil.copy(out / "review-summary.png", ROOT / "docs" / "review-summary.png")
    # The keyboard: s to the next sentence, Enter on a focused one.
    page.keyboard.press("s")
    assert _evidence(page) == ["seg-4"] and claims.nth(2).get_attribute("aria-pressed") == "true"
    claims.nth(0).focus()
    page.keyboard.press("Enter")
    assert _evidence(page) == ["seg-0", "seg-1"] and _in_view(page, "#seg-0")
    # An edit is checked when saved: the moved figure put right, every sentence supported.
    page.fill("#summary", "Flash floods in Basra killed 14 people on Tuesday. The water ministry sent 40 pumps "
                          "from Baghdad.")
    page.click("#save")
    page.wait_for_url(re.compile(r"/article/basra$"))
    assert "2 of 2 sentences supported by the article (support 1.00)" in page.locator(".msg.ok").inner_text()
    assert claims.evaluate_all("els => els.map(e => e.className.split(' ')[1])") == ["supported", "supported"]
    page.goto(base + "/?order=score")
    assert page.locator("#articles tbody tr td.support-cell").all_inner_texts() == ["1.00", "1.00"]
