"""Fuzzing the cleaner and every extractor on random and mutated Indonesian text (our own word
lists, tests/helpers/fuzz.py): no exception, and the invariants hold: a quote's text is in the
body, a figure's raw span is in the body with a finite value, dates keep the year the text writes
or lie near the publication date. `benchmarks/fuzz.py` runs the same check on 10,000 examples."""

from __future__ import annotations

from datetime import date

from helpers.fuzz import check_everything, published, texts
from hypothesis import given

from transforms.facts import article_facts


# The examples and their settings: the "suite" and "fast" profiles in conftest.py.
@given(texts, published)
def test_cleaner_and_extractors_keep_their_invariants(text: str, published_on: date | None) -> None:
    check_everything(text, published_on)


# Found by fuzzing: a closing mark without its opening one left a span open to the paragraph's end,
# and the split-quote merge stitched it to the quotation before into text that is not in the body.
def test_quote_text_is_a_span_of_the_body_even_when_words_repeat() -> None:
    body = '"Kami siap bekerja sama," kata Pres, siap bekerja sama," kata Presiden.'
    quotes = article_facts("0" * 16, body, None)["quotes"]
    assert all(q["quote_text"].replace('"', "") in body.replace('"', "") for q in quotes)


def test_the_date_invariant_can_fail() -> None:
    # A check that passes everything protects nothing.
    from helpers.fuzz import sane

    assert not sane(date(2099, 1, 1), "bulan ini", date(2024, 2, 9))
    assert not sane(date(1850, 5, 1), "kemarin", None)
    assert sane(date(2099, 1, 1), "tahun 2099", date(2024, 2, 9))  # written: the text says so
    assert sane(date(2023, 12, 30), "(30/12)", date(2024, 2, 9))
