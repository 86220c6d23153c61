"""The ETL flow behind `warta run` and every deployment in prefect.yaml.

    read the warehouse state once
    -> stream the inputs in chunks (new or changed documents only)
    -> transform + check each chunk (worker processes, or a Dask cluster)
    -> load each chunk in one transaction (this process, the one writer)
    -> the run row, the report, the Data Docs
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows import tasks
from flows.pool import WarmProcessPool, pool
from flows.report import run_report
from sources.pull import stream
from warta import chunks, progress
from warta.lifecycle import result_within
from warta.settings import Settings


@flow(name="warta-etl", log_prints=True,
      task_runner=pool(chunks.default_workers()))
def etl(inputs: list[str], db: str, force: bool = False, retry_failed: bool = False,
        chunk_size: int | None = None) -> dict:
    """Pull `inputs` (paths, article URLs, feeds, sitemaps, WARC files) and load their facts into the
    DuckDB file `db`, chunk by chunk. Inputs unchanged since they were loaded, or since they failed,
    are skipped, unless `force` (everything) or `retry_failed` (the failed ones)."""
    settings = Settings()
    db = tasks.resolve_db(db)
    tally = chunks.RunTally(str(flow_run.get_id() or uuid.uuid4()), inputs)
    size = chunk_size or settings.chunk_size
    try:
        state = tasks.read_state(db, settings)
        tally.newest = state.newest
        progress.start(inputs)
        items = stream(inputs, skip_urls=frozenset() if force else frozenset(state.urls), settings=settings, db=db)
        planned = chunks.plan(items, state, chunk_size=size, force=force, retry_failed=retry_failed)
        first, second = next(planned), next(planned, None)
        if second is None:  # one chunk: no worker process is worth starting (or keeping)
            _release_workers()
            tally = tasks.load_chunk(db, tasks.transform_chunk(first, tally.run_id, settings.max_quarantine_share,
                                                               tally.newest, settings.lexicon_dir_str), tally, settings)
            progress.advance(first)
        else:
            pending: deque = deque()
            with _api_shared_with_workers():
                for chunk in _chain(first, second, planned):
                    pending.append((chunk, tasks.transform_chunk.submit(
                        _to_a_worker(chunk), tally.run_id, settings.max_quarantine_share, tally.newest,
                        settings.lexicon_dir_str)))
                    # A few chunks in flight keep every worker busy while memory stays bounded.
                    while len(pending) > 2 * settings.workers:
                        tally = _load_next(db, pending, tally, settings)
                while pending:
                    tally = _load_next(db, pending, tally, settings)
            _release_workers()
            # For the Data Docs: imported while the link and the run row are written, on the core the
            # workers no longer need. Imported while they worked, its ~2 s of CPU came to ~5 s (a thread
            # contending for this process's lock with the loads, on cores the workers needed).
            _import_in_background("great_expectations")
        # Near-copies and canonical events of what the chunks loaded (and of anything left pending).
        tally.loaded.update(tasks.link(db, settings))
        # Rewritten whole by every chunk's load, so not counted there: this run's row and its results.
        tally.loaded.update({"runs": 1, "dq_results": len(tally.results)})
        run = tally.finish()
        totals = tasks.record_run(db, run, settings)
    except Exception as exc:
        run = tally.finish(message=f"{type(exc).__name__}: {exc}")
        try:
            tasks.record_run(db, run, settings)
            run_report(db, tally.run_id)
        except Exception as record_exc:  # the file itself may be what failed; the first error matters more
            get_run_logger().error("could not record the failed run in %s: %s", db, record_exc)
        raise
    finally:
        progress.stop()
    # A run that transformed nothing validated nothing: the Data Docs of earlier runs stand (and
    # great_expectations, ~5 s to import, is not worth loading for them).
    docs = tasks.data_docs(db, tally.run_id) if tally.run["documents_in"] else None
    report = run_report(db, tally.run_id)
    summary = {"run_id": tally.run_id, "db": db, "report": report, "data_docs": docs, "status": run["status"],
               "message": run.get("message"), "sources": tally.sources(),
               **{k: run.get(k) for k in ("documents_in", "articles_loaded", "articles_unchanged", "quarantined",
                                          "failures", "chunks")},
               "loaded": dict(tally.loaded), "totals": totals}
    get_run_logger().info("run %s %s into %s: %s", tally.run_id, run["status"], db, dict(tally.loaded))
    if run["status"] == "failed":
        raise chunks.RunFailed(str(run["message"]))
    return summary


@contextmanager
def _api_shared_with_workers() -> Iterator[None]:
    """Without a configured API, every worker (a process of the pool, a Dask worker) would start a
    temporary Prefect server of its own (seconds each, and left behind when the worker is stopped):
    point them at this run's, through the environment (process pool) and the settings context that
    task runners hand to their workers (Dask)."""
    import os

    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    if get_current_settings().api.url:
        yield
        return
    from prefect.context import refresh_global_settings_context

    url = str(get_client(sync_client=True).api_url)
    saved = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url
    # Also for threads Prefect starts without our context (the pool's message forwarder): see
    # warta/lifecycle.managed_run.
    refresh_global_settings_context()
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield
    finally:
        if saved is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = saved
        refresh_global_settings_context()


def _to_a_worker(chunk: chunks.Chunk) -> object:
    """The chunk as the task takes it. On a Dask cluster it is sent straight to a worker
    (`scatter`, direct), and the task names it by its future: inside the task's arguments its tens
    of MB of pages would pass through the scheduler, a third process busy on the cores the workers
    need. The task runs where its chunk is; Dask hands the task the chunk itself."""
    import sys

    if "prefect_dask" not in sys.modules:  # the process pool: arguments go down a pipe to the worker
        return chunk
    from prefect.context import FlowRunContext
    from prefect_dask import DaskTaskRunner

    context = FlowRunContext.get()
    runner = context.task_runner if context else None
    if not isinstance(runner, DaskTaskRunner):
        return chunk
    return runner.client.scatter(chunk, direct=True, hash=False)


def _release_workers() -> None:
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    runner = context.task_runner if context else None
    if isinstance(runner, WarmProcessPool):
        runner.release_workers()


def _import_in_background(module: str) -> None:
    """Start importing a slow module (great_expectations: ~2 s) in a thread, so that the steps
    before its first use overlap with it."""
    import importlib
    import threading

    threading.Thread(target=importlib.import_module, args=(module,), daemon=True).start()


def _chain(first, second, rest):
    yield first
    yield second
    yield from rest


def _load_next(db: str, pending: deque, tally: chunks.RunTally, settings: Settings) -> chunks.RunTally:
    chunk, future = pending.popleft()
    transformed = result_within(future, settings.chunk_deadline_s, f"the transform of chunk {chunk.number}",
                                "WARTA_CHUNK_DEADLINE_S")
    tally = tasks.load_chunk(db, transformed, tally, settings)
    progress.advance(chunk)
    return tally
