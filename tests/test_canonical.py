"""Which reported events are one real-world event (transforms/canonical.py), on tiny frames."""

from __future__ import annotations

import random
from datetime import date

import polars as pl
import pytest

from transforms.canonical import (
    CANONICAL_SCHEMA,
    assign,
    consolidate,
    date_distance,
    places_agree,
    same_name,
    shared,
)

XI, PUTIN, MODI = "Xi Jinping", "Vladimir Putin", "Narendra Modi"


def events(*rows: tuple) -> pl.DataFrame:
    """(event_id, article_id, type, 'YYYY-MM-DD' or None, precision, participants, place[, published])"""
    records = []
    for i, r in enumerate(rows):
        eid, art, kind, day, precision, people, place = r[:7]
        published = r[7] if len(r) > 7 else None
        records.append({
            "event_id": eid, "article_id": art, "event_type": kind,
            "event_date": date.fromisoformat(day) if day else None, "date_precision": precision,
            "participants": people, "place": place, "position": i,
            "published_at": date.fromisoformat(published) if published else None,
        })
    return pl.DataFrame(records, schema={
        "event_id": pl.String, "article_id": pl.String, "event_type": pl.String, "event_date": pl.Date,
        "date_precision": pl.String, "participants": pl.List(pl.String), "place": pl.String,
        "position": pl.Int32, "published_at": pl.Date,
    })


def groups(links: pl.DataFrame) -> set[frozenset[str]]:
    """The partition of event ids that the links make."""
    by: dict[str, set[str]] = {}
    for eid, cid in links.iter_rows():
        by.setdefault(cid, set()).add(eid)
    return {frozenset(g) for g in by.values()}


NO_CANONICAL = pl.DataFrame(schema=CANONICAL_SCHEMA)


def test_outlets_a_day_apart_and_vaguer_dates_report_one_call() -> None:
    links = assign(NO_CANONICAL, events(
        ("a", "art1", "call", "2024-02-08", "day", [XI, PUTIN], None),
        ("b", "art2", "call", "2024-02-09", "day", ["Putin", "Xi"], None),  # a day late, short names
        ("c", "art3", "call", "2024-02-01", "month", [XI, PUTIN], None),
        ("d", "art4", "call", "2024-01-01", "year", [PUTIN], None),
    ))
    assert groups(links) == {frozenset("abcd")}


def test_the_same_leaders_calls_on_different_days_stay_distinct() -> None:
    links = assign(NO_CANONICAL, events(
        ("c2022", "art1", "call", "2022-12-30", "day", [PUTIN, XI], None),
        ("c2024", "art2", "call", "2024-02-08", "day", [XI, PUTIN], None),
        ("c2025", "art3", "call", "2025-02-24", "day", [XI, PUTIN], None),
        ("c2025b", "art4", "call", "2025-02-26", "day", [XI, PUTIN], None),  # two days off: another call
    ))
    assert len(groups(links)) == 4


def test_one_leaders_calls_with_two_others_on_one_day_are_two_calls() -> None:
    links = assign(NO_CANONICAL, events(
        ("xi", "art1", "call", "2024-02-08", "day", [XI, PUTIN], None),
        ("modi", "art2", "call", "2024-02-08", "day", [MODI, PUTIN], None),
        ("xi2", "art3", "call", "2024-02-08", "day", [PUTIN, XI], None),
    ))
    assert groups(links) == {frozenset({"xi", "xi2"}), frozenset({"modi"})}


def test_events_of_one_article_are_distinct_happenings() -> None:
    # Talks on two days, told in one article; a second article reports only the second day.
    links = assign(NO_CANONICAL, events(
        ("d1", "art1", "meeting", "2024-05-16", "day", [XI, PUTIN], "Beijing"),
        ("d2", "art1", "meeting", "2024-05-17", "day", [XI, PUTIN], "Beijing"),
        ("other", "art2", "meeting", "2024-05-17", "day", [XI, PUTIN], None),
    ))
    assert groups(links) == {frozenset({"d1"}), frozenset({"d2", "other"})}


def test_types_and_places_must_agree() -> None:
    links = assign(NO_CANONICAL, events(
        ("visit", "art1", "visit", "2023-03-20", "day", [XI], "Moskow"),
        ("talks", "art1", "meeting", "2023-03-20", "day", [XI, PUTIN], "Moskow"),
        ("visit2", "art2", "visit", "2023-03-01", "month", [XI], "Moscow"),  # another spelling
        ("visit3", "art3", "visit", "2023-01-01", "year", [XI, PUTIN], "Rusia"),  # the city's state
        ("elsewhere", "art4", "visit", "2023-03-20", "day", [XI], "Paris"),
    ))
    assert groups(links) == {frozenset({"visit", "visit2", "visit3"}), frozenset({"talks"}),
                             frozenset({"elsewhere"})}


def test_a_summit_is_known_by_an_attendee_or_its_place() -> None:
    links = assign(NO_CANONICAL, events(
        ("s1", "art1", "summit", "2024-07-04", "day", [XI, PUTIN], "Astana"),
        ("s2", "art2", "summit", "2024-07-04", "day", ["Recep Tayyip Erdogan", PUTIN], None),
        ("s3", "art3", "summit", "2024-07-01", "month", [], "Astana"),
        ("s4", "art4", "summit", "2024-07-04", "day", [MODI], "Washington"),
    ))
    assert groups(links) == {frozenset({"s1", "s2", "s3"}), frozenset({"s4"})}


def test_an_undated_report_joins_only_an_unambiguous_event() -> None:
    links = assign(NO_CANONICAL, events(
        ("v1", "art1", "visit", "2024-05-16", "day", [PUTIN], "Beijing"),
        ("undated", "art2", "visit", None, None, [PUTIN], "Beijing"),
        ("c1", "art1", "call", "2024-02-08", "day", [XI, PUTIN], None),
        ("c2", "art3", "call", "2025-02-24", "day", [XI, PUTIN], None),
        ("which", "art4", "call", None, None, [XI, PUTIN], None),
    ))
    assert groups(links) == {frozenset({"v1", "undated"}), frozenset({"c1"}), frozenset({"c2"}),
                             frozenset({"which"})}


def test_a_later_report_joins_a_known_canonical_event() -> None:
    first = events(
        ("a", "art1", "call", "2024-02-08", "day", [XI, PUTIN], None),
        ("b", "art2", "call", "2025-02-24", "day", [XI, PUTIN], None),
    )
    links = assign(NO_CANONICAL, first)
    known = consolidate(
        first.join(links, on="event_id").with_columns(status=pl.lit("happened"), report=pl.col("article_id"))
    )
    later = assign(known, events(
        ("c", "art3", "call", "2024-02-01", "month", [PUTIN], None),
        ("d", "art4", "call", "2024-02-09", "day", [XI, PUTIN], None),
        ("e", "art5", "call", "2024-03-01", "day", [XI, PUTIN], None),
    ))
    ids = dict(links.iter_rows())
    new = dict(later.iter_rows())
    assert new["c"] == new["d"] == ids["a"]
    assert new["e"] not in ids.values()


def test_ids_come_from_the_input_not_its_order() -> None:
    rows = [
        ("a", "art1", "call", "2024-02-08", "day", [XI, PUTIN], None, "2024-02-09"),
        ("b", "art2", "call", "2024-02-09", "day", [XI, PUTIN], None, "2024-02-10"),
        ("c", "art3", "call", "2024-02-01", "month", [XI, PUTIN], None, "2024-03-01"),
        ("d", "art4", "visit", "2024-05-16", "day", [PUTIN], "Beijing", "2024-05-17"),
    ]
    expected = assign(NO_CANONICAL, events(*rows)).sort("event_id")
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    assert assign(NO_CANONICAL, events(*shuffled)).sort("event_id").equals(expected)
    # The day report founds the event, whatever came first in the frame.
    assert expected["canonical_event_id"].n_unique() == 2


def test_consolidate_takes_the_most_precise_date_most_reports_give() -> None:
    members = events(
        ("a", "art1", "call", "2024-02-08", "day", [XI, PUTIN], None, "2024-02-09"),
        ("a2", "art1b", "call", "2024-02-08", "day", [XI, PUTIN], None, "2024-02-09"),  # near-copy of art1
        ("b", "art2", "call", "2024-02-09", "day", [PUTIN, "Yuri Ushakov"], None, "2024-02-10"),
        ("c", "art3", "call", "2024-02-09", "day", [PUTIN], None, "2024-02-10"),
        ("d", "art4", "call", "2024-02-01", "month", [XI], "Moskow", "2024-03-01"),
        ("e", "art5", "call", "2024-02-01", "month", [XI], "Rusia", "2024-03-02"),
    ).with_columns(
        canonical_event_id=pl.lit("x" * 16), status=pl.Series(["happened", None, None, "planned", None, None]),
        report=pl.Series(["art1", "art1", "art2", "art3", "art4", "art5"]),
    )
    row = consolidate(members).row(0, named=True)
    assert (row["event_date"], row["date_precision"]) == (date(2024, 2, 9), "day")  # two reports to one
    assert row["participants"] == sorted([XI, PUTIN, "Yuri Ushakov"])
    assert row["place"] == "Moskow" and row["status"] == "happened"
    tie = consolidate(members.filter(pl.col("event_id") != "c")).row(0, named=True)
    assert tie["event_date"] == date(2024, 2, 8)  # one report each: the earlier day


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Vladimir Putin", "vladimir putin", True),
    ("Yury Ushakov", "Yuri Ushakov", True),
    ("Sergey Lavrov", "Sergei Lavrov", True),
    ("Kim Jong Un", "Kim Jong Il", False),
    ("Wang Yi", "Wang Wenbin", False),
    ("pemimpin India", "pemimpin China", False),
    ("Li Qiang", "Li Hui", False),
])
def test_name_variants(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


def test_shared_participants_count_states_as_their_people() -> None:
    assert shared(["China", "Rusia"], [XI, PUTIN]) == 2
    assert shared([XI, PUTIN], [PUTIN, MODI]) == 1
    assert shared(["Putin"], [PUTIN]) == 1  # an alias folds to the canonical name


@pytest.mark.parametrize(("a", "b", "agree"), [
    (None, "Beijing", True), ("Moskow", "Moscow", True), ("Rusia", "Kazan", True),
    ("Beijing", "Moskow", False), ("China", "Kazan", False),
    # A venue the gazetteer does not know may be in the state, not in a known city elsewhere.
    ("Rusia", "Istana Tavrichesky", True), ("Istana Tavrichesky", "Rusia", True),
    ("Beijing", "Istana Tavrichesky", False), ("Balai Agung", "Istana Tavrichesky", False),
])
def test_places(a: str | None, b: str | None, agree: bool) -> None:
    assert places_agree(a, b) is agree


def test_the_days_of_a_summit_or_visit_chain_within_their_span() -> None:
    links = assign(NO_CANONICAL, events(
        ("a", "art1", "summit", "2024-10-22", "day", ["Sugiono"], "Rusia"),
        ("b", "art2", "summit", "2024-10-23", "day", ["Sugiono", "Prabowo Subianto"], None),
        ("c", "art3", "summit", "2024-10-24", "day", ["Sugiono"], "Kazan"),  # two days from the first
        # Three days after the first: another summit, however alike.
        ("d", "art4", "summit", "2024-10-25", "day", ["Sugiono"], None),
        # A call does not last days: a day from the one before it, two from the first, is another.
        ("e", "art1", "call", "2024-10-22", "day", [XI, PUTIN], None),
        ("f", "art2", "call", "2024-10-23", "day", [XI, PUTIN], None),
        ("g", "art3", "call", "2024-10-24", "day", [XI, PUTIN], None),
    ))
    found = groups(links)
    assert frozenset({"a", "b", "c"}) in found and frozenset({"d"}) in found
    assert frozenset({"g"}) in found and frozenset({"e", "f"}) in found


def test_a_venue_and_a_known_city_agree_on_the_same_day_only() -> None:
    assert places_agree("Beijing", "Hotel Teratai", same_day=True)
    assert places_agree("Hotel Teratai", "Beijing", same_day=True)
    # Two venues on one day may be one event's (a summit's hall in one report, its hotel in another) ...
    assert places_agree("Balai Agung", "Hotel Teratai", same_day=True)
    # ... not a day apart, and two known cities never.
    assert not places_agree("Balai Agung", "Hotel Teratai", same_day=False)
    assert not places_agree("Beijing", "Moskow", same_day=True)
    links = assign(NO_CANONICAL, events(
        ("a", "art1", "meeting", "2023-07-27", "day", [XI, "Joko Widodo"], "Hotel Teratai"),
        ("b", "art2", "meeting", "2023-07-27", "day", ["Joko Widodo", XI], "Chengdu"),
        # The next day's talks of the same two in a known city: a day apart, a venue does not stand
        # for a city (it could be this one, or the first day's).
        ("c", "art3", "meeting", "2023-07-28", "day", [XI, "Joko Widodo"], "Beijing"),
    ))
    assert groups(links) == {frozenset({"a", "b"}), frozenset({"c"})}


def test_date_distance() -> None:
    day = (date(2024, 2, 8), "day")
    assert date_distance(day, day) == 0
    assert date_distance(day, (date(2024, 2, 9), "day")) == 1
    assert date_distance(day, (date(2024, 2, 10), "day")) is None
    assert date_distance(day, (date(2024, 2, 1), "month")) == 2
    assert date_distance((date(2024, 3, 1), "month"), day) is None
    assert date_distance((date(2024, 1, 1), "year"), (date(2024, 3, 1), "month")) == 2
    assert date_distance(day, None) == 3


def test_reports_of_one_trip_naming_different_companions_are_one_visit() -> None:
    links = assign(NO_CANONICAL, events(
        ("a", "art1", "visit", "2022-07-25", "day", ["Joko Widodo", XI], "China"),
        ("b", "art2", "visit", "2022-07-25", "day", ["Joko Widodo", "Retno Marsudi", "Luhut Pandjaitan"], "Beijing"),
        ("c", "art3", "visit", "2022-07-26", "day", ["Joko Widodo"], None),
        # Another traveller's trip that day stays apart, and so does the same traveller's trip a month on.
        ("d", "art4", "visit", "2022-07-25", "day", ["Fumio Kishida"], "Beijing"),
        ("e", "art5", "visit", "2022-08-25", "day", ["Joko Widodo", XI], "China"),
    ))
    assert groups(links) == {frozenset("abc"), frozenset("d"), frozenset("e")}


def test_a_meeting_still_needs_both_sides() -> None:
    links = assign(NO_CANONICAL, events(
        ("a", "art1", "meeting", "2022-07-26", "day", ["Joko Widodo", XI], "Beijing"),
        ("b", "art2", "meeting", "2022-07-26", "day", ["Joko Widodo", "Li Keqiang"], "Beijing"),
    ))
    assert groups(links) == {frozenset("a"), frozenset("b")}
