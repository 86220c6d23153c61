"""The `warta` command line (docs/CONTRACT.md fixes `warta run`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from warta import __version__
from warta.errors import UserError, report_error, set_verbose
from warta.lifecycle import managed_run
from warta.settings import DEFAULT_DB, SAMPLE_CORPUS

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)

# Prefect's telemetry would try to reach the internet on every ephemeral server start.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# The temporary server takes 6-9 s on an idle machine and over 20 s (Prefect's default wait) on a busy one.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"warta {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="print the version and exit")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="show tracebacks and Prefect's error logs "
                                          "(they always go to the log file)")] = False,
) -> None:
    """warta: Indonesian news articles in, a DuckDB warehouse of facts out."""
    set_verbose(verbose)


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
    with managed_run():  # failures are reported by main(): the flow has recorded the failed run
        summary = flow(inputs=inputs, db=str(db), force=force)
    print_summary(summary)


def print_summary(summary: dict) -> None:
    typer.echo("")
    typer.echo(f"Loaded into {summary['db']} (run {summary['run_id']})")
    typer.echo(f"  documents pulled: {summary['documents_in']}, unchanged and skipped: "
               f"{summary['articles_unchanged']}, rows quarantined: {summary['quarantined']}, "
               f"inputs failed: {summary['failures']}")
    typer.echo(f"  {'table':<12}{'this run':>10}{'in file':>10}")
    for name, total in summary["totals"].items():
        typer.echo(f"  {name:<12}{summary['loaded'].get(name, 0):>10}{total:>10}")
    if summary.get("report"):
        typer.echo(f"\nRun report: {summary['report']}")
    if summary.get("data_docs"):
        typer.echo(f"Data Docs:  {summary['data_docs']}")
    typer.echo(f"\nQuery it:  duckdb {summary['db']} \"select title, published_at from articles\"")


@app.command()
def reprocess(
    db: Annotated[Path, typer.Option(help="the DuckDB file whose raw pages are re-extracted")] = DEFAULT_DB,
) -> None:
    """Re-extract every page kept in the raw store (after the extraction rules changed), without
    fetching again, and replace those articles' facts."""
    from flows.pipeline import etl
    from sources.pull import RAW_STORE_INPUT

    _need_warehouse(db)
    with managed_run():
        summary = etl(inputs=[RAW_STORE_INPUT], db=str(db), force=True)
    print_summary(summary)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Option(help="folder of gold *.json files")],
    db: Annotated[Path, typer.Option(help="the DuckDB file to score")] = DEFAULT_DB,
    verbose: Annotated[bool, typer.Option(help="list every miss")] = False,
) -> None:
    """Precision, recall and F1 per table against a gold folder."""
    from warta.evaluate import format_score, score_db

    if not gold.is_dir() or not any(gold.glob("*.json")):
        raise UserError(f"no gold files at {gold}: --gold takes a folder of *.json gold files "
                        "(e.g. tests/gold/seeds)")
    _need_warehouse(db)
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

    _need_warehouse(db)
    try:
        path = write_report(db, run_id, out)
    except LookupError as exc:
        typer.secho(f"warta: {exc}", err=True, fg="red")
        raise typer.Exit(1) from exc
    typer.echo(f"Run report: {path}")


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

    _need_warehouse(db)
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

    _need_warehouse(db)
    with connect(db) as con:
        result = release(con, table=table, expectation=expectation)
    for name in sorted(result.released):
        typer.echo(f"{name}: {result.released[name]} released, {result.kept[name]} kept in quarantine")
    if result.superseded:
        typer.echo(f"articles: {result.superseded} not released, a later run loaded them anew")
    if not result.released:
        typer.echo("no open quarantined rows matched")


def _need_warehouse(db: Path) -> None:
    if not db.is_file():
        raise UserError(f"no warehouse at {db}: check --db, or create it with `warta run --db {db}`")


def main(argv: list[str] | None = None) -> int:
    """The console entry: one line per error (what failed, what to do), the traceback only with -v
    and always in the log file; 128 + signal number when a signal stopped the run."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "-v" in args[1:]:  # `warta run -v ...` as well as `warta -v run ...`
        args.remove("-v")
        args.insert(0, "-v")
    try:
        code = app(args=args, prog_name="warta", standalone_mode=False)
    except BaseException as exc:  # noqa: BLE001 - the one place every error becomes one line
        return report_error(exc, next((a for a in args if not a.startswith("-")), "run"))
    return code if isinstance(code, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
