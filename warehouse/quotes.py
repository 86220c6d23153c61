"""`quotes`: one row per direct quotation, attributed to a speaker."""

from warehouse.schema import Column, Table

QUOTES = Table(
    name="quotes",
    description="Direct speech inside quotation marks, with its speaker.",
    key="quote_id",
    columns=(
        Column("quote_id", "VARCHAR", "stable id", nullable=False, regex=r"^[0-9a-f]{16}$"),
        Column("article_id", "VARCHAR", "-> articles", nullable=False),
        Column("speaker", "VARCHAR", "canonical name of the person quoted, or the body as the text names it "
               "(an alias of its entities row); NULL when unknown"),
        Column("quote_text", "VARCHAR", "the words inside the quotation marks", nullable=False),
        Column("verb", "VARCHAR", "the speech verb that attributes it (kata, ujar, ...)"),
        Column("cited_source", "VARCHAR", "the outlet or agency it was taken from (AFP, Reuters)"),
        Column("position", "INTEGER", "order of the quote in the article", min_value=0),
    ),
)

FRAGMENTS = Table(
    name="fragments",
    description="Quoted phrases that are not speech: terms in quotation marks, slogans, scare quotes.",
    key="fragment_id",
    columns=(
        Column("fragment_id", "VARCHAR", "stable id", nullable=False, regex=r"^[0-9a-f]{16}$"),
        Column("article_id", "VARCHAR", "-> articles", nullable=False),
        Column("speaker", "VARCHAR", "whose phrase it is, when the sentence says"),
        Column("fragment_text", "VARCHAR", "the words inside the quotation marks", nullable=False),
        Column("position", "INTEGER", "order in the article", min_value=0),
    ),
)
