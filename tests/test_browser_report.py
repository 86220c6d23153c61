"""The run report and the Data Docs as headless Chromium renders them: the charts are drawn, and an
article that contains `<script>` shows it as text instead of running it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from helpers.browser import dump_dom, find_chromium
from helpers.frames import SCRIPT_TITLE, article, batch, build_warehouse, process, quote

from expectations.datadocs import build_data_docs
from reports.run_report import write_report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Path:
    binary, why_not = find_chromium()
    if binary is None:
        pytest.skip(f"headless Chromium unavailable: {why_not}")
    return binary


def rendered(chromium: Path, page: Path, requested: list[str] | None = None) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(dump_dom(chromium, page, requested))


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


def test_the_net_log_sees_a_page_that_calls_out(chromium: Path, tmp_path: Path) -> None:
    # The check below can fail: a page with a CDN stylesheet and script is caught asking for them.
    page = tmp_path / "cdn.html"
    page.write_text('<html><head><link rel="stylesheet" href="https://cdn.example.org/site.css">'
                    '<script src="https://cdn.example.org/lib.js"></script></head><body>x</body></html>')
    requested: list[str] = []
    dump_dom(chromium, page, requested)
    assert "https://cdn.example.org/site.css" in requested and "https://cdn.example.org/lib.js" in requested


def test_data_docs_work_offline_and_call_no_one(chromium: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    tables = batch([article(1), article(2, language="Bahasa")], quotes=[quote(1, 0, "Vladimir Putin")])
    process(db, tables, "run-6")  # the run's results, as the ETL flow records them
    build_data_docs(db, "run-6")
    process(db, tables, "run-7")
    index = build_data_docs(db, "run-7")
    requested: list[str] = []
    doc = rendered(chromium, index, requested)
    assert requested == []  # no CDN, no logo, no analytics: nothing but the file itself
    assert doc.findtext(".//title") == "Data Docs: w.duckdb"
    text = text_of(doc)
    assert "Validation Results" in text and "Expectation Suites" in text
    # Every run is listed, each table with its result, linked to its page.
    rows = [[td.text_content().strip() for td in tr.findall("td")] for tr in doc.xpath("//table[1]/tbody/tr")]
    assert {(r[0], r[2], r[3]) for r in rows} == {("run-7", "articles", "failed"), ("run-7", "quotes", "passed"),
                                                  ("run-6", "articles", "failed"), ("run-6", "quotes", "passed")}
    (link,) = [a.get("href") for a in doc.xpath("//a") if "validations/articles/run-7/" in a.get("href")]
    page = index.parent / link
    requested = []
    text = text_of(rendered(chromium, page, requested))
    assert requested == []
    assert "Run Namerun-7" in text and "Unsuccessful Expectations1" in text  # th and td, no space between
    assert "expect_column_values_to_match_regex" in text and "Bahasa" in text
