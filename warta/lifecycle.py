"""Everything a `warta` command starts ends with it: signals stop the run, and Prefect's temporary
server never outlives the process that started it.

Without a configured server (`PREFECT_API_URL`), Prefect 3 starts a temporary API server as a
subprocess (`SubprocessASGIServer`, ~230 MB) and stops it from `atexit`. `atexit` never runs after
`kill -9`, nor after a SIGTERM that Python does not handle, so that server used to be orphaned.
Prefect 3.8 offers no in-process ephemeral API any more (PREFECT_SERVER_ALLOW_EPHEMERAL_MODE only
chooses the subprocess), so we keep its subprocess and make it mortal:

- the server is started by us (`TemporaryServer`: Prefect's command for it), first thing in `warta
  run`, and Prefect is pointed at it as at a configured server, with
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

import atexit
import contextlib
import ctypes
import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
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


def _server_process(port: int) -> subprocess.Popen[Any]:
    """Prefect's temporary server command, dying with its parent. Called from the main thread,
    before this process imports Prefect when it can (`start_server_early`): the server's start-up
    is the longest wait of a short run."""
    import importlib.util

    spec = importlib.util.find_spec("prefect")
    if spec is None or spec.origin is None:
        raise RuntimeError("Prefect is not installed in this environment; run `make install`")
    # Settings a caller set in this process (a test's temporary settings) reach the server too.
    settings_env: dict[str, str] = {}
    if "prefect.settings" in sys.modules:
        from prefect.settings import get_current_settings

        settings_env = get_current_settings().to_environment_variables(exclude_unset=True)
    parent = os.getpid()
    return subprocess.Popen(
        args=[sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent),
              "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
              "--port", str(port), "--log-level", "error", "--lifespan", "on"],
        env={**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
             "PREFECT__SERVER_FINAL": "1",
             # Block types are for deployments and a lasting server; registering them made the
             # server import every installed Prefect collection (prefect-dask: all of distributed)
             # on each start, ~0.5 s of a run's wait.
             "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
             "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
             **settings_env},
        preexec_fn=lambda: _die_with_parent(parent),  # noqa: PLW1509 - started from the main thread
        start_new_session=True,
    )


class TemporaryServer:
    """Prefect's temporary API server, run by us: the command Prefect would run, dying with its
    parent. warta points Prefect at it as at any configured server (`PREFECT_API_URL`), so this
    process never imports Prefect's server package (seconds of imports that only the server's own
    process needs), and stops it within a second at the end (Prefect waits up to 5 s)."""

    def __init__(self) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.process = _server_process(self.port)
        # atexit hooks run last-registered first: Prefect's log and event workers, started later,
        # flush to the server before this stops it.
        atexit.register(self.stop)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait_ready(self, timeout: float) -> None:
        import time
        import urllib.error
        import urllib.request

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Prefect's temporary server exited with status {self.process.returncode} "
                                   "while starting; run again with -v, or set PREFECT_API_URL to a running server")
            # Plain HTTP on loopback: an httpx client per try would load the CA bundle each time.
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:  # noqa: S310 - our loopback URL
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Prefect's temporary server did not start within {timeout:g} s "
                           "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS); the machine may be overloaded")

    def stop(self) -> None:
        # Its SQLite file survives a kill, and no fact of the run lives only there.
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# The server `start_server_early` started, until `managed_run` takes it.
_early: list[TemporaryServer] = []


def start_server_early() -> None:
    """Start the temporary server now, when one will be needed, so that its start-up (seconds of
    imports and database checks in its own process) overlaps with this process importing Prefect
    and the pipeline. Decided without importing Prefect (a second of it): no API URL in the
    environment nor in the active profile. Where a server is configured elsewhere (a prefect.toml),
    `managed_run` finds it so and stops this one."""
    if not _early and not os.environ.get("PREFECT_API_URL") and not _profile_api_url():
        _early.append(TemporaryServer())


def _profile_api_url() -> str | None:
    """PREFECT_API_URL of the active Prefect profile (`prefect config set`), read from its file."""
    import tomllib

    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
    path = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    profile = profiles.get("profiles", {}).get(active, {})
    return (profile.get("PREFECT_API_URL") or None) if isinstance(profile, dict) else None


def _needs_temporary_server() -> bool:
    from prefect.settings import PREFECT_API_URL

    return not PREFECT_API_URL.value()


@contextlib.contextmanager
def managed_run() -> Iterator[None]:
    """Around a command that runs flows: signals raise `Interrupted`, and a temporary Prefect server,
    when one is needed, is ours (dies with us) and is stopped on the way out."""
    import prefect.main  # noqa: F401 - configures logging (lazily imported otherwise), which the next line adjusts
    from prefect.context import refresh_global_settings_context

    from warta.errors import setup_logging

    setup_logging()
    server: TemporaryServer | None = None
    settings = contextlib.ExitStack()
    saved_env: dict[str, str | None] = {}
    if not _needs_temporary_server():
        while _early:  # started for nothing: a server is configured where only Prefect looks
            _early.pop().stop()
    else:
        from prefect.settings import (
            PREFECT_API_URL,
            PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
            PREFECT_LOGGING_TO_API_ENABLED,
            PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
            temporary_settings,
        )

        server = _early.pop() if _early else TemporaryServer()
        # Worker processes inherit the environment. Log lines go to the run's log file only: a
        # server that dies with the run keeps them for no one, and shipping them cost it CPU.
        env = {"PREFECT_API_URL": server.api_url, "PREFECT_LOGGING_TO_API_ENABLED": "false"}
        saved_env = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        # Threads that Prefect starts without copying our context (the process pool's message
        # forwarder) read the process-global settings, made from the environment at import: left
        # alone, they see no API and start a second temporary server of their own.
        refresh_global_settings_context()
        # No flow-run heartbeats either: they let a lasting server notice a crashed run, and this
        # one dies with the run; their thread made every run wait up to a second at its end.
        settings.enter_context(temporary_settings(updates={PREFECT_API_URL: server.api_url,
                                                           PREFECT_LOGGING_TO_API_ENABLED: False,
                                                           PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}))
        # While the server starts: what Prefect imports only when a flow is called (its engine, and
        # fastapi's encoder for the parameters), ~0.3 s that would otherwise come after the wait.
        import fastapi.encoders  # noqa: F401
        import prefect.flow_engine  # noqa: F401

        server.wait_ready(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
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
        if server is not None:
            server.stop()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(128 + signum)
    finally:
        # A normal exit leaves the server to the atexit hook, which runs after Prefect's log and
        # event workers have flushed to it.
        for s, handler in previous.items():
            signal.signal(s, handler)
        settings.close()
        for key, value in saved_env.items():  # the environment as the command found it
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if saved_env:
            refresh_global_settings_context()


def _signal_of(exc: BaseException) -> int | None:
    """The signal that ended the run: ours (`Interrupted`), or Prefect's `TerminationSignal` (the
    flow engine handles SIGTERM itself while a flow runs)."""
    if isinstance(exc, Interrupted):
        return exc.signum
    from prefect.exceptions import TerminationSignal

    if isinstance(exc, TerminationSignal):
        return int(exc.signal)
    return None
