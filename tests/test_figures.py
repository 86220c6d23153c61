"""Figures: money, percentages, counts; dates and years are not figures."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.figures import extract, find_figures, parse_number


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("rekor perdagangan sebesar USD 200 miliar tahun lalu", "USD 200 miliar", 200e9, "USD"),
        ("anggaran Rp311,5 triliun", "Rp311,5 triliun", 311.5e12, "IDR"),
        ("harga Rp 1,2 juta per unit", "Rp 1,2 juta", 1.2e6, "IDR"),
        ("investasi US$ 3,5 miliar", "US$ 3,5 miliar", 3.5e9, "USD"),
        ("bantuan US$1.5 billion", "US$1.5 billion", 1.5e9, "USD"),
        # A dot before three digits groups thousands after a dollar sign too; a comma does in English style.
        ("hadiah sebesar US$ 5.000 bagi pemenang", "US$ 5.000", 5000.0, "USD"),
        ("harga kopi $12.500 per ton", "$12.500", 12500.0, "USD"),
        ("gaji US$2,400 sebulan", "US$2,400", 2400.0, "USD"),
        ("senilai 5 miliar dolar AS", "5 miliar dolar AS", 5e9, "USD"),
        ("pabrik baterai itu bernilai 750 juta USD", "750 juta USD", 750e6, "USD"),
        ("Kontrak Kapal Senilai 40 Juta EUR Diteken", "40 Juta EUR", 40e6, "EUR"),
        ("sebesar 200 juta yuan", "200 juta yuan", 200e6, "CNY"),
        ("denda 10 juta rubel", "10 juta rubel", 10e6, "RUB"),
        ("kurs Rp 15.654 per dolar AS", "Rp 15.654", 15654.0, "IDR/USD"),
        ("rupiah ditutup di Rp15.660 per dolar AS", "Rp15.660", 15660.0, "IDR/USD"),
        ("kurs Rp15.660 pada penutupan", "Rp15.660", 15660.0, "IDR/USD"),
        ("ditutup 15.700 rupiah per dolar AS", "15.700 rupiah", 15700.0, "IDR/USD"),
        ("nilai ekonomi digital Rp 2,9 kuadriliun", "Rp 2,9 kuadriliun", 2.9e15, "IDR"),
        ("Dagang Rusia-China Tembus USD 200 Miliar", "USD 200 Miliar", 200e9, "USD"),
        ("tumbuh tujuh persen", "tujuh persen", 7.0, "percent"),
        # A rate of zero is a figure, written with a digit or a word.
        ("menuntut bea masuk 0% untuk kopi", "0%", 0.0, "percent"),
        ("inflasi bulan itu nol persen", "nol persen", 0.0, "percent"),
        # A round amount told with -an keeps its scale.
        ("proyek itu menelan biaya Rp 4 triliunan", "Rp 4 triliunan", 4e12, "IDR"),
        ("hibah 2 miliaran rupiah untuk sekolah", "2 miliaran rupiah", 2e9, "IDR"),
        ("naik 27,8%", "27,8%", 27.8, "percent"),
        ("turun 11,6 persen", "11,6 persen", 11.6, "percent"),
        ("naik 5 persen", "5 persen", 5.0, "percent"),
        ("25 orang tewas", "25 orang", 25.0, "orang"),
        ("diikuti 13 negara", "13 negara", 13.0, "negara"),
        ("1.000 ton gandum", "1.000 ton", 1000.0, "ton"),
    ],
)
def test_figures(text: str, raw: str, value: float, unit: str) -> None:
    got = [(f.raw, f.value, f.unit) for f in find_figures(text)]
    assert got == [(raw, pytest.approx(value), unit)]


@pytest.mark.parametrize(
    "text",
    [
        "pertama kalinya sejak 2019",
        "serangan Hamas pada 7 Oktober",
        "menandai Imlek 2024",
        "pada Kamis (8/2/2024)",
        "pada 24 Februari 2025",
        "Maret tahun 2023",
        "peringatan ke-75 tahun",
        "kedua negara",
        "COVID-19 dan F-16",
        "Pasal 5 NATO",
        # Durations, anniversaries, multiples and counts written as words are not figures.
        "berbicara selama delapan menit",
        "merayakan 75 tahun hubungan diplomatik",
        "perundingan berlangsung 90 menit",
        "naik dua kali lipat",
        "dua puluh lima orang tewas",
        "menyepakati empat poin",
        "toleransi nol terhadap korupsi",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("written", "english", "value"),
    [("15.654", False, 15654.0), ("11,6", False, 11.6), ("1.5", True, 1.5), ("1,500", True, 1500.0),
     ("1.234.567,5", False, 1234567.5), ("dua puluh", False, 20.0), ("sebelas", False, 11.0)],
)
def test_parse_number(written: str, english: bool, value: float) -> None:
    assert parse_number(written, english=english) == pytest.approx(value)


def test_money_gets_measure_parties_and_period() -> None:
    body = ("Kedua pemimpin Xi Jinping dan Vladimir Putin bertemu.\n"
            "Kedua pemimpin juga memuji rekor perdagangan yang melampaui target sebesar USD 200 miliar tahun lalu. "
            "Perdagangan China dan AS bernilai USD 664 miliar tahun lalu atau turun 11,6 persen dari tahun 2022.")
    figs = {f.raw: f for f in extract(body, date(2024, 2, 9))}
    usd200 = figs["USD 200 miliar"]
    assert (usd200.measure, sorted(usd200.parties), usd200.period) == ("trade", ["China", "Rusia"], "2023")
    pct = figs["11,6 persen"]
    assert (pct.measure, pct.parties, pct.period) == ("trade change", ["China", "Amerika Serikat"], "2023")
    # The 200 billion is the target that trade beat; the 11.6 percent is a fall, for the year 2023.
    assert (usd200.kind, usd200.direction) == ("target", "none")
    assert (figs["USD 664 miliar"].kind, pct.kind, pct.direction) == ("actual", "actual", "fall")
    assert (pct.period_start, pct.period_end, pct.period_precision) == (date(2023, 1, 1), date(2023, 12, 31), "year")


@pytest.mark.parametrize(
    ("sentence", "kind", "direction"),
    [
        ("Ekspor naik 5 persen.", "actual", "rise"),
        ("Impor anjlok hingga 3 persen.", "actual", "fall"),
        ("Pemerintah menargetkan investasi USD 10 miliar.", "target", "none"),
        ("Pertumbuhan diperkirakan 2 hingga 3 persen.", "forecast", "rise"),
        ("Defisit anggaran dibatasi maksimal 3 persen.", "limit", "none"),
        ("Perdagangan bisa menembus US$ 300 miliar pada 2030.", "forecast", "none"),
        ("Perdagangan melonjak 26,3% menjadi US$ 240 miliar.", "actual", "rise"),
    ],
)
def test_kind_and_direction(sentence: str, kind: str, direction: str) -> None:
    f = extract(sentence, date(2024, 2, 9))[0]
    assert (f.kind, f.direction) == (kind, direction)


def test_second_figure_does_not_take_the_first_ones_cue() -> None:
    first, second = extract("Perdagangan melonjak 26,3% menjadi US$ 240 miliar.", date(2024, 2, 9))
    assert (first.direction, second.direction) == ("rise", "none")


def test_month_period_is_typed() -> None:
    (f,) = extract("Ekspor pada Mei 2023 turun 4 persen.", date(2024, 2, 9))
    assert (f.period, f.period_start, f.period_end, f.period_precision) == (
        "2023-05", date(2023, 5, 1), date(2023, 5, 31), "month")


def test_exchange_rate_is_a_rate_not_an_amount() -> None:
    (f,) = extract("Di pasar domestik, rupiah melemah ke level Rp 15.654 per dolar AS pada Jumat.", date(2024, 1, 12))
    assert (f.unit, f.measure) == ("IDR/USD", "exchange rate")


def test_currency_words_name_no_party() -> None:
    (f,) = extract("Perdagangan antarnegara anggota mencapai 3,2 triliun dolar AS.", date(2024, 7, 4))
    assert f.parties == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("pertumbuhan hanya akan berkisar 3-4 persen tahun ini", "3-4 persen", 3.0),
        ("diperkirakan 2 hingga 3 persen", "2 hingga 3 persen", 2.0),
        ("pertumbuhan ekonomi tercatat 5.05%.", "5.05%", 5.05),
    ],
)
def test_percent_ranges_and_english_decimals(text: str, raw: str, value: float) -> None:
    (f,) = find_figures(text)
    assert (f.raw, f.value, f.unit) == (raw, value, "percent")


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Indonesia mendukung solusi dua negara bagi Palestina.", []),
        ("Sekitar 1.200 orang dievakuasi dalam delapan menit.", ["1.200 orang"]),
    ],
)
def test_names_with_numbers_are_not_counts(text: str, counts: list[str]) -> None:
    assert [f.raw for f in find_figures(text)] == counts


def test_a_headlines_figures_count_once() -> None:
    body = "Perdagangan Rusia dan China mencapai USD 200 miliar tahun lalu."
    title = "Dagang Rusia-China Tembus USD 200 Miliar"
    got = [(f.raw, f.value, f.unit) for f in extract(body, date(2024, 2, 9), title=title)]
    assert got == [("USD 200 Miliar", 200e9, "USD"), ("USD 200 miliar", 200e9, "USD")]
    # A body that opens with its headline does not count the headline twice.
    assert len(extract(f"{title}\n{body}", date(2024, 2, 9), title=title)) == 2


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # The rate word a few words before the amount still makes it a rate.
        ("Kurs rupiah ditutup di level Rp16.310 sore ini.", "IDR/USD"),
        ("Nilai tukar rupiah terhadap dolar AS berada di posisi Rp 16.180.", "IDR/USD"),
        ("Kurs rupiah melemah 0,4 persen menjadi Rp16.300.", "IDR/USD"),
        ("Kurs jual di bank itu Rp 16.450.", "IDR/USD"),
        # Per a currency written as a sign (`/US$`).
        ("Rupiah ditutup di Rp 16.120/US$ sore ini.", "IDR/USD"),
        ("Harga jualnya Rp 16.120 per US$ hari ini.", "IDR/USD"),
        # A scaled amount is never a rate, and another measure between takes the amount.
        ("Pelemahan kurs menambah beban impor Rp 4 triliun.", "IDR"),
        ("Nilai tukar yang lemah membuat harga beras naik menjadi Rp 15.000.", "IDR"),
    ],
)
def test_exchange_rates_told_with_words_between(text: str, unit: str) -> None:
    assert [f.unit for f in find_figures(text) if f.unit != "percent"] == [unit]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Perdagangan Kedua Negara Diramal Tembus Rp3,4 Kuadriliun", 3.4e15, "IDR"),
        ("nilainya mencapai Rp 1,25 kuadriliun tahun ini", 1.25e15, "IDR"),
        ("Ekspor Gas Capai 12 Miliar Dolar AS", 12e9, "USD"),
        ("Investasi Baru Senilai US$ 7,5 Miliar", 7.5e9, "USD"),
    ],
)
def test_decimal_and_capitalised_scales(text: str, value: float, unit: str) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == [(pytest.approx(value), unit)]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # The unit in brackets, and the first number of a change told `dari A ... jadi B persen`.
        ("Tarifnya dari 32 diturunkan jadi 19 (persen).", [("32", 32.0), ("19 (persen)", 19.0)]),
        ("Suku bunga acuan naik dari 5,75 menjadi 6 persen.", [("5,75", 5.75), ("6 persen", 6.0)]),
        ("Ekspor tumbuh dari 4 ke 7 persen.", [("4", 4.0), ("7 persen", 7.0)]),
        # A year or a count before is not the change's first number.
        ("Bunga naik dari 2023 menjadi 6 persen.", [("6 persen", 6.0)]),
        ("Dari 100 orang, 5 persen menolak.", [("5 persen", 5.0)]),
        # Told the other way round, the new level first: `menjadi B dari A persen`.
        ("Bea masuk dinaikkan menjadi 60 dari 45 persen mulai pekan depan.", [("60", 60.0), ("45 persen", 45.0)]),
        ("Inflasi turun ke 3,2 dari 4,5 persen.", [("3,2", 3.2), ("4,5 persen", 4.5)]),
        # A year before `dari` is no level, nor a number with no change word before it.
        ("Target itu berlaku hingga 2030 dari 12 persen saat ini.", [("12 persen", 12.0)]),
        ("Sebanyak 40 dari 90 persen responden setuju.", [("90 persen", 90.0)]),
    ],
)
def test_percent_changes_and_bracketed_units(text: str, figures: list[tuple[str, float]]) -> None:
    assert [(f.raw, f.value) for f in find_figures(text) if f.unit == "percent"] == figures


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        # A headline's clipped scale after the rupiah sign.
        ("Investasi Rp 157 T Dibawa Pulang dari Beijing", "Rp 157 T", 157e12, "IDR"),
        ("Proyek Jalan Desa Senilai Rp12 M Rampung", "Rp12 M", 12e9, "IDR"),
        # The rupiah moving to a level is its rate against the dollar; a round rate with -an too.
        ("Rupiah ditutup menguat ke level Rp 16.210 sore ini.", "Rp 16.210", 16210.0, "IDR/USD"),
        ("Kurs berada di kisaran Rp 16.000-an per dolar AS.", "Rp 16.000", 16000.0, "IDR/USD"),
        # Not a clipped scale: a lower-case letter or a word.
        ("Harga tiket Rp 150 ribu per orang.", "Rp 150 ribu", 150e3, "IDR"),
    ],
)
def test_clipped_scales_and_rupiah_levels(text: str, raw: str, value: float, unit: str) -> None:
    got = [(f.raw, f.value, f.unit) for f in find_figures(text) if f.unit != "percent"]
    assert got == [(raw, pytest.approx(value), unit)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Nilainya ditaksir Rp 3,1 ribu triliun.", 3.1e15),
        ("Utang itu mencapai 12 ribu triliun rupiah.", 12e15),
        ("Anggaran Rp 4,5 ribu miliar disiapkan.", 4.5e12),
    ],
)
def test_compound_scales(text: str, value: float) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == [(pytest.approx(value), "IDR")]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        # A money range after one currency sign is one figure at its lower end, like a percent range.
        ("Kerugian ditaksir Rp 10-15 triliun.", "Rp 10-15 triliun", 10e12, "IDR"),
        ("Investasi baru USD 3–4 miliar disiapkan.", "USD 3–4 miliar", 3e9, "USD"),
        ("Kurs bergerak di rentang Rp 16.000-16.500 per dolar AS.", "Rp 16.000-16.500", 16000.0, "IDR/USD"),
    ],
)
def test_money_ranges(text: str, raw: str, value: float, unit: str) -> None:
    assert [(f.raw, f.value, f.unit) for f in find_figures(text)] == [(raw, pytest.approx(value), unit)]
