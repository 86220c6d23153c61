"""Releasing quarantined rows after a rule change.

Quarantined rows are kept whole (`quarantine.row_json`). A release re-validates the open ones
(released_at IS NULL) against the CURRENT rules, row suites and cross-table checks alike, loads those
that pass into their table and stamps their quarantine rows with `released_at`; the others stay.
Facts are checked against their article as it is in the warehouse (or as released with them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

import duckdb
import polars as pl

from expectations.cross import validate_batch
from warehouse.articles import ARTICLES
from warehouse.entities import known_names
from warehouse.tables import BY_NAME

# Tables a quarantined row can be released into (bookkeeping tables are never quarantined).
RELEASABLE = ("articles", "quotes", "fragments", "figures", "events", "entities")


@dataclass
class ReleaseResult:
    """Rows released (loaded) and kept in quarantine, per table; `superseded` counts article rows
    not released because a later run loaded that article anew."""

    released: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    superseded: int = 0


def _frame(rows: list[str], table_name: str) -> pl.DataFrame:
    table = BY_NAME[table_name]
    records = [json.loads(r) for r in rows]
    df = pl.DataFrame(records, infer_schema_length=None) if records else table.empty()
    # JSON gave dates as ISO strings, and polars 2 no longer casts strings to dates: parse them.
    parsed = []
    for c in table.columns:
        if c.name in df.columns and df.schema[c.name] == pl.String and c.sql_type in ("DATE", "TIMESTAMP"):
            parse = pl.col(c.name).str.to_date(strict=False) if c.sql_type == "DATE" else \
                pl.col(c.name).str.to_datetime(time_unit="us", strict=False)
            parsed.append(parse)
    return table.conform(df.with_columns(parsed) if parsed else df)


def open_rows(
    con: duckdb.DuckDBPyConnection, table: str | None = None, expectation: str | None = None
) -> list[tuple[str, str, str]]:
    """(table_name, row_key, row_json) of the open quarantined rows matching the filters, one per
    row (a row that broke several expectations is quarantined once per expectation), the latest
    version when a key was quarantined more than once."""
    return con.execute(
        """
        SELECT table_name, row_key, arg_max(row_json, quarantined_at)
        FROM quarantine
        WHERE released_at IS NULL AND list_contains(?, table_name)
          AND (? IS NULL OR table_name = ?) AND (? IS NULL OR expectation = ?)
        GROUP BY table_name, row_key
        ORDER BY table_name, row_key
        """,
        [list(RELEASABLE), table, table, expectation, expectation],
    ).fetchall()


def release(
    con: duckdb.DuckDBPyConnection,
    *,
    table: str | None = None,
    expectation: str | None = None,
    now: datetime | None = None,
) -> ReleaseResult:
    """Re-validate the open quarantined rows (optionally only of `table`, or only those that broke
    `expectation`) and load those that pass, in one transaction."""
    now = now or datetime.now().replace(microsecond=0)
    candidates = open_rows(con, table, expectation)
    by_table: dict[str, list[tuple[str, str]]] = {}
    for name, key, row in candidates:
        by_table.setdefault(name, []).append((key, row))
    result = ReleaseResult()
    loaded_ids = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
    tables = {name: _frame([row for _, row in rows], name) for name, rows in by_table.items()}
    if "articles" in tables:
        fresh = ~pl.col("article_id").is_in(list(loaded_ids))
        result.superseded = tables["articles"].filter(~fresh).height
        tables["articles"] = tables["articles"].filter(fresh)
    # The articles the quarantined facts hang off, as loaded: the facts are checked against them
    # (their article exists; events not after its publication) but they are not loaded again.
    referenced = {a for name, df in tables.items() if "article_id" in df.columns and name != "articles"
                  for a in df["article_id"].to_list()}
    context_ids = sorted(referenced & loaded_ids)
    context = ARTICLES.conform(pl.from_arrow(con.sql("SELECT * FROM articles WHERE list_contains(?, article_id)",
                                                     params=[context_ids]).to_arrow_table()))
    released_articles = tables.get("articles", ARTICLES.empty())
    tables["articles"] = pl.concat([released_articles, context])
    # Bodies are quoted under the names the texts give them, which are their rows' aliases.
    known = known_names(con)
    validation = validate_batch(tables, run_id=f"release-{now:%Y%m%dT%H%M%S}", now=now, known_entities=known)
    passed = dict(validation.tables)
    passed["articles"] = passed["articles"].filter(~pl.col("article_id").is_in(context_ids))

    con.execute("BEGIN TRANSACTION")
    try:
        for name, rows in by_table.items():
            t = BY_NAME[name]
            ok = passed.get(name, t.empty())
            keys = [str(k) for k in ok[t.key].to_list()]
            if ok.height:
                frame = t.conform(ok).to_arrow()  # noqa: F841 - read by name below (replacement scan)
                cols = ", ".join(t.column_names)
                con.execute(f"INSERT OR REPLACE INTO {name} ({cols}) SELECT {cols} FROM frame")
                con.execute("UPDATE quarantine SET released_at = ? WHERE released_at IS NULL AND table_name = ? "
                            "AND list_contains(?, row_key)", [now, name, keys])
            result.released[name] = len(keys)
            result.kept[name] = len(rows) - len(keys)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return result
