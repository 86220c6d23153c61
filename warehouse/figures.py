"""`figures`: one row per number the article states as a fact."""

from warehouse.schema import Column, Table

FIGURES = Table(
    name="figures",
    description="Numbers stated as facts: money, percentages, counts, durations.",
    key="figure_id",
    columns=(
        Column("figure_id", "VARCHAR", "stable id", nullable=False, regex=r"^[0-9a-f]{16}$"),
        Column("article_id", "VARCHAR", "-> articles", nullable=False),
        Column("raw", "VARCHAR", "the span as written", nullable=False),
        Column("value", "DOUBLE", "its value in units", nullable=False),
        Column("unit", "VARCHAR", "ISO 4217 code, `percent`, or a lower-case unit word", nullable=False,
               regex=r"^(?:[A-Z]{3}|[a-z][a-z ]*)$"),
        Column("measure", "VARCHAR", "what is measured (trade, investment, ...)"),
        Column("parties", "VARCHAR[]", "the states or bodies the figure is about"),
        Column("period", "VARCHAR", "the year (or year-month) the figure is for"),
        Column("position", "INTEGER", "order in the article", min_value=0),
    ),
)
