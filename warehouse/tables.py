"""Every table of the warehouse, in load order."""

from warehouse.article_signatures import ARTICLE_SIGNATURES
from warehouse.articles import ARTICLES
from warehouse.canonical_events import CANONICAL_EVENTS
from warehouse.dq_results import DQ_RESULTS
from warehouse.entities import ENTITIES
from warehouse.event_links import EVENT_LINKS
from warehouse.events import EVENTS
from warehouse.failures import FAILURES
from warehouse.figures import FIGURES
from warehouse.quarantine import QUARANTINE
from warehouse.quotes import FRAGMENTS, QUOTES
from warehouse.runs import RUNS
from warehouse.schema import Table

# Facts hang off an article: they are replaced together with it.
FACT_TABLES: tuple[Table, ...] = (QUOTES, FRAGMENTS, FIGURES, EVENTS)
ALL_TABLES: tuple[Table, ...] = (
    ARTICLES, *FACT_TABLES, ENTITIES, RUNS, QUARANTINE, FAILURES, DQ_RESULTS,
    # Written after the load, by linking (warta/linking.py).
    ARTICLE_SIGNATURES, EVENT_LINKS, CANONICAL_EVENTS,
)
BY_NAME: dict[str, Table] = {t.name: t for t in ALL_TABLES}
