"""The fetch path against a real HTTP server on 127.0.0.1 that misbehaves on purpose."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from helpers.web import LoopbackServer, Reply, html, rss, sample_pages

from sources.http import FetchConfig, Fetcher, FetchError, decode_html
from sources.pull import normalize, pull, pull_stored
from sources.rawstore import RawStore
from warta.settings import Settings

LIMIT = 50_000  # above the sample pages (~10 KB)


@pytest.fixture
def web():
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        db=tmp_path / "warta.duckdb", allow_hosts=["127.0.0.1"], per_host_delay_s=0.0, backoff_s=0.01,
        timeout_s=0.5, fetch_attempts=3, max_bytes=LIMIT,
    )


def fetcher(settings: Settings, sleeps: list[float] | None = None) -> Fetcher:
    record = sleeps.append if sleeps is not None else (lambda s: None)
    return Fetcher(FetchConfig.from_settings(settings), sleep=record)


PAGE = "<!DOCTYPE html><html><head><title>t</title></head><body><p>Isi berita.</p></body></html>"


# retries and backoff ---------------------------------------------------------------------------

def test_500s_then_200_is_fetched_after_backoff_with_jitter(web, settings):
    url = web.route("/flaky", Reply(500), Reply(503), html(PAGE))
    sleeps: list[float] = []
    with fetcher(settings, sleeps) as f:
        response = f.get(url)
    assert response.status == 200 and response.attempts == 3
    assert web.requests("/flaky") == 3
    # Exponential: the second wait is about twice the first; jitter adds at most half on top.
    assert len(sleeps) == 2
    assert 0.01 <= sleeps[0] <= 0.015 and 0.02 <= sleeps[1] <= 0.03


def test_500_on_every_attempt_gives_up_with_the_status(web, settings):
    url = web.route("/down", Reply(500))
    with fetcher(settings) as f, pytest.raises(FetchError) as caught:
        f.get(url)
    assert caught.value.reason == "HTTP 500 after 3 attempts"
    assert web.requests("/down") == 3


def test_404_is_not_retried(web, settings):
    url = web.url("/missing")
    with fetcher(settings) as f, pytest.raises(FetchError) as caught:
        f.get(url)
    assert caught.value.reason == "HTTP 404"
    assert web.requests("/missing") == 1


def test_retry_after_is_honoured_within_the_cap(web, settings):
    url = web.route("/busy", Reply(429, headers=(("Retry-After", "7"),)), html(PAGE))
    sleeps: list[float] = []
    with fetcher(settings.model_copy(update={"backoff_max_s": 5.0}), sleeps) as f:
        assert f.get(url).status == 200
    assert sleeps == [5.0]  # asked for 7 s, capped at backoff_max_s


def test_time_out_is_reported_with_the_limit(web, settings):
    url = web.route("/slow", Reply(action="hang", hang_s=1.5, body=PAGE))
    started = time.monotonic()
    with fetcher(settings) as f, pytest.raises(FetchError) as caught:
        f.get(url)
    assert caught.value.reason == "timed out after 0.5 s (3 attempts)"
    assert time.monotonic() - started < 3.0  # three tries of 0.5 s, not three of 1.5 s


def test_connection_reset_is_retried_then_reported(web, settings):
    url = web.route("/reset", Reply(action="reset"), Reply(action="reset"), html(PAGE))
    with fetcher(settings) as f:
        assert f.get(url).status == 200
    url = web.route("/always-reset", Reply(action="reset"))
    with fetcher(settings) as f, pytest.raises(FetchError) as caught:
        f.get(url)
    assert caught.value.reason == "connection reset (3 attempts)"


# size, type, charset --------------------------------------------------------------------------

@pytest.mark.parametrize("send_length", [True, False], ids=["content-length", "streamed"])
def test_page_over_the_size_limit_is_refused(web, settings, send_length):
    url = web.route("/big", Reply(body=b"<html>" + b"x" * LIMIT, send_length=send_length))
    with fetcher(settings) as f, pytest.raises(FetchError) as caught:
        f.get(url)
    assert caught.value.reason.startswith(f"larger than {LIMIT} bytes")
    assert web.requests("/big") == 1  # not a transient error: no retry


def test_gzip_bomb_is_stopped_by_the_limit_on_decompressed_bytes(web, settings):
    bomb = gzip.compress(b"<html>" + b" " * (LIMIT * 20))
    assert len(bomb) < LIMIT
    url = web.route("/bomb", Reply(body=bomb, headers=(("Content-Encoding", "gzip"),)))
    with fetcher(settings) as f, pytest.raises(FetchError) as caught:
        f.get(url)
    assert caught.value.reason == f"larger than {LIMIT} bytes"


TEXT = "Harga “naik” – Rp 5 miliar, kata Menteri di kafé"


@pytest.mark.parametrize(
    ("content_type", "page"),
    [
        ("text/html; charset=iso-8859-1", f"<html><body><p>{TEXT}</p></body></html>"),  # latin-1 label, cp1252 bytes
        ("text/html", f'<html><head><meta charset="windows-1252"></head><body><p>{TEXT}</p></body></html>'),
        ("text/html; charset=utf-8", f"<html><body><p>{TEXT}</p></body></html>"),  # declared UTF-8, is not
    ],
    ids=["header-latin1", "meta-cp1252", "wrong-header"],
)
def test_non_utf8_pages_are_decoded_to_the_right_characters(web, settings, content_type, page):
    web.route("/lama", Reply(body=page.encode("cp1252"), content_type=content_type))
    web.route("/feed", Reply(body=rss(web.base, ["/lama"]), content_type="application/rss+xml"))
    result = pull([web.url("/feed")], settings=settings)
    assert not result.failures
    [document] = result.documents
    assert TEXT in document.content


def test_decode_html_prefers_a_declared_charset_that_fits():
    body = TEXT.encode("utf-8")
    assert decode_html(body, "utf-8") == (TEXT, "utf-8")
    assert decode_html(b"\xef\xbb\xbf" + body)[0] == TEXT


def test_wrong_content_type_is_a_failure_with_the_type(web, settings):
    web.route("/foto", Reply(body=b"\x89PNG\r\n\x1a\n", content_type="image/png"))
    web.route("/feed", Reply(body=rss(web.base, ["/foto"]), content_type="application/rss+xml"))
    result = pull([web.url("/feed")], settings=settings)
    assert result.documents == []
    [failure] = result.failures
    assert (failure.source, failure.stage) == (web.url("/foto"), "fetch")
    assert failure.reason == "content-type image/png is not HTML"


def test_input_url_of_unknown_type_is_a_failure(web, settings):
    url = web.route("/data.json", Reply(body=b"{}", content_type="application/json"))
    [failure] = pull([url], settings=settings).failures
    assert failure.reason == "content-type application/json is not HTML, a feed or a sitemap"


# policy and robots ----------------------------------------------------------------------------

def test_loopback_is_refused_unless_allowed(web, settings):
    url = web.route("/a", html(PAGE))
    result = pull([url], settings=settings.model_copy(update={"allow_hosts": []}))
    [failure] = result.failures
    assert failure.reason.startswith("refused by policy: 127.0.0.1 is a loopback address")
    assert web.requests("/a") == 0


def test_redirect_to_a_private_address_is_refused_before_connecting(web, settings):
    url = web.route("/go", Reply(302, headers=(("Location", "http://10.1.2.3/internal"),)))
    [failure] = pull([url], settings=settings).failures
    assert "refused by policy: 10.1.2.3 is a private address" in failure.reason


def test_redirect_is_followed_and_the_final_url_is_the_source(web, settings):
    web.route("/old", Reply(301, headers=(("Location", "/new?utm_source=rss"),)))
    web.route("/new", html(PAGE))
    [document] = pull([web.url("/old")], settings=settings).documents
    assert document.source == web.url("/new")  # courlan dropped the tracking parameter


def test_robots_txt_disallow_is_honoured(web, settings):
    web.route("/robots.txt", Reply(body="User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    web.route("/private/a", html(PAGE))
    web.route("/public/b", html(PAGE))
    result = pull([web.url("/private/a"), web.url("/public/b")], settings=settings)
    assert [d.source for d in result.documents] == [web.url("/public/b")]
    assert [(f.source, f.reason) for f in result.failures] == [(web.url("/private/a"), "disallowed by robots.txt")]
    assert web.requests("/private/a") == 0


def test_unreachable_robots_txt_means_disallow(web, settings):
    web.route("/robots.txt", Reply(503))
    web.route("/a", html(PAGE))
    [failure] = pull([web.url("/a")], settings=settings).failures
    assert failure.reason == "disallowed by robots.txt"


def test_per_host_rate_limit_spaces_requests(web, settings):
    for name in "abc":
        web.route(f"/{name}", html(PAGE))
    slow = settings.model_copy(update={"per_host_delay_s": 0.2})
    started = time.monotonic()
    result = pull([web.url("/a"), web.url("/b"), web.url("/c")], settings=slow)
    assert len(result.documents) == 3
    # robots.txt + 3 pages = 4 requests, 3 gaps of 0.2 s
    assert time.monotonic() - started >= 0.6


# incremental runs, conditional GET, raw store -------------------------------------------------

def test_feed_with_every_kind_of_failure_completes_and_records_each(web, settings):
    pages = sample_pages()[:2]
    for name, page in pages:
        web.route(f"/news/{name}.html", html(page))
    web.route("/flaky", Reply(500), Reply(500), html(PAGE))
    web.route("/down", Reply(500))
    web.route("/slow", Reply(action="hang", hang_s=1.5, body=PAGE))
    web.route("/reset", Reply(action="reset"))
    web.route("/foto", Reply(body=b"\x89PNG", content_type="image/png"))
    web.route("/big", Reply(body=b"<html>" + b"x" * LIMIT))
    web.route("/latin", Reply(body=f"<html><p>{TEXT}</p></html>".encode("cp1252"),
                              content_type="text/html; charset=latin-1"))
    web.route("/loaded", html(PAGE))
    paths = [f"/news/{n}.html" for n, _ in pages] + ["/flaky", "/down", "/slow", "/reset", "/foto", "/big", "/latin",
                                                     "/loaded"]
    web.route("/feed.xml", Reply(body=rss(web.base, paths), content_type="application/rss+xml"))
    web.route("/broken.xml", Reply(body="<rss><channel><item><title>x</ti", content_type="application/rss+xml"))

    result = pull([web.url("/feed.xml"), web.url("/broken.xml")], settings=settings,
                  skip_urls=frozenset({web.url("/loaded")}))

    assert sorted(d.source for d in result.documents) == sorted(
        web.url(p) for p in [f"/news/{n}.html" for n, _ in pages] + ["/flaky", "/latin"])
    reasons = {f.source.removeprefix(web.base): (f.stage, f.reason) for f in result.failures}
    stage, reason = reasons.pop("/broken.xml")
    assert stage == "parse" and reason.startswith("malformed feed: unclosed token")
    assert reasons == {
        "/down": ("fetch", "HTTP 500 after 3 attempts"),
        "/slow": ("fetch", "timed out after 0.5 s (3 attempts)"),
        "/reset": ("fetch", "connection reset (3 attempts)"),
        "/foto": ("fetch", "content-type image/png is not HTML"),
        "/big": ("fetch", f"larger than {LIMIT} bytes (Content-Length {LIMIT + 6})"),
    }
    assert web.requests("/loaded") == 0  # already loaded: not fetched
    # The malformed feed is kept for inspection.
    broken = next(f for f in result.failures if f.source.endswith("/broken.xml"))
    assert gzip.decompress(Path(broken.raw_ref).read_bytes()).startswith(b"<rss>")


def test_second_run_fetches_only_new_entries_and_uses_conditional_get(web, settings):
    pages = sample_pages()[:3]
    for name, page in pages:
        web.route(f"/news/{name}.html", html(page))
    paths = [f"/news/{n}.html" for n, _ in pages]
    web.route("/feed.xml", Reply(body=rss(web.base, paths[:2]), content_type="application/rss+xml", etag='"v1"'))
    first = pull([web.url("/feed.xml")], settings=settings)
    assert len(first.documents) == 2
    loaded = frozenset(d.source for d in first.documents)

    # Unchanged feed: 304, nothing fetched, nothing failed.
    web.reset_counts()
    again = pull([web.url("/feed.xml")], settings=settings, skip_urls=loaded)
    assert (again.documents, again.failures) == ([], [])
    assert web.request_headers[-1][1].get("if-none-match") == '"v1"'
    assert web.total() == 1

    # One entry added: only it is fetched.
    web.route("/feed.xml", Reply(body=rss(web.base, paths), content_type="application/rss+xml", etag='"v2"'))
    web.reset_counts()
    third = pull([web.url("/feed.xml")], settings=settings, skip_urls=loaded)
    assert [d.source for d in third.documents] == [web.url(paths[2])]
    assert web.total() == 2  # the feed and the new page
    assert all(web.requests(p) == 0 for p in paths[:2])


def test_entry_that_failed_is_retried_although_the_feed_answers_304(web, settings):
    web.route("/a", Reply(500), html(PAGE))
    web.route("/feed.xml", Reply(body=rss(web.base, ["/a"]), content_type="application/rss+xml",
                                 last_modified="Fri, 09 Feb 2024 00:00:00 GMT"))
    one = settings.model_copy(update={"fetch_attempts": 1})
    first = pull([web.url("/feed.xml")], settings=one)
    assert [f.reason for f in first.failures] == ["HTTP 500 after 1 attempts"]
    second = pull([web.url("/feed.xml")], settings=one)
    assert [d.source for d in second.documents] == [web.url("/a")]
    assert web.request_headers[-2][1].get("if-modified-since") == "Fri, 09 Feb 2024 00:00:00 GMT"


def test_redirected_article_already_loaded_is_not_fetched_again(web, settings):
    web.route("/short/1", Reply(301, headers=(("Location", "/long/article-1"),)))
    web.route("/long/article-1", html(PAGE))
    web.route("/feed.xml", Reply(body=rss(web.base, ["/short/1"]), content_type="application/rss+xml"))
    first = pull([web.url("/feed.xml")], settings=settings)
    assert [d.source for d in first.documents] == [web.url("/long/article-1")]
    web.reset_counts()
    second = pull([web.url("/feed.xml")], settings=settings, skip_urls={d.source for d in first.documents})
    assert second.documents == [] and web.requests("/short/1") == 0


def test_raw_pages_are_kept_compressed_and_reprocessed_without_fetching(web, settings):
    name, page = sample_pages()[0]
    web.route("/feed.xml", Reply(body=rss(web.base, ["/a"]), content_type="application/rss+xml"))
    web.route("/a", html(page))
    [document] = pull([web.url("/feed.xml")], settings=settings).documents
    raw = Path(document.raw_ref)
    assert raw.parent.parent == settings.db.parent / "warta.raw"  # its own, beside the DuckDB file
    assert gzip.decompress(raw.read_bytes()).decode("utf-8") == page
    web.reset_counts()
    stored = pull_stored(settings=settings)
    assert [(d.source, d.content) for d in stored.documents] == [(document.source, page)]
    assert web.total(exclude=()) == 0
    # Another warehouse in the same folder has its own store: its reprocess finds none of these pages.
    other = settings.model_copy(update={"db": settings.db.parent / "other.duckdb"})
    assert pull_stored(settings=other).documents == []


def test_raw_store_writes_each_body_once(tmp_path):
    store = RawStore(tmp_path)
    assert store.put(b"abc") == store.put(b"abc")
    assert len(list(tmp_path.rglob("*.gz"))) == 1


def test_normalize_drops_tracking_parameters_and_fragments():
    assert normalize("HTTPS://WWW.Liputan6.com:443/news/read/1?utm_source=rss#top") == (
        "https://www.liputan6.com/news/read/1")
