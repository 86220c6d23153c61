"""Loads into real DuckDB files: idempotent, facts replaced with their article, one transaction."""

from datetime import date, datetime

import duckdb
import polars as pl
import pytest
from helpers.db import query
from helpers.db import snapshot as file_snapshot

from transforms.ids import stable_id
from warehouse.load import WarehouseBusy, connect, known_articles, load, table_counts
from warehouse.tables import FACT_TABLES

A1, A2 = stable_id("https://x.id/1"), stable_id("https://x.id/2")


def article(aid: str, url: str, body: str, h: str) -> dict:
    return {"article_id": aid, "url": url, "outlet": "X", "title": "t", "published_at": date(2024, 2, 9),
            "language": "id", "body_text": body, "source_kind": "text", "content_hash": h}


def quote(aid: str, n: int, text: str) -> dict:
    return {"quote_id": stable_id(aid, "quote", n), "article_id": aid, "speaker": "Vladimir Putin",
            "quote_text": text, "position": n}


def batch(articles: list[dict], quotes: list[dict]) -> dict[str, pl.DataFrame]:
    return {"articles": pl.DataFrame(articles), "quotes": pl.DataFrame(quotes)}


def run_row(run_id: str) -> dict:
    return {"run_id": run_id, "started_at": datetime(2024, 1, 1), "status": "completed"}


def snapshot(path) -> dict[str, list[str]]:
    return file_snapshot(path, ("articles", "quotes"))


def do_load(path, tables, run_id="r1") -> None:
    empty = pl.DataFrame()
    with connect(path) as con:
        load(con, tables, quarantine=empty, results=empty,
             failures=pl.DataFrame(schema={"source": pl.String, "stage": pl.String, "reason": pl.String,
                                           "raw_ref": pl.String}),
             run=run_row(run_id))




def test_same_batch_twice_leaves_the_same_tables(tmp_path) -> None:
    path = tmp_path / "w.duckdb"
    tables = batch([article(A1, "https://x.id/1", "b", "h1"), article(A2, "https://x.id/2", "c", "h2")],
                   [quote(A1, 0, "satu"), quote(A1, 1, "dua"), quote(A2, 0, "tiga")])
    do_load(path, tables, "r1")
    first = snapshot(path)
    do_load(path, tables, "r2")
    assert snapshot(path) == first
    assert len(first["quotes"]) == 3


def test_changed_article_replaces_its_facts_only(tmp_path) -> None:
    path = tmp_path / "w.duckdb"
    do_load(path, batch([article(A1, "https://x.id/1", "b", "h1"), article(A2, "https://x.id/2", "c", "h2")],
                        [quote(A1, 0, "satu"), quote(A1, 1, "dua"), quote(A2, 0, "tiga")]))
    # A1 changed: it now has one quote, not two; A2 is not in this batch and must keep its quote.
    do_load(path, batch([article(A1, "https://x.id/1", "b2", "h1b")], [quote(A1, 0, "satu baru")]), "r2")
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("select article_id, quote_text from quotes order by quote_text").fetchall()
    body = con.execute("select body_text from articles where article_id = ?", [A1]).fetchall()
    con.close()
    assert rows == [(A1, "satu baru"), (A2, "tiga")]
    assert body == [("b2",)]
    assert known_articles(path) == {"https://x.id/1": "h1b", "https://x.id/2": "h2"}


def test_failed_load_leaves_nothing_half_written(tmp_path) -> None:
    path = tmp_path / "w.duckdb"
    do_load(path, batch([article(A1, "https://x.id/1", "b", "h1")], [quote(A1, 0, "satu")]))
    broken = batch([article(A1, "https://x.id/1", "b2", "h2")], [quote(A1, 0, "baru")])
    broken["quotes"] = broken["quotes"].with_columns(quote_text=pl.lit(None, pl.String))  # NOT NULL breaks
    with pytest.raises(duckdb.ConstraintException):
        do_load(path, broken, "r2")
    assert query(path, "select quote_text from quotes") == [("satu",)]
    with connect(path, read_only=True) as con:
        assert table_counts(con)["runs"] == 1


def test_every_fact_table_has_an_article_key() -> None:
    assert all(t.article_key == "article_id" and "article_id" in t.column_names for t in FACT_TABLES)


@pytest.mark.lock_wait
def test_connect_gives_up_with_a_clear_error_when_the_file_stays_locked(tmp_path, caplog) -> None:
    import subprocess
    import sys
    import time

    path = tmp_path / "w.duckdb"
    with connect(path):
        pass
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(path)!r}); "
                               "print('held', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match="held open by another process") as caught, \
                connect(path, wait_s=1.5):
            pass
        assert time.monotonic() - started >= 1.0
        # It said at once that it waits, and the error says what to do.
        (waiting,) = [r.getMessage() for r in caplog.records if r.name == "warta.warehouse"]
        assert waiting.startswith(f"waiting for {path}: another process holds it open; waiting up to 2 s")
        assert "close that session or raise WARTA_LOCK_WAIT_S" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
