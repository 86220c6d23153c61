"""`warta reprocess`: stored raw pages are re-extracted without fetching again."""

import duckdb
import pytest
from helpers.web import LoopbackServer, html, sample_pages
from typer.testing import CliRunner

from flows.pipeline import etl
from warta.cli import app

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_reprocess_re_extracts_stored_pages_without_fetching(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WARTA_ALLOW_HOSTS", '["127.0.0.1"]')
    monkeypatch.setenv("WARTA_PER_HOST_DELAY_S", "0")
    db = tmp_path / "w.duckdb"
    name, page = sample_pages()[0]
    with LoopbackServer() as web:
        url = web.route(f"/berita/{name}", html(page))
        summary = etl(inputs=[url], db=str(db))
        assert summary["articles_loaded"] == 1
        con = duckdb.connect(str(db))
        # Stand-in for a rule change: the stored extraction is no longer what the rules give.
        con.execute("update articles set body_text = 'usang'")
        quotes = con.execute("select count(*) from quotes").fetchall()[0][0]
        con.close()
        web.reset_counts()
        result = CliRunner().invoke(app, ["reprocess", "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert web.total() == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        body, = con.execute("select body_text from articles").fetchall()[0]
        assert body != "usang" and len(body) > 500
        assert con.execute("select count(*) from quotes").fetchall()[0][0] == quotes
        assert con.execute("select count(*) from runs").fetchall()[0][0] == 2
    finally:
        con.close()
