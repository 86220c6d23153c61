"""`entities`: the people, states and bodies the facts name."""

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
