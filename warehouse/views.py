"""The analysts' views: questions answered by one short query each.

Each view's SQL lives in `warehouse/sql/<name>.sql`; its description and the meaning of every
column are declared here once and written into the file as `COMMENT ON` statements.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from warehouse.schema import comment_statements, comment_targets

SQL_DIR = Path(__file__).with_name("sql")


@dataclass(frozen=True)
class View:
    """A view: its name (and SQL file), what one row is, and what each column means."""

    name: str
    description: str
    columns: dict[str, str]

    @property
    def sql(self) -> str:
        return _read(self.name)

    def comments(self) -> list[str]:
        return comment_statements("VIEW", self.name, self.description, self.columns)

    def comment_targets(self) -> list[tuple[str, str | None, str]]:
        return comment_targets(self.name, self.description, self.columns)


@cache
def _read(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


EVENT_TIMELINE = View(
    name="event_timeline",
    description="One row per event (call, meeting, visit, summit, declaration) in date order, with its "
                "status and date precision.",
    columns={
        "event_key": ("the real-world event: canonical_events.canonical_event_id "
                      "(events.canonical_event_id lists its reports)"),
        "event_date": "first day of the period the event is dated to",
        "event_end": "last day of that period: the day itself, the month's or the year's last day",
        "date_precision": "day, month or year",
        "when": "the date as precise as it is known (`2024-02-08`, `2024-05`, `2023`)",
        "event_type": "call, meeting, visit, summit, declaration or other",
        "status": "happened or planned",
        "participants": "canonical names of the people or states taking part (keys of entities)",
        "who": "the participants as one string",
        "place": "city (or country) where it took place",
        "reports": "articles that report it",
        "outlets": "outlets that report it",
        "first_reported": "publication date of its earliest report",
        "last_reported": "publication date of its latest report",
    },
)

WHO_SAID_WHAT = View(
    name="who_said_what",
    description="One row per direct quotation: who said it, when it was published, where, and from which source.",
    columns={
        "published_at": "publication date of the article",
        "speaker": ("canonical name of the person quoted, or the body as the text names it (`Kemlu RI`, "
                    "an alias of its entities row); NULL when unknown"),
        "speaker_kind": "person, state, org, place or unknown",
        "speaker_state": "the state the speaker belongs to",
        "quote_text": "the words inside the quotation marks",
        "verb": "the speech verb that attributes it",
        "cited_source": "the outlet or agency it was taken from (AFP, Reuters)",
        "outlet": "the outlet that published the article",
        "title": "the article's headline",
        "url": "the article's URL",
        "article_id": "-> articles",
        "quote_id": "-> quotes",
    },
)

FIGURES_CITED = View(
    name="figures_cited",
    description="Money, percentages and exchange rates stated as facts, with measure, kind, direction, "
                "parties and period.",
    columns={
        "published_at": "publication date of the article",
        "measure": "what is measured (trade, investment, trade change, exchange rate, ...)",
        "kind": "actual, target, forecast or limit",
        "direction": "rise or fall for a change, none for a level",
        "value": "the value in units, positive",
        "signed_value": "the value, negative for a fall",
        "unit": "ISO 4217 code, percent, or an exchange rate such as IDR/USD",
        "raw": "the span as written",
        "parties": "the states or bodies it is about (keys of entities)",
        "between": "the parties as one string",
        "period": "the period it is for (`2023`, `2023-05`)",
        "period_start": "first day of that period",
        "period_end": "last day of that period",
        "period_precision": "day, month or year",
        "outlet": "the outlet that published the article",
        "title": "the article's headline",
        "article_id": "-> articles",
        "figure_id": "-> figures",
    },
)

ENTITY_MENTIONS = View(
    name="entity_mentions",
    description="The bridge from facts to entities: one row per entity per fact (speaker, participant, "
                "place, party).",
    columns={
        "entity": "canonical name (key of entities)",
        "entity_kind": "person, state, org, place or unknown",
        "wikidata_id": "Wikidata item, where known",
        "entity_state": "the state the entity belongs to",
        "role": "speaker (quotes), participant or place (events), party (figures)",
        "fact_table": "quotes, events or figures",
        "fact_id": "the fact's id in that table",
        "article_id": "-> articles",
        "published_at": "publication date of the article",
    },
)

ENTITY_NAMES = View(
    name="entity_names",
    description="Every name the fact tables may write for an entity, with the entity it stands for: each "
                "entity's own name, and the names bodies are quoted under (their aliases).",
    columns={
        "written": "a name as a fact table writes it (quotes.speaker, events.participants, ...)",
        "name": "the entity it stands for (key of entities)",
    },
)

# Views that read another come after it.
VIEWS: tuple[View, ...] = (ENTITY_NAMES, EVENT_TIMELINE, WHO_SAID_WHAT, FIGURES_CITED, ENTITY_MENTIONS)
