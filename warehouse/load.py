"""Loading into DuckDB: schema from the declarations, one transaction per chunk, idempotent.

Each table's declaration decides how it is written (`warehouse.schema.Table`): `merge` upserts on
the key, `append` keeps the first row of a key, and a table that hangs off `articles` has the rows
of every re-loaded article deleted in the same transaction that upserts the article, so running
the same input twice leaves the same tables and analysts never see half a chunk.
DuckDB lets one process write a file while no other process has it open, so `connect` waits,
with backoff, for an analyst's session to let go (see README).
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

from transforms.ids import stable_id
from warehouse.articles import ARTICLES
from warehouse.failures import FAILURES
from warehouse.runs import RUNS
from warehouse.schema import Table, query_frame
from warehouse.tables import ALL_TABLES, BY_NAME
from warehouse.views import VIEWS

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
    """Tables from their declarations (columns declared since the file was made are added), the
    analysts' views, and a comment on every table, view and column; in one transaction, and only
    the comments that changed are written (each one is a catalog write)."""
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ALL_TABLES:
            con.execute(table.ddl())
        present: dict[str, set[str]] = {}
        for table_name, column in con.execute(
                "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = current_schema()").fetchall():
            present.setdefault(table_name, set()).add(column)
        for table in ALL_TABLES:
            for statement in table.add_column_ddl(present.get(table.name, set())):
                con.execute(statement)
        for view in VIEWS:
            con.execute(view.sql)
        written = set(con.execute(
            "SELECT table_name, NULL, comment FROM duckdb_tables() UNION ALL "
            "SELECT view_name, NULL, comment FROM duckdb_views() WHERE NOT internal UNION ALL "
            "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal").fetchall())
        for table in (*ALL_TABLES, *VIEWS):
            for target, statement in zip(table.comment_targets(), table.comments(), strict=True):
                if target not in written:
                    con.execute(statement)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _tables_in(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def known_articles(db_path: str | Path, wait_s: float = 120.0) -> dict[str, str]:
    """url -> content_hash of every loaded article; empty when the file does not exist yet."""
    if not Path(db_path).exists():
        return {}
    with connect(db_path, read_only=True, wait_s=wait_s) as con:
        if "articles" not in _tables_in(con):
            return {}
        return dict(con.execute("SELECT url, content_hash FROM articles").fetchall())


@dataclass(frozen=True)
class FailedInput:
    """An open failure of a document that was pulled but gave no article."""

    source: str
    stage: str
    reason: str
    raw_ref: str | None
    content_hash: str


@dataclass
class WarehouseState:
    """What a run needs to know about the warehouse, read once at its start."""

    articles: dict[str, str] = field(default_factory=dict)  # article_id -> content_hash
    urls: set[str] = field(default_factory=set)  # URLs of loaded web articles (not fetched again)
    failed: dict[str, FailedInput] = field(default_factory=dict)  # failure_id -> open failure with content
    newest: object = None  # the newest published_at, for the freshness check


def read_state(db_path: str | Path, wait_s: float = 120.0) -> WarehouseState:
    """Loaded articles, their URLs, open failures of pulled documents and the newest publication date,
    in one read-only connection; an empty state when the file does not exist yet."""
    state = WarehouseState()
    if not Path(db_path).exists():
        return state
    with connect(db_path, read_only=True, wait_s=wait_s) as con:
        present = _tables_in(con)
        if "articles" in present:
            for article_id, url, content_hash in con.execute(
                    "SELECT article_id, url, content_hash FROM articles").fetchall():
                state.articles[article_id] = content_hash
                if url.startswith(("http://", "https://")):
                    state.urls.add(url)
            state.newest = con.execute("SELECT max(published_at) FROM articles").fetchall()[0][0]
        columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name = 'failures'").fetchall()}
        if "content_hash" in columns:
            for fid, source, stage, reason, raw_ref, content_hash in con.execute(
                    "SELECT failure_id, source, stage, reason, raw_ref, content_hash FROM failures "
                    "WHERE resolved_at IS NULL AND content_hash IS NOT NULL").fetchall():
                state.failed[fid] = FailedInput(source, stage, reason, raw_ref, content_hash)
    return state


def known_urls(db_path: str | Path, wait_s: float = 120.0) -> set[str]:
    return set(known_articles(db_path, wait_s))


@dataclass
class LoadCounts:
    """Rows written per table by one load."""

    rows: dict[str, int] = field(default_factory=dict)


def _insert(con: duckdb.DuckDBPyConnection, table: Table, df: pl.DataFrame) -> int:
    """Write a frame as the table's declared disposition says."""
    if df.height == 0:
        return 0
    # DuckDB keeps only the first of duplicate keys inside one INSERT ... ON CONFLICT batch.
    keep = "last" if table.disposition == "merge" else "first"
    batch_frame = table.conform(df).unique(subset=[table.key], keep=keep, maintain_order=True).to_arrow()
    cols = ", ".join(table.column_names)
    # DuckDB reads the local Arrow table `batch_frame` by its name (a replacement scan).
    if table.disposition == "merge" and table.replace_when_changed:
        updates = ", ".join(f"{c} = excluded.{c}" for c in table.column_names if c != table.key)
        changed = " OR ".join(f"{table.name}.{c} IS DISTINCT FROM excluded.{c}" for c in table.replace_when_changed)
        con.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM batch_frame "
                    f"ON CONFLICT ({table.key}) DO UPDATE SET {updates} WHERE {changed}")
    else:
        verb = "INSERT OR REPLACE" if table.disposition == "merge" else "INSERT OR IGNORE"
        con.execute(f"{verb} INTO {table.name} ({cols}) SELECT {cols} FROM batch_frame")
    return batch_frame.num_rows


def write(con: duckdb.DuckDBPyConnection, rows: dict[str, pl.DataFrame]) -> LoadCounts:
    """Write frames keyed by table name in one transaction, table by table in declared order
    (`warehouse.tables.ALL_TABLES`), each by its declared disposition; the rows of tables that
    hang off articles are replaced for every article in `rows["articles"]`. All or nothing."""
    counts = LoadCounts()
    articles = rows.get("articles", ARTICLES.empty())
    con.execute("BEGIN TRANSACTION")
    try:
        if articles.height:
            batch_ids = articles.select("article_id").to_arrow()  # noqa: F841 - read by name below
            for table in ALL_TABLES:
                if table.hangs_off_articles:
                    con.execute(f"DELETE FROM {table.name} WHERE {table.article_key} IN "
                                "(SELECT article_id FROM batch_ids)")
        for table in ALL_TABLES:
            if table.name in rows:
                counts.rows[table.name] = _insert(con, table, rows[table.name])
        resolve_failures(con, articles)
        con.execute("COMMIT")
    except Exception:
        # A failed COMMIT (disk full) has already ended the transaction: then ROLLBACK raises
        # "no transaction is active", which must not hide the real cause.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    return counts


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
    versions together with all their facts; quarantine, failures, results and the run row are
    recorded. Either all of it is visible afterwards or none."""
    rows = {name: df for name, df in tables.items() if name in BY_NAME}
    rows.update(quarantine=quarantine, dq_results=results, runs=pl.DataFrame([run]),
                failures=failure_rows(con, failures, str(run["run_id"]), run["started_at"]))
    return write(con, rows)


def failure_rows(con: duckdb.DuckDBPyConnection, failures: pl.DataFrame, run_id: str, when: object) -> pl.DataFrame:
    """FAILURES rows keyed by (input, stage): a source that fails again counts one more attempt."""
    if failures.height == 0:
        return FAILURES.empty()
    records = failures.to_dicts()
    ids = [stable_id(f.get("identity") or f["source"], f["stage"]) for f in records]
    # One query for the earlier attempts of the whole batch, not one per failure.
    prior = dict(con.execute("SELECT failure_id, attempts FROM failures WHERE list_contains(?, failure_id)",
                             [ids]).fetchall())
    rows = [
        {"failure_id": fid, "run_id": run_id, "source": f["source"], "stage": f["stage"], "reason": f["reason"],
         "raw_ref": f.get("raw_ref"), "attempts": (prior.get(fid) or 0) + 1, "failed_at": when, "resolved_at": None,
         "content_hash": f.get("content_hash")}
        for fid, f in zip(ids, records, strict=True)
    ]
    return FAILURES.conform(pl.DataFrame(rows).unique("failure_id", keep="last", maintain_order=True))


def resolve_failures(con: duckdb.DuckDBPyConnection, articles: pl.DataFrame) -> None:
    """A source that became an article after all is no longer an open failure."""
    if articles.height == 0:
        return
    loaded_urls = articles.select("url").to_arrow()  # noqa: F841 - read by name below
    con.execute(
        "UPDATE failures SET resolved_at = now() WHERE resolved_at IS NULL "
        "AND source IN (SELECT url FROM loaded_urls)"
    )


def read_results(db_path: str | Path, run_id: str, wait_s: float = 120.0) -> pl.DataFrame:
    """The DQ_RESULTS rows of one run (the Data Docs render them)."""
    from warehouse.dq_results import DQ_RESULTS

    with connect(db_path, read_only=True, wait_s=wait_s) as con:
        frame = query_frame(con, "SELECT * FROM dq_results WHERE run_id = $run ORDER BY suite, expectation",
                            {"run": run_id})
    return DQ_RESULTS.conform(frame)


def record_run(con: duckdb.DuckDBPyConnection, run: dict[str, object]) -> None:
    """Write or overwrite a run row on its own (for runs that failed before their load)."""
    _insert(con, RUNS, pl.DataFrame([run]))


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t.name: con.execute(f"SELECT count(*) FROM {t.name}").fetchall()[0][0] for t in ALL_TABLES}
