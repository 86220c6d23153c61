"""What every fault case checks: keys stay unique, no process outlives its run, the warehouse
keeps what it had. And the tools to cause faults from outside: a `warta` process, an analyst's
session holding the file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil

from helpers.db import query
from warehouse.tables import ALL_TABLES
from warta.settings import PROJECT_ROOT


def assert_no_duplicate_keys(db: Path | str) -> None:
    for table in ALL_TABLES:
        total, distinct = query(db, f"select count(*), count(distinct {table.key}) from {table.name}")[0]
        assert total == distinct, f"{table.name}: {total - distinct} duplicate {table.key}"


def descendants(pid: int | None = None) -> set[int]:
    """Live processes below `pid` (this process by default); zombies are dead already, and
    multiprocessing's resource tracker is started once per process and ends with it (a flow run
    in this process with worker processes starts it), so it is not left behind by a run."""
    try:
        children = psutil.Process(pid or os.getpid()).children(recursive=True)
    except psutil.NoSuchProcess:
        return set()
    return {c.pid for c in children if _alive(c) and not _resource_tracker(c)}


def _resource_tracker(proc: psutil.Process) -> bool:
    try:
        return "multiprocessing.resource_tracker" in " ".join(proc.cmdline())
    except psutil.Error:
        return False


def _alive(proc: psutil.Process) -> bool:
    try:
        return proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def wait_gone(pids: set[int], timeout: float = 15.0) -> set[int]:
    """The pids of `pids` still alive after up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        alive = {p for p in pids if psutil.pid_exists(p) and _alive(psutil.Process(p))}
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def many_articles(path: Path, n: int) -> Path:
    """A JSONL file of `n` distinct articles (one of our sample texts, numbered), for long runs."""
    body = (PROJECT_ROOT / "corpus" / "samples" / "text" / "004_be9bd2fda5eb0877.txt").read_text(encoding="utf-8")
    path.write_text("".join(json.dumps({"url": f"https://x.id/berita/{i}", "text": f"{body}\nNomor {i}."}) + "\n"
                            for i in range(n)), encoding="utf-8")
    return path


def warta_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_SERVER_ANALYTICS_ENABLED="false", WARTA_PER_HOST_DELAY_S="0", **extra)
    return env


def spawn_warta(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`warta ARGS` in its own process (and process group), as a person or a scheduler starts it."""
    return subprocess.Popen([sys.executable, "-m", "warta.cli", *args], cwd=PROJECT_ROOT, env=env or warta_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


_ANALYST = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    """
)


def hold_file(db: Path, seconds: float) -> subprocess.Popen[str]:
    """An analyst's read-only session in another process; returns once it holds the file."""
    proc = subprocess.Popen([sys.executable, "-c", _ANALYST, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def wait_until(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s")
        time.sleep(0.2)


def is_pool_worker(child: psutil.Process) -> bool:
    """A worker process of the run's pool: a multiprocessing process, not the resource tracker and
    not the fork server itself (a worker forked from the server keeps its command line; its parent
    tells them apart)."""
    cmd = " ".join(child.cmdline())
    if "multiprocessing" not in cmd or "resource_tracker" in cmd:
        return False
    return "forkserver" not in cmd or "forkserver" in " ".join(child.parent().cmdline())


def wait_for_child(proc: subprocess.Popen[str], predicate, timeout: float = 180.0, *,
                   of_process: bool = False) -> psutil.Process:
    """The first descendant of `proc` whose command line (with `of_process`, whose process)
    satisfies `predicate`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for child in psutil.Process(proc.pid).children(recursive=True):
            try:
                if predicate(child if of_process else " ".join(child.cmdline())):
                    return child
            except psutil.NoSuchProcess:
                continue
        if proc.poll() is not None:
            raise AssertionError(f"warta exited {proc.returncode} early: {proc.communicate()[1][-2000:]}")
        time.sleep(0.2)
    raise AssertionError("the expected child process never started")
