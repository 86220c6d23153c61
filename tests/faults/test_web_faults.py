"""The fault suite, part 1: one run over inputs that each misbehave in their own way, next to good
pages, through the real flow, a real loopback HTTP server and a real DuckDB file; then the same
run again. For every kind of fault: the run completes, the input is a failure row whose reason
says what happened, the good pages are loaded (no row lost), keys stay unique, and no process is
left behind.

DNS cannot be served on loopback, so the rebinding case replaces the system resolver
(`socket.getaddrinfo`) for one invented name: it answers a public address first and 127.0.0.1
afterwards, as a rebinding DNS server does. Connections to that public address are refused by a
stand-in for `socket.create_connection` (the internet is not reachable here), which also records
where the fetch really tried to connect.
"""

from __future__ import annotations

import gzip
import json
import re
import socket
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.db import query
from helpers.faults import assert_no_duplicate_keys, descendants
from helpers.web import LoopbackServer, Reply, html, sample_pages

from flows.pipeline import etl

pytestmark = pytest.mark.usefixtures("prefect_harness")

MAX_BYTES = 300_000
REBIND_HOST = "berita-rebind.test"
PUBLIC = "93.184.215.14"  # what the rebinding name answers first: a public address
# Written by us for these tests: a Latin-1 page with curly quotes, served as if it were UTF-8.
CP1252_TEXT = ("Menteri Luar Negeri menyebut kunjungan itu \u201csangat penting\u201d bagi kerja sama "
               "kedua negara, kata juru bicara kementerian di Jakarta, Jumat (9/2/2024). " * 3)


@dataclass(frozen=True)
class Fault:
    path: str
    replies: tuple[Reply, ...]
    reason: str  # a regular expression the failure row's reason must match
    stage: str = "fetch"


def _bomb() -> bytes:
    return gzip.compress(b"<html><body>" + b"a" * (MAX_BYTES * 20) + b"</body></html>")


FAULTS = {
    "http_5xx": Fault("/down", (Reply(503),), r"^HTTP 503 after 2 attempts$"),
    "timeout": Fault("/hang", (Reply(action="hang", hang_s=3.0, body="<html></html>"),),
                     r"^timed out after 1 s \(2 attempts\)$"),
    "reset": Fault("/reset", (Reply(action="reset"),), r"^connection reset \(2 attempts\)$"),
    "truncated_body": Fault("/truncated", (Reply(action="truncate", body="<html><body><p>Sebagian"),),
                            r"^server broke the protocol: .*incomplete.* \(2 attempts\)$|"
                            r"^server broke the protocol: .*closed.* \(2 attempts\)$"),
    "wrong_content_type": Fault("/report.pdf", (Reply(body=b"%PDF-1.7 ...", content_type="application/pdf"),),
                                r"^content-type application/pdf is not HTML, a feed or a sitemap$"),
    "malformed_feed": Fault("/feed.xml", (Reply(body="<rss><channel><item><title>x</ti",
                                                content_type="application/rss+xml"),),
                            r"^malformed feed: ", stage="parse"),
    # A byte every 0.5 s: no read waits the 1 s time-out, the whole would take a minute.
    "drip": Fault("/drip", (Reply(action="drip", drip_s=0.5, body="<html>" + "x" * 100 + "</html>"),),
                  r"^no complete answer within the 4 s deadline \(WARTA_FETCH_DEADLINE_S\)"),
    "oversized": Fault("/huge", (Reply(body=b"<html>" + b"x" * (MAX_BYTES + 10)),),
                       rf"^larger than {MAX_BYTES} bytes \(Content-Length {MAX_BYTES + 16}\)$"),
    "gzip_bomb": Fault("/bomb", (Reply(body=_bomb(), headers=(("Content-Encoding", "gzip"),)),),
                       rf"^larger than {MAX_BYTES} bytes$"),
    "redirect_to_private": Fault("/go", (Reply(302, headers=(("Location", "http://10.0.0.7/admin"),)),),
                                 r"^refused by policy: 10\.0\.0\.7 is a private address"),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory, prefect_harness):
    """Run the flow twice over every fault, two good pages and one page in a misdeclared charset."""
    folder = tmp_path_factory.mktemp("faults")
    db = folder / "w.duckdb"
    connects: list[tuple[str, int]] = []
    before = descendants()
    with LoopbackServer() as web, pytest.MonkeyPatch.context() as mp:
        for env, value in {"WARTA_ALLOW_HOSTS": '["127.0.0.1"]', "WARTA_PER_HOST_DELAY_S": "0",
                           "WARTA_TIMEOUT_S": "1", "WARTA_FETCH_ATTEMPTS": "2", "WARTA_BACKOFF_S": "0.05",
                           "WARTA_FETCH_DEADLINE_S": "4", "WARTA_MAX_BYTES": str(MAX_BYTES)}.items():
            mp.setenv(env, value)
        _rebinding_dns(mp, connects)
        for fault in FAULTS.values():
            web.route(fault.path, *fault.replies)
        good = [web.route(f"/berita/{name}", html(page)) for name, page in sample_pages()[:2]]
        latin = web.route("/latin", Reply(body=f"<html><body><p>{CP1252_TEXT}</p></body></html>".encode("cp1252"),
                                          content_type="text/html; charset=utf-8"))
        web.route("/rebind", html(sample_pages()[2][1]))
        rebind = f"http://{REBIND_HOST}:{web.port}/rebind"
        inputs = [*good, latin, rebind, *(web.url(f.path) for f in FAULTS.values())]
        first = etl(inputs=inputs, db=str(db))
        second = etl(inputs=inputs, db=str(db))
        rebind_hits = web.requests("/rebind")
    return {"db": db, "web_base": web.base, "good": good, "latin": latin, "rebind": rebind, "first": first,
            "second": second, "connects": connects, "rebind_hits": rebind_hits, "before": before}


def _rebinding_dns(mp: pytest.MonkeyPatch, connects: list[tuple[str, int]]) -> None:
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.create_connection
    answers = {"n": 0}

    def getaddrinfo(host, port, *args, **kwargs):  # noqa: ANN001 - the socket module's signature
        if host != REBIND_HOST:
            return real_getaddrinfo(host, port, *args, **kwargs)
        answers["n"] += 1
        address = PUBLIC if answers["n"] == 1 else "127.0.0.1"  # public to the check, loopback after
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 80)))]

    def create_connection(address, *args, **kwargs):  # noqa: ANN001
        connects.append(address)
        if address[0] in (PUBLIC, REBIND_HOST):
            raise ConnectionRefusedError(111, "Connection refused (no internet in tests)")
        return real_connect(address, *args, **kwargs)

    mp.setattr(socket, "getaddrinfo", getaddrinfo)
    mp.setattr(socket, "create_connection", create_connection)


def failure(run, url: str) -> dict:
    rows = query(run["db"], "select stage, reason, attempts, raw_ref, resolved_at from failures "
                             f"where source = '{url}'")
    assert len(rows) == 1, f"{url}: {rows}"
    return dict(zip(("stage", "reason", "attempts", "raw_ref", "resolved_at"), rows[0], strict=True))


def check_the_run(run) -> None:
    """What every case asserts besides its own failure row."""
    statuses = [r[0] for r in query(run["db"], "select status from runs order by started_at")]
    assert len(statuses) == 2 and set(statuses) <= {"completed", "degraded"}
    loaded = {r[0] for r in query(run["db"], "select url from articles")}
    assert set(run["good"]) | {run["latin"]} <= loaded  # nothing lost among the good inputs
    assert len(loaded) == 3
    assert_no_duplicate_keys(run["db"])
    assert descendants() <= run["before"]  # no process left by the two runs


@pytest.mark.parametrize("kind", sorted(FAULTS))
def test_fault_becomes_a_failure_row_with_its_reason(run, kind: str) -> None:
    fault = FAULTS[kind]
    row = failure(run, run["web_base"] + fault.path)
    assert row["stage"] == fault.stage
    assert re.search(fault.reason, row["reason"]), row["reason"]
    assert row["attempts"] == 2 and row["resolved_at"] is None  # two runs, failed in both, one row
    check_the_run(run)


def test_dns_rebinding_never_reaches_the_loopback_server(run) -> None:
    row = failure(run, run["rebind"])
    # First try: the name said "public", the connection went to that address (refused here). The
    # retry resolved again, got 127.0.0.1, and the policy refused it before connecting.
    assert row["reason"].startswith("refused by policy: host berita-rebind.test resolves to 127.0.0.1 is a "
                                    "loopback address")
    # The fetch connected only to the address the policy had checked, never to the rebound 127.0.0.1.
    assert run["rebind_hits"] == 0
    port = int(run["rebind"].split(":")[2].split("/")[0])
    assert (PUBLIC, port) in run["connects"]
    assert not [a for a in run["connects"] if a[0] == REBIND_HOST]  # the name never reached the socket layer
    check_the_run(run)


def test_page_in_a_misdeclared_charset_is_loaded_with_the_right_characters(run) -> None:
    (body,) = query(run["db"], f"select body_text from articles where url = '{run['latin']}'")[0]
    assert "\u201csangat penting\u201d" in body and "\ufffd" not in body
    check_the_run(run)


def test_malformed_feed_keeps_its_raw_bytes(run) -> None:
    row = failure(run, run["web_base"] + "/feed.xml")
    assert gzip.decompress(Path(row["raw_ref"]).read_bytes()).startswith(b"<rss>")


def test_the_summary_counts_the_failures(run) -> None:
    assert run["first"]["failures"] == len(FAULTS) + 1  # + the rebinding name
    assert run["second"]["articles_loaded"] == 0  # the good pages were loaded once
    assert json.loads(query(run["db"], "select inputs from runs limit 1")[0][0])[0] == run["good"][0]
