"""`transforms.clean.page_metadata` repeats the steps of trafilatura's `extract_metadata` that give
the fields we store, reaching into trafilatura's modules to do so. An upgrade of trafilatura that
moves or changes those steps must show here, on our own pages: the same title, site name and host
as trafilatura's own function, and a date only where trafilatura finds the same one."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*(ROOT / "corpus" / "samples" / "html").glob("*.html"),
                *(ROOT / "tests" / "fixtures" / "pages").glob("*.html")])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_metadata_agrees_with_trafilaturas_extract_metadata(page: Path) -> None:
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    from transforms.clean import page_metadata

    url = f"https://berita.example/{page.stem}"
    html = page.read_text(encoding="utf-8")
    ours = page_metadata(load_html(html), url)
    theirs = extract_metadata(load_html(html), default_url=url)
    assert ours.title == theirs.title
    assert ours.sitename == theirs.sitename
    assert ours.hostname == theirs.hostname
    # Ours reads the date only from markup and the URL (no search of the page's text): it may find
    # none where trafilatura finds one, never another one.
    assert ours.date is None or ours.date == theirs.date


def test_the_pages_have_titles_and_dates_to_compare() -> None:
    from trafilatura.utils import load_html

    from transforms.clean import page_metadata

    found = [page_metadata(load_html(p.read_text(encoding="utf-8")), None) for p in PAGES]
    assert len(PAGES) >= 10
    assert sum(m.title is not None for m in found) >= 5
    assert sum(m.date is not None for m in found) >= 3
