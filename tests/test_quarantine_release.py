"""`warta quarantine list` and `release`: rows re-validated against the current rules after a rule
change; those that now pass are loaded (released_at set), the others stay."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from helpers.db import query
from helpers.frames import aid, article, batch, event, figure, process, quote
from typer.testing import CliRunner

from expectations import cross
from warehouse.tables import BY_NAME
from warta.cli import app


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A warehouse whose one run quarantined: an event of an undeclared type, a percentage above the
    bound, a negative figure, and an article with a bad language code together with its quote."""
    path = tmp_path / "w.duckdb"
    tables = batch(
        [article(1), article(2), article(3, language="Indonesian")],
        quotes=[quote(1, 0, "Vladimir Putin"), quote(3, 0, "Xi Jinping")],
        figures=[figure(1, 0, "USD 1 miliar", 1e9, "USD"), figure(1, 1, "15.000 persen", 15000.0, "percent"),
                 figure(2, 0, "-5 persen", -5.0, "percent")],
        events=[event(1, 0, date(2024, 7, 1)), event(2, 0, date(2024, 7, 2), kind="ceremony")],
    )
    process(path, tables, "run-1")
    return path


def cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_list_shows_rows_with_table_expectation_and_reason(db: Path) -> None:
    out = cli("quarantine", "list", "--db", str(db))
    assert "5 open rows" in out
    assert "ExpectColumnValuesToBeInSet(event_type)" in out and "event_type must be one of" in out
    assert "figure_value_within_unit_bounds(value)" in out
    only = cli("quarantine", "list", "--db", str(db), "--table", "figures")
    assert "2 open rows" in only and "events" not in only.split("open rows")[0].split("\n", 1)[1]


def test_release_loads_rows_that_pass_the_current_rules_and_keeps_the_others(db: Path, monkeypatch) -> None:
    # Nothing changed: nothing passes.
    assert "figures: 0 released, 2 kept" in cli("quarantine", "release", "--db", str(db), "--table", "figures")
    # The rules change: percentages up to a million are now sane, and `ceremony` is an event type.
    monkeypatch.setitem(cross.UNIT_BOUNDS, "percent", (0.0, 1e6))
    events = BY_NAME["events"]
    event_type = dataclasses.replace(events.column("event_type"), allowed=(*events.column("event_type").allowed,
                                                                           "ceremony"))
    monkeypatch.setitem(BY_NAME, "events", dataclasses.replace(
        events, columns=tuple(event_type if c.name == "event_type" else c for c in events.columns)))

    out = cli("quarantine", "release", "--db", str(db), "--table", "figures")
    assert "figures: 1 released, 1 kept in quarantine" in out
    assert sorted(r[0] for r in query(db, "select raw from figures")) == ["15.000 persen", "USD 1 miliar"]
    assert query(db, "select count(*) from quarantine where table_name = 'figures' and released_at is null") == [(1,)]
    kept = query(db, "select row_json from quarantine where table_name = 'figures' and released_at is null")
    assert json.loads(kept[0][0])["raw"] == "-5 persen"

    out = cli("quarantine", "release", "--db", str(db), "--expectation", "ExpectColumnValuesToBeInSet(event_type)")
    assert "events: 1 released, 0 kept" in out
    assert query(db, f"select event_type from events where article_id = '{aid(2)}'") == [("ceremony",)]
    # Listed as released with --all, gone from the open list.
    assert "[released" in cli("quarantine", "list", "--db", str(db), "--all", "--table", "events")
    assert "0 open rows" in cli("quarantine", "list", "--db", str(db), "--table", "events")


def test_a_fact_is_released_only_with_its_article(db: Path, monkeypatch) -> None:
    # The quote of the article with the bad language code cannot go in while its article is out.
    assert "quotes: 0 released, 1 kept" in cli("quarantine", "release", "--db", str(db), "--table", "quotes")
    # The rule is relaxed: any language label goes. Releasing everything loads the article and its quote.
    articles = BY_NAME["articles"]
    monkeypatch.setitem(BY_NAME, "articles", dataclasses.replace(articles, columns=tuple(
        dataclasses.replace(c, regex=None) if c.name == "language" else c for c in articles.columns)))
    out = cli("quarantine", "release", "--db", str(db))
    assert "articles: 1 released" in out and "quotes: 1 released" in out
    assert query(db, f"select language, published_at from articles where article_id = '{aid(3)}'") == [
        ("Indonesian", date(2024, 7, 8))]
    assert query(db, f"select speaker from quotes where article_id = '{aid(3)}'") == [("Xi Jinping",)]
    assert query(db, "select count(*) from quarantine where released_at is null") == [(3,)]
