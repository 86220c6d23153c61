"""`entities`: the people, states and bodies the facts name."""

import duckdb
import polars as pl

from warehouse.schema import Column, Table

ENTITIES = Table(
    name="entities",
    description="People, states and organisations named by quotes, figures and events.",
    key="name",
    article_key=None,
    columns=(
        Column("name", "VARCHAR", "canonical name, as used in the fact tables", nullable=False),
        Column("kind", "VARCHAR", "what it is", allowed=("person", "state", "org", "place", "unknown")),
        Column("wikidata_id", "VARCHAR", "Wikidata item, where known", regex=r"^Q[0-9]+$"),
        Column("state", "VARCHAR", "the state a person, city or body belongs to (canonical name)"),
        Column("aliases", "VARCHAR[]", "other spellings the texts use for it (`Tiongkok`, `Russia`, `Putin`)"),
        Column("known", "BOOLEAN", "true when it comes from the gazetteer, false when only seen in text"),
    ),
)


def known_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every name a fact may write for a known entity (`entity_names`): speakers the checks accept."""
    return {r[0] for r in con.execute(
        "SELECT n.written FROM entity_names n JOIN entities e ON e.name = n.name WHERE e.known").fetchall()}


def known_names_in(entities: pl.DataFrame) -> set[str]:
    """`known_names` of rows not loaded yet (a chunk's, for the checks before the load): the same
    `entity_names` view and query, over the frame in an in-memory database."""
    from warehouse.views import ENTITY_NAMES

    with duckdb.connect() as con:
        con.register("entities", ENTITIES.conform(entities).to_arrow())
        con.execute(ENTITY_NAMES.sql)
        return known_names(con)
