"""Row-level expectations: rows that break one go to quarantine with the reason; the rest pass."""

import json
from datetime import date

import polars as pl
import pytest

from expectations.suites import row_suite
from expectations.validate import validate
from transforms.ids import stable_id
from warehouse.articles import ARTICLES
from warehouse.events import EVENTS

GOOD, BAD = stable_id("https://x.id/good"), stable_id("https://x.id/bad")


def articles(language_of_bad: str) -> pl.DataFrame:
    rows = [
        {"article_id": GOOD, "url": "https://x.id/good", "language": "id", "body_text": "isi", "content_hash": "h",
         "published_at": date(2024, 7, 3)},
        {"article_id": BAD, "url": "https://x.id/bad", "language": language_of_bad, "body_text": "isi",
         "content_hash": "h2"},
    ]
    return ARTICLES.conform(pl.DataFrame(rows))


def events() -> pl.DataFrame:
    return EVENTS.conform(pl.DataFrame([
        {"event_id": stable_id(GOOD, "e", 0), "article_id": GOOD, "event_type": "meeting", "date_precision": "day"},
        {"event_id": stable_id(GOOD, "e", 1), "article_id": GOOD, "event_type": "party", "date_precision": "day"},
        {"event_id": stable_id(BAD, "e", 0), "article_id": BAD, "event_type": "call", "date_precision": "day"},
    ]))


@pytest.fixture(scope="module")
def outcome():
    return validate({"articles": articles("Bahasa Indonesia"), "events": events()}, run_id="run-1")


def test_rows_that_pass_go_on(outcome) -> None:
    assert outcome.tables["articles"]["article_id"].to_list() == [GOOD]
    assert outcome.tables["events"]["event_id"].to_list() == [stable_id(GOOD, "e", 0)]


def test_broken_rows_are_quarantined_with_reason_and_row(outcome) -> None:
    q = outcome.quarantine
    bad_article = q.filter(pl.col("table_name") == "articles").row(0, named=True)
    assert bad_article["expectation"] == "ExpectColumnValuesToMatchRegex(language)"
    assert "language must match" in bad_article["reason"]
    assert json.loads(bad_article["row_json"])["language"] == "Bahasa Indonesia"
    by_reason = dict(q.filter(pl.col("table_name") == "events").select("row_key", "expectation").iter_rows())
    assert by_reason[stable_id(GOOD, "e", 1)] == "ExpectColumnValuesToBeInSet(event_type)"
    # The bad article's event would point at nothing: quarantined too, not silently dropped.
    assert by_reason[stable_id(BAD, "e", 0)] == "fact_article_exists(article_id)"


def test_every_expectation_has_a_result(outcome) -> None:
    results = outcome.results
    expected = len(row_suite(ARTICLES)) + len(row_suite(EVENTS)) + 1
    assert results.height == expected
    failed = set(results.filter(~pl.col("success"))["expectation"])
    assert failed == {"ExpectColumnValuesToMatchRegex(language)", "ExpectColumnValuesToBeInSet(event_type)",
                      "fact_article_exists(article_id)"}


def test_duplicate_keys_are_caught() -> None:
    same_again = articles("id").slice(0, 1)
    changed = same_again.with_columns(body_text=pl.lit("isi lain"))
    dup = pl.concat([articles("id"), same_again, changed])
    outcome = validate({"articles": dup}, run_id="run-2")
    assert outcome.tables["articles"]["article_id"].to_list() == [BAD]
    assert set(outcome.quarantine["expectation"]) == {"ExpectColumnValuesToBeUnique(article_id)"}


@pytest.mark.parametrize(("published", "ok"), [
    (date(2099, 1, 1), False), (date(1850, 5, 1), False), (date(2024, 7, 3), True), (None, True),
])
def test_publication_dates_outside_sane_bounds_are_quarantined(published, ok) -> None:
    frame = articles("id").with_columns(published_at=pl.lit(published, dtype=pl.Date))
    outcome = validate({"articles": frame}, run_id="run-3")
    reasons = set(outcome.quarantine["reason"])
    if ok:
        assert outcome.quarantine.height == 0
    else:
        assert outcome.tables["articles"].height == 0
        (reason,) = reasons
        assert reason.startswith("published_at must lie in [1900-01-01, ")


def test_event_dates_decades_ahead_are_quarantined() -> None:
    frame = events().filter(pl.col("event_type") == "meeting").with_columns(event_date=pl.lit(date(2099, 1, 1)))
    outcome = validate({"articles": articles("id"), "events": frame}, run_id="run-4")
    assert outcome.tables["events"].height == 0
    assert set(outcome.quarantine["expectation"]) == {"ExpectColumnValuesToBeBetween(event_date)"}
