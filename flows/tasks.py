"""Prefect tasks: thin wrappers (retries, logging) around one call each into the packages that do
the work. Tasks carry batches of articles, never one article each: on Prefect's SQLite backend
bursts of small tasks stall the run (README, "traps").

Frames cannot be hashed for Prefect's input cache, so tasks run with NO_CACHE.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from sources.documents import PullResult, documents_frame, failures_frame
from sources.pull import pull
from transforms import lexicon
from transforms.articles import articles_with_failures
from transforms.facts import facts
from warehouse import load as warehouse
from warta.settings import Settings


@task(name="known-articles", cache_policy=NO_CACHE)
def known_articles(db: str, settings: Settings) -> dict[str, str]:
    return warehouse.known_articles(db, wait_s=settings.lock_wait_s)


# Only fetching retries: a network hiccup is worth another try, a parse error is not.
@task(name="fetch", retries=2, retry_delay_seconds=[5, 30], cache_policy=NO_CACHE)
def fetch(inputs: list[str], skip_urls: frozenset[str], settings: Settings, db: str) -> PullResult:
    # db decides where raw pages are kept (beside the DuckDB file) unless settings.raw_dir says.
    result = pull(inputs, skip_urls=skip_urls, settings=settings, db=db)
    get_run_logger().info("pulled %d documents, %d failures", len(result.documents), len(result.failures))
    return result


@task(name="transform-batch", cache_policy=NO_CACHE)
def transform_batch(documents: pl.DataFrame,
                    lexicon_dir: str | None = None) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Clean a batch of documents into articles and extract their facts, with the user's lexicon
    folder (if any) laid over the bundled one; set here because a task may run in a worker process."""
    lexicon.configure(lexicon_dir)
    articles, failures = articles_with_failures(documents)
    tables = {"articles": articles, **facts(articles)}
    get_run_logger().info("batch of %d documents: %d articles", documents.height, articles.height)
    return tables, failures


@task(name="validate", cache_policy=NO_CACHE)
def validate(tables: dict[str, pl.DataFrame], run_id: str):  # -> expectations.validate.Validation
    # Row suites per table, then the checks across tables (expectations/cross.py).
    from expectations.cross import validate_batch as run_validation

    validation = run_validation(tables, run_id)
    get_run_logger().info("validated: %d rows quarantined", validation.quarantined)
    return validation


@task(name="check-batch", cache_policy=NO_CACHE)
def check_batch(db: str, tables: dict[str, pl.DataFrame], validation, run_id: str, documents_in: int,
                settings: Settings):  # -> expectations.validate.Validation
    """Batch-level expectations before the load: a critical failure raises BatchCheckFailed, so
    nothing of the batch is loaded; warnings are added to the results and reported."""
    from expectations.batch import gate

    newest = None  # the warehouse's newest article, for the freshness check
    if Path(db).exists():
        with warehouse.connect(db, read_only=True, wait_s=settings.lock_wait_s) as con:
            tables_in_file = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            if "articles" in tables_in_file:
                newest = con.execute("SELECT max(published_at) FROM articles").fetchall()[0][0]
    return gate(tables, validation, run_id=run_id, documents_in=documents_in,
                max_quarantine_share=settings.max_quarantine_share, newest_known=newest)


@task(name="data-docs", cache_policy=NO_CACHE)
def data_docs(db: str, tables: dict[str, pl.DataFrame], run_id: str) -> str | None:
    """Great Expectations Data Docs beside the DuckDB file; a failure here does not fail a loaded run."""
    from expectations.datadocs import build_data_docs

    try:
        return str(build_data_docs(db, tables, run_id))
    except Exception as exc:  # the batch is loaded already; docs are a view of it
        get_run_logger().warning("Data Docs not built: %s: %s", type(exc).__name__, exc)
        return None


@task(name="load", cache_policy=NO_CACHE)
def load(db: str, validation, failures: pl.DataFrame, run: dict[str, object], settings: Settings) -> dict:
    with warehouse.connect(db, wait_s=settings.lock_wait_s) as con:
        counts = warehouse.load(
            con, validation.tables, quarantine=validation.quarantine, results=validation.results,
            failures=failures, run=run,
        )
        totals = warehouse.table_counts(con)
    return {"loaded": counts.rows, "totals": totals}


@task(name="record-failed-run", cache_policy=NO_CACHE)
def record_failed_run(db: str, run: dict[str, object], settings: Settings, results: pl.DataFrame | None = None) -> None:
    with warehouse.connect(db, wait_s=settings.lock_wait_s) as con:
        warehouse.record_run(con, run)
        if results is not None and results.height:
            # The failed run's expectation results (batch gate), to follow quality over time.
            frame = results.to_arrow()  # noqa: F841 - read by name below
            con.execute("INSERT OR REPLACE INTO dq_results SELECT * FROM frame")


def split(documents: pl.DataFrame, size: int) -> list[pl.DataFrame]:
    return [documents.slice(i, size) for i in range(0, documents.height, size)] or [documents]


def frames(result: PullResult) -> tuple[pl.DataFrame, pl.DataFrame]:
    return documents_frame(result.documents), failures_frame(result.failures)


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def resolve_db(db: str) -> str:
    return str(Path(db).expanduser().resolve())
