"""A review server for a team: the production server, the access token beyond loopback, and
each browser's own reviewer name."""

import http.client
import queue
import re
import socket
import subprocess
import sys
import threading

import pytest

from tarjama.review.app import create_app
from tarjama.review.store import ReviewStore
from tarjama.review.team import clean_name, is_loopback
from tests.conftest import ROOT, wait_until
from tests.test_review_hardening import hostile_out  # noqa: F401  (the fixture is shared)


@pytest.fixture()
def out(hostile_out, tmp_path):  # noqa: F811
    import shutil

    copy = tmp_path / "out"
    shutil.copytree(hostile_out, copy)
    return copy


def _client(out, **kwargs):
    app = create_app(out, kwargs.pop("reviewer", None), **kwargs)
    app.config["TESTING"] = True
    return app.test_client()


def _form(client, path):
    page = client.get(path).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    version = re.search(r'name="version" value="(\d+)"', page)
    return token, int(version.group(1)) if version else None


@pytest.mark.parametrize("host,local", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
                                        ("0.0.0.0", False), ("10.0.0.5", False), ("review.lan", False)])
def test_is_loopback(host, local):
    assert is_loopback(host) is local


@pytest.mark.parametrize("raw,name", [("  Layla   Hassan ", "Layla Hassan"), ("ليلى", "ليلى"), ("", None),
                                      ("x" * 81, None), ("a\nb", "a b"), ("a\x1bb", None)])
def test_clean_name(raw, name):
    assert clean_name(raw) == name


def test_token_is_required_and_leaves_the_address_bar(out):
    client = _client(out, reviewer="alice", token="s3cret-token")
    assert client.get("/").status_code == 401
    assert client.get("/?token=wrong").status_code == 401
    assert client.get("/export?format=jsonl", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    r = client.get("/article/spoof?token=s3cret-token")
    assert r.status_code == 303 and r.headers["Location"].endswith("/article/spoof")
    assert client.get("/article/spoof").status_code == 200  # the session holds the proof now
    assert _client(out, reviewer="alice", token="s3cret-token").get("/article/spoof").status_code == 401


def test_each_browser_gives_and_keeps_its_name(out):
    layla, omar = _client(out), _client(out)
    r = layla.get("/article/spoof")
    assert r.status_code == 303 and "/reviewer?next=/article/spoof" in r.headers["Location"]
    for client, name in ((layla, "Layla"), (omar, "Omar")):
        csrf, _ = _form(client, "/reviewer")
        r = client.post("/reviewer", data={"csrf_token": csrf, "name": name, "next": "/article/spoof"})
        assert r.status_code == 303 and r.headers["Location"].endswith("/article/spoof")
    page = layla.get("/article/spoof").get_data(as_text=True)
    assert '<span id="reviewer">Layla</span>' in page
    csrf, version = _form(layla, "/article/spoof")
    layla.post("/article/spoof/summary", data={"csrf_token": csrf, "version": version, "summary": "Layla's text."})
    csrf, version = _form(omar, "/article/spoof")
    omar.post("/article/spoof/decision", data={"csrf_token": csrf, "version": version, "status": "approved"})
    store = ReviewStore(out)
    assert [v.reviewer for v in store.history("spoof")] == [None, "Layla"]
    assert [d.reviewer for d in store.decisions("spoof")] == ["Omar"]


def test_a_post_without_a_name_is_refused_and_next_stays_on_this_server(out):
    client = _client(out)
    csrf, _ = _form(client, "/reviewer")
    assert client.post("/article/spoof/decision", data={"csrf_token": csrf, "version": 1,
                                                         "status": "approved"}).status_code == 403
    r = client.post("/reviewer", data={"csrf_token": csrf, "name": "Layla", "next": "https://evil.example/"})
    assert r.headers["Location"] == "/"
    r = client.post("/reviewer", data={"csrf_token": csrf, "name": "   ", "next": "/"})
    assert r.status_code == 400


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port, path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def _first_line(proc: subprocess.Popen, limit: float) -> str:
    """The child's first line of stderr, read in a thread so that a server that hangs before
    printing fails this test in `limit` seconds instead of hanging the suite."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(proc.stderr.readline()), daemon=True).start()
    try:
        return lines.get(timeout=limit)
    except queue.Empty:
        raise AssertionError(f"the server printed nothing in {limit:g} s") from None


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            return True
    except OSError:
        return False


@pytest.mark.slow  # a child process
def test_review_command_serves_with_waitress_and_a_token_beyond_loopback(out):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tarjama", "review", str(out), "--host", "0.0.0.0",
                             "--port", str(port)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        line = _first_line(proc, 60)
        token = re.search(r"\?token=(\S+)", line).group(1)
        assert wait_until(lambda: _answers(port), proc, 60), "the server ended before it answered"
        response = _get(port, "/")
        assert response.status == 401
        assert response.getheader("Server") == "tarjama-review"
        ok = _get(port, "/export?format=jsonl&status=all", {"Authorization": f"Bearer {token}"})
        assert ok.status == 200
        assert _get(port, f"/?token={token}").status == 303
    finally:
        proc.terminate()
        proc.wait(timeout=20)
