"""The Ray executor on a real local Ray (started by the job, 2 CPUs): the same articles as the
local executor, a killed worker, a killed driver, Ctrl-C. No mock of Ray."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, load_json, run_cli, set_args, wait_until

pytest.importorskip("ray", reason="pip install 'tarjama[ray]'")
pytestmark = pytest.mark.slow  # a Ray per test, model loading in its actors

RAY = ["--set", "job.executor=ray", "--set", "ray.local_cpus=2", "--set", "ray.batch_size=8"]


def _ray_processes() -> list[str]:
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "raylet" in line or "gcs_server" in line]


@pytest.fixture(autouse=True)
def _no_ray_left_behind():
    before = _ray_processes()
    yield
    deadline = time.monotonic() + 20
    while [p for p in _ray_processes() if p not in before] and time.monotonic() < deadline:
        time.sleep(0.5)
    left = [p for p in _ray_processes() if p not in before]
    if left:  # clean up for the next test, then fail this one
        subprocess.run([sys.executable, "-m", "ray.scripts.scripts", "stop", "--force"], capture_output=True)
    assert not left, f"Ray processes left behind: {left}"


@pytest.fixture()
def two_articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (folder / "seed.txt").write_text(text, encoding="utf-8")
    (folder / "other.txt").write_text(text.replace("روداو", "فقرة أخرى عن الاجتماع في أربيل.\n\nروداو"),
                                      encoding="utf-8")
    return folder


def _articles(out: Path) -> dict:
    return {p.stem: load_json(p) for p in sorted((out / "articles").glob("*.json"))}


def test_ray_writes_what_the_local_executor_writes(tiny_models, two_articles, tmp_path):
    local, ray = tmp_path / "local", tmp_path / "ray"
    common = [*set_args(tiny_models), "--set", "job.cache_max_entries=0"]
    assert run_cli("run", str(two_articles), "-o", str(local), *common).returncode == 0
    result = run_cli("run", str(two_articles), "-o", str(ray), *common, *RAY)
    assert result.returncode == 0, result.stderr
    a, b = _articles(local), _articles(ray)
    assert sorted(a) == sorted(b) == ["other", "seed"]
    for article_id in a:
        for key in ("id", "title", "segments", "summary", "facts", "flags", "models"):
            assert a[article_id][key] == b[article_id][key], (article_id, key)
    assert load_json(ray / "manifest.json")["config"]["job"]["executor"] == "ray"


def _feed(tmp_path, n: int) -> Path:
    folder = tmp_path / "feed"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"a{i}.txt").write_text(text.replace("روداو", f"فقرة رقم {i} عن أربيل.\n\nروداو"), encoding="utf-8")
    return folder


def _start(args, tmp_path):
    return subprocess.Popen([sys.executable, "-m", "tarjama", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})


def _worker_pids() -> list[int]:
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [int(line.split()[0]) for line in out.splitlines() if "_StageWorker" in line]


def _new_worker(before: set[int]):
    """A stage worker of this job's Ray: one that was not there before it started (an actor of
    an earlier test may still be on its way out)."""
    return lambda: bool(set(_worker_pids()) - before)


# The fault tests leave entities out: two pools a window instead of three keeps them short.
FAULT = {"ray.window_articles": 2, "facts.entities": "false"}


def test_a_killed_worker_is_replaced_and_the_job_finishes(tiny_models, tmp_path):
    folder, out = _feed(tmp_path, 3), tmp_path / "out"
    args = ["run", str(folder), "-o", str(out), *set_args(tiny_models, **FAULT), *RAY]
    before = set(_worker_pids())
    proc = _start(args, tmp_path)
    assert wait_until(_new_worker(before), proc, 240.0), "no Ray worker appeared"
    os.kill(min(set(_worker_pids()) - before), signal.SIGKILL)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["counts"]["written"] == 3 and manifest["counts"]["ledger"] == {"done": 3}
    assert sorted(manifest["articles"]) == [f"a{i}" for i in range(3)]


def test_a_killed_driver_resumes_from_the_ledger(tiny_models, tmp_path):
    folder, out = _feed(tmp_path, 3), tmp_path / "out"
    args = ["run", str(folder), "-o", str(out), *set_args(tiny_models, **{**FAULT, "ray.window_articles": 1}), *RAY]
    proc = _start(args, tmp_path)
    assert wait_until(lambda: len(list((out / "articles").glob("*.json"))) >= 1, proc, 240.0) and proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    subprocess.run([sys.executable, "-m", "ray.scripts.scripts", "stop", "--force"], capture_output=True)
    done_before = len(list((out / "articles").glob("*.json")))
    rerun = subprocess.run([sys.executable, "-m", "tarjama", *args], cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["counts"]["ledger"] == {"done": 3}
    assert manifest["counts"]["reused"] >= done_before - 1 and manifest["counts"]["written"] <= 3 - done_before + 1


def test_ctrl_c_exits_130_and_shuts_ray_down(tiny_models, tmp_path):
    folder, out = _feed(tmp_path, 3), tmp_path / "out"
    args = ["run", str(folder), "-o", str(out), *set_args(tiny_models, **FAULT), *RAY]
    before = set(_worker_pids())
    proc = _start(args, tmp_path)
    assert wait_until(_new_worker(before), proc, 240.0)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert load_json(out / "manifest.json")["status"] == "interrupted"
    deadline = time.monotonic() + 20  # Ray's shutdown ends its actors within seconds
    while set(_worker_pids()) - before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not set(_worker_pids()) - before
