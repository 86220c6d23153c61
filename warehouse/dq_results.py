"""`dq_results`: the outcome of every expectation on every run, to query quality over time."""

from warehouse.schema import Column, Table

DQ_RESULTS = Table(
    name="dq_results",
    description="One row per expectation per run.",
    key="result_id",
    article_key=None,
    # A run's results are rewritten after every chunk with the run's totals so far.
    disposition="merge",
    columns=(
        Column("result_id", "VARCHAR", "hash of run, suite and expectation", nullable=False),
        Column("run_id", "VARCHAR", "-> runs: the run that checked it", nullable=False),
        Column("suite", "VARCHAR", "the suite (one per table, plus cross-table checks)", nullable=False),
        Column("expectation", "VARCHAR", "expectation type and its column", nullable=False),
        Column("severity", "VARCHAR", "what a failure does: rejects rows, warns, or fails the batch",
               allowed=("row", "warning", "critical")),
        Column("success", "BOOLEAN", "whether the expectation held", nullable=False),
        Column("element_count", "BIGINT", "rows checked"),
        Column("unexpected_count", "BIGINT", "rows that broke it"),
        Column("unexpected_sample", "VARCHAR", "a few unexpected values, as JSON"),
        Column("checked_at", "TIMESTAMP", "when it was checked", nullable=False),
    ),
)
