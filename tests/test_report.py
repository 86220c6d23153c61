"""The run report rebuilt from a real DuckDB file, the Great Expectations Data Docs beside it, the
`warta report` command and the report flow's Prefect artifacts."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from helpers.cli import warta
from helpers.frames import article, batch, build_warehouse, process, quote
from typer.testing import CliRunner

from expectations.datadocs import build_data_docs, docs_index
from reports.run_report import markdown_summary, read_report, results_table, write_report
from warta.cli import app


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("report"))


def svgs(html: str) -> dict[str, str]:
    """aria-label -> the <svg> element, of every chart in the page."""
    return {m.group(1): m.group(0) for m in re.finditer(r'<svg[^>]*aria-label="([^"]+)".*?</svg>', html, re.S)}


def test_report_of_a_run_with_quarantine_and_warnings(warehouse: Path) -> None:
    path = write_report(warehouse, "run-2")
    assert path == warehouse.parent / "w.reports" / "run-run-2.html"
    html = path.read_text(encoding="utf-8")
    assert (warehouse.parent / "w.reports" / "latest.html").read_text(encoding="utf-8") == html
    # Self-contained: no script, no external asset.
    assert "<script" not in html and not re.search(r'(?:src|href)="', html) and "<link" not in html
    # The article's text shows its markup as text.
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert "Putin &lt;script&gt;" in html and "&amp; Xi" in html
    # Counts in and out, quarantined rows with reasons, results with severities.
    assert re.search(r"<b>1</b>articles loaded", html) and re.search(r"<b>2</b>documents pulled", html)
    assert "ExpectColumnValuesToMatchRegex(language)" in html and "language must match" in html
    assert "figure_value_within_unit_bounds(value)" in html and "-4 persen" in html
    assert "event_not_after_article(event_date)" in html
    assert re.search(r'class="warning">warning</td>\s*<td><span class="status bad">fail', html)
    assert "body_text_has_no_boilerplate(body_text)" in html and "Dmitry Peskov" in html


def test_charts_are_drawn_from_the_warehouse(warehouse: Path) -> None:
    html = write_report(warehouse, "run-2").read_text(encoding="utf-8")
    charts = svgs(html)
    assert set(charts) == {"Events timeline", "Quotes per speaker", "Money and percent by measure over time",
                           "Failed expectations and quarantined rows per run"}
    # One mark per loaded event (3: the summit dated after its article was quarantined), per speaker,
    # per dated figure, and two bars per run in the trend.
    assert charts["Events timeline"].count('class="mark"') == 3
    assert charts["Quotes per speaker"].count('class="mark"') == 3  # Putin, Xi, Peskov
    assert charts["Money and percent by measure over time"].count('class="mark"') == 4
    # One panel per measure and unit; counts and durations are not charted.
    assert re.search(r">\w[\w ]* · USD <tspan", charts["Money and percent by measure over time"])
    assert charts["Failed expectations and quarantined rows per run"].count('class="mark"') == 2 * 2
    assert ">Vladimir Putin</text>" in charts["Quotes per speaker"]


def test_trend_covers_the_last_runs_and_a_failed_run_says_why(warehouse: Path) -> None:
    data = read_report(warehouse)  # the latest run: the one a critical check stopped
    assert data.run["run_id"] == "run-3" and data.run["status"] == "failed"
    assert [r["run_id"] for r in data.trend_runs] == ["run-1", "run-2", "run-3"]
    cells = {(row["suite"], row["expectation"]): row["cells"] for row in data.trend_rows}
    assert cells[("batch", "batch_quarantine_share_at_most(0.5)")][::2] == [(True, 0), (False, 2)]
    assert cells[("articles", "ExpectColumnValuesToMatchRegex(language)")] == [(True, 0), (False, 1), (False, 2)]
    html = write_report(warehouse).read_text(encoding="utf-8")
    assert "2 of 2 rows quarantined" in html
    assert 'class="status failed"' in html


def test_artifact_summaries(warehouse: Path) -> None:
    data = read_report(warehouse, "run-2")
    md = markdown_summary(data, "/x/run-run-2.html")
    assert md.startswith("# warta run run-2: completed")
    assert "| articles loaded | 1 |" in md and "event_not_after_article(event_date)" in md
    assert "Full report: `/x/run-run-2.html`" in md
    rows = results_table(data)
    assert {r["expectation"] for r in rows if not r["success"]} >= {"ExpectColumnValuesToMatchRegex(language)",
                                                                    "body_text_has_no_boilerplate(body_text)"}


def test_cli_report_reads_the_file_without_changing_it(warehouse: Path, tmp_path: Path) -> None:
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "--db", str(warehouse), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and "run-3" in out.read_text(encoding="utf-8")
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before
    missing = warta("report", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 1
    assert missing.output == f"warta: no warehouse at {tmp_path / 'none.duckdb'}: check --db, or create it with " \
                             f"`warta run --db {tmp_path / 'none.duckdb'}`\n"


@pytest.mark.slow  # two Great Expectations Data Docs builds: ~10 s
def test_data_docs_are_built_beside_the_db_and_keep_every_run(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    tables = batch([article(1), article(2, language="Indonesian")], quotes=[quote(1, 0, "Vladimir Putin")])
    process(db, tables, "run-a")
    index = build_data_docs(db, "run-a")
    assert index == docs_index(db) == tmp_path / "w_dq" / "docs" / "index.html"
    assert index.exists()
    # The saved context is opened again on the next run (add_or_update, no "already exists").
    process(db, tables, "run-b")
    build_data_docs(db, "run-b")
    runs = {p.name for p in (tmp_path / "w_dq" / "gx" / "uncommitted" / "validations").glob("*/*")}
    assert {"run-a", "run-b"} <= runs
    assert {p.stem for p in (tmp_path / "w_dq" / "gx" / "expectations").glob("*.json")} == {"articles", "quotes"}
    html = index.read_text(encoding="utf-8")
    assert "articles" in html and "run-a" in html and "run-b" in html
    # Offline and private: no script, no address outside the site (the browser test loads it too).
    assert "<script" not in html and "http://" not in html and "https://" not in html


def test_report_flow_publishes_artifacts(warehouse: Path, prefect_harness) -> None:
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.report import report_flow

    path = report_flow(str(warehouse))
    assert Path(path).name == "run-run-3.html" and Path(path).exists()

    async def latest(key: str):
        async with get_client() as client:
            found = await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
            return sorted(found, key=lambda a: a.created)[-1]

    markdown = asyncio.run(latest("warta-run-report"))
    assert "# warta run run-3: failed" in markdown.data
    table = asyncio.run(latest("warta-dq-results"))
    assert "batch_not_empty(articles)" in str(table.data)


def _stored_result(db: Path, suite: str, run: str, when: str) -> None:
    """A validation result as the GX file context stores it (what render_docs reads)."""
    from expectations.datadocs import results_root

    path = results_root(db) / suite / run / when / "whole-batch.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "suite_name": suite, "success": True, "meta": {"run_id": {"run_name": run, "run_time": when}},
        "statistics": {"evaluated_expectations": 1, "successful_expectations": 1},
        "results": [{"success": True, "expectation_config": {"type": "expect_column_values_to_not_be_null",
                                                             "kwargs": {"column": "url"}},
                     "result": {"element_count": 3, "unexpected_count": 0}}]}), encoding="utf-8")


def test_data_docs_list_the_newest_runs_and_write_each_page_once(tmp_path: Path, monkeypatch) -> None:
    from expectations import datadocs

    db = tmp_path / "w.duckdb"
    monkeypatch.setattr(datadocs, "INDEX_RUNS", 2)
    for i, run in enumerate(("run-a", "run-b")):  # run times as the GX file context names their folders
        _stored_result(db, "articles", run, f"2026120{i + 1}T100000.000000Z")
    index = datadocs.render_docs(db)
    page_b = next((index.parent / "validations" / "articles" / "run-b").glob("*.html"))
    written = page_b.stat().st_mtime_ns
    _stored_result(db, "articles", "run-c", "20261203T100000.000000Z")
    html = datadocs.render_docs(db).read_text(encoding="utf-8")
    assert "run-c" in html and "run-b" in html and "run-a" not in html  # the newest two
    assert "older runs keep their pages" in html
    assert next((index.parent / "validations" / "articles" / "run-a").glob("*.html")).exists()
    assert page_b.stat().st_mtime_ns == written  # listed again, not rendered again


def test_data_docs_pages_are_rendered_again_after_a_template_change(tmp_path: Path, monkeypatch) -> None:
    from expectations import datadocs

    db = tmp_path / "w.duckdb"
    _stored_result(db, "articles", "run-a", "20261201T100000.000000Z")
    page = next((datadocs.render_docs(db).parent / "validations" / "articles" / "run-a").glob("*.html"))
    assert "Evaluated Expectations" in page.read_text(encoding="utf-8")
    monkeypatch.setattr(datadocs, "_VALIDATION", datadocs._VALIDATION.replace("Evaluated Expectations",
                                                                             "Expectations evaluated"))
    datadocs.render_docs(db)
    assert "Expectations evaluated" in page.read_text(encoding="utf-8")  # a new layout reaches the old page
