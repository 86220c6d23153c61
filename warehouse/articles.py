"""`articles`: one row per distinct article."""

from warehouse.schema import EARLIEST_DATE, Column, Table

ARTICLES = Table(
    name="articles",
    description="One row per distinct article, with its cleaned text.",
    key="article_id",
    columns=(
        Column("article_id", "VARCHAR", "stable id: a hash of the article's URL", nullable=False,
               regex=r"^[0-9a-f]{16}$"),
        Column("url", "VARCHAR", "where it was pulled from; local files as file:// URIs", nullable=False,
               regex=r"^(?:https?|file)://"),
        Column("outlet", "VARCHAR", "the publisher as it names itself"),
        Column("title", "VARCHAR", "headline"),
        # Sane bounds: a date of 1850 or 2099 is a parse error (a misread year), not news.
        Column("published_at", "DATE", "publication date; NULL when it cannot be found",
               min_value=EARLIEST_DATE, max_days_ahead=2),
        Column("published_source", "VARCHAR", "where published_at was read: the input record, the page's "
               "markup, the URL's path, the text's header, or (fallback) the news day in the body",
               allowed=("record", "page", "url", "header", "body")),
        Column("language", "VARCHAR", "ISO 639-1 code", regex=r"^[a-z]{2}$"),
        Column("dateline", "VARCHAR", "the place of the dateline (`Beijing` in `Liputan6.com, Beijing -`)"),
        Column("body_text", "VARCHAR", "the cleaned article text", nullable=False),
        Column("source_kind", "VARCHAR", "how it came in", allowed=("html", "text")),
        Column("content_hash", "VARCHAR", "sha256 of the raw input, to skip unchanged articles",
               nullable=False),
        # Set after the load, by linking (warta/linking.py); NULL until then and for originals.
        Column("duplicate_of", "VARCHAR", "the earlier article this one is a near-copy of; NULL when none",
               regex=r"^[0-9a-f]{16}$"),
    ),
)
