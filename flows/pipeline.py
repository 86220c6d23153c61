"""The ETL flow behind `warta run` and every deployment in prefect.yaml.

    pull -> skip unchanged -> transform (batches) -> validate -> load
"""

from __future__ import annotations

import json
import uuid

import polars as pl
from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows import tasks
from flows.report import run_report
from warta.settings import Settings

TABLES = ("articles", "quotes", "fragments", "figures", "events", "entities")


@flow(name="warta-etl", log_prints=True)
def etl(inputs: list[str], db: str, force: bool = False, batch_size: int | None = None) -> dict:
    """Pull `inputs` (paths, article URLs, feeds, sitemaps, WARC files) and load their facts into the
    DuckDB file `db`. Articles whose input has not changed since they were loaded are skipped,
    unless `force`."""
    settings = Settings()
    db = tasks.resolve_db(db)
    run = {"run_id": str(flow_run.get_id() or uuid.uuid4()), "started_at": tasks.now(), "status": "running",
           "inputs": json.dumps(inputs, ensure_ascii=False)}
    try:
        known = tasks.known_articles(db, settings)
        pulled = tasks.fetch(inputs, frozenset() if force else frozenset(known), settings, db)
        documents, failures = tasks.frames(pulled)
        unchanged = pl.Series([known.get(s) == h for s, h in zip(documents["source"], documents["content_hash"],
                                                               strict=True)], dtype=pl.Boolean)
        if not force and documents.height:
            documents = documents.filter(~unchanged)
        futures = [tasks.transform_batch.submit(batch, settings.lexicon_dir_str)
                   for batch in tasks.split(documents, batch_size or settings.batch_size)]
        outputs = [f.result() for f in futures]
        tables = {name: pl.concat([o[0][name] for o in outputs], how="vertical_relaxed") for name in TABLES}
        failures = pl.concat([failures, *[o[1] for o in outputs]], how="vertical_relaxed")
        validation = tasks.validate(tables, run["run_id"])
        validation = tasks.check_batch(db, tables, validation, run["run_id"], documents.height, settings)
        loaded = validation.tables
        run.update(
            status="completed", ended_at=tasks.now(), documents_in=len(pulled.documents),
            articles_loaded=loaded["articles"].height,
            articles_unchanged=0 if force else int(unchanged.sum()),
            quotes_loaded=loaded["quotes"].height, figures_loaded=loaded["figures"].height,
            events_loaded=loaded["events"].height, quarantined=validation.quarantined,
            failures=failures.height,
        )
        result = tasks.load(db, validation, failures, run, settings)
    except Exception as exc:
        run.update(status="failed", ended_at=tasks.now(), message=f"{type(exc).__name__}: {exc}")
        try:
            tasks.record_failed_run(db, run, settings, getattr(exc, "results", None))
            run_report(db, run["run_id"])
        except Exception as record_exc:  # the file itself may be what failed; the first error matters more
            get_run_logger().error("could not record the failed run in %s: %s", db, record_exc)
        raise
    docs = tasks.data_docs(db, tables, run["run_id"])
    report = run_report(db, run["run_id"])
    summary = {"run_id": run["run_id"], "db": db, "report": report, "data_docs": docs, **{k: run.get(k) for k in (
        "documents_in", "articles_loaded", "articles_unchanged", "quarantined", "failures")},
        "loaded": result["loaded"], "totals": result["totals"]}
    get_run_logger().info("run %s loaded into %s: %s", run["run_id"], db, result["loaded"])
    return summary
