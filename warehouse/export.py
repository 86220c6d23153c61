"""Writing the warehouse out as Parquet, for tools that read Parquet rather than DuckDB files.

Every table goes to `DIR/<table>/`. Fact tables and `articles` are Hive-partitioned by the month
their article was published (`DIR/quotes/published_month=2024-02/….parquet`; undated articles under
`published_month=unknown`), so that a reader can prune by month; the other tables are one file each.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.schema import sql_literal
from warehouse.tables import ALL_TABLES, FACT_TABLES

# Tables partitioned by publication month: the article tables, whose rows have a publication date.
PARTITIONED = ("articles", *(t.name for t in FACT_TABLES))
MONTH = "coalesce(strftime(a.published_at, '%Y-%m'), 'unknown') AS published_month"


def export_parquet(con: duckdb.DuckDBPyConnection, out_dir: Path) -> dict[str, int]:
    """Write every table of the warehouse under `out_dir`, replacing an earlier export; returns
    rows written per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in ALL_TABLES:
        target = out_dir / table.name
        if table.name in PARTITIONED:
            source = (f"SELECT a.*, {MONTH} FROM articles a" if table.name == "articles" else
                      f"SELECT t.*, {MONTH} FROM {table.name} t LEFT JOIN articles a USING (article_id)")
            options = "FORMAT parquet, PARTITION_BY (published_month), FILENAME_PATTERN 'part_{i}'"
        else:
            source = f"SELECT * FROM {table.name}"
            options = "FORMAT parquet"
            target = target.with_suffix(".parquet")
        _clear(target)
        con.execute(f"COPY ({source}) TO {sql_literal(str(target))} ({options})")
        counts[table.name] = con.execute(f"SELECT count(*) FROM {table.name}").fetchall()[0][0]
    return counts


def _clear(target: Path) -> None:
    """Remove an earlier export of one table, so that an export never mixes two runs' files."""
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        target.rmdir()
    elif target.exists():
        target.unlink()
