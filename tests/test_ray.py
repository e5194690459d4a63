"""The Ray executor on a real Ray (started by the job with 2 CPUs, or a two-node cluster on this
machine): one pipeline whose pools load their models once, the same articles as the local
executor, a killed worker, an article that kills its worker every time, a model that will not
load, a killed driver, Ctrl-C. No mock of Ray."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, load_json, run_cli, set_args, wait_until

pytest.importorskip("ray", reason="pip install 'tarjama[ray]'")
# A Ray per test, model loading in its actors. Under pytest-xdist this file must run on one
# worker (--dist loadfile, as .ci/run does), its tests one after another: its clean-up stops any
# Ray left behind, which would take down another worker's Ray job.
pytestmark = pytest.mark.slow

RAY = ["--set", "job.executor=ray", "--set", "ray.local_cpus=2", "--set", "ray.batch_articles=1"]


def _started_here(pid: str) -> bool:
    """Whether a process belongs to this test session: under pytest-xdist, one whose environment
    names this worker (Ray's processes inherit it from the job that started them), so another
    worker's processes are never taken for ours."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return True
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:  # gone already, or not ours to read
        return False
    return f"PYTEST_XDIST_WORKER={worker}".encode() in environ.split(b"\0")


def _ray_processes() -> list[str]:
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, timeout=30).stdout
    return [line for line in out.splitlines()
            if ("raylet" in line or "gcs_server" in line) and _started_here(line.split()[0])]


def _ran_on_ray(manifest: dict) -> None:
    """Every stage call of the job ran on a Ray node (events name the Ray node id; outside Ray
    they name the host), so a job that fell back to the local executor fails the test."""
    nodes = {stage: account["nodes"] for stage, account in manifest["stages"].items() if stage != "overlap"}
    assert nodes and all(ids and all(re.fullmatch(r"[0-9a-f]{56}", n) for n in ids) for ids in nodes.values()), nodes


@pytest.fixture(autouse=True)
def _no_ray_left_behind():
    before = _ray_processes()
    yield
    deadline = time.monotonic() + 20
    while [p for p in _ray_processes() if p not in before] and time.monotonic() < deadline:
        time.sleep(0.5)
    left = [p for p in _ray_processes() if p not in before]
    if left:  # clean up for the next test, then fail this one
        subprocess.run([sys.executable, "-m", "ray.scripts.scripts", "stop", "--force"], capture_output=True,
                       timeout=120)
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
    _same_articles(local, ray)
    manifest = load_json(ray / "manifest.json")
    assert manifest["config"]["job"]["executor"] == "ray"
    # One pipeline, each pool started once: one model load per actor, however many batches.
    stages = manifest["stages"]
    assert {name: (stages[name]["model_loads"], stages[name]["batches"]) for name in ("translate", "summarise", "facts")} \
        == {"translate": (1, 2), "summarise": (1, 2), "facts": (1, 2)}
    assert set(manifest["models"]) == {"translate", "summarise", "entities"}
    assert set(manifest["signatures"]) == {"translate", "summarise", "facts", "job"}
    _ran_on_ray(manifest)


def _same_articles(local: Path, ray: Path) -> None:
    a, b = _articles(local), _articles(ray)
    assert sorted(a) == sorted(b) and a
    for article_id in a:
        for key in ("id", "title", "segments", "summary", "facts", "flags", "models"):
            assert a[article_id][key] == b[article_id][key], (article_id, key)


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
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, timeout=30).stdout
    return [int(line.split()[0]) for line in out.splitlines() if "_RayStage" in line and _started_here(line.split()[0])]


def _new_worker(before: set[int]):
    """A stage worker of this job's Ray: one that was not there before it started (an actor of
    an earlier test may still be on its way out)."""
    return lambda: bool(set(_worker_pids()) - before)


# The fault tests leave entities out: no NER models to load keeps them short.
FAULT = {"facts.entities": "false"}


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
    _ran_on_ray(manifest)


def test_a_killed_driver_resumes_from_the_ledger(tiny_models, tmp_path):
    folder, out = _feed(tmp_path, 3), tmp_path / "out"
    args = ["run", str(folder), "-o", str(out), *set_args(tiny_models, **FAULT), *RAY]
    before = set(_worker_pids())
    proc = _start(args, tmp_path)
    assert wait_until(_new_worker(before), proc, 240.0), "no Ray worker appeared: the job did not run on Ray"
    assert wait_until(lambda: len(list((out / "articles").glob("*.json"))) >= 1, proc, 240.0) and proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    subprocess.run([sys.executable, "-m", "ray.scripts.scripts", "stop", "--force"], capture_output=True, timeout=120)
    done_before = len(list((out / "articles").glob("*.json")))
    rerun = subprocess.run([sys.executable, "-m", "tarjama", *args], cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["counts"]["ledger"] == {"done": 3}
    assert manifest["counts"]["reused"] >= done_before - 1 and manifest["counts"]["written"] <= 3 - done_before + 1
    if manifest["counts"]["written"]:  # the rerun's own work ran on Ray too
        _ran_on_ray(manifest)


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


def test_an_article_that_kills_its_worker_every_time_fails_alone(tiny_models, tmp_path):
    folder, out = _feed(tmp_path, 4), tmp_path / "out"
    args = ["run", str(folder), "-o", str(out), *set_args(tiny_models, **FAULT), *RAY[:-2],
            "--set", "ray.batch_articles=2"]
    # The marker is in a2.txt only: its worker process ends each time it translates it.
    result = run_cli(*args, env={"TARJAMA_TEST_KILL_WORKER_ON": "فقرة رقم 2 عن", "XDG_CACHE_HOME": str(tmp_path / "c")})
    assert result.returncode == 1, result.stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["status"] == "complete" and sorted(manifest["articles"]) == ["a0", "a1", "a3"]
    [failure] = manifest["failures"]
    assert failure["input"].endswith("a2.txt")
    assert failure["reason"] == ("translate: a Ray worker died each time it processed this article (3 times, 2 of "
                                 "them alone): out of memory, or a crash in native code")
    assert manifest["counts"]["ledger"] == {"done": 3, "failed": 1}
    _ran_on_ray(manifest)


def test_a_model_that_will_not_load_on_the_workers_is_one_line_and_exit_2(tiny_models, tmp_path):
    empty = tmp_path / "no-model"
    empty.mkdir()
    out = tmp_path / "out"
    result = run_cli("run", str(_feed(tmp_path, 2)), "-o", str(out),
                     *set_args(tiny_models, **{**FAULT, "summarise.model": str(empty)}), *RAY)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("tarjama: error")]
    assert len(lines) == 1 and "summarise.model" in lines[0] and "Traceback" not in result.stderr
    manifest = load_json(out / "manifest.json")
    assert manifest["status"] == "error"
    # The load failed on a Ray actor, not in this process.
    assert sorted(set(manifest["stages"]) - {"overlap"}) == ["summarise", "translate"]
    _ran_on_ray(manifest)


def test_stages_whose_actors_cannot_all_fit_are_refused_before_any_work(tiny_models, tmp_path):
    result = run_cli("run", str(_feed(tmp_path, 1)), "-o", str(tmp_path / "out"),
                     *set_args(tiny_models, **{**FAULT, "ray.translate_actors": 3}), *RAY)
    assert result.returncode == 2, result.stderr
    assert ("ray: the stages' actors ask for 4 CPUs (translate 3 x 1, summarise 1 x 1, facts 1 x 0) but the "
            "cluster has 2") in result.stderr


def test_a_two_node_cluster_runs_a_stage_on_both_nodes_and_writes_what_local_writes(tiny_models, tmp_path,
                                                                                    monkeypatch):
    from ray.cluster_utils import Cluster

    # The cluster names itself in RAY_ADDRESS; the tests after this one must not inherit it.
    monkeypatch.setenv("RAY_ADDRESS", "")

    local, ray, folder = tmp_path / "local", tmp_path / "ray", _feed(tmp_path, 6)
    common = [*set_args(tiny_models), "--set", "job.cache_max_entries=0"]
    assert run_cli("run", str(folder), "-o", str(local), *common).returncode == 0
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 2})
    try:
        cluster.add_node(num_cpus=2)
        cluster.wait_for_nodes()
        result = run_cli("run", str(folder), "-o", str(ray), *common, "--set", "job.executor=ray",
                         "--set", f"ray.address={cluster.address}", "--set", "ray.batch_articles=1",
                         "--set", "ray.translate_actors=2", "--set", "ray.summarise_actors=2")
    finally:
        cluster.shutdown()
    assert result.returncode == 0, result.stderr
    _same_articles(local, ray)
    stages = load_json(ray / "manifest.json")["stages"]
    assert stages["translate"]["workers"] == 2 and len(stages["translate"]["nodes"]) == 2
    assert stages["translate"]["model_loads"] == 2 and stages["summarise"]["model_loads"] <= 2
