"""A small real warehouse file built from the sample texts without Prefect: pull, articles,
facts, the real loader and the link step, for tests of what analysts read from the file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polars as pl

from sources.documents import documents_frame
from sources.local import pull_file
from transforms.articles import articles_with_failures
from transforms.facts import facts
from warehouse.dq_results import DQ_RESULTS
from warehouse.load import connect, load
from warehouse.quarantine import QUARANTINE
from warta.linking import link

SAMPLE_TEXT = Path(__file__).resolve().parents[2] / "corpus" / "samples" / "text"


def build_warehouse(db: Path, folder: Path = SAMPLE_TEXT) -> dict[str, pl.DataFrame]:
    """Load every `.txt` in `folder` into `db`; returns the frames that were loaded."""
    docs = [d for path in sorted(folder.glob("*.txt")) for d in pull_file(path).documents]
    arts, failures = articles_with_failures(documents_frame(docs))
    tables = {"articles": arts, **facts(arts)}
    run = {"run_id": "test", "started_at": datetime(2024, 1, 1), "status": "completed"}
    with connect(db) as con:
        load(con, tables, quarantine=QUARANTINE.empty(), results=DQ_RESULTS.empty(), failures=failures, run=run)
        link(con)  # near-copies and canonical events, as the flow does after each load
    return tables
