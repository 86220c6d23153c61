"""The fault suite, part 2: `warta run` as its own process, stopped, killed, doubled, blocked and
starved of disk. Each case asserts the exit status and what was recorded, that the warehouse keeps
every row it had with unique keys, and that no process is left behind: in particular Prefect's
temporary server (a uvicorn subprocess of ~230 MB), which used to outlive a killed run.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from helpers.db import query
from helpers.faults import (
    assert_no_duplicate_keys,
    hold_file,
    is_pool_worker,
    many_articles,
    spawn_warta,
    wait_for_child,
    wait_gone,
    wait_until,
    warta_env,
)

from warta.settings import PROJECT_ROOT

TEXTS = sorted((PROJECT_ROOT / "corpus" / "samples" / "text").glob("*.txt"))


def is_prefect_server(cmdline: str) -> bool:
    return "uvicorn" in cmdline and "prefect.server.api.server:create_app" in cmdline


class Output:
    """A process's stderr, read line by line as it comes."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._event = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self._thread.start()

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            self.lines.append(line.rstrip("\n"))
            self._event.set()

    def wait_for(self, text: str, timeout: float = 480.0) -> None:
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines):
                return
            self._event.wait(0.5)
            self._event.clear()
        raise AssertionError(f"{text!r} never printed; stderr: {self.lines[-20:]}")

    def close(self) -> str:
        self._thread.join(timeout=30)
        return "\n".join(self.lines)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Path:
    """A warehouse with one article, loaded by `warta run` itself."""
    db = tmp_path_factory.mktemp("base") / "w.duckdb"
    proc = spawn_warta("run", "--input", str(TEXTS[0]), "--db", str(db))
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-3000:]
    assert query(db, "select count(*) from articles") == [(1,)]
    return db


def copy_of(baseline: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / baseline.name
    shutil.copyfile(baseline, db)
    return db


def articles(db: Path) -> set[str]:
    return {r[0] for r in query(db, "select url from articles")}


@dataclass
class Blocked:
    """A `warta run` stopped in its load, waiting for the file an analyst holds."""

    db: Path
    before: set[str]  # the articles in the file before the run
    proc: subprocess.Popen[str]
    err: Output
    family: set[int]  # every process below warta, the temporary Prefect server among them


@contextlib.contextmanager
def blocked_run(baseline: Path, folder: Path, lock_wait_s: int) -> Iterator[Blocked]:
    db = copy_of(baseline, folder)
    before = articles(db)
    analyst = hold_file(db, 300)
    proc = spawn_warta("run", "--input", *map(str, TEXTS), "--db", str(db),
                       env=warta_env(WARTA_LOCK_WAIT_S=str(lock_wait_s)))
    err = Output(proc)
    try:
        server = wait_for_child(proc, is_prefect_server)
        err.wait_for("waiting for")
        family = {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
        assert server.pid in family
        yield Blocked(db, before, proc, err, family)
    finally:
        analyst.kill()
        analyst.wait()
        if proc.poll() is None:
            proc.kill()
        err.close()


def test_kill_9_while_loading_leaves_no_process_and_loses_nothing(baseline: Path, tmp_path: Path) -> None:
    with blocked_run(baseline, tmp_path / "k", 300) as run:
        run.proc.kill()  # kill -9: no handler, no atexit
        assert run.proc.wait(timeout=30) == -signal.SIGKILL
        assert wait_gone(run.family) == set(), "the temporary Prefect server outlived warta"
    db = run.db
    assert articles(db) == run.before
    assert query(db, "select count(*) from runs") == [(1,)]  # the killed run wrote nothing
    assert_no_duplicate_keys(db)
    # The next run catches up.
    again = spawn_warta("run", "--input", *map(str, TEXTS), "--db", str(db))
    assert again.wait(timeout=600) == 0
    assert len(articles(db)) == len(TEXTS)
    assert_no_duplicate_keys(db)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_run_and_everything_it_started(baseline: Path, tmp_path: Path, signum: int) -> None:
    with blocked_run(baseline, tmp_path / "s", 300) as run:
        os.kill(run.proc.pid, signum)
        assert run.proc.wait(timeout=60) == 128 + signum  # promptly, though a load was waiting
        assert wait_gone(run.family) == set()
    stderr = run.err.close()
    (last,) = [line for line in stderr.splitlines() if line.startswith("warta: ")]
    assert last.startswith(f"warta: stopped by {signal.Signals(signum).name}: the run was interrupted")
    assert "Traceback" not in stderr
    assert articles(run.db) == run.before
    assert_no_duplicate_keys(run.db)


def test_two_runs_at_once_both_load_and_keys_stay_unique(baseline: Path, tmp_path: Path) -> None:
    db = copy_of(baseline, tmp_path / "two")
    first = spawn_warta("run", "--input", *map(str, TEXTS[:3]), "--db", str(db))
    second = spawn_warta("run", "--input", *map(str, TEXTS[2:]), "--db", str(db))  # one file in both
    family: set[int] = set()
    for proc in (first, second):
        with contextlib.suppress(psutil.NoSuchProcess):
            family |= {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
    outputs = [p.communicate(timeout=900) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], [o[1][-2000:] for o in outputs]
    assert len(articles(db)) == len(TEXTS)
    assert query(db, "select status, count(*) from runs group by status") == [("completed", 3)]
    assert_no_duplicate_keys(db)
    assert wait_gone(family) == set()


def test_an_analyst_holding_the_file_fails_the_run_with_what_to_do(baseline: Path, tmp_path: Path) -> None:
    with blocked_run(baseline, tmp_path / "a", 5) as run:
        assert run.proc.wait(timeout=600) == 1
        assert wait_gone(run.family) == set()
    stderr, db = run.err.close(), run.db
    lines = stderr.strip().splitlines()
    assert any(f"waiting for {db}: another process holds it open; waiting up to 5 s" in line for line in lines)
    expected = (f"warta: {db} is held open by another process (an analyst's session?) and did not come free "
                "within 5 s; close that session or raise WARTA_LOCK_WAIT_S, then run again")
    assert [line for line in lines if line.startswith("warta: ")] == [expected]
    assert "Traceback" not in stderr
    assert articles(db) == run.before
    assert_no_duplicate_keys(db)


def _mount_tmpfs(folder: Path, size: int) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                            capture_output=True, text=True, check=False)
    return result.returncode == 0


def test_disk_full_is_reported_as_disk_full_and_loses_nothing(baseline: Path, tmp_path: Path) -> None:
    disk = tmp_path / "small-disk"
    size = baseline.stat().st_size + 48 * 1024 * 1024  # room for the run once the filler is gone
    if not _mount_tmpfs(disk, size):
        pytest.skip("needs root and `mount -t tmpfs` to make a small disk: run the suite as root")
    try:
        db = copy_of(baseline, disk)
        before = articles(db)
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * max(0, free - 16 * 1024))  # leave 16 KB
        proc = spawn_warta("run", "--input", *map(str, TEXTS), "--db", str(db))
        _, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 1
        (last,) = [line for line in stderr.splitlines() if line.startswith("warta: ")]
        assert last.startswith("warta: disk full: free space on the disk of the DuckDB file"), stderr[-3000:]
        assert "cannot rollback" not in last
        (disk / "filler").unlink()
        assert articles(db) == before
        assert_no_duplicate_keys(db)
        again = spawn_warta("run", "--input", *map(str, TEXTS), "--db", str(db))
        _, again_err = again.communicate(timeout=600)
        assert again.returncode == 0, again_err[-3000:]
        assert len(articles(db)) == len(TEXTS)
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_stuck_worker_process_fails_the_run_by_its_deadline_and_leaves_nothing(tmp_path: Path) -> None:
    n, deadline_s = 100, 45  # above a chunk's time on a loaded machine, worker start included
    db = tmp_path / "w.duckdb"
    env = warta_env(WARTA_CHUNK_SIZE="10", WARTA_CHUNK_DEADLINE_S=str(deadline_s), PREFECT_LOGGING_LEVEL="INFO")
    args = ("run", "--input", str(many_articles(tmp_path / "many.jsonl", n)), "--db", str(db), "--workers", "1")
    proc = spawn_warta(*args, env=env)
    log = db.with_suffix(".log")
    try:
        worker = wait_for_child(proc, is_pool_worker, timeout=300, of_process=True)
        family = {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
        wait_until(lambda: proc.poll() is not None or (
            log.exists() and "load-chunk" in log.read_text(encoding="utf-8", errors="replace")), 300)
        assert proc.poll() is None, f"the run ended before its worker was stopped: {proc.communicate()[1][-2000:]}"
        os.kill(worker.pid, signal.SIGSTOP)  # the worker hangs: alive, never answering
        stopped_at = time.monotonic()
        _, stderr = proc.communicate(timeout=deadline_s + 240)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1
    assert time.monotonic() - stopped_at < deadline_s + 240
    (line,) = [x for x in stderr.splitlines() if x.startswith("warta: ")]
    assert re.match(rf"warta: the transform of chunk \d+ did not finish within {deadline_s} s "
                    r"\(WARTA_CHUNK_DEADLINE_S\): a worker process is stuck or died; ", line), stderr[-2000:]
    assert "Traceback" not in stderr
    assert wait_gone(family) == set(), "a worker process outlived the run"
    status, message = query(db, "select status, message from runs")[0]
    assert status == "failed" and "WARTA_CHUNK_DEADLINE_S" in message
    loaded = query(db, "select count(*) from articles")[0][0]
    assert 0 < loaded < n
    assert_no_duplicate_keys(db)
    rerun = spawn_warta(*args, env=warta_env(WARTA_CHUNK_SIZE="10"))  # the next run goes on
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err[-3000:]
    assert query(db, "select count(*), count(distinct article_id) from articles") == [(n, n)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_the_server_starts_leaves_no_worker_behind(tmp_path: Path, signum: int) -> None:
    # Worker processes start before the run's signal handlers are in place (warta/workers.py):
    # stopped then, the run takes them with it, and a terminal's Ctrl-C (the whole process
    # group) prints no worker's traceback.
    db = tmp_path / "w.duckdb"
    env = warta_env(PREFECT_HOME=str(tmp_path / "prefect"))  # a new home: the server takes its time
    proc = spawn_warta("run", "--input", *map(str, TEXTS), "--db", str(db), "--chunk-size", "2", "--workers", "2",
                       env=env)
    try:
        wait_for_child(proc, lambda cmd: "multiprocessing" in cmd and "resource_tracker" not in cmd, timeout=120)
        family = {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
        time.sleep(1)
        os.killpg(proc.pid, signum) if signum == signal.SIGINT else os.kill(proc.pid, signum)
        _, stderr = proc.communicate(timeout=120)  # returns: nothing left holds the output open
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode != 0
    assert wait_gone(family, timeout=30) == set(), "a worker process outlived the run"
    assert "KeyboardInterrupt" not in stderr and "Exception in initializer" not in stderr, stderr[-2000:]
