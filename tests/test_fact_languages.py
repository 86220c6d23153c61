"""Facts are read only from articles in a language the word lists are written for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from transforms import lexicon
from transforms.facts import facts

INDONESIAN = ('Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri China Wang Yi di Beijing pada Senin '
              '(3/3/2025). "Kami sepakat memperluas kerja sama," kata Sugiono. Nilai perdagangan mencapai '
              'USD 150 miliar.')
ENGLISH = ('The two ministers met in Beijing on Monday. "We agreed to widen our ties," the minister said. '
           'Trade reached USD 150 miliar last year, a figure the ministry wrote in Indonesian.')


def _articles(*languages: str | None) -> pl.DataFrame:
    texts = {"id": INDONESIAN, "en": ENGLISH, None: INDONESIAN}
    return pl.DataFrame({
        "article_id": [f"a{i}" for i in range(len(languages))],
        "body_text": [texts[lang] for lang in languages],
        "published_at": [date(2025, 3, 4)] * len(languages),
        "language": list(languages),
    })


@pytest.fixture
def user_dir(tmp_path: Path):
    yield tmp_path
    lexicon.configure(None)


def test_an_article_in_another_language_gives_no_facts() -> None:
    out = facts(_articles("id", "en"))
    for table in ("quotes", "figures", "events"):
        assert set(out[table]["article_id"]) == {"a0"}, table


def test_an_article_of_unknown_language_is_read() -> None:
    out = facts(_articles(None))
    assert out["quotes"].height == 1 and out["figures"].height == 1


def test_a_language_added_in_the_users_lexicon_is_read(user_dir: Path) -> None:
    (user_dir / "text.yaml").write_text("fact_languages: [en]\n", encoding="utf-8")
    lexicon.configure(user_dir)
    out = facts(_articles("id", "en"))
    assert set(out["quotes"]["article_id"]) == {"a0", "a1"}
    assert set(out["figures"]["article_id"]) == {"a0", "a1"}
