"""Random and mutated Indonesian news text for fuzzing the cleaner and the extractors, and the
invariants their output must keep. Used by tests/test_fuzz.py (a few hundred examples) and
benchmarks/fuzz.py (10,000). Every word list here is our own writing."""

from __future__ import annotations

import math
import re
from datetime import date

from hypothesis import strategies as st

from transforms.clean import clean_text, extract_html
from transforms.dates import find_dates
from transforms.facts import article_facts
from transforms.text import normalise
from warehouse.schema import EARLIEST_DATE

PEOPLE = ["Vladimir Putin", "Xi Jinping", "Prabowo Subianto", "Joko Widodo", "Sergei Lavrov", "Wang Yi",
          "Retno Marsudi", "Sugiono", "Dmitry Peskov", "Joe Biden", "Donald Trump", "Presiden", "Menlu", "dia"]
VERBS = ["kata", "ujar", "ucap", "tutur", "tegas", "jelas", "ungkap", "ujarnya", "katanya", "menurut"]
WORDS = ["pertemuan", "bilateral", "kerja", "sama", "ekonomi", "perdagangan", "kedua", "negara", "di", "Beijing",
         "Moskow", "Jakarta", "dengan", "yang", "akan", "telah", "membahas", "kunjungan", "kenegaraan", "KTT",
         "BRICS", "SCO", "G20", "investasi", "nilai", "mencapai", "sekitar", "lebih", "dari", "naik", "turun",
         "tahun", "lalu", "bulan", "ini", "pada", "Senin", "Kamis", "Jumat", "menelepon", "bertemu", "bertolak",
         "ke", "sidang", "deklarasi", "bersama", "panggilan", "video", "Kremlin", "Istana", "Baca", "Juga:",
         "ADVERTISEMENT", "SCROLL", "TO", "CONTINUE", "WITH", "CONTENT", "Bagikan", "(ant/rtr)", "-", "—", ","]
FIGURES = ["USD 200 miliar", "Rp 2,9 kuadriliun", "11,6 persen", "US$1,5 triliun", "Rp15.660 per dolar AS",
           "7 persen", "tujuh persen", "100 juta yuan", "3.500 orang", "50 bcm", "0,5 persen", "Rp 1.000",
           "1,2 juta", "99,9%", "USD 1.000.000", "Rp0", "-5 persen", "1e9 dolar"]
DATES = ["Kamis (8/2/2024)", "(30/12)", "Maret 2023", "tahun lalu", "bulan ini", "Senin (1/1/2024)",
         "7-8 Juli 2022", "31 Februari 2023", "(31/13)", "1 Januari 1850", "tahun 2099", "pekan depan",
         "kemarin", "Minggu kemarin", "29/2/2023", "(0/0/0000)", "tahun 9999", "1945"]
MARKS = ["\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "(", ")", ".", "!", "?", ":", ";", "\n", "\n\n", " ",
         "\u00a0", "\t", "\u200b", "\ufeff", "<p>", "</p>", "&amp;", "&#8220;"]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(PEOPLE), st.sampled_from(VERBS), st.sampled_from(FIGURES),
                  st.sampled_from(DATES), st.sampled_from(MARKS))


@st.composite
def quoted_sentence(draw: st.DrawFn) -> str:
    words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
    open_, close = draw(st.sampled_from([("\u201c", "\u201d"), ('"', '"'), ("\u201c", ""), ("", "\u201d")]))
    return f"{open_}{words},{close} {draw(st.sampled_from(VERBS))} {draw(st.sampled_from(PEOPLE))}."


sentence = st.one_of(quoted_sentence(), st.lists(token, min_size=1, max_size=25).map(" ".join))
article = st.lists(sentence, min_size=1, max_size=12).map(lambda s: "\n".join(s))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """An article with characters deleted, inserted, doubled or swapped: what scrapers do."""
    text = draw(article)
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        op = draw(st.sampled_from(["delete", "insert", "double", "swap", "cut"]))
        if op == "delete":
            text = text[:i] + text[i + 1:]
        elif op == "insert":
            text = text[:i] + draw(st.one_of(st.sampled_from(MARKS), st.characters())) + text[i:]
        elif op == "double":
            j = draw(st.integers(i, len(text)))
            text = text[:j] + text[i:j] + text[j:]
        elif op == "swap" and i + 1 < len(text):
            text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
        elif op == "cut":
            text = text[:i]
    return text


texts = st.one_of(article, mutated(), st.text(max_size=400))
published = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))


def _collapsed(text: str) -> str:
    """Whitespace collapsed and quotation marks dropped: a quote that runs over paragraphs is
    joined with a space, and the mark that reopens each continued paragraph is not part of it."""
    return " ".join(re.sub("[\"\u201c\u201d\u201e\u00ab\u00bb]", " ", text).split())


def sane(day: date, written: str, published_on: date | None) -> bool:
    """A date keeps the year the text writes; one without a written year (`(30/12)`, `tahun lalu`,
    `Kamis`) lies within two years of publication (or of today when the date is unknown)."""
    years = {int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", written)}
    if any(abs(day.year - y) <= 1 for y in years):  # the written year (or the next, "31/12 - 1/1")
        return True
    anchor = published_on or date.today()
    return abs((day - anchor).days) <= 2 * 366 and day >= EARLIEST_DATE


def check_everything(text: str, published_on: date | None) -> None:
    """Run the cleaner and every extractor on `text`; raise AssertionError when an invariant breaks."""
    cleaned = clean_text(text)
    assert isinstance(cleaned, str)
    assert all(line.strip() for line in cleaned.split("\n") if cleaned), "an empty paragraph came out"
    extract_html(f"<html><body><article><p>{text}</p></article></body></html>")
    body = normalise(cleaned)
    flat = _collapsed(body)
    for mention in find_dates(body, published_on):
        assert sane(mention.value, mention.text, published_on), f"date {mention.value} from {mention.text!r}"
    rows = article_facts("0" * 16, cleaned, published_on)
    for q in rows["quotes"]:
        # A quote may run over paragraphs (each opened anew): its text joins them with a space.
        assert _collapsed(q["quote_text"]) in flat, f"quote {q['quote_text']!r} not in the body"
    for f in rows["figures"]:
        assert f["raw"] in body, f"figure {f['raw']!r} not in the body"
        assert f["value"] is not None and math.isfinite(f["value"]), f"figure {f['raw']!r} = {f['value']}"
    for e in rows["events"]:
        if e["event_date"] is not None:
            # An event may take its date from the sentences around it: years written anywhere count.
            assert sane(e["event_date"], body, published_on), f"event on {e['event_date']} from {e['evidence']!r}"
