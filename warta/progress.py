"""A progress bar for `warta run` in a terminal: documents done / total (when the inputs say),
rate and time left. The flow reports to it; nothing shows unless the command line enabled it
(deployments and tests run without)."""

from __future__ import annotations

from typing import Any

_enabled = False
_bar: Any = None
_task: Any = None


def enable(on: bool = True) -> None:
    global _enabled
    _enabled = on


def start(inputs: list[str]) -> None:
    global _bar, _task
    if not _enabled:
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from warta.chunks import count_documents

    total = count_documents(inputs)
    _bar = Progress(TextColumn("documents"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("[progress.data.speed]{task.fields[rate]}"),
                    TimeRemainingColumn(), console=Console(stderr=True), transient=False)
    _task = _bar.add_task("run", total=total, rate="")
    _bar.start()


def advance(chunk: Any) -> None:
    if _bar is None:
        return
    n = len(chunk.documents) + len(chunk.failures) + sum(chunk.unchanged.values())
    _bar.advance(_task, n)
    task = _bar.tasks[0]
    speed = task.speed
    _bar.update(_task, rate=f"{speed:.1f} docs/s" if speed else "")


def stop() -> None:
    global _bar
    if _bar is not None:
        _bar.stop()
        _bar = None
