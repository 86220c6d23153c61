"""The worker processes that transform chunks on this machine: Prefect's process pool on
warta's workers (`warta.workers`), taking those `warta.workers.prestart` launched before the flow
when there are any."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner

from warta import workers


class WarmProcessPool(ProcessPoolTaskRunner):
    """`ProcessPoolTaskRunner` on warta's worker processes (`warta.workers.new_pool`: forked from
    a server that has imported the transform stack), taking prestarted ones when there are any.
    Its `__enter__` repeats what Prefect's does (Prefect 3.8, pinned) with that executor and
    message queue: the queue carries the workers' logs and events to this process, where the
    forwarding thread hands them to Prefect. The flow keeps this class through Prefect's
    `duplicate()`, which builds `type(self)`."""

    def __enter__(self) -> WarmProcessPool:
        TaskRunner.__enter__(self)
        self._subprocess_message_queue, self._executor = workers.take(self._max_workers) \
            or workers.new_pool(self._max_workers)
        self._message_forwarding_thread = threading.Thread(
            target=self._forward_subprocess_messages, name="ProcessPoolTaskRunnerMessageForwarder", daemon=True)
        self._message_forwarding_thread.start()
        self._resolver_executor = ThreadPoolExecutor(max_workers=self._max_workers)
        return self

    def release_workers(self) -> None:
        """Let the worker processes go now that no chunk is to come: their exit (~1 s for two,
        Prefect's log and event flushes included) overlaps with the run's last steps instead of
        following them when the flow ends. Nothing can be submitted to this runner afterwards."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            workers.log.info("released the worker processes: no chunk is left")


def pool(size: int) -> WarmProcessPool:
    return WarmProcessPool(max_workers=size)
