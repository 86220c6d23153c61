"""`figures`: one row per number the article states as a fact."""

from warehouse.schema import Column, Table

FIGURE_KINDS = ("actual", "target", "forecast", "limit")
DIRECTIONS = ("rise", "fall", "none")

FIGURES = Table(
    name="figures",
    description="Numbers stated as facts: money, percentages, exchange rates and digit-written counts "
                "(never dates, durations, anniversaries or counts written as words).",
    key="figure_id",
    columns=(
        Column("figure_id", "VARCHAR", "stable id", nullable=False, regex=r"^[0-9a-f]{16}$"),
        Column("article_id", "VARCHAR", "-> articles", nullable=False),
        Column("raw", "VARCHAR", "the span as written (`USD 200 miliar`, `11,6 persen`)", nullable=False),
        Column("value", "DOUBLE", "its value in units, always positive (`direction` says rise or fall)",
               nullable=False),
        Column("unit", "VARCHAR", "ISO 4217 code, `percent`, an exchange rate `IDR/USD`, or a lower-case "
               "unit word for counts", nullable=False, regex=r"^(?:[A-Z]{3}(?:/[A-Z]{3})?|[a-z][a-z0-9 ]*)$"),
        Column("measure", "VARCHAR", "what is measured (trade, investment, trade change, exchange rate, ...)"),
        Column("kind", "VARCHAR", "actual result, target, forecast or limit (money and percent only)",
               allowed=FIGURE_KINDS),
        Column("direction", "VARCHAR", "for a change: rise or fall; none for a level (money and percent only)",
               allowed=DIRECTIONS),
        Column("parties", "VARCHAR[]", "the states or bodies the figure is about"),
        Column("period", "VARCHAR", "the period the figure is for, as written in ISO form (`2023`, `2023-05`)"),
        Column("period_start", "DATE", "first day of the period the figure is for"),
        Column("period_end", "DATE", "last day of the period the figure is for"),
        Column("period_precision", "VARCHAR", "precision of the period", allowed=("day", "month", "year")),
        Column("position", "INTEGER", "order in the article", min_value=0),
    ),
)
