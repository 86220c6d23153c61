"""Events: type, date, participants, place, status, and merging of repeated mentions."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from transforms.events import extract, mentions

PUB = date(2024, 2, 9)


def one(text: str, published: date = PUB) -> tuple:
    (e,) = extract(text, published)
    return e.event_type, e.event_date, e.date_precision, e.participants, e.place, e.status, e.medium


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Xi Jinping melakukan percakapan telepon dengan Presiden Vladimir Putin pada Kamis (8/2/2024).", PUB,
         ("call", date(2024, 2, 8), "day", ["Xi Jinping", "Vladimir Putin"], None, "happened", "phone")),
        ("Putin berbicara dengan Xi dalam panggilan video pada Jumat (30/12).", date(2022, 12, 30),
         ("call", date(2022, 12, 30), "day", ["Vladimir Putin", "Xi Jinping"], None, "happened", "video")),
        ("Maret tahun 2023, Xi Jinping melakukan perjalanan luar negeri ke Moskow.", PUB,
         ("visit", date(2023, 3, 1), "month", ["Xi Jinping"], "Moskow", "happened", None)),
        ("Putin dan Xi sempat bertemu tatap muka di sela-sela KTT SCO di Uzbekistan pada September.",
         date(2022, 12, 30),
         ("meeting", date(2022, 9, 1), "month", ["Vladimir Putin", "Xi Jinping"], "Uzbekistan", "happened", None)),
        ("Xi Jinping dijadwalkan menghadiri pertemuan negara-negara BRICS di kota Kazan, Rusia, bulan ini.",
         date(2024, 10, 2),
         ("summit", date(2024, 10, 1), "month", ["Xi Jinping"], "Kazan", "planned", None)),
        ("Putin berharap Xi dapat melakukan kunjungan kenegaraan ke Rusia pada musim semi 2023.", date(2022, 12, 30),
         ("visit", date(2023, 1, 1), "year", ["Xi Jinping"], "Rusia", "planned", None)),
        ("China dan Rusia mendeklarasikan kemitraan tanpa batas pada Februari 2022.", date(2024, 7, 3),
         ("declaration", date(2022, 2, 1), "month", ["China", "Rusia"], None, "happened", None)),
        ("Prabowo dijadwalkan terbang ke Moskow pada Juni.", date(2025, 4, 10),
         ("visit", date(2025, 6, 1), "month", ["Prabowo Subianto"], "Moskow", "planned", None)),
    ],
)
def test_events(text: str, published: date, expected: tuple) -> None:
    assert one(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        # An arrival is someone's trip only when a person (or a title) arrives.
        "Kedatangan wisatawan China ke Bali meningkat pada Juli 2024.",
        "Xi Jinping menyambut kedatangan musim semi dengan pidato pada Senin (1/7/2024).",
        # A body said to take place on no day is a habit, not a summit.
        "KTT ASEAN digelar setiap tahun oleh negara ketua.",
        "Pertemuan itu menjadi yang kedua dalam waktu kurang dari dua bulan.",  # points back
        "Xi diperkirakan akan bertemu dengan Putin secara langsung.",  # no date: a retelling
        "Hamas menyerang Israel pada 7 Oktober.",  # no trigger
        "Baik China maupun Rusia meningkatkan koordinasi di berbagai forum pada 2023.",
        # Nobody takes part: a summit of an unnamed group is no event row.
        "Pada pertemuan puncak tahun lalu, kelompok tersebut mengkritik ekspansi aliansi itu.",
        "Pertemuan tahunan itu digelar di Bali pada 12 Maret 2024.",
    ],
)
def test_no_event(text: str) -> None:
    assert extract(text, PUB) == []


def test_a_date_tied_to_something_else_is_not_the_events() -> None:
    text = "Perbincangan via telepon Xi Jinping dan Putin berlangsung jelang Imlek yang jatuh pada Sabtu (10/2)."
    (m,) = mentions(text, PUB)
    assert m.event_date is None


def test_repeated_mentions_merge_into_one_event() -> None:
    body = ("Xi melakukan percakapan telepon dengan Putin pada Kamis (8/2/2024).\n"
            "Perbincangan via telepon Xi Jinping dan Putin berlangsung jelang Imlek yang jatuh pada Sabtu (10/2).\n"
            "Percakapan telepon antara Xi Jinping dan Putin terjadi saat kedua negara merayakan 75 tahun "
            "hubungan diplomatik pada tahun ini.")
    events = extract(body, PUB)
    assert [(e.event_type, e.event_date, e.date_precision) for e in events] == [("call", date(2024, 2, 8), "day")]
    assert events[0].mentions == 3


def test_quoted_speech_is_not_read_for_events() -> None:
    body = '"Kami mengharapkan Anda pada musim semi mendatang dalam kunjungan kenegaraan ke Moskow," lanjut Putin.'
    assert extract(body, date(2022, 12, 30), quoted=[(0, body.index(",\"") + 2)]) == []


def test_a_plan_quoted_from_a_statement_about_others_is_an_event() -> None:
    from transforms.facts import article_facts

    statement = ('Kantor perdana menteri merilis pernyataan resmi. "Pada tanggal 12 Juni, PM Shigeru Ishiba akan '
                 'mengadakan pembicaraan dengan PM Anwar Ibrahim di Tokyo," tulis pernyataan itu.')
    got = [(e["event_type"], e["event_date"], e["participants"], e["status"])
           for e in article_facts("a", statement, date(2025, 6, 10))["events"]]
    assert got == [("meeting", date(2025, 6, 12), ["Shigeru Ishiba", "Anwar Ibrahim"], "planned")]
    # The speaker's own intention (first or second person) is not a plan announced.
    intention = ('PM Anwar Ibrahim berbicara kepada wartawan. "Kami akan mengadakan pembicaraan dengan PM Shigeru '
                 'Ishiba pada tanggal 12 Juni," kata Anwar.')
    assert article_facts("a", intention, date(2025, 6, 10))["events"] == []


def test_events_frame_from_facts() -> None:
    from transforms.facts import facts
    from warehouse.events import EVENTS

    arts = pl.DataFrame(
        {"article_id": ["a1"], "body_text": ["Putin dan Xi bertemu di Astana pada Rabu (3/7/2024)."],
         "published_at": [date(2024, 7, 3)]},
    )
    got = facts(arts)["events"].select("event_date", "date_precision", "event_type", "participants", "place")
    want = pl.DataFrame(
        {"event_date": [date(2024, 7, 3)], "date_precision": ["day"], "event_type": ["meeting"],
         "participants": [["Vladimir Putin", "Xi Jinping"]], "place": ["Astana"]},
        schema={k: EVENTS.polars_schema()[k] for k in ("event_date", "date_precision", "event_type",
                                                       "participants", "place")},
    )
    assert_frame_equal(got, want)


def _rows(text: str, published: date) -> list[tuple]:
    return [(e.event_type, e.event_date, sorted(e.participants), e.place) for e in extract(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Two events in one sentence, each with its own date.
        ("Presiden China Xi Jinping dan Presiden Amerika Serikat Joe Biden berbicara melalui sambungan telepon "
         "pada Selasa (2/4/2024), percakapan pertama kedua pemimpin sejak pertemuan mereka di San Francisco "
         "pada November tahun lalu.", date(2024, 4, 3),
         [("call", date(2024, 4, 2), ["Joe Biden", "Xi Jinping"], None),
          ("meeting", date(2023, 11, 1), ["Joe Biden", "Xi Jinping"], "San Francisco")]),
        # An undated sentence that continues the one before takes its date; `kedua pemimpin`
        # are the article's two leaders. The visit is the visitor's: the host welcomes him.
        ("Putin tiba di Beijing pada Kamis (16/5) dan disambut Presiden China Xi Jinping. Kedua pemimpin "
         "kemudian menggelar pembicaraan tertutup di Aula Besar Rakyat.", date(2024, 5, 18),
         [("visit", date(2024, 5, 16), ["Vladimir Putin"], "Beijing"),
          ("meeting", date(2024, 5, 16), ["Vladimir Putin", "Xi Jinping"], "Aula Besar Rakyat")]),
        # People known only by their titles take part.
        ("Duta Besar Rusia untuk Indonesia Sergei Tolchenov bertemu Menteri Perdagangan Budi Santoso di Jakarta, "
         "Selasa (12/11/2024).", date(2024, 11, 13),
         [("meeting", date(2024, 11, 12), ["Budi Santoso", "Sergei Tolchenov"], "Jakarta")]),
        # The place comes from the event's own clause.
        ("Pada pertemuan puncak G7 tahun lalu, kelompok tersebut mengkritik bantuan militer Barat ke Kiev.",
         date(2024, 7, 3), [("summit", date(2023, 1, 1), ["G7"], None)]),
        # A summit's body takes part in it.
        ("Para pemimpin G7 sebelumnya sepakat dalam KTT di Apulia, Italia, pada 13-15 Juni.", date(2024, 6, 17),
         [("summit", date(2024, 6, 13), ["G7"], "Apulia")]),
    ],
)
def test_events_general_rules(text: str, published: date, expected: list[tuple]) -> None:
    assert _rows(text, published) == expected


# Patterns met in real articles (issue 9), each in a sentence of our own.
REAL_ARTICLE_PATTERNS = [
        # A minister's sideline meetings listed one by one are one meeting each, dated by the
        # summit told just before; `Dia` is the minister.
        ("Menlu Rusia Sergei Lavrov menghadiri KTT G20 di Bali pada Selasa (15/11/2022). Dia juga mengadakan "
         "sejumlah pertemuan bilateral, antara lain dengan Menlu China Wang Yi dan Sekjen PBB Antonio Guterres.",
         None,
         [("summit", date(2022, 11, 15), ["Sergey Lavrov"], "Bali"),
          ("meeting", date(2022, 11, 15), ["Antonio Guterres", "Sergey Lavrov"], None),
          ("meeting", date(2022, 11, 15), ["Sergey Lavrov", "Wang Yi"], None)]),
        # Two hosts of one country met in turn: two meetings.
        ("PM Rusia Mikhail Mishustin tiba di Beijing pada Senin (22/5/2023). Selanjutnya ia akan mengadakan "
         "pembicaraan dengan Presiden China Xi Jinping dan Perdana Menteri Li Qiang.", date(2023, 5, 23),
         [("visit", date(2023, 5, 22), ["Mikhail Mishustin"], "Beijing"),
          ("meeting", date(2023, 5, 22), ["Li Qiang", "Mikhail Mishustin"], None),
          ("meeting", date(2023, 5, 22), ["Mikhail Mishustin", "Xi Jinping"], None)]),
        # A tour's hosts listed one by one after `para pemimpin di ... negara`: one meeting each.
        ("Dalam rangkaian perjalanannya itu, Jokowi bertemu dengan para pemimpin di tiga negara, yaitu "
         "Presiden China Xi Jinping, Presiden Rusia Vladimir Putin, dan Presiden Prancis Emmanuel Macron.",
         date(2022, 7, 4),
         [("meeting", date(2022, 7, 4), ["Emmanuel Macron", "Joko Widodo"], None),
          ("meeting", date(2022, 7, 4), ["Joko Widodo", "Vladimir Putin"], None),
          ("meeting", date(2022, 7, 4), ["Joko Widodo", "Xi Jinping"], None)]),
        # Two ministers of one host met without `dengan`, one named by a bare foreign title
        # (`Menkeu Turki`, not Indonesia's Menkeu): two meetings.
        ("Di Ankara, Prabowo menemui Menteri Luar Negeri Turki Hakan Fidan dan Menkeu Turki Budi Karya "
         "pada Senin (29/7/2024).", date(2024, 7, 29),
         # The city opening the sentence (`Di Ankara, ...`) is where both happened.
         [("meeting", date(2024, 7, 29), ["Budi Karya", "Prabowo Subianto"], "Ankara"),
          ("meeting", date(2024, 7, 29), ["Hakan Fidan", "Prabowo Subianto"], "Ankara")]),
        # `setelah pertemuan (pribadi) mereka`: their own meeting is told, not only used as a moment.
        ("Hubungan Presiden Macron dan Presiden Jokowi makin erat setelah pertemuan pribadi mereka di Paris "
         "pada Rabu (21/6/2023).", date(2023, 6, 22),
         [("meeting", date(2023, 6, 21), ["Emmanuel Macron", "Joko Widodo"], "Paris")]),
        # `setelah sebelumnya bertemu dengan A pada Senin, dan B pada Selasa`: the subject is the
        # sentence's, each counterpart has its own day (the undated first meeting names no day).
        ("Jokowi bertemu dengan Presiden Xi Jinping di Beijing setelah sebelumnya bertemu dengan Menteri Luar "
         "Negeri China, Wang Yi, pada Senin (25/7), dan Perdana Menteri China, Li Keqiang, pada Selasa (26/7).",
         date(2022, 7, 27),
         [("meeting", date(2022, 7, 25), ["Joko Widodo", "Wang Yi"], None),
          ("meeting", date(2022, 7, 26), ["Joko Widodo", "Li Keqiang"], None)]),
        # A courtesy call (`bersilaturahmi dengan`) is a meeting with the one called on.
        ("Presiden Jokowi bersilaturahmi dengan PM Malaysia Anwar Ibrahim di Putrajaya pada Sabtu (6/5/2023).",
         date(2023, 5, 7), [("meeting", date(2023, 5, 6), ["Anwar Ibrahim", "Joko Widodo"], "Putrajaya")]),
        # A "summit" of two states' people, with no KTT, forum or multilateral body named, is their meeting.
        ("Menlu Sugiono dan Menhan Sjafrie Sjamsoeddin menghadiri pertemuan 2+2 dengan Menlu China Wang Yi dan "
         "Menhan China Dong Jun di Beijing, Senin (21/4/2025).", date(2025, 4, 22),
         [("meeting", date(2025, 4, 21), ["Dong Jun", "Sjafrie Sjamsoeddin", "Sugiono", "Wang Yi"], "Beijing")]),
        ("Presiden Xi Jinping dan Presiden Vladimir Putin menggelar pertemuan puncak di Beijing "
         "pada Kamis (16/5/2024).",
         date(2024, 5, 16), [("meeting", date(2024, 5, 16), ["Vladimir Putin", "Xi Jinping"], "Beijing")]),
        ("Presiden Xi Jinping dan Presiden Vladimir Putin menghadiri KTT di Astana pada Rabu (3/7/2024).",
         date(2024, 7, 4), [("summit", date(2024, 7, 3), ["Vladimir Putin", "Xi Jinping"], "Astana")]),
        # So is a `kunjungan kehormatan kepada` someone: a meeting with them, no trip.
        ("Menhan Prabowo Subianto melakukan kunjungan kehormatan kepada Presiden Xi Jinping di Beijing, "
         "Senin (1/4/2024).", date(2024, 4, 2),
         [("meeting", date(2024, 4, 1), ["Prabowo Subianto", "Xi Jinping"], "Beijing")]),
        # A trip and what it was for are two events; the trip is the traveller's.
        ("Menlu China Wang Yi tiba di Moskow pada Senin (1/4/2024) untuk bertemu Menlu Rusia Sergei Lavrov.",
         date(2024, 4, 2),
         [("meeting", date(2024, 4, 1), ["Sergey Lavrov", "Wang Yi"], "Moskow"),
          ("visit", date(2024, 4, 1), ["Wang Yi"], "Moskow")]),
        # A plan on a weekday is the coming such day.
        ("Presiden Zelensky akan bertemu utusan khusus China Li Hui pada Selasa di Kyiv.", date(2023, 5, 15),
         [("meeting", date(2023, 5, 16), ["Li Hui", "Volodymyr Zelensky"], "Kiev")]),
        # Who reports a meeting does not take part in it.
        ("Lavrov bertemu Presiden Xi Jinping, menurut juru bicara Kementerian Luar Negeri Rusia pada Selasa.",
         date(2025, 7, 15), [("meeting", date(2025, 7, 15), ["Sergey Lavrov", "Xi Jinping"], None)]),
        # A date after `sejak` belongs to what follows it, not to the trip.
        ("Utusan itu, Li Hui, adalah pejabat senior pertama yang mengunjungi Kyiv sejak perang pecah pada "
         "Februari 2022.", date(2023, 5, 15), []),
        # Unnamed sides take part as written.
        ("Delegasi Rusia dan delegasi Ukraina bertemu di Istanbul pada Selasa (29/3/2022).", date(2022, 3, 29),
         [("meeting", date(2022, 3, 29), ["delegasi Rusia", "delegasi Ukraina"], "Istanbul")]),
        # A capital alone is a place, not a participant; the host country of a place neither.
        ("Pertemuan tingkat menteri G20 digelar di New Delhi pada Kamis (2/3/2023).", date(2023, 3, 2),
         [("summit", date(2023, 3, 2), ["G20"], "New Delhi")]),
        # A forum speech and a greeting are `other`; `seusai pertemuan` retells.
        ("Mishustin berbicara dalam sesi pleno forum bisnis di Shanghai pada Selasa (23/5/2023). Seusai pertemuan, "
         "Mishustin menemui wartawan.", date(2023, 5, 24),
         [("other", date(2023, 5, 23), ["Mikhail Mishustin"], "Shanghai")]),
]


def test_an_undated_article_reads_its_latest_full_date() -> None:
    body = ("Menlu Rusia tiba di Beijing pada Senin (8/4) untuk kunjungan dua hari. "
            "Media China melaporkan kunjungan itu pada Selasa (9/4/2024).")
    (e,) = [e for e in extract(body, None) if e.event_type == "visit"]
    assert (e.event_date, e.date_precision) == (date(2024, 4, 8), "day")


def test_an_undated_article_reads_the_day_in_its_url() -> None:
    (e,) = extract("Putin bertemu Xi Jinping di Beijing pada Kamis (16/5).", None,
                   url="https://berita.example/read/2024/05/18/123/putin-xi")
    assert e.event_date == date(2024, 5, 16)


MORE_REAL_ARTICLE_PATTERNS = [
        # A meeting on the sidelines of a gathering is the meeting, not the gathering.
        ("Pertemuan kedua menteri berlangsung di sela-sela Pertemuan Menteri Luar Negeri G20 di New Delhi, "
         "Kamis (2/3/2023). Pada kesempatan itu Lavrov bertemu dengan Menlu China Qin Gang.", date(2023, 3, 3),
         [("meeting", date(2023, 3, 2), ["Qin Gang", "Sergey Lavrov"], "New Delhi")]),
        # The spokesperson who tells of a visit is not on it.
        ("Juru bicara Kemlu China Wang Wenbin mengungkapkan harapan bahwa kunjungan Mishustin ke Beijing pada "
         "Rabu (24/5/2023) akan mempererat hubungan.", date(2023, 5, 23),
         [("visit", date(2023, 5, 24), ["Mikhail Mishustin"], "Beijing")]),
        # A trip going on as the article is written takes its month.
        ("Lavrov sedang mengunjungi China untuk menghadiri pertemuan para menteri luar negeri SCO.",
         date(2025, 7, 15),
         [("summit", date(2025, 7, 1), ["Sergey Lavrov"], "China"),
          ("visit", date(2025, 7, 1), ["Sergey Lavrov"], "China")]),
        # A planned day later in the year stays in the publication year.
        ("Putin akan menghadiri upacara di Beijing dan bertemu Xi Jinping pada 3 September.", date(2025, 7, 15),
         [("meeting", date(2025, 9, 3), ["Vladimir Putin", "Xi Jinping"], "Beijing")]),
]


LEAD_AND_TIME_OF_DAY_DATES = [
        # The lead names the happening; the day comes with the source in the next paragraph.
        ("Menlu RI Retno Marsudi berbicara lewat telepon dengan Menlu AS Antony Blinken.\n\n"
         "Kabar itu dibagikan lewat akun resmi kementerian, Selasa (5/3/2024).", date(2024, 3, 6),
         [("call", date(2024, 3, 5), ["Antony Blinken", "Retno Marsudi"], None)]),
        # A day that already dates another happening is not the lead's.
        ("Selama lawatannya ke Kairo, Menlu China Wang Yi bertemu Menlu Rusia Sergei Lavrov.\n\n"
         "Keduanya juga hadir dalam KTT G20 di Bali pada Rabu (16/11/2022).", date(2022, 11, 17),
         [("summit", date(2022, 11, 16), ["Sergey Lavrov", "Wang Yi"], "Bali")]),
        # A plan's date follows its word; the date before it is the announcement's.
        ("Menurut rilis Kemlu RI pada Senin, 4 Maret 2024, lawatan Presiden Joko Widodo ke Hanoi akan "
         "berlangsung pada 10-12 Maret 2024.", date(2024, 3, 4),
         [("visit", date(2024, 3, 10), ["Joko Widodo"], "Hanoi")]),
        # Who passes the statement on is not at the summit for it.
        ("Keterangan itu disampaikan oleh Menlu Retno Marsudi di sela-sela KTT ASEAN di Jakarta pada Selasa "
         "(5/9/2023).", date(2023, 9, 5), [("summit", date(2023, 9, 5), ["ASEAN"], "Jakarta")]),
        # A title with a demonstrative stands for the person named before.
        ("Presiden Prabowo Subianto tiba di London pada Rabu (20/11/2024).\n\nSebelumnya, mantan Menteri "
         "Pertahanan ini melawat ke Lima pada Kamis (14/11/2024).", date(2024, 11, 21),
         [("visit", date(2024, 11, 14), ["Prabowo Subianto"], "Lima"),
          ("visit", date(2024, 11, 20), ["Prabowo Subianto"], "London")]),
        # `menemui` a named leader is a meeting (`menemui wartawan` is not: see above).
        ("Presiden Prabowo Subianto menemui PM Malaysia Anwar Ibrahim di Putrajaya pada Senin (27/1/2025).",
         date(2025, 1, 28), [("meeting", date(2025, 1, 27), ["Anwar Ibrahim", "Prabowo Subianto"], "Putrajaya")]),
        # A lead that writes no day at all reports what happened on the publication day.
        ("Presiden Prabowo Subianto bertolak ke Canberra untuk bertemu Perdana Menteri Anthony Albanese.\n\n"
         "Kunjungan ini yang pertama sejak pelantikannya.", date(2025, 5, 15),
         [("meeting", date(2025, 5, 15), ["Anthony Albanese", "Prabowo Subianto"], "Canberra"),
          ("visit", date(2025, 5, 15), ["Prabowo Subianto"], "Canberra")]),
        # A day before `mengatakan,` dates the statement, not the meeting it tells of (a dated call
        # told after `mengatakan kepada` keeps its day: see the seeds).
        ("Presiden Anwar Ibrahim sudah tiba di Seoul pada Senin (2/6/2025).\n\nMenlu Korea Selatan Cho Tae-yul "
         "pada Selasa (3/6/2025) menyatakan, kedua pemimpin mungkin akan bertemu lagi.", date(2025, 6, 3),
         [("visit", date(2025, 6, 2), ["Anwar Ibrahim"], "Seoul")]),
        # Two happenings in one sentence, each with its own date right after its word; the
        # pronoun that mentions them is their participant when the sentence names nobody else.
        ("Presiden Anwar Ibrahim tiba di Beijing pada Senin (2/6/2025).\n\nIa lalu mengenang lawatan ke Tokyo "
         "pada Maret 2024 dan pertemuan di luar KTT APEC di Lima pada November 2024.", date(2025, 6, 3),
         [("meeting", date(2024, 11, 1), ["Anwar Ibrahim"], "Lima"),
          ("visit", date(2024, 3, 1), ["Anwar Ibrahim"], "Tokyo"),
          ("visit", date(2025, 6, 2), ["Anwar Ibrahim"], "Beijing")]),
        # `tautan video` is a call; the ordinal meetings that follow a count take its people.
        ("PM Anwar Ibrahim akan berbicara dengan Presiden Joko Widodo melalui tautan video pada Kamis (5/6/2025).",
         date(2025, 6, 4), [("call", date(2025, 6, 5), ["Anwar Ibrahim", "Joko Widodo"], None)]),
        ("Tahun ini Anwar Ibrahim dan Joko Widodo sudah dua kali melakukan pertemuan. Pertemuan pertama "
         "berlangsung di Bogor pada 3 Februari. Pertemuan kedua digelar di Penang pada 9 Mei.", date(2025, 6, 4),
         [("meeting", date(2025, 2, 3), ["Anwar Ibrahim", "Joko Widodo"], "Bogor"),
          ("meeting", date(2025, 5, 9), ["Anwar Ibrahim", "Joko Widodo"], "Penang")]),
        # `pertemuan antara ...`: the sides are those named after it, not who hears of it.
        ("Anwar Ibrahim menjelaskan kepada Joko Widodo hasil pertemuan antara pejabat tinggi Malaysia dan "
         "Thailand di Bangkok pada 2 Juni.", date(2025, 6, 4),
         [("meeting", date(2025, 6, 2), ["pejabat tinggi Malaysia", "pejabat tinggi Thailand"], "Bangkok")]),
        # `kunjungannya` is a trip; talks in the same city, told after it, took place during it.
        ("Dalam kunjungannya ke Kyiv, 12 Mei 2025, PM Anwar Ibrahim menyerukan gencatan senjata.\n\n"
         "Pembicaraan dengan Presiden Volodymyr Zelensky digelar di Kyiv.", date(2025, 5, 13),
         [("meeting", date(2025, 5, 12), ["Volodymyr Zelensky"], "Kiev"),
          ("visit", date(2025, 5, 12), ["Anwar Ibrahim"], "Kiev")]),
        # A trip for a meeting and a summit is three events; the summit told again by its body
        # alone (`Pertemuan ASEAN tahun ini`) is the same summit.
        ("PM Anwar Ibrahim pada Senin (6/10/2025) tiba di Jakarta untuk bertemu Presiden Joko Widodo serta "
         "menghadiri pertemuan para pemimpin ASEAN. Pertemuan ASEAN tahun ini mengangkat tema inklusi.",
         date(2025, 10, 7),
         [("meeting", date(2025, 10, 6), ["Anwar Ibrahim", "Joko Widodo"], "Jakarta"),
          ("summit", date(2025, 10, 6), ["Anwar Ibrahim"], "Jakarta"),
          ("visit", date(2025, 10, 6), ["Anwar Ibrahim"], "Jakarta")]),
        # `KTT antara` two leaders is their meeting, told again.
        ("Presiden Joko Widodo bertemu PM Anwar Ibrahim di Bogor pada Senin (9/6/2025). KTT antara Joko Widodo "
         "dan Anwar Ibrahim itu membahas perbatasan.", date(2025, 6, 10),
         [("meeting", date(2025, 6, 9), ["Anwar Ibrahim", "Joko Widodo"], "Bogor")]),
        # A one-sentence lead dates the undated call told in the paragraph after it.
        ("Presiden Joko Widodo mengatakan pada Kamis bahwa ia mengundang PM Anwar Ibrahim ke Jakarta.\n\n"
         "Hal itu ia sampaikan kepada Anwar Ibrahim selama panggilan video.", date(2025, 6, 12),
         [("call", date(2025, 6, 12), ["Anwar Ibrahim"], None)]),
        # Who reports (`mengungkapkan,`) and who was met before (`usai pertemuan dengan X,`) take no
        # part in the planned meeting; the lead's day, once given, dates it.
        ("Menlu Sugiono bertemu PM Anwar Ibrahim di Istana Merdeka.\n\nMenlu Sugiono mengungkapkan, usai "
         "pertemuan dengan Presiden Joko Widodo, Anwar Ibrahim akan bertemu Menteri Pertahanan Prabowo "
         "Subianto.", date(2024, 8, 7),
         [("meeting", date(2024, 8, 7), ["Anwar Ibrahim", "Prabowo Subianto"], None),
          ("meeting", date(2024, 8, 7), ["Anwar Ibrahim", "Sugiono"], "Istana Merdeka")]),
        # `kata X,` in the middle of a sentence is who tells it; a sentence that leaves the meeting
        # open (`tidak diketahui apakah`) tells none.
        ("Anwar Ibrahim tiba di Jakarta pada Senin (5/8/2024). Selain itu, kata Sugiono, kunjungan Anwar "
         "Ibrahim ke Jakarta itu membahas perdagangan. Belum diketahui apakah ia akan bertemu Prabowo "
         "Subianto.", date(2024, 8, 6),
         [("visit", date(2024, 8, 5), ["Anwar Ibrahim"], "Jakarta")]),
        # The state that hosts a meeting `antara` two others is not one of its sides.
        ("Pada awal bulan ini, Qatar telah memimpin pertemuan antara para menteri dari kedua negara.",
         date(2025, 6, 20), []),
        # `sejak` right before a day is when the trip began (a `sejak` before an event noun detaches).
        ("Perdana Menteri Anwar Ibrahim berada di Tokyo sejak 3 Juni untuk kunjungan kerja.", date(2025, 6, 5),
         [("visit", date(2025, 6, 3), ["Anwar Ibrahim"], "Tokyo")]),
        # `pagi ini` is the publication day.
        ("Menlu Retno Marsudi bertemu Menlu China Wang Yi pagi ini di Jakarta.", date(2024, 4, 18),
         [("meeting", date(2024, 4, 18), ["Retno Marsudi", "Wang Yi"], "Jakarta")]),
]


# Issue 9, blind-measurement misses: each pattern in sentences of our own, positive and negative.
BLIND_MEASUREMENT_PATTERNS = [
        # Two events in one sentence, each with its own subject after a clause break: neither
        # takes the other's people.
        ("Presiden Joko Widodo bertemu PM Anwar Ibrahim di Bogor pada Senin (9/6/2025), sementara Menlu Sugiono "
         "bertemu Menlu China Wang Yi pada Selasa (10/6/2025).", date(2025, 6, 11),
         [("meeting", date(2025, 6, 9), ["Anwar Ibrahim", "Joko Widodo"], "Bogor"),
          ("meeting", date(2025, 6, 10), ["Sugiono", "Wang Yi"], None)]),
        ("Prabowo Subianto menelepon Presiden Vladimir Putin pada Rabu (4/6/2025) dan Menlu Sugiono bertemu "
         "Sergei Lavrov di Moskow pada Kamis (5/6/2025).", date(2025, 6, 6),
         [("call", date(2025, 6, 4), ["Prabowo Subianto", "Vladimir Putin"], None),
          ("meeting", date(2025, 6, 5), ["Sergey Lavrov", "Sugiono"], "Moskow")]),
        # Without a subject of its own, the later event keeps the sentence's people.
        ("Putin dan Xi Jinping bertemu di Beijing pada Kamis (16/5/2024) dan menandatangani pernyataan bersama "
         "pada Jumat (17/5/2024).", date(2024, 5, 18),
         [("declaration", date(2024, 5, 17), ["Vladimir Putin", "Xi Jinping"], None),
          ("meeting", date(2024, 5, 16), ["Vladimir Putin", "Xi Jinping"], "Beijing")]),
        # A summit told by its body, its attendees named in a sentence pointing back at it: the
        # people take part, not the body.
        ("KTT SCO dibuka di Astana pada Rabu (3/7/2024). Presiden Xi Jinping dan Presiden Vladimir Putin "
         "menghadiri KTT tersebut.", date(2024, 7, 4),
         [("summit", date(2024, 7, 3), ["Vladimir Putin", "Xi Jinping"], "Astana")]),
        ("KTT SCO dibuka di Astana pada Rabu (3/7/2024). Pertemuan puncak itu dihadiri PM Narendra Modi.",
         date(2024, 7, 4), [("summit", date(2024, 7, 3), ["Narendra Modi"], "Astana")]),
        # Nobody named: the body stands for its people.
        ("KTT SCO dibuka di Astana pada Rabu (3/7/2024). KTT tersebut membahas keamanan kawasan.",
         date(2024, 7, 4), [("summit", date(2024, 7, 3), ["SCO"], "Astana")]),
        # One role before a list of states is each state's.
        ("Para pemimpin Jepang, Korea Selatan dan China menggelar pertemuan trilateral di Tokyo pada Minggu "
         "(26/5/2024).", date(2024, 5, 27),
         [("meeting", date(2024, 5, 26), ["pemimpin China", "pemimpin Jepang", "pemimpin Korea Selatan"], "Tokyo")]),
        # `sejak 2019` dates what it follows, not the visit told around it.
        ("Kunjungan kenegaraan Presiden Xi Jinping ke Rusia itu adalah yang pertama sejak 2019.", date(2023, 3, 21),
         []),
        # A weekday alone after the place dates the meeting (published on a Friday).
        ("Menlu Sugiono bertemu Menlu Rusia Sergei Lavrov di Moskow, Rabu.", date(2025, 6, 6),
         [("meeting", date(2025, 6, 4), ["Sergey Lavrov", "Sugiono"], "Moskow")]),
        ("Menlu Sugiono bertemu Menlu Rusia Sergei Lavrov di Moskow pada Selasa pekan lalu.", date(2025, 6, 6),
         [("meeting", date(2025, 5, 27), ["Sergey Lavrov", "Sugiono"], "Moskow")]),
]


# Real-article patterns of the train sets (T1, T2), in sentences of our own.
TRAIN_SET_PATTERNS = [
        # A lead that only announces a plan: the first paragraph telling what happened is the lead,
        # dated by the first day the article writes.
        ("Presiden Joko Widodo berjanji akan mengunjungi Malaysia.\n\nJanji itu ia sampaikan di Bogor, Senin "
         "kemarin.\n\nAnwar Ibrahim melanjutkan lawatannya ke Bogor untuk bertemu Joko Widodo.", date(2025, 6, 10),
         [("meeting", date(2025, 6, 9), ["Anwar Ibrahim", "Joko Widodo"], "Bogor"),
          ("visit", date(2025, 6, 9), ["Anwar Ibrahim"], "Bogor")]),
        # A day in a plan's sentence is the plan's, not the lead's: the lead tells the day's news.
        ("Presiden Prabowo Subianto kini dalam perjalanan ke Tokyo.\n\nJumat, ia akan bertemu PM Jepang "
         "Shigeru Ishiba.", date(2025, 6, 11),
         [("meeting", date(2025, 6, 13), ["Prabowo Subianto", "Shigeru Ishiba"], None),
          ("visit", date(2025, 6, 11), ["Prabowo Subianto"], "Tokyo")]),
        # A voice call is a call; departing for a city is a trip.
        ("Presiden Prabowo Subianto melakukan panggilan suara dengan Presiden Vladimir Putin pada Senin "
         "(9/6/2025).", date(2025, 6, 10),
         [("call", date(2025, 6, 9), ["Prabowo Subianto", "Vladimir Putin"], None)]),
        ("Presiden Prabowo Subianto berangkat ke Tokyo pada Senin (9/6/2025) malam.", date(2025, 6, 10),
         [("visit", date(2025, 6, 9), ["Prabowo Subianto"], "Tokyo")]),
        # `tiba di X yang rencananya akan ...`: the plan is the clause's, the arrival happened;
        # `Rombongan` stands for the leader named before it.
        ("Presiden Prabowo Subianto tiba di Istana Akasaka yang rencananya akan membahas energi.\n\n"
         "Rombongan tiba di Istana Akasaka di Tokyo pada Senin, 9 Juni, sore waktu setempat.", date(2025, 6, 10),
         [("visit", date(2025, 6, 9), ["Prabowo Subianto"], "Istana Akasaka")]),
        # After a noun, `yang akan` describes the event itself: a plan, dated forward.
        ("Pertemuan puncak yang akan digelar di Tokyo pada 20 Juni dihadiri Prabowo Subianto.", date(2025, 6, 10),
         [("summit", date(2025, 6, 20), ["Prabowo Subianto"], "Tokyo")]),
        # An event named only as the moment after which something was said, with its own day.
        ("Dalam jumpa pers seusai pertemuan bilateral di Istana Akasaka, Tokyo, Senin (9/6/2025), PM Shigeru "
         "Ishiba memuji Indonesia.", date(2025, 6, 10),
         [("meeting", date(2025, 6, 9), ["Shigeru Ishiba"], "Tokyo")]),  # GOLD.md: the place is the city
        # Without a day of its own, such a mention only retells.
        ("Seusai pertemuan bilateral, PM Shigeru Ishiba memuji Indonesia.", date(2025, 6, 10), []),
        # A meeting with other counterparts is another meeting, not a retelling of the first;
        # counterparts of as many states as there are of them were met one by one.
        ("Menlu Sugiono bertemu Menlu Rusia Sergei Lavrov di Kazan pada Selasa (22/10/2024). Selain itu, Sugiono "
         "juga bertemu Menlu China Wang Yi dan Menlu India Subrahmanyam Jaishankar.", date(2024, 10, 23),
         [("meeting", date(2024, 10, 22), ["Sergey Lavrov", "Sugiono"], "Kazan"),
          ("meeting", date(2024, 10, 22), ["Subrahmanyam Jaishankar", "Sugiono"], None),
          ("meeting", date(2024, 10, 22), ["Sugiono", "Wang Yi"], None)]),
        # `Saat itu` is the time of the event just told, even one known to the year only.
        ("Joko Widodo pernah mengunjungi Sochi pada 2016. Saat itu, Joko Widodo juga bertemu Vladimir Putin.",
         date(2022, 7, 1),
         [("meeting", date(2016, 1, 1), ["Joko Widodo", "Vladimir Putin"], None),
          ("visit", date(2016, 1, 1), ["Joko Widodo"], "Sochi")]),
        # Meetings told apart with a list that ends in unnamed leaders: one each, roles as written;
        # a title before a name is the person's, no role.
        ("Xi Jinping akan bertemu di Astana secara terpisah dengan Presiden Turki Recep Tayyip Erdogan, "
         "Narendra Modi, serta pemimpin Mesir dan Brasil pada Rabu (3/7/2024).", date(2024, 7, 2),
         [("meeting", date(2024, 7, 3), ["Narendra Modi", "Xi Jinping"], "Astana"),
          ("meeting", date(2024, 7, 3), ["Recep Tayyip Erdogan", "Xi Jinping"], "Astana"),
          ("meeting", date(2024, 7, 3), ["Xi Jinping", "pemimpin Brazil"], "Astana"),
          ("meeting", date(2024, 7, 3), ["Xi Jinping", "pemimpin Mesir"], "Astana")]),
        # `pertemuan dengan A dan B` without a subject: the subject of the meetings just told,
        # held apart as those were.
        ("Xi Jinping akan bertemu secara terpisah dengan Narendra Modi dan Recep Tayyip Erdogan pada Rabu "
         "(3/7/2024). Sementara itu, pertemuan dengan Vladimir Putin dan Presiden Iran Masoud Pezeshkian akan "
         "digelar pada Kamis (4/7/2024).", date(2024, 7, 2),
         [("meeting", date(2024, 7, 3), ["Narendra Modi", "Xi Jinping"], None),
          ("meeting", date(2024, 7, 3), ["Recep Tayyip Erdogan", "Xi Jinping"], None),
          ("meeting", date(2024, 7, 4), ["Masoud Pezeshkian", "Xi Jinping"], None),
          ("meeting", date(2024, 7, 4), ["Vladimir Putin", "Xi Jinping"], None)]),
        # Who is said to attend a summit named only by its body takes part in it.
        ("KTT SCO berlangsung di Astana mulai Rabu (3/7/2024). Para pemimpin yang hadir antara lain Xi Jinping "
         "dan Vladimir Putin.", date(2024, 7, 4),
         [("summit", date(2024, 7, 3), ["Vladimir Putin", "Xi Jinping"], "Astana")]),
        # `Selain bertemu dengan X, ...`: X is of the other meeting, not of the one told.
        ("Menlu Sugiono bertemu Menlu Rusia Sergei Lavrov di Kazan pada Selasa (22/10/2024). Selain bertemu "
         "dengan Menlu Rusia, Sugiono juga bertemu Menlu China Wang Yi dan Menlu India Subrahmanyam Jaishankar.",
         date(2024, 10, 23),
         [("meeting", date(2024, 10, 22), ["Sergey Lavrov", "Sugiono"], "Kazan"),
          ("meeting", date(2024, 10, 22), ["Subrahmanyam Jaishankar", "Sugiono"], None),
          ("meeting", date(2024, 10, 22), ["Sugiono", "Wang Yi"], None)]),
        # A summit where no person is named: the states that act in it take part, beside its body
        # however the text spells it.
        ("Pada Rabu (16/10/2024), dalam KTT Organisasi Kerjasama Shanghai di Astana, China dan Rusia "
         "mengumumkan rencana kerja sama.", date(2024, 10, 17),
         [("summit", date(2024, 10, 16), ["China", "Organisasi Kerjasama Shanghai", "Rusia"], "Astana")]),
        # Back from a trip (`tiba dari lawatan`): the day is the return's, no visit.
        ("Prabowo Subianto memberi keterangan saat tiba dari lawatan luar negeri di Bandara Halim, Jakarta, "
         "Rabu (16/7/2025).", date(2025, 7, 16), []),
        # A bilateral and a trilateral meeting of the same day are two meetings.
        ("Menlu Sugiono menggelar pertemuan trilateral dengan Wang Yi dan Sergei Lavrov di Jakarta pada Rabu "
         "(12/7/2023). Sebelumnya, Wang Yi menggelar pertemuan bilateral secara terpisah.", date(2023, 7, 13),
         [("meeting", date(2023, 7, 12), ["Sergey Lavrov", "Sugiono", "Wang Yi"], "Jakarta"),
          ("meeting", date(2023, 7, 12), ["Wang Yi"], None)]),
        # A trip to a list of countries is a visit to each; a city and its country are one.
        ("Joko Widodo mengunjungi Rusia dan Ukraina pada akhir Juni lalu.", date(2022, 9, 23),
         [("visit", date(2022, 6, 1), ["Joko Widodo"], None), ("visit", date(2022, 6, 1), ["Joko Widodo"], None)]),
        ("Prabowo Subianto berangkat ke Beijing, China pada Selasa (2/9/2025) malam.", date(2025, 9, 3),
         [("visit", date(2025, 9, 2), ["Prabowo Subianto"], "Beijing")]),
        # A body said to take place is its summit; who meets at it (`dalam pertemuan SCO`, `di
        # sela-sela KTT`) is at the summit, which is dated where the body is.
        ("Xi Jinping akan bertemu Vladimir Putin di Astana pada Rabu (3/7/2024) dalam pertemuan Organisasi "
         "Kerjasama Shanghai. "
         "SCO berlangsung pada Rabu (3/7/2024) hingga Kamis (4/7/2024).", date(2024, 7, 1),
         [("meeting", date(2024, 7, 3), ["Vladimir Putin", "Xi Jinping"], "Astana"),
          ("summit", date(2024, 7, 3), ["Vladimir Putin", "Xi Jinping"], None)]),
        # A body named as a meeting's occasion, never said to take place, is no summit row.
        ("Xi Jinping bertemu Vladimir Putin di sela-sela KTT SCO di Astana pada Rabu (3/7/2024).", date(2024, 7, 4),
         [("meeting", date(2024, 7, 3), ["Vladimir Putin", "Xi Jinping"], "Astana")]),
        # The day a happening lasts until (`hingga Sabtu`) is not its date; a welcomed arrival is
        # the visitor's trip.
        ("Xi Jinping menggelar pertemuan dengan Vladimir Putin di sela-sela KTT SCO yang berlangsung hingga "
         "Sabtu (6/7/2024).", date(2024, 7, 4), []),
        ("Presiden Xi Jinping pada Selasa (2/7/2024) menyambut kedatangan Presiden Vladimir Putin di Beijing.",
         date(2024, 7, 3), [("visit", date(2024, 7, 2), ["Vladimir Putin"], "Beijing")]),
        # An invitation is no event, whatever years it offers; a visit paid on an invitation is.
        ("Prabowo Subianto mengundang Presiden Vladimir Putin untuk melakukan kunjungan kenegaraan ke Jakarta "
         "pada 2026 atau 2027.", date(2025, 12, 11), []),
        ("Atas undangan Xi Jinping, Prabowo Subianto melakukan kunjungan kenegaraan ke Beijing pada Sabtu "
         "(9/11/2024).", date(2024, 11, 10),
         [("visit", date(2024, 11, 9), ["Prabowo Subianto", "Xi Jinping"], "Beijing")]),
        # A person named in full once is named again by one of their names; a meeting `antar`
        # ministers is a gathering of many, a summit.
        ("Menlu Sugiono tiba di Vientiane pada Rabu (24/7/2024). Sebelum terbang ke Tokyo, Sugiono akan "
         "memimpin pertemuan antarmenlu ASEAN di Vientiane.", date(2024, 7, 25),
         [("summit", date(2024, 7, 24), ["Sugiono"], "Vientiane"),
          ("visit", date(2024, 7, 24), ["Sugiono"], "Vientiane")]),
        ("Menlu China Wang Yi tiba di Jakarta pada Rabu (24/7/2024).\n\nSetelah itu, Wang melawat ke Bangkok "
         "pada Jumat (26/7/2024).", date(2024, 7, 27),
         [("visit", date(2024, 7, 24), ["Wang Yi"], "Jakarta"), ("visit", date(2024, 7, 26), ["Wang Yi"], "Bangkok")]),
        # Counterparts of different states, none the subject's, were met one by one; with one of
        # the subject's own people among them it is one meeting.
        ("Presiden Joko Widodo bertemu Presiden Xi Jinping dan PM Australia Anthony Albanese di Bali pada Selasa "
         "(15/11/2022).", date(2022, 11, 16),
         [("meeting", date(2022, 11, 15), ["Anthony Albanese", "Joko Widodo"], "Bali"),
          ("meeting", date(2022, 11, 15), ["Joko Widodo", "Xi Jinping"], "Bali")]),
        ("Presiden Joko Widodo bersama Menlu Retno Marsudi bertemu Presiden Xi Jinping di Bali pada Selasa "
         "(15/11/2022).", date(2022, 11, 16),
         [("meeting", date(2022, 11, 15), ["Joko Widodo", "Retno Marsudi", "Xi Jinping"], "Bali")]),
        # A person going to a place told without a verb (`X ke Rusia bertemu Y`) is a trip; a guest
        # invited to a place (`mengundang X ke Jakarta`) is not.
        ("PM Anwar Ibrahim ke Tokyo bertemu PM Shigeru Ishiba pada Senin (9/6/2025).", date(2025, 6, 10),
         [("meeting", date(2025, 6, 9), ["Anwar Ibrahim", "Shigeru Ishiba"], "Tokyo"),
          ("visit", date(2025, 6, 9), ["Anwar Ibrahim"], "Tokyo")]),
        ("Prabowo Subianto mengundang PM Anwar Ibrahim ke Jakarta pada Senin (9/6/2025).", date(2025, 6, 10), []),
        ("Jabatan presiden beralih dari Joko Widodo ke Prabowo Subianto pada Minggu (20/10/2024).",
         date(2024, 10, 21), []),
        # The date of a citing clause (`Dikutip dari kantor berita X pada Rabu`) is the citing's: the
        # summary it opens retells the meeting dated before.
        ("PM Anwar Ibrahim bertemu PM Shigeru Ishiba di Tokyo pada Senin (9/6/2025). Dikutip dari kantor berita "
         "Kyodo pada Rabu (11/6/2025), berikut rangkuman pertemuan Anwar Ibrahim dan Shigeru Ishiba.",
         date(2025, 6, 11), [("meeting", date(2025, 6, 9), ["Anwar Ibrahim", "Shigeru Ishiba"], "Tokyo")]),
        # What leaders sign is signed where they meet, however late the article tells it.
        ("Presiden Prabowo Subianto bertemu PM Anthony Albanese di Canberra pada Kamis (15/5/2025). "
         + "Keduanya membahas pertahanan, pendidikan dan perdagangan kedua negara secara panjang lebar. " * 12
         + "Anthony Albanese dan Prabowo Subianto juga menandatangani nota kesepahaman di bidang pangan.",
         date(2025, 5, 16),
         [("declaration", date(2025, 5, 15), ["Anthony Albanese", "Prabowo Subianto"], None),
          ("meeting", date(2025, 5, 15), ["Anthony Albanese", "Prabowo Subianto"], "Canberra")]),
        # What follows `agar` is a wish, not an event.
        ("Prabowo Subianto meminta agar Vladimir Putin mengunjungi Jakarta pada 2026.", date(2025, 6, 10), []),
        # The day a plan was made known is not the day of what it plans, and who made it known does not
        # travel: `diungkap oleh X pada`, `X pada ... mengungkapkan rencana`, `mengumumkan pada ... bahwa`.
        ("Rencana kunjungan PM Jepang Shigeru Ishiba ke Indonesia pertama kali diungkap oleh Menteri Luar Negeri "
         "Jepang, Takeshi Iwaya, pada tanggal 2 Maret 2025.", date(2025, 3, 20), []),
        ("Sebelumnya, Menteri Luar Negeri Jepang Takeshi Iwaya pada 2 Maret 2025, mengungkapkan rencana kunjungan "
         "PM Shigeru Ishiba ke Indonesia.", date(2025, 3, 20), []),
        ("Tokyo mengumumkan pada Senin (17/3/2025) bahwa PM Shigeru Ishiba akan berkunjung ke Jakarta.",
         date(2025, 3, 20), []),
        ("Tokyo mengumumkan bahwa PM Shigeru Ishiba akan berkunjung ke Jakarta pada Kamis (27/3/2025).",
         date(2025, 3, 20), [("visit", date(2025, 3, 27), ["Shigeru Ishiba"], "Jakarta")]),
        # Signing the guest book is protocol, no agreement.
        ("PM Shigeru Ishiba menandatangani buku tamu di Istana Merdeka pada Senin (9/6/2025).", date(2025, 6, 10),
         []),
        ("PM Shigeru Ishiba dan Presiden Prabowo Subianto lalu berfoto bersama dan melakukan penandatanganan buku "
         "tamu kenegaraan pada Senin (9/6/2025).", date(2025, 6, 10), []),
        # `X menerima kunjungan resmi Y`: Y travels; X hosts (and meets Y).
        ("Presiden Joko Widodo menerima kunjungan resmi Perdana Menteri Jepang Fumio Kishida di Istana Merdeka "
         "Jakarta, Jumat (8/9/2023).", date(2023, 9, 8),
         [("meeting", date(2023, 9, 8), ["Joko Widodo", "Kishida Fumio"], "Istana Merdeka Jakarta"),
          ("visit", date(2023, 9, 8), ["Kishida Fumio"], "Istana Merdeka Jakarta")]),
        # Visiting a person (`mengunjungi Presiden X di Istana`) is a call on them, their meeting; visiting a
        # city stays a trip.
        ("Menlu Sugiono mengunjungi PM Shigeru Ishiba di kantornya pada Senin (9/6/2025).", date(2025, 6, 10),
         [("meeting", date(2025, 6, 9), ["Shigeru Ishiba", "Sugiono"], None)]),
        ("Menlu Sugiono mengunjungi Tokyo pada Senin (9/6/2025).", date(2025, 6, 10),
         [("visit", date(2025, 6, 9), ["Sugiono"], "Tokyo")]),
        # A clause of circumstance after a comma sets the scene: who it names takes no part, when the event's
        # own clause names its people; when it names nobody, the scene tells who.
        ("Menlu Sugiono bertemu dengan Menteri Luar Negeri Jepang, Takeshi Iwaya, di Tokyo pada Senin (9/6/2025), "
         "saat pasar tengah gelisah akibat ancaman tarif dari Presiden AS Donald Trump.", date(2025, 6, 10),
         [("meeting", date(2025, 6, 9), ["Sugiono", "Takeshi Iwaya"], None)]),
        # An intention announced (`Niat X untuk mengikuti KTT diumumkan Y pada Senin`) is a plan: the day is
        # the announcement's, and Y (the agent, without `oleh`) takes no part.
        ("Niat Menlu Sugiono untuk mengikuti KTT BRICS diumumkan Wakil Menlu Arif Havas Oegroseno pada Senin "
         "(21/10/2024).", date(2024, 10, 24), []),
        # `keesokan harinya` counts from the day told before, not from publication.
        ("PM Anwar Ibrahim tiba di Tokyo pada Senin (9/6/2025). Anwar akan menjadi pembicara utama dalam forum "
         "ekonomi di kota itu keesokan harinya.", date(2025, 6, 9),
         [("visit", date(2025, 6, 9), ["Anwar Ibrahim"], "Tokyo"),
          ("other", date(2025, 6, 10), ["Anwar Ibrahim"], None)]),
        # A side's own delegation listed (`delegasi Indonesia ..., yakni A dan B`) are no counterparts.
        ("Presiden Prabowo Subianto memperkenalkan delegasi Indonesia yang mengikuti pertemuan pada Senin "
         "(9/6/2025), yakni Menlu Sugiono dan Menhan Sjafrie Sjamsoeddin.", date(2025, 6, 10),
         [("meeting", date(2025, 6, 9), ["Prabowo Subianto"], None)]),
        # After a copula, a meeting word that names its other side is the subject's own meeting, not a
        # description (`KTT itu merupakan pertemuan terbesar ...`).
        ("Agenda utama PM Anwar Ibrahim di Tokyo pada Senin (9/6/2025) adalah pertemuan bilateral dengan "
         "PM Shigeru Ishiba di kantor perdana menteri.", date(2025, 6, 10),
         [("meeting", date(2025, 6, 9), ["Anwar Ibrahim", "Shigeru Ishiba"], "Tokyo")]),
]


def test_a_merged_event_dated_after_publication_is_planned() -> None:
    body = ("Presiden Prabowo Subianto kini sedang menuju Tokyo untuk pertemuan dengan PM Shigeru Ishiba. "
            "Jumat, Prabowo Subianto dan Shigeru Ishiba akan bertemu.")
    meetings = [e for e in extract(body, date(2025, 6, 11)) if e.event_type == "meeting"]
    assert [(e.event_date, e.status) for e in meetings] == [(date(2025, 6, 13), "planned")]


def test_a_day_said_in_a_quotation_dates_the_event_the_article_tells() -> None:
    body = ('Indonesia akan menjadi tuan rumah KTT ASEAN tahun ini. "KTT akan berlangsung pada 10-11 Mei, '
            'persiapannya sudah matang," kata juru bicara itu.')
    start = body.index('"')
    (e,) = extract(body, date(2025, 3, 4), quoted=[(start, body.index('," kata') + 2)])
    assert (e.event_type, e.event_date, e.date_precision) == ("summit", date(2025, 5, 10), "day")


def test_a_quotation_alone_tells_no_event() -> None:
    body = '"Kami akan bertemu pada 10 Mei," kata Presiden Prabowo Subianto.'
    assert extract(body, date(2025, 3, 4), quoted=[(0, body.index('," kata') + 2)]) == []


GATHERINGS_AND_THEIR_PEOPLE = [
        # `pertemuan para pemimpin ...` is a gathering of many: a summit. Who is said to be at it
        # takes part in the summit known before by its body alone.
        ("KTT G20 digelar di Rio pada 18 November 2024. Prabowo Subianto menghadiri pertemuan para pemimpin "
         "dunia itu.", date(2024, 11, 19), [("summit", date(2024, 11, 18), ["Prabowo Subianto"], "Rio")]),
        ("Prabowo Subianto menghadiri pertemuan para pemimpin dunia di Rio pada Senin (18/11/2024).",
         date(2024, 11, 19), [("summit", date(2024, 11, 18), ["Prabowo Subianto"], "Rio")]),
        # `pertemuan para pemimpin kedua negara` is a pair's meeting; naming nobody, it is no event.
        ("Pertemuan para pemimpin kedua negara digelar di Bogor pada Senin (9/6/2025).", date(2025, 6, 10), []),
]


def test_a_name_alone_stands_for_one_person_only() -> None:
    body = ("Menlu China Wang Yi tiba di Jakarta pada Rabu (24/7/2024). Juru bicara Wang Wenbin bertemu Retno "
            "Marsudi di Beijing pada Kamis (25/7/2024).")
    meetings = [e for e in extract(body, date(2024, 7, 26)) if e.event_type == "meeting"]
    assert [sorted(e.participants) for e in meetings] == [["Retno Marsudi", "Wang Wenbin"]]


def test_a_year_after_an_amount_is_the_figures_period_not_the_events_date() -> None:
    # Positive: the year closes the trade figure; the call takes the day the lead gives later.
    text = ("Presiden Rusia dan China saling memberi selamat melalui telepon atas nilai ekspor mereka yang "
            "mencapai 150 miliar dolar pada 2023.\n\nKremlin mengumumkan hal itu pada Kamis (8/2/2024).")
    (e,) = extract(text, date(2024, 2, 9))
    assert (e.event_type, e.event_date, e.date_precision) == ("call", date(2024, 2, 8), "day")
    # Negative: a year with no amount before it still dates the event.
    (e,) = extract("Xi Jinping melakukan kunjungan ke Moskow pada 2023.", date(2024, 2, 9))
    assert (e.event_date, e.date_precision) == (date(2023, 1, 1), "year")


def test_a_bare_year_yields_to_the_dated_gathering_told_just_before_in_that_year() -> None:
    text = ("Presiden Prabowo Subianto menghadiri KTT BRICS di Rio de Janeiro pada Minggu, 6 Juli 2025. "
            "Di lobi, Prabowo disambut hangat oleh Presiden Lula da Silva selaku tuan rumah tahun 2025.")
    got = {(e.event_type, e.event_date, e.date_precision) for e in extract(text, date(2025, 7, 7))}
    assert ("meeting", date(2025, 7, 6), "day") in got
    # Negative: a year other than the gathering's keeps its own date.
    text = ("Presiden Prabowo Subianto menghadiri KTT BRICS di Rio de Janeiro pada Minggu, 6 Juli 2025. "
            "Prabowo pernah bertemu Presiden Lula da Silva pada 2023.")
    got = {(e.event_type, e.event_date, e.date_precision) for e in extract(text, date(2025, 7, 7))}
    assert ("meeting", date(2023, 1, 1), "year") in got


def test_an_invitation_honoured_is_no_plan() -> None:
    (e,) = extract("Atas undangan Presiden Xi, Jokowi melakukan kunjungan kenegaraan ke China pada Senin.",
                   date(2022, 7, 26))
    assert (e.event_date, e.status) == (date(2022, 7, 25), "happened")
    # Negative: a trip someone is still to make stays a plan, dated ahead.
    (e,) = extract("Jokowi akan melakukan kunjungan kenegaraan ke China pada Senin.", date(2022, 7, 26))
    assert (e.event_date, e.status) == (date(2022, 8, 1), "planned")


def test_a_speech_verb_in_a_relative_clause_leaves_the_subject_in_the_event() -> None:
    text = ("Sugiono, yang kemarin menyatakan bahwa Indonesia tetap bebas aktif, mengunjungi Tokyo "
            "pada hari Senin.")
    (e,) = extract(text, date(2025, 3, 5))
    assert (e.event_type, e.participants) == ("visit", ["Sugiono"])
    # Negative: a speaker whose statement reports the trip is not its traveller.
    text = "Juru bicara Kemlu Rusia Maria Zakharova mengatakan bahwa Sugiono mengunjungi Moskow pada Senin."
    (e,) = extract(text, date(2025, 3, 5))
    assert e.participants == ["Sugiono"]


def test_an_event_word_pointing_back_dates_the_event_told_before() -> None:
    text = ("Menteri Luar Negeri Sugiono mengadakan pertemuan bilateral dengan Menlu Finlandia Elina Valtonen.\n\n"
            "Pertemuan tersebut berlangsung di Davos, Swiss, pada Rabu 22 Januari 2025.")
    (e,) = extract(text, date(2025, 1, 24))
    assert (e.event_type, e.event_date, e.participants) == ("meeting", date(2025, 1, 22), ["Sugiono", "Elina Valtonen"])
    # Negative: an event with a day of its own keeps it.
    text = ("Menteri Luar Negeri Sugiono mengadakan pertemuan bilateral dengan Menlu Finlandia Elina Valtonen "
            "pada Selasa (21/1/2025).\n\nPertemuan tersebut disusul jamuan makan malam pada Rabu 22 Januari 2025.")
    assert [e.event_date for e in extract(text, date(2025, 1, 24)) if e.event_type == "meeting"] == \
        [date(2025, 1, 21)]


def test_a_plan_noun_before_an_event_word_plans_that_event_only() -> None:
    text = ("Menlu Sugiono membahas rencana kunjungan Presiden Prabowo Subianto ke Riyadh dalam pertemuan "
            "bilateral dengan Menlu Finlandia Elina Valtonen pada Rabu (22/1/2025).")
    got = {(e.event_type, e.status) for e in extract(text, date(2025, 1, 24))}
    assert ("meeting", "happened") in got
    assert ("visit", "happened") not in got
    # Negative: an auxiliary of the future still plans every event it governs.
    text = "Menlu Sugiono akan berkunjung ke Riyadh dan bertemu Menlu Finlandia Elina Valtonen pada Rabu (29/1/2025)."
    assert {e.status for e in extract(text, date(2025, 1, 24))} == {"planned"}


def test_a_role_followed_by_its_holders_name_is_no_second_counterpart() -> None:
    text = ("Sugiono mengadakan pertemuan bilateral dengan Menteri Luar Negeri Arab Saudi, Pangeran Faisal "
            "bin Farhan, pada Rabu (22/1/2025).")
    (e,) = extract(text, date(2025, 1, 24))
    assert e.participants[0] == "Sugiono" and "menteri luar negeri Arab Saudi" not in e.participants


def test_a_date_of_something_else_in_a_pointing_back_sentence_dates_nothing_back() -> None:
    # The year is the invitation's, told in a sentence that only opens with the meeting.
    text = ("Menteri Luar Negeri Sugiono mengadakan pertemuan bilateral dengan Menlu Finlandia Elina Valtonen.\n\n"
            "Latar belakangnya panjang.\n\nDalam pertemuan tersebut, Sugiono mengundang Valtonen ke Jakarta "
            "pada tahun 2026.")
    assert all(e.event_date != date(2026, 1, 1) for e in extract(text, date(2025, 1, 24)))


def test_an_election_for_an_office_names_no_holder_of_it() -> None:
    text = ("Sugiono, yang menang dalam pemilihan presiden Indonesia, mengunjungi Jepang pada hari Senin "
            "setelah perjalanan ke Tiongkok pada hari Minggu.")
    assert all("Joko Widodo" not in e.participants for e in extract(text, date(2024, 4, 3)))
    # Negative: the title alone still names the holder in office.
    (e,) = extract("Presiden Indonesia mengunjungi Jepang pada hari Senin.", date(2024, 4, 3))
    assert e.participants == ["Joko Widodo"]


def test_a_sentence_opening_on_the_visit_told_before_gives_its_parts_the_visitor() -> None:
    text = ("Presiden Prabowo Subianto tiba di New Delhi pada Kamis (23/1/2025).\n\nLatar belakang hubungan "
            "kedua negara panjang.\n\nKunjungan kenegaraan ini juga mencakup pertemuan bilateral dengan "
            "Perdana Menteri Narendra Modi.")
    got = {(e.event_type, e.event_date, e.date_precision, tuple(e.participants))
           for e in extract(text, date(2025, 1, 25))}
    assert ("meeting", date(2025, 1, 1), "month", ("Prabowo Subianto", "Narendra Modi")) in got
    # Negative: without the event word pointing back, the meeting is nobody's undated retelling.
    text = ("Presiden Prabowo Subianto tiba di New Delhi pada Kamis (23/1/2025).\n\nLatar belakang hubungan "
            "kedua negara panjang.\n\nPerdana Menteri Narendra Modi gemar pertemuan bilateral.")
    assert all(e.event_type != "meeting" for e in extract(text, date(2025, 1, 25)))


def test_a_joint_statement_of_both_states_is_their_leaders() -> None:
    text = ("Presiden Prabowo Subianto dan Perdana Menteri Narendra Modi membahas isu Gaza. Hal itu disampaikan "
            "dalam pernyataan bersama yang dikeluarkan kedua negara pada Kamis (23/1/2025).")
    got = [e for e in extract(text, date(2025, 1, 25)) if e.event_type == "declaration"]
    assert got and set(got[0].participants) == {"Prabowo Subianto", "Narendra Modi"}


def test_a_visit_told_as_the_moment_to_come_with_its_own_days_is_a_plan() -> None:
    text = ("Menlu Sugiono bertemu Menlu Finlandia Elina Valtonen di Helsinki pada Selasa (17/6/2025). "
            "Pertemuan itu digelar menjelang kunjungan resmi Presiden Prabowo Subianto ke Helsinki, 19-20 Juni 2025.")
    got = {(e.event_type, e.event_date, e.status) for e in extract(text, date(2025, 6, 18))
           if "Prabowo Subianto" in e.participants}
    assert got == {("visit", date(2025, 6, 19), "planned")}
    # Negative: a moment passed (`setelah`) keeps needing its own day: without one, nothing is told.
    text = ("Menlu Sugiono bertemu Menlu Finlandia Elina Valtonen di Helsinki pada Selasa (17/6/2025). "
            "Keduanya berbincang setelah kunjungan Presiden Prabowo Subianto.")
    assert all("Prabowo Subianto" not in e.participants for e in extract(text, date(2025, 6, 18)))


def test_attending_a_described_gathering_between_two_is_their_meeting() -> None:
    text = ("Menlu Sugiono akan menghadiri pertemuan tertutup antara Prabowo Subianto dan Anwar Ibrahim "
            "pada 3 Maret 2025.")
    assert {e.event_type for e in extract(text, date(2025, 3, 1))} == {"meeting"}
    # Negative: attending a gathering of many stays a summit.
    text = "Menlu Sugiono akan menghadiri pertemuan tahunan para menteri luar negeri ASEAN pada 3 Maret 2025."
    assert {e.event_type for e in extract(text, date(2025, 3, 1))} == {"summit"}


def test_the_leads_undated_meeting_of_two_named_sides_stays() -> None:
    text = ("Menteri Luar Negeri Sugiono mengadakan pertemuan bilateral dengan Menlu Finlandia Elina Valtonen. "
            "Keduanya membahas perdagangan.\n\nIndonesia dan Finlandia menjalin hubungan sejak tahun 1954.")
    (e,) = extract(text, date(2025, 4, 22))
    # It stays, of the publication's month (GOLD.md: known only to the month, that precision).
    assert (e.event_type, e.event_date, e.date_precision, e.participants) == (
        "meeting", date(2025, 4, 1), "month", ["Sugiono", "Elina Valtonen"])
    # Without a publication date, nothing says when.
    assert [e.event_date for e in extract(text, None)] == [None]
    # Negative: an undated meeting with one side named is a retelling, and goes.
    text = ("Pertemuan bilateral antara kedua menteri itu membuka kunjungan Sugiono.\n\n"
            "Indonesia dan Finlandia menjalin hubungan sejak tahun 1954.")
    assert all(e.event_type != "meeting" for e in extract(text, date(2025, 4, 22)))


def test_unnamed_counterparts_of_several_states_are_met_one_by_one() -> None:
    text = ("Menlu Sugiono tiba di ibu kota Laos, Vientiane, pada Kamis (25/7/2024), lalu berbicara dengan "
            "mitra-mitranya dari Kamboja, Brunei dan Vietnam.")
    got = [e for e in extract(text, date(2024, 7, 26))]
    assert sorted(e.participants[-1] for e in got if e.event_type == "meeting") == \
        ["mitra-mitranya dari Brunei Darussalam", "mitra-mitranya dari Kamboja", "mitra-mitranya dari Vietnam"]
    # The capital named after its country is one destination: one visit.
    assert len([e for e in got if e.event_type == "visit"]) == 1
    # Negative: counterparts met in a trilateral meeting are one meeting.
    text = ("Menlu Sugiono mengadakan pertemuan trilateral dengan mitra-mitranya dari Kamboja dan Vietnam "
            "pada Kamis (25/7/2024).")
    assert len([e for e in extract(text, date(2024, 7, 26)) if e.event_type == "meeting"]) == 1


def test_an_event_word_described_by_a_clause_pointing_back_is_a_retelling() -> None:
    text = ("Menlu Sugiono bertemu Menlu Finlandia Elina Valtonen di Jenewa pada Senin (26/2/2024). "
            "Valtonen menyambut baik pertemuan yang digelar di kantor PBB di Eropa tersebut.")
    assert [e.event_type for e in extract(text, date(2024, 2, 27))] == ["meeting"]
    # Negative: a clause that names who met tells the event.
    text = "Valtonen menyambut baik pertemuan yang digelar dengan Sugiono di Jenewa pada Senin (26/2/2024)."
    assert [e.event_type for e in extract(text, date(2024, 2, 27))] == ["meeting"]


def test_heading_to_a_known_place_is_a_trip_and_a_next_step_of_a_plan_is_planned() -> None:
    text = ("Prabowo Subianto dijadwalkan tiba di Beijing pada Senin (10/3/2025).\n\n"
            "Kemudian Selasa malam, Prabowo dan rombongan meninggalkan Beijing untuk selanjutnya menuju Tokyo, Jepang.")
    got = {(e.event_type, e.event_date, e.status) for e in extract(text, date(2025, 3, 6))}
    assert ("visit", date(2025, 3, 11), "planned") in got
    # Negative: heading towards no place is no trip.
    text = "Prabowo Subianto mengatakan kedua negara sedang menuju Perdamaian Abadi pada Selasa (11/3/2025)."
    assert extract(text, date(2025, 3, 12)) == []


def test_calls_with_counterparts_of_several_states_are_one_each() -> None:
    text = ("Menlu Sugiono melakukan pembicaraan melalui telepon dengan menteri luar negeri Yordania dan Turki, "
            "Ayman Safadi dan Hakan Fidan, pada Selasa (21/5/2024).")
    got = sorted(e.participants[-1] for e in extract(text, date(2024, 5, 22)) if e.event_type == "call")
    assert got == ["Ayman Safadi", "Hakan Fidan"]
    # Negative: a call with one counterpart is one call.
    text = "Menlu Sugiono menelepon Menlu Turki Hakan Fidan pada Selasa (21/5/2024)."
    assert len([e for e in extract(text, date(2024, 5, 22)) if e.event_type == "call"]) == 1


PRECISION_PATTERNS = [
        # An event word after a copula describes the sentence's subject: the summit is told, the
        # `pertemuan` after `merupakan` is no meeting of its own.
        ("KTT ASEAN di Kuala Lumpur pada 26 Mei 2025 merupakan pertemuan terbesar tahun ini bagi Anwar Ibrahim.",
         date(2025, 5, 27), [("summit", date(2025, 5, 26), ["Anwar Ibrahim"], "Kuala Lumpur")]),
        ("KTT APEC bakal menjadi sebuah pertemuan penting bagi Prabowo Subianto pada November 2025.",
         date(2025, 9, 1), [("summit", date(2025, 11, 1), ["Prabowo Subianto"], None)]),
        # A possibility (`muncul kemungkinan`) is no event.
        ("Hubungan kedua negara memanas sehingga muncul kemungkinan Anwar Ibrahim dan Prabowo Subianto bertemu "
         "di Bali pada Juni.", date(2025, 5, 2), []),
        # The gathering word of a summit (`pertemuan KTT Menlu ...`) is the summit's, even when the
        # sentence also names the summit by `KTT`.
        ("Menlu Sugiono hadir di pertemuan KTT Menlu ASEAN di Vientiane pada Kamis (24/7/2025).",
         date(2025, 7, 25), [("summit", date(2025, 7, 24), ["Sugiono"], "Vientiane")]),
        # A mention told as happened takes no plan's date: the arrival retold after tomorrow's
        # summit is the arrival told first.
        ("Menlu Sugiono tiba di Vientiane pada Rabu (23/7/2025). Ia dijadwalkan menghadiri KTT ASEAN pada Jumat "
         "(25/7/2025). Kedutaan mengunggah foto saat Sugiono tiba di Bandara Wattay.", date(2025, 7, 24),
         [("summit", date(2025, 7, 25), ["Sugiono"], None), ("visit", date(2025, 7, 23), ["Sugiono"], "Vientiane")]),
        # `diagendakan` tells a plan; a title's body (`Ketua Majelis ...`) is no second counterpart.
        ("Xi Jinping tiba di Hanoi pada Senin (14/4/2025). Pada esok hari, Xi Jinping diagendakan bertemu dengan "
         "To Lam dan Ketua Kongres Rakyat Vietnam, Tran Thanh Man.", date(2025, 4, 14),
         [("meeting", date(2025, 4, 15), ["To Lam", "Xi Jinping"], None),
          ("visit", date(2025, 4, 14), ["Xi Jinping"], "Hanoi")]),
        # Who makes a trip is the one who arrives: not who welcomes them, not who they meet.
        ("Prabowo Subianto menyambut kedatangan Anwar Ibrahim di Jakarta pada Senin (2/6/2025).", date(2025, 6, 3),
         [("visit", date(2025, 6, 2), ["Anwar Ibrahim"], "Jakarta")]),
        ("Menlu Sugiono tiba di Tokyo pada Senin (2/6/2025), disambut oleh Takeshi Iwaya.", date(2025, 6, 3),
         [("visit", date(2025, 6, 2), ["Sugiono"], "Tokyo")]),
        ("Anwar Ibrahim tiba di Jakarta pada Senin (2/6/2025) untuk bertemu dengan Prabowo Subianto.",
         date(2025, 6, 3), [("meeting", date(2025, 6, 2), ["Anwar Ibrahim", "Prabowo Subianto"], "Jakarta"),
                            ("visit", date(2025, 6, 2), ["Anwar Ibrahim"], "Jakarta")]),
        # A greeting told with a reception is the reception (`other`); a reception before a summit's
        # opening and the summit are two events; a handshake is no event of its own.
        ("Kedatangan Menlu Sugiono disambut hangat oleh Presiden Lula dalam jamuan makan malam di Rio pada "
         "Minggu (6/7/2025).", date(2025, 7, 7),
         [("other", date(2025, 7, 6), ["Luiz Inácio Lula da Silva", "Sugiono"], "Rio")]),
        ("PM Anwar Ibrahim menyambut Presiden Prabowo Subianto dalam jamuan makan malam menjelang pembukaan KTT "
         "ASEAN di Kuala Lumpur, Minggu (25/5/2025).", date(2025, 5, 26),
         [("other", date(2025, 5, 25), ["Anwar Ibrahim", "Prabowo Subianto"], "Kuala Lumpur"),
          ("summit", date(2025, 5, 25), ["Anwar Ibrahim", "Prabowo Subianto"], "Kuala Lumpur")]),
        ("Prabowo Subianto dan Anwar Ibrahim berjabat tangan di depan wartawan pada Senin (2/6/2025).",
         date(2025, 6, 3), []),
        # A state in a citing clause (`Mengutip laporan China Daily`) is the source's name, no actor.
        ("Mengutip laporan China Daily, jamuan makan malam berlangsung di Tianjin pada Minggu (31/8/2025).",
         date(2025, 9, 1), []),
        # Names set off by commas alone say where one place lies: one trip, not two legs. The
        # venue of a gathering (`lokasi pertemuan`) tells no meeting.
        ("Menlu Sergei Lavrov tiba di lokasi pertemuan di Nusa Dua, Bali pada Jumat (8/7/2022) pagi.",
         date(2022, 7, 9), [("visit", date(2022, 7, 8), ["Sergey Lavrov"], "Nusa Dua")]),
        # `sarat akan` is `full of`: no plan. The lead's talks take the day of the visitor's arrival.
        ("Dalam sebuah pertemuan yang sarat akan makna, Putin menjamu Prabowo di Saint Petersburg.\n\n"
         "Prabowo Subianto tiba di istana pada Kamis (19/6/2025) petang.", date(2025, 6, 20),
         [("meeting", date(2025, 6, 19), ["Prabowo Subianto", "Vladimir Putin"], None),
          ("visit", date(2025, 6, 19), ["Prabowo Subianto"], None)]),
        # A state named after a trip word is where the trip goes, no traveller.
        ("Usai pertemuan itu, rombongan bertolak menuju Abu Dhabi, Uni Emirat Arab, pada Kamis (30/6/2022).",
         date(2022, 7, 1), []),
        # A plan told after an arrival is for a day to come: it takes no arrival's date.
        ("Presiden Prabowo Subianto tiba di Beijing.\n\nIa tiba pada Jumat (8/11/2024) malam. Prabowo "
         "diagendakan bertemu dengan Presiden China Xi Jinping. Pada Sabtu (9/11/2024), Prabowo akan bertemu "
         "Xi Jinping di Beijing.", date(2024, 11, 8),
         [("meeting", date(2024, 11, 9), ["Prabowo Subianto", "Xi Jinping"], "Beijing"),
          ("visit", date(2024, 11, 8), ["Prabowo Subianto"], "Beijing")]),
        # A day a newsroom compiled a summary (`yang dirangkum ...`) is no event's.
        ("Anwar Ibrahim bertemu Prabowo Subianto di Bogor pada Senin (9/6/2025). Berikut fakta pertemuan Anwar "
         "Ibrahim dengan Prabowo Subianto yang dirangkum redaksi Kamis (12/6/2025).", date(2025, 6, 12),
         [("meeting", date(2025, 6, 9), ["Anwar Ibrahim", "Prabowo Subianto"], "Bogor")]),
        # An event told as so long before another happening is not dated by the lead's day.
        ("Presiden Rusia Vladimir Putin akan berbicara dengan Xi Jinping lewat telepon pada Jumat (30/12/2022).\n\n"
         "Kedua negara menandatangani perjanjian energi beberapa pekan sebelum perang dimulai. Hal itu "
         "disampaikan Peskov pada Kamis (29/12/2022).", date(2022, 12, 30),
         [("call", date(2022, 12, 30), ["Vladimir Putin", "Xi Jinping"], None)]),
        # Negotiations between states (`perundingan dengan Amerika Serikat`) are a process, no meeting.
        ("Prabowo Subianto mengatakan perundingan dengan Amerika Serikat berlangsung alot.", date(2025, 7, 16), []),
        ("Sergei Lavrov dan Wang Yi menggelar perundingan di Beijing pada Senin (1/4/2024).", date(2024, 4, 2),
         [("meeting", date(2024, 4, 1), ["Sergey Lavrov", "Wang Yi"], "Beijing")]),
        # Who reports an event is not in it, but a person named after the event word is the event's.
        ("Hal itu diungkapkan oleh Sugiono kepada wartawan setelah memimpin pertemuan trilateral dengan Lavrov "
         "dan Menlu China, Wang Yi, pada Senin (2/6/2025).", date(2025, 6, 3),
         [("meeting", date(2025, 6, 2), ["Sergey Lavrov", "Sugiono", "Wang Yi"], None)]),
        # A subheading names what the paragraph below tells; it tells nothing itself.
        ("Prabowo Subianto akan hadir di KTT APEC pada November mendatang.\n\nKunjungan Pertama Prabowo ke Peru\n\n"
         "Ini akan menjadi perjalanan pertamanya ke Amerika Latin.", date(2024, 8, 19),
         [("summit", date(2024, 11, 1), ["Prabowo Subianto"], None)]),
        # A leader received by title is met; the month told later is the same meeting's.
        ("Anwar Ibrahim dijadwalkan menerima Presiden Prabowo Subianto di Putrajaya pada 27 Januari.\n\n"
         "Prabowo Subianto akan bertemu Anwar Ibrahim pada akhir Januari 2025.", date(2025, 1, 20),
         [("meeting", date(2025, 1, 27), ["Anwar Ibrahim", "Prabowo Subianto"], "Putrajaya")]),
        ("Presiden Prabowo Subianto menerima laporan Menlu Sugiono pada Senin (2/6/2025).", date(2025, 6, 3), []),
        # A denied event is none; `tidak hanya` (not only) denies nothing.
        ("Kremlin menyatakan Putin dan Xi Jinping tidak berencana bertemu pekan depan, Senin (6/5/2024).",
         date(2024, 5, 6), []),
        ("Xi Jinping batal berkunjung ke India pada September 2023.", date(2023, 9, 10), []),
        ("Prabowo Subianto tidak hanya bertemu Anwar Ibrahim di Putrajaya pada Senin (27/1/2025).",
         date(2025, 1, 28), [("meeting", date(2025, 1, 27), ["Anwar Ibrahim", "Prabowo Subianto"], "Putrajaya")]),
        # Meeting the press is no event; a count of meetings (`40 kali`) is none in particular, and
        # a year after `Sejak` opening the sentence is when the count began.
        ("Vladimir Putin bertemu dengan wartawan di Kremlin pada Senin (6/5/2024).", date(2024, 5, 6), []),
        ("Sejak 2013, Xi Jinping telah bertemu Vladimir Putin lebih dari 40 kali.", date(2024, 5, 6), []),
        # A speaker reporting a clause that names its own subject (no `bahwa` needed) only reports;
        # whom something is said to (`mengatakan kepada`) may act.
        ("Juru bicara Kremlin Dmitry Peskov mengatakan Putin akan bertemu Xi Jinping pada Kamis (16/5/2024).",
         date(2024, 5, 14), [("meeting", date(2024, 5, 16), ["Vladimir Putin", "Xi Jinping"], None)]),
        ("Menlu Sugiono menyebut Presiden Prabowo Subianto akan mengunjungi Tokyo pada Senin (9/6/2025).",
         date(2025, 6, 5), [("visit", date(2025, 6, 9), ["Prabowo Subianto"], "Tokyo")]),
        # Who is said to take part (`berpartisipasi`) in a summit known by its body and host alone
        # is its participant.
        ("Tahun ini Brasil akan menjadi tuan rumah KTT BRICS di Rio pada 6 Juli 2025. Prabowo Subianto telah "
         "diundang untuk berpartisipasi.", date(2025, 6, 1),
         [("summit", date(2025, 7, 6), ["Prabowo Subianto"], "Rio")]),
        # Two ministers of one state met by two of another (a `2+2`) is one meeting of the two sides;
        # so is one state's delegation listed by name. One person meeting two of one state still
        # meets them one by one.
        ("Menlu Sugiono dan Menhan Sjafrie Sjamsoeddin menggelar pertemuan dengan Menlu Wang Yi dan Menhan "
         "Dong Jun di Jakarta pada Selasa (3/6/2025).", date(2025, 6, 4),
         [("meeting", date(2025, 6, 3), ["Dong Jun", "Sjafrie Sjamsoeddin", "Sugiono", "Wang Yi"], "Jakarta")]),
        ("Airlangga Hartarto bertemu dengan delegasi Amerika Serikat, yaitu Jamieson Greer dan Howard Lutnick, "
         "pada Kamis (10/7/2025).", date(2025, 7, 11),
         [("meeting", date(2025, 7, 10), ["Airlangga Hartarto", "Howard Lutnick", "Jamieson Greer"], None)]),
        ("Prabowo Subianto bertemu dengan Menlu Wang Yi dan Menhan Dong Jun di Jakarta pada Selasa (3/6/2025).",
         date(2025, 6, 4),
         [("meeting", date(2025, 6, 3), ["Dong Jun", "Prabowo Subianto"], "Jakarta"),
          ("meeting", date(2025, 6, 3), ["Prabowo Subianto", "Wang Yi"], "Jakarta")]),
        # A wish (`ingin bertemu`) is no event; a wish in a clause of its own leaves the event told.
        ("Banyak pemimpin ingin bertemu dengan Presiden Donald Trump pada Senin (7/4/2025).", date(2025, 4, 8), []),
        ("Prabowo Subianto, yang ingin memperkuat hubungan, bertemu Vladimir Putin pada Senin (7/4/2025).",
         date(2025, 4, 8), [("meeting", date(2025, 4, 7), ["Prabowo Subianto", "Vladimir Putin"], None)]),
        # A clause naming its own subject after a comma tells its own time: the call keeps the day
        # of its clause, and the visit one side invites the other to make is no event.
        ("Pada Senin, Presiden Prabowo Subianto dan Presiden Xi Jinping berbicara melalui telepon, dan Xi "
         "mengundang Prabowo untuk berkunjung ke Beijing pada Mei 2025.", date(2025, 4, 15),
         [("call", date(2025, 4, 14), ["Prabowo Subianto", "Xi Jinping"], None)]),
        # The days a gathering `yang berlangsung` are its own: the trip told again with it keeps the
        # arrival's day.
        ("Menlu Sugiono tiba di Vientiane pada Kamis (24/7/2025). Agenda kedatangan Sugiono di Vientiane untuk "
         "menghadiri Pertemuan Menlu ASEAN yang berlangsung 23-25 Juli 2025.", date(2025, 7, 25),
         [("summit", date(2025, 7, 23), ["Sugiono"], "Vientiane"),
          ("visit", date(2025, 7, 24), ["Sugiono"], "Vientiane")]),
        # A meeting told as the moment after which someone spoke, at a gathering's sidelines, with its
        # own day: the meeting is the happening, the gathering its occasion.
        ("Hal itu disampaikan Prabowo Subianto kepada wartawan usai bertemu Presiden Lee Jae-myung di sela KTT "
         "APEC, Gyeongju, Jumat (31/10/2025).", date(2025, 11, 1),
         [("meeting", date(2025, 10, 31), ["Lee Jae-myung", "Prabowo Subianto"], None)]),
]


def _told(text: str, published: date) -> set[tuple]:
    return {(e.event_type, e.event_date, tuple(e.participants)) for e in extract(text, published)}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # `pertemuan KTT Menlu G20`: the gathering word and the summit word name one summit.
        ("Menlu Sergey Lavrov meninggalkan pertemuan KTT Menlu G20 di Nusa Dua pada Jumat (8/7/2022).",
         date(2022, 7, 9), {("summit", date(2022, 7, 8), ("Sergey Lavrov",))}),
        # A speaker who did the event (`setelah memimpin pertemuan`) and the people named after the
        # event word take part in it; a larger meeting is not the pair's own talks retold.
        ("Menlu Retno Marsudi bertemu Menlu Sergey Lavrov di Jakarta pada Rabu (12/7/2023). "
         "Hal itu disampaikan oleh Retno kepada wartawan setelah memimpin pertemuan trilateral dengan Lavrov "
         "dan diplomat senior China Wang Yi.", date(2023, 7, 13),
         {("meeting", date(2023, 7, 12), ("Retno Marsudi", "Sergey Lavrov")),
          ("meeting", date(2023, 7, 12), ("Retno Marsudi", "Sergey Lavrov", "Wang Yi"))}),
        # A host receiving a guest somewhere: their meeting, and the guest's trip there.
        ("Presiden Xi Jinping akan menerima Presiden Prabowo Subianto di Beijing pada 9 November 2024.",
         date(2024, 11, 1), {("meeting", date(2024, 11, 9), ("Xi Jinping", "Prabowo Subianto")),
                             ("visit", date(2024, 11, 9), ("Prabowo Subianto",))}),
        # Negative: receiving a report from someone hosts nobody.
        ("Presiden Xi Jinping menerima laporan dari Presiden Prabowo Subianto di Beijing pada 9 November 2024.",
         date(2024, 11, 10), set()),
        # A gathering word a summit is said to be (`KTT ... merupakan pertemuan terbesar`) is that summit.
        ("KTT SCO di Kota Astana, Kazakhstan pada 3 Juli 2024 merupakan pertemuan terbesar tahun ini.",
         date(2024, 7, 5), {("summit", date(2024, 7, 3), ("SCO",))}),
        # Negative: a gathering word naming people after it is their meeting.
        ("KTT G20 di Bali pada 14 November 2022 menjadi pertemuan pertama Xi Jinping dan Joe Biden.",
         date(2022, 11, 15), {("meeting", date(2022, 11, 14), ("Xi Jinping", "Joe Biden"))}),
        # A dinner is the happening of its sentence (`other`); the greeting there is no meeting, and
        # the summit it comes before is told too.
        ("Presiden Xi Jinping menyambut Menlu Sugiono dalam jamuan makan malam menjelang pembukaan KTT SCO "
         "di Tianjin, Minggu (31/8/2025).", date(2025, 9, 1),
         {("other", date(2025, 8, 31), ("Xi Jinping", "Sugiono")),
          ("summit", date(2025, 8, 31), ("Xi Jinping", "Sugiono"))}),
        ("Kedatangan Menlu Sugiono disambut hangat oleh Presiden Xi Jinping dalam jamuan kenegaraan pada "
         "Minggu (31/8/2025).", date(2025, 9, 1), {("other", date(2025, 8, 31), ("Sugiono", "Xi Jinping"))}),
        # `Di akhir bulan` points back to the month last written.
        ("Harga minyak turun pada 16 Oktober 2024. Di akhir bulan, Menlu China Wang Yi bertemu dengan "
         "Wakil Menlu Rusia Andrei Rudenko di Beijing.", date(2024, 11, 8),
         {("meeting", date(2024, 10, 1), ("Wang Yi", "Andrei Rudenko"))}),
        # Negative: `akhir bulan ini` is the publication's month, not the one written before.
        ("Harga minyak turun pada 16 Oktober 2024. Di akhir bulan ini, Menlu China Wang Yi akan bertemu dengan "
         "Wakil Menlu Rusia Andrei Rudenko di Beijing.", date(2024, 11, 8),
         {("meeting", date(2024, 11, 1), ("Wang Yi", "Andrei Rudenko"))}),
        # A heading in title case (`Jokowi Ke Tiongkok`) tells a trip as `ke` does; the day a newsroom
        # compiled its facts (`dirangkum ... Minggu (30/7/2023)`) dates nothing.
        ("Presiden Jokowi bertemu Presiden Xi Jinping di Chengdu pada 27 Juli 2023.\n\n"
         "Berikut fakta pertemuan Jokowi dengan Xi Jinping yang dirangkum redaksi, Minggu (30/7/2023).\n\n"
         "Misi Presiden Jokowi Ke Tiongkok", date(2023, 7, 30),
         {("meeting", date(2023, 7, 27), ("Joko Widodo", "Xi Jinping")),
          ("visit", date(2023, 7, 27), ("Joko Widodo",))}),
        # A trip told with what it was for: the visit is the traveller's, the meeting both sides'.
        ("Menlu Sugiono terbang ke Moskow pada Senin (1/7/2024) untuk bertemu Menlu Rusia Sergey Lavrov.",
         date(2024, 7, 3), {("meeting", date(2024, 7, 1), ("Sugiono", "Sergey Lavrov")),
                            ("visit", date(2024, 7, 1), ("Sugiono",))}),
        # A high-level dialogue is a meeting; the trip to it a visit.
        ("Menlu Wang Yi akan berangkat ke Labuan Bajo pada Jumat (19/4/2024) untuk menggelar dialog tingkat "
         "tinggi dengan Menko Luhut Binsar Pandjaitan.", date(2024, 4, 18),
         {("meeting", date(2024, 4, 19), ("Wang Yi", "Luhut Binsar Pandjaitan")),
          ("visit", date(2024, 4, 19), ("Wang Yi",))}),
        # Who is represented (`mewakili Presiden X`) takes no part; an exchange on the sidelines of a
        # summit is the exchange (`other`), the summit its occasion.
        ("Menlu Sugiono bertolak ke Kazan pada Selasa (22/10/2024) untuk menghadiri KTT BRICS mewakili "
         "Presiden Prabowo Subianto.", date(2024, 10, 23),
         {("summit", date(2024, 10, 22), ("Sugiono",)), ("visit", date(2024, 10, 22), ("Sugiono",))}),
        ("Menlu Sugiono berbincang dengan Menlu Wang Yi di sela KTT G20 di Rio, Senin (18/11/2024).",
         date(2024, 11, 19), {("other", date(2024, 11, 18), ("Sugiono", "Wang Yi"))}),
        # Negative: a speaker for a state (`mewakili Indonesia`) names no one represented.
        ("Menlu Sugiono mewakili Indonesia bertemu Menlu Wang Yi di Beijing pada Senin (18/11/2024).",
         date(2024, 11, 19), {("meeting", date(2024, 11, 18), ("Sugiono", "Wang Yi"))}),
    ],
)
def test_recall_patterns(text: str, published: date, expected: set[tuple]) -> None:
    assert _told(text, published) == expected


def test_a_speaker_after_a_meeting_takes_no_part_in_it() -> None:
    # Negative: `usai pertemuan` says when the spokesperson spoke, not that they were there.
    text = ("Putin bertemu Xi Jinping di Moskow pada Selasa (21/3/2023), seperti disampaikan oleh Dmitry Peskov "
            "kepada wartawan usai pertemuan itu.")
    (e,) = extract(text, date(2023, 3, 22))
    assert "Dmitry Peskov" not in e.participants


def test_meetings_in_a_summits_city_take_its_date_further_on() -> None:
    filler = "Para analis menilai forum itu penting bagi kawasan dan perdagangan global. " * 14
    text = ("KTT SCO digelar di Kota Astana pada 3 Juli 2024 dan dihadiri Presiden Xi Jinping.\n\n" + filler +
            "\n\nDi Astana, Presiden Vladimir Putin akan bertemu dengan Presiden Recep Tayyip Erdogan.")
    got = {(e.event_type, e.event_date, e.place) for e in extract(text, date(2024, 7, 2))}
    assert ("meeting", date(2024, 7, 3), "Astana") in got
    # Negative: an undated meeting elsewhere takes no date from the summit.
    text = text.replace("Di Astana, Presiden", "Di Moskow, Presiden")
    assert all(e.event_type != "meeting" for e in extract(text, date(2024, 7, 2)))


def test_the_leads_undated_planned_meeting_of_two_named_sides_is_of_the_publication_month() -> None:
    text = ("Presiden Prabowo Subianto dijadwalkan bertemu dengan Presiden Xi Jinping di Beijing.\n\n"
            "Kedua negara menjalin hubungan diplomatik sejak 1950.")
    got = {(e.event_type, e.event_date, e.date_precision) for e in extract(text, date(2024, 11, 5))}
    assert got == {("meeting", date(2024, 11, 1), "month")}
    # Negative: a plan further down the article, not its news, stays undated and goes.
    text = ("Kedua negara menjalin hubungan diplomatik sejak 1950.\n\nPerdagangan terus tumbuh.\n\n"
            "Presiden Prabowo Subianto dijadwalkan bertemu dengan Presiden Xi Jinping di Beijing.")
    assert extract(text, date(2024, 11, 5)) == []


def test_a_series_of_meetings_is_one_meeting_per_person_the_next_sentence_lists() -> None:
    text = ("Menlu Sugiono melakukan serangkaian pertemuan bilateral dengan beberapa menteri luar negeri "
            "pada Kamis (7/3/2024). Di antara mereka adalah Menlu Turki Hakan Fidan dan Menlu Yordania Ayman Safadi.")
    got = {tuple(e.participants) for e in extract(text, date(2024, 3, 8)) if e.event_type == "meeting"}
    assert got == {("Sugiono", "Hakan Fidan"), ("Sugiono", "Ayman Safadi")}
    # Negative: a single meeting told without names takes no list of people from the next sentence.
    text = ("Menlu Sugiono melakukan pertemuan bilateral pada Kamis (7/3/2024). Sebelumnya, Menlu Turki "
            "Hakan Fidan dan Menlu Yordania Ayman Safadi mengkritik rencana itu.")
    got = {tuple(e.participants) for e in extract(text, date(2024, 3, 8)) if e.event_type == "meeting"}
    assert got == {("Sugiono",)}


def test_a_counted_pronoun_stands_for_the_last_people_named() -> None:
    text = ("Menlu Sugiono bertemu Menlu Turki Hakan Fidan pada Kamis (7/3/2024). Menlu Yordania Ayman Safadi "
            "juga hadir di Ankara. Ketiganya akan mengikuti KTT OKI pada Jumat (8/3/2024).")
    summits = [e for e in extract(text, date(2024, 3, 7)) if e.event_type == "summit"]
    assert [e.participants for e in summits] == [["Sugiono", "Hakan Fidan", "Ayman Safadi"]]
    # Negative: `keduanya` is the pair rule's; a counted pronoun with fewer people named stands for nobody.
    text = "Menlu Sugiono tiba di Ankara. Ketiganya akan mengikuti KTT OKI pada Jumat (8/3/2024)."
    summits = [e for e in extract(text, date(2024, 3, 7)) if e.event_type == "summit"]
    assert all("Sugiono" not in e.participants for e in summits)


def test_a_pairs_meeting_retold_far_on_takes_that_meetings_date() -> None:
    filler = "Busana batik sang menteri menarik perhatian para wartawan yang hadir. " * 10
    text = ("Menlu Sugiono bertemu Menlu China Wang Yi pada Kamis (7/3/2024). Wang Yi akan menghadiri KTT G20 "
            "pada Jumat (8/3/2024). " + filler + "Dalam pertemuan Sugiono dengan Wang Yi, keduanya membahas "
            "perdagangan.")
    meetings = [e for e in extract(text, date(2024, 3, 9)) if e.event_type == "meeting"]
    assert [(e.event_date, e.participants) for e in meetings] == [(date(2024, 3, 7), ["Sugiono", "Wang Yi"])]


def test_arriving_at_a_gatherings_venue_dates_the_gathering_told_before() -> None:
    text = ("Kehadiran Menlu Rusia Sergey Lavrov dalam pertemuan para menlu G20 di Bali menuai kritik. "
            "Ketika tiba di lokasi pertemuan di Nusa Dua pada Jumat (8/7/2022), Lavrov disambut protes.")
    got = {(e.event_type, e.event_date) for e in extract(text, date(2022, 7, 9))}
    assert ("summit", date(2022, 7, 8)) in got
    assert all(t != "meeting" for t, _ in got)  # the venue's word is no meeting of its own
    # Negative: a city said to host the gathering tells it.
    text = "Bali menjadi tempat pertemuan para pemimpin G20 pada 15 November 2022."
    assert [e.event_type for e in extract(text, date(2022, 11, 16))] == ["summit"]


def test_a_visit_told_as_a_states_is_its_one_person_the_article_has_met() -> None:
    text = ("Menlu Sugiono bertemu Menlu China Wang Yi di Jakarta pada Kamis (18/4/2024). "
            "Kunjungan China ke Indonesia itu berlangsung di tengah situasi kawasan yang memanas.")
    visits = [e for e in extract(text, date(2024, 4, 18)) if e.event_type == "visit"]
    assert [(e.event_date, e.participants) for e in visits] == [(date(2024, 4, 18), ["Wang Yi"])]
    # Negative: with no person of that state among the article's events, the state stays.
    text = ("Menlu Sugiono bertemu Menlu Turki Hakan Fidan di Jakarta pada Kamis (18/4/2024). "
            "Kunjungan China ke Indonesia itu berlangsung di tengah situasi kawasan yang memanas.")
    assert all("Wang Yi" not in e.participants for e in extract(text, date(2024, 4, 18)))


def test_a_military_parade_is_other_and_who_attends_takes_part() -> None:
    text = ("Parade militer akbar akan digelar pada Rabu (3/9/2025) di Lapangan Merah, Moskow. "
            "Presiden Prabowo Subianto dan Presiden Xi Jinping dijadwalkan hadir dalam acara ini.")
    got = [(e.event_type, e.event_date, e.participants) for e in extract(text, date(2025, 9, 1))]
    assert got == [("other", date(2025, 9, 3), ["Prabowo Subianto", "Xi Jinping"])]
    # Negative: a parade nobody is said to attend names no one and is no event row.
    text = "Parade militer akbar akan digelar pada Rabu (3/9/2025) di Lapangan Merah, Moskow."
    assert extract(text, date(2025, 9, 1)) == []


def test_a_place_and_its_region_after_a_comma_are_one_destination() -> None:
    text = "Menlu Sergey Lavrov tiba di Nusa Dua, Bali pada Kamis (7/7/2022)."
    assert [(e.event_type, e.place) for e in extract(text, date(2022, 7, 8))] == [("visit", "Nusa Dua")]
    # Negative: a list closed by `dan` is a trip of several legs.
    text = "Presiden Joko Widodo mengunjungi Tokyo, Seoul dan Beijing pada Juli 2022."
    assert sorted(e.place for e in extract(text, date(2022, 8, 1))) == ["Beijing", "Seoul", "Tokyo"]


def test_a_run_of_initials_ends_no_sentence() -> None:
    from transforms.text import sentences

    text = "Di antara mereka adalah Menlu Afrika Selatan G.N.M. Pandor. Keduanya membahas perdagangan."
    assert [x.text.strip() for x in sentences(text)] == [
        "Di antara mereka adalah Menlu Afrika Selatan G.N.M. Pandor.", "Keduanya membahas perdagangan."]


def test_a_dated_meeting_told_during_a_trip_pointed_back_to_dates_the_trip() -> None:
    text = ("Menlu Sugiono melakukan kunjungan kerja ke Moskow. Dalam kunjungan tersebut, Sugiono bertemu "
            "Menlu Sergey Lavrov pada Senin (21/10/2024).")
    got = {(e.event_type, e.event_date) for e in extract(text, date(2024, 10, 23))}
    assert got == {("visit", date(2024, 10, 21)), ("meeting", date(2024, 10, 21))}
    # Negative: a meeting of other people during someone else's trip dates nothing of it.
    text = ("Menlu Sugiono melakukan kunjungan kerja ke Moskow. Dalam kunjungan tersebut, Presiden Xi Jinping "
            "bertemu Presiden Vladimir Putin pada Senin (21/10/2024).")
    assert {e.event_type for e in extract(text, date(2024, 10, 23))} == {"meeting"}


def test_a_gathering_placed_a_day_from_the_event_pointed_back_to() -> None:
    text = ("Menlu Sugiono bertemu Menlu Wang Yi di Jakarta pada Rabu (12/7/2023). "
            "Pertemuan ini digelar sehari menjelang ASEAN Post Ministerial Conference di Jakarta.")
    got = {(e.event_type, e.event_date, tuple(e.participants)) for e in extract(text, date(2023, 7, 12))}
    assert ("summit", date(2023, 7, 13), ("ASEAN",)) in got
    # Negative: without a sentence pointing back to a dated event, the offset dates nothing.
    text = "Menlu Sugiono tiba di Jakarta pada Rabu (12/7/2023), sehari menjelang ASEAN Post Ministerial Conference."
    assert all(e.event_type != "summit" for e in extract(text, date(2023, 7, 12)))


def test_a_day_after_a_trailing_credit_dates_the_report_not_the_plan() -> None:
    text = ("Presiden Lula akan berada di Jepang dari 4-6 Mei untuk kunjungan kenegaraan, lapor kantor berita "
            "pada Senin (28/4/2025).")
    (e,) = extract(text, date(2025, 4, 28))
    assert (e.event_type, e.event_date, e.status) == ("visit", date(2025, 5, 4), "planned")
    # Negative: when the credited day is the only one, it still dates the event.
    text = "Presiden Lula melakukan kunjungan kenegaraan ke Tokyo, lapor kantor berita pada Senin (28/4/2025)."
    (e,) = extract(text, date(2025, 4, 28))
    assert e.event_date == date(2025, 4, 28)



def test_a_bare_conversation_on_the_day_of_their_meeting_is_its_talk() -> None:
    text = ("Presiden Lula bertemu Presiden Emmanuel Macron di Istana Elysee pada Selasa (6/5/2025). "
            "Keduanya tampak terlibat percakapan hangat.")
    assert {e.event_type for e in extract(text, date(2025, 5, 6))} == {"meeting"}
    # Negative: where the article says how they talked, the conversation is the call.
    text = ("Presiden Lula berbicara dengan Presiden Emmanuel Macron melalui telepon. "
            "Percakapan antara Lula dan Macron berlangsung pada Selasa (6/5/2025).")
    assert {e.event_type for e in extract(text, date(2025, 5, 6))} == {"call"}
    # Negative: with no meeting of theirs that day, a bare conversation stays a call.
    text = "Pada Selasa (6/5/2025), Presiden Lula menyampaikan ucapan dalam percakapan dengan Presiden Emmanuel Macron."
    assert {e.event_type for e in extract(text, date(2025, 5, 6))} == {"call"}


def test_a_speech_on_one_day_of_a_trip_is_the_speech_not_the_trip() -> None:
    text = "Pada hari ketiga kunjungan, Senin (12/5/2025), Presiden Lula akan berpidato di forum bisnis di Osaka."
    got = [(e.event_type, e.event_date) for e in extract(text, date(2025, 5, 10))]
    assert got == [("other", date(2025, 5, 12))]
    text = "Presiden Lula menjadi pembicara dalam sidang pleno forum ekonomi di Osaka pada Senin (12/5/2025)."
    assert [e.event_type for e in extract(text, date(2025, 5, 12))] == ["other"]
    # Negative: a trip told with its own day is still a trip.
    text = "Presiden Lula melakukan kunjungan kenegaraan ke Jepang pada Senin (12/5/2025)."
    assert [e.event_type for e in extract(text, date(2025, 5, 12))] == ["visit"]


def test_plainer_words_for_meeting_and_a_meeting_word_naming_a_summit() -> None:
    text = "Presiden Lula dan Presiden Emmanuel Macron bersua di Paris pada 5 Juni lalu."
    assert [(e.event_type, e.event_date) for e in extract(text, date(2025, 7, 1))] == [("meeting", date(2025, 6, 5))]
    text = "Menlu Sugiono memenuhi pertemuan KTT G20 di Rio pada Senin (18/11/2024)."
    assert [e.event_type for e in extract(text, date(2024, 11, 19))] == ["summit"]
    # Negative: a meeting word before a name of people stays a meeting.
    text = "Menlu Sugiono mengadakan pertemuan dengan Menlu Wang Yi di Rio pada Senin (18/11/2024)."
    assert [e.event_type for e in extract(text, date(2024, 11, 19))] == ["meeting"]


def test_a_declaration_told_with_a_trip_is_an_event_of_its_own_by_the_states_that_declare() -> None:
    text = ("Brasil dan Jepang mendeklarasikan kemitraan strategis pada Maret 2023, ketika Lula mengunjungi "
            "Tokyo untuk pertama kalinya.")
    got = {(e.event_type, e.event_date, tuple(e.participants)) for e in extract(text, date(2025, 5, 6))}
    assert got == {("visit", date(2023, 3, 1), ("Luiz Inácio Lula da Silva",)),
                   ("declaration", date(2023, 3, 1), ("Brazil", "Jepang"))}
    # Negative: a trip told alone is one event.
    text = "Lula mengunjungi Tokyo pada Maret 2023."
    assert [e.event_type for e in extract(text, date(2025, 5, 6))] == ["visit"]


def test_a_trip_pointed_back_to_when_none_was_told_is_the_guests_trip_on_the_talks_day() -> None:
    text = ("Kaisar Naruhito menjamu Presiden Lula di Istana Kekaisaran pada Senin (5/5/2025). "
            "Kunjungan kenegaraan ini adalah lawatan pertama Lula ke Asia tahun ini.")
    got = {(e.event_type, e.event_date, tuple(e.participants)) for e in extract(text, date(2025, 5, 6))}
    assert ("visit", date(2025, 5, 5), ("Luiz Inácio Lula da Silva",)) in got
    # Negative: a trip already told is not told twice.
    text = ("Presiden Lula tiba di Tokyo pada Minggu (4/5/2025). Kaisar Naruhito menjamu Presiden Lula di Istana "
            "Kekaisaran pada Senin (5/5/2025). Kunjungan kenegaraan ini adalah lawatan pertama Lula ke Asia.")
    assert [e.event_date for e in extract(text, date(2025, 5, 6)) if e.event_type == "visit"] == [date(2025, 5, 4)]


def test_a_guest_received_by_a_host_meets_them_and_a_room_entered_is_a_venue() -> None:
    text = "Presiden Lula diterima oleh Presiden Emmanuel Macron di Istana Elysee, Paris, pada Senin (5/5/2025)."
    (e,) = extract(text, date(2025, 5, 6))
    assert (e.event_type, e.event_date) == ("meeting", date(2025, 5, 5))
    assert "Luiz Inácio Lula da Silva" in e.participants
    # Negative: what a body receives is no meeting.
    assert extract("Usulan itu diterima oleh parlemen pada Senin (5/5/2025).", date(2025, 5, 6)) == []
    # Entering the meeting room tells no meeting of its own.
    text = "Presiden Lula dan Presiden Emmanuel Macron memasuki ruang pertemuan pada Senin (5/5/2025)."
    assert extract(text, date(2025, 5, 6)) == []


def test_a_day_said_in_a_quotation_corrects_the_day_the_lead_guessed() -> None:
    body = ("Menlu Sugiono menghadiri KTT G20 di Rio.\n\n"
            "“Menghadiri KTT G20 (18/11) sebagai utusan Presiden,” tulis Sugiono, dikutip Kamis (21/11).")
    quoted = [(body.index("“"), body.index("”") + 1)]
    got = [(e.event_type, e.event_date) for e in extract(body, date(2024, 11, 21), quoted)]
    assert got == [("summit", date(2024, 11, 18))]
    # Negative: a day said weeks before is another happening; the lead's day stays.
    body = body.replace("(18/11)", "(18/10)")
    got = [(e.event_type, e.event_date) for e in extract(body, date(2024, 11, 21), quoted)]
    assert got == [("summit", date(2024, 11, 21))]


def test_one_travellers_visit_told_on_two_close_days_to_one_place_is_one_trip() -> None:
    # The arrival and the talks day the trip was for: one visit, dated by its first day.
    text = ("Presiden Lula tiba di Beijing pada Senin (12/5/2025). Xi Jinping akan menggelar pembicaraan dengan "
            "Lula pada Selasa (13/5/2025) dalam kunjungan kenegaraan ke China.")
    visits = [e for e in extract(text, date(2025, 5, 12)) if e.event_type == "visit"]
    assert [(e.event_date, e.place) for e in visits] == [(date(2025, 5, 12), "Beijing")]
    # Negative: two cities on two days are two legs of the trip.
    text = ("Presiden Lula tiba di Shanghai pada Senin (12/5/2025). Lula kemudian terbang ke Beijing pada Selasa "
            "(13/5/2025).")
    visits = [e for e in extract(text, date(2025, 5, 14)) if e.event_type == "visit"]
    assert [(e.event_date, e.place) for e in visits] == \
        [(date(2025, 5, 12), "Shanghai"), (date(2025, 5, 13), "Beijing")]
    # Negative: a city named on the next day of a trip to its state is a leg of its own.
    text = ("Presiden Lula melakukan kunjungan kenegaraan ke China pada Senin (12/5/2025). Pada Selasa (13/5/2025), "
            "Lula mengunjungi Shanghai.")
    visits = [e for e in extract(text, date(2025, 5, 14)) if e.event_type == "visit"]
    assert [e.event_date for e in visits] == [date(2025, 5, 12), date(2025, 5, 13)]


def test_arriving_at_a_venue_of_the_day_is_no_trip() -> None:
    text = "Menlu Sugiono tiba di gedung konferensi sekitar pukul 09.00 pada Senin (2/6/2025)."
    assert [e for e in extract(text, date(2025, 6, 2)) if e.event_type == "visit"] == []
    # Negative: arriving in a city is a trip.
    text = "Menlu Sugiono tiba di Gyeongju pada Senin (2/6/2025)."
    assert [(e.event_type, e.place) for e in extract(text, date(2025, 6, 2))] == [("visit", "Gyeongju")]


def test_a_received_guests_meeting_keeps_its_own_day() -> None:
    # `diterima` detaches a newsroom's day (`diterima redaksi`), never the day of the event word itself.
    text = ("Presiden Lula tiba di Paris pada Minggu (4/5/2025). Keesokan harinya, Presiden Lula diterima oleh "
            "Presiden Emmanuel Macron di Istana Elysee, Paris, pada Senin (5/5/2025).")
    got = {(e.event_type, e.event_date) for e in extract(text, date(2025, 5, 6))}
    assert got == {("visit", date(2025, 5, 4)), ("meeting", date(2025, 5, 5))}


def test_a_relative_clause_keeps_its_own_tense_and_day() -> None:
    # `X yang tiba ... pada Senin malam juga dijadwalkan bertemu Y`: the arrival happened on Monday;
    # the meeting is planned, and Monday is not its day.
    text = ("Presiden Lula tiba di Beijing pada Senin (12/5/2025) malam. Lula yang tiba di Beijing pada Senin malam "
            "juga dijadwalkan bertemu dengan Perdana Menteri Li Qiang.")
    got = extract(text, date(2025, 5, 13))
    assert [(e.event_date, e.status) for e in got if e.event_type == "visit"] == [(date(2025, 5, 12), "happened")]
    assert [e.event_date for e in got if e.event_type == "meeting"] != [date(2025, 5, 19)]
    assert all(e.event_date != date(2025, 5, 12) for e in got if e.event_type == "meeting")


def test_who_a_since_clause_names_takes_no_part() -> None:
    text = ("Presiden Xi Jinping bertemu Presiden Vladimir Putin pada Senin (1/9/2025), pertemuan pertama sejak "
            "Presiden Donald Trump menjabat.")
    assert [e.participants for e in extract(text, date(2025, 9, 2))] == [["Xi Jinping", "Vladimir Putin"]]
    # Negative: a since clause that only describes the event's own person leaves them in it.
    text = ("Pada Kamis (16/5/2024), Vladimir Putin mengunjungi Beijing, kunjungan pertamanya sejak dilantik kembali "
            "menjadi Presiden Rusia.")
    assert [e.participants for e in extract(text, date(2024, 5, 17))] == [["Vladimir Putin"]]


def test_a_mention_dated_after_the_lead_takes_its_own_kinds_date() -> None:
    # The talks retold (`membuka pertemuan`) are the pair's meeting told before, not a meeting on
    # the trip's first day; the arrival retold is the trip.
    text = ("Presiden Lula diterima oleh Presiden Xi Jinping di Aula Besar Rakyat, Beijing, pada Selasa (13/5/2025). "
            "Pertemuan ini menjadi agenda utama lawatannya ke China pada 12-14 Mei 2025.\n\nXi Jinping membuka "
            "pertemuan dengan menyampaikan apresiasi atas kedatangan Presiden Lula ke Beijing.")
    got = extract(text, date(2025, 5, 14))
    assert [e.event_date for e in got if e.event_type == "meeting"] == [date(2025, 5, 13)]
    assert [e.event_date for e in got if e.event_type == "visit"] == [date(2025, 5, 12)]


ONE_SIDE_ALONE_IS_NO_MEETING = [
        # A meeting word with one state (read from a genitive) and nobody else meets no one.
        ("Pertemuan berlangsung di gedung parlemen usai upacara hari nasional rakyat Malaysia pada Senin (3/3/2025).",
         date(2025, 3, 4), []),
        # One unnamed delegation negotiating with nobody named is no meeting either.
        ("Delegasi Indonesia menggelar perundingan intensif pada Senin (3/3/2025) di Jenewa.", date(2025, 3, 4), []),
        # A single person stays: the other side may be told elsewhere, and the person says whose talk it was.
        ("Wang Yi menggelar pertemuan bilateral di Jakarta pada Senin (3/3/2025).", date(2025, 3, 4),
         [("meeting", date(2025, 3, 3), ["Wang Yi"], "Jakarta")]),
        # Two sides named as states or roles stay (GOLD.md: states when no person is named).
        ("Delegasi Rusia dan delegasi Ukraina bertemu di Istanbul pada Senin (3/3/2025).", date(2025, 3, 4),
         [("meeting", date(2025, 3, 3), ["delegasi Rusia", "delegasi Ukraina"], "Istanbul")]),
]


NOBODY_VISITS_THEIR_OWN_STATE = [
        # The person met, named before the trip word, is at home in the trip's city: the subject travelled.
        ("Anwar Ibrahim memuji hubungan kedua negara. Dia juga mengingat pertemuan terakhirnya dengan Presiden Xi "
         "pada kunjungan kenegaraan ke Beijing bulan Mei 2024.", date(2025, 3, 4),
         [("meeting", date(2024, 5, 1), ["Anwar Ibrahim", "Xi Jinping"], "Beijing"),
          ("visit", date(2024, 5, 1), ["Anwar Ibrahim"], "Beijing")]),
        # A leader said to visit their own capital, and nobody from elsewhere named: no trip.
        ("Dalam kunjungan ke Moskow pada Rabu (31/7/2024), Putin memuji kerja sama kedua negara.",
         date(2024, 8, 1), []),
        # Negative: a guest at the host's capital stays the traveller.
        ("Presiden Lula mengunjungi Beijing pada Selasa (13/5/2025) dan bertemu Xi Jinping.", date(2025, 5, 14),
         [("meeting", date(2025, 5, 13), ["Luiz Inácio Lula da Silva", "Xi Jinping"], "Beijing"),
          ("visit", date(2025, 5, 13), ["Luiz Inácio Lula da Silva"], "Beijing")]),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A past meeting a speaker recalls on a calendar date, `kita` being the article's two leaders.
        ("Presiden Lula bertemu Presiden Xi Jinping di Beijing pada Selasa (13/5/2025). \"Sejak pertemuan kita di "
         "Rio pada November lalu, banyak kemajuan,\" kata Lula.", date(2025, 5, 14),
         [("meeting", date(2025, 5, 13), ["Luiz Inácio Lula da Silva", "Xi Jinping"], "Beijing"),
          ("meeting", date(2024, 11, 1), ["Luiz Inácio Lula da Silva", "Xi Jinping"], None)]),
        # A trip a speaker names with its traveller and month.
        ("Anwar Ibrahim akan bertemu Xi Jinping di Beijing pada Kamis (6/3/2025). \"Kunjungan Presiden Prabowo "
         "Subianto ke Malaysia pada Januari lalu sangat berhasil,\" kata juru bicara itu.", date(2025, 3, 4),
         [("meeting", date(2025, 3, 6), ["Anwar Ibrahim", "Xi Jinping"], "Beijing"),
          ("visit", date(2025, 1, 1), ["Prabowo Subianto"], None)]),
        # Negative: `kemarin` in a quotation counts from an unknown moment of speech, no date of an event.
        ("Anwar Ibrahim bertemu Xi Jinping di Beijing pada Senin (3/3/2025). \"Kemarin dalam pertemuan dengan "
         "Menteri Wang Yi semua disepakati,\" katanya.", date(2025, 3, 7),
         [("meeting", date(2025, 3, 3), ["Anwar Ibrahim", "Xi Jinping"], "Beijing")]),
        # Negative: a plan a speaker tells stays a quotation's, no event of the article.
        ("\"Kami akan bertemu di Moskow pada Mei,\" kata Xi Jinping kepada Vladimir Putin.", date(2025, 3, 4), []),
    ],
)
def test_a_past_event_a_speaker_dates_is_an_event(text: str, published: date, expected: list[tuple]) -> None:
    start = text.index('"')
    quoted = [(start, text.index('"', start + 1) + 1)]
    got = [(e.event_type, e.event_date, sorted(e.participants), e.place) for e in extract(text, published, quoted)]
    assert sorted(got) == sorted(expected)


DEV3_PATTERNS = [
        # A meeting planned during a trip whose arrival is told is for a later day, told later.
        ("Presiden Lula tiba di Tokyo pada Senin (3/3/2025). Dalam kunjungan ini, Lula dijadwalkan bertemu dengan "
         "PM Shigeru Ishiba. Pada Selasa (4/3/2025), Lula akan mengadakan pertemuan dengan PM Shigeru Ishiba.",
         date(2025, 3, 3),
         [("meeting", date(2025, 3, 4), ["Luiz Inácio Lula da Silva", "Shigeru Ishiba"], None),
          ("visit", date(2025, 3, 3), ["Luiz Inácio Lula da Silva"], "Tokyo")]),
        # Who a clause after `setelah` names as its subject marks a time, no second counterpart.
        ("Putin berbicara melalui telepon dengan Xi Jinping pada Selasa (21/1/2025), beberapa jam setelah Donald "
         "Trump dilantik.", date(2025, 1, 22),
         [("call", date(2025, 1, 21), ["Vladimir Putin", "Xi Jinping"], None)]),
]


# Patterns of BLIND11 (read after its blind score), in my own sentences.
BLIND11_PATTERNS = [
        # A venue and its building after commas: the city after them is the place, and the
        # building after the counterpart's title is no person.
        ("Presiden Prabowo Subianto bertemu Perdana Menteri India Narendra Modi di Wisma 3, Hyderabad House, "
         "New Delhi, Senin (27/1/2025).", date(2025, 1, 28),
         [("meeting", date(2025, 1, 27), ["Narendra Modi", "Prabowo Subianto"], "New Delhi")]),
        # Heading home is no visit ...
        ("Pesawat yang membawa Menlu Sugiono meninggalkan Bandara Haneda menuju Jakarta, Senin (27/1/2025).",
         date(2025, 1, 28), []),
        # ... heading abroad is.
        ("Pesawat yang membawa Menlu Sugiono meninggalkan Jakarta menuju Tokyo, Senin (27/1/2025).",
         date(2025, 1, 28), [("visit", date(2025, 1, 27), ["Sugiono"], None)]),
        # Who is credited after the event told it, and took no part in it.
        ("Kunjungan Menlu China Wang Yi ke Moskow yang akan datang akan memperkuat rasa saling percaya kedua "
         "negara, kata juru bicara Kemlu China, Mao Ning, pada hari Jumat.", date(2025, 3, 7),
         [("visit", date(2025, 3, 7), ["Wang Yi"], "Moskow")]),
        # `di dalam ruang pertemuan`: the room of a gathering told elsewhere, no meeting told here.
        ("Di dalam ruang pertemuan, Menlu Sugiono duduk di samping Menlu China Wang Yi.", date(2025, 1, 28), []),
        # A year in a later relative clause is that clause's (here the lead's undated plan takes the
        # publication's month) ...
        ("Menlu Sugiono dan Menlu China Wang Yi akan mengadakan pertemuan di Beijing, yang akan menegaskan "
         "kemitraan yang mereka sepakati pada tahun 2021.", date(2025, 4, 22),
         [("meeting", date(2025, 4, 1), ["Sugiono", "Wang Yi"], "Beijing")]),
        # `Kunjungan ke Rusia ini`: the trip told before, named again; the meeting of `kemarin` is told.
        ("Kunjungan ke Tokyo ini dilakukan setelah kemarin Sugiono bertemu dengan Menlu Korea Selatan Cho Tae-yul "
         "di Seoul.", date(2025, 4, 22),
         [("meeting", date(2025, 4, 21), ["Cho Tae-yul", "Sugiono"], "Seoul")]),
        # ... a date right after the comma is the event's own.
        ("Menlu Sugiono bertemu Menlu China Wang Yi di Beijing, pada April 2025.", date(2025, 4, 22),
         [("meeting", date(2025, 4, 1), ["Sugiono", "Wang Yi"], "Beijing")]),
]


# Every table above reads the same way: the sorted rows of the events each text gives.
EVENT_TABLES = {
    "real_article_patterns": REAL_ARTICLE_PATTERNS,
    "more_real_article_patterns": MORE_REAL_ARTICLE_PATTERNS,
    "lead_and_time_of_day_dates": LEAD_AND_TIME_OF_DAY_DATES,
    "blind_measurement_patterns": BLIND_MEASUREMENT_PATTERNS,
    "train_set_patterns": TRAIN_SET_PATTERNS,
    "gatherings_and_their_people": GATHERINGS_AND_THEIR_PEOPLE,
    "precision_patterns": PRECISION_PATTERNS,
    "one_side_alone_is_no_meeting": ONE_SIDE_ALONE_IS_NO_MEETING,
    "nobody_visits_their_own_state": NOBODY_VISITS_THEIR_OWN_STATE,
    "dev3_patterns": DEV3_PATTERNS,
    "blind11_patterns": BLIND11_PATTERNS,
}


@pytest.mark.parametrize(("text", "published", "expected"), [
    pytest.param(*row, id=f"{table}-{i}") for table, rows in EVENT_TABLES.items() for i, row in enumerate(rows)])
def test_event_patterns(text: str, published: date | None, expected: list[tuple]) -> None:
    assert sorted(_rows(text, published)) == sorted(expected)
