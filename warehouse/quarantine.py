"""`quarantine`: every row an expectation rejected, with the reason and the row itself."""

from warehouse.schema import Column, Table

QUARANTINE = Table(
    name="quarantine",
    description="Rejected rows, kept whole (as JSON) with the table, the expectation and the reason.",
    key="quarantine_id",
    article_key=None,
    # A row quarantined again keeps its first record (and its release, if any).
    disposition="append",
    columns=(
        Column("quarantine_id", "VARCHAR", "hash of table, row key and expectation", nullable=False),
        Column("run_id", "VARCHAR", "the run that rejected it", nullable=False),
        Column("table_name", "VARCHAR", "the table it was meant for", nullable=False),
        Column("row_key", "VARCHAR", "the row's primary key value"),
        Column("article_id", "VARCHAR", "the article it came from"),
        Column("expectation", "VARCHAR", "the expectation it broke", nullable=False),
        Column("reason", "VARCHAR", "why, in words", nullable=False),
        Column("row_json", "VARCHAR", "the whole row as JSON", nullable=False),
        Column("quarantined_at", "TIMESTAMP", "when it was rejected", nullable=False),
        Column("released_at", "TIMESTAMP", "when it was released after a rule change"),
    ),
)
