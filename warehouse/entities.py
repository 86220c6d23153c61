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
    """`known_names` of rows not loaded yet (a chunk's): the same rule as the `entity_names` view,
    for the checks that run before the load. A body is written by the name the text gave it, one
    of its aliases (GOLD.md); people, states and places by their canonical name."""
    known = entities.filter(pl.col("known").fill_null(False))
    bodies = known.filter(pl.col("kind") == "org")["aliases"].explode().drop_nulls()
    return set(known["name"].to_list()) | set(bodies.to_list())
