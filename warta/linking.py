"""The link step, after each load: near-copies among the articles and one canonical event per
real-world happening, over everything in the warehouse.

It works on what is pending in the file (articles not signed since their text last changed, events
not linked yet), not on what the run loaded, so it needs no input, catches up after a run that
stopped between load and link, and can run after every chunk of a streaming load. It reads that
state, calls the pure matchers in `transforms/` and writes back in one transaction.
"""

from __future__ import annotations

from datetime import datetime

import duckdb

from transforms.canonical import assign, consolidate
from transforms.duplicates import METHOD, near_duplicates
from warehouse import article_signatures as signatures
from warehouse import canonical_events


def link(con: duckdb.DuckDBPyConnection, *, threshold: float = 0.5, window_days: int = 31,
         batch: int = 2000) -> dict[str, int]:
    """Link what is pending in the open warehouse `con`. `threshold` is the estimated Jaccard
    similarity of word 3-grams from which two articles are near-copies; `window_days` how far
    apart in publication they may be; `batch` how many texts are compared at a time. Returns
    rows written per table."""
    counts: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        counts["article_signatures"] = 0
        # A batch of texts at a time: a backfill of many articles is not read into memory whole.
        while (pending := signatures.pending_articles(con, METHOD, limit=batch)).height:
            known = signatures.known_around(con, pending, METHOD, window_days)
            found = near_duplicates(known, pending, threshold=threshold)
            signatures.write(con, found.signatures, found.changes)
            counts["article_signatures"] += pending.height
        signatures.sync_duplicate_of(con)

        events = canonical_events.pending_events(con)
        links = assign(canonical_events.candidates(con, events), events)
        counts["event_links"] = links.height
        touched = canonical_events.write_links(con, links, datetime.now().replace(microsecond=0))
        described = consolidate(canonical_events.members(con, touched))
        canonical_events.write(con, described, touched)
        counts["canonical_events"] = described.height
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts
