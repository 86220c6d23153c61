"""Worker processes launched before the flow (warta/workers.py, flows/pool.py): when `warta run`
starts them, that the flow's process pool takes them, and that a run on them loads what a run
on Prefect's own pool loads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.db import snapshot

from warta import workers

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "corpus" / "samples" / "text"
FACTS = ("articles", "quotes", "fragments", "figures", "events", "entities")


def _touch(path: Path, when: float) -> None:
    os.utime(path, (when, when))


def test_workers_are_worth_starting_only_for_more_than_a_chunk_of_inputs_newer_than_the_warehouse(
        tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    shutil.copytree(TEXT, folder)  # five documents
    db = tmp_path / "w.duckdb"
    assert workers._worth_starting([str(folder)], db, chunk_size=2)  # no warehouse yet
    assert not workers._worth_starting([str(folder)], db, chunk_size=5)  # one chunk: no pool at all
    assert not workers._worth_starting(["https://berita.example/rss"], db, chunk_size=2)  # size unknown
    db.write_bytes(b"")
    now = time.time()
    for f in folder.iterdir():
        _touch(f, now - 100)
    _touch(db, now)
    assert not workers._worth_starting([str(folder)], db, chunk_size=2)  # a re-run of loaded inputs
    _touch(next(folder.iterdir()), now + 10)
    assert workers._worth_starting([str(folder)], db, chunk_size=2)  # one input changed since


@pytest.mark.slow
def test_the_flows_pool_takes_the_prestarted_workers(tmp_path: Path) -> None:
    from flows.pool import pool

    assert workers.prestart([str(TEXT)], tmp_path / "w.duckdb", workers=2, chunk_size=2)
    [(_, _, executor)] = workers._early
    try:
        with pool(2) as runner:
            assert runner._executor is executor
            assert workers.take(2) is None  # taken once
            pids = {runner._executor.submit(os.getpid).result(timeout=120) for _ in range(4)}
            assert os.getpid() not in pids and 1 <= len(pids) <= 2
        assert not workers.prestart([str(TEXT)], tmp_path / "w.duckdb", workers=1, chunk_size=2)  # one worker: no pool
    finally:
        workers._early.clear()


@pytest.mark.server
def test_a_run_on_prestarted_workers_loads_what_a_run_on_prefects_pool_loads(tmp_path: Path) -> None:
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "WARTA_CHUNK_SIZE": "2",
           "PREFECT_LOGGING_LEVEL": "INFO"}  # the suite's conftest turns INFO off; the log check needs it
    env.pop("PREFECT_API_URL", None)
    dbs = {}
    for n in ("1", "2"):  # one worker: Prefect's pool starts it; two: `warta run` starts them first
        dbs[n] = tmp_path / f"w{n}.duckdb"
        out = subprocess.run([sys.executable, "-m", "warta", "run", "--input", str(TEXT), "--db", str(dbs[n]),
                              "--workers", n], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr[-2000:]
    assert snapshot(dbs["2"], FACTS) == snapshot(dbs["1"], FACTS)
    assert len(snapshot(dbs["2"], ("articles",))["articles"]) == 5
    log = dbs["2"].with_suffix(".log").read_text(encoding="utf-8")
    assert "chunk 3:" in log  # the workers' own log lines reach the run's log file


@pytest.mark.slow
def test_released_workers_exit_before_the_flow_ends() -> None:
    import multiprocessing

    from flows.pool import pool

    with pool(2) as runner:
        pid = runner._executor.submit(os.getpid).result(timeout=120)
        assert pid in {p.pid for p in multiprocessing.active_children()}
        runner.release_workers()  # the flow's last chunk is in: the runner is still entered
        deadline = time.monotonic() + 60
        while pid in {p.pid for p in multiprocessing.active_children()} and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pid not in {p.pid for p in multiprocessing.active_children()}
