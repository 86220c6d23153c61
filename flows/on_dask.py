"""The ETL flow with its chunks on an existing Dask cluster, for deployments (prefect.yaml,
`backfill-on-dask`). The scheduler's address comes from WARTA_DASK_ADDRESS (e.g.
tcp://10.0.0.5:8786), set in the deployment's job variables; without it a local cluster with a
worker process per core is started. `warta run --dask ADDRESS` does the same from the command line.

The cluster's workers transform chunks; this flow run's process stays the one DuckDB writer.
"""

from __future__ import annotations

import os

from prefect_dask import DaskTaskRunner

from flows.pipeline import etl
from warta.settings import default_workers


def dask_runner(address: str | None = None) -> DaskTaskRunner:
    address = address or os.environ.get("WARTA_DASK_ADDRESS")
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": default_workers(), "processes": True, "threads_per_worker": 1})


etl_on_dask = etl.with_options(name="warta-etl-dask", task_runner=dask_runner())
