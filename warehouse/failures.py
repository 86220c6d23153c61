"""`failures`: inputs that could not be pulled or parsed, with the reason, for a later retry."""

from warehouse.schema import Column, Table

FAILURES = Table(
    name="failures",
    description="Inputs that failed before they became articles; the raw input is kept (raw_ref).",
    key="failure_id",
    article_key=None,
    columns=(
        Column("failure_id", "VARCHAR", "hash of source and stage", nullable=False),
        Column("run_id", "VARCHAR", "the run it last failed in", nullable=False),
        Column("source", "VARCHAR", "the file, record or URL", nullable=False),
        Column("stage", "VARCHAR", "where it failed", allowed=("pull", "fetch", "parse", "extract")),
        Column("reason", "VARCHAR", "why, in words", nullable=False),
        Column("raw_ref", "VARCHAR", "where the raw input is kept (a path, or the record itself)"),
        Column("attempts", "BIGINT", "how many runs it has failed in"),
        Column("failed_at", "TIMESTAMP", "when it last failed", nullable=False),
        Column("resolved_at", "TIMESTAMP", "when a later run pulled it after all"),
        Column("content_hash", "VARCHAR", "hash of the input that failed: an unchanged input is not tried again"),
    ),
)
