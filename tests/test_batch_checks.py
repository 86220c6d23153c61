"""Batch-level expectations against real DuckDB files: a critical one stops the batch (nothing of it
is loaded, the failed run is recorded with the message), a warning loads and is recorded, and rows
that break row-level expectations are quarantined while the rest loads.

`process` below does what the ETL flow does between transform and load, with the same calls."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from helpers.db import query
from helpers.frames import (  # noqa: F401 - re-used below
    FAILURES,
    NOW,
    aid,
    article,
    batch,
    entity,
    event,
    figure,
    process,
    quote,
)

from expectations.batch import BatchCheckFailed, batch_checks, schema_drift
from expectations.cross import validate_batch
from warehouse.tables import BY_NAME


def good_batch() -> dict[str, pl.DataFrame]:
    return batch([article(1), article(2)], quotes=[quote(1, 0, "Vladimir Putin"), quote(2, 0, "Xi Jinping")],
                 figures=[figure(1, 0, "USD 200 miliar", 2e11, "USD")],
                 events=[event(1, 0, date(2024, 7, 8))],
                 entities=[entity("Vladimir Putin"), entity("Xi Jinping")])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A warehouse with one good run loaded."""
    path = tmp_path / "w.duckdb"
    process(path, good_batch(), "run-good")
    return path


def test_schema_drift_fails_the_run_and_loads_nothing_of_the_batch(db: Path) -> None:
    before = query(db, "select count(*) from articles union all select count(*) from quotes")
    drifted = batch([article(3), article(4)], quotes=[quote(3, 0, "Vladimir Putin")])
    # A transform renamed a column: `speaker` became `speaker_name`.
    drifted["quotes"] = drifted["quotes"].rename({"speaker": "speaker_name"})
    with pytest.raises(BatchCheckFailed) as info:
        process(db, drifted, "run-drift")
    message = str(info.value)
    assert "critical data-quality check failed, nothing of this batch was loaded" in message
    assert "quotes: missing columns speaker" in message and "undeclared columns speaker_name" in message
    assert query(db, "select count(*) from articles union all select count(*) from quotes") == before
    assert query(db, f"select count(*) from articles where article_id = '{aid(3)}'") == [(0,)]
    status, stored = query(db, "select status, message from runs where run_id = 'run-drift'")[0]
    assert status == "failed" and "missing columns speaker" in stored
    # The failed run's results are kept, so that quality can be followed over time.
    assert query(db, "select severity, success from dq_results where run_id = 'run-drift' "
                     "and expectation = 'batch_schema_matches_declaration'") == [("critical", False)]


def test_too_much_quarantined_fails_the_run(db: Path) -> None:
    # Three of four articles have a broken language code; with their facts that is most of the batch.
    broken = batch([article(5, language="Indonesian"), article(6, language="Indonesian"),
                    article(7, language="Indonesian"), article(8)],
                   quotes=[quote(5, 0, "Xi Jinping"), quote(6, 0, "Xi Jinping")])
    with pytest.raises(BatchCheckFailed, match=r"batch_quarantine_share_at_most\(0.5\): 5 of 6 rows quarantined"):
        process(db, broken, "run-share")
    assert query(db, f"select count(*) from articles where article_id = '{aid(8)}'") == [(0,)]
    # Nothing of the batch: not even its quarantine rows, which would otherwise be released later.
    assert query(db, "select count(*) from quarantine where run_id = 'run-share'") == [(0,)]


def test_empty_batch_from_a_source_that_had_documents_is_a_warning() -> None:
    # The documents' failure rows say why; the run's per-source health marks the source (warta/chunks.py).
    empty = batch([])
    outcomes = batch_checks(empty, validate_batch(empty, "r"), documents_in=3, max_quarantine_share=0.5, now=NOW)
    failed = {o.expectation: (o.severity, o.message) for o in outcomes if not o.success and o.severity != "info"}
    assert failed["batch_not_empty(articles)"] == ("warning", "3 documents came in but no article came out")
    assert not [o for o in outcomes if not o.success and o.severity == "critical"]
    # Nothing new came in (every input unchanged): an empty batch is then fine.
    quiet = batch_checks(empty, validate_batch(empty, "r"), documents_in=0, max_quarantine_share=0.5, now=NOW)
    assert all(o.success for o in quiet if o.severity == "critical")


def test_a_warning_loads_is_reported_and_recorded(db: Path) -> None:
    # Articles published three weeks before the run: the newest-article freshness warning fires.
    stale = batch([article(9, published=date(2024, 6, 19))], quotes=[quote(9, 0, "Vladimir Putin")])
    checked = process(db, stale, "run-stale")
    assert checked.tables["articles"].height == 1
    assert query(db, f"select count(*) from articles where article_id = '{aid(9)}'") == [(1,)]
    row = query(db, "select severity, success, unexpected_sample from dq_results "
                    "where run_id = 'run-stale' and expectation = 'newest_article_is_fresh(published_at)'")
    assert row[0][:2] == ("warning", False)
    assert "newest article published 2024-06-19, 21 days ago" in json.loads(row[0][2])[0]
    assert query(db, "select status from runs where run_id = 'run-stale'") == [("completed",)]


def test_row_level_failures_are_quarantined_and_the_rest_loads(db: Path) -> None:
    rows = batch([article(10), article(11, language="Bahasa")],
                 quotes=[quote(10, 0, "Vladimir Putin"), quote(11, 0, "Xi Jinping")],
                 figures=[figure(10, 0, "USD 5 miliar", 5e9, "USD"), figure(10, 1, "-3 persen", -3.0, "percent")],
                 events=[event(10, 0, date(2024, 7, 1)), event(10, 1, date(2024, 7, 1), kind="party")])
    process(db, rows, "run-rows")
    loaded = {r[0] for r in query(db, "select article_id from articles")}
    assert aid(10) in loaded and aid(11) not in loaded
    reasons = {(t, e): r for t, e, r in query(db, "select table_name, expectation, reason from quarantine "
                                                  "where run_id = 'run-rows'")}
    assert reasons[("articles", "ExpectColumnValuesToMatchRegex(language)")].startswith("language must match")
    assert "its article is not loaded" in reasons[("quotes", "fact_article_exists(article_id)")]
    assert "must be one of" in reasons[("events", "ExpectColumnValuesToBeInSet(event_type)")]
    assert "positive" in reasons[("figures", "figure_value_within_unit_bounds(value)")]
    assert query(db, f"select raw from figures where article_id = '{aid(10)}'") == [("USD 5 miliar",)]
    assert query(db, f"select count(*) from events where article_id = '{aid(10)}'") == [(1,)]
    row = json.loads(query(db, "select row_json from quarantine where table_name = 'articles' "
                               "and run_id = 'run-rows'")[0][0])
    assert row["language"] == "Bahasa" and row["published_at"] == "2024-07-08"


def test_nulls_only_columns_are_not_drift() -> None:
    tables = {"quotes": pl.DataFrame({c: [None] for c in BY_NAME["quotes"].column_names})}
    assert schema_drift(tables).success


def test_a_batch_of_only_junk_records_its_failures_and_marks_the_run_failed(tmp_path: Path, prefect_harness) -> None:
    from helpers.cli import warta
    from typer.testing import CliRunner

    from warta.cli import app

    sample = Path(__file__).parent.parent / "corpus" / "samples" / "text" / "004_be9bd2fda5eb0877.txt"
    db = tmp_path / "w.duckdb"
    assert CliRunner().invoke(app, ["run", "--input", str(sample), "--db", str(db)]).exit_code == 0
    before = query(db, "select count(*) from articles union all select count(*) from quotes")
    # A source that served documents, but pages of boilerplate only: no article comes out of the batch.
    records = [json.dumps({"url": f"https://example.id/berita/{i}",
                           "text": "Baca Juga: Putin ke Beijing\nADVERTISEMENT\nBagikan ke WhatsApp\n"})
               for i in range(2)]
    (tmp_path / "batch.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    result = warta("run", "--input", str(tmp_path / "batch.jsonl"), "--db", str(db))
    assert result.exit_code == 1
    assert "no input gave an article" in result.output and "Traceback" not in result.output
    assert query(db, "select count(*) from articles union all select count(*) from quotes") == before
    # The reasons are kept: one failure row per document, written although the batch gave nothing.
    assert query(db, "select source, stage, reason from failures order by source") == [
        (f"https://example.id/berita/{i}", "extract", "no article sentence left after removing boilerplate")
        for i in range(2)]
    (run_id, message, sources), = query(db, "select run_id, message, sources from runs where status = 'failed'")
    assert "no articles" in message
    assert json.loads(sources)[0]["status"] == "no articles" and json.loads(sources)[0]["documents"] == 2
    assert query(db, f"select severity, success from dq_results where run_id = '{run_id}' "
                     "and expectation = 'batch_not_empty(articles)'") == [("warning", False)]
    # The failed run has its report too, next to the DB.
    assert "no input gave an article" in (tmp_path / "w.reports" / "latest.html").read_text(encoding="utf-8")
