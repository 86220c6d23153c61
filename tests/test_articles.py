"""`articles()` on tiny inline document frames."""

from __future__ import annotations

import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from sources.documents import DOCUMENT_SCHEMA, FAILURE_SCHEMA, Document, documents_frame
from transforms.articles import articles, articles_with_failures
from transforms.ids import stable_id
from warehouse.articles import ARTICLES

LEAD = (
    "Liputan6.com, Beijing - Xi Jinping menandai Imlek 2024 dengan mendorong penguatan kerja sama "
    "China-Rusia. Pernyataan itu, seperti dilansir CNN, Jumat (9/2/2024), disampaikan lewat telepon."
)
SECOND = "Koordinasi tersebut, kata Xi Jinping, harus dengan tegas menentang campur tangan eksternal."
TEXT = f"{LEAD}\nBaca Juga\n{SECOND}\nAdvertisement\n"
URL = "https://www.liputan6.com/global/read/1/xi-putin"

HTML = f"""<html lang="id"><head><title>Xi dan Putin</title>
<meta property="og:title" content="Xi Jinping Telepon Putin Jelang Imlek">
<meta property="og:site_name" content="Liputan6.com">
<meta property="article:published_time" content="2024-02-09T07:30:00+07:00"></head>
<body><nav><a href="/">Home</a> <a href="/global">Global</a></nav>
<article><h1>Xi Jinping Telepon Putin Jelang Imlek</h1>
<p>{LEAD}</p>
<div>Baca Juga: Rusia Klaim Kuasai Desa Baru di Ukraina Timur</div>
<p>{SECOND}</p>
<p>Kedua pemimpin juga memuji rekor perdagangan yang melampaui target sebesar USD 200 miliar tahun lalu.</p>
</article><footer>Copyright 2024 Liputan6.com</footer></body></html>"""


def docs(*documents: Document) -> pl.DataFrame:
    return documents_frame(list(documents))


def test_a_text_document_becomes_one_clean_article() -> None:
    doc = Document(source=URL, kind="text", content=TEXT)
    expected = pl.DataFrame(
        {
            "article_id": [stable_id(URL)],
            "url": [URL],
            "outlet": ["Liputan6.com"],
            "title": [None],
            "published_at": [dt.date(2024, 2, 9)],
            # The text has no header date: the news day in its body, a fallback the row records.
            "published_source": ["body"],
            "language": ["id"],
            "dateline": ["Beijing"],
            "body_text": [f"{LEAD}\n{SECOND}"],
            "source_kind": ["text"],
            "content_hash": [doc.content_hash],
            "duplicate_of": [None],
        },
        schema=ARTICLES.polars_schema(),
    )
    assert_frame_equal(articles(docs(doc)), expected)


def test_what_a_record_states_wins() -> None:
    doc = Document(
        source=URL,
        kind="text",
        content=TEXT,
        title="Judul dari rekaman",
        published="2024-02-10",
        outlet="Liputan6",
        language="en",
    )
    row = articles(docs(doc)).row(0, named=True)
    assert (row["title"], row["published_at"], row["outlet"], row["language"]) == (
        "Judul dari rekaman",
        dt.date(2024, 2, 10),
        "Liputan6",
        "en",
    )


def test_an_html_document_uses_page_metadata_and_the_same_cleaner() -> None:
    row = articles(docs(Document(source="file:///tmp/x.html", kind="html", content=HTML))).row(0, named=True)
    assert row["title"] == "Xi Jinping Telepon Putin Jelang Imlek"
    assert row["published_at"] == dt.date(2024, 2, 9)
    assert row["outlet"] == "Liputan6.com"
    assert row["source_kind"] == "html"
    assert "Baca Juga" not in row["body_text"] and "Rusia Klaim" not in row["body_text"]
    assert row["body_text"].startswith("Liputan6.com, Beijing - Xi Jinping menandai Imlek 2024")
    assert "USD 200 miliar" in row["body_text"]


def test_a_document_without_article_text_is_a_failure_not_a_row() -> None:
    good = Document(source=URL, kind="text", content=TEXT)
    empty = Document(
        source="file:///tmp/chrome.txt",
        kind="text",
        content="Advertisement\nBaca Juga\nsosmed-whatsapp-white\n",
        raw_ref="/tmp/chrome.txt",
    )
    blank_page = Document(
        source="file:///tmp/blank.html", kind="html", content="<html><body><nav>Menu</nav></body></html>"
    )
    found, failures = articles_with_failures(docs(good, empty, blank_page))
    assert found["url"].to_list() == [URL]
    expected = pl.DataFrame(
        {
            "source": ["file:///tmp/chrome.txt", "file:///tmp/blank.html"],
            "stage": ["extract", "extract"],
            "reason": ["no article sentence left after removing boilerplate"] * 2,
            "raw_ref": ["/tmp/chrome.txt", None],
        },
        schema={k: FAILURE_SCHEMA[k] for k in ("source", "stage", "reason", "raw_ref")},
    )
    assert_frame_equal(failures.select(expected.columns), expected)
    # The hash lets the next run pass over the same unchanged document.
    assert failures["content_hash"].to_list() == [empty.content_hash, blank_page.content_hash]


def test_an_empty_batch_gives_empty_frames_with_the_declared_schemas() -> None:
    found, failures = articles_with_failures(pl.DataFrame(schema=DOCUMENT_SCHEMA))
    assert found.schema == ARTICLES.polars_schema() and found.is_empty()
    assert failures.schema == FAILURE_SCHEMA and failures.is_empty()


def test_ids_are_stable_across_runs() -> None:
    doc = Document(source=URL, kind="text", content=TEXT)
    assert_frame_equal(articles(docs(doc)), articles(docs(doc)))
