"""The fact tables of a batch of articles: quotes, fragments, figures, events and the entities
they name.

`facts(articles)` takes the `articles` frame (warehouse.articles.ARTICLES columns) and returns
one frame per table, each conformed to its declaration in `warehouse/`. The text work is plain
Python per article; the frames are assembled once at the end.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import polars as pl

from transforms import events as ev
from transforms import figures as fig
from transforms import lexicon
from transforms import quotes as qt
from transforms.entities import entities_frame
from transforms.ids import stable_id
from transforms.text import normalise
from warehouse.entities import ENTITIES
from warehouse.events import EVENTS
from warehouse.figures import FIGURES
from warehouse.quotes import FRAGMENTS, QUOTES


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def article_facts(article_id: str, body_text: str | None, published: date | None,
                  title: str | None = None, url: str | None = None) -> dict[str, list[dict]]:
    """The fact rows of one article, as lists of dicts keyed by table name; `url` may date an
    article that has no publication date."""
    body = normalise(body_text or "")
    body_quotes, fragments = qt.extract(body, published)
    # Every quoted span and every mention of a figure counts, the headline's too (GOLD conventions).
    quotes = qt.headline_quotes(normalise(title) if title else None, body, published) + body_quotes
    figures = fig.extract(body, published, title=normalise(title) if title else None)
    events = ev.extract(body, published, quoted=[(q.start, q.end) for q in body_quotes], url=url)
    return {
        "quotes": [
            {
                "quote_id": stable_id(article_id, "quote", i, q.text),
                "article_id": article_id,
                "speaker": q.speaker,
                "quote_text": q.text,
                "verb": q.verb,
                "cited_source": q.cited_source,
                "position": i,
            }
            for i, q in enumerate(quotes)
        ],
        "fragments": [
            {
                "fragment_id": stable_id(article_id, "fragment", i, f.text),
                "article_id": article_id,
                "speaker": f.speaker,
                "fragment_text": f.text,
                "position": i,
            }
            for i, f in enumerate(fragments)
        ],
        "figures": [
            {
                "figure_id": stable_id(article_id, "figure", i, f.raw),
                "article_id": article_id,
                "raw": f.raw,
                "value": f.value,
                "unit": f.unit,
                "measure": f.measure,
                "kind": f.kind,
                "direction": f.direction,
                "parties": f.parties or None,
                "period": f.period,
                "period_start": f.period_start,
                "period_end": f.period_end,
                "period_precision": f.period_precision,
                "position": i,
            }
            for i, f in enumerate(figures)
        ],
        "events": [
            {
                "event_id": stable_id(article_id, "event", i, e.event_type, e.event_date, e.evidence),
                "article_id": article_id,
                "event_date": e.event_date,
                "date_precision": e.date_precision,
                "event_type": e.event_type,
                "participants": e.participants,
                "place": e.place,
                "status": e.status,
                "medium": e.medium,
                "evidence": e.evidence,
                "position": i,
            }
            for i, e in enumerate(events)
        ],
    }


def read_facts_of(articles: pl.DataFrame) -> pl.DataFrame:
    """The articles whose language the word lists are written for (`fact_languages` in
    lexicon/text.yaml); an article of unknown language is read too."""
    if "language" not in articles.columns:
        return articles
    languages = lexicon.words("text", "fact_languages")
    return articles.filter(pl.col("language").is_null() | pl.col("language").is_in(languages))


def facts(articles: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Fact frames of a batch of articles: keys `quotes`, `fragments`, `figures`, `events`,
    `entities`, each conformed to its warehouse table."""
    rows: dict[str, list[dict]] = {"quotes": [], "fragments": [], "figures": [], "events": []}
    # A frame without headlines or URLs (tests, older callers) has no headline figures and no URL dates.
    cols = [c for c in ("article_id", "body_text", "published_at", "title", "url") if c in articles.columns]
    for art in read_facts_of(articles).select(cols).iter_rows(named=True):
        got = article_facts(art["article_id"], art["body_text"], _as_date(art["published_at"]), art.get("title"),
                            art.get("url"))
        for table, found in got.items():
            rows[table].extend(found)
    tables = {"quotes": QUOTES, "fragments": FRAGMENTS, "figures": FIGURES, "events": EVENTS}
    out = {
        name: table.conform(pl.DataFrame(rows[name], schema=table.polars_schema()))
        for name, table in tables.items()
    }
    names: list[str] = []
    names += [r["speaker"] for r in rows["quotes"] if r["speaker"]]
    names += [p for r in rows["figures"] for p in (r["parties"] or [])]
    names += [p for r in rows["events"] for p in (r["participants"] or [])]
    names += [r["place"] for r in rows["events"] if r["place"]]
    out["entities"] = entities_frame(names) if names else ENTITIES.empty()
    return out
