"""How a table is declared: once, and from that the DuckDB DDL, the polars schema and the
expectation suite are derived."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import polars as pl

_POLARS_TYPES: dict[str, pl.DataType] = {
    "VARCHAR": pl.String(),
    "DATE": pl.Date(),
    "TIMESTAMP": pl.Datetime("us"),
    "DOUBLE": pl.Float64(),
    "BIGINT": pl.Int64(),
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
    # How a load writes it: "merge" upserts on the key, "append" only adds rows.
    disposition: str = "merge"
    indexes: tuple[str, ...] = field(default=())

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
