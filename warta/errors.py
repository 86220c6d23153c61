"""Errors a person can act on: one line on the terminal saying what failed and what to do.

The traceback goes to the log file (`WARTA_LOG_FILE`, default `~/.local/state/warta/warta.log`)
every time, and to the terminal only with `-v`. Prefect logs the same exception from the task, the
flow and the engine (3 to 8 tracebacks for one error); without `-v` the terminal keeps their
warnings and progress lines but not their errors, which the one line below replaces.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

DEFAULT_LOG_FILE = Path("~/.local/state/warta/warta.log")

_verbose = False


class UserError(Exception):
    """A mistake in how a command was called (a missing file, a wrong path): the message is the
    whole story, no traceback is needed."""


def log_file() -> Path:
    return Path(os.environ.get("WARTA_LOG_FILE") or DEFAULT_LOG_FILE).expanduser()


class _QuietConsole(logging.Filter):
    """On the terminal without -v: no error records (our one line says it), no tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _verbose:
            return True
        if record.levelno >= logging.ERROR:
            return False
        record.exc_info = None
        record.exc_text = None
        return True


def is_verbose() -> bool:
    return _verbose


def set_verbose(verbose: bool) -> None:
    global _verbose
    _verbose = verbose


def setup_logging() -> None:
    """Send every log record to the log file as well, and quieten the terminal. Call it after
    Prefect configured logging (`import prefect.main`): Prefect leaves the root logger alone, its
    console handler included, when it finds a handler there already."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler):
            continue
        if isinstance(handler, logging.StreamHandler) and not any(isinstance(f, _QuietConsole)
                                                                  for f in handler.filters):
            handler.addFilter(_QuietConsole())
    path = log_file()
    # `warta run` has attached the run's log file already (warta.logfile): one handler per file,
    # or every line is written twice.
    if not any(getattr(h, "_warta", False) or (isinstance(h, logging.FileHandler)
                                               and h.baseFilename == os.path.abspath(path))
               for h in root.handlers):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(path, encoding="utf-8", delay=True)
        except OSError:
            return  # no log file (read-only home): the terminal still gets the one line
        handler._warta = True  # type: ignore[attr-defined]
        handler.setLevel(logging.INFO)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)


def _chain(exc: BaseException) -> list[BaseException]:
    chain = [exc]
    while (nxt := chain[-1].__cause__ or chain[-1].__context__) is not None and nxt not in chain:
        chain.append(nxt)
    return chain


def is_disk_full(exc: BaseException) -> bool:
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno == errno.ENOSPC:
            return True
        text = str(e).lower()
        if "no space left on device" in text or "disk is full" in text or "database or disk is full" in text:
            return True
    return False


def one_line(exc: BaseException, command: str = "run") -> str:
    """What failed and what to do, in one line (without the `warta: ` prefix)."""
    from warta.lifecycle import Interrupted

    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, Interrupted):
        return (f"stopped by {exc.args[0]}: the run was interrupted and left nothing half-written; "
                "run it again to finish")
    if is_disk_full(exc):
        return ("disk full: free space on the disk of the DuckDB file (and of WARTA_RAW_DIR) and run again; "
                "a load that did not commit left nothing in the warehouse")
    name = type(exc).__name__
    if name in ("WarehouseBusy", "StageTimeout"):  # their message says what to do
        return str(exc)
    if name == "BatchCheckFailed":
        return f"{exc}; see the run report and `warta quarantine list`"
    if isinstance(exc, FileNotFoundError):
        return f"no such file or folder: {exc.filename or exc}; check the path"
    if isinstance(exc, PermissionError):
        return f"permission denied: {exc.filename or exc}; check who owns it"
    first = (str(exc).strip().splitlines() or [""])[0][:300]
    what = "the run" if command in ("run", "reprocess") else f"`warta {command}`"
    return (f"{what} failed: {name}: {first}; the traceback is in {log_file()} "
            "(or run with -v to see it here)")


def report_error(exc: BaseException, command: str = "run") -> int:
    """Print the one line (or click's own usage message), log the traceback; the exit status."""
    import typer

    # Typer carries its own copy of click: its exceptions are recognised by what they offer.
    if isinstance(exc, typer.Exit):
        return exc.exit_code
    if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
        exc.show()  # a usage error: click's own message names the option
        return exc.exit_code
    if isinstance(exc, typer.Abort):
        typer.echo("warta: aborted", err=True)
        return 1
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else 1
    line = one_line(exc, command)
    trace = "".join(traceback.format_exception(exc))
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.now().isoformat(timespec='seconds')} warta {' '.join(sys.argv[1:])}\n"
                      f"{line}\n{trace}\n")
    except OSError:
        pass  # a full disk may be the error itself: the terminal line is what matters
    if _verbose:
        sys.stderr.write(trace)
    typer.secho(f"warta: {line}", err=True, fg="red")
    return 1
