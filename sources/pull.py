"""Turn the contract's PATHs and URLs into documents.

A PATH is a file or a folder (sources.local; WARC files: sources.warc) or a followed-sources file
(`config/sources.yaml`: its feeds, sitemaps and URLs). A URL is fetched (sources.http) and what
comes back decides what it is: an RSS/Atom feed (sources.feeds) or a sitemap or sitemap index
(sources.sitemaps) is read for article URLs, an HTML page is an article.

Incremental runs: a URL already loaded (`skip_urls`, from the warehouse) is neither fetched nor
extracted, also when it was reached through a redirect last time. Feeds and sitemaps are fetched
with conditional GET; on 304 their last body is read again from the raw store, so entries whose
fetch failed last time are tried again although the feed did not change. Every body fetched is
kept in the raw store (sources.rawstore), which `pull_stored` reads back for a reprocess.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import yaml
from courlan import normalize_url
from courlan.filters import extension_filter

from sources.documents import Document, Failure, Item, PullResult
from sources.feeds import MalformedFeed, looks_like_feed, parse_feed
from sources.http import FetchConfig, Fetcher, FetchError, Response, decode_html
from sources.local import has_suffix, iter_path
from sources.rawstore import RawStore, root_for
from sources.sitemaps import MalformedSitemap, looks_like_sitemap, parse_sitemap
from sources.sniff import SNIFF_BYTES, looks_like_html
from warta.settings import Settings, get_settings

log = logging.getLogger("warta.sources")

CONFIG_SUFFIXES = (".yaml", ".yml")
# A sitemap index of a news site lists every month since its launch: read the newest few.
MAX_CHILD_SITEMAPS = 20
MAX_SITEMAP_DEPTH = 2


# The input that stands for every page kept in the raw store: `warta reprocess` pulls it to
# re-extract stored pages after the rules changed, without fetching again.
RAW_STORE_INPUT = "raw-store:"


def is_url(value: str) -> bool:
    return "://" in value and not value.startswith("file://")


def normalize(url: str) -> str:
    """The form URLs are compared and stored in: courlan's normalisation (lower-case host, default
    port and tracking parameters such as utm_* dropped), without the fragment."""
    try:
        url = normalize_url(url.strip())
    except (ValueError, TypeError, AttributeError):
        url = url.strip()
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


@dataclass(frozen=True)
class WebInput:
    """A URL to pull, with what the followed-sources file says about its outlet."""

    url: str
    outlet: str | None = None


@dataclass(frozen=True)
class _Candidate:
    """An article URL found in a feed or sitemap, with what the listing stated about it."""

    url: str
    outlet: str | None
    published: str | None
    origin: str  # the feed or sitemap given as input


def pull(
    inputs: list[str],
    *,
    skip_urls: Iterable[str] = frozenset(),
    settings: Settings | None = None,
    db: str | Path | None = None,
    skip_hashes: Iterable[str] = frozenset(),
    fetcher: Fetcher | None = None,
) -> PullResult:
    """`stream`, held whole: every document the inputs stand for, and a failure for every one that
    could not be pulled. Documents whose content hash is in `skip_hashes` are dropped."""
    result = PullResult.collect(stream(inputs, skip_urls=skip_urls, settings=settings, db=db, fetcher=fetcher))
    hashes = frozenset(skip_hashes)
    if hashes:
        result.documents = [d for d in result.documents if d.content_hash not in hashes]
    return result


def stream(
    inputs: list[str],
    *,
    skip_urls: Iterable[str] = frozenset(),
    settings: Settings | None = None,
    db: str | Path | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Item]:
    """The one dispatcher: each input goes to the generator of its kind, and their documents and
    failures come out one at a time, so that no input is ever held whole.

    URLs in `skip_urls` (already loaded) are not fetched; local files are always read (their content
    hash decides later), but WARC records of loaded URLs are not decoded. Raw responses go to
    `settings.raw_dir`, or `raw/` beside `db` (default: `settings.db`). Never raises for a bad
    input: that is a `Failure`."""
    settings = settings or get_settings()
    skip = frozenset(skip_urls) | {normalize(u) for u in skip_urls if is_url(u)}
    web: list[WebInput] = []
    for item in inputs:
        if item == RAW_STORE_INPUT:
            yield from _from(item, iter_stored(settings=settings, db=db))
            continue
        if item.lower().startswith("file:"):
            # A feed or a pasted link must not make the pipeline read files; paths are given as paths.
            yield Failure(item, "pull", "file:// inputs are not read: give the path itself (warta run --input PATH)",
                          origin=item)
            continue
        if is_url(item):
            web.append(WebInput(item))
            continue
        path = Path(item).expanduser()
        if not path.exists():
            yield Failure(item, "pull", f"no such file or folder: {item}", origin=item)
            continue
        if path.is_file() and has_suffix(path, CONFIG_SUFFIXES):
            try:
                web.extend(read_sources(path))
            except (OSError, ValueError, yaml.YAMLError) as exc:
                yield Failure(item, "parse", f"bad sources file: {exc}", str(path), origin=item)
            continue
        yield from _from(item, iter_path(path, max_bytes=settings.max_bytes, skip_urls=skip))
    if web:
        store = RawStore(root_for(settings.raw_dir, db if db is not None else settings.db))
        own = fetcher is None
        fetcher = fetcher or Fetcher(FetchConfig.from_settings(settings))
        try:
            yield from _WebPull(settings, store, fetcher, skip).items(web)
        finally:
            if own:
                fetcher.close()


def _from(origin: str, items: Iterator[Item]) -> Iterator[Item]:
    for item in items:
        yield replace(item, origin=origin)


def pull_stored(*, settings: Settings | None = None, db: str | Path | None = None) -> PullResult:
    return PullResult.collect(iter_stored(settings=settings, db=db))


def iter_stored(*, settings: Settings | None = None, db: str | Path | None = None) -> Iterator[Item]:
    """Every article page in the raw store, as documents, without fetching: what a reprocess
    re-extracts after the extraction rules changed. Latest response per URL."""
    settings = settings or get_settings()
    store = RawStore(root_for(settings.raw_dir, db if db is not None else settings.db))
    for page in store.pages():
        try:
            body = store.get(page.raw_ref)
        except OSError as exc:
            yield Failure(page.final_url, "pull", f"raw page missing: {exc}", page.raw_ref)
            continue
        text, _ = decode_html(body, page.charset)
        yield Document(source=page.final_url, kind="html", content=text, raw_ref=str(store.path(page.raw_ref)))


def read_sources(path: Path) -> list[WebInput]:
    """The URLs of the followed-sources file (see config/sources.yaml for its format)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not isinstance(data.get("sources", []), list):
        raise ValueError("expected a mapping with a `sources:` list")
    inputs: list[WebInput] = []
    for number, source in enumerate(data.get("sources") or [], start=1):
        if not isinstance(source, dict):
            raise ValueError(f"source #{number} is not a mapping")
        if source.get("enabled", True) is False:
            continue
        outlet = source.get("outlet")
        for key in ("feeds", "sitemaps", "urls"):
            values = source.get(key) or []
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ValueError(f"source {source.get('name', number)!r}: `{key}` must be a list of URLs")
            inputs.extend(WebInput(v, outlet if isinstance(outlet, str) else None) for v in values)
    return inputs


class _WebPull:
    """One run over web inputs: discovery (feeds, sitemaps) in input order, then article pages
    fetched by a few threads (the per-host throttle in sources.http keeps each host's pace)."""

    def __init__(self, settings: Settings, store: RawStore, fetcher: Fetcher, skip: frozenset[str]) -> None:
        self.settings = settings
        self.store = store
        self.fetcher = fetcher
        self.skip = skip
        self.found: list[Item] = []  # what discovery met, handed on after each input
        self.queued: set[str] = set()
        self.candidates: list[_Candidate] = []

    def items(self, inputs: list[WebInput]) -> Iterator[Item]:
        for item in inputs:
            self._input(item)
            yield from _from(item.url, iter(self.found))
            self.found.clear()
        workers = max(1, self.settings.fetch_workers)
        # Pages are fetched a window at a time, so a 5,000-URL sitemap is handed on as it comes
        # in and never sits whole in memory.
        window = workers * 4
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for start in range(0, len(self.candidates), window):
                window_of = self.candidates[start:start + window]
                for candidate, outcome in zip(window_of, pool.map(self._article, window_of), strict=True):
                    if outcome is not None:
                        yield replace(outcome, origin=candidate.origin)

    # discovery ------------------------------------------------------------------------------

    def _already_loaded(self, url: str) -> bool:
        if url in self.skip or normalize(url) in self.skip:
            return True
        final = self.store.final_url(url)
        return final is not None and (final in self.skip or normalize(final) in self.skip)

    def _input(self, item: WebInput) -> None:
        url = item.url.strip()
        if self._already_loaded(url):
            return  # an article URL given as input, loaded before
        response = self._fetch_listing(url)
        if response is None:
            return
        body, kind, raw_ref = response
        if kind == "html":
            if normalize(url) not in self.queued:
                self.queued.add(normalize(url))
                self.found.append(self._document(body, raw_ref, item.outlet, None))
            return
        self._listing(url, body, kind, raw_ref, item.outlet, depth=0, budget=[self.settings.max_urls_per_source],
                      origin=url)

    def _fetch_listing(self, url: str) -> tuple[Response, str, str] | None:
        """Fetch an input or child sitemap (conditionally when we have validators) and decide what
        it is: 'feed', 'sitemap' or 'html'. Failures are recorded; None then."""
        validators = self.store.validators(url)
        try:
            response = self.fetcher.get(
                url,
                etag=validators.etag if validators else None,
                last_modified=validators.last_modified if validators else None,
            )
        except FetchError as exc:
            self._fail(url, "fetch", exc.reason)
            return None
        if response.not_modified and validators and validators.raw_ref:
            # Unchanged since last run: read last run's body, so unloaded entries are tried again.
            body = self.store.get(validators.raw_ref)
            final = validators.final_url or url
            response = Response(url, final, 200, _headers(validators.content_type), body)
            kind = self._kind(response)
            return response, kind or "feed", validators.raw_ref
        if response.not_modified:
            self._fail(url, "fetch", "HTTP 304 to a request that was not conditional")
            return None
        kind = self._kind(response)
        if kind is None:
            shown = response.media_type or "no content-type"
            self._fail(url, "fetch", f"content-type {shown} is not HTML, a feed or a sitemap")
            return None
        raw_ref = self._keep(response, kind)
        return response, kind, raw_ref

    def _kind(self, response: Response) -> str | None:
        mt, body = response.media_type, response.body
        if looks_like_feed(mt, body):
            return "feed"
        if looks_like_sitemap(mt, body, response.final_url):
            return "sitemap"
        if looks_like_html(body[:SNIFF_BYTES], mt):
            return "html"
        return None

    def _listing(
        self, url: str, response: Response, kind: str, raw_ref: str, outlet: str | None, *, depth: int,
        budget: list[int], origin: str,
    ) -> None:
        """Queue the article URLs of a feed or sitemap; follow a sitemap index's children."""
        found: list[tuple[str, str | None]] = []
        try:
            if kind == "feed":
                feed = parse_feed(response.body, url=response.final_url, headers=response.headers)
                if feed.problem:
                    # Entries were recovered, yet the publisher should hear about the broken XML.
                    self._fail(url, "parse", f"malformed feed: {feed.problem} ({len(feed.entries)} entries recovered)",
                               raw_ref)
                found = [(e.url, e.published) for e in feed.entries]
            else:
                sitemap = parse_sitemap(response.body, url=response.final_url, max_bytes=self.settings.max_bytes * 10)
                if sitemap.kind == "index":
                    if depth >= MAX_SITEMAP_DEPTH:
                        self._fail(url, "parse", f"sitemap index nested deeper than {MAX_SITEMAP_DEPTH} levels")
                        return
                    self._save_validators(url, response, raw_ref)
                    children = sorted(sitemap.links, key=lambda link: link.lastmod or "", reverse=True)
                    for child in children[:MAX_CHILD_SITEMAPS]:
                        if not _same_site(child.url, response.final_url):
                            continue
                        fetched = self._fetch_listing(child.url)
                        if fetched and fetched[1] == "sitemap":
                            self._listing(child.url, fetched[0], "sitemap", fetched[2], outlet,
                                          depth=depth + 1, budget=budget, origin=origin)
                        elif fetched:
                            self._fail(child.url, "parse", "a sitemap index entry is not a sitemap", fetched[2])
                    return
                found = [(link.url, link.published) for link in sitemap.links
                         if _same_site(link.url, response.final_url)]
        except MalformedFeed as exc:
            self._fail(url, "parse", str(exc), raw_ref)
            return
        except MalformedSitemap as exc:
            self._fail(url, "parse", str(exc), raw_ref)
            return
        self._save_validators(url, response, raw_ref)
        for entry_url, published in found:
            if budget[0] <= 0:
                break
            if not entry_url.startswith(("http://", "https://")) or not extension_filter(urlsplit(entry_url).path):
                continue  # images, PDFs and the like are no articles
            key = normalize(entry_url)
            if key in self.queued or self._already_loaded(entry_url):
                continue
            self.queued.add(key)
            budget[0] -= 1
            self.candidates.append(_Candidate(entry_url, outlet, published, origin))

    def _save_validators(self, url: str, response: Response, raw_ref: str) -> None:
        etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        if etag or modified:
            self.store.save_validators(
                url, etag=etag, last_modified=modified, raw_ref=raw_ref,
                content_type=response.headers.get("content-type"), final_url=response.final_url,
            )

    # articles -------------------------------------------------------------------------------

    def _article(self, candidate: _Candidate) -> Document | Failure | None:
        try:
            response = self.fetcher.get(candidate.url)
        except FetchError as exc:
            return Failure(candidate.url, "fetch", exc.reason)
        mt = response.media_type
        if not looks_like_html(response.body[:SNIFF_BYTES], mt):
            return Failure(candidate.url, "fetch", f"content-type {mt or '(none)'} is not HTML")
        if normalize(response.final_url) in self.skip:
            return None  # a new address for an article already loaded (the redirect is now on record)
        raw_ref = self._keep(response, "html")
        return self._document(response, raw_ref, candidate.outlet, candidate.published)

    def _document(self, response: Response, raw_ref: str, outlet: str | None, published: str | None) -> Document:
        text, _ = decode_html(response.body, response.charset)
        return Document(
            source=normalize(response.final_url),
            kind="html",
            content=text,
            published=published,
            outlet=outlet,
            raw_ref=str(self.store.path(raw_ref)),
        )

    def _keep(self, response: Response, kind: str) -> str:
        raw_ref = self.store.put(response.body)
        self.store.record(
            url=response.url, final_url=normalize(response.final_url), kind=kind, raw_ref=raw_ref,
            content_type=response.headers.get("content-type"), charset=response.charset,
            status=response.status,
        )
        return raw_ref

    def _fail(self, url: str, stage: str, reason: str, raw_ref: str | None = None) -> None:
        log.warning("%s failed at %s: %s", url, stage, reason)
        self.found.append(
            Failure(url, stage, reason, str(self.store.path(raw_ref)) if raw_ref else None)  # type: ignore[arg-type]
        )


def _headers(content_type: str | None) -> httpx.Headers:
    return httpx.Headers({"content-type": content_type} if content_type else {})


def _same_site(url: str, reference: str) -> bool:
    """Sitemaps may list only their own site's pages (sitemaps.org); `www.` and subdomains of the
    same site count as one (a news sitemap on www.x.com listing m.x.com pages)."""
    a = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    b = (urlsplit(reference).hostname or "").lower().removeprefix("www.")
    return a == b or a.endswith("." + b) or b.endswith("." + a)
