"""Worker processes launched before the flow (warta/workers.py, flows/pool.py): when `warta run`
starts them, that the flow's process pool takes them, and that a run on them loads what a run
on Prefect's own pool loads."""

from __future__ import annotations

import os
import re
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


def test_workers_are_worth_starting_for_more_than_a_chunk_changed_since_the_warehouse(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    shutil.copytree(TEXT, folder)  # five documents
    db = tmp_path / "w.duckdb"

    def changed(chunk_size: int, force: bool = False) -> int:
        return workers._changed_documents([str(folder)], db, chunk_size * 2, force)

    assert changed(2) == 5  # no warehouse yet: everything is new
    assert workers._changed_documents(["https://berita.example/rss"], db, 4, False) == 0  # size unknown
    db.write_bytes(b"")
    now = time.time()
    files = sorted(folder.iterdir())
    for f in files:
        _touch(f, now - 100)
    _touch(db, now)
    assert changed(2) == 0  # a re-run of loaded inputs
    assert changed(2, force=True) == 5  # --force transforms them all again
    for f in files[:3]:
        _touch(f, now + 10)
    assert changed(2) == 3  # only what changed since counts
    assert changed(1) == 3 and workers._changed_documents([str(folder)], db, 1, False) == 2  # stops past enough
    (folder / "unreadable").mkdir()
    (folder / "unreadable").chmod(0)
    try:
        assert changed(2) in (0, 3)  # an input the flow will report is no reason to fail here
    finally:
        (folder / "unreadable").chmod(0o755)


def _stack_came_with_the_fork() -> bool:
    """In a pool worker: whether it was forked from the server that loaded the transform stack
    (its parent runs multiprocessing's fork server with `warta.worker_stack` preloaded)."""
    with open(f"/proc/{os.getppid()}/cmdline", "rb") as f:
        parent = f.read()
    return b"forkserver" in parent and b"warta.worker_stack" in parent


@pytest.mark.slow
def test_the_flows_pool_takes_the_prestarted_workers(tmp_path: Path) -> None:
    from flows.pipeline import etl
    from flows.pool import WarmProcessPool, pool

    # The flow's runner is duplicated by Prefect for each run: it must stay one that takes them.
    runner = etl.with_options(task_runner=pool(2)).task_runner.duplicate()
    assert isinstance(runner, WarmProcessPool)
    assert workers.prestart([str(TEXT)], tmp_path / "w.duckdb", workers=2, chunk_size=2)
    executor = workers._early.executor
    try:
        with pool(2) as taken:
            assert taken._executor is executor
            assert workers.take(2) is None  # taken once
            pids = {taken._executor.submit(os.getpid).result(timeout=120) for _ in range(4)}
            assert os.getpid() not in pids and 1 <= len(pids) <= 2
            # Forked from the server that imported the stack: a worker never imported it itself.
            assert taken._executor.submit(_stack_came_with_the_fork).result(timeout=120)
        with pool(2) as fresh:  # none prestarted: the runner makes its own, the same way
            assert fresh._executor is not executor
            assert fresh._executor.submit(_stack_came_with_the_fork).result(timeout=120)
        assert not workers.prestart([str(TEXT)], tmp_path / "w.duckdb", workers=1, chunk_size=2)  # one: no pool
        # Workers started for a pool of another size are stopped, not left idle.
        assert workers.prestart([str(TEXT)], tmp_path / "w.duckdb", workers=2, chunk_size=2)
        other = workers._early.executor
        assert workers.take(3) is None and workers._early is None
        assert not other._processes  # stopped
    finally:
        executor.shutdown(wait=True)


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
        # Nor a worker's exit: DuckDB's bindings print reference-leak reports in a full teardown.
        assert "leaked" not in out.stderr + out.stdout, out.stderr[-2000:]
    assert snapshot(dbs["2"], FACTS) == snapshot(dbs["1"], FACTS)
    assert len(snapshot(dbs["2"], ("articles",))["articles"]) == 5
    log = dbs["2"].with_suffix(".log").read_text(encoding="utf-8")
    assert "took 2 worker processes started before the flow" in log
    assert "chunk 3:" in log  # the workers' own log lines reach the run's log file
    # Let go after the last chunk, before the run's last steps (their exit overlaps with them).
    link = re.search(r"\| link-\w+ - Finished in state", log)
    assert link is not None and log.index("chunk 3:") < log.index("released the worker processes") < link.start()
    assert "started before the flow" not in dbs["1"].with_suffix(".log").read_text(encoding="utf-8")


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
