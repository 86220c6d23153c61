"""`runs`: one row per pipeline run."""

from warehouse.schema import Column, Table

RUNS = Table(
    name="runs",
    description="One row per run: when, on what, how many rows in and out, how it ended.",
    key="run_id",
    article_key=None,
    columns=(
        Column("run_id", "VARCHAR", "id of the run (the Prefect flow run id when there is one)", nullable=False),
        Column("started_at", "TIMESTAMP", "when the run started", nullable=False),
        Column("ended_at", "TIMESTAMP", "when it ended; NULL while running"),
        Column("status", "VARCHAR", "how it ended", allowed=("running", "completed", "failed")),
        Column("inputs", "VARCHAR", "the inputs as a JSON list"),
        Column("documents_in", "BIGINT", "documents pulled"),
        Column("articles_loaded", "BIGINT", "articles written (new or changed)"),
        Column("articles_unchanged", "BIGINT", "articles skipped because their input had not changed"),
        Column("quotes_loaded", "BIGINT", "quote rows written"),
        Column("figures_loaded", "BIGINT", "figure rows written"),
        Column("events_loaded", "BIGINT", "event rows written"),
        Column("quarantined", "BIGINT", "rows sent to quarantine"),
        Column("failures", "BIGINT", "inputs that could not be pulled or parsed"),
        Column("message", "VARCHAR", "why a failed run failed"),
    ),
)
