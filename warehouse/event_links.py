"""`event_links`: which canonical event each reported event belongs to, kept apart from `events`
so that a link outlives the reload of its article (a reload deletes and re-inserts the article's
events): re-extracting an article gives its events back their canonical ids.
`events.canonical_event_id` mirrors it."""

from warehouse.schema import Column, Table

EVENT_LINKS = Table(
    name="event_links",
    description="The canonical event of every reported event.",
    key="event_id",
    article_key=None,
    columns=(
        Column("event_id", "VARCHAR", "-> events", nullable=False, regex=r"^[0-9a-f]{16}$"),
        Column("canonical_event_id", "VARCHAR", "-> canonical_events", nullable=False, regex=r"^[0-9a-f]{16}$"),
        Column("linked_at", "TIMESTAMP", "when the link was made"),
    ),
)
