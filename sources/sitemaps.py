"""Sitemaps (XML, gzip-compressed XML, plain text), news sitemaps and sitemap indexes: bytes in,
URLs out. No fetching here (sources.http); `sources.pull` follows an index's children.

trafilatura's sitemap code fetches by itself and drops loopback and IP hosts, so only its
plausibility test is used; the XML is read with lxml, with entities and network access off.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin

from lxml import etree
from trafilatura.sitemaps import is_plausible_sitemap

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
_ROOT = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)\s*)*<(?:\w+:)?(urlset|sitemapindex)[\s>]",
    re.DOTALL,
)
_TEXT_LINE = re.compile(r"^https?://\S+$")


class MalformedSitemap(ValueError):
    """The body was taken for a sitemap but cannot be read as one."""


@dataclass(frozen=True)
class SitemapLink:
    url: str
    lastmod: str | None = None
    published: str | None = None  # news:publication_date, as written (ISO 8601)
    title: str | None = None  # news:title


@dataclass
class ParsedSitemap:
    kind: Literal["urlset", "index"]
    links: list[SitemapLink] = field(default_factory=list)


def is_gzip(body: bytes) -> bool:
    return body[:2] == b"\x1f\x8b"


def gunzip(body: bytes, max_bytes: int) -> bytes:
    """Inflate at most `max_bytes`: a tiny .xml.gz can inflate to gigabytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise MalformedSitemap(f"malformed sitemap: bad gzip data ({exc})") from exc
    if len(data) > max_bytes:
        raise MalformedSitemap(f"malformed sitemap: larger than {max_bytes} bytes once decompressed")
    return data


def looks_like_sitemap(media_type: str, body: bytes, url: str) -> bool:
    """An XML body whose root is `urlset`/`sitemapindex`, a gzip file at a sitemap-looking URL, or
    a plain-text list of URLs served at a sitemap-looking URL."""
    if _ROOT.match(body[:2048]):
        return True
    lowered = url.lower()
    if is_gzip(body) and ("sitemap" in lowered or lowered.endswith(".xml.gz")):
        return True
    if media_type == "text/plain" and "sitemap" in lowered:
        head = body[:2048].decode("utf-8", errors="replace")
        return is_plausible_sitemap(url, head)
    return False


def parse_sitemap(body: bytes, *, url: str, max_bytes: int = 50_000_000) -> ParsedSitemap:
    """The pages of a sitemap (`urlset`) or the child sitemaps of an index, with absolute URLs."""
    if is_gzip(body):
        body = gunzip(body, max_bytes)
    if not _ROOT.match(body[:2048]):
        text = body.decode("utf-8", errors="replace")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines and all(_TEXT_LINE.match(line) for line in lines):
            return ParsedSitemap("urlset", [SitemapLink(line) for line in lines])
        raise MalformedSitemap("malformed sitemap: neither <urlset>, <sitemapindex> nor a list of URLs")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise MalformedSitemap(f"malformed sitemap: {exc}") from exc
    kind: Literal["urlset", "index"] = "index" if etree.QName(root).localname == "sitemapindex" else "urlset"
    child = "sitemap" if kind == "index" else "url"
    links: list[SitemapLink] = []
    for node in root:
        if not isinstance(node.tag, str) or etree.QName(node).localname != child:
            continue
        loc = _text(node, "loc")
        if not loc:
            continue
        news = node.find(f"{{{NEWS_NS}}}news")
        links.append(
            SitemapLink(
                url=urljoin(url, loc),
                lastmod=_text(node, "lastmod"),
                published=_text(news, "publication_date", NEWS_NS) if news is not None else None,
                title=_text(news, "title", NEWS_NS) if news is not None else None,
            )
        )
    return ParsedSitemap(kind, links)


def _text(node: etree._Element | None, name: str, ns: str = SITEMAP_NS) -> str | None:
    if node is None:
        return None
    # Sitemaps in the wild omit the namespace; accept both spellings.
    found = node.find(f"{{{ns}}}{name}")
    if found is None:
        found = node.find(name)
    text = (found.text or "").strip() if found is not None else ""
    return text or None

