"""`canonical_events`: one row per real-world event, gathering the `events` rows of every article
that reports it; and the SQL of linking events to it.

A row's description (type, date, participants, place, status) is rewritten whenever its reports
change; its counts (reports, outlets, first and last reported) are recounted on every link step,
since a report's article can change without its events changing (a new outlet name, a near-copy
found later).
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import polars as pl

from warehouse.events import EVENT_TYPES
from warehouse.schema import Column, Table, query_frame

CANONICAL_EVENTS = Table(
    name="canonical_events",
    description="One row per real-world event, consolidated from the events that report it.",
    key="canonical_event_id",
    article_key=None,
    columns=(
        Column("canonical_event_id", "VARCHAR", "stable id", nullable=False, regex=r"^[0-9a-f]{16}$"),
        Column("event_type", "VARCHAR", "kind of event", nullable=False, allowed=EVENT_TYPES),
        Column("event_date", "DATE", "the most precise date its reports agree on"),
        Column("date_precision", "VARCHAR", "precision of event_date", allowed=("day", "month", "year")),
        Column("participants", "VARCHAR[]", "union of the participants its reports name"),
        Column("place", "VARCHAR", "the place most reports name, a city before its state"),
        Column("status", "VARCHAR", "happened once a report says so", allowed=("happened", "planned")),
        Column("reports", "INTEGER", "distinct articles reporting it, near-copies counted once", min_value=1),
        Column("outlets", "INTEGER", "distinct outlets reporting it", min_value=0),
        Column("first_reported", "DATE", "publication date of its earliest report"),
        Column("last_reported", "DATE", "publication date of its latest report"),
    ),
)


def pending_events(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Events not linked yet, with their article's publication date."""
    return query_frame(
        con,
        """
        SELECT e.event_id, e.article_id, e.event_type, e.event_date, e.date_precision, e.participants,
               e.place, e.position, a.published_at
        FROM events e LEFT JOIN event_links l USING (event_id) LEFT JOIN articles a USING (article_id)
        WHERE l.event_id IS NULL
        ORDER BY e.event_id
        """
    )


def candidates(con: duckdb.DuckDBPyConnection, pending: pl.DataFrame) -> pl.DataFrame:
    """Canonical events the pending ones could report: of their types and, when they are all
    dated, of the years around theirs; oldest first."""
    if pending.height == 0:
        return CANONICAL_EVENTS.empty().drop("reports", "outlets", "first_reported", "last_reported")
    dated = pending["event_date"].drop_nulls()
    years = (None, None) if dated.len() < pending.height else (dated.min().year - 1, dated.max().year + 1)
    return query_frame(
        con,
        """
        SELECT canonical_event_id, event_type, event_date, date_precision, participants, place, status
        FROM canonical_events
        WHERE list_contains($types, event_type)
          AND ($low::INTEGER IS NULL OR event_date IS NULL OR year(event_date) BETWEEN $low AND $high)
        ORDER BY first_reported NULLS LAST, canonical_event_id
        """,
        {"types": sorted(set(pending["event_type"].drop_nulls())), "low": years[0], "high": years[1]},
    )


def write_links(con: duckdb.DuckDBPyConnection, links: pl.DataFrame, when: datetime) -> set[str]:
    """Store new links, drop those of events no longer in `events` (their article was
    re-extracted), and mirror all into `events.canonical_event_id`. Returns the canonical
    events whose reports changed."""
    touched = set(links["canonical_event_id"])
    if links.height:
        frame = links.with_columns(linked_at=pl.lit(when)).to_arrow()  # noqa: F841 - read by name below
        con.execute("INSERT OR REPLACE INTO event_links SELECT event_id, canonical_event_id, linked_at FROM frame")
    gone = con.execute(
        "DELETE FROM event_links WHERE event_id NOT IN (SELECT event_id FROM events) RETURNING canonical_event_id"
    ).fetchall()
    touched |= {r[0] for r in gone}
    con.execute(
        """
        UPDATE events e SET canonical_event_id = l.canonical_event_id FROM event_links l
        WHERE e.event_id = l.event_id AND e.canonical_event_id IS DISTINCT FROM l.canonical_event_id
        """
    )
    return touched


def members(con: duckdb.DuckDBPyConnection, ids: set[str]) -> pl.DataFrame:
    """The reports of the canonical events `ids`: their events, each with its report (the article,
    or the earlier article it is a near-copy of) and publication date."""
    return query_frame(
        con,
        """
        SELECT l.canonical_event_id, e.event_type, e.event_date, e.date_precision, e.participants, e.place,
               e.status, coalesce(a.duplicate_of, e.article_id) AS report, a.published_at
        FROM event_links l JOIN events e USING (event_id) LEFT JOIN articles a USING (article_id)
        WHERE list_contains(?, l.canonical_event_id)
        ORDER BY l.canonical_event_id, e.event_id
        """,
        [sorted(ids)],
    )


def write(con: duckdb.DuckDBPyConnection, described: pl.DataFrame, touched: set[str]) -> None:
    """Replace the rows of the `touched` canonical events by their new descriptions (those left
    without reports disappear), then recount every row."""
    keep = set(described["canonical_event_id"])
    con.execute("DELETE FROM canonical_events WHERE list_contains(?, canonical_event_id)",
                [sorted(touched - keep)])
    if described.height:
        frame = CANONICAL_EVENTS.conform(described).to_arrow()  # noqa: F841 - read by name below
        cols = ", ".join(CANONICAL_EVENTS.column_names)
        con.execute(f"INSERT OR REPLACE INTO canonical_events ({cols}) SELECT {cols} FROM frame")
    con.execute(
        """
        UPDATE canonical_events c
        SET reports = n.reports, outlets = n.outlets, first_reported = n.first_reported,
            last_reported = n.last_reported
        FROM (
            SELECT l.canonical_event_id,
                   count(DISTINCT coalesce(a.duplicate_of, e.article_id))::INTEGER AS reports,
                   count(DISTINCT a.outlet)::INTEGER AS outlets,
                   min(a.published_at) AS first_reported, max(a.published_at) AS last_reported
            FROM event_links l JOIN events e USING (event_id) LEFT JOIN articles a USING (article_id)
            GROUP BY l.canonical_event_id
        ) n
        WHERE c.canonical_event_id = n.canonical_event_id
          AND (c.reports IS DISTINCT FROM n.reports OR c.outlets IS DISTINCT FROM n.outlets
               OR c.first_reported IS DISTINCT FROM n.first_reported
               OR c.last_reported IS DISTINCT FROM n.last_reported)
        """
    )
