"""The `warta` command line (docs/CONTRACT.md fixes `warta run`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from warta.settings import DEFAULT_DB, SAMPLE_CORPUS

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)

# Prefect's telemetry would try to reach the internet on every ephemeral server start.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@app.command(context_settings={"allow_extra_args": True})
def run(
    ctx: typer.Context,
    input: Annotated[list[str] | None, typer.Option("--input", "-i", help="file, folder, article URL, feed or sitemap; "
                                                    "several may follow one --input")] = None,
    db: Annotated[Path, typer.Option(help="the DuckDB file to load into (created when missing)")] = DEFAULT_DB,
    force: Annotated[bool, typer.Option(help="re-extract articles whose input has not changed")] = False,
    dask: Annotated[str | None, typer.Option(help="run tasks on Dask: 'local' for a local cluster, or a "
                                             "scheduler address")] = None,
) -> None:
    """Pull the inputs, extract their facts, validate and load them into --db."""
    inputs = [*(input or []), *ctx.args] or [str(SAMPLE_CORPUS)]
    if any(a.startswith("-") for a in ctx.args):
        raise typer.BadParameter(f"unknown option among {ctx.args}")
    from flows.pipeline import etl

    flow = etl
    if dask:
        from prefect_dask import DaskTaskRunner

        runner = DaskTaskRunner() if dask == "local" else DaskTaskRunner(address=dask)
        flow = etl.with_options(task_runner=runner)
    try:
        summary = flow(inputs=inputs, db=str(db), force=force)
    except Exception as exc:  # the flow has recorded the failed run; say why and exit non-zero
        typer.secho(f"warta: the run failed: {type(exc).__name__}: {exc}", err=True, fg="red")
        raise typer.Exit(1) from exc
    print_summary(summary)


def print_summary(summary: dict) -> None:
    typer.echo("")
    typer.echo(f"Loaded into {summary['db']} (run {summary['run_id']})")
    typer.echo(f"  documents pulled: {summary['documents_in']}, unchanged and skipped: "
               f"{summary['articles_unchanged']}, rows quarantined: {summary['quarantined']}, "
               f"inputs failed: {summary['failures']}")
    typer.echo(f"  {'table':<20}{'this run':>10}{'in file':>10}")
    for name, total in summary["totals"].items():
        typer.echo(f"  {name:<20}{summary['loaded'].get(name, 0):>10}{total:>10}")
    if summary.get("report"):
        typer.echo(f"\nRun report: {summary['report']}")
    if summary.get("data_docs"):
        typer.echo(f"Data Docs:  {summary['data_docs']}")
    # The command as it was typed (`.venv/bin/warta` when the venv is not on PATH), so the hint runs.
    warta = sys.argv[0] if Path(sys.argv[0]).name == "warta" else "warta"
    query = "select * from event_timeline order by event_end desc"
    typer.echo(f"\nQuery it:  {warta} sql --db {summary['db']} \"{query}\"")


@app.command()
def reprocess(
    db: Annotated[Path, typer.Option(help="the DuckDB file whose raw pages are re-extracted")] = DEFAULT_DB,
) -> None:
    """Re-extract every page kept in the raw store (after the extraction rules changed), without
    fetching again, and replace those articles' facts."""
    from flows.pipeline import etl
    from sources.pull import RAW_STORE_INPUT

    try:
        summary = etl(inputs=[RAW_STORE_INPUT], db=str(db), force=True)
    except Exception as exc:
        typer.secho(f"warta: the reprocess failed: {type(exc).__name__}: {exc}", err=True, fg="red")
        raise typer.Exit(1) from exc
    print_summary(summary)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option(help="folder of gold *.json files")],
    db: Annotated[Path, typer.Option(help="the DuckDB file to score")] = DEFAULT_DB,
    verbose: Annotated[bool, typer.Option(help="list every miss")] = False,
) -> None:
    """Precision, recall and F1 per table against a gold folder."""
    from warta.evaluate import format_score, score_db

    typer.echo(format_score(score_db(db, gold), verbose=verbose))


@app.command("report")
def report(
    db: Annotated[Path, typer.Option(help="the DuckDB file (opened read-only)")] = DEFAULT_DB,
    out: Annotated[Path | None, typer.Option(help="where to write the HTML; default <db dir>/reports/run-<id>.html "
                                             "and latest.html")] = None,
    run_id: Annotated[str | None, typer.Option("--run", help="the run to report on; default the latest")] = None,
) -> None:
    """Rebuild the run report (one self-contained HTML page) from the DuckDB file."""
    from reports.run_report import write_report

    if not db.exists():
        raise typer.BadParameter(f"{db} does not exist", param_hint="--db")
    try:
        path = write_report(db, run_id, out)
    except LookupError as exc:
        typer.secho(f"warta: {exc}", err=True, fg="red")
        raise typer.Exit(1) from exc
    typer.echo(f"Run report: {path}")


@app.command("sql")
def sql(
    statement: Annotated[str | None, typer.Argument(help="one SQL statement; without it, a prompt opens")] = None,
    db: Annotated[Path, typer.Option(help="the DuckDB file (opened read-only)")] = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, json or parquet")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write the result to this file")] = None,
) -> None:
    """Ad-hoc SQL against the warehouse, read-only: one statement, or an interactive prompt with
    history and readable tables (`.tables`, `.schema NAME`, `.quit`)."""
    import duckdb
    from rich.console import Console

    from warehouse.load import WarehouseBusy, connect
    from warta import sql as prompt
    from warta.settings import get_settings

    if fmt not in prompt.FORMATS:
        raise typer.BadParameter(f"one of {', '.join(prompt.FORMATS)}", param_hint="--format")
    if not db.exists():
        hint = f"{db} does not exist; load it first with `warta run --db {db}`"
        raise typer.BadParameter(hint, param_hint="--db")
    console = Console(width=None if sys.stdout.isatty() else 200)
    try:
        with connect(db, read_only=True, wait_s=get_settings().lock_wait_s) as con:
            if statement is None:
                prompt.interactive(con, console)
                return
            result = prompt.query(con, statement)
            if result is None:
                return
            if fmt == "table" and output is None:
                prompt.render(result, console, max_rows=10_000)
            else:
                prompt.write(result, "csv" if fmt == "table" else fmt, output)
    except (duckdb.Error, ValueError, WarehouseBusy) as exc:
        typer.secho(f"warta sql: {str(exc).splitlines()[0]}", err=True, fg="red")
        raise typer.Exit(1) from exc


@app.command("export")
def export(
    parquet: Annotated[Path, typer.Option("--parquet", help="the folder to write Parquet files into")],
    db: Annotated[Path, typer.Option(help="the DuckDB file (opened read-only)")] = DEFAULT_DB,
) -> None:
    """Write every table as Parquet: fact tables and articles Hive-partitioned by publication
    month (DIR/quotes/published_month=2024-02/), the others one file each."""
    from warehouse.export import export_parquet
    from warehouse.load import connect

    if not db.exists():
        raise typer.BadParameter(f"{db} does not exist", param_hint="--db")
    with connect(db, read_only=True) as con:
        counts = export_parquet(con, parquet)
    for name, rows in counts.items():
        typer.echo(f"  {name:<12}{rows:>8} rows")
    typer.echo(f"Parquet written to {parquet}")


quarantine_app = typer.Typer(no_args_is_help=True, help="Rows that expectations rejected: list them, release them.")
app.add_typer(quarantine_app, name="quarantine")


@quarantine_app.command("list")
def quarantine_list(
    db: Annotated[Path, typer.Option(help="the DuckDB file (opened read-only)")] = DEFAULT_DB,
    table: Annotated[str | None, typer.Option(help="only rows meant for this table")] = None,
    all_rows: Annotated[bool, typer.Option("--all", help="include rows already released")] = False,
    limit: Annotated[int, typer.Option(help="at most this many rows")] = 100,
) -> None:
    """List quarantined rows: table, key, the expectation they broke and why."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT run_id, table_name, row_key, expectation, reason, released_at FROM quarantine "
            "WHERE (? IS NULL OR table_name = ?) AND (? OR released_at IS NULL) "
            "ORDER BY quarantined_at DESC, table_name, row_key LIMIT ?",
            [table, table, all_rows, limit],
        ).fetchall()
        total = con.execute("SELECT count(*) FROM quarantine WHERE (? IS NULL OR table_name = ?) "
                            "AND (? OR released_at IS NULL)", [table, table, all_rows]).fetchall()[0][0]
    finally:
        con.close()
    typer.echo(f"{'run':<10}{'table':<11}{'key':<18}{'expectation':<46}reason")
    for run_id, name, key, expectation, reason, released in rows:
        mark = f"  [released {released:%Y-%m-%d %H:%M}]" if released else ""
        typer.echo(f"{str(run_id)[:8]:<10}{name:<11}{str(key):<18}{expectation:<46}{reason}{mark}")
    typer.echo(f"{total} {'quarantined' if all_rows else 'open'} rows" + (f", {limit} shown" if total > limit else ""))


@quarantine_app.command("release")
def quarantine_release(
    db: Annotated[Path, typer.Option(help="the DuckDB file")] = DEFAULT_DB,
    table: Annotated[str | None, typer.Option(help="only rows meant for this table")] = None,
    expectation: Annotated[str | None, typer.Option(help="only rows that broke this expectation")] = None,
) -> None:
    """Re-validate open quarantined rows against the current rules; load those that now pass."""
    from expectations.release import release
    from warehouse.load import connect

    with connect(db) as con:
        result = release(con, table=table, expectation=expectation)
    for name in sorted(result.released):
        typer.echo(f"{name}: {result.released[name]} released, {result.kept[name]} kept in quarantine")
    if result.superseded:
        typer.echo(f"articles: {result.superseded} not released, a later run loaded them anew")
    if not result.released:
        typer.echo("no open quarantined rows matched")


def main() -> None:  # pragma: no cover - console entry
    sys.exit(app())
