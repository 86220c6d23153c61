"""Checks across tables, run on the rows that passed their own table's row suite.

Two kinds, in the same shapes `expectations.validate` uses (an `Outcome` per check, QUARANTINE rows,
DQ_RESULTS rows):

- row-level: a figure whose value is not positive or out of the sane range for its unit, and an
  event dated after its article's publication although it is not `planned`. The row goes to
  quarantine with the reason; the rest of the batch loads.
- flags (severity `warning`): a quote whose speaker is not a known entity of the gazetteer, and an
  article whose body_text still carries boilerplate ("Baca Juga", "ADVERTISEMENT", share labels).
  Nothing is quarantined: the rows load and the result says how many and which.

(That every fact's article exists is checked in `expectations.validate`, per fact table.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import polars as pl

from expectations.suites import ExpectationSpec
from expectations.validate import SAMPLE_SIZE, Outcome, Validation, quarantine_rows, result_row, validate
from warehouse.dq_results import DQ_RESULTS
from warehouse.entities import known_names_in
from warehouse.quarantine import QUARANTINE

CROSS_SUITE = "cross"

# Sane magnitudes per unit, in the unit itself (value is already scaled: `USD 200 miliar` -> 2e11).
# Wide on purpose: they catch parse slips (a year read as an amount, a scale word applied twice),
# not unusual news. Money is bounded by the largest sums Indonesian news states: a bloc's economy
# in rupiah (BRICS ~3e17). A scale word applied twice (`Rp 5 juta triliun`, 5e18) is past it.
UNIT_BOUNDS: dict[str, tuple[float, float]] = {
    "percent": (0.0, 10_000.0),
    "IDR": (1.0, 1e18),
}
# Units whose zero is news, not a parse slip (`tarif 0 persen`, a tariff cut to nothing).
ZERO_ALLOWED = frozenset({"percent"})
MONEY_BOUNDS = (0.0, 1e15)  # any other ISO 4217 code (USD, EUR, CNY, RUB, ...)
OTHER_BOUNDS = (0.0, 1e13)  # counts, tonnes, barrels, people, ...

# Leftovers that the cleaner must have removed (docs/CONTRACT.md: body_text has "no ... ads, share
# buttons, 'Baca Juga' links"). Case matters for the ad labels: "advertisement" in a sentence is text.
BOILERPLATE_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Baca Juga", re.compile(r"\bBaca [Jj]uga\b")),
    ("ADVERTISEMENT", re.compile(r"\bADVERTISEMENT\b")),
    ("Advertisement", re.compile(r"(?m)^\s*Advertisement\s*$")),
    ("share label", re.compile(
        r"(?im)^\s*(?:bagikan|share|tweet|salin (?:tautan|link)|copy link)\s*(?:ke|to|:)?\s*"
        r"(?:facebook|twitter|whatsapp|telegram|line|x|linkedin)?\s*$"
    )),
)

FIGURE_BOUNDS = ExpectationSpec(
    "figure_value_within_unit_bounds", "value",
    reason="value must be positive and within the sane range for its unit (expectations/cross.py UNIT_BOUNDS)",
)
EVENT_NOT_AFTER_ARTICLE = ExpectationSpec(
    "event_not_after_article", "event_date",
    reason="event_date is after the article's publication date and the event is not planned",
)
SPEAKER_KNOWN = ExpectationSpec(
    "quote_speaker_is_known_entity", "speaker",
    reason="speaker is not a known entity of the gazetteer (flagged, not quarantined)",
)
NO_BOILERPLATE = ExpectationSpec(
    "body_text_has_no_boilerplate", "body_text",
    reason="body_text still carries boilerplate: " + ", ".join(name for name, _ in BOILERPLATE_MARKERS),
)


@dataclass
class CrossResult:
    """The batch after the cross checks: tables without the rows they rejected, the QUARANTINE and
    DQ_RESULTS rows (as dicts) they produced."""

    tables: dict[str, pl.DataFrame]
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)


def bounds_for(unit: str | None) -> tuple[float, float]:
    """The (exclusive low, inclusive high) range a figure's value must lie in for its unit."""
    if unit in UNIT_BOUNDS:
        return UNIT_BOUNDS[unit]
    if unit and re.fullmatch(r"[A-Z]{3}", unit):
        return MONEY_BOUNDS
    return OTHER_BOUNDS


def figure_bounds(figures: pl.DataFrame) -> list[int]:
    """Positions of figures whose value is not positive (zero where the unit allows it) or is
    beyond the range of its unit."""
    bad = []
    for i, (value, unit) in enumerate(zip(figures["value"], figures["unit"], strict=True)):
        low, high = bounds_for(unit)
        if value is None or not (low < value <= high or value == 0 and unit in ZERO_ALLOWED):
            bad.append(i)
    return bad


def events_after_article(events: pl.DataFrame, articles: pl.DataFrame) -> list[int]:
    """Positions of events dated after their article was published, unless they are planned."""
    published: dict[str, date | None] = dict(zip(articles["article_id"], articles["published_at"], strict=True))
    bad = []
    for i, row in enumerate(events.select("article_id", "event_date", "status").iter_rows()):
        article_id, event_date, status = row
        pub = published.get(article_id)
        if event_date is not None and pub is not None and status != "planned" and event_date > pub:
            bad.append(i)
    return bad


def unknown_speakers(quotes: pl.DataFrame, known: set[str]) -> list[int]:
    """Positions of quotes whose speaker is NULL or not a known entity."""
    return [i for i, s in enumerate(quotes["speaker"]) if s is None or s not in known]


def boilerplate_left(articles: pl.DataFrame) -> list[int]:
    """Positions of articles whose body_text still contains a boilerplate marker."""
    return [
        i for i, body in enumerate(articles["body_text"])
        if body and any(pattern.search(body) for _, pattern in BOILERPLATE_MARKERS)
    ]


def _markers_in(body: str) -> list[str]:
    return [name for name, pattern in BOILERPLATE_MARKERS if pattern.search(body)]


def cross_checks(
    tables: dict[str, pl.DataFrame], run_id: str, now: datetime, known_entities: set[str] | None = None
) -> CrossResult:
    """Run the cross-table checks on `tables` (rows that passed their row suites, keyed by table name).

    Known entities are the batch's `entities` rows with `known` set (they come from the gazetteer)
    and the names bodies are written by (their aliases), plus `known_entities` when given (e.g. the
    warehouse's)."""
    out = CrossResult(tables=dict(tables))
    articles = tables.get("articles")

    def reject(name: str, spec: ExpectationSpec, bad: list[int], sample: list[Any]) -> None:
        df = out.tables[name]
        outcome = Outcome(CROSS_SUITE, spec, not bad, df.height, bad, sample[:SAMPLE_SIZE])
        out.results.append(result_row(run_id, outcome, now))
        if bad:
            # The quarantine row names the table the row was meant for, so that a release loads it there.
            out.quarantine.extend(quarantine_rows(name, df, {i: [outcome] for i in bad}, run_id, now))
            keep = pl.Series([i not in set(bad) for i in range(df.height)], dtype=pl.Boolean)
            out.tables[name] = df.filter(keep)

    def flag(name: str, spec: ExpectationSpec, bad: list[int], sample: list[Any]) -> None:
        outcome = Outcome(CROSS_SUITE, spec, not bad, tables[name].height, bad, sample[:SAMPLE_SIZE])
        out.results.append(result_row(run_id, outcome, now, severity="warning"))

    figures = tables.get("figures")
    if figures is not None and figures.height:
        bad = figure_bounds(figures)
        reject("figures", FIGURE_BOUNDS, bad, [f"{figures['raw'][i]} -> {figures['value'][i]} {figures['unit'][i]}"
                                               for i in bad])
    events = tables.get("events")
    if events is not None and events.height and articles is not None:
        bad = events_after_article(events, articles)
        reject("events", EVENT_NOT_AFTER_ARTICLE, bad, [str(events["event_date"][i]) for i in bad])
    quotes = tables.get("quotes")
    if quotes is not None and quotes.height:
        known = set(known_entities or ())
        entities = tables.get("entities")
        if entities is not None and entities.height:
            known |= known_names_in(entities)
        bad = unknown_speakers(quotes, known)
        flag("quotes", SPEAKER_KNOWN, bad, sorted({str(quotes["speaker"][i]) for i in bad}))
    if articles is not None and articles.height:
        bad = boilerplate_left(articles)
        flag("articles", NO_BOILERPLATE, bad,
             [f"{articles['article_id'][i]}: {', '.join(_markers_in(articles['body_text'][i]))}" for i in bad])
    return out


def validate_batch(
    tables: dict[str, pl.DataFrame], run_id: str, now: datetime | None = None, known_entities: set[str] | None = None
) -> Validation:
    """Row suites per table (`expectations.validate.validate`), then the cross-table checks on what
    passed: the Validation the load takes, with every quarantined row and every result."""
    now = now or datetime.now()
    row_level = validate(tables, run_id, now)
    cross = cross_checks(row_level.tables, run_id, now, known_entities)
    return Validation(
        tables=cross.tables,
        quarantine=pl.concat([row_level.quarantine, QUARANTINE.conform(
            pl.DataFrame(cross.quarantine, schema=QUARANTINE.polars_schema()))]),
        results=pl.concat([row_level.results, DQ_RESULTS.conform(
            pl.DataFrame(cross.results, schema=DQ_RESULTS.polars_schema()))]),
    )
