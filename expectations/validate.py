"""Run the suites on a batch: rows that pass go on to the load, rows that fail go to quarantine.

The suites are great-expectations' expectations by name (expectations/suites.py), evaluated as
polars expressions on the batch's frames: the unexpected row positions pick the rows to
quarantine, and the same outcomes feed the load, the run report and the Data Docs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import polars as pl

from expectations.suites import ExpectationSpec, row_suite
from transforms.ids import stable_id
from warehouse.dq_results import DQ_RESULTS
from warehouse.quarantine import QUARANTINE
from warehouse.tables import BY_NAME, FACT_TABLES

SAMPLE_SIZE = 5


@dataclass
class Validation:
    """The outcome of validating one batch."""

    tables: dict[str, pl.DataFrame]  # rows that passed, per table
    quarantine: pl.DataFrame  # QUARANTINE rows
    results: pl.DataFrame  # DQ_RESULTS rows, one per expectation

    @property
    def quarantined(self) -> int:
        return self.quarantine.height


@dataclass(frozen=True)
class Outcome:
    """What one expectation said about one table."""

    suite: str
    spec: ExpectationSpec
    success: bool
    element_count: int
    bad_rows: list[int]
    sample: list[Any]


def _json_default(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def row_json(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, default=_json_default, sort_keys=True)


def _unexpected(spec: ExpectationSpec) -> pl.Expr:
    """True for the rows that break `spec`, with great-expectations' semantics: only the null
    check looks at nulls; uniqueness marks every copy of a repeated value."""
    col = pl.col(spec.column)
    present = col.is_not_null()
    match spec.gx_type:
        case "ExpectColumnValuesToNotBeNull":
            return col.is_null()
        case "ExpectColumnValuesToBeUnique":
            return present & col.is_duplicated()
        case "ExpectColumnValuesToBeInSet":
            return present & ~col.is_in(spec.kwargs["value_set"])
        case "ExpectColumnValuesToMatchRegex":
            return present & ~col.cast(pl.String).str.contains(spec.kwargs["regex"])
        case "ExpectColumnValuesToBeBetween":
            low, high = spec.kwargs.get("min_value"), spec.kwargs.get("max_value")
            out = pl.lit(False)
            if low is not None:
                out = out | (col < low)
            if high is not None:
                out = out | (col > high)
            return present & out
    raise ValueError(f"no row check for {spec.gx_type}")


def _run_suite(table_name: str, df: pl.DataFrame, specs: list[ExpectationSpec]) -> list[Outcome]:
    """Every expectation of a suite in one polars pass over the frame. The specs keep the names of
    great-expectations' expectations, which the Data Docs render (expectations/datadocs.py);
    evaluating them here costs milliseconds where a GX context per batch cost seconds."""
    masks = df.select(_unexpected(spec).fill_null(False).alias(str(i)) for i, spec in enumerate(specs))
    outcomes = []
    for i, spec in enumerate(specs):
        bad = masks.get_column(str(i)).arg_true().to_list()
        sample = df.get_column(spec.column).gather(bad[:SAMPLE_SIZE]).to_list() if bad else []
        outcomes.append(Outcome(suite=table_name, spec=spec, success=not bad, element_count=df.height,
                                bad_rows=bad, sample=sample))
    return outcomes


def quarantine_rows(
    table_name: str, df: pl.DataFrame, reasons: dict[int, list[Outcome]], run_id: str, now: datetime
) -> list[dict[str, Any]]:
    table = BY_NAME[table_name]
    rows = df.to_dicts()
    out = []
    for index, outcomes in sorted(reasons.items()):
        row = rows[index]
        key = row.get(table.key)
        for outcome in outcomes:
            out.append(
                {
                    "quarantine_id": stable_id(table_name, key, outcome.spec.name, row_json(row)),
                    "run_id": run_id,
                    "table_name": table_name,
                    "row_key": None if key is None else str(key),
                    "article_id": row.get("article_id"),
                    "expectation": outcome.spec.name,
                    "reason": outcome.spec.reason,
                    "row_json": row_json(row),
                    "quarantined_at": now,
                    "released_at": None,
                }
            )
    return out


def validate(tables: dict[str, pl.DataFrame], run_id: str, now: datetime | None = None) -> Validation:
    """Validate every table of a batch. `articles` goes first: facts of an article that was
    quarantined, or that is missing, are quarantined too (they would point at nothing)."""
    now = now or datetime.now()
    passed: dict[str, pl.DataFrame] = {}
    quarantined: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    order = ["articles"] + [n for n in tables if n != "articles"]
    for name in order:
        if name not in tables:
            continue
        table = BY_NAME[name]
        # Identical rows are one row said twice, not a conflict: keep one before the key check.
        df = table.conform(tables[name]).unique(maintain_order=True)
        specs = row_suite(table)
        outcomes = _run_suite(name, df, specs) if df.height else []
        bad: dict[int, list[Outcome]] = {}
        for outcome in outcomes:
            for index in outcome.bad_rows:
                bad.setdefault(index, []).append(outcome)
        if table in FACT_TABLES and "articles" in passed:
            orphan = ExpectationSpec("fact_article_exists", "article_id",
                                     reason="its article is not loaded in this batch (missing or quarantined)")
            known = set(passed["articles"]["article_id"].to_list())
            orphans = df.select(~pl.col("article_id").is_in(list(known))).to_series().arg_true().to_list()
            outcome = Outcome(name, orphan, not orphans, df.height, orphans,
                              [df["article_id"][i] for i in orphans[:SAMPLE_SIZE]])
            outcomes.append(outcome)
            for index in orphans:
                bad.setdefault(index, []).append(outcome)
        quarantined.extend(quarantine_rows(name, df, bad, run_id, now))
        passed[name] = df.with_row_index("_i").filter(~pl.col("_i").is_in(list(bad))).drop("_i") if bad else df
        results.extend(result_row(run_id, outcome, now) for outcome in outcomes)
    return Validation(
        tables=passed,
        quarantine=QUARANTINE.conform(pl.DataFrame(quarantined, schema=QUARANTINE.polars_schema())),
        results=DQ_RESULTS.conform(pl.DataFrame(results, schema=DQ_RESULTS.polars_schema())),
    )


def result_row(run_id: str, outcome: Outcome, now: datetime, severity: str = "row") -> dict[str, Any]:
    """The DQ_RESULTS row of one expectation's outcome."""
    return {
        "result_id": stable_id(run_id, outcome.suite, outcome.spec.name),
        "run_id": run_id,
        "suite": outcome.suite,
        "expectation": outcome.spec.name,
        "severity": severity,
        "success": outcome.success,
        "element_count": outcome.element_count,
        "unexpected_count": len(outcome.bad_rows),
        "unexpected_sample": json.dumps(outcome.sample, ensure_ascii=False, default=_json_default),
        "checked_at": now,
    }
