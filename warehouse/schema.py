"""How a table is declared: once, and from that the DuckDB DDL, the polars schema and the
expectation suite are derived."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

_POLARS_TYPES: dict[str, pl.DataType] = {
    "VARCHAR": pl.String(),
    "DATE": pl.Date(),
    "TIMESTAMP": pl.Datetime("us"),
    "DOUBLE": pl.Float64(),
    "BIGINT": pl.Int64(),
    "BIGINT[]": pl.List(pl.Int64()),
    "INTEGER": pl.Int32(),
    "BOOLEAN": pl.Boolean(),
    "VARCHAR[]": pl.List(pl.String()),
}

# The earliest date a published_at or event_date may hold (older ones are misread years).
EARLIEST_DATE = date(1900, 1, 1)


@dataclass(frozen=True)
class Column:
    """One column: its DuckDB type and the row-level rules its values must keep."""

    name: str
    sql_type: str
    description: str = ""
    nullable: bool = True
    allowed: tuple[str, ...] | None = None
    regex: str | None = None
    min_value: float | date | None = None
    max_value: float | date | None = None
    # For dates: the latest allowed is today plus this many days (a bound that moves with time).
    max_days_ahead: int | None = None

    @property
    def polars_type(self) -> pl.DataType:
        return _POLARS_TYPES[self.sql_type]


@dataclass(frozen=True)
class Table:
    """A warehouse table. `key` is the primary key; `article_key` names the column that ties
    a row to its article, for per-article delete-and-insert loads."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: str
    article_key: str | None = "article_id"
    # How a load writes it: "merge" upserts on the key, "append" only adds rows (a key seen
    # before keeps its first row). A table with an `article_key` other than `articles` itself
    # is replaced per article: a re-loaded article's old rows are deleted first.
    disposition: str = "merge"
    indexes: tuple[str, ...] = field(default=())
    # With "merge": a stored row is replaced only when one of these columns differs (a row made
    # again from the same input keeps what later steps wrote into it). Empty: always replaced.
    replace_when_changed: tuple[str, ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def polars_schema(self) -> pl.Schema:
        return pl.Schema({c.name: c.polars_type for c in self.columns})

    def ddl(self) -> str:
        cols = []
        for c in self.columns:
            parts = [c.name, c.sql_type]
            if c.name == self.key:
                parts.append("PRIMARY KEY")
            elif not c.nullable:
                parts.append("NOT NULL")
            cols.append(" ".join(parts))
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n    " + ",\n    ".join(cols) + "\n)"

    def comments(self) -> list[str]:
        """`COMMENT ON` statements for the table and each of its columns, from the declaration,
        so that the DuckDB file says what every column means (`duckdb_columns()`)."""
        return comment_statements("TABLE", self.name, self.description,
                                  {c.name: c.description for c in self.columns})

    def comment_targets(self) -> list[tuple[str, str | None, str]]:
        """(table, column or None, comment) of each statement of `comments()`, in order."""
        return comment_targets(self.name, self.description, {c.name: c.description for c in self.columns})

    def add_column_ddl(self, present: set[str]) -> list[str]:
        """ALTER statements adding the declared columns a file made by an older version lacks
        (declared last, so DuckDB appends them in the declared order)."""
        return [f"ALTER TABLE {self.name} ADD COLUMN {c.name} {c.sql_type}"
                for c in self.columns if c.name not in present]

    @property
    def hangs_off_articles(self) -> bool:
        return self.article_key is not None and self.name != "articles"

    def empty(self) -> pl.DataFrame:
        return pl.DataFrame(schema=self.polars_schema())

    def conform(self, df: pl.DataFrame) -> pl.DataFrame:
        """The frame with exactly this table's columns, in order, cast to their declared types;
        missing columns come as nulls."""
        exprs = []
        for c in self.columns:
            if c.name in df.columns:
                exprs.append(pl.col(c.name).cast(c.polars_type, strict=False))
            else:
                exprs.append(pl.lit(None, dtype=c.polars_type).alias(c.name))
        return df.select(exprs)


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def comment_statements(kind: str, name: str, description: str, columns: dict[str, str]) -> list[str]:
    """`COMMENT ON {kind} name` and `COMMENT ON COLUMN name.col` for every column."""
    out = [f"COMMENT ON {kind} {name} IS {sql_literal(description)}"]
    for col, text in columns.items():
        if not text:
            raise ValueError(f"{name}.{col} has no description: every column is documented in the file")
        out.append(f"COMMENT ON COLUMN {name}.{col} IS {sql_literal(text)}")
    return out


def comment_targets(name: str, description: str, columns: dict[str, str]) -> list[tuple[str, str | None, str]]:
    return [(name, None, description), *((name, col, text) for col, text in columns.items())]

def query_frame(con: Any, sql: str, params: object = None) -> pl.DataFrame:
    """The result of a query on a DuckDB connection, as a polars frame (through Arrow, so list
    and date columns keep their types; DuckDB 2.0 results no longer have `.pl()`)."""
    table = con.sql(sql, params=params).to_arrow_table()
    return pl.from_arrow(table)  # type: ignore[return-value]  # a Table gives a DataFrame
