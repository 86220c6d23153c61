"""WARC files, made here with warcio, load the same articles as the HTML files they archive."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from helpers.web import SAMPLES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sources.documents import documents_frame
from sources.pull import pull
from sources.warc import pull_warc

HTML_DIR = SAMPLES / "html"
BASE = "https://www.liputan6.com/read/"


def html_files() -> list[Path]:
    files = sorted(HTML_DIR.glob("*.html"))
    assert files, "the sample corpus has no HTML pages"
    return files


def write_warc(path: Path, *, compress: bool, extra: bool = True) -> list[str]:
    """A CC-NEWS-like archive: per page a request and a response record, plus (with `extra`)
    records that carry no article: a redirect, an image, a metadata record. Returns the page URLs."""
    urls = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "warta tests"}))
        for file in html_files():
            url = BASE + file.stem
            urls.append(url)
            body = file.read_bytes()
            request = writer.create_warc_record(
                url, "request", http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.liputan6.com")],
                                                              is_http_request=True))
            writer.write_record(request)
            # Like a real crawl, the body travels gzip-encoded; warcio must undo it.
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Encoding", "gzip")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(gzip.compress(body)), http_headers=headers))
        if extra:
            redirect = StatusAndHeaders("301 Moved Permanently", [("Location", BASE + "x"),
                                                                  ("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                BASE + "old", "response", payload=io.BytesIO(b"<html>moved</html>"), http_headers=redirect))
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                BASE + "foto.jpg", "response", payload=io.BytesIO(b"\xff\xd8\xff"), http_headers=image))
            writer.write_record(writer.create_warc_record(
                BASE + "meta", "metadata", payload=io.BytesIO(b"fetchTimeMs: 12"),
                warc_content_type="application/warc-fields"))
    return urls


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_warc_yields_the_same_documents_as_the_html_files(tmp_path, compress):
    path = tmp_path / ("cc-news.warc.gz" if compress else "cc-news.warc")
    urls = write_warc(path, compress=compress)
    result = pull_warc(path)
    assert result.failures == []
    assert [d.source for d in result.documents] == urls
    assert [d.content for d in result.documents] == [f.read_text(encoding="utf-8") for f in html_files()]
    assert all(d.kind == "html" and "#offset=" in d.raw_ref for d in result.documents)


def test_warc_in_a_folder_is_pulled_and_loaded_urls_are_skipped(tmp_path):
    urls = write_warc(tmp_path / "a.warc.gz", compress=True)
    result = pull([str(tmp_path)], skip_urls={urls[0]})
    assert [d.source for d in result.documents] == urls[1:]


def test_warc_articles_equal_html_articles_after_extraction(tmp_path):
    """Not only the same bytes: the same rows of `articles` (apart from the URL)."""
    from transforms.articles import articles

    path = tmp_path / "cc-news.warc.gz"
    write_warc(path, compress=True)
    from_warc = articles(documents_frame(pull_warc(path).documents))
    from_html = articles(documents_frame(pull([str(HTML_DIR)]).documents))
    columns = ["title", "outlet", "published_at", "language", "body_text"]
    assert from_warc.height == from_html.height == len(html_files())
    assert from_warc.select(columns).sort("title").to_dicts() == from_html.select(columns).sort("title").to_dicts()
    assert from_warc["body_text"].str.len_chars().min() > 200


def test_truncated_warc_keeps_the_records_before_the_break(tmp_path):
    path = tmp_path / "cut.warc.gz"
    write_warc(path, compress=True, extra=False)
    data = path.read_bytes()
    cut = tmp_path / "cut2.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.7)])
    result = pull_warc(cut)
    assert 1 <= len(result.documents) < len(html_files())
    [failure] = result.failures
    assert failure.stage == "parse" and failure.reason.startswith("broken WARC after")


def test_a_file_that_is_not_a_warc_is_a_failure(tmp_path):
    path = tmp_path / "x.warc"
    path.write_bytes(b"hello, this is not an archive\n")
    result = pull_warc(path)
    assert result.documents == []
    assert result.failures[0].reason.startswith("broken WARC after")
