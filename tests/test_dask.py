"""The same flow, its tasks on a Dask cluster: batches are spread over the workers."""

from pathlib import Path

import duckdb
import pytest
from prefect_dask import DaskTaskRunner

from flows.pipeline import etl

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.dask]


def test_flow_runs_its_batches_on_a_local_dask_cluster(tmp_path) -> None:
    # Threads, not processes: the cluster starts in a second instead of re-importing the stack per worker.
    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "processes": False, "threads_per_worker": 1})
    db = tmp_path / "dask.duckdb"
    text = Path(__file__).parent.parent / "corpus" / "samples" / "text"
    summary = etl.with_options(task_runner=runner)(inputs=[str(text)], db=str(db), batch_size=2)
    assert summary["articles_loaded"] == 5
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select count(*) from articles").fetchall() == [(5,)]
        assert con.execute("select count(*) from quotes").fetchall()[0][0] >= 10
    finally:
        con.close()
