"""`warta sql`: ad-hoc SQL against the warehouse file, read-only.

DuckDB's own CLI on the registry is a 1.x build that cannot open DuckDB 2.0 files, so this is a
small prompt on the duckdb package the project pins: GNU readline for editing and history
(`~/.warta_sql_history`, or `WARTA_SQL_HISTORY`), rich for readable tables. A statement ends at
a `;` (it may span lines); dot commands list tables and views and describe them with the
comments the file carries. The connection is read-only, so nothing typed here can change the
warehouse, and it is held only while the prompt is open (a scheduled load waits for it).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import duckdb
import polars as pl
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "csv", "json", "parquet")
# Rows shown on screen; the full result goes to a file with --format/--output.
MAX_ROWS = 50
MAX_CELL = 80
HELP = """Statements end with `;` and may span lines. Commands:
  .tables            tables and views, with what one row is
  .schema NAME       columns of a table or view, with their types and meanings
  .help              this text
  .quit              leave (or Ctrl-D)"""


def query(con: duckdb.DuckDBPyConnection, sql: str) -> pl.DataFrame | None:
    """The result of one statement as a frame; None for a statement that returns no rows."""
    rel = con.sql(sql)
    return rel.pl() if rel is not None else None


def _cell(value: object) -> str:
    if value is None:
        return "NULL"
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def render(df: pl.DataFrame, console: Console, max_rows: int = MAX_ROWS) -> None:
    """A result as a table on the console, at most `max_rows` rows, then how many there were."""
    table = Table(show_lines=False, header_style="bold")
    for name, dtype in df.schema.items():
        numeric = dtype.is_numeric()
        table.add_column(name, justify="right" if numeric else "left", overflow="fold")
    for row in df.head(max_rows).iter_rows():
        table.add_row(*(_cell(v) for v in row))
    console.print(table)
    more = f", first {max_rows} shown" if df.height > max_rows else ""
    console.print(f"{df.height} row{'s' if df.height != 1 else ''}{more}", style="dim")


def write(df: pl.DataFrame, fmt: str, output: Path | None, stdout: TextIO | None = None) -> None:
    """A result as CSV, JSON (one array of objects) or Parquet, to `output` or standard output
    (Parquet needs a file)."""
    stdout = stdout or sys.stdout
    if fmt == "parquet":
        if output is None:
            raise ValueError("--format parquet needs --output FILE")
        df.write_parquet(output)
    elif fmt == "csv":
        # Lists (participants, parties) have no CSV form: written as `a; b`.
        flat = df.with_columns(pl.col(c).list.join("; ") for c, t in df.schema.items() if isinstance(t, pl.List))
        flat.write_csv(output) if output else stdout.write(flat.write_csv())
    elif fmt == "json":
        text = df.write_json()
        output.write_text(text + "\n", encoding="utf-8") if output else stdout.write(text + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def describe_objects(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return query(con, """
        SELECT table_name AS name, 'table' AS type, estimated_size AS rows, comment AS one_row_per
        FROM duckdb_tables() WHERE NOT internal AND schema_name = current_schema()
        UNION ALL
        SELECT view_name, 'view', NULL, comment
        FROM duckdb_views() WHERE NOT internal AND schema_name = current_schema()
        ORDER BY type, name""")


def describe(con: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame:
    rows = con.execute("""
        SELECT column_name, data_type, comment
        FROM duckdb_columns() WHERE table_name = ? AND schema_name = current_schema()
        ORDER BY column_index""", [name]).fetchall()
    return pl.DataFrame(rows, schema=["column", "type", "meaning"], orient="row")


def history_path() -> Path:
    return Path(os.environ.get("WARTA_SQL_HISTORY") or Path.home() / ".warta_sql_history")


class Prompt:
    """The read-eval-print loop: lines in, tables out, until `.quit` or end of input."""

    def __init__(self, con: duckdb.DuckDBPyConnection, console: Console,
                 read: Callable[[str], str] = input) -> None:
        self.con, self.console, self.read = con, console, read

    def run(self) -> None:
        self.console.print(f"warta sql (read-only). {HELP.splitlines()[0]} .help for commands.", style="dim")
        buffer: list[str] = []
        while True:
            try:
                line = self.read("   ...> " if buffer else "warta> ")
            except EOFError:
                self.console.print()
                return
            except KeyboardInterrupt:  # Ctrl-C drops the statement being typed, as in psql
                buffer = []
                self.console.print()
                continue
            stripped = line.strip()
            if not buffer and stripped.startswith("."):
                try:
                    if not self.command(stripped):
                        return
                except duckdb.Error as exc:
                    self.console.print(f"error: {str(exc).splitlines()[0]}", style="red", markup=False)
                continue
            if stripped:
                buffer.append(line)
            if buffer and stripped.endswith(";"):
                self.execute("\n".join(buffer))
                buffer = []

    def command(self, text: str) -> bool:
        """Run a dot command; False when it asks to leave."""
        word, _, arg = text.partition(" ")
        if word in (".quit", ".exit", ".q"):
            return False
        if word == ".tables":
            render(describe_objects(self.con), self.console, max_rows=1000)
        elif word == ".schema" and arg.strip():
            render(describe(self.con, arg.strip().rstrip(";")), self.console, max_rows=1000)
        else:
            self.console.print(HELP)
        return True

    def execute(self, sql: str) -> None:
        try:
            df = query(self.con, sql)
        except duckdb.Error as exc:
            # One line, and the prompt goes on.
            self.console.print(f"error: {str(exc).splitlines()[0]}", style="red", markup=False)
            return
        if df is None:
            self.console.print("ok", style="dim")
        else:
            render(df, self.console)


def interactive(con: duckdb.DuckDBPyConnection, console: Console) -> None:
    """The prompt, with line editing and history when GNU readline is there."""
    try:
        import readline
    except ImportError:  # pragma: no cover - Python builds without readline still get a prompt
        readline = None  # type: ignore[assignment]
    history = history_path()
    if readline is not None:
        with contextlib.suppress(OSError):
            readline.read_history_file(history)
        readline.set_history_length(2000)
    try:
        Prompt(con, console).run()
    finally:
        if readline is not None:
            try:
                readline.write_history_file(history)
            except OSError as exc:
                console.print(f"history not saved: {exc}", style="dim")
