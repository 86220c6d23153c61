"""`articles`: one row per document, with its cleaned text and metadata.

Input is a documents frame (`sources.documents.DOCUMENT_SCHEMA`): HTML pages or already-scraped
text, plus what a JSONL record states (title, published, outlet, language). Output is conformed to
`warehouse.articles.ARTICLES`. What a record states wins over what is read from the page or text;
the page's markup (og:title, article:published_time, og:site_name) wins over guesses from the text,
except for the outlet, where the dateline is how the publisher names itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import polars as pl

from sources.documents import FAILURE_SCHEMA
from transforms.clean import clean_lines, extract_html, is_prose, normalise
from transforms.ids import stable_id
from transforms.metadata import (
    canonical_outlet,
    date_from_url,
    detect_language,
    language_code,
    outlet_from_host,
    parse_iso_date,
    text_metadata,
)
from warehouse.articles import ARTICLES


@dataclass(frozen=True)
class ArticleRow:
    """One article as the `articles` table holds it."""

    article_id: str
    url: str
    outlet: str | None
    title: str | None
    published_at: dt.date | None
    published_source: str | None
    language: str | None
    dateline: str | None
    body_text: str
    source_kind: str
    content_hash: str


class NoArticleText(ValueError):
    """A document that yields no article text; the message says why."""


def article_row(doc: dict[str, Any]) -> ArticleRow:
    """The article of one document (a row of the documents frame, as a dict).

    Raises NoArticleText when nothing of the document is article text.
    """
    source: str = doc["source"]
    kind: str = doc["kind"] or "text"
    content: str = doc["content"] or ""
    page_title = page_date = page_site = page_host = page_lang = None
    link_lines: frozenset[str] | None = None  # HTML only: the page's link lists
    if kind == "html":
        page = extract_html(content, source)
        if not page.text.strip():
            raise NoArticleText("trafilatura found no main text in the HTML")
        text = page.text
        page_title, page_date, page_site = page.title, parse_iso_date(page.date), page.sitename
        page_host, page_lang = page.hostname, page.language
        link_lines = page.link_lines
    else:
        text = content
    lines = normalise(text).split("\n")
    meta = text_metadata(lines, page_host or source)
    title = doc.get("title") or page_title or meta.title
    paragraphs = clean_lines(lines, title=title, lead_index=meta.lead_index, link_lines=link_lines)
    if not any(is_prose(p) for p in paragraphs):
        # Menus or labels alone (what trafilatura's fallback returns for an empty page) are not an article.
        raise NoArticleText("no article sentence left after removing boilerplate")
    body = "\n".join(paragraphs)
    published, published_source = publication_date(
        parse_iso_date(doc.get("published")), page_date, date_from_url(source), meta.published, meta.published_source)
    written = f"{title or ''}\n{body}"  # where a small outlet writes its own name
    outlet = (
        doc.get("outlet")
        or meta.outlet
        or canonical_outlet(page_site)
        or outlet_from_host(source, site_name=page_site, text=written)
        or outlet_from_host(page_host, site_name=page_site, text=written)
        or page_site
    )
    return ArticleRow(
        article_id=stable_id(doc.get("identity") or source),
        url=source,
        outlet=outlet,
        title=title,
        published_at=published,
        published_source=published_source,
        language=language_code(doc.get("language")) or language_code(page_lang) or detect_language(body),
        dateline=meta.dateline,
        body_text=body,
        source_kind=kind,
        content_hash=doc["content_hash"],
    )


def publication_date(
    record: dt.date | None, page: dt.date | None, url: dt.date | None, text: dt.date | None, text_source: str | None,
) -> tuple[dt.date | None, str | None]:
    """The publication date and where it came from, metadata first: what a record states, the
    page's markup, the URL's path, the text's header; the body's news day only as a fallback."""
    for value, source in ((record, "record"), (page, "page"), (url, "url"), (text, text_source)):
        if value is not None:
            return value, source
    return None, None


def articles_with_failures(documents: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The articles of a documents frame, and the documents that gave none.

    A document fails (stage "extract") when it yields no article text or its extraction raises;
    one bad page never stops the batch. The failures frame follows `FAILURE_SCHEMA`.
    """
    rows: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    for doc in documents.iter_rows(named=True):
        try:
            rows.append(asdict(article_row(doc)))
        except NoArticleText as exc:
            failures.append(_failure(doc, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a page that breaks the extractor is a failure row
            failures.append(_failure(doc, f"extraction error: {type(exc).__name__}: {exc}"[:500]))
    frame = pl.DataFrame(rows, schema=ARTICLES.polars_schema()) if rows else ARTICLES.empty()
    return ARTICLES.conform(frame), pl.DataFrame(failures, schema=FAILURE_SCHEMA)


def _failure(doc: dict[str, Any], reason: str) -> dict[str, Any]:
    # The content hash lets the next run pass over the same unchanged document (warta/chunks.py).
    return {"source": doc["source"], "stage": "extract", "reason": reason, "raw_ref": doc.get("raw_ref"),
            "content_hash": doc.get("content_hash"), "identity": doc.get("identity"), "origin": doc.get("origin")}


def articles(documents: pl.DataFrame) -> pl.DataFrame:
    """One row per document that has article text, conformed to `warehouse.articles.ARTICLES`
    (documents that give none are left out; `articles_with_failures` reports them)."""
    return articles_with_failures(documents)[0]
