"""The same flow, its chunks on Dask: a local in-process cluster, and a real cluster of a
`dask scheduler` and two `dask worker` processes on 127.0.0.1, whose warehouse must hold the same
rows as a run without Dask."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from helpers.db import query, snapshot
from prefect_dask import DaskTaskRunner

from flows.pipeline import etl

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.dask]
ROOT = Path(__file__).parent.parent
TEXT = ROOT / "corpus" / "samples" / "text"
FACTS = ("articles", "quotes", "fragments", "figures", "events", "entities")


def test_flow_runs_its_chunks_on_a_local_dask_cluster(tmp_path) -> None:
    # Threads, not processes: the cluster starts in a second instead of re-importing the stack per worker.
    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "processes": False, "threads_per_worker": 1})
    db = tmp_path / "dask.duckdb"
    summary = etl.with_options(task_runner=runner)(inputs=[str(TEXT)], db=str(db), chunk_size=2)
    assert summary["articles_loaded"] == 5 and summary["chunks"] == 3
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select count(*) from articles").fetchall() == [(5,)]
        assert con.execute("select count(*) from quotes").fetchall()[0][0] >= 10
    finally:
        con.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_workers(address: str, n: int, timeout: float = 180) -> None:
    from distributed import Client

    with Client(address, timeout=timeout) as client:
        client.wait_for_workers(n, timeout=timeout)


def test_flow_on_a_real_dask_cluster_loads_what_a_run_without_dask_loads(tmp_path) -> None:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASK_DISTRIBUTED__WORKER__DAEMON": "false"}
    bin_dir = Path(sys.executable).parent
    procs = [subprocess.Popen([str(bin_dir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)]
    try:
        time.sleep(1)
        for _ in range(2):
            procs.append(subprocess.Popen([str(bin_dir / "dask"), "worker", address, "--nworkers", "1",
                                           "--nthreads", "1", "--no-dashboard"], cwd=ROOT, env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        _wait_for_workers(address, 2)
        # What `warta run --dask ADDRESS` does while its server starts: the workers import the stack.
        from warta.workers import warm_cluster

        warm_cluster(address).join(timeout=180)
        from distributed import Client

        with Client(address, timeout=60) as client:
            warmed = client.run(lambda: {"transforms.articles", "flows.tasks"} <= set(sys.modules))
        assert list(warmed.values()) == [True, True]
        on_dask = tmp_path / "dask.duckdb"
        summary = etl.with_options(task_runner=DaskTaskRunner(address=address))(
            inputs=[str(TEXT)], db=str(on_dask), chunk_size=2)
        assert summary["chunks"] == 3 and summary["status"] == "completed"
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    plain = tmp_path / "plain.duckdb"
    etl(inputs=[str(TEXT)], db=str(plain))
    assert snapshot(on_dask, FACTS) == snapshot(plain, FACTS)
    assert query(on_dask, "select count(*) from articles") == [(5,)]
