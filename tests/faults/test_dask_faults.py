"""The fault suite, part 3: a long `warta run --dask local` killed with SIGKILL, then run again.
The local cluster's scheduler lives in the killed process, its nannies and workers in processes of
their own: none of them may outlive the run, and the re-run must load every article exactly once."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import psutil
import pytest
from helpers.db import query
from helpers.faults import assert_no_duplicate_keys, many_articles, spawn_warta, wait_gone, warta_env

pytestmark = pytest.mark.dask


def test_kill_9_of_a_run_on_a_local_dask_cluster_then_a_rerun_loads_each_article_once(tmp_path: Path) -> None:
    n = 100
    inputs = many_articles(tmp_path / "many.jsonl", n)
    db = tmp_path / "w.duckdb"
    # INFO: the kill waits for load-chunk lines in the log beside the file.
    env = warta_env(WARTA_CHUNK_SIZE="10", PREFECT_LOGGING_LEVEL="INFO")
    args = ("run", "--input", str(inputs), "--db", str(db), "--dask", "local", "--workers", "2")
    proc = spawn_warta(*args, env=env)
    log = db.with_suffix(".log")
    family: set[int] = set()
    deadline = time.monotonic() + 480
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            family |= {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
            if log.exists() and log.read_text(encoding="utf-8", errors="replace").count("load-chunk") >= 2:
                break
            time.sleep(0.3)
        assert proc.poll() is None, f"the run ended before it could be killed: {proc.communicate()[1][-2000:]}"
        family |= {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
        # The nannies' worker processes (multiprocessing's spawn), beside Prefect's temporary server.
        commands = {p: " ".join(psutil.Process(p).cmdline()) for p in family if psutil.pid_exists(p)}
        assert any("multiprocessing" in c for c in commands.values()), f"no Dask worker process: {commands}"
        proc.kill()  # kill -9 of warta alone, as an operator would: no handler, no atexit
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    assert wait_gone(family, timeout=60) == set(), "a process of the killed run (a Dask worker?) outlived it"
    loaded = query(db, "select count(*) from articles")[0][0]
    assert 0 < loaded < n  # committed chunks survive the kill
    assert_no_duplicate_keys(db)
    rerun = spawn_warta(*args, env=env)
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err[-3000:]
    assert query(db, "select count(*), count(distinct article_id), count(distinct url) from articles") == [(n, n, n)]
    assert_no_duplicate_keys(db)
    assert query(db, "select status from runs order by started_at")[-1] == ("completed",)
