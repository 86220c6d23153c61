"""The one entry point of data quality: `check(tables, ...)` runs the row suites, the checks across
tables and the batch gate on one chunk and returns one `Checked`, which the load writes, the run
report reads back from `dq_results` and the Data Docs render. Nothing is validated twice.

`RunResults` adds up the DQ_RESULTS rows of a run's chunks, so that a run keeps one row per
expectation however many chunks it had.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

import polars as pl

from expectations.batch import BatchOutcome, batch_checks, critical_failures, with_results
from expectations.cross import validate_batch
from warehouse.dq_results import DQ_RESULTS

# Batch-level results that describe the run as it stands, not a sum over chunks.
LATEST_WINS = frozenset({"newest_article_is_fresh(published_at)"})


@dataclass
class Checked:
    """One chunk after every check: the rows to load (none when a critical check failed), the
    QUARANTINE and DQ_RESULTS rows, and the critical batch checks that failed."""

    tables: dict[str, pl.DataFrame]
    quarantine: pl.DataFrame
    results: pl.DataFrame
    critical: list[BatchOutcome] = field(default_factory=list)

    @property
    def quarantined(self) -> int:
        return self.quarantine.height


def check(
    tables: dict[str, pl.DataFrame],
    *,
    run_id: str,
    documents_in: int,
    max_quarantine_share: float,
    newest_known: date | None = None,
    known_entities: set[str] | None = None,
    now: datetime | None = None,
) -> Checked:
    """Row suites per table, then the cross-table checks, then the batch-level checks on one chunk.
    When a critical batch check fails, no table row may load (`tables` is empty) but the results
    say why."""
    now = now or datetime.now()
    validation = validate_batch(tables, run_id, now, known_entities)
    outcomes = batch_checks(tables, validation, documents_in=documents_in,
                            max_quarantine_share=max_quarantine_share, now=now, newest_known=newest_known)
    checked = with_results(validation, outcomes, run_id, now)
    critical = critical_failures(outcomes)
    return Checked(tables={} if critical else checked.tables, quarantine=checked.quarantine,
                   results=checked.results, critical=critical)


class RunResults:
    """The DQ_RESULTS rows of a run so far: counts added up over chunks, success only when every
    chunk passed, the first chunk's sample kept (freshness: the latest chunk's outcome)."""

    def __init__(self) -> None:
        self._rows: dict[str, dict] = {}

    def add(self, results: pl.DataFrame) -> None:
        for row in results.iter_rows(named=True):
            seen = self._rows.get(row["result_id"])
            if seen is None or row["expectation"] in LATEST_WINS:
                self._rows[row["result_id"]] = dict(row)
                continue
            seen["element_count"] = (seen["element_count"] or 0) + (row["element_count"] or 0)
            seen["unexpected_count"] = (seen["unexpected_count"] or 0) + (row["unexpected_count"] or 0)
            seen["success"] = bool(seen["success"]) and bool(row["success"])
            seen["checked_at"] = row["checked_at"]
            if not json.loads(seen["unexpected_sample"] or "[]"):
                seen["unexpected_sample"] = row["unexpected_sample"]

    def __len__(self) -> int:
        return len(self._rows)

    def frame(self) -> pl.DataFrame:
        return DQ_RESULTS.conform(pl.DataFrame(list(self._rows.values()), schema=DQ_RESULTS.polars_schema()))
