"""Dates resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.dates import compatible, find_dates


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        ("pada Kamis (8/2/2024)", date(2024, 2, 9), date(2024, 2, 8), "day"),
        ("pada Senin, 24 Februari 2025", date(2025, 2, 24), date(2025, 2, 24), "day"),
        ("pada Jumat (30/12)", date(2022, 12, 30), date(2022, 12, 30), "day"),
        ("pada Jumat (30/12)", date(2023, 1, 2), date(2022, 12, 30), "day"),
        ("di Samarkand pada 15/9", date(2022, 12, 30), date(2022, 9, 15), "day"),
        ("pada 24 Februari", date(2022, 12, 30), date(2022, 2, 24), "day"),
        ("pada 3-4 Juli 2024", date(2024, 7, 4), date(2024, 7, 3), "day"),
        # Two days joined by `dan`, and a range over two months with the year at its end: the first day.
        ("pada 14 dan 15 Mei 2024", date(2024, 5, 10), date(2024, 5, 14), "day"),
        ("pada 9 dan 10 Maret", date(2024, 3, 12), date(2024, 3, 9), "day"),
        ("pada 29 Februari hingga 2 Maret 2024", date(2024, 3, 5), date(2024, 2, 29), "day"),
        ("pada 31 Oktober dan 1 November 2021", date(2022, 1, 5), date(2021, 10, 31), "day"),
        ("pada Februari", date(2022, 12, 30), date(2022, 2, 1), "month"),
        ("pada September", date(2022, 12, 30), date(2022, 9, 1), "month"),
        ("Pada September lalu", date(2025, 2, 24), date(2024, 9, 1), "month"),
        ("Maret tahun 2023", date(2024, 2, 9), date(2023, 3, 1), "month"),
        ("pada Oktober 2023", date(2024, 2, 9), date(2023, 10, 1), "month"),
        ("pada Mei mendatang", date(2024, 4, 15), date(2024, 5, 1), "month"),
        ("bulan ini", date(2024, 10, 2), date(2024, 10, 1), "month"),
        ("bulan lalu", date(2024, 1, 15), date(2023, 12, 1), "month"),
        ("tahun lalu", date(2024, 2, 9), date(2023, 1, 1), "year"),
        ("bertemu di Bali setahun yang lalu", date(2023, 11, 14), date(2022, 1, 1), "year"),
        ("tiba sore ini", date(2024, 4, 18), date(2024, 4, 18), "day"),
        ("tahun ini", date(2024, 2, 9), date(2024, 1, 1), "year"),
        ("pada musim semi 2023", date(2022, 12, 30), date(2023, 1, 1), "year"),
        ("pada musim semi mendatang", date(2022, 12, 30), date(2023, 1, 1), "year"),
        ("sejak 2019", date(2024, 2, 9), date(2019, 1, 1), "year"),
        ("KTT pada Rabu", date(2024, 7, 3), date(2024, 7, 3), "day"),
        ("pada Rabu lalu", date(2024, 7, 3), date(2024, 6, 26), "day"),
        ("kemarin", date(2024, 7, 3), date(2024, 7, 2), "day"),
        # Later on the day of writing.
        ("Siang hari nanti, Presiden dijadwalkan bertemu", date(2024, 7, 3), date(2024, 7, 3), "day"),
        ("bertemu nanti malam", date(2024, 7, 3), date(2024, 7, 3), "day"),
        # A weekday with its capital and no preposition, after the place or before a part of the day.
        ("kata menteri itu di Hanoi, Kamis.", date(2024, 7, 6), date(2024, 7, 4), "day"),
        ("keduanya bertemu di Hanoi, Kamis, untuk", date(2024, 7, 6), date(2024, 7, 4), "day"),
        ("rombongan mendarat Rabu malam", date(2024, 7, 6), date(2024, 7, 3), "day"),
        ("tiba Selasa waktu setempat", date(2024, 7, 6), date(2024, 7, 2), "day"),
        # A weekday of a named week: the week before, of, or after publication's.
        ("pada Selasa pekan lalu", date(2024, 7, 6), date(2024, 6, 25), "day"),
        ("Kamis pekan ini", date(2024, 7, 6), date(2024, 7, 4), "day"),
        ("Senin pekan depan", date(2024, 7, 6), date(2024, 7, 8), "day"),
        # `Sabtu kemarin` is the last Saturday, not yesterday.
        ("Sabtu kemarin", date(2024, 7, 10), date(2024, 7, 6), "day"),
        ("tiga hari lalu", date(2024, 7, 6), date(2024, 7, 3), "day"),
        # So many months or years ago: that month, that year.
        ("bertemu enam tahun lalu", date(2025, 10, 30), date(2019, 1, 1), "year"),
        ("dua bulan lalu", date(2025, 1, 15), date(2024, 11, 1), "month"),
        # A month of a year told relative to publication.
        ("pada Juli tahun ini", date(2022, 9, 14), date(2022, 7, 1), "month"),
        ("pada bulan Maret tahun lalu", date(2022, 9, 14), date(2021, 3, 1), "month"),
    ],
)
def test_dates(text: str, published: date, value: date, precision: str) -> None:
    found = find_dates(text, published)
    assert [(d.value, d.precision) for d in found] == [(value, precision)]


def test_plans_read_bare_months_forward() -> None:
    (d,) = find_dates("dijadwalkan terbang ke Moskow pada Juni", date(2025, 4, 10), forward=True)
    assert (d.value, d.precision) == (date(2025, 6, 1), "month")
    (d,) = find_dates("terbang ke Moskow pada Juni", date(2025, 4, 10))
    assert d.value == date(2024, 6, 1)


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("tahun lalu pada Februari (30/12)", None) == []
    assert [d.value for d in find_dates("pada 2 Oktober 2024", None)] == [date(2024, 10, 2)]


@pytest.mark.parametrize("text", ["75 tahun", "USD 200 miliar", "dua bulan", "Pasal 5", "selama dua hari",
                                  "senin yang sibuk bagi para diplomat"])
def test_not_dates(text: str) -> None:
    assert find_dates(text, date(2024, 2, 9)) == []


def test_compatible_periods() -> None:
    day = (date(2024, 2, 8), "day")
    assert compatible(day, (date(2024, 1, 1), "year"))
    assert compatible((date(2024, 2, 1), "month"), day)
    assert not compatible(day, (date(2024, 2, 10), "day"))
    assert compatible(None, day)


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        ("dalam KTT di Apulia pada 13-15 Juni untuk", date(2024, 6, 17), date(2024, 6, 13), "day"),
        ("Pekan lalu, wakil menteri itu berkunjung", date(2024, 7, 27), date(2024, 7, 1), "month"),
        ("dijadwalkan berkunjung pekan depan", date(2024, 4, 29), date(2024, 5, 1), "month"),
        # `minggu` followed by `depan` is the coming week, not a Sunday
        ("bersiap bertemu dengan mitranya minggu depan dalam", date(2025, 8, 29), date(2025, 9, 1), "month"),
        ("sepakat bertemu lagi minggu mendatang di Jenewa", date(2025, 8, 9), date(2025, 8, 1), "month"),
        ("menelepon mitranya seminggu yang lalu untuk", date(2025, 3, 5), date(2025, 2, 1), "month"),
        ("bertemu pada Minggu kemarin di Roma", date(2025, 3, 5), date(2025, 3, 2), "day"),
    ],
)
def test_day_ranges_without_year_and_weeks(text: str, published: date, value: date, precision: str) -> None:
    (d,) = find_dates(text, published)
    assert (d.value, d.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "month", "day", "weekday"),
    [
        # Without a publication date, a weekday with its day and month gives the year: the
        # latest such day up to today.
        ("tiba pada Senin (20/3)", 3, 20, 0),
        ("pada Kamis, 16 Mei", 5, 16, 3),
    ],
)
def test_a_weekday_pins_the_year_of_an_undated_article(text: str, month: int, day: int, weekday: int) -> None:
    (d,) = find_dates(text, None)
    assert (d.value.month, d.value.day, d.value.weekday(), d.precision) == (month, day, weekday, "day")
    assert date.today().year - 8 < d.value.year and d.value <= date.today()


def test_the_weekday_year_is_the_latest_up_to_today() -> None:
    from transforms.dates import _year_of_weekday

    assert _year_of_weekday(3, 20, 0, today=date(2023, 3, 19)) == date(2017, 3, 20)
    assert _year_of_weekday(3, 20, 0, today=date(2029, 1, 1)) == date(2028, 3, 20)


def test_dateparser_reads_written_dates() -> None:
    from transforms.dates import parse_written

    assert parse_written("Senin, 24 Februari 2025") == date(2025, 2, 24)
    assert parse_written("March 5, 2024") == date(2024, 3, 5)
    assert parse_written("Oktober 2023") == date(2023, 10, 1)


def test_urls_and_full_dates_anchor_undated_articles() -> None:
    from transforms.dates import anchor, from_url

    assert from_url("https://berita.example/read/20230523/19/1658422/judul") == date(2023, 5, 23)
    assert from_url("https://berita.example/2025/08/16/judul/amp") == date(2025, 8, 16)
    assert from_url("https://berita.example/news/1234567/judul") is None
    assert anchor("Dilaporkan pada Selasa (31/12/2024). Ia tiba pada 2 Januari 2024.") == date(2024, 12, 31)


def test_numbers_joined_by_dan_without_a_month_are_no_date() -> None:
    assert find_dates("ada 5 dan 6 negara yang hadir", date(2024, 3, 12)) == []
