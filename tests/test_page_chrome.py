"""Page chrome that survives trafilatura on Indonesian news pages, on small pages written for the
tests (`tests/fixtures/pages/`): what must stay and what must go, through the HTML path
(`extract_article_text`) and through `article_row`, which the pipeline uses."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from sources.documents import Document
from transforms.articles import article_row
from transforms.clean import (
    _may_hold_link_list,
    clean_lines,
    extract_article_text,
    find_link_lists,
    parse_page,
    repair_markup,
)

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


def page(name: str) -> str:
    return (PAGES / f"{name}.html").read_text(encoding="utf-8")


def pipeline_body(name: str) -> str:
    doc = Document(source=f"https://contoh.example/{name}", kind="html", content=page(name))
    return article_row(vars(doc)).body_text


CASES = {
    "daftar_terkait": (
        [
            "Banjarmasin, Warta Contoh - Pedagang sayur dan buah kembali memenuhi Sungai Martapura",
            "Pemerintah kota mencatat tiga langkah yang ditempuh selama renovasi:",
            # A body list whose items hold links inside sentences is article text.
            "Tiang dermaga diganti dengan beton, seperti dijelaskan dalam laporan teknis",
            "program pendampingan usaha kecil milik pemerintah provinsi.",
            # So is a results table whose rows hold links.
            "Kelompok Perahu Alalak Selatan",
            "Dinas berencana menambah penerangan di sepanjang dermaga",
        ],
        [
            "Wisatawan Mancanegara ke Kalimantan Selatan Naik Dua Kali Lipat",  # related links
            "Festival Sungai Digelar Tiga Hari di Banjarmasin",
            "Banjir Rob Rendam Pesisir Utara Jawa Tengah",  # dated popular links
            "07:55 WIB",
            "Nelayan Tanah Laut Panen Udang Vaname",  # cards: headline, date, teaser
            "Hasil panen tahun ini disebut yang terbaik",
            "Relawan mengajar membaca dan berhitung",
            "Penurunan terjadi setelah panen raya dimulai lebih awal.",  # headline cards on top
            "Headline",
            "Berita Terkait",
            "Terpopuler",
        ],
    ),
    "kredit_dan_label": (
        [
            "Takengon, Warta Contoh - Sebanyak dua puluh kelompok tani kopi",
            "Ketua koperasi setempat menyebut pengering itu memangkas waktu penjemuran",
            "Biji kopi tidak lagi berjamur",
            # "Baca juga" inside a sentence is the reporter's words.
            "Baca juga laporan lengkap koperasi itu, kata dia",
            "Pemerintah kabupaten berencana menambah lima puluh unit pengering",
        ],
        [
            "Harga Kopi Arabika Gayo Tembus Rekor Baru",  # BACA JUGA without a colon
            "Ekspor Kopi Aceh ke Eropa Meningkat Tajam",  # Baca juga:
            "Menyusuri Kebun Kopi di Lereng Burni Telong",  # simak juga video:
            "Koperasi Kopi Perempuan Raih Penghargaan Nasional",  # Lihat Juga :
            "Oleh: Rahmi Lestari",
            "Rahmi Lestari",  # table-rendered author box
            "Dedi Saputra",  # Reporter :
            "Nur Aini",  # Editor:
            "ANTARA FOTO",  # caption credit
            "foto.contoh.example",  # credit alone in parentheses
            "Share on Facebook",
            "17Shares",
            "Artikel ini telah tayang",
            "All Rights Reserved",
            "Pedoman Media Siber",
        ],
    ),
    "daftar_lebih_panjang": (
        [
            "PEKALONGAN - Sebuah mobil perpustakaan keliling mulai menyambangi lima desa pesisir",
            "Anak-anak menunggu di balai desa sejak pukul tujuh",
            "Setiap kunjungan membawa sekitar tiga ratus buku cerita",
        ],
        [
            # Teasers are full sentences: only the page's structure says they are not the article.
            "Pemerintah kota menyerahkan kunci kepada seratus dua puluh keluarga",
            "Bangunan peninggalan zaman kolonial itu",
            "Warga Bantaran Kali Dapat Rumah Susun Baru",
            "BERITA LAINNYA",
            "More Stories",
        ],
    ),
    "label_dan_kartu": (
        [
            "Wamena, Warta Contoh - Warga dua desa di Lembah Baliem",
            "Dulu anak-anak harus menunggu air surut",
            "Jembatan sepanjang delapan puluh meter",
        ],
        [
            "SOSOK DAERAH",  # rubric label over the headline
            "Headline",
            "Sebanyak 70% pedagang kembali berjualan",  # a lone teaser card of another article
            "Pasar Apung Kembali Ramai Pembeli",
            "Petani Kopi Lembah Baliem Panen Raya",  # a must-read box of two entries
            "Bandara Wamena Tambah Rute",
        ],
    ),
    "teks_lepas": (
        [
            # The lead written straight into the container, between <br>s, before the <p>s.
            "Kupang, Warta Contoh – Murid sebuah sekolah dasar di pinggir kota",
            "Menurut kepala sekolah, kebun itu dibuat agar anak-anak belajar menanam sawi hijau dan kangkung",
            # Words in separate inline elements keep their space.
            "Kalau lama enggak disiram",
            "menurut Antara.",
        ],
        [
            "ANTARA",  # agency credit alone on the closing line
            "JANGAN LEWATKAN",
            "Lomba Masak Sayur Antarsekolah",  # loose links between <br>s are not a lead
            "Taman Kota Baru Dibuka",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("path", ["extract_article_text", "article_row"])
def test_body_stays_and_chrome_goes(name: str, path: str) -> None:
    body = extract_article_text(page(name)) if path == "extract_article_text" else pipeline_body(name)
    keep, go = CASES[name]
    assert [k for k in keep if k not in body] == []
    assert [g for g in go if g in body] == []


def test_link_lists_leave_out_paragraphs_of_the_article() -> None:
    lists = find_link_lists(parse_page(page("daftar_terkait")))
    assert "festival sungai digelar tiga hari di banjarmasin" in lists.texts
    assert not any("pedagang sayur dan buah" in t for t in lists.texts)
    # Links inside sentences of the article do not make a list.
    assert not any("laporan teknis dinas pekerjaan umum" in t for t in lists.texts)
    assert lists.entries
    pruned = lxml.html.tostring(lists.prune(), encoding="unicode")
    assert "Festival Sungai Digelar" not in pruned
    assert "Pedagang sayur dan buah" in pruned


def test_page_without_link_lists_is_left_as_it_is() -> None:
    only_prose = "<html><body><p>Satu paragraf saja tanpa tautan apa pun di halaman ini.</p></body></html>"
    lists = find_link_lists(parse_page(only_prose))
    assert lists.texts == frozenset()
    assert lists.entries == ()
    assert "Satu paragraf saja" in lxml.html.tostring(lists.prune(), encoding="unicode")


PROSE = "Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Astana pada Rabu (3/7/2024)."


def test_scraped_text_loses_a_closing_run_of_headlines() -> None:
    lines = [
        PROSE,
        "Harga Cabai Rawit Naik Jelang Lebaran",
        "Timnas Putri Lolos ke Final Piala Asia",
        "Banjir Rob Rendam Pesisir Utara Jawa",
    ]
    assert clean_lines(lines) == [PROSE]


def test_scraped_text_keeps_short_runs_and_lists_of_sentences() -> None:
    two = [PROSE, "Harga Cabai Rawit Naik Jelang Lebaran", "Timnas Putri Lolos ke Final Piala Asia"]
    assert clean_lines(two) == two
    sentences = [
        PROSE,
        "Kedua pemimpin membahas perdagangan energi dan pembayaran dalam mata uang lokal.",
        "Mereka juga membicarakan jalur kereta baru yang melintasi Asia Tengah menuju Eropa.",
        "Pertemuan berikutnya dijadwalkan berlangsung di Beijing pada akhir tahun ini.",
    ]
    assert clean_lines(sentences) == sentences


def test_html_path_keeps_a_closing_list_that_has_no_links() -> None:
    html = (
        "<html><body><article><h1>Jadwal Tur Grup Musik Kampus</h1>"
        f"<p>{PROSE}</p><p>Grup itu mengumumkan jadwal tur mereka di sepuluh kota tahun ini.</p>"
        "<p>Jadwal Konser Kota Demi Kota</p><ul>"
        "<li>Juni 9 – Medan @ Gedung Serbaguna Utama</li><li>Juni 12 – Padang @ Taman Budaya Sumatra</li>"
        "<li>Juni 15 – Palembang @ Benteng Kuto Besak</li><li>Juni 18 – Bandung @ Sasana Budaya Ganesha</li>"
        "</ul></article></body></html>"
    )
    body = extract_article_text(html)
    assert "Juni 18 – Bandung @ Sasana Budaya Ganesha" in body


def _tree(html: str) -> object:
    import lxml.html

    return lxml.html.fromstring(html)


def test_loose_lead_is_wrapped_into_paragraphs_and_link_runs_are_not() -> None:
    root = _tree(
        "<html><body><div><br><strong>Kupang</strong> – Murid sekolah memanen sayur pertama dari kebun"
        " sekolah mereka.<br><br>Kebun itu dibuat agar anak-anak belajar menanam sendiri di rumah."
        "<p>Paragraf pertama yang sudah rapi di dalam tanda paragraf.</p><p>Paragraf kedua.</p>"
        "<br><a href='/a'>Lomba Masak Sayur Antarsekolah Digelar Bulan Depan, Ayo Ikut Sekarang!</a><br></div>"
        "</body></html>"
    )
    assert repair_markup(root)
    paragraphs = [p.text_content() for p in root.iter("p")]
    assert paragraphs[:2] == [
        "Kupang – Murid sekolah memanen sayur pertama dari kebun sekolah mereka.",
        "Kebun itu dibuat agar anak-anak belajar menanam sendiri di rumah.",
    ]
    assert not any("Lomba Masak" in p for p in paragraphs)
    assert root.find(".//a").text.startswith("Lomba Masak")  # the link is left where it was


def test_loose_text_is_left_alone_without_paragraph_siblings() -> None:
    root = _tree(
        "<html><body><div>Satu kalimat lepas yang cukup panjang untuk dibaca di sini.<p>Satu.</p></div></body></html>"
    )
    assert not repair_markup(root)
    assert [p.text_content() for p in root.iter("p")] == ["Satu."]


def test_space_between_inline_elements_stays_a_space() -> None:
    root = _tree("<html><body><p>kalau lama <em>enggak</em> <em>ngobrol</em> misalnya</p></body></html>")
    assert repair_markup(root)
    assert root.find(".//em").text == "enggak "
    assert root.find(".//p").text_content() == "kalau lama enggak ngobrol misalnya"
    broken = _tree("<html><body><p><strong>Wajib</strong>\n  <a href='#'>tutup</a></p></body></html>")
    assert not repair_markup(broken)  # a line break between them is left to trafilatura


def test_rubric_label_goes_only_above_the_article() -> None:
    second = "Kedua pemimpin membahas perdagangan energi dan pembayaran dalam mata uang lokal."
    lines = ["TRAVEL NEWS", PROSE, "Persaingan", second]
    assert clean_lines(lines, link_lines=frozenset()) == [PROSE, "Persaingan", second]
    # A long line in a script without spaces is one "word" but not a label.
    japanese = "パソコンでそのまま読みたい時もありますがデスクトップアプリが用意されています"
    assert clean_lines([japanese, PROSE], link_lines=frozenset()) == [japanese, PROSE]
    assert clean_lines(["BAAR, SWITZERLAND", PROSE], link_lines=frozenset())[0] == "BAAR, SWITZERLAND"


def test_two_entry_list_of_headline_links_is_a_link_list_but_two_sentences_are_not() -> None:
    lists = find_link_lists(parse_page(
        "<html><body><p>" + PROSE + "</p><ul>"
        "<li><span>Kamis, 11/07/2024 07:10 WIB</span><h5><a href='/1'>Petani Kopi Panen Raya Lebih Awal</a></h5></li>"
        "<li><span>Kamis, 11/07/2024 06:45 WIB</span><h5><a href='/2'>Bandara Tambah Rute Perintis</a></h5></li>"
        "</ul><ul><li>Tiang dermaga diganti dengan beton, seperti dijelaskan"
        " <a href='/t'>laporan teknis dinas</a> kemarin.</li>"
        "<li>Jalan setapak diperlebar menurut <a href='/r'>rencana tata kota yang baru</a> tahun ini.</li>"
        "</ul></body></html>"
    ))
    assert "petani kopi panen raya lebih awal" in lists.texts
    assert not any("tiang dermaga" in t or "jalan setapak" in t for t in lists.texts)


def test_teaser_card_is_found_but_the_article_header_is_not() -> None:
    lists = find_link_lists(parse_page(
        "<html><body><div class='card'><h5>Headline</h5><div><a href='/p'>Pasar Apung Kembali Ramai</a></div>"
        "<p>Sebanyak 70% pedagang kembali berjualan.</p></div>"
        "<div class='header'><h1><a href='/ini'>Jembatan Gantung Baru di Lembah Baliem</a></h1>"
        "<p>Warga dua desa kini menyeberang tanpa rakit.</p></div></body></html>"
    ))
    assert "sebanyak 70% pedagang kembali berjualan" in lists.texts
    assert not any("warga dua desa" in t for t in lists.texts)


def test_link_lists_are_searched_only_when_the_text_may_hold_an_entry() -> None:
    root = parse_page(page("daftar_lebih_panjang"))
    article = "Setiap kunjungan membawa sekitar tiga ratus buku cerita dan buku pelajaran."
    # A teaser whose headline link trafilatura dropped, or a headline itself, may be an entry.
    assert _may_hold_link_list(root, article + "\nPemerintah kota menyerahkan kunci kepada seratus dua puluh "
                                              "keluarga yang selama ini tinggal di tepi sungai.")
    assert _may_hold_link_list(root, article + "\nDua Kapal Nelayan Hilang Kontak di Laut Jawa")
    # The article's own paragraphs are in no block around a headline link.
    assert not _may_hold_link_list(root, article)
