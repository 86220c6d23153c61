"""Worker processes for chunk transforms, launched before the flow when that is worth it.

Workers are forked from a fork server that imports the transform stack once (`_context`): ~4 s
of CPU, where each spawned worker used to pay it. Started the way Prefect starts them, on the
first chunk's submission, that comes after the temporary Prefect server's start-up (~5 s, on one
core) and adds to it. `prestart`, called by `warta run` before it imports Prefect, launches them
at once, so that the server's imports run while the Prefect server starts; the flow's runner
(`flows.pool.WarmProcessPool`) takes them.

`prestart` guesses from the inputs alone (the warehouse is the flow's to read): more than one
chunk of documents in local files changed since the DuckDB file was last written (every file
with `--force`). A wrong guess costs either the imports of processes nobody uses (so a re-run of
loaded inputs never starts them) or the wait that Prefect's own start has.

Every pool worker starts with `start_worker`: it dies with the process that started it (a run
killed before its signal handlers were in place must not leave workers behind, holding the
terminal's output open), and leaves Ctrl-C to that process, which stops the run.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import math
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.queues import Queue
from pathlib import Path

log = logging.getLogger("warta.workers")
log.setLevel(logging.INFO)  # to the run's log file (the terminal shows warnings only)


@dataclass
class _Started:
    workers: int  # the pool's size (`max_workers`)
    started: int  # processes launched: one per chunk of changed documents, up to `workers`
    queue: Queue  # the workers' log lines and events, to the flow's process
    executor: ProcessPoolExecutor


# Launched by `prestart`, until a runner takes them.
_early: _Started | None = None


def _exit_quietly() -> None:
    """A spawned worker's last exit handler (registered before any of Prefect's, so it runs after
    them): leave without the interpreter's final teardown, in which DuckDB's bindings (the checks
    use an in-memory database) print reference-leak reports to the run's terminal. (A worker forked
    from the fork server leaves so anyway.) A pool worker's exit code is read by nobody: the pool
    learns of a crashed worker from its process sentinel."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def start_worker() -> None:
    """The initializer of every pool worker (flows/pool.py): tied to its parent, deaf to Ctrl-C,
    quiet on exit, then the transform stack's imports."""
    atexit.register(_exit_quietly)
    parent = multiprocessing.parent_process()
    if parent is not None:
        def exit_with_parent() -> None:
            parent.join()  # returns when the parent is gone, however it died
            os._exit(1)

        threading.Thread(target=exit_with_parent, name="exit-with-parent", daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C reaches the whole group
    from warta.chunks import warm

    warm()


def init_worker(queue: Queue) -> None:
    """A worker's start, as Prefect's process pool starts its own: its log lines and events go to
    the flow's process through `queue` (Prefect's runner forwards them), then `start_worker`.
    The environment the run sets later (its server's address) comes with each task, as it does
    for Prefect's own workers."""
    from prefect.task_runners import _initialize_process_pool_worker

    _initialize_process_pool_worker(queue, start_worker, ())


def _context() -> multiprocessing.context.BaseContext:
    """How worker processes start: forked from a fork server that has imported the transform stack
    (`warta.worker_stack`) once, so that no worker pays ~4 s of CPU for its imports, the language
    model and the lexicons (two workers paid it twice, on the cores the run needs). The server is
    a fresh process with no lock held and no polars pool started, and is forked from only while
    idle; where there is no fork server (Windows), each worker is spawned and imports it all."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["warta.worker_stack"])
    return context


def new_pool(workers: int) -> tuple[Queue, ProcessPoolExecutor]:
    """The message queue and executor of a pool of `workers` processes (none started yet)."""
    context = _context()
    queue = context.Queue()
    return queue, ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker,
                                      initargs=(queue,))


def prestart(inputs: list[str], db: Path, workers: int, chunk_size: int, *, force: bool = False) -> bool:
    """Launch worker processes of a pool of `workers` now, one per chunk of changed documents up to
    `workers`, when there is more than one such chunk (see the module's note); whether it did."""
    global _early
    if _early is not None or workers < 2:
        return False
    documents = _changed_documents(inputs, db, chunk_size * workers, force)
    if documents <= chunk_size:
        return False
    queue, executor = new_pool(workers)
    # The executor starts a process per submission while none is idle: a no-op each starts them.
    # Ctrl-C is held back meanwhile: a process inherits the blocked signal, so a terminal's Ctrl-C
    # (sent to the whole group) never interrupts a worker's imports; this process gets it after.
    held = threading.current_thread() is threading.main_thread()
    if held:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    started = min(workers, math.ceil(documents / chunk_size))
    try:
        for _ in range(started):
            executor.submit(int)
    finally:
        if held:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    _early = _Started(workers, started, queue, executor)
    return True


def take(workers: int) -> tuple[Queue, ProcessPoolExecutor] | None:
    """The message queue and executor of the prestarted workers, once, when the pool is of
    `workers`; workers started for a pool of another size are stopped."""
    global _early
    started, _early = _early, None
    if started is None:
        return None
    if started.workers != workers:  # (waits for their imports: a process half started cannot be stopped cleanly)
        started.executor.shutdown(wait=True, cancel_futures=True)
        return None
    log.info("took %d worker processes started before the flow", started.started)
    return started.queue, started.executor


def _changed_documents(inputs: list[str], db: Path, enough: int, force: bool) -> int:
    """Documents in the local inputs modified since the DuckDB file was (all with `force`, or
    without a file yet), counted up to just past `enough`; 0 when that is not cheap to know."""
    from warta.chunks import count_documents

    try:
        written = None if force else db.expanduser().stat().st_mtime
    except OSError:  # no warehouse yet: everything is new
        written = None
    try:
        return count_documents(inputs, newer_than=written, enough=enough) or 0
    except OSError:  # unreadable here: the flow reports it, in its own words
        return 0


def warm_cluster(address: str) -> threading.Thread:
    """Have every worker of the Dask cluster at `address` import the transform stack now, in the
    background, while the temporary server starts: a cluster's workers would otherwise import it
    with their first chunk (~3.5 s, on every run that has fresh workers). The thread is returned
    for whoever wants to wait for it; the run itself does not."""

    def run() -> None:
        # An unreachable cluster is the flow's to report, in its own words.
        with contextlib.suppress(Exception):
            from distributed import Client

            with Client(address, timeout=30) as client:
                client.run(_warm_dask_worker)

    thread = threading.Thread(target=run, name="warm-dask-workers", daemon=True)
    thread.start()
    return thread


async def _warm_dask_worker() -> None:
    """On a Dask worker, in a thread: `Client.run` calls a plain function inside the worker's
    event loop, which could then neither heartbeat nor take the flow's chunks for seconds."""
    import asyncio

    await asyncio.to_thread(_import_the_stack)


def _import_the_stack() -> None:
    import flows.tasks  # noqa: F401 - what a chunk's task unpickles to, Prefect's task engine with it
    from warta.chunks import warm

    warm()
