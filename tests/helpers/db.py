"""Reading a warehouse file in tests: short read-only connections, so a test never holds the lock."""

from __future__ import annotations

from pathlib import Path

import duckdb


def query(db: Path | str, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def snapshot(db: Path | str, tables: tuple[str, ...]) -> dict[str, list[str]]:
    """Every row of `tables`, order-free, to compare a file before and after a run."""
    return {t: sorted(map(repr, query(db, f"select * from {t}"))) for t in tables}
