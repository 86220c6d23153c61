"""Batch-level expectations: checks on a whole batch, each with a severity.

A `critical` check that fails stops the run before the load: nothing of the batch is written and
the run is recorded as failed with the message of `BatchCheckFailed`. A `warning` check that fails
lets the batch load; it is reported (run report, Prefect artifacts) and kept in `dq_results`.

Critical: the batch's frames drifted from the declared schema; more than `max_quarantine_share` of
the batch's rows were quarantined.
Warning: the batch is empty although its sources had documents; one table's quarantined share is
above that limit; the newest article is stale.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

import polars as pl

from expectations.validate import Validation, _json_default
from transforms.ids import stable_id
from warehouse.dq_results import DQ_RESULTS
from warehouse.tables import BY_NAME

BATCH_SUITE = "batch"
Severity = Literal["warning", "critical"]
# The newest article of a run older than this is worth a look (a feed that stopped updating).
MAX_AGE_DAYS = 7


@dataclass(frozen=True)
class BatchOutcome:
    """What one batch-level expectation found: `message` says it in words for people."""

    expectation: str
    severity: Severity
    success: bool
    message: str
    element_count: int = 0
    unexpected_count: int = 0
    sample: list[Any] = field(default_factory=list)


class BatchCheckFailed(RuntimeError):
    """A critical batch-level expectation failed: nothing of the batch may be loaded."""

    def __init__(self, failed: list[BatchOutcome], results: pl.DataFrame | None = None) -> None:
        self.failed = failed
        # Every batch-level result of the run (DQ_RESULTS rows), for the failed run's record.
        self.results = results if results is not None else DQ_RESULTS.empty()
        reasons = "; ".join(f"{o.expectation}: {o.message}" for o in failed)
        super().__init__(f"critical data-quality check failed, nothing of this batch was loaded: {reasons}")


def schema_drift(tables: dict[str, pl.DataFrame]) -> BatchOutcome:
    """Every frame must be a declared table with exactly its declared columns and types. A column of
    nulls only (polars' Null type) is accepted: it casts to anything."""
    problems: list[str] = []
    for name, df in tables.items():
        table = BY_NAME.get(name)
        if table is None:
            problems.append(f"{name}: not a declared table")
            continue
        declared = table.polars_schema()
        missing = [c for c in declared if c not in df.columns]
        extra = [c for c in df.columns if c not in declared]
        retyped = [f"{c} is {df.schema[c]}, declared {declared[c]}" for c in df.columns
                   if c in declared and df.schema[c] != declared[c] and df.schema[c] != pl.Null]
        if missing:
            problems.append(f"{name}: missing columns {', '.join(missing)}")
        if extra:
            problems.append(f"{name}: undeclared columns {', '.join(extra)}")
        problems.extend(f"{name}: {r}" for r in retyped)
    return BatchOutcome(
        "batch_schema_matches_declaration", "critical", not problems,
        "; ".join(problems) if problems else "every table has its declared columns and types",
        element_count=len(tables), unexpected_count=len(problems), sample=problems[:5],
    )


def not_empty(tables: dict[str, pl.DataFrame], documents_in: int) -> BatchOutcome:
    """Documents came in (new or changed), yet no article came out: extraction broke, or the source
    now serves something else (a consent wall, an error page that parses to nothing). A warning:
    the documents' failure rows say why, and the run's per-source health (warta/chunks.py) marks
    a source that gave documents but no article, so the run is reported degraded, not crashed."""
    articles = tables.get("articles")
    n = 0 if articles is None else articles.height
    broken = documents_in > 0 and n == 0
    return BatchOutcome(
        "batch_not_empty(articles)", "warning", not broken,
        f"{documents_in} documents came in but no article came out" if broken
        else f"{n} articles from {documents_in} documents",
        element_count=documents_in, unexpected_count=documents_in if broken else 0,
    )


def _quarantined_rows(quarantine: pl.DataFrame) -> pl.DataFrame:
    # A row that broke several expectations has one quarantine row per expectation: count it once.
    return quarantine.select("table_name", "row_json").unique()


def quarantine_share(
    tables: dict[str, pl.DataFrame], quarantine: pl.DataFrame, max_share: float
) -> list[BatchOutcome]:
    """The share of the batch's rows that went to quarantine: above `max_share` overall is critical,
    above it in one table is a warning."""
    rows = _quarantined_rows(quarantine)
    total = sum(df.height for df in tables.values())
    bad = rows.height
    share = bad / total if total else 0.0
    outcomes = [BatchOutcome(
        f"batch_quarantine_share_at_most({max_share:g})", "critical", share <= max_share,
        f"{bad} of {total} rows quarantined ({share:.0%}; at most {max_share:.0%} allowed)",
        element_count=total, unexpected_count=bad,
        sample=rows.group_by("table_name").len().sort("table_name").rows() if bad else [],
    )]
    per_table = dict(rows.group_by("table_name").len().rows()) if bad else {}
    for name, df in tables.items():
        if not df.height:
            continue
        n = per_table.get(name, 0)
        outcomes.append(BatchOutcome(
            f"table_quarantine_share_at_most({name})", "warning", n / df.height <= max_share,
            f"{n} of {df.height} {name} rows quarantined ({n / df.height:.0%})",
            element_count=df.height, unexpected_count=n,
        ))
    return outcomes


def freshness(
    tables: dict[str, pl.DataFrame], today: date, newest_known: date | None = None, max_age_days: int = MAX_AGE_DAYS
) -> BatchOutcome:
    """The newest publication date among the batch's articles (and `newest_known`, the warehouse's
    newest) must be at most `max_age_days` old."""
    articles = tables.get("articles")
    dates = [d for d in ([] if articles is None else articles["published_at"].to_list()) if d is not None]
    if newest_known is not None:
        dates.append(newest_known)
    newest = max(dates, default=None)
    if isinstance(newest, datetime):
        newest = newest.date()
    if newest is None:
        return BatchOutcome("newest_article_is_fresh(published_at)", "warning", False,
                            "no article has a publication date")
    age = (today - newest).days
    return BatchOutcome(
        "newest_article_is_fresh(published_at)", "warning", age <= max_age_days,
        f"newest article published {newest.isoformat()}, {age} days ago (at most {max_age_days} expected)",
        element_count=len(dates), unexpected_count=0 if age <= max_age_days else 1, sample=[newest.isoformat()],
    )


def batch_checks(
    tables: dict[str, pl.DataFrame],
    validation: Validation,
    *,
    documents_in: int,
    max_quarantine_share: float,
    now: datetime | None = None,
    newest_known: date | None = None,
    max_age_days: int = MAX_AGE_DAYS,
) -> list[BatchOutcome]:
    """Every batch-level expectation on one batch. `tables` are the frames as the transforms made
    them (before validation), `validation` what the row and cross-table checks made of them, and
    `documents_in` the documents that were new or changed."""
    now = now or datetime.now()
    return [
        schema_drift(tables),
        not_empty(tables, documents_in),
        *quarantine_share(tables, validation.quarantine, max_quarantine_share),
        freshness(tables, now.date(), newest_known, max_age_days),
    ]


def critical_failures(outcomes: Iterable[BatchOutcome]) -> list[BatchOutcome]:
    return [o for o in outcomes if o.severity == "critical" and not o.success]


def results_frame(outcomes: Iterable[BatchOutcome], run_id: str, now: datetime) -> pl.DataFrame:
    """The DQ_RESULTS rows of the batch-level outcomes (suite `batch`); the sample holds the message
    first, then the unexpected values."""
    rows = [{
        "result_id": stable_id(run_id, BATCH_SUITE, o.expectation),
        "run_id": run_id,
        "suite": BATCH_SUITE,
        "expectation": o.expectation,
        "severity": o.severity,
        "success": o.success,
        "element_count": o.element_count,
        "unexpected_count": o.unexpected_count,
        "unexpected_sample": json.dumps([o.message, *o.sample], ensure_ascii=False, default=_json_default),
        "checked_at": now,
    } for o in outcomes]
    return DQ_RESULTS.conform(pl.DataFrame(rows, schema=DQ_RESULTS.polars_schema()))


def with_results(validation: Validation, outcomes: Iterable[BatchOutcome], run_id: str, now: datetime) -> Validation:
    """The validation with the batch-level results added to its DQ_RESULTS rows."""
    return Validation(tables=validation.tables, quarantine=validation.quarantine,
                      results=pl.concat([validation.results, results_frame(outcomes, run_id, now)]))


def gate(
    tables: dict[str, pl.DataFrame],
    validation: Validation,
    *,
    run_id: str,
    documents_in: int,
    max_quarantine_share: float,
    now: datetime | None = None,
    newest_known: date | None = None,
) -> Validation:
    """Run the batch-level expectations between validation and load. Returns the validation with
    their results added; raises `BatchCheckFailed` (carrying all results) when a critical one failed."""
    now = now or datetime.now()
    outcomes = batch_checks(tables, validation, documents_in=documents_in, max_quarantine_share=max_quarantine_share,
                            now=now, newest_known=newest_known)
    checked = with_results(validation, outcomes, run_id, now)
    failed = critical_failures(outcomes)
    if failed:
        raise BatchCheckFailed(failed, checked.results)
    return checked
