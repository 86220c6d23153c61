"""Small batches of warehouse rows, built the way the transforms hand them over, and `process`,
which does what the ETL flow does between transform and load with the same calls; a warehouse of
three runs for the report tests."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest

from expectations.batch import BatchCheckFailed, gate
from expectations.cross import validate_batch
from expectations.validate import Validation
from transforms.ids import stable_id
from warehouse.load import connect, load, record_run
from warehouse.tables import BY_NAME

NOW = datetime(2024, 7, 10, 9, 0)
FAILURES = pl.DataFrame(schema={"source": pl.String, "stage": pl.String, "reason": pl.String, "raw_ref": pl.String})


def aid(n: int) -> str:
    return stable_id(f"https://x.id/{n}")


def article(n: int, *, title: str = "Judul", body: str = "Isi berita.", language: str = "id",
            published: date | None = date(2024, 7, 8)) -> dict:
    return {"article_id": aid(n), "url": f"https://x.id/{n}", "outlet": "Liputan6.com", "title": title,
            "published_at": published, "language": language, "body_text": body, "source_kind": "text",
            "content_hash": stable_id(n, body)}


def quote(n: int, i: int, speaker: str | None, text: str = "kata-kata") -> dict:
    return {"quote_id": stable_id(aid(n), "q", i), "article_id": aid(n), "speaker": speaker, "quote_text": text,
            "position": i}


def figure(n: int, i: int, raw: str, value: float, unit: str) -> dict:
    return {"figure_id": stable_id(aid(n), "f", i), "article_id": aid(n), "raw": raw, "value": value, "unit": unit,
            "position": i}


def event(n: int, i: int, when: date, kind: str = "meeting", status: str = "happened",
          participants: tuple[str, ...] = ("Xi Jinping", "Vladimir Putin")) -> dict:
    return {"event_id": stable_id(aid(n), "e", i), "article_id": aid(n), "event_date": when, "date_precision": "day",
            "event_type": kind, "status": status, "participants": list(participants), "place": "Moskwa",
            "position": i}


def entity(name: str, known: bool = True) -> dict:
    return {"name": name, "kind": "person" if known else "unknown", "known": known}


def batch(articles: list[dict], quotes: list[dict] = (), figures: list[dict] = (), events: list[dict] = (),
          entities: list[dict] = ()) -> dict[str, pl.DataFrame]:
    """Frames as the transforms hand them over: conformed to their declarations."""
    rows = {"articles": articles, "quotes": quotes, "figures": figures, "events": events, "entities": entities}
    return {name: BY_NAME[name].conform(pl.DataFrame(list(r))) if r
            else BY_NAME[name].empty() for name, r in rows.items()}


def process(db: Path, tables: dict[str, pl.DataFrame], run_id: str, *, documents_in: int | None = None,
            max_share: float = 0.5, now: datetime = NOW) -> Validation:
    """Validate (rows, then across tables), run the batch gate, load; a failed gate records the
    failed run and its results, loads nothing, and re-raises: what the ETL flow does."""
    docs = tables["articles"].height if documents_in is None else documents_in
    run = {"run_id": run_id, "started_at": now, "status": "running", "documents_in": docs}
    validation = validate_batch(tables, run_id, now)
    try:
        checked = gate(tables, validation, run_id=run_id, documents_in=docs, max_quarantine_share=max_share, now=now)
    except BatchCheckFailed as exc:
        with connect(db) as con:
            record_run(con, {**run, "status": "failed", "ended_at": now, "message": str(exc)})
            results = exc.results.to_arrow()  # noqa: F841 - read by name below
            con.execute("INSERT OR REPLACE INTO dq_results SELECT * FROM results")
        raise
    run.update(status="completed", ended_at=now, articles_loaded=checked.tables["articles"].height,
               quarantined=checked.quarantined)
    with connect(db) as con:
        load(con, checked.tables, quarantine=checked.quarantine, results=checked.results, failures=FAILURES, run=run)
    return checked


SCRIPT_TITLE = "Putin <script>document.title='pwned'</script> & Xi"
SCRIPT_BODY = "Isi berita.\n<script>document.title='pwned'</script>\nParagraf dua."


def build_warehouse(folder: Path) -> Path:
    """Three runs: a good one, one with quarantined rows and warnings (and an article whose text
    holds a script tag), and one a critical check stopped."""
    db = folder / "wh" / "w.duckdb"
    process(db, batch(
        [article(1, published=date(2024, 2, 9)), article(2, published=date(2024, 5, 16))],
        quotes=[quote(1, 0, "Vladimir Putin"), quote(1, 1, "Vladimir Putin"), quote(2, 0, "Xi Jinping")],
        figures=[figure(1, 0, "USD 200 miliar", 2e11, "USD"), figure(2, 0, "11,6 persen", 11.6, "percent"),
                 figure(2, 1, "USD 240 miliar", 2.4e11, "USD")],
        events=[event(1, 0, date(2024, 2, 8), kind="call"), event(2, 0, date(2024, 5, 16), kind="visit")],
        entities=[entity("Vladimir Putin"), entity("Xi Jinping")],
    ), "run-1", now=datetime(2024, 5, 17, 8, 0))
    process(db, batch(
        [article(3, title=SCRIPT_TITLE, body=SCRIPT_BODY + "\nBaca Juga: Putin ke Beijing", published=date(2024, 7, 8)),
         article(4, language="Indonesian")],
        quotes=[quote(3, 0, "Dmitry Peskov"), quote(4, 0, "Xi Jinping")],
        figures=[figure(3, 0, "-4 persen", -4.0, "percent"), figure(3, 1, "3 persen", 3.0, "percent")],
        events=[event(3, 0, date(2024, 7, 5), kind="meeting"), event(3, 1, date(2024, 8, 1), kind="summit")],
        entities=[entity("Dmitry Peskov", known=False)],
    ), "run-2", now=datetime(2024, 7, 10, 8, 0))
    with pytest.raises(BatchCheckFailed):  # every article quarantined: more than the allowed share
        process(db, batch([article(5, language="Bahasa"), article(6, language="Melayu")]), "run-3", documents_in=4,
                now=datetime(2024, 7, 11, 8, 0))
    return db