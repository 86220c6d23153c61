"""The scheduled path end to end: a real Prefect server, the work pool, `prefect deploy` from the
repository's prefect.yaml, a process worker, and deployment runs that load articles served by a
real HTTP server on 127.0.0.1 (a feed, a sitemap, the sample pages) into a DuckDB file.

These are the commands of docs/DEPLOY.md, run as a user would run them.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest
from helpers.web import LoopbackServer, Reply, html, rss, sample_pages, sitemap

from warta.settings import PROJECT_ROOT

pytestmark = pytest.mark.server

PREFECT = str(PROJECT_ROOT / ".venv" / "bin" / "prefect")
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    # A session of its own, so teardown can stop the process and its children by its group id.
    return subprocess.Popen(args, env=env, cwd=PROJECT_ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def prefect(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run([PREFECT, *args], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A Prefect server on a free loopback port with its own PREFECT_HOME; yields the client env."""
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # The deployments carry cron schedules over the real feeds: no scheduled run may be
        # created while the test owns a worker. Manual runs are unaffected.
        "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
        "PREFECT_WORKER_QUERY_SECONDS": "1",
    }
    proc = start([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env, home / "server.log")
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, (home / "server.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "Prefect server not healthy after 90 s"
            time.sleep(0.5)
        print(f"server healthy after {time.monotonic() - deadline + 90:.1f} s")
        yield env
    finally:
        t = time.monotonic()
        stop(proc)
        print(f"server stopped in {time.monotonic() - t:.1f} s")


def wait_for(env: dict[str, str], flow_run_id: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        run = httpx.get(f"{env['PREFECT_API_URL']}/flow_runs/{flow_run_id}", timeout=5).json()
        if run["state"]["type"] in TERMINAL:
            return run
        assert time.monotonic() < deadline, f"run still {run['state']['type']} after {timeout} s"
        time.sleep(1)


def run_logs(env: dict[str, str], flow_run_id: str) -> str:
    """The flow run's log lines as the server holds them (what the UI shows), for failure messages."""
    body = {"logs": {"flow_run_id": {"any_": [flow_run_id]}}, "sort": "TIMESTAMP_ASC", "limit": 200}
    logs = httpx.post(f"{env['PREFECT_API_URL']}/logs/filter", json=body, timeout=10).json()
    return "\n".join(f"{line['timestamp'][11:19]} {line['message'][:300]}" for line in logs)


def trigger(env: dict[str, str], inputs: list[str], db: Path) -> str:
    out = prefect("deployment", "run", "warta-etl/sources-hourly", "--param", f"inputs={json.dumps(inputs)}",
                  "--param", f"db={db}", env=env)
    match = re.search(r"UUID:\s*([0-9a-f-]{36})", out)
    assert match, out
    return match.group(1)


def article_urls(db: Path) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {row[0] for row in con.execute("SELECT url FROM articles").fetchall()}


def test_deployment_runs_load_the_web_and_then_only_what_is_new(server: dict[str, str], tmp_path: Path) -> None:
    started = time.monotonic()
    pages = sample_pages()
    assert len(pages) >= 5
    db = tmp_path / "warta.duckdb"
    with LoopbackServer() as web:
        for name, page in pages:
            web.route(f"/news/{name}.html", html(page))
        paths = [f"/news/{name}.html" for name, _ in pages]
        # The feed holds the first three pages, the sitemap the third and fourth: one overlap.
        web.route("/rss.xml", Reply(body=rss(web.base, paths[:3]), content_type="application/rss+xml", etag='"1"'))
        web.route("/sitemap.xml", Reply(body=sitemap(web.base, paths[2:4]), content_type="application/xml"))
        inputs = [web.url("/rss.xml"), web.url("/sitemap.xml")]

        env = server
        prefect("work-pool", "create", "warta-pool", "--type", "process", "--overwrite", env=env)
        prefect("work-pool", "set-concurrency-limit", "warta-pool", "1", env=env)
        deployed = prefect("deploy", "--all", "--no-prompt", env=env)
        assert "warta-etl/sources-hourly" in deployed and "warta-report/report-daily" in deployed

        worker_env = {
            **env,
            "WARTA_ALLOW_HOSTS": '["127.0.0.1"]',  # loopback only through the allow list
            "WARTA_PER_HOST_DELAY_S": "0",
            "WARTA_RAW_DIR": str(tmp_path / "raw"),
        }
        print(f"deployed after {time.monotonic() - started:.1f} s")
        worker = start([PREFECT, "worker", "start", "--pool", "warta-pool"], worker_env, tmp_path / "worker.log")
        try:
            first = wait_for(env, trigger(env, inputs, db))
            assert first["state"]["type"] == "COMPLETED", run_logs(env, first["id"])
            assert article_urls(db) == {web.url(p) for p in paths[:4]}
            assert all(web.requests(p) == 1 for p in paths[:4])
            first_s = time.monotonic() - started

            # Between runs the feed gains one entry.
            web.route("/rss.xml", Reply(body=rss(web.base, [paths[4], *paths[:3]]),
                                        content_type="application/rss+xml", etag='"2"'))
            web.reset_counts()
            second = wait_for(env, trigger(env, inputs, db))
            assert second["state"]["type"] == "COMPLETED", run_logs(env, second["id"])
        finally:
            stop(worker)

        assert article_urls(db) == {web.url(p) for p in paths[:5]}
        # Nothing already loaded was fetched again: the feed, the sitemap and the new page only.
        fetched = {p: n for p, n in web.hits.items() if p != "/robots.txt"}
        assert fetched == {"/rss.xml": 1, "/sitemap.xml": 1, paths[4]: 1}
        assert web.request_headers[0][1].get("if-none-match") in (None, '"1"')
        # The run is on the server, where the UI shows it.
        ui = httpx.get(env["PREFECT_API_URL"].removesuffix("/api") + "/", timeout=10)
        assert ui.status_code == 200
        runs = httpx.post(f"{env['PREFECT_API_URL']}/flow_runs/filter", json={}, timeout=10).json()
        assert {r["id"] for r in runs} >= {first["id"], second["id"]}
    print(run_logs(env, second["id"]))
    print(f"first run done after {first_s:.0f} s, both after {time.monotonic() - started:.0f} s")
