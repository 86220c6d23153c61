"""A scheduled run while an analyst holds the DuckDB file open read-only, in another process.

DuckDB lets no process write a file that another process has open; warehouse/load.py waits for it
with backoff (WARTA_LOCK_WAIT_S). The run must neither fail nor lose what was loaded before.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import etl
from warta.settings import PROJECT_ROOT

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.lock_wait]

PAGES = sorted((PROJECT_ROOT / "corpus" / "samples" / "html").glob("*.html"))

ANALYST = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute("select count(*) from articles").fetchall()[0][0], flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    """
)


def hold(db: Path, seconds: float) -> tuple[subprocess.Popen, int]:
    """An analyst's session in another process; returns once it has the file open."""
    proc = subprocess.Popen([sys.executable, "-c", ANALYST, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()  # printed only after connect(): the file is held from here on
    assert line.strip().isdigit(), f"analyst session did not start: {line!r}"
    return proc, int(line)


def urls(db: Path) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {row[0] for row in con.execute("select url from articles").fetchall()}


def test_run_waits_for_a_read_only_session_and_loses_nothing(tmp_path, monkeypatch):
    assert len(PAGES) >= 5
    db = tmp_path / "warta.duckdb"
    monkeypatch.setenv("WARTA_LOCK_WAIT_S", "60")
    etl(inputs=[str(p) for p in PAGES[:2]], db=str(db))
    before = urls(db)
    assert len(before) == 2

    analyst, seen = hold(db, 4.0)
    started = time.monotonic()
    summary = etl(inputs=[str(p) for p in PAGES], db=str(db))
    waited = time.monotonic() - started
    assert analyst.wait(timeout=30) == 0

    assert seen == 2  # the analyst read the file as it was
    assert summary["articles_loaded"] == 3  # the two loaded before are unchanged, not reloaded
    after = urls(db)
    assert before < after and len(after) == 5
    # The load could only happen after the analyst let go (about 4 s after it connected).
    assert waited >= 2.0


def test_run_that_cannot_wait_long_enough_fails_cleanly_and_the_next_one_catches_up(tmp_path, monkeypatch):
    db = tmp_path / "warta.duckdb"
    monkeypatch.setenv("WARTA_LOCK_WAIT_S", "60")
    etl(inputs=[str(PAGES[0])], db=str(db))

    monkeypatch.setenv("WARTA_LOCK_WAIT_S", "1")
    analyst, _ = hold(db, 6.0)
    try:
        with pytest.raises(Exception, match="held open by another process"):
            etl(inputs=[str(p) for p in PAGES], db=str(db))
    finally:
        analyst.wait(timeout=30)
    assert urls(db) == {PAGES[0].resolve().as_uri()}  # nothing lost, nothing half-written

    monkeypatch.setenv("WARTA_LOCK_WAIT_S", "60")
    summary = etl(inputs=[str(p) for p in PAGES], db=str(db))
    assert summary["articles_loaded"] == len(PAGES) - 1
    assert len(urls(db)) == len(PAGES)
