"""The text cleaner, line by line: Indonesian lines that must go and lines that must stay."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.clean import LEXICON_DIR, clean_lines, clean_text, load_boilerplate, normalise

PROSE = "Presiden Rusia Vladimir Putin bertemu Presiden China Xi Jinping di Astana pada Rabu (3/7/2024)."
LATER = "Kedua pemimpin memuji kelompok tersebut sebagai kekuatan stabilitas global."

# Lines a page or scraper leaves behind. Each is checked alone between two article sentences.
MUST_GO = [
    "Baca Juga",
    "Baca juga:",
    "Baca Juga: Taiwan Klaim China Sita Kapal Nelayannya",
    "Baca Juga : Penampilan Beby Tsabina Bak Ibu Pejabat Dampingi Suami saat Pelantikan Anggota DPR RI",
    "Baca juga: Jokowi Resmikan Bendungan Baru di Jawa Tengah",
    "Advertisement",
    "ADVERTISEMENT",
    "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "sosmed-whatsapp-white",
    "copy-link-circle",
    "more-vertical",
    "comment",
    "1",
    "zoom-in-whitePerbesar",
    "Perbesar",
    "waktu baca 3 menit",
    "5 menit baca",
    "·",
    "Â",
    "• Ernia Karina",
    "Vladimir Putin dan Xi Jinping. Foto: REUTERS/Wu Hong/Pool",
    "Presiden Rusia Vladimir Putin menggelar pertemuan virtual dengan Presiden China Xi Jinping di "
    "kediaman negara Novo-Ogaryovo di luar Moskow, Rusia. Foto: Mikhail METZEL / SPUTNIK / AFP",
    "Foto: dok. Istimewa",
    "Presiden Rusia, Vladimir Putin, tiba di Astana, Kazakhstan, untuk menghadiri KTT Organisasi "
    "Kerja Sama Shanghai (SCO) Rabu (3/7/2024). (twitter.com/mfa_russia)",
    "Menteri Luar Negeri Retno Marsudi di Jakarta. (ANTARA FOTO/Aditya Pradana Putra)",
    "30 Desember 2022 17:54 WIB",
    "Rabu, 3 Juli 2024 | 10:15 WIB",
    "03/07/2024, 10:15 WIB",
    "Self-proclaimed foreign policy enthusiast",
    'Simak Video "Putin dan Xi Bertemu di Astana"',
    "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di "
    "Kompas.com WhatsApp Channel",
    "[Gambas:Video CNN]",
    "Pilihan Editor: Putin Tiba di Pyongyang",
    "Pewarta: Yoanita Hastryka Djohan",
    "Editor: Ernia Karina",
    "COPYRIGHT © ANTARA 2024",
    "Ikuti berita terkini dari Antaranews di Google News",
    "Halaman selanjutnya",
    "Halaman 2 dari 3",
    "(rdp/imk)",
    "Tags: Xi Jinping, Rusia",
    "Bagikan ke WhatsApp",
    "Kami menggunakan cookie untuk meningkatkan pengalaman Anda. Dengan melanjutkan, Anda setuju "
    "dengan Kebijakan Privasi kami.",
    # "Baca juga"-style labels in any case, with or without a colon, and table-rendered.
    "BACA JUGA Harga Cabai Rawit Naik Jelang Lebaran",
    "baca juga Timnas Putri Lolos ke Final Piala Asia",
    "Simak Juga Video: Banjir Rob Rendam Pesisir Utara",
    "| Baca juga: Sekolah Terapung Diresmikan di Kapuas |",
    # Author boxes rendered as tables, bylines without a label word.
    "| Penulis | : Rahmi Lestari |",
    "| Redaktur | : | Dedi Saputra |",
    "Oleh: Rahmi Lestari",
    "Laporan Wartawan Warta Contoh, Dedi Saputra",
    # Photo credits.
    "(Foto: http://foto.contoh.example/kopi-gayo-123)",
    "Petani menjemur kopi di rumah pengering © Warta Contoh/Rahmi",
    # Footers glued to their menu, newsroom contacts, syndication notes.
    "Copyright © Warta Contoh, All Rights Reserved · Redaksi · Pedoman Media Siber · Karir",
    "Copyright @ 2026 Media Contoh - wartacontoh. All Rights Reserved",
    "Redaksi: redaksi[at]contoh.example",
    "Informasi pemasangan iklan",
    "Artikel ini telah tayang di Warta Contoh Aceh dan bisa dibaca selengkapnya di sini.",
    "Beranda · Ekonomi · Daerah · Olahraga · Hiburan",
    # Share labels and box labels.
    "Share on Facebook",
    "17Shares",
    "More Stories",
    "Load More...",
    "Simak Lifestyle Populer Lainnya",
    "BeritaTerbaru Index »",
    "FOTO TERKAIT:",
    "Headline",
]

# Lines that close the article: they go, and so does everything after them (bios, tag lists).
CUT_TAIL = [
    "Angga Kurnia Saputra Photo Verified Writer Angga Kurnia Saputra",
    "IDN Times Community adalah media yang menyediakan platform untuk menulis.",
    "Topik:",
    "Berita Terkini Lainnya",
]

# Article sentences that look a little like the above and must be kept.
MUST_STAY = [
    "Ia membaca juga laporan itu sebelum rapat dimulai.",
    "Baca juga laporan lengkapnya, kata Putin kepada para wartawan di Moskow.",
    "Foto itu diambil oleh wartawan Reuters saat kedua pemimpin berjabat tangan di Astana.",
    "Ia menunjukkan foto kedua pemimpin yang berjabat tangan di sela-sela pertemuan puncak.",
    "Iklan kampanye itu ditayangkan di televisi nasional selama tiga pekan berturut-turut.",
    "Faktor Penting Stabilisasi Dunia",
    "1. Rusia dan China terus hadapi tekanan Barat",
    "75 Tahun Hubungan Diplomatik China-Rusia",
    "Perdagangan China dan AS bernilai USD 664 miliar tahun lalu atau turun 11,6 persen dari tahun 2022.",
    "Editor senior kantor berita itu mengatakan laporan tersebut sudah diverifikasi.",
    "Putin, dikutip dari Reuters, menyebut komentar itu tidak berdasar.",
    '"Kami bertujuan untuk memperkuat kerja sama," terang Putin.',
    "Oleh karena itu",
    "Oleh karena itu, pemerintah menunda rencana tersebut hingga tahun depan.",
    "Baca juga laporan lengkap koperasi itu, kata dia, karena hasil panen tercatat rapi.",
    "| 2 | Kelompok Perahu Alalak Selatan | 88 poin |",
    "© 2019 Kantor Berita Contoh. All Rights Reserved. Materi ini tidak boleh disiarkan ulang.",
]


@pytest.mark.parametrize("line", MUST_GO)
def test_leftover_line_goes(line: str) -> None:
    assert clean_text(f"{PROSE}\n{line}\n{LATER}") == f"{PROSE}\n{LATER}"


@pytest.mark.parametrize("line", CUT_TAIL)
def test_closing_line_cuts_the_tail(line: str) -> None:
    assert clean_text(f"{PROSE}\n{line}\nSelf-proclaimed foreign policy enthusiast\n{LATER}") == PROSE


@pytest.mark.parametrize("line", MUST_STAY)
def test_article_line_stays(line: str) -> None:
    assert line in clean_text(f"{PROSE}\n{line}\n{LATER}").split("\n")


def test_mojibake_and_no_break_spaces_are_repaired() -> None:
    text = "Presiden China Xi Jinping\u00a0dan Presiden Rusia. â€œKamiâ€\x9d bersatu.\nÂ\n2. SCO\u00a0dipandang"
    assert normalise(text).split("\n") == [
        "Presiden China Xi Jinping dan Presiden Rusia. “Kami” bersatu.",
        "",
        "2. SCO dipandang",
    ]


def test_stray_a_circumflex_before_a_space_goes() -> None:
    assert normalise("Xi JinpingÂ dan Putin") == "Xi Jinping dan Putin"


def test_curly_quotes_are_kept_for_quote_extraction() -> None:
    assert normalise("“Kami siap,” kata Xi.") == "“Kami siap,” kata Xi."


def test_related_box_links_go_with_their_heading() -> None:
    lines = [PROSE, "Baca Juga", "- Rusia Klaim Kuasai Desa Baru", "- Sanksi Baru AS Sasar China", LATER]
    assert clean_lines(lines) == [PROSE, LATER]


def test_a_paragraph_after_baca_juga_is_kept() -> None:
    lines = [PROSE, "Baca Juga", "Koordinasi tersebut, kata Xi Jinping, harus menentang campur tangan eksternal."]
    assert clean_lines(lines)[-1].startswith("Koordinasi tersebut")


def test_repeated_paragraph_is_kept_once() -> None:
    assert clean_lines([PROSE, "Kalimat lain yang berbeda sama sekali dari yang pertama.", PROSE]) == [
        PROSE,
        "Kalimat lain yang berbeda sama sekali dari yang pertama.",
    ]


def test_repeated_lead_summary_goes() -> None:
    lead = "Xi Jinping menandai Imlek 2024 dengan mendorong penguatan kerja sama China-Rusia..."
    full = (
        "Liputan6.com, Beijing - Xi Jinping menandai Imlek 2024 dengan mendorong penguatan kerja sama "
        "China-Rusia. Hal itu disampaikan."
    )
    assert clean_lines([lead, full, PROSE]) == [full, PROSE]


def test_headline_repeated_or_glued_to_a_caption_goes() -> None:
    title = "Bertemu Xi, Putin Sebut Hubungan Rusia-China Ada dalam Kondisi Terbaik"
    lines = [title, PROSE, title + "ilustrasi bendera Rusia (kiri) dan bendera China (kanan)", LATER]
    assert clean_lines(lines, title=title) == [PROSE, LATER]


def test_author_box_cuts_the_tail_but_not_before_the_article() -> None:
    lines = [
        PROSE,
        "Angga Photo Verified Writer Angga",
        "Ia suka menulis tentang politik luar negeri.",
        "Berita Terkini Lainnya",
    ]
    assert clean_lines(lines) == [PROSE]


def test_header_before_the_dateline_goes() -> None:
    lines = ["Judul Berita Ini Panjang Sekali", "", "Subjudul singkat", "Jakarta, IDN Times - " + PROSE]
    assert clean_lines(lines, lead_index=3) == ["Jakarta, IDN Times - " + PROSE]


def test_every_lexicon_pattern_compiles_and_has_a_comment() -> None:
    lex = load_boilerplate()
    assert lex.drop_line and lex.cut_from and lex.related_head and lex.after_related
    text = (LEXICON_DIR / "boilerplate.yaml").read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(text):
        if re.match(r"\s+- '", line):
            previous = text[i - 1].strip()
            assert previous.startswith("#") or re.match(r"- '", previous), f"line {i + 1} has no comment: {line}"


# normalise skips ftfy for text made only of characters it never repairs: the shortcut must give
# what ftfy gives, on that alphabet and on mojibake just outside it.
def _plain() -> str:
    from transforms.text import _NOTHING_TO_FIX

    return "".join(c for c in map(chr, range(0x3000)) if _NOTHING_TO_FIX.fullmatch(c))


# Short strings dense in the non-ASCII characters are where mojibake hides ('“†' is MacRoman's).
@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_plain(), max_size=40))
def test_text_ftfy_would_leave_alone_is_left_alone(text: str) -> None:
    import ftfy

    from transforms.text import _FTFY_CONFIG, _NOTHING_TO_FIX

    def lines(t: str) -> str:  # normalise turns "\r" into "\n" after ftfy, as ftfy does
        return t.replace("\r\n", "\n").replace("\r", "\n")

    assert _NOTHING_TO_FIX.fullmatch(text)
    assert lines(ftfy.fix_text(text, config=_FTFY_CONFIG)) == lines(text)


@pytest.mark.parametrize(("broken", "fixed"), [
    ("Menurut Xi, â€œkerja samaâ€\x9d tetap kuat.", "Menurut Xi, “kerja sama” tetap kuat."),
    ("Putin &amp; Xi bertemu.", "Putin & Xi bertemu."),
    ("ﬁnal di Ｍoskow", "final di Moskow"),
])
def test_text_with_something_to_repair_still_goes_through_ftfy(broken: str, fixed: str) -> None:
    assert normalise(broken) == fixed


@pytest.mark.parametrize("macroman", ["“†", "‡••", "‚††"])
def test_macroman_mojibake_is_not_taken_for_plain_text(macroman: str) -> None:
    import ftfy

    from transforms.text import _FTFY_CONFIG, _NOTHING_TO_FIX

    assert ftfy.fix_text(macroman, config=_FTFY_CONFIG) != macroman  # ftfy has something to repair
    assert not _NOTHING_TO_FIX.fullmatch(macroman)
