"""`events`: one row per event an article reports."""

from warehouse.schema import EARLIEST_DATE, Column, Table

EVENT_TYPES = ("call", "meeting", "visit", "summit", "declaration", "other")

EVENTS = Table(
    name="events",
    description="Calls, meetings, visits, summits and declarations, with resolved dates.",
    key="event_id",
    columns=(
        Column("event_id", "VARCHAR", "stable id", nullable=False, regex=r"^[0-9a-f]{16}$"),
        Column("article_id", "VARCHAR", "-> articles", nullable=False),
        # Planned events may lie ahead, but not by decades.
        Column("event_date", "DATE", "the day, or the first day of its month or year",
               min_value=EARLIEST_DATE, max_days_ahead=3660),
        Column("date_precision", "VARCHAR", "precision of event_date", allowed=("day", "month", "year")),
        Column("event_type", "VARCHAR", "kind of event", nullable=False, allowed=EVENT_TYPES),
        Column("participants", "VARCHAR[]", "canonical names of the people or states taking part"),
        Column("place", "VARCHAR", "city or country; NULL when not stated or not physical"),
        Column("status", "VARCHAR", "whether it happened or is planned", allowed=("happened", "planned")),
        Column("medium", "VARCHAR", "phone or video, for calls", allowed=("phone", "video")),
        Column("evidence", "VARCHAR", "the sentence it was read from"),
        Column("position", "INTEGER", "order in the article", min_value=0),
        # Set after the load, by linking (warta/linking.py); NULL until then.
        Column("canonical_event_id", "VARCHAR", "-> canonical_events: the same for every report of one real event",
               regex=r"^[0-9a-f]{16}$"),
    ),
)
