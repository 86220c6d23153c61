"""The flow in chunks: the chunk function called directly, re-runs that skip old failures, a source
that stops giving articles, and a run killed with SIGKILL then run again."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.db import query

from flows.pipeline import etl
from sources.documents import Document
from warehouse.load import WarehouseState, connect, read_state
from warta.chunks import RunFailed, RunTally, plan, process_chunk

ROOT = Path(__file__).parent.parent
TEXT = ROOT / "corpus" / "samples" / "text"
JUNK_PAGE = "<html><body><nav>Beranda | Nasional | Dunia</nav><p>Bagikan ke WhatsApp</p></body></html>"


def test_one_chunk_end_to_end_through_the_plain_function(tmp_path: Path) -> None:
    docs = [Document(source=p.absolute().as_uri(), kind="text", content=p.read_text(encoding="utf-8"),
                     identity=f"local:text/{p.name}", origin=str(TEXT)) for p in sorted(TEXT.glob("*.txt"))[:2]]
    junk = Document(source="https://x.id/kosong", kind="html", content=JUNK_PAGE, origin="https://x.id/feed")
    [chunk] = plan(docs + [junk], WarehouseState(), chunk_size=10)
    tally = RunTally("run-direct", [str(TEXT), "https://x.id/feed"])
    db = tmp_path / "w.duckdb"
    with connect(db) as con:
        counts = process_chunk(con, chunk, tally)
    assert counts["articles"] == 2 and counts["failures"] == 1
    assert query(db, "select count(*) from articles") == [(2,)]
    # The run row is written with the chunk, in the same transaction.
    assert query(db, "select status, articles_loaded, chunks from runs") == [("running", 2, 1)]
    health = {s["input"]: s["status"] for s in tally.sources()}
    assert health == {str(TEXT): "ok", "https://x.id/feed": "no articles"}
    assert tally.finish()["status"] == "degraded"


def test_plan_cuts_chunks_and_skips_what_is_loaded(tmp_path: Path) -> None:
    docs = [Document(source=f"https://x.id/{i}", kind="text", content=f"isi {i}") for i in range(5)]
    state = WarehouseState()
    from transforms.ids import stable_id

    state.articles[stable_id("https://x.id/0")] = docs[0].content_hash
    chunks = list(plan(iter(docs), state, chunk_size=2))
    assert [len(c.documents) for c in chunks] == [2, 2]
    assert sum(c.unchanged.total() for c in chunks) == 1
    assert [len(c.documents) for c in plan(iter(docs), state, chunk_size=2, force=True)] == [2, 2, 1]


@pytest.mark.usefixtures("prefect_harness")
def test_a_rerun_skips_unchanged_failures_and_counts_the_attempt(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(TEXT / "004_be9bd2fda5eb0877.txt", folder / "good.txt")
    (folder / "junk.html").write_text(JUNK_PAGE, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    first = etl(inputs=[str(folder)], db=str(db))
    assert first["articles_loaded"] == 1 and first["failures"] == 1 and first["status"] == "completed"
    second = etl(inputs=[str(folder)], db=str(db))
    # Nothing is extracted again: the good page is unchanged, the junk page failed before unchanged.
    assert second["documents_in"] == 0 and second["status"] == "completed"
    assert query(db, "select attempts, stage from failures") == [(2, "extract")]
    third = etl(inputs=[str(folder)], db=str(db), retry_failed=True)
    assert third["documents_in"] == 1
    assert query(db, "select attempts from failures") == [(3,)]
    assert query(db, "select count(*), count(distinct article_id) from articles") == [(1, 1)]


@pytest.mark.usefixtures("prefect_harness")
def test_a_source_that_gave_articles_and_now_gives_none_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.html").write_text((ROOT / "corpus" / "samples" / "html" / "004_be9bd2fda5eb0877.html")
                                   .read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert etl(inputs=[str(folder)], db=str(db))["articles_loaded"] == 1
    (folder / "a.html").write_text(JUNK_PAGE, encoding="utf-8")  # the site changed its layout
    with pytest.raises(RunFailed, match="no articles"):
        etl(inputs=[str(folder)], db=str(db))
    status, sources = query(db, "select status, sources from runs order by started_at desc limit 1")[0]
    assert status == "failed"
    assert json.loads(sources) == [{"input": str(folder), "status": "no articles", "documents": 1, "articles": 0,
                                    "unchanged": 0, "failures": 1}]
    assert query(db, "select reason from failures") == [("no article sentence left after removing boilerplate",)]


@pytest.mark.usefixtures("prefect_harness")
def test_every_source_failing_is_a_failed_run_with_per_source_health(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with pytest.raises(RunFailed, match="no input gave an article"):
        etl(inputs=[str(tmp_path / "missing"), "http://127.0.0.1:9/feed.xml"], db=str(db))
    status, sources = query(db, "select status, sources from runs")[0]
    assert status == "failed"
    assert [s["status"] for s in json.loads(sources)] == ["failed", "failed"]
    assert query(db, "select count(*) from failures") == [(2,)]
    # The report shows each input's health.
    html = (tmp_path / "w.reports" / "latest.html").read_text(encoding="utf-8")
    assert f"<code>{tmp_path / 'missing'}</code>" in html and "http://127.0.0.1:9/feed.xml" in html


# A fault case (kill -9) over 500 articles run twice: minutes, so it runs in `make test`, not test-fast.
@pytest.mark.faults
def test_kill_9_then_rerun_loads_every_article_exactly_once(tmp_path: Path) -> None:
    body = (TEXT / "004_be9bd2fda5eb0877.txt").read_text(encoding="utf-8")
    n = 200  # 20 chunks: the kill comes after 3, the re-run loads the rest
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"url": f"https://x.id/berita/{i}", "text": f"{body}\nNomor {i}."}) + "\n"
                            for i in range(n)), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": "",
           "WARTA_CHUNK_SIZE": "10", "WARTA_WORKERS": "1",
           # The kill waits for load-chunk lines in the log: INFO, which the suite's conftest turns off.
           "PREFECT_LOGGING_LEVEL": "INFO"}
    env.pop("PREFECT_API_URL")
    cmd = [sys.executable, "-m", "warta", "run", "--input", str(path), "--db", str(db)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    log = db.with_suffix(".log")
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if log.exists() and log.read_text(encoding="utf-8", errors="replace").count("load-chunk") >= 3:
                break
            time.sleep(0.5)
        assert proc.poll() is None, "the run ended before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and every process it started
        proc.wait()
    loaded = query(db, "select count(*) from articles")[0][0]
    assert 0 < loaded < n  # committed chunks survive the kill
    rerun = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert query(db, "select count(*), count(distinct article_id), count(distinct url) from articles") == [(n, n, n)]
    for table, key in (("quotes", "quote_id"), ("figures", "figure_id"), ("events", "event_id")):
        assert query(db, f"select count(*) = count(distinct {key}) from {table}") == [(True,)]
    assert len(read_state(db).articles) == n
    # Two runs, each line of them once in the log file (its two handlers used to write every line twice).
    assert log.read_text(encoding="utf-8").count("Beginning flow run") == 2
