"""Row-level expectation suites, derived from the table declarations.

A spec is plain data so that the suites can be listed, tested and documented without importing
great-expectations (which costs ~5 s); `expectations.validate` turns specs into GX expectations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from warehouse.schema import Table


@dataclass(frozen=True)
class ExpectationSpec:
    """One expectation on one column; `gx_type` is the great-expectations class name."""

    gx_type: str
    column: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    reason: str = ""

    @property
    def name(self) -> str:
        return f"{self.gx_type}({self.column})"


def row_suite(table: Table) -> list[ExpectationSpec]:
    """The expectations every row of `table` must meet, read off its declaration."""
    specs: list[ExpectationSpec] = []
    for col in table.columns:
        if col.name == table.key or not col.nullable:
            specs.append(ExpectationSpec("ExpectColumnValuesToNotBeNull", col.name,
                                         reason=f"{col.name} is required"))
        if col.name == table.key:
            specs.append(ExpectationSpec("ExpectColumnValuesToBeUnique", col.name,
                                         reason=f"{col.name} is the primary key and must be unique"))
        if col.allowed is not None:
            specs.append(ExpectationSpec("ExpectColumnValuesToBeInSet", col.name,
                                         {"value_set": list(col.allowed)},
                                         reason=f"{col.name} must be one of {', '.join(col.allowed)}"))
        if col.regex is not None:
            specs.append(ExpectationSpec("ExpectColumnValuesToMatchRegex", col.name, {"regex": col.regex},
                                         reason=f"{col.name} must match {col.regex}"))
        low, high = col.min_value, col.max_value
        if col.max_days_ahead is not None:
            high = date.today() + timedelta(days=col.max_days_ahead)
        if low is not None or high is not None:
            specs.append(ExpectationSpec("ExpectColumnValuesToBeBetween", col.name,
                                         {"min_value": _bound(low), "max_value": _bound(high)},
                                         reason=f"{col.name} must lie in [{low}, {high}]"))
    return specs


def _bound(value: float | date | None) -> float | datetime | None:
    """GX compares date columns (pandas timestamps) with datetimes, not dates."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value
