"""`runs`: one row per pipeline run. `completed`: every input gave what it could; `degraded`: some
input failed or gave documents without articles; `failed`: no input worked, or the run broke."""

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
        Column("status", "VARCHAR", "how it ended: completed, degraded (a source gave nothing), failed",
               allowed=("running", "completed", "degraded", "failed")),
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
        Column("sources", "VARCHAR", "per-input health as a JSON list: documents, articles, unchanged, failures, "
                                     "status (ok, unchanged, no articles, failed)"),
        Column("chunks", "BIGINT", "chunks loaded (each one transaction)"),
    ),
)
