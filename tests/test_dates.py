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
        ("pada Februari", date(2022, 12, 30), date(2022, 2, 1), "month"),
        ("pada September", date(2022, 12, 30), date(2022, 9, 1), "month"),
        ("Pada September lalu", date(2025, 2, 24), date(2024, 9, 1), "month"),
        ("Maret tahun 2023", date(2024, 2, 9), date(2023, 3, 1), "month"),
        ("pada Oktober 2023", date(2024, 2, 9), date(2023, 10, 1), "month"),
        ("pada Mei mendatang", date(2024, 4, 15), date(2024, 5, 1), "month"),
        ("bulan ini", date(2024, 10, 2), date(2024, 10, 1), "month"),
        ("bulan lalu", date(2024, 1, 15), date(2023, 12, 1), "month"),
        ("tahun lalu", date(2024, 2, 9), date(2023, 1, 1), "year"),
        ("tahun ini", date(2024, 2, 9), date(2024, 1, 1), "year"),
        ("pada musim semi 2023", date(2022, 12, 30), date(2023, 1, 1), "year"),
        ("pada musim semi mendatang", date(2022, 12, 30), date(2023, 1, 1), "year"),
        ("sejak 2019", date(2024, 2, 9), date(2019, 1, 1), "year"),
        ("KTT pada Rabu", date(2024, 7, 3), date(2024, 7, 3), "day"),
        ("pada Rabu lalu", date(2024, 7, 3), date(2024, 6, 26), "day"),
        ("kemarin", date(2024, 7, 3), date(2024, 7, 2), "day"),
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


@pytest.mark.parametrize("text", ["75 tahun", "USD 200 miliar", "dua bulan", "Pasal 5"])
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
    ],
)
def test_day_ranges_without_year_and_weeks(text: str, published: date, value: date, precision: str) -> None:
    (d,) = find_dates(text, published)
    assert (d.value, d.precision) == (value, precision)
