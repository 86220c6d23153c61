"""The report flow: rebuild the run report of the latest run from the DuckDB file and publish its
summary as Prefect artifacts. The ETL flow calls the same task after every load; a daily deployment
runs this flow on its own, so the report stays current even on days without new articles."""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.tasks import resolve_db


@task(name="run-report", cache_policy=NO_CACHE)
def run_report(db: str, run_id: str | None = None, publish: bool = True) -> str:
    """Write `<db dir>/reports/run-<id>.html` and `latest.html`; publish the summary as a markdown
    and a table artifact of the current flow run. Returns the report's path."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    from reports.run_report import markdown_summary, read_report, render, results_table, write_html

    data = read_report(db, run_id)
    path = write_html(db, render(data), data.run["run_id"])
    if publish:
        create_markdown_artifact(markdown_summary(data, path), key="warta-run-report",
                                 description=f"warta run {data.run['run_id']}")
        create_table_artifact(results_table(data), key="warta-dq-results",
                              description=f"expectation results of run {data.run['run_id']}")
    get_run_logger().info("run report: %s", path)
    return str(path)


@flow(name="warta-report", log_prints=True)
def report_flow(db: str) -> str:
    """Rebuild the report of the latest run in the DuckDB file `db` (read-only); returns its path."""
    return run_report(resolve_db(db))
