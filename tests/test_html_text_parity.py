"""The HTML path and the text path give the same article for each sample article.

`corpus/samples/text/<stem>.txt` is what a scraper kept of a page; `corpus/samples/html/<stem>.html`
is that page as its site serves it (menus, "Baca Juga" boxes, ad slots, share buttons, captions,
author box, tags, related lists, footer, cookie notice). Both must clean to the same paragraphs,
drop the gold boilerplate, keep the gold passages and find the gold outlet and date.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import polars as pl
import pytest

from sources.local import pull_file
from transforms.articles import articles_with_failures

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
GOLD = ROOT / "tests" / "gold" / "seeds"
STEMS = sorted(p.stem for p in GOLD.glob("*.json"))


def norm_text(s: str | None) -> str:
    """The scorer's normalisation: NFKC, lower case, no quotation marks, single spaces."""
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = re.sub(r"[\u201c\u201d\u201e\u00ab\u00bb\"'\u2018\u2019]", "", s)
    return re.sub(r"\s+", " ", s).strip().strip(" ,.;:")


@cache
def sample_articles() -> dict[tuple[str, str], dict]:
    """Every sample article, both renderings, keyed by (kind, stem)."""
    from sources.documents import documents_frame

    docs = [d for kind in ("text", "html") for p in sorted((SAMPLES / kind).iterdir()) for d in pull_file(p).documents]
    found, failures = articles_with_failures(documents_frame(docs))
    assert failures.is_empty(), failures.to_dicts()
    return {(r["source_kind"], Path(r["url"]).stem): r for r in found.iter_rows(named=True)}


def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def test_every_sample_has_both_renderings() -> None:
    assert len(STEMS) == 5
    for stem in STEMS:
        assert (SAMPLES / "text" / f"{stem}.txt").is_file()
        assert (SAMPLES / "html" / f"{stem}.html").is_file()


@pytest.mark.parametrize("stem", STEMS)
def test_same_paragraphs_from_html_and_text(stem: str) -> None:
    text = [norm_text(p) for p in sample_articles()[("text", stem)]["body_text"].split("\n")]
    html = [norm_text(p) for p in sample_articles()[("html", stem)]["body_text"].split("\n")]
    assert html == text


@pytest.mark.parametrize("kind", ["text", "html"])
@pytest.mark.parametrize("stem", STEMS)
def test_gold_boilerplate_gone_and_passages_kept(stem: str, kind: str) -> None:
    body = norm_text(sample_articles()[(kind, stem)]["body_text"])
    g = gold(stem)
    assert [b for b in g["boilerplate"] if norm_text(b) in body] == []
    assert [k for k in g["must_keep"] if norm_text(k) not in body] == []


@pytest.mark.parametrize("kind", ["text", "html"])
@pytest.mark.parametrize("stem", STEMS)
def test_gold_metadata(stem: str, kind: str) -> None:
    row, want = sample_articles()[(kind, stem)], gold(stem)["article"]
    assert str(row["published_at"]) == want["published"]
    assert row["language"] == want["language"]
    if want["outlet"]:
        assert row["outlet"] == want["outlet"]
        assert row["dateline"] == want["dateline"]
    elif kind == "text":
        # kumparan's text names no outlet; its page says so in og:site_name, which the HTML path reads.
        assert row["outlet"] is None
    else:
        assert row["outlet"] == "kumparan"


def test_frames_hold_one_row_per_sample_and_kind() -> None:
    frame = pl.DataFrame(list(sample_articles().values()))
    assert frame.group_by("source_kind").len().sort("source_kind").to_dicts() == [
        {"source_kind": "html", "len": 5},
        {"source_kind": "text", "len": 5},
    ]
