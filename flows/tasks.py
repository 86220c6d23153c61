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
from transforms.articles import articles_with_failures
from transforms.facts import facts
from warehouse import load as warehouse
from warta.settings import Settings


@task(name="known-articles", cache_policy=NO_CACHE)
def known_articles(db: str, settings: Settings) -> dict[str, str]:
    return warehouse.known_articles(db, wait_s=settings.lock_wait_s)


# Only fetching retries: a network hiccup is worth another try, a parse error is not.
@task(name="fetch", retries=2, retry_delay_seconds=[5, 30], cache_policy=NO_CACHE)
def fetch(inputs: list[str], skip_urls: frozenset[str], settings: Settings) -> PullResult:
    result = pull(inputs, skip_urls=skip_urls, settings=settings)
    get_run_logger().info("pulled %d documents, %d failures", len(result.documents), len(result.failures))
    return result


@task(name="transform-batch", cache_policy=NO_CACHE)
def transform_batch(documents: pl.DataFrame) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Clean a batch of documents into articles and extract their facts."""
    articles, failures = articles_with_failures(documents)
    tables = {"articles": articles, **facts(articles)}
    get_run_logger().info("batch of %d documents: %d articles", documents.height, articles.height)
    return tables, failures


@task(name="validate", cache_policy=NO_CACHE)
def validate(tables: dict[str, pl.DataFrame], run_id: str):  # -> expectations.validate.Validation
    from expectations.validate import validate as run_validation

    validation = run_validation(tables, run_id)
    get_run_logger().info("validated: %d rows quarantined", validation.quarantined)
    return validation


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
def record_failed_run(db: str, run: dict[str, object], settings: Settings) -> None:
    with warehouse.connect(db, wait_s=settings.lock_wait_s) as con:
        warehouse.record_run(con, run)


def split(documents: pl.DataFrame, size: int) -> list[pl.DataFrame]:
    return [documents.slice(i, size) for i in range(0, documents.height, size)] or [documents]


def frames(result: PullResult) -> tuple[pl.DataFrame, pl.DataFrame]:
    return documents_frame(result.documents), failures_frame(result.failures)


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def resolve_db(db: str) -> str:
    return str(Path(db).expanduser().resolve())
