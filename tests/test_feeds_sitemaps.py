"""Feeds and sitemaps: bytes in, article URLs out; and pulled over a loopback server."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from helpers.web import LoopbackServer, Reply, html, sitemap

from sources.feeds import MalformedFeed, looks_like_feed, parse_feed
from sources.pull import pull, read_sources
from sources.sitemaps import MalformedSitemap, looks_like_sitemap, parse_sitemap
from warta.settings import PROJECT_ROOT, Settings

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Liputan6 News</title><link>https://www.liputan6.com/</link>
<item><title>Xi Jinping telepon Putin</title><link>https://www.liputan6.com/global/read/1?utm_source=rss</link>
<pubDate>Fri, 09 Feb 2024 21:30:00 +0700</pubDate></item>
<item><title>Relatif</title><link>/news/read/2</link></item>
<item><title>Tanpa tautan</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>kumparan</title>
<entry><title>A</title><link rel="alternate" href="https://kumparan.com/a"/><id>urn:a</id>
<published>2024-02-08T23:10:00+07:00</published></entry>
</feed>"""


def test_rss_entries_keep_order_absolute_links_and_local_dates():
    feed = parse_feed(RSS, url="https://feed.liputan6.com/rss/news")
    assert feed.title == "Liputan6 News"
    assert [e.url for e in feed.entries] == [
        "https://www.liputan6.com/global/read/1?utm_source=rss",
        "https://feed.liputan6.com/news/read/2",
    ]
    # 21:30 in Jakarta is still the 9th; a UTC date would say the same day here but keep the zone.
    assert feed.entries[0].published == "2024-02-09T21:30:00+07:00"
    assert feed.entries[0].title == "Xi Jinping telepon Putin"
    assert feed.problem is None


def test_atom_entries_are_read():
    [entry] = parse_feed(ATOM, url="https://kumparan.com/feed").entries
    assert (entry.url, entry.published) == ("https://kumparan.com/a", "2024-02-08T23:10:00+07:00")


@pytest.mark.parametrize(
    "body",
    [b"<rss><channel><item><title>x</ti", b"<html><body>Not found</body></html>", b"", b"\x89PNG\r\n"],
    ids=["truncated", "html", "empty", "binary"],
)
def test_malformed_feeds_raise_with_the_reason(body):
    with pytest.raises(MalformedFeed, match="^malformed feed: "):
        parse_feed(body, url="https://x.example/feed")


def test_feed_recognised_by_root_whatever_the_content_type():
    assert looks_like_feed("text/html", b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">')
    assert looks_like_feed("application/atom+xml", b"")
    assert not looks_like_feed("text/html", b"<!DOCTYPE html><html>")


URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://www.idntimes.com/news/a</loc><lastmod>2024-02-09</lastmod>
<news:news><news:publication_date>2024-02-09T08:00:00+07:00</news:publication_date><news:title>A</news:title></news:news></url>
<url><loc> https://www.idntimes.com/news/b </loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://www.idntimes.com/sitemap-1.xml</loc><lastmod>2024-01-01</lastmod></sitemap>
<sitemap><loc>https://www.idntimes.com/sitemap-2.xml.gz</loc><lastmod>2024-02-01</lastmod></sitemap>
</sitemapindex>"""


def test_news_sitemap_links_and_publication_dates():
    parsed = parse_sitemap(URLSET, url="https://www.idntimes.com/sitemap.xml")
    assert parsed.kind == "urlset"
    assert [(link.url, link.published, link.title, link.lastmod) for link in parsed.links] == [
        ("https://www.idntimes.com/news/a", "2024-02-09T08:00:00+07:00", "A", "2024-02-09"),
        ("https://www.idntimes.com/news/b", None, None, None),
    ]


def test_sitemap_index_lists_its_children():
    parsed = parse_sitemap(INDEX, url="https://www.idntimes.com/sitemap_index.xml")
    assert parsed.kind == "index"
    assert [link.url for link in parsed.links] == [
        "https://www.idntimes.com/sitemap-1.xml", "https://www.idntimes.com/sitemap-2.xml.gz"]


def test_gzip_and_text_sitemaps():
    assert len(parse_sitemap(gzip.compress(URLSET), url="https://x.example/s.xml.gz").links) == 2
    text = b"https://x.example/a\nhttps://x.example/b\n"
    assert [link.url for link in parse_sitemap(text, url="https://x.example/sitemap.txt").links] == [
        "https://x.example/a", "https://x.example/b"]
    assert looks_like_sitemap("text/plain", text, "https://x.example/sitemap.txt")
    assert looks_like_sitemap("application/xml", URLSET, "https://x.example/anything")
    assert not looks_like_sitemap("text/html", b"<html></html>", "https://x.example/sitemap")


@pytest.mark.parametrize(
    "body",
    [b'<?xml version="1.0"?><urlset><url><loc>https://x.example/a</loc>', b"hello world",
     gzip.compress(b"x" * 2000)[:40]],
    ids=["truncated-xml", "prose", "truncated-gzip"],
)
def test_malformed_sitemaps_raise(body):
    with pytest.raises(MalformedSitemap, match="^malformed sitemap: "):
        parse_sitemap(body, url="https://x.example/sitemap.xml")


def test_gzip_sitemap_bomb_is_refused():
    with pytest.raises(MalformedSitemap, match="larger than 1000 bytes"):
        parse_sitemap(gzip.compress(b"<urlset>" + b" " * 10_000), url="https://x.example/s.xml.gz", max_bytes=1000)


def test_entity_expansion_is_not_performed():
    evil = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/&x;</loc></url></urlset>')
    links = parse_sitemap(evil, url="https://x.example/sitemap.xml").links
    assert all("etc" not in link.url for link in links)


# pulled over HTTP -------------------------------------------------------------------------------

@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=tmp_path / "w.duckdb", allow_hosts=["127.0.0.1"], per_host_delay_s=0.0, backoff_s=0.01,
                    timeout_s=1.0)


PAGE = "<!DOCTYPE html><html><body><article><p>Isi.</p></article></body></html>"


def test_sitemap_index_children_are_followed_and_foreign_links_dropped(settings):
    with LoopbackServer() as web:
        for name in ("a", "b", "c"):
            web.route(f"/news/{name}", html(PAGE))
        web.route("/sitemap-1.xml", Reply(body=sitemap(web.base, ["/news/a", "/news/b"]), content_type="text/xml"))
        gz = gzip.compress((sitemap(web.base, ["/news/c"])[:-len("</urlset>")]
                            + "<url><loc>https://elsewhere.example/x</loc></url></urlset>").encode())
        web.route("/sitemap-2.xml.gz", Reply(body=gz, content_type="application/x-gzip"))
        index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f"<sitemap><loc>{web.base}/sitemap-1.xml</loc></sitemap>"
                 f"<sitemap><loc>{web.base}/sitemap-2.xml.gz</loc></sitemap></sitemapindex>")
        web.route("/sitemap_index.xml", Reply(body=index, content_type="application/xml"))
        result = pull([web.url("/sitemap_index.xml")], settings=settings)
    assert sorted(d.source for d in result.documents) == [web.url(f"/news/{n}") for n in "abc"]
    assert result.failures == []


def test_max_urls_per_source_caps_new_articles_per_run(settings):
    with LoopbackServer() as web:
        paths = [f"/news/{i}" for i in range(5)]
        for p in paths:
            web.route(p, html(PAGE))
        web.route("/sitemap.xml", Reply(body=sitemap(web.base, paths), content_type="application/xml"))
        capped = settings.model_copy(update={"max_urls_per_source": 2})
        first = pull([web.url("/sitemap.xml")], settings=capped)
        second = pull([web.url("/sitemap.xml")], settings=capped, skip_urls={d.source for d in first.documents})
    assert [d.source for d in first.documents] == [web.url(p) for p in paths[:2]]
    # The next run takes the next two: a long backlog is worked off, never all at once.
    assert [d.source for d in second.documents] == [web.url(p) for p in paths[2:4]]


def test_malformed_sitemap_is_a_parse_failure_with_the_raw_kept(settings):
    with LoopbackServer() as web:
        web.route("/sitemap.xml", Reply(body=b'<?xml version="1.0"?><urlset><url>', content_type="application/xml"))
        [failure] = pull([web.url("/sitemap.xml")], settings=settings).failures
    assert failure.stage == "parse" and failure.reason.startswith("malformed sitemap: ")
    assert Path(failure.raw_ref).exists()


# the followed-sources file ----------------------------------------------------------------------

def test_the_sources_file_lists_the_seed_outlets():
    inputs = read_sources(PROJECT_ROOT / "config" / "sources.yaml")
    outlets = {i.outlet for i in inputs}
    assert {"Liputan6.com", "kumparan", "IDN Times"} <= outlets
    assert all(i.url.startswith("https://") for i in inputs)
    # Matajambi is documented but disabled until its addresses are checked.
    assert not any("matajambi" in i.url for i in inputs)


def test_a_sources_file_is_an_input_and_sets_the_outlet(settings, tmp_path):
    with LoopbackServer() as web:
        web.route("/a", html(PAGE))
        web.route("/sitemap.xml", Reply(body=sitemap(web.base, ["/a"]), content_type="application/xml"))
        config = tmp_path / "sources.yaml"
        config.write_text(
            "sources:\n"
            f"  - name: test\n    outlet: Matajambi\n    sitemaps: ['{web.url('/sitemap.xml')}']\n"
            "  - name: off\n    enabled: false\n    feeds: ['http://127.0.0.1:1/never']\n"
        )
        [document] = pull([str(config)], settings=settings).documents
    assert (document.source, document.outlet) == (web.url("/a"), "Matajambi")


def test_a_broken_sources_file_is_a_failure(settings, tmp_path):
    config = tmp_path / "sources.yaml"
    config.write_text("sources:\n  - name: x\n    feeds: https://not-a-list.example/\n")
    [failure] = pull([str(config)], settings=settings).failures
    assert failure.stage == "parse" and "`feeds` must be a list of URLs" in failure.reason
