"""Prefect tasks: thin wrappers (logging, where they run) around one call each into the packages
that do the work. Tasks carry chunks of documents, never one article each: on Prefect's SQLite
backend bursts of small tasks stall the run (README, "traps").

Only the network call retries, inside sources/http.py (backoff per request); a parse error is
not worth another try. Frames cannot be hashed for Prefect's input cache: tasks run with NO_CACHE.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from transforms import lexicon
from warehouse import load as warehouse
from warehouse.load import WarehouseState
from warta import chunks
from warta.settings import Settings


@task(name="read-state", cache_policy=NO_CACHE)
def read_state(db: str, settings: Settings) -> WarehouseState:
    """What the warehouse holds (articles, open failures, newest date): read once per run."""
    state = warehouse.read_state(db, wait_s=settings.lock_wait_s)
    get_run_logger().info("%d articles and %d failed inputs on record", len(state.articles), len(state.failed))
    return state


@task(name="transform-chunk", cache_policy=NO_CACHE)
def transform_chunk(chunk: chunks.Chunk, run_id: str, max_quarantine_share: float,
                    newest_known: date | None, lexicon_dir: str | None = None) -> chunks.Transformed:
    """Articles and facts of a chunk, checked. Runs in a worker process (or on a Dask worker), so the
    user's lexicon folder (if any) is laid over the bundled one here."""
    lexicon.configure(lexicon_dir)
    out = chunks.transform_and_check(chunk, run_id=run_id, max_quarantine_share=max_quarantine_share,
                                     newest_known=newest_known)
    get_run_logger().info("chunk %d: %d documents, %d articles, %d failures", chunk.number, out.documents_in,
                          out.checked.tables.get("articles", chunks.pl.DataFrame()).height, out.failures.height)
    return out


@task(name="load-chunk", cache_policy=NO_CACHE)
def load_chunk(db: str, transformed: chunks.Transformed, tally: chunks.RunTally, settings: Settings
               ) -> chunks.RunTally:
    """One chunk into DuckDB in one transaction, by the one writer (this process)."""
    with warehouse.connect(db, wait_s=settings.lock_wait_s) as con:
        chunks.load_chunk(con, transformed, tally)
    return tally


@task(name="link", cache_policy=NO_CACHE)
def link(db: str, settings: Settings) -> dict[str, int]:
    """Near-copies and canonical events of what the loads left pending (warta/linking.py)."""
    from warta.linking import link as link_pending

    with warehouse.connect(db, wait_s=settings.lock_wait_s) as con:
        return link_pending(con, threshold=settings.near_duplicate_threshold,
                            window_days=settings.near_duplicate_window_days)


@task(name="record-run", cache_policy=NO_CACHE)
def record_run(db: str, run: dict[str, object], settings: Settings) -> dict[str, int]:
    """The final run row; the table totals for the summary."""
    with warehouse.connect(db, wait_s=settings.lock_wait_s) as con:
        warehouse.record_run(con, run)
        return warehouse.table_counts(con)


@task(name="data-docs", cache_policy=NO_CACHE)
def data_docs(db: str, run_id: str) -> str | None:
    """Great Expectations Data Docs beside the DuckDB file, from the run's recorded results (no
    second validation); a failure here does not fail a loaded run."""
    from expectations.datadocs import build_data_docs

    try:
        return str(build_data_docs(db, run_id))
    except Exception as exc:  # the run is loaded already; docs are a view of it
        get_run_logger().warning("Data Docs not built: %s: %s", type(exc).__name__, exc)
        return None


def resolve_db(db: str) -> str:
    return str(Path(db).expanduser().resolve())
