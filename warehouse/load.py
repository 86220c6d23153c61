"""Loading into DuckDB: schema from the declarations, one transaction per run, idempotent.

Facts hang off their article: a changed article has all its facts deleted and re-inserted in
the same transaction that upserts it, so running the same input twice leaves the same tables and
analysts never see half a run. DuckDB lets one process write a file while no other process has it
open, so `connect` waits, with backoff, for an analyst's session to let go (see README).
"""

from __future__ import annotations

import contextlib
import logging
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from warehouse.articles import ARTICLES
from warehouse.dq_results import DQ_RESULTS
from warehouse.entities import ENTITIES
from warehouse.failures import FAILURES
from warehouse.quarantine import QUARANTINE
from warehouse.runs import RUNS
from warehouse.schema import Table
from warehouse.tables import ALL_TABLES, FACT_TABLES

log = logging.getLogger("warta.warehouse")


class WarehouseBusy(RuntimeError):
    """Another process kept the DuckDB file open for longer than we were allowed to wait."""


def _is_lock_error(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


@contextmanager
def connect(db_path: str | Path, *, read_only: bool = False, wait_s: float = 120.0) -> Iterator[
    duckdb.DuckDBPyConnection
]:
    """A connection to the file, created with its schema when missing. When another process
    holds the file, retry with exponential backoff and jitter for up to `wait_s` seconds."""
    path = Path(db_path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    delay = 0.2
    announced = False
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WarehouseBusy(
                    f"{path} is held open by another process (an analyst's session?) and did not "
                    f"come free within {wait_s:.0f} s; close that session or raise WARTA_LOCK_WAIT_S, "
                    "then run again"
                ) from exc
            if not announced:  # a wait of minutes must not look like a hang
                announced = True
                log.warning("waiting for %s: another process holds it open; waiting up to %.0f s "
                            "(WARTA_LOCK_WAIT_S)", path, wait_s)
            time.sleep(min(delay * (0.5 + random.random()), remaining))
            delay = min(delay * 2, 10.0)
    try:
        if not read_only:
            ensure_schema(con)
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    for table in ALL_TABLES:
        con.execute(table.ddl())


def known_articles(db_path: str | Path, wait_s: float = 120.0) -> dict[str, str]:
    """url -> content_hash of every loaded article; empty when the file does not exist yet."""
    if not Path(db_path).exists():
        return {}
    with connect(db_path, read_only=True, wait_s=wait_s) as con:
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        if "articles" not in tables:
            return {}
        return dict(con.execute("select url, content_hash from articles").fetchall())


def known_urls(db_path: str | Path, wait_s: float = 120.0) -> set[str]:
    return set(known_articles(db_path, wait_s))


@dataclass
class LoadCounts:
    """Rows written per table by one load."""

    rows: dict[str, int] = field(default_factory=dict)


def _insert(con: duckdb.DuckDBPyConnection, table: Table, df: pl.DataFrame, *, upsert: bool) -> int:
    if df.height == 0:
        return 0
    # DuckDB keeps only the first of duplicate keys inside one INSERT ... ON CONFLICT batch.
    batch_frame = table.conform(df).unique(subset=[table.key], keep="last", maintain_order=True).to_arrow()
    verb = "INSERT OR REPLACE" if upsert else "INSERT OR IGNORE"
    cols = ", ".join(table.column_names)
    # DuckDB reads the local Arrow table `batch_frame` by its name (a replacement scan).
    con.execute(f"{verb} INTO {table.name} ({cols}) SELECT {cols} FROM batch_frame")
    return batch_frame.num_rows


def load(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, pl.DataFrame],
    *,
    quarantine: pl.DataFrame,
    results: pl.DataFrame,
    failures: pl.DataFrame,
    run: dict[str, object],
) -> LoadCounts:
    """Write one validated batch in one transaction: the batch's articles replace their earlier
    versions together with all their facts; quarantine, failures and results are recorded; the
    run row is written last. Either all of it is visible afterwards or none."""
    counts = LoadCounts()
    articles = tables.get("articles", ARTICLES.empty())
    con.execute("BEGIN TRANSACTION")
    try:
        if articles.height:
            batch_ids = articles.select("article_id").to_arrow()  # noqa: F841 - read by name below
            for table in FACT_TABLES:
                con.execute(f"DELETE FROM {table.name} WHERE article_id IN (SELECT article_id FROM batch_ids)")
        counts.rows["articles"] = _insert(con, ARTICLES, articles, upsert=True)
        for table in FACT_TABLES:
            counts.rows[table.name] = _insert(con, table, tables.get(table.name, table.empty()), upsert=True)
        counts.rows["entities"] = _insert(con, ENTITIES, tables.get("entities", ENTITIES.empty()), upsert=True)
        counts.rows["quarantine"] = _insert(con, QUARANTINE, quarantine, upsert=False)
        counts.rows["dq_results"] = _insert(con, DQ_RESULTS, results, upsert=True)
        counts.rows["failures"] = record_failures(con, failures, str(run["run_id"]), run["started_at"])
        resolve_failures(con, articles)
        counts.rows["runs"] = _insert(con, RUNS, pl.DataFrame([run]), upsert=True)
        con.execute("COMMIT")
    except Exception:
        # A failed COMMIT (disk full) has already ended the transaction: then ROLLBACK raises
        # "no transaction is active", which must not hide the real cause.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    return counts


def record_failures(con: duckdb.DuckDBPyConnection, failures: pl.DataFrame, run_id: str, when: object) -> int:
    """Upsert failures by (source, stage): a source that fails again counts one more attempt."""
    if failures.height == 0:
        return 0
    from transforms.ids import stable_id

    records = failures.to_dicts()
    ids = [stable_id(f["source"], f["stage"]) for f in records]
    # One query for the earlier attempts of the whole batch, not one per failure.
    prior = dict(con.execute("SELECT failure_id, attempts FROM failures WHERE list_contains(?, failure_id)",
                             [ids]).fetchall())
    rows = [
        {"failure_id": fid, "run_id": run_id, "source": f["source"], "stage": f["stage"], "reason": f["reason"],
         "raw_ref": f.get("raw_ref"), "attempts": (prior.get(fid) or 0) + 1, "failed_at": when, "resolved_at": None}
        for fid, f in zip(ids, records, strict=True)
    ]
    return _insert(con, FAILURES, pl.DataFrame(rows), upsert=True)


def resolve_failures(con: duckdb.DuckDBPyConnection, articles: pl.DataFrame) -> None:
    """A source that became an article after all is no longer an open failure."""
    if articles.height == 0:
        return
    loaded_urls = articles.select("url").to_arrow()  # noqa: F841 - read by name below
    con.execute(
        "UPDATE failures SET resolved_at = now() WHERE resolved_at IS NULL "
        "AND source IN (SELECT url FROM loaded_urls)"
    )


def record_run(con: duckdb.DuckDBPyConnection, run: dict[str, object]) -> None:
    """Write or overwrite a run row on its own (for runs that failed before their load)."""
    _insert(con, RUNS, pl.DataFrame([run]), upsert=True)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t.name: con.execute(f"SELECT count(*) FROM {t.name}").fetchall()[0][0] for t in ALL_TABLES}
