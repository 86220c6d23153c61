"""`article_signatures`: what near-duplicate detection keeps of each article, so that an article
loaded later is compared with those loaded before without re-reading their texts; and the SQL that
reads and writes it.

`duplicate_of` here is the truth that `articles.duplicate_of` mirrors: a reloaded article row
comes without it, and `sync_duplicate_of` puts it back.
"""

from __future__ import annotations

from datetime import timedelta

import duckdb
import polars as pl

from warehouse.schema import Column, Table, query_frame

ARTICLE_SIGNATURES = Table(
    name="article_signatures",
    description="MinHash signature of each article's text and the near-copy group it belongs to.",
    key="article_id",
    article_key=None,
    columns=(
        Column("article_id", "VARCHAR", "-> articles", nullable=False, regex=r"^[0-9a-f]{16}$"),
        Column("method", "VARCHAR", "how the signature was made; another method's cannot be compared",
               nullable=False),
        Column("text_hash", "VARCHAR", "md5 of the body_text signed: a changed text is signed again",
               nullable=False),
        Column("minhash", "BIGINT[]", "the MinHash signature; NULL when the text is too short to compare"),
        Column("duplicate_of", "VARCHAR", "the earliest article of its near-copy group; NULL for that one",
               regex=r"^[0-9a-f]{16}$"),
        Column("pending", "BOOLEAN", "true while signed (by the worker that transformed its chunk) but its "
               "near-copy group not yet decided by the link step"),
    ),
    # A chunk's signatures come without a group: an article loaded again with the same text
    # (a forced re-extraction) keeps the group it has.
    replace_when_changed=("method", "text_hash"),
)


def pending_articles(con: duckdb.DuckDBPyConnection, method: str, limit: int | None = None) -> pl.DataFrame:
    """Articles whose near-copy group is to be decided: never signed or signed by another method,
    or signed with their chunk and not grouped yet; the first `limit` of them by publication.
    Columns: article_id, published_at, body_text, text_hash, and `signed` with `minhash`: whether
    the stored signature is of this text by this method, so that it need not be made again.

    A text that changes comes with its new signature (the chunk that loads an article writes both,
    in one transaction), so texts are read only for the articles not signed yet: reading every
    body of the warehouse for each batch made the link step's memory and time grow with it."""
    batch = query_frame(
        con,
        """
        SELECT a.article_id, a.published_at, coalesce(s.method = $method, false) AS signed, s.minhash,
               s.text_hash
        FROM articles a LEFT JOIN article_signatures s USING (article_id)
        WHERE s.article_id IS NULL OR s.method <> $method OR s.pending
        ORDER BY a.published_at NULLS LAST, a.article_id
        LIMIT $limit
        """,
        {"method": method, "limit": limit},
    )
    unsigned = batch.filter(~pl.col("signed"))["article_id"].to_list()
    texts = query_frame(
        con,
        "SELECT article_id, body_text, md5(coalesce(body_text, '')) AS text_hash FROM articles "
        "WHERE list_contains($ids, article_id)",
        {"ids": unsigned},
    )
    return (batch.join(texts, on="article_id", how="left", suffix="_read")
            .with_columns(text_hash=pl.coalesce("text_hash_read", "text_hash"))
            .select("article_id", "published_at", "body_text", "text_hash", "signed", "minhash"))


def known_around(con: duckdb.DuckDBPyConnection, pending: pl.DataFrame, method: str, window_days: int) -> pl.DataFrame:
    """Signed articles a pending one may copy or be copied by: the groups' firsts published within
    `window_days` of a pending one (all when one is undated), and the members of groups whose
    first is pending. Members of other groups are not read: a copy is compared with its group's
    first (transforms.duplicates), and `write` moves them when their first changes.
    Columns: article_id, published_at, minhash, duplicate_of."""
    days = pending["published_at"]
    everything = days.null_count() > 0
    low = None if everything else days.min() - timedelta(days=window_days)
    high = None if everything else days.max() + timedelta(days=window_days)
    ids = pending["article_id"].to_list()
    return query_frame(
        con,
        """
        WITH signed AS (
            SELECT s.article_id, a.published_at, s.minhash, s.duplicate_of
            FROM article_signatures s JOIN articles a USING (article_id)
            WHERE s.method = $method AND NOT list_contains($ids, s.article_id) AND s.pending IS NOT TRUE
        )
        SELECT * FROM signed
        WHERE (duplicate_of IS NULL
               AND ($low IS NULL OR published_at IS NULL OR published_at BETWEEN $low AND $high))
           OR list_contains($ids, duplicate_of)
        ORDER BY article_id
        """,
        {"method": method, "ids": ids, "low": low, "high": high},
    )


def write(con: duckdb.DuckDBPyConnection, signatures: pl.DataFrame, changes: pl.DataFrame) -> None:
    """Store new signatures and the changed groups; every member then names its group's first."""
    if signatures.height:
        frame = ARTICLE_SIGNATURES.conform(signatures).to_arrow()  # noqa: F841 - read by name below
        cols = ", ".join(ARTICLE_SIGNATURES.column_names)
        con.execute(f"INSERT OR REPLACE INTO article_signatures ({cols}) SELECT {cols} FROM frame")
    if changes.height:
        moved = changes.to_arrow()  # noqa: F841 - read by name below
        con.execute("UPDATE article_signatures s SET duplicate_of = m.duplicate_of FROM moved m "
                    "WHERE s.article_id = m.article_id")
    # A group whose first became a copy of an earlier article: its other members, outside the
    # window that was compared, follow to the new first. Firsts name no one, so one pass does.
    con.execute(
        "UPDATE article_signatures s SET duplicate_of = f.duplicate_of FROM article_signatures f "
        "WHERE s.duplicate_of = f.article_id AND f.duplicate_of IS NOT NULL"
    )


def sync_duplicate_of(con: duckdb.DuckDBPyConnection) -> int:
    """Copy each article's group into `articles.duplicate_of`; the number of rows changed."""
    return con.execute(
        """
        UPDATE articles a SET duplicate_of = s.duplicate_of FROM article_signatures s
        WHERE a.article_id = s.article_id AND a.duplicate_of IS DISTINCT FROM s.duplicate_of
        """
    ).fetchall()[0][0]
