"""The run report: one self-contained HTML page per run, rebuilt from the DuckDB file alone.

It shows the run's counts in and out, its quarantined rows with their reasons, every expectation's
result and its trend over the last runs, and charts of the warehouse (events timeline, quotes per
speaker, figures by unit over time) as inline SVG. No script, no external asset: it opens from a
file, a mail attachment or an artifact store. Every value from the data is HTML-escaped (Jinja2
autoescape), so an article that contains `<script>` shows it as text.

Written to `<db dir>/<db stem>.reports/run-<run id>.html`, and copied to `<db dir>/<db stem>.reports/latest.html`.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from reports import charts
from warta.settings import beside

TEMPLATES = Path(__file__).resolve().parent / "templates"
TREND_RUNS = 10
QUARANTINE_SHOWN = 200
EXCERPT_CHARS = 280

RUN_COUNTS = (
    ("documents_in", "documents pulled"), ("articles_unchanged", "articles unchanged (skipped)"),
    ("articles_loaded", "articles loaded"), ("quotes_loaded", "quotes loaded"),
    ("figures_loaded", "figures loaded"), ("events_loaded", "events loaded"),
    ("quarantined", "rows quarantined"), ("failures", "inputs failed"),
)


@dataclass
class ReportData:
    """Everything the page shows, read from the warehouse: plain rows (dicts) and chart SVGs."""

    db: str
    run: dict[str, Any]
    counts: list[tuple[str, Any]]
    totals: dict[str, int]
    results: list[dict[str, Any]]
    quarantine: list[dict[str, Any]]
    quarantine_total: int
    quarantine_by_reason: list[tuple[str, str, int]]
    trend_runs: list[dict[str, Any]]
    trend_rows: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    charts: dict[str, str] = field(default_factory=dict)
    sources: list[dict[str, Any]] = field(default_factory=list)
    generated_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))

    @property
    def failed_results(self) -> list[dict[str, Any]]:
        return [r for r in self.results if not r["success"]]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _sample(text: str | None) -> str:
    """The stored JSON sample, as a short readable string."""
    if not text:
        return ""
    try:
        values = json.loads(text)
    except ValueError:
        return text
    return "; ".join(str(v) for v in values) if isinstance(values, list) else str(values)


def latest_run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute("SELECT run_id FROM runs ORDER BY started_at DESC, run_id DESC LIMIT 1").fetchall()
    return rows[0][0] if rows else None


def gather(con: duckdb.DuckDBPyConnection, db: str, run_id: str | None = None) -> ReportData:
    """Read the report of `run_id` (the latest run when None) from an open warehouse connection."""
    run_id = run_id or latest_run_id(con)
    if run_id is None:
        raise LookupError(f"{db} has no runs yet: run `warta run` first")
    runs = _rows(con, "SELECT * FROM runs WHERE run_id = ?", [run_id])
    if not runs:
        raise LookupError(f"{db} has no run {run_id!r}")
    run = runs[0]
    totals = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
              for t in ("articles", "quotes", "figures", "events", "entities", "quarantine")}
    results = _rows(con, "SELECT suite, expectation, severity, success, element_count, unexpected_count, "
                         "unexpected_sample FROM dq_results WHERE run_id = ? "
                         "ORDER BY success, CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, "
                         "suite, expectation", [run_id])
    for r in results:
        r["sample"] = _sample(r.pop("unexpected_sample"))
    quarantine_total = con.execute("SELECT count(*) FROM quarantine WHERE run_id = ?", [run_id]).fetchall()[0][0]
    quarantine = _rows(con, "SELECT table_name, row_key, expectation, reason, row_json, released_at "
                            "FROM quarantine WHERE run_id = ? ORDER BY table_name, expectation, row_key LIMIT ?",
                       [run_id, QUARANTINE_SHOWN])
    by_reason = con.execute("SELECT table_name, expectation, count(*) FROM quarantine WHERE run_id = ? "
                            "GROUP BY ALL ORDER BY 3 DESC, 1, 2", [run_id]).fetchall()
    # The trend: this run and the ones before it.
    trend_runs = _rows(con, "SELECT run_id, started_at, status, quarantined FROM runs WHERE started_at <= ? "
                            "ORDER BY started_at DESC, run_id DESC LIMIT ?", [run["started_at"], TREND_RUNS])[::-1]
    ids = [r["run_id"] for r in trend_runs]
    trend_results = _rows(con, "SELECT run_id, suite, expectation, severity, success, unexpected_count "
                               "FROM dq_results WHERE list_contains(?, run_id)", [ids])
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    failed_per_run = dict.fromkeys(ids, 0)
    for r in trend_results:
        row = cells.setdefault((r["suite"], r["expectation"]),
                               {"suite": r["suite"], "expectation": r["expectation"], "severity": r["severity"],
                                "cells": {}})
        row["cells"][r["run_id"]] = (r["success"], r["unexpected_count"])
        failed_per_run[r["run_id"]] += 0 if r["success"] else 1
    for r in trend_runs:
        r["failed"] = failed_per_run[r["run_id"]]
        r["label"] = r["started_at"].strftime("%m-%d %H:%M") if r["started_at"] else r["run_id"][:8]
    # Expectations that failed somewhere in the window first: the ones worth a look.
    trend_rows = sorted(cells.values(), key=lambda row: (all(ok for ok, _ in row["cells"].values()),
                                                         row["suite"], row["expectation"]))
    for row in trend_rows:
        row["cells"] = [row["cells"].get(i) for i in ids]
        row["ever_failed"] = any(cell is not None and not cell[0] for cell in row["cells"])
    articles = _rows(con, "SELECT article_id, title, outlet, published_at, url, body_text FROM articles "
                          "ORDER BY published_at DESC NULLS LAST, article_id LIMIT 50")
    for a in articles:
        body = a.pop("body_text") or ""
        a["excerpt"] = body[:EXCERPT_CHARS] + ("…" if len(body) > EXCERPT_CHARS else "")
    data = ReportData(
        db=db, run=run, counts=[(label, run.get(key)) for key, label in RUN_COUNTS], totals=totals,
        # Per-input health of the run (runs.sources, JSON), when the run recorded it.
        sources=json.loads(run["sources"]) if run.get("sources") else [],
        results=results, quarantine=quarantine, quarantine_total=quarantine_total,
        quarantine_by_reason=[tuple(r) for r in by_reason], trend_runs=trend_runs, trend_rows=trend_rows,
        articles=articles,
    )
    data.charts = draw_charts(con, trend_runs)
    return data


def draw_charts(con: duckdb.DuckDBPyConnection, trend_runs: list[dict[str, Any]]) -> dict[str, str]:
    """The report's SVG charts, drawn from the whole warehouse (what an analyst queries)."""
    events = con.execute(
        "SELECT e.event_date, e.event_type, coalesce(array_to_string(e.participants, ', '), '') "
        "|| coalesce(' in ' || e.place, '') || ' (' || coalesce(a.title, e.article_id) || ')' "
        "FROM events e LEFT JOIN articles a USING (article_id) WHERE e.event_date IS NOT NULL "
        "ORDER BY e.event_date").fetchall()
    speakers = con.execute("SELECT coalesce(speaker, '(unknown)'), count(*) FROM quotes GROUP BY 1").fetchall()
    # Money and percent only, one panel per measure and unit: counts are not what analysts chart.
    figures = con.execute(
        "SELECT published_at, coalesce(measure, 'unspecified') || ' · ' || unit, value FROM figures_cited "
        "WHERE published_at IS NOT NULL").fetchall()
    return {
        "timeline": charts.timeline([(_as_date(d), t, label) for d, t, label in events]),
        "speakers": charts.bars([(s, n) for s, n in speakers], "Quotes per speaker", width=460),
        "figures": charts.small_multiples([(_as_date(d), m, v) for d, m, v in figures], width=520,
                                          label="Money and percent by measure over time"),
        "trend": charts.trend([(r["label"], r["failed"], r["quarantined"] or 0) for r in trend_runs]),
    }


def _as_date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def render(data: ReportData) -> str:
    """The report page as one HTML string."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("run_report.html.j2").render(d=data, svg=_markup)


def _markup(svg: str) -> Any:
    # The charts escape every data text themselves (reports/charts.py); only they are marked safe.
    from markupsafe import Markup

    return Markup(svg)


def report_dir(db_path: str | Path) -> Path:
    """`<db stem>.reports/` beside the DuckDB file: each warehouse its own latest.html."""
    return beside(db_path, "reports")


def write_report(db_path: str | Path, run_id: str | None = None, out: str | Path | None = None) -> Path:
    """Render the report of `run_id` (the latest run when None) from the DuckDB file, opened
    read-only. Without `out` it goes to `<db dir>/<db stem>.reports/run-<id>.html` and `latest.html`."""
    data = read_report(db_path, run_id)
    return write_html(db_path, render(data), str(data.run["run_id"]), out)


def write_html(db_path: str | Path, html: str, run_id: str, out: str | Path | None = None) -> Path:
    """Write a rendered report to `out`, or to `<db dir>/<db stem>.reports/run-<id>.html` and `latest.html`."""
    if out is not None:
        target = Path(out)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        return target
    folder = report_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"run-{run_id}.html"
    target.write_text(html, encoding="utf-8")
    shutil.copyfile(target, folder / "latest.html")
    return target


def read_report(db_path: str | Path, run_id: str | None = None) -> ReportData:
    # Read-only: it coexists with analysts' read-only sessions and never takes the writer's lock.
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return gather(con, str(db_path), run_id)
    finally:
        con.close()


def markdown_summary(data: ReportData, report_path: str | Path | None = None) -> str:
    """The run's summary as Markdown, for a Prefect markdown artifact."""
    run = data.run
    lines = [f"# warta run {run['run_id']}: {run['status']}", ""]
    if run.get("message"):
        lines += [f"**{run['message']}**", ""]
    lines += ["| | |", "| --- | --- |"]
    lines += [f"| {label} | {value if value is not None else '–'} |" for label, value in data.counts]
    failed = data.failed_results
    lines += ["", f"**Expectations:** {len(data.results) - len(failed)} of {len(data.results)} passed."]
    if failed:
        lines += ["", "| suite | expectation | severity | unexpected | sample |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| {r['suite']} | {r['expectation']} | {r['severity']} | {r['unexpected_count']} | "
                  f"{_md(r['sample'])[:120]} |" for r in failed]
    if data.quarantine_by_reason:
        lines += ["", f"**Quarantined:** {data.quarantine_total} rows", ""]
        lines += [f"- {t}: {e} × {n}" for t, e, n in data.quarantine_by_reason]
    if report_path:
        lines += ["", f"Full report: `{report_path}`"]
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def results_table(data: ReportData) -> list[dict[str, Any]]:
    """The run's expectation results as table rows, for a Prefect table artifact."""
    return [{k: r[k] for k in ("suite", "expectation", "severity", "success", "element_count", "unexpected_count",
                               "sample")} for r in data.results]
