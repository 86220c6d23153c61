"""Log lines of a `warta run` to the file named by WARTA_LOG_FILE (set by the command line), in
the main process and in every worker process."""

from __future__ import annotations

import logging
import os

FORMAT = "%(asctime)s | %(levelname)-7s | %(processName)s | %(run_name)s - %(message)s"


class _RunFormatter(logging.Formatter):
    """Names the Prefect task or flow run a line comes from (`load-chunk-3a1`), else the logger."""

    def format(self, record: logging.LogRecord) -> str:
        record.run_name = (getattr(record, "task_run_name", None) or getattr(record, "flow_run_name", None)
                           or record.name)
        return super().format(record)


def attach() -> None:
    """Add a file handler to the root logger once, after Prefect configured logging (its setup
    replaces the root handlers)."""
    path = os.environ.get("WARTA_LOG_FILE")
    if not path:
        return
    import prefect.logging  # noqa: F401 - Prefect's logging setup runs on import

    root = logging.getLogger()
    if any(isinstance(h, logging.FileHandler) and h.baseFilename == os.path.abspath(path) for h in root.handlers):
        return
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(_RunFormatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(name).setLevel(logging.INFO)
