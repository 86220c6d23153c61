"""The `warta` command line (docs/CONTRACT.md fixes `warta run`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from warta import __version__
from warta.errors import UserError, is_verbose, report_error, set_verbose
from warta.lifecycle import managed_run, start_server_early
from warta.settings import DEFAULT_DB, SAMPLE_CORPUS, Settings

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
    retry_failed: Annotated[bool, typer.Option(help="try again inputs that failed before although they have not "
                                               "changed (they are skipped otherwise)")] = False,
    chunk_size: Annotated[int | None, typer.Option(help="documents per chunk (one task, one transaction); "
                                                   "default WARTA_CHUNK_SIZE or 200")] = None,
    workers: Annotated[int | None, typer.Option(help="worker processes that transform chunks; default: every core")
                       ] = None,
    dask: Annotated[str | None, typer.Option(help="run the chunks on Dask: 'local' for a local cluster, or the "
                                             "address of an existing scheduler, e.g. tcp://10.0.0.5:8786")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's log lines here instead of only "
                                          "in the log file beside the DuckDB file")] = False,
) -> None:
    """Pull the inputs, extract their facts, validate and load them into --db, chunk by chunk."""
    inputs = [*(input or []), *ctx.args] or [str(SAMPLE_CORPUS)]
    if any(a.startswith("-") for a in ctx.args):
        raise typer.BadParameter(f"unknown option among {ctx.args}")
    verbose = verbose or is_verbose()  # `warta -v run` as well as `warta run -v`
    start_server_early()  # first: its start-up overlaps with the imports below
    log_file = log_file_setting(db, verbose)
    settings = Settings()
    workers = workers or settings.workers
    # While the server starts, the worker processes import the transform stack too
    # (warta/workers.py); the pool's are started after the log file is set, which they inherit.
    if dask and dask != "local":
        from warta.workers import warm_cluster

        warm_cluster(dask)
    elif not dask:
        from warta.workers import prestart

        prestart(inputs, db, workers, chunk_size or settings.chunk_size, force=force)
    route_logs(log_file)
    from flows.pipeline import etl
    from warta import progress

    flow = etl.with_options(task_runner=task_runner(dask, workers))
    progress.enable(sys.stderr.isatty() and not verbose)
    with managed_run():  # failures are reported by main(): the flow has recorded the failed run
        summary = flow(inputs=inputs, db=str(db), force=force, retry_failed=retry_failed, chunk_size=chunk_size)
    print_summary(summary)


def task_runner(dask: str | None, workers: int):  # -> prefect.task_runners.TaskRunner
    """`workers` worker processes on this machine, or a Dask cluster: `local` starts one with
    `workers` processes; an address (tcp://host:8786) uses a running scheduler and its workers."""
    if dask:
        from prefect_dask import DaskTaskRunner

        from flows.on_dask import dask_runner

        if dask == "local":
            return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "processes": True, "threads_per_worker": 1})
        return dask_runner(dask)
    from flows.pool import pool

    return pool(workers)


def log_file_setting(db: Path, verbose: bool) -> Path | None:
    """Prefect's per-task lines go to `<db stem>.log` beside the DuckDB file (worker processes
    too, see warta.chunks.warm) unless --verbose; the terminal keeps the progress bar and summary.
    Set in the environment, where Prefect's logging setup reads it, here and in every worker
    process started after this."""
    if verbose:
        return None
    log_file = db.expanduser().resolve().with_suffix(".log")
    log_file.parent.mkdir(parents=True, exist_ok=True)
    os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] = "CRITICAL"
    os.environ["WARTA_LOG_FILE"] = str(log_file)
    return log_file


def route_logs(log_file: Path | None) -> None:
    """This process's log lines to `log_file` (from `log_file_setting`), when there is one."""
    if log_file is None:
        return
    from warta.logfile import attach

    attach()
    # Our own warnings (a wait for the file's lock) still reach the terminal: a wait of minutes
    # must not look like a hang. Prefect's console handler is silenced (`log_file_setting`).
    import logging

    notice = logging.StreamHandler(sys.stderr)
    notice.setLevel(logging.WARNING)
    notice.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("warta").addHandler(notice)


def print_summary(summary: dict) -> None:
    typer.echo("")
    typer.echo(f"Loaded into {summary['db']} (run {summary['run_id']}, {summary.get('status', 'completed')})")
    typer.echo(f"  documents pulled: {summary['documents_in']}, unchanged and skipped: "
               f"{summary['articles_unchanged']}, rows quarantined: {summary['quarantined']}, "
               f"inputs failed: {summary['failures']}")
    typer.echo(f"  {'table':<20}{'this run':>10}{'in file':>10}")
    for name, total in summary["totals"].items():
        typer.echo(f"  {name:<20}{summary['loaded'].get(name, 0):>10}{total:>10}")
    broken = [s for s in summary.get("sources") or [] if s["status"] in ("failed", "no articles")]
    for source in broken:
        typer.secho(f"  input {source['input']}: {source['status']} ({source['documents']} documents, "
                    f"{source['failures']} failures)", fg="yellow")
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


_exit_code = [0]


def _exit_quietly() -> None:
    """Registered first, so it runs after every other exit handler (Prefect's temporary server
    stops in one): leave without the interpreter's final teardown, in which native libraries
    print reference-leak reports that are not ours to act on."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_exit_code[0])


def main(argv: list[str] | None = None) -> int:
    """The console entry: one line per error (what failed, what to do), the traceback only with -v
    and always in the log file; 128 + signal number when a signal stopped the run."""
    import atexit

    if argv is None:  # the console command, not a test calling main() in its own process
        atexit.register(_exit_quietly)
    args = list(sys.argv[1:] if argv is None else argv)
    if "-v" in args[1:]:  # `warta run -v ...` as well as `warta -v run ...`
        args.remove("-v")
        args.insert(0, "-v")
    try:
        code = app(args=args, prog_name="warta", standalone_mode=False)
    except BaseException as exc:  # noqa: BLE001 - the one place every error becomes one line
        code = report_error(exc, next((a for a in args if not a.startswith("-")), "run"))
    _exit_code[0] = code if isinstance(code, int) else 0
    return _exit_code[0]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
