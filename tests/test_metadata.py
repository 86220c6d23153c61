"""Metadata read from text: datelines and outlets, publication dates, headlines, language."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.metadata import (
    canonical_outlet,
    detect_language,
    find_dateline,
    find_published,
    find_title,
    language_code,
    outlet_from_host,
    parse_iso_date,
    text_metadata,
)

REST = "Xi Jinping menandai Imlek 2024 dengan mendorong penguatan kerja sama China-Rusia."


@pytest.mark.parametrize(
    ("opening", "outlet", "place"),
    [
        ("Liputan6.com, Beijing - ", "Liputan6.com", "Beijing"),
        ("BEIJING, MATAJAMBI.COM - ", "Matajambi.com", "Beijing"),
        ("Jakarta, IDN Times - ", "IDN Times", "Jakarta"),
        ("JAKARTA, KOMPAS.com - ", "Kompas.com", "Jakarta"),
        ("Jakarta, CNN Indonesia -- ", "CNN Indonesia", "Jakarta"),
        ("TEMPO.CO, Jakarta - ", "Tempo.co", "Jakarta"),
        ("Jakarta (ANTARA) - ", "ANTARA", "Jakarta"),
        ("SURABAYA, KABARJATIM.COM - ", "Kabarjatim.com", "Surabaya"),
        ("Kuala Lumpur (AFP) – ", "AFP", "Kuala Lumpur"),
    ],
)
def test_dateline_names_outlet_and_place(opening: str, outlet: str, place: str) -> None:
    found = find_dateline([opening + REST])
    assert found is not None
    assert (found.outlet, found.place, found.index) == (outlet, place, 0)


def test_detik_channel_line_announces_a_bare_dateline() -> None:
    found = find_dateline(["detikNews", "Jakarta - " + REST])
    assert found is not None and (found.outlet, found.place, found.index) == ("detikNews", "Jakarta", 1)


@pytest.mark.parametrize(
    "line",
    [
        "Sementara itu, Presiden - " + REST,  # a comma and a dash are not a dateline by themselves
        "Jakarta - " + REST,  # a bare place needs a channel line before it
        REST,
    ],
)
def test_not_a_dateline(line: str) -> None:
    assert find_dateline([line]) is None


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        (["Judul", "30 Desember 2022 17:54 WIB", "Presiden Rusia bertemu Xi pada Jumat (30/12)."], "2022-12-30"),
        (["Judul", "Rabu, 3 Juli 2024 | 10:15 WIB", REST], "2024-07-03"),
        (["Judul", "03/07/2024, 10:15 WIB", REST], "2024-07-03"),
        # An attribution's day wins over the event's day before it.
        (
            [
                "Liputan6.com, Beijing - Xi menelepon Putin pada Kamis (8/2/2024), di tengah perselisihan.",
                "Pernyataan Kementerian Luar Negeri China seperti dilansir CNN, Jumat (9/2/2024), menyebutkan hal itu.",
            ],
            "2024-02-09",
        ),
        (["Putin berbicara, dikutip dari TASS, Senin (24/2/2025), tentang perang Ukraina dan China."], "2025-02-24"),
        # Otherwise the latest news day in the first paragraphs.
        (
            ["BEIJING, MATAJAMBI.COM - Pada Rabu, 2 Oktober 2024, Presiden Xi Jinping berbicara tentang Rusia."],
            "2024-10-02",
        ),
        (
            ["Jakarta, IDN Times - Putin bertemu Xi di Astana, Kazakhstan, pada Rabu (3/7/2024). Itu yang kedua."],
            "2024-07-03",
        ),
        (["Xi dan Putin bicara pada Senin, 24 Februari 2025. Keduanya membahas kerja sama bilateral."], "2025-02-24"),
    ],
)
def test_publication_date(lines: list[str], published: str) -> None:
    assert find_published(lines) == dt.date.fromisoformat(published)


@pytest.mark.parametrize(
    "lines",
    [
        ["Putin dan Xi bertemu pada Jumat (30/12) di sela-sela pertemuan puncak itu."],  # no year
        ["Pertemuan puncak itu digelar pada 24 Februari 2022 di Moskow oleh kedua negara."],  # no weekday
        ["Keduanya bertemu pada Rabu (31/2/2024) di Astana untuk membahas kerja sama."],  # no such day
    ],
)
def test_no_publication_date(lines: list[str]) -> None:
    assert find_published(lines) is None


def test_title_is_a_short_first_line() -> None:
    assert find_title(["Putin Ajak Xi Jinping Perkuat Kerja Sama Militer", "", REST]) == (
        "Putin Ajak Xi Jinping Perkuat Kerja Sama Militer"
    )
    assert find_title(["Liputan6.com, Beijing - " + REST]) is None
    assert find_title([REST]) is None


def test_text_metadata_skips_the_header_before_the_dateline() -> None:
    lines = [
        "Bertemu Xi, Putin Sebut Hubungan Terbaik",
        "",
        "Moskow dan Beijing bersatu",
        "",
        "Jakarta, IDN Times - " + REST,
    ]
    meta = text_metadata(lines)
    assert (meta.outlet, meta.dateline, meta.lead_index) == ("IDN Times", "Jakarta", 4)
    assert meta.title == "Bertemu Xi, Putin Sebut Hubungan Terbaik"


@pytest.mark.parametrize(
    ("value", "outlet"),
    [
        ("https://www.liputan6.com/global/read/123/x", "Liputan6.com"),
        # detik's channels name themselves (detikNews, detikFinance); the bare site is detikcom.
        ("https://news.detik.com/internasional/d-1/x", "detikNews"),
        ("https://www.detik.com/jatim/berita/d-1/x", "detikJatim"),
        ("https://www.detik.com/", "detikcom"),
        ("kumparan.com", "kumparan"),
        ("https://www.bbc.com/indonesia/articles/x", "BBC News Indonesia"),
        ("https://www.bbc.com/news/world-1", None),
        # An unknown host names the outlet after itself, without section labels.
        ("https://news.kabarcontoh.id/dunia/x", "Kabarcontoh.id"),
        ("https://www.contohpost.co.id/a", "Contohpost.co.id"),
        # Whatever subdomain serves the page, the site names the outlet.
        ("https://ns2.radiocontoh88.com/berita/x", "Radiocontoh88.com"),
        ("https://daerah.contohpost.co.id/a", "Contohpost.co.id"),
        ("http://127.0.0.1:8000/a", None),
        (None, None),
    ],
)
def test_outlet_from_host(value: str | None, outlet: str | None) -> None:
    assert outlet_from_host(value) == outlet


def test_canonical_outlet_spelling() -> None:
    assert canonical_outlet("KOMPAS.com") == "Kompas.com"
    assert canonical_outlet("Kumparan") == "kumparan"
    assert canonical_outlet("Unknown Daily") is None


def test_iso_dates_and_language_tags() -> None:
    assert parse_iso_date("2024-02-09T07:30:00+07:00") == dt.date(2024, 2, 9)
    assert parse_iso_date("kemarin") is None
    assert [language_code(t) for t in ("id-ID", "in", "EN", "xx-yy-zz", None)] == ["id", "id", "en", "xx", None]


def test_language_detection() -> None:
    assert detect_language(REST + " Pertemuan itu menjadi yang kedua dalam waktu kurang dari dua bulan.") == "id"
    assert detect_language("The two leaders met in Astana on Wednesday to discuss their partnership.") == "en"
    assert detect_language("") == "id"


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://nasional.kontan.co.id/news/x", "Kontan"),
        ("https://www.merdeka.com/dunia/x.html", "Merdeka.com"),
        ("https://tirto.id/x", "Tirto.id"),
        ("https://www.dw.com/id/x/a-1", "DW Indonesia"),
        ("https://www.dw.com/en/x/a-1", None),
        # Metro TV's portal is not Medcom.id.
        ("https://video.metrotvnews.com/play/x", "Metrotvnews.com"),
        ("https://www.medcom.id/internasional/x", "Medcom.id"),
        ("https://nu.or.id/internasional/x", "NU Online"),
    ],
)
def test_outlet_from_more_indonesian_hosts(url: str, outlet: str | None) -> None:
    assert outlet_from_host(url) == outlet


def test_header_date_is_metadata_and_the_body_only_a_fallback() -> None:
    from transforms.metadata import published_in_text

    header = ["Judul", "30 Desember 2022 17:54 WIB", "Xi dan Putin bicara pada Senin, 24 Februari 2025, lewat video."]
    assert published_in_text(header) == (dt.date(2022, 12, 30), "header")
    assert published_in_text(header[2:]) == (dt.date(2025, 2, 24), "body")
    assert published_in_text(["Tanpa tanggal sama sekali di teks yang cukup panjang ini."]) == (None, None)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.liputan6.com/global/read/2024/02/09/xi-putin", dt.date(2024, 2, 9)),
        ("https://example.id/berita/2024-07-03/astana", dt.date(2024, 7, 3)),
        ("https://example.id/20241002/xi", dt.date(2024, 10, 2)),
        ("https://example.id/read/5520311/xi-putin", None),
        ("file:///data/2024/02/09/a.txt", None),
    ],
)
def test_date_from_url(url: str, day: dt.date | None) -> None:
    from transforms.metadata import date_from_url

    assert date_from_url(url) == day


def test_publication_date_prefers_metadata_over_the_body() -> None:
    from transforms.articles import publication_date

    body_day, page_day = dt.date(2024, 2, 8), dt.date(2024, 2, 9)
    assert publication_date(None, page_day, None, body_day, "body") == (page_day, "page")
    assert publication_date(None, None, page_day, body_day, "body") == (page_day, "url")
    assert publication_date(None, None, None, body_day, "body") == (body_day, "body")
    assert publication_date(body_day, page_day, None, None, None) == (body_day, "record")
    assert publication_date(None, None, None, None, None) == (None, None)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        # A regional newsroom of a network is named as it names itself, before the network.
        ("https://jabar.tribunnews.com/2024/05/01/x", "TribunJabar.id"),
        ("https://m.tribunnews.com/nasional/x", "Tribunnews.com"),
        ("https://jatim.suara.com/read/x", "SuaraJatim.id"),
        ("https://amp.suara.com/news/x", "Suara.com"),
        ("https://galamedia.pikiran-rakyat.com/news/x", "Galamedia"),
        # A network whose subdomains are outlets of their own: an unlisted one is named after itself.
        ("https://kabarpesisir.pikiran-rakyat.com/nasional/pr-1/x", "Kabarpesisir"),
        ("https://www.pikiran-rakyat.com/nasional/pr-1/x", "Pikiran Rakyat"),
        ("https://radarpesisir.jawapos.com/berita/x", "Radarpesisir"),
        ("https://www.jawapos.com/berita/x", "JawaPos.com"),
        ("https://forumkeadilan.com/2025/07/17/x", "Forum Keadilan"),
        # Hosts that run the outlet's words together are listed with the name as the outlet writes it,
        # a network member's too.
        ("https://fortuneidn.com/news/amp/x", "Fortune Indonesia"),
        ("https://tvrijakartanews.com/article/News/1", "TVRI Jakarta News"),
        ("https://humasri.com/2025/04/22/x", "Humas RI"),
        ("https://karawangpost.pikiran-rakyat.com/nasional/pr-1/x", "Karawang Post"),
        ("https://www.voi.id/berita/1", "VOI"),
        ("https://www.timesindonesia.co.id/read/x", "Times Indonesia"),
        # An AMP cache or viewer address is the publisher's page.
        ("https://www-kompas-com.cdn.ampproject.org/c/s/www.kompas.com/x", "Kompas.com"),
        ("https://www-pikiran--rakyat-com.cdn.ampproject.org/c/s/www.pikiran-rakyat.com/x", "Pikiran Rakyat"),
        ("https://www.google.com/amp/s/amp.kontan.co.id/news/x", "Kontan"),
    ],
)
def test_outlet_from_regional_and_amp_hosts(url: str, outlet: str) -> None:
    assert outlet_from_host(url) == outlet


def test_outlet_lexicon_names_each_host_and_spelling_once() -> None:
    from transforms import lexicon

    owners: dict[str, set[str]] = {}
    hosts: dict[str, set[str]] = {}
    for entry in lexicon.load("outlets")["outlets"]:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            owners.setdefault(alias.casefold(), set()).add(entry["name"])
        for host in entry.get("hosts", []):
            hosts.setdefault(host.casefold(), set()).add(entry["name"])
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}
    assert {h: o for h, o in hosts.items() if len(o) > 1} == {}


@pytest.mark.parametrize(
    ("line", "host", "outlet", "place"),
    [
        # A name that is the page's host in words names the outlet, with or without a place.
        ("KABAR LAUT TIMUR – Menteri Luar Negeri tiba di Tokyo pada Senin.", "https://www.kabar-lauttimur.com/a",
         "Kabar Laut Timur", None),
        ("SUARA PESISIR, SURABAYA -- Gubernur meresmikan pelabuhan baru.", "https://suarapesisir.id/a",
         "Suara Pesisir", "Surabaya"),
        ("JAKARTA, Suara Pesisir - Gubernur meresmikan pelabuhan baru.", "suarapesisir.id", "Suara Pesisir",
         "Jakarta"),
        # Two words or more of the name make up most of the site's label (the rest is a number).
        ("SURABAYA, Radio Suara Pantai - Gubernur meresmikan pelabuhan baru.",
         "https://ns2.suarapantai738.com/a", "Radio Suara Pantai", "Surabaya"),
        # An em dash may touch the text.
        ("Harianjogja.com, JAKARTA—Presiden tiba di Washington.", None, "Harianjogja.com", "Jakarta"),
        # An outlet of a network (its own subdomain of the network's host) names itself.
        ("KABAR PESISIR - Menteri Luar Negeri tiba di Tokyo pada Senin.",
         "https://kabarpesisir.pikiran-rakyat.com/internasional/pr-1/a", "Kabar Pesisir", None),
    ],
)
def test_dateline_names_the_host_as_the_outlet(line: str, host: str | None, outlet: str, place: str | None) -> None:
    found = find_dateline([line], host)
    assert found is not None and (found.outlet, found.place) == (outlet, place)


@pytest.mark.parametrize(
    ("line", "host"),
    [
        # Another page's name, or a place alone, is no outlet.
        ("KABAR LAUT TIMUR – Menteri Luar Negeri tiba di Tokyo pada Senin.", "https://www.suarapesisir.id/a"),
        ("SURABAYA – Gubernur meresmikan pelabuhan baru.", "https://www.suarapesisir.id/a"),
        ("Sementara itu, Presiden - yang baru tiba - berbicara.", "https://presiden.id/a"),
        # Another member's name on a network's subdomain is no outlet.
        ("KABAR PESISIR - Menteri Luar Negeri tiba di Tokyo pada Senin.",
         "https://suarapantai.pikiran-rakyat.com/internasional/pr-1/a"),
        # One word of the name in the site's label is not enough.
        ("SURABAYA, Radio Kota - Gubernur meresmikan pelabuhan baru.", "https://ns2.suarapantai738.com/a"),
        # A channel of a known outlet names a section, not the publisher (the host's owner is).
        ("Bola – Pelatih tim nasional mengumumkan skuad untuk laga pekan depan.", "https://bola.kompas.com/a"),
    ],
)
def test_names_other_than_the_host_are_no_outlet(line: str, host: str) -> None:
    found = find_dateline([line], host)
    assert found is None or found.outlet is None


@pytest.mark.parametrize(
    ("line", "outlet", "place"),
    [
        # The outlet alone, spelt as a domain or a name the lexicon knows.
        ("KOMPAS.com - Menteri Luar Negeri bertolak ke Tokyo pada Senin pagi.", "Kompas.com", None),
        ("Suara.com – Menteri Luar Negeri bertolak ke Tokyo pada Senin pagi.", "Suara.com", None),
        ("VIVA – Menteri Luar Negeri bertolak ke Tokyo pada Senin pagi.", "Viva.co.id", None),
        # An agency line in brackets: the newsroom first.
        ("Tokyo (ANTARA/Kyodo-OANA) - Menteri Luar Negeri tiba di Tokyo pada Senin.", "ANTARA", "Tokyo"),
        ("INILAHCOM, Jakarta - Menteri Luar Negeri bertolak ke Tokyo pada Senin.", "Inilah.com", "Jakarta"),
    ],
)
def test_outlet_only_and_agency_datelines(line: str, outlet: str, place: str | None) -> None:
    found = find_dateline([line])
    assert found is not None and (found.outlet, found.place) == (outlet, place)


def test_an_unknown_host_is_named_by_its_site_name_when_that_is_the_host_in_words() -> None:
    assert outlet_from_host("https://www.kabarlauttimur.com/a", site_name="KABAR LAUT TIMUR") == "Kabar Laut Timur"
    assert outlet_from_host("https://www.kabarlauttimur.com/a", site_name="Berita Terkini") == "Kabarlauttimur.com"
    assert outlet_from_host("https://www.kompas.com/a", site_name="Kabar Lain") == "Kompas.com"


def test_an_unknown_host_is_named_as_the_article_writes_it_in_words() -> None:
    text = "Gubernur meresmikan pelabuhan baru.\n\nSimak berita lainnya di Kabar Laut Timur."
    assert outlet_from_host("https://www.kabarlauttimur.com/a", text=text) == "Kabar Laut Timur"
    assert outlet_from_host("https://kabarlaut.id/a", text="Ikuti Kabar Laut ID di media sosial.") == "Kabar Laut ID"
    # Words that only begin the host's name, or a text that never writes it, leave the host's own name.
    assert outlet_from_host("https://www.kabarlauttimur.com/a", text="Kabar Laut hari ini.") == "Kabarlauttimur.com"
    # A known host keeps its lexicon name whatever the text writes.
    assert outlet_from_host("https://www.kompas.com/a", text="Kabar Laut Timur") == "Kompas.com"


def test_a_network_outlet_is_named_by_its_site_name_when_that_is_its_subdomain_in_words() -> None:
    host = "https://kabarpesisir.pikiran-rakyat.com/a"
    assert outlet_from_host(host, site_name="KABAR PESISIR") == "Kabar Pesisir"
    assert outlet_from_host(host, site_name="Pikiran Rakyat") == "Kabarpesisir"


_ID_TEXT = ("Menteri Luar Negeri Sugiono mengatakan bahwa pertemuan itu akan membahas kerja sama ekonomi yang "
            "lebih erat. Ia juga menyebut para pejabat dari kedua negara sudah bertemu di Jakarta pada pekan lalu, "
            "dan mereka sepakat untuk melanjutkan pembicaraan tersebut karena hasilnya dinilai baik.")
_EN_TEXT = ("The foreign minister said that the meeting would focus on closer economic ties. He added that "
            "officials from both countries had met in Jakarta last week, and they agreed to continue the talks "
            "because the results were seen as good for the region and for their people.")


def test_plain_indonesian_or_english_is_settled_by_its_function_words() -> None:
    from transforms.metadata import _by_function_words

    assert _by_function_words(_ID_TEXT) == "id"
    assert _by_function_words(_EN_TEXT) == "en"
    assert detect_language(_ID_TEXT) == "id" and detect_language(_EN_TEXT) == "en"


def test_mixed_short_or_other_script_samples_go_to_the_classifier() -> None:
    from transforms.metadata import _by_function_words

    assert _by_function_words(_ID_TEXT + " " + _EN_TEXT) is None  # both lists well represented
    assert _by_function_words("Presiden bertemu menteri di Jakarta.") is None  # too few words
    japanese = "Kindle for PC の 設定 を 変更 する 方法 について 説明 します " * 3 + " the and of to in is that " * 5
    assert _by_function_words(japanese) is None  # English words inside another script say nothing
