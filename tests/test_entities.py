"""The gazetteer and name resolution."""

from __future__ import annotations

from datetime import date

import pytest

from transforms import lexicon
from transforms.entities import (
    entities_frame,
    entity_written,
    find_mentions,
    resolve,
    states_in,
    titled_persons,
    unknown_name,
)
from warehouse.entities import ENTITIES


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Xi", "Xi Jinping"),
        ("Presiden Tiongkok", "Xi Jinping"),
        ("Presiden China Xi Jinping", "Xi Jinping"),
        ("presiden Rusia", "Vladimir Putin"),
        ("Putin", "Vladimir Putin"),
        ("Kremlin", "Kremlin"),
        ("Juru Bicara Kremlin", "Dmitry Peskov"),
        ("Tiongkok", "China"),
        ("RRT", "China"),
        ("AS", "Amerika Serikat"),
        ("Negeri Beruang Merah", "Rusia"),
        ("Organisasi Kerja Sama Shanghai", "SCO"),
    ],
)
def test_resolve(phrase: str, name: str) -> None:
    e = resolve(phrase, date(2024, 2, 9))
    assert e is not None and e.name == name


def test_titles_follow_the_office_holder() -> None:
    assert resolve("Presiden AS", date(2024, 5, 1)).name == "Joe Biden"
    assert resolve("Presiden AS", date(2025, 3, 1)).name == "Donald Trump"
    assert resolve("Presiden RI", date(2023, 1, 1)).name == "Joko Widodo"
    assert resolve("Presiden RI", date(2025, 1, 1)).name == "Prabowo Subianto"


def test_lowercase_words_are_not_aliases() -> None:
    assert find_mentions("as well as the xi of putin", date(2024, 1, 1)) == []


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Juru bicara Kemlu RI, Lalu Muhammad Iqbal", "Lalu Muhammad Iqbal"),
        ("ekonom CORE Indonesia, Yusuf Rendy Manilet", "Yusuf Rendy Manilet"),
        ("Budi Santoso", "Budi Santoso"),
        ("wartawan", None),
        # Month and weekday names are a date's words, never a name.
        ("Agustus", None),
        ("laporan dari kantor berita pada 3 Maret", None),
        ("Senin", None),
    ],
)
def test_unknown_names(phrase: str, name: str | None) -> None:
    assert unknown_name(phrase) == name


def test_capitals_stand_for_states_unless_they_are_places() -> None:
    assert states_in("Moskow dan Beijing bersatu melawan Washington") == ["Rusia", "China", "Amerika Serikat"]
    assert states_in("Putin terbang ke Beijing") == []


def test_gazetteer_is_well_formed() -> None:
    names = [e.name for e in lexicon.entities()]
    assert len(names) == len(set(names)), "canonical names are unique"
    for e in lexicon.entities():
        assert e.kind in ("person", "state", "org", "place")
        assert e.wikidata is None or e.wikidata.startswith("Q")
        assert e.state is None or e.state in names, f"{e.name}: unknown state {e.state}"


def test_entities_frame() -> None:
    df = entities_frame(["Xi Jinping", "Darmawan Kusuma", "Xi Jinping"])
    assert df.schema == ENTITIES.polars_schema()
    assert df.rows() == [
        ("Xi Jinping", "person", "Q15031", "China", ["Xi", "Presiden Xi"], True),
        ("Darmawan Kusuma", "unknown", None, None, [], False),
    ]


def test_a_body_quoted_by_its_short_name_is_its_gazetteer_row() -> None:
    # One body, one row: the name the text gave it (a quote's speaker) is an alias of the canonical row.
    (row,) = entities_frame(["Kemlu RI", "Kementerian Luar Negeri RI", "Kemenlu"]).to_dicts()
    assert (row["name"], row["kind"], row["state"], row["known"]) == \
        ("Kementerian Luar Negeri RI", "org", "Indonesia", True)
    assert "Kemlu RI" in row["aliases"] and len(row["aliases"]) == len(set(row["aliases"]))
    assert entity_written("Kemlu RI") == entity_written("Kementerian Luar Negeri RI")
    # Negative: only bodies are written under another name; a person's alias is no key of its own.
    assert entity_written("Putin") is None
    # Negative: an unknown short name stays unknown.
    (row,) = entities_frame(["Kemlu Narnia"]).to_dicts()
    assert (row["kind"], row["known"]) == ("unknown", False)


@pytest.mark.parametrize(
    ("written", "state"),
    [("Rusia", "Rusia"), ("Russia", "Rusia"), ("Federasi Rusia", "Rusia"), ("Tiongkok", "China"),
     ("RRT", "China"), ("Amerika Serikat", "Amerika Serikat"), ("United States", "Amerika Serikat")],
)
def test_a_state_has_one_name_whatever_language_the_text_uses(written: str, state: str) -> None:
    assert states_in(f"Hubungan {written} dengan Indonesia", None) == [state, "Indonesia"]
    (row,) = entities_frame([state]).iter_rows(named=True)
    assert row["kind"] == "state" and row["wikidata_id"] and (written == state or written in row["aliases"])


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Menteri Perdagangan Budi Santoso", "Budi Santoso"),
        ("Duta Besar Rusia untuk Indonesia Sergei Tolchenov", "Sergei Tolchenov"),
        ("Wakil Menteri Investasi/Wakil Kepala Badan Koordinasi Penanaman Modal (BKPM) Yuliot Tanjung",
         "Yuliot Tanjung"),
        ("Juru bicara Kemlu, Lalu Iqbal", "Lalu Iqbal"),
    ],
)
def test_unknown_names_lose_the_whole_title(phrase: str, name: str) -> None:


    assert unknown_name(phrase) == name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Duta Besar Rusia untuk Indonesia Pavel Orlov bertemu Menteri Perdagangan Darmawan Kusuma di Jakarta.",
         ["Pavel Orlov", "Darmawan Kusuma"]),
        ("Wakil Presiden Filipina Lucia Marin, yang mewakili presidennya, hadir.", ["Lucia Marin"]),
        ("Presiden Rusia Vladimir Putin bertemu Xi Jinping.", []),
        # A title in lower case mid-sentence introduces a person too.
        ("Terkait lawatan itu, anggota Komisi I DPR Hendra Kusuma menilai waktunya tepat.", ["Hendra Kusuma"]),
        ("Para menteri luar negeri ASEAN bertemu di Vientiane pada Senin.", []),
    ],
)
def test_titled_persons(text: str, names: list[str]) -> None:


    assert [m.entity.name for m in titled_persons(text)] == names


def test_a_deputy_title_is_not_the_title() -> None:


    found = find_mentions("Wakil Presiden AS Kamala Harris tiba.", date(2024, 6, 16))
    assert "Joe Biden" not in [m.entity.name for m in found]


def test_a_title_run_stops_at_the_end_of_its_sentence() -> None:
    text = "Ia bertemu Menteri Luar Negeri Meksiko Carlos Mendoza. Lavrov juga hadir."
    assert [m.entity.name for m in titled_persons(text)] == ["Carlos Mendoza"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A title in lower-case words, then the name as an apposition.
        ("Pengamat politik dari sebuah kampus di Bandung, Rudi Halim, menilai pertemuan itu simbolis.",
         ["Rudi Halim"]),
        # Lower-case title words inside the title.
        ("Ekonom senior LKN Dewi Lestari menyoroti defisit.", ["Dewi Lestari"]),
    ],
)
def test_people_named_after_longer_titles(text: str, names: list[str]) -> None:
    assert [m.entity.name for m in titled_persons(text)] == names


def test_a_bare_title_before_another_state_is_not_the_domestic_holder() -> None:
    # `Menhan` alone is Indonesia's (Prabowo in 2023); `Menhan Turki` is Turkey's, so the
    # name after it is read as its own person.
    on = date(2023, 1, 10)
    assert [m.entity.name for m in find_mentions("Menhan Prabowo tiba.", on)][0] == "Prabowo Subianto"
    text = "Wamenlu menemui Menhan Turki Hulusi Akar di Ankara."
    assert "Prabowo Subianto" not in [m.entity.name for m in find_mentions(text, on)]
    assert [m.entity.name for m in titled_persons(text, on)] == ["Hulusi Akar"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Spellings the gazetteer does not list fold onto the person it knows (text.yaml
        # `name_spelling_folds`): y/i, -iy/-ii, j/y, kh/h, accents, hyphens, doubled letters.
        ("Mihail Mishustin", "Mikhail Mishustin"),
        ("Sergey Shoygu", "Sergei Shoigu"),
        ("Dmitrii Medvedev", "Dmitry Medvedev"),
        ("Yurii Ushakov", "Yuri Ushakov"),
        ("Marija Zaharova", "Maria Zakharova"),
        ("Kim Jong-Un", "Kim Jong Un"),
        ("Volodymyr Zelenskii", "Volodymyr Zelensky"),
    ],
)
def test_spelling_variants_are_one_person(text: str, name: str) -> None:
    (m,) = [m for m in find_mentions(f"ujar {text} kemarin.", date(2024, 5, 1)) if m.entity.kind == "person"]
    assert (m.text, m.entity.name) == (text, name)


@pytest.mark.parametrize("text", ["Kota Jakarta Selatan", "Bank Dunia", "Pak Mishu", "Lin Jiang"])
def test_other_names_do_not_fold_onto_people(text: str) -> None:
    assert [m.entity.name for m in find_mentions(text) if m.entity.kind == "person"] == []


def test_home_names_have_one_spelling() -> None:
    # A different Indonesian name that folds alike is another person, not the minister.
    assert [m.entity.name for m in find_mentions("kata Sugiyono kemarin", date(2025, 3, 1))
            if m.entity.kind == "person"] == []


def test_the_mention_cache_stays_small_over_a_long_run() -> None:
    """Look-ups are cached for the repeats within an article; over thousands of articles (a worker
    of a long run) the cache stays at a few articles' worth, so memory does not grow with the input."""
    from transforms.entities import _MENTION_CACHE_SIZE, _mention_cache, find_mentions

    for i in range(_MENTION_CACHE_SIZE + 500):
        find_mentions(f"Presiden Joko Widodo bertemu Xi Jinping, laporan nomor {i}.")
    assert 0 < len(_mention_cache()) <= _MENTION_CACHE_SIZE
    names = [m.entity.name for m in find_mentions("Presiden Joko Widodo bertemu Xi Jinping.")]
    assert names == ["Joko Widodo", "Xi Jinping"]
