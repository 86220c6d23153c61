"""The run report and the Data Docs as headless Chromium renders them: the charts are drawn, and an
article that contains `<script>` shows it as text instead of running it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from browser import dump_dom, find_chromium
from test_batch_checks import article, batch, process, quote
from test_report import SCRIPT_TITLE, build_warehouse

from expectations.datadocs import build_data_docs
from reports.run_report import write_report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Path:
    binary, why_not = find_chromium()
    if binary is None:
        pytest.skip(f"headless Chromium unavailable: {why_not}")
    return binary


def rendered(chromium: Path, page: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(dump_dom(chromium, page))


def text_of(doc: lxml.html.HtmlElement) -> str:
    body = doc.find("body")
    return " ".join(body.text_content().split())


def test_report_renders_charts_and_shows_script_as_text(chromium: Path, tmp_path: Path) -> None:
    db = build_warehouse(tmp_path)
    doc = rendered(chromium, write_report(db, "run-2"))
    # The script in the article never ran: it would have renamed the page.
    assert doc.findtext(".//title") == "warta run report run-2"
    assert doc.xpath("//script") == []
    text = text_of(doc)
    assert SCRIPT_TITLE in text
    assert "<script>document.title='pwned'</script>" in text
    charts = {svg.get("aria-label"): svg for svg in doc.xpath("//svg")}
    assert set(charts) == {"Events timeline", "Quotes per speaker", "Money and percent by measure over time",
                           "Failed expectations and quarantined rows per run"}
    for label, svg in charts.items():
        marks = svg.xpath(".//*[@class='mark']")
        assert marks, f"{label} has nothing drawn"
        assert all(float(m.get("r") or m.get("width")) > 0 for m in marks), label
    assert len(charts["Events timeline"].xpath(".//circle")) == 3
    assert "Vladimir Putin" in charts["Quotes per speaker"].text_content()


def test_data_docs_render_with_the_runs_validation(chromium: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    tables = batch([article(1), article(2, language="Bahasa")], quotes=[quote(1, 0, "Vladimir Putin")])
    process(db, tables, "run-7")  # the run's results, as the ETL flow records them
    index = build_data_docs(db, "run-7")
    doc = rendered(chromium, index)
    assert doc.findtext(".//title") == "Data Docs created by Great Expectations"
    assert "Validation Results" in text_of(doc) and "Expectation Suites" in text_of(doc)
    # GX fills the index's two tables with bootstrap-table from CDNs, which this offline browser does
    # not reach: the tables are there, and their rows are the data handed to bootstrap-table.
    assert len(doc.xpath("//table")) == 2
    rows = " ".join(s.text_content() for s in doc.xpath("//script") if "bootstrapTable" in s.text_content())
    assert "expectations/articles.html" in rows and "expectations/quotes.html" in rows
    assert "validations/articles/run-7/" in rows
    # A validation page is rendered in Python, complete without its CDN assets.
    (page,) = (index.parent / "validations" / "articles" / "run-7").glob("*/*.html")
    text = text_of(rendered(chromium, page))
    assert "Run Name run-7" in text or "Run Namerun-7" in text
    assert "Unsuccessful Expectations1" in text and "Bahasa" in text
