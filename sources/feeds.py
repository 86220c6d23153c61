"""RSS and Atom feeds: bytes in, the entries' article URLs out. No fetching here (sources.http).

feedparser does the parsing, including its encoding rules and relative links; what this module
adds is the decision of what is a feed, what counts as malformed, and dates that keep their
time zone (feedparser's `published_parsed` is in UTC, which moves an evening article in Jakarta,
UTC+7, to the previous day).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import feedparser

FEED_MEDIA_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "application/rss",
    }
)
# The root element, after an optional BOM, XML declaration, comments and processing instructions.
_FEED_ROOT = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?[^>]*\?>)\s*)*<(rss|feed|rdf:RDF)[\s>]",
    re.DOTALL | re.IGNORECASE,
)
# feedparser sets `bozo` for these too, yet the feed was read fine.
_HARMLESS = ("CharacterEncodingOverride", "NonXMLContentType")


class MalformedFeed(ValueError):
    """The body claims to be a feed but yields no entries; the message says what is wrong."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601, in the time zone the feed states


@dataclass
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    # Set when the XML was broken but feedparser's lenient parser still recovered entries.
    problem: str | None = None


def looks_like_feed(media_type: str, body: bytes) -> bool:
    """Servers label feeds text/xml, application/xml or even text/html: the root element decides."""
    return media_type in FEED_MEDIA_TYPES or bool(_FEED_ROOT.match(body[:2048]))


def parse_feed(body: bytes, *, url: str, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """The entries of an RSS/Atom feed, in feed order, each with an absolute URL.

    Raises MalformedFeed when nothing usable comes out of the body."""
    # Bytes, never a URL: feedparser would otherwise fetch on its own, outside sources.http.
    parsed = feedparser.parse(body, response_headers=dict(headers or {}), resolve_relative_uris=True)
    problem = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        if type(exc).__name__ not in _HARMLESS:
            problem = _describe(exc)
    if not parsed.get("version") and not parsed.entries:
        raise MalformedFeed(f"malformed feed: {problem or 'not an RSS or Atom document'}")
    entries: list[FeedEntry] = []
    for entry in parsed.entries:
        link = _entry_link(entry)
        if not link:
            continue
        entries.append(
            FeedEntry(
                url=urljoin(url, link.strip()),
                title=(entry.get("title") or "").strip() or None,
                published=_entry_date(entry),
            )
        )
    if problem and not entries:
        raise MalformedFeed(f"malformed feed: {problem}")
    return ParsedFeed(title=parsed.feed.get("title"), entries=entries, problem=problem)


def _entry_link(entry: Mapping) -> str | None:
    # FeedBurner and similar proxies keep the publisher's address here.
    if entry.get("feedburner_origlink"):
        return entry["feedburner_origlink"]
    if entry.get("link"):
        return entry["link"]
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    guid = entry.get("id") or ""
    return guid if guid.startswith(("http://", "https://")) else None


def _entry_date(entry: Mapping) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        parsed = _parse_date(raw)
        if parsed:
            return parsed
    return None


def _parse_date(raw: str) -> str | None:
    raw = raw.strip()
    try:
        return parsedate_to_datetime(raw).isoformat()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()  # Atom: RFC 3339
    except ValueError:
        return None


def _describe(exc: object) -> str:
    message = getattr(exc, "getMessage", None)
    text = message() if callable(message) else str(exc)
    line = getattr(exc, "getLineNumber", None)
    if callable(line):
        text = f"{text} at line {line()}"
    return text or type(exc).__name__
