"""Checks across tables: figures within sane bounds per unit and events not after their article
(quarantined), speakers that are not known entities and boilerplate left in the text (flagged)."""

from __future__ import annotations

import json
from datetime import date, datetime

import polars as pl
import pytest
from helpers.frames import aid, article, batch, entity, event, figure, quote

from expectations.cross import bounds_for, cross_checks, validate_batch

NOW = datetime(2024, 7, 10)


def results_by_name(results: list[dict]) -> dict[str, dict]:
    return {r["expectation"]: r for r in results}


def test_figures_out_of_bounds_for_their_unit_are_quarantined() -> None:
    tables = batch([article(1)], figures=[
        figure(1, 0, "USD 200 miliar", 2e11, "USD"),
        figure(1, 1, "11,6 persen", 11.6, "percent"),
        figure(1, 2, "-2 persen", -2.0, "percent"),
        figure(1, 3, "2024 persen", 20240000.0, "percent"),   # a year read as an amount, scaled
        figure(1, 4, "0 orang", 0.0, "orang"),
        figure(1, 5, "Rp 5 juta triliun", 5e18, "IDR"),
    ])
    out = cross_checks(tables, "r", NOW)
    assert out.tables["figures"]["raw"].to_list() == ["USD 200 miliar", "11,6 persen"]
    assert sorted(json.loads(q["row_json"])["raw"] for q in out.quarantine) == [
        "-2 persen", "0 orang", "2024 persen", "Rp 5 juta triliun"]
    assert {q["table_name"] for q in out.quarantine} == {"figures"}
    assert all("sane range for its unit" in q["reason"] for q in out.quarantine)
    result = results_by_name(out.results)["figure_value_within_unit_bounds(value)"]
    assert (result["success"], result["severity"], result["unexpected_count"], result["element_count"]) == (
        False, "row", 4, 6)
    assert "-2 persen -> -2.0 percent" in json.loads(result["unexpected_sample"])


def test_a_zero_percent_is_kept_but_not_a_zero_amount() -> None:
    # A tariff cut to nothing is news; a sum of nothing is a parse slip.
    tables = batch([article(1)], figures=[
        figure(1, 0, "bea masuk nol persen", 0.0, "percent"),
        figure(1, 1, "USD 0", 0.0, "USD"),
    ])
    out = cross_checks(tables, "r", NOW)
    assert out.tables["figures"]["raw"].to_list() == ["bea masuk nol persen"]
    assert [json.loads(q["row_json"])["raw"] for q in out.quarantine] == ["USD 0"]


def test_a_blocs_economy_in_rupiah_is_within_bounds() -> None:
    tables = batch([article(1)], figures=[figure(1, 0, "Rp250.000 triliun", 2.5e17, "IDR")])
    out = cross_checks(tables, "r", NOW)
    assert out.tables["figures"]["raw"].to_list() == ["Rp250.000 triliun"] and out.quarantine == []


def test_bounds_are_read_per_unit() -> None:
    assert bounds_for("percent") == (0.0, 10_000.0)
    assert bounds_for("EUR")[1] < bounds_for("IDR")[1]
    assert bounds_for("barel") == bounds_for("orang")


def test_events_after_their_article_are_quarantined_unless_planned() -> None:
    tables = batch([article(1, published=date(2024, 7, 8)), article(2, published=None)], events=[
        event(1, 0, date(2024, 7, 5)),                      # before: fine
        event(1, 1, date(2024, 7, 8)),                      # the same day: fine
        event(1, 2, date(2024, 9, 1)),                      # after, said to have happened: wrong
        event(1, 3, date(2024, 9, 1), status="planned"),    # after, planned: fine
        event(2, 0, date(2030, 1, 1)),                      # article without a date: cannot tell
    ])
    out = cross_checks(tables, "r", NOW)
    assert len(out.quarantine) == 1
    q = out.quarantine[0]
    assert q["table_name"] == "events" and q["expectation"] == "event_not_after_article(event_date)"
    assert json.loads(q["row_json"])["event_date"] == "2024-09-01"
    assert "not planned" in q["reason"]
    assert out.tables["events"].height == 4


def test_unknown_speakers_are_flagged_not_quarantined() -> None:
    tables = batch([article(1)], quotes=[quote(1, 0, "Vladimir Putin"), quote(1, 1, "Pak Budi"), quote(1, 2, None)],
                   entities=[entity("Vladimir Putin"), entity("Pak Budi", known=False)])
    out = cross_checks(tables, "r", NOW)
    assert out.quarantine == [] and out.tables["quotes"].height == 3
    result = results_by_name(out.results)["quote_speaker_is_known_entity(speaker)"]
    assert (result["severity"], result["success"], result["unexpected_count"]) == ("warning", False, 2)
    assert json.loads(result["unexpected_sample"]) == ["None", "Pak Budi"]
    # Entities the warehouse already knows count too.
    more = cross_checks(tables, "r", NOW, known_entities={"Pak Budi"})
    assert results_by_name(more.results)["quote_speaker_is_known_entity(speaker)"]["unexpected_count"] == 1


@pytest.mark.parametrize(("body", "left"), [
    ("Paragraf satu.\nBaca Juga: Putin ke Beijing\nParagraf dua.", True),
    ("Paragraf satu.\nADVERTISEMENT\nParagraf dua.", True),
    ("Paragraf satu.\nAdvertisement\nParagraf dua.", True),
    ("Paragraf satu.\nBagikan ke WhatsApp\nParagraf dua.", True),
    ("Paragraf satu.\nShare:\nParagraf dua.", True),
    ("Ia membaca juga laporan itu. Advertisement revenue fell.", False),
    ("Warga membagikan video itu ke WhatsApp.", False),
])
def test_boilerplate_left_in_body_text_is_flagged(body: str, left: bool) -> None:
    out = cross_checks(batch([article(1, body=body)]), "r", NOW)
    result = results_by_name(out.results)["body_text_has_no_boilerplate(body_text)"]
    assert result["success"] is (not left) and result["severity"] == "warning"
    assert out.quarantine == [] and out.tables["articles"].height == 1


def test_validate_batch_runs_row_suites_then_cross_checks() -> None:
    tables = batch([article(1), article(2, language="Bahasa")],
                   figures=[figure(1, 0, "-1 persen", -1.0, "percent"), figure(2, 0, "5 persen", 5.0, "percent")],
                   events=[event(1, 0, date(2024, 12, 1))])
    validation = validate_batch(tables, "run-x", NOW)
    q = validation.quarantine
    assert set(zip(q["table_name"], q["expectation"], strict=True)) == {
        ("articles", "ExpectColumnValuesToMatchRegex(language)"),
        ("figures", "fact_article_exists(article_id)"),
        ("figures", "figure_value_within_unit_bounds(value)"),
        ("events", "event_not_after_article(event_date)"),
    }
    assert validation.tables["figures"].height == 0 and validation.tables["events"].height == 0
    assert validation.tables["articles"]["article_id"].to_list() == [aid(1)]
    suites = set(validation.results["suite"])
    assert {"articles", "figures", "events", "cross"} <= suites
    assert validation.results.filter(pl.col("suite") == "cross")["run_id"].unique().to_list() == ["run-x"]
    assert validation.results["result_id"].n_unique() == validation.results.height
