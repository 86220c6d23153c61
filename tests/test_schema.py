"""The declarations drive the DDL: what DuckDB describes is what the table modules declare."""

import dataclasses

import duckdb
import polars as pl
import pytest

from warehouse.load import connect
from warehouse.tables import ALL_TABLES


@pytest.mark.parametrize("table", ALL_TABLES, ids=lambda t: t.name)
def test_duckdb_describe_matches_declaration(tmp_path, table) -> None:
    with connect(tmp_path / "w.duckdb") as con:
        described = con.execute(f"DESCRIBE {table.name}").fetchall()
    assert [(r[0], r[1]) for r in described] == [(c.name, c.sql_type) for c in table.columns]
    key = next(r for r in described if r[0] == table.key)
    assert key[3] == "PRI"


def test_contract_columns_are_declared() -> None:
    from warehouse.tables import BY_NAME

    contract = {
        "articles": ["article_id", "url", "outlet", "title", "published_at", "language", "body_text"],
        "quotes": ["quote_id", "article_id", "speaker", "quote_text"],
        "figures": ["figure_id", "article_id", "raw", "value", "unit"],
        "events": ["event_id", "article_id", "event_date", "date_precision", "event_type", "participants", "place"],
    }
    for name, cols in contract.items():
        assert set(cols) <= set(BY_NAME[name].column_names), name


def test_conform_casts_and_fills_missing_columns() -> None:
    from warehouse.figures import FIGURES

    df = FIGURES.conform(pl.DataFrame({"figure_id": ["a"], "value": ["12.5"]}))
    assert df.columns == FIGURES.column_names
    assert df.schema["value"] == pl.Float64
    assert df["value"][0] == 12.5 and df["raw"][0] is None


def test_schema_creation_is_repeatable(tmp_path) -> None:
    path = tmp_path / "w.duckdb"
    for _ in range(2):
        with connect(path):
            pass
    con = duckdb.connect(str(path), read_only=True)
    assert {t.name for t in ALL_TABLES} <= {r[0] for r in con.execute("show tables").fetchall()}
    con.close()


def test_a_file_made_before_a_column_was_declared_gets_it(tmp_path) -> None:
    from warehouse.articles import ARTICLES

    path = tmp_path / "old.duckdb"
    older = dataclasses.replace(ARTICLES, columns=tuple(c for c in ARTICLES.columns if c.name != "duplicate_of"))
    con = duckdb.connect(str(path))
    con.execute(older.ddl())
    con.execute("INSERT INTO articles (article_id, url, body_text, content_hash) VALUES ('a', 'file:///a', 'x', 'h')")
    con.close()
    with connect(path) as con:
        described = con.execute("DESCRIBE articles").fetchall()
        rows = con.execute("SELECT article_id, duplicate_of FROM articles").fetchall()
    assert [r[0] for r in described] == ARTICLES.column_names
    assert rows == [("a", None)]
