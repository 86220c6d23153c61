"""Worker processes for chunk transforms, launched before the flow when that is worth it.

A worker process spends ~3.5 s importing the transform stack (`warta.chunks.warm`). Started the
way Prefect starts them, on the first chunk's submission, that comes after the temporary Prefect
server's start-up (~5 s, on one core) and adds to it. `prestart`, called by `warta run` before it
imports Prefect, launches them at once, so that their imports run while the server starts; the
flow's runner (`flows.pool.WarmProcessPool`) adopts them.

`prestart` guesses from the inputs alone (the warehouse is the flow's to read): local inputs of
more than one chunk, changed since the DuckDB file was last written. A wrong guess costs either
the imports of processes nobody uses (so a re-run of loaded inputs never starts them) or the wait
that Prefect's own start has.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

# Launched by `prestart` until a runner adopts them: (workers, message queue, executor).
_early: list[tuple[int, Any, ProcessPoolExecutor]] = []


def init_worker(queue: Any) -> None:
    """A worker's start, as Prefect's process pool does it (its logs and events go back to the
    flow's process through `queue`), then the transform stack's imports."""
    from prefect.task_runners import _initialize_process_pool_worker

    from warta.chunks import warm

    _initialize_process_pool_worker(queue, warm, ())


def prestart(inputs: list[str], db: Path, workers: int, chunk_size: int) -> bool:
    """Launch `workers` worker processes now when the inputs look like more than one chunk of
    new documents (see the module's note); whether it did."""
    if _early or workers < 2 or not _worth_starting(inputs, db, chunk_size):
        return False
    context = multiprocessing.get_context("spawn")  # as Prefect's runner: no forked threads or locks
    queue = context.Queue()
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker,
                                   initargs=(queue,))
    # The executor starts a process per submission while none is idle: a no-op each starts them all.
    for _ in range(workers):
        executor.submit(int)
    _early.append((workers, queue, executor))
    return True


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


def _warm_dask_worker() -> None:
    import flows.tasks  # noqa: F401 - what a chunk's task unpickles to, Prefect's task engine with it
    from warta.chunks import warm

    warm()


def take(workers: int) -> tuple[Any, ProcessPoolExecutor] | None:
    """The message queue and executor of prestarted workers, once, when there are `workers` of them."""
    for i, (n, queue, executor) in enumerate(_early):
        if n == workers:
            del _early[i]
            return queue, executor
    return None


def _worth_starting(inputs: list[str], db: Path, chunk_size: int) -> bool:
    from warta.chunks import count_documents

    total = count_documents(inputs)
    if total is None or total <= chunk_size:
        return False
    try:
        written = db.expanduser().stat().st_mtime
    except OSError:  # no warehouse yet: everything is new
        return True
    return any(_newest_mtime(Path(item).expanduser()) > written for item in inputs)


def _newest_mtime(path: Path) -> float:
    from sources.local import expand

    return max((f.stat().st_mtime for f in expand(path)), default=0.0)
