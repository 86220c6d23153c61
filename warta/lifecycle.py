"""Everything a `warta` command starts ends with it: signals stop the run, and Prefect's temporary
server never outlives the process that started it.

Without a configured server (`PREFECT_API_URL`), Prefect 3 starts a temporary API server as a
subprocess (`SubprocessASGIServer`, ~230 MB) and stops it from `atexit`. `atexit` never runs after
`kill -9`, nor after a SIGTERM that Python does not handle, so that server used to be orphaned.
Prefect 3.8 offers no in-process ephemeral API any more (PREFECT_SERVER_ALLOW_EPHEMERAL_MODE only
chooses the subprocess), so we keep its subprocess and make it mortal:

- the server is started by our subclass, registered as Prefect's default instance (the same hook
  `prefect.testing.utilities.prefect_test_harness` uses), with
  - `PR_SET_PDEATHSIG = SIGKILL`: Linux kills it when the thread that started it dies, whatever
    killed that thread; started from the main thread, that is when the `warta` process dies;
  - its own session: a Ctrl-C in the terminal reaches `warta` only, which then stops the run
    and the server in order, instead of the server dying under a run that still talks to it;
- SIGTERM and SIGINT raise `Interrupted` in the main thread; the command stops the server and exits
  with 128 + the signal number, without waiting for fetch threads (a second signal exits at once).

And no stage waits forever: fetching has its deadlines (sources/http.py); waiting for a chunk's
transform has `result_within` (a worker process that hangs or was stopped, a Dask cluster whose
workers died, would otherwise hold the run, and a process pool's shutdown waits for it too).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

PR_SET_PDEATHSIG = 1


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal. A KeyboardInterrupt, so that no `except Exception` swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class StageTimeout(TimeoutError):
    """A stage of the run did not finish by its deadline; the message says which and what to do."""


def result_within(future: Any, seconds: float, what: str, setting: str) -> Any:
    """The result of a task `future` (a process pool's or a Dask cluster's), waiting at most
    `seconds`. When it does not come, this process's worker processes are killed (a process pool
    would otherwise wait for a stuck one on the way out) and `StageTimeout` says what to do."""
    try:
        return future.result(timeout=seconds)
    except TimeoutError:
        if future.wrapped_future.done():  # the task itself raised a TimeoutError: not ours to explain
            raise
    for child in multiprocessing.active_children():  # pool or local-cluster workers; not Prefect's server
        child.kill()
    raise StageTimeout(f"{what} did not finish within {seconds:g} s ({setting}): a worker process is stuck or "
                       "died; what was loaded before stays, run again to go on (raise the limit for very "
                       "large chunks)")


def _die_with_parent(parent: int) -> None:
    """In the child before exec: ask the kernel for SIGKILL when the parent's thread dies."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the signal handlers below still stop it
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _guarded_server_class() -> type:
    import prefect
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import get_current_settings

    class GuardedServer(SubprocessASGIServer):
        """Prefect's temporary server, the same command, but dying with its parent."""

        def _run_uvicorn_command(self) -> subprocess.Popen[Any]:
            parent = os.getpid()
            return subprocess.Popen(
                args=[sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent),
                      "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
                      "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
                env={**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                     "PREFECT__SERVER_FINAL": "1",
                     **get_current_settings().to_environment_variables(exclude_unset=True)},
                preexec_fn=lambda: _die_with_parent(parent),  # noqa: PLW1509 - started from the main thread
                start_new_session=True,
            )

    return GuardedServer


def _needs_temporary_server() -> bool:
    from prefect.settings import PREFECT_API_URL

    return not PREFECT_API_URL.value()


@contextlib.contextmanager
def managed_run() -> Iterator[None]:
    """Around a command that runs flows: signals raise `Interrupted`, and a temporary Prefect server,
    when one is needed, is ours (dies with us) and is stopped on the way out."""
    import prefect.main  # noqa: F401 - configures logging (lazily imported otherwise), which the next line adjusts

    from warta.errors import setup_logging

    setup_logging()
    server = None
    if _needs_temporary_server():
        server = _guarded_server_class()()  # registers itself as Prefect's default temporary server
    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}

    def stop(signum: int, frame: FrameType | None) -> None:
        # A second signal while we clean up: leave now, the kernel takes the server down with us.
        for s in previous:
            signal.signal(s, lambda n, f: os._exit(128 + n))
        raise Interrupted(signum)

    for s in previous:
        signal.signal(s, stop)
    try:
        yield
    except BaseException as exc:
        signum = _signal_of(exc)
        if signum is None:
            raise
        # Stopped by a signal: say so, stop the server now and leave without waiting for fetch
        # threads (os._exit runs no atexit hook, so the server cannot be left to Prefect's).
        from warta.errors import report_error

        report_error(Interrupted(signum))
        if server is not None and getattr(server, "server_process", None) is not None:
            server.stop()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(128 + signum)
    finally:
        # A normal exit leaves the server to Prefect's atexit hook, which runs after its log and
        # event workers have flushed to it.
        for s, handler in previous.items():
            signal.signal(s, handler)


def _signal_of(exc: BaseException) -> int | None:
    """The signal that ended the run: ours (`Interrupted`), or Prefect's `TerminationSignal` (the
    flow engine handles SIGTERM itself while a flow runs)."""
    if isinstance(exc, Interrupted):
        return exc.signum
    from prefect.exceptions import TerminationSignal

    if isinstance(exc, TerminationSignal):
        return int(exc.signal)
    return None
