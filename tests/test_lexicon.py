"""The one lexicon loader: bundled files, a user's folder laid over them, caches that follow."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from transforms import entities, lexicon
from transforms.quotes import extract
from transforms.text import abbreviations


@pytest.fixture
def user_dir(tmp_path: Path):
    yield tmp_path
    lexicon.configure(None)


def test_a_user_file_extends_lists_and_mappings(user_dir: Path) -> None:
    (user_dir / "speech.yaml").write_text("after_quote: [sergah lagi]\n", encoding="utf-8")
    (user_dir / "dates.yaml").write_text("months: {juliu: 7}\n", encoding="utf-8")
    lexicon.configure(user_dir)
    after = lexicon.words("speech", "after_quote")
    assert "sergah lagi" in after and "kata" in after  # bundled words stay
    months = lexicon.mapping("dates", "months")
    assert months["juliu"] == 7 and months["juli"] == 7


def test_a_user_gazetteer_entry_teaches_a_name_and_replaces_by_name(user_dir: Path) -> None:
    text = '"Kami siap berunding," kata Ratna Kirana.'
    assert [q.speaker for q in extract(text, date(2024, 5, 1))[0]] == ["Ratna Kirana"]
    (user_dir / "entities.yaml").write_text(
        "- {name: Ratna Kirana Dewi, kind: person, aliases: [Ratna Kirana Dewi, Ratna Kirana]}\n"
        "- {name: Xi Jinping, kind: person, aliases: [Xi Jinping, Xi, Pak Xi]}\n", encoding="utf-8")
    lexicon.configure(user_dir)
    assert [q.speaker for q in extract(text, date(2024, 5, 1))[0]] == ["Ratna Kirana Dewi"]
    xi = entities.entity("Xi Jinping")
    assert xi is not None and "Pak Xi" in xi.aliases and xi.titles == ()  # replaced, not merged
    assert sum(e.name == "Xi Jinping" for e in lexicon.entities()) == 1


def test_configure_drops_derived_caches(user_dir: Path) -> None:
    assert "kol" in abbreviations()
    (user_dir / "text.yaml").write_text("abbreviations: [ybs]\n", encoding="utf-8")
    lexicon.configure(user_dir)
    assert {"ybs", "kol"} <= abbreviations()
    lexicon.configure(None)
    assert "ybs" not in abbreviations()


def test_settings_carry_the_folder() -> None:
    from warta.settings import Settings

    assert Settings(lexicon_dir="/tmp/mine").lexicon_dir_str == "/tmp/mine"


@pytest.mark.parametrize("name", ["speech", "titles", "dates", "events", "entities", "text", "boilerplate",
                                  "units", "outlets"])
def test_every_bundled_file_loads(name: str) -> None:
    assert lexicon.load(name)
