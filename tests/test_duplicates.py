"""Near-copies among articles (transforms/duplicates.py), on tiny frames of texts written for the tests."""

from __future__ import annotations

from datetime import date

import polars as pl

from transforms.duplicates import near_duplicates, signature

STORY = (
    "Menteri Luar Negeri kedua negara menandatangani nota kesepahaman tentang kerja sama perikanan di Jakarta. "
    "Dokumen itu mengatur pertukaran data tangkapan, patroli bersama di perairan perbatasan, dan pelatihan bagi "
    "nelayan kecil. Pemerintah berharap kesepakatan tersebut menekan penangkapan ikan ilegal yang merugikan negara "
    "hingga triliunan rupiah setiap tahun. Para nelayan menyambut baik langkah itu, tetapi meminta agar aturan "
    "turunannya segera diterbitkan supaya tidak berhenti di atas kertas."
)
# The same agency story as another outlet runs it: its own dateline, a last sentence of its own.
REPUBLISHED = (
    "Kota Pelabuhan (Kantor Berita) - " + STORY
    + " Penandatanganan berlangsung tertutup dan hanya dihadiri pejabat kedua kementerian."
)
# The same news, written independently: not a copy.
RETOLD = (
    "Kesepakatan baru soal perikanan akhirnya diteken oleh dua menteri luar negeri. Isinya antara lain patroli "
    "gabungan dan berbagi data hasil tangkapan. Nelayan tradisional berharap pelatihan yang dijanjikan benar-benar "
    "sampai ke kampung mereka, sementara pengamat maritim mengingatkan soal lemahnya pengawasan selama ini."
)

KNOWN_SCHEMA = {"article_id": pl.String, "published_at": pl.Date, "minhash": pl.List(pl.Int64),
                "duplicate_of": pl.String}


def new(*rows: tuple[str, str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"article_id": a, "published_at": date.fromisoformat(d), "body_text": t, "text_hash": f"h-{a}",
          "signed": False, "minhash": None} for a, d, t in rows],
        schema={"article_id": pl.String, "published_at": pl.Date, "body_text": pl.String, "text_hash": pl.String,
                "signed": pl.Boolean, "minhash": pl.List(pl.Int64)},
    )


def known(*rows: tuple[str, str, str, str | None]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"article_id": a, "published_at": date.fromisoformat(d), "minhash": signature(t), "duplicate_of": dup}
         for a, d, t, dup in rows],
        schema=KNOWN_SCHEMA,
    )


def first_of(result) -> dict[str, str | None]:
    return dict(result.signatures.select("article_id", "duplicate_of").iter_rows())


def test_a_republished_story_names_the_earlier_one() -> None:
    found = near_duplicates(known(), new(
        ("copy", "2024-05-02", REPUBLISHED), ("orig", "2024-05-01", STORY), ("retold", "2024-05-01", RETOLD),
    ))
    assert first_of(found) == {"copy": "orig", "orig": None, "retold": None}
    assert found.changes.height == 0


def test_an_identical_text_under_another_url_on_the_same_day() -> None:
    found = near_duplicates(known(), new(("b", "2024-05-01", STORY), ("a", "2024-05-01", STORY)))
    assert first_of(found) == {"a": None, "b": "a"}


def test_a_later_run_compares_with_the_stored_signatures() -> None:
    found = near_duplicates(known(("orig", "2024-05-01", STORY, None), ("retold", "2024-05-01", RETOLD, None)),
                            new(("copy", "2024-05-02", REPUBLISHED)))
    assert first_of(found) == {"copy": "orig"}
    assert found.changes.height == 0


def test_a_new_article_published_earlier_becomes_the_groups_first() -> None:
    found = near_duplicates(
        known(("copy", "2024-05-02", REPUBLISHED, None), ("copy2", "2024-05-03", STORY, "copy")),
        new(("orig", "2024-05-01", STORY)),
    )
    assert first_of(found) == {"orig": None}
    assert dict(found.changes.iter_rows()) == {"copy": "orig", "copy2": "orig"}


def test_a_rewritten_first_leaves_its_group() -> None:
    # "orig" is re-read with another text; its old copies still copy each other.
    found = near_duplicates(
        known(("copy", "2024-05-02", STORY, "orig"), ("copy2", "2024-05-03", STORY, "orig")),
        new(("orig", "2024-05-01", RETOLD)),
    )
    assert first_of(found) == {"orig": None}
    assert dict(found.changes.iter_rows()) == {"copy": None, "copy2": "copy"}


def test_short_texts_are_never_copies() -> None:
    found = near_duplicates(known(), new(("a", "2024-05-01", "Presiden tiba."), ("b", "2024-05-01", "Presiden tiba.")))
    assert first_of(found) == {"a": None, "b": None}
    assert found.signatures["minhash"].null_count() == 2


def test_a_signature_made_with_its_chunk_is_used_as_it_is() -> None:
    """A worker signs its chunk's articles (`signature_rows`); the link step then only groups them.
    The stored signature is the one compared: here it is the story's, stored for a text that
    retells it, and the article is grouped as the story's copy."""
    from transforms.duplicates import signature_rows

    signed = signature_rows(pl.DataFrame({"article_id": ["copy"], "body_text": [STORY]}))
    assert signed["pending"].to_list() == [True]
    assert signed["minhash"].to_list() == [signature(STORY)]
    pending = new(("copy", "2024-05-02", RETOLD)).with_columns(
        signed=pl.lit(True), minhash=pl.Series([signature(STORY)], dtype=pl.List(pl.Int64)))
    found = near_duplicates(known(("orig", "2024-05-01", STORY, None)), pending)
    assert first_of(found) == {"copy": "orig"}
    assert found.signatures["pending"].to_list() == [False]
    # Not signed: the text is signed here, and a retelling is no copy.
    assert first_of(near_duplicates(known(("orig", "2024-05-01", STORY, None)), new(("copy", "2024-05-02", RETOLD)))) \
        == {"copy": None}
