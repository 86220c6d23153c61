"""One row per real-world event: which reported events are the same happening.

Every article reports its own `events` rows; a call told by three outlets is three rows. A
*canonical event* gathers them. `assign` gives each new event the id of the canonical event it
reports, or founds a new one; `consolidate` describes a canonical event from its reports.

Two reports are of one happening when all of these hold:
- the same type (a state visit and the talks held during it are two events);
- compatible dates: equal, one day apart when both are days (outlets in other time zones, or
  counting from their own publication day, disagree by one), or one inside the other (a month
  mention matches a day in it, a year mention a month or a day in it); the days of a summit or a
  visit may spread over `MULTI_DAY_SPAN` days, each a day from another report's;
- participants in common, after canonical names: at least two when both reports name two or more
  (the Xi–Putin call and the Putin–Modi call of one day are two calls), else one; a visit of
  days at most a day apart needs one (a trip is its traveller's; reports add hosts or ministers); a state counts
  as its own people (`China` matches `Xi Jinping`). With nobody named, the same place must be named;
  a summit needs one attendee in common (one person attends one summit a day) or its place;
- compatible places: one unknown, the same place, or a city inside the other's state; on the same
  day, a venue the gazetteer does not know and a known city (the venue may be in it).
Events of one article are never one happening: the extractor has already merged what it told twice.

Records are linked one by one to the canonical events known so far, precise dates first, so that a
month mention joins the day event it is about. Among several candidates the closest date wins,
then the most participants in common, then the same place, then the oldest. A link, once made,
is kept (the warehouse stores it): ids are stable however many articles come later.

Why not a record-linkage library: splink (on DuckDB) learns match weights from field agreements
and clusters pairs transitively. Here the decisive rules are domain constraints (same type, days
apart, two shared people for bilateral events, never two events of one article) and clusters must
not move once published; these are a few explicit rules better than learned weights. Name
similarity uses rapidfuzz, the maintained C++ implementation of edit distances.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

import polars as pl
from rapidfuzz import fuzz

from transforms import lexicon
from transforms.dates import compatible
from transforms.ids import stable_id

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
# How many days apart two day-precise reports of one happening may be.
DAY_TOLERANCE = 1
# Summits and visits last days, and each report dates the day it tells (the arrival, the opening,
# the last session): their reports' days may spread over this many days (22-24 October: 2), each
# within `DAY_TOLERANCE` of another. Longer, and a G20 and the APEC summit three days after it,
# one leader at both, would be one.
MULTI_DAY_SPAN = 2
MULTI_DAY = frozenset({"summit", "visit"})
# Two spellings of one name word (`Yuri`/`Yury`, `Sergei`/`Sergey`, `Mohammed`/`Muhammad`):
# rapidfuzz similarity, in percent, of the words in the same position.
NAME_WORD_SIMILARITY = 60

LINK_SCHEMA = pl.Schema({"event_id": pl.String(), "canonical_event_id": pl.String()})
CANONICAL_SCHEMA = pl.Schema({
    "canonical_event_id": pl.String(), "event_type": pl.String(), "event_date": pl.Date(),
    "date_precision": pl.String(), "participants": pl.List(pl.String()), "place": pl.String(),
    "status": pl.String(),
})

When = tuple[date, str]


# --- names and places ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Known:
    name: str
    kind: str
    state: str | None


@cache
def _gazetteer() -> dict[str, _Known]:
    """Folded alias or name -> the gazetteer entry it names."""
    index: dict[str, _Known] = {}
    for e in lexicon.entities():
        for alias in (e.name, *e.aliases):
            index.setdefault(_fold(alias), _Known(e.name, e.kind, e.state))
    return index


@lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@lru_cache(maxsize=65536)
def canonical_name(name: str) -> str:
    """The gazetteer's name for a participant or place (`Moscow` -> `Moskow`), else the name."""
    known = _gazetteer().get(_fold(name))
    return known.name if known else " ".join(name.split())


@lru_cache(maxsize=65536)
def _state_of(name: str) -> str | None:
    known = _gazetteer().get(_fold(name))
    if known is None:
        return None
    return known.name if known.kind == "state" else known.state


@lru_cache(maxsize=65536)
def _is_state(name: str) -> bool:
    known = _gazetteer().get(_fold(name))
    return known is not None and known.kind == "state"


@lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """Whether two canonical names can be one person (or state): equal when folded, or the same
    words spelled another way (`Yury Ushakov`/`Yuri Ushakov`; not `Kim Jong Un`/`Kim Jong Il`)."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return True
    wa, wb = fa.split(), fb.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    # One word must agree exactly (the surname, usually); the others may be variant spellings.
    return any(x == y and len(x) >= 3 for x, y in zip(wa, wb, strict=True)) and all(
        x == y or (x[0] == y[0] and fuzz.ratio(x, y) >= NAME_WORD_SIMILARITY) for x, y in zip(wa, wb, strict=True)
    )


@lru_cache(maxsize=65536)
def same_participant(a: str, b: str) -> bool:
    """Same name, or a state and one of its people (a report may name only the states)."""
    a, b = canonical_name(a), canonical_name(b)
    if same_name(a, b):
        return True
    if _is_state(a) and not _is_state(b):
        return _state_of(b) == a
    if _is_state(b) and not _is_state(a):
        return _state_of(a) == b
    return False


def shared(a: Iterable[str], b: Iterable[str]) -> int:
    """How many participants of the shorter list match one of the other (each used once)."""
    small, large = sorted((list(a), list(b)), key=len)
    free = list(large)
    count = 0
    for name in small:
        hit = next((x for x in free if same_participant(name, x)), None)
        if hit is not None:
            free.remove(hit)
            count += 1
    return count


@lru_cache(maxsize=65536)
def places_agree(a: str | None, b: str | None, same_day: bool = False) -> bool:
    """One unknown, the same place, or a city and its state (`Moskow`, `Rusia`); a venue the
    gazetteer does not know (`Istana Konstantinovsky`) may lie in any state. On the same day it
    may also lie in a known city (`Hotel Teratai`, `Chengdu`: one report names the hotel, another
    the city), and two venues may be one (`Hwabaek International Convention Center`, `Gyeongju
    Hilton`: reports name the building of a summit's sessions or the hotel of its talks); a day
    apart, a venue and another city keep two days' talks of a visit apart."""
    if a is None or b is None:
        return True
    ca, cb = canonical_name(a), canonical_name(b)
    if same_name(ca, cb):
        return True
    unknown_a, unknown_b = _fold(ca) not in _gazetteer(), _fold(cb) not in _gazetteer()
    if same_day and (unknown_a or unknown_b):
        return True
    return (_is_state(ca) and (_state_of(cb) == ca or unknown_b)) or \
        (_is_state(cb) and (_state_of(ca) == cb or unknown_a))


def _finer_place(a: str | None, b: str | None) -> str | None:
    """Of two agreeing places, the more precise (a city rather than its state)."""
    if a is None or b is None:
        return a or b
    return b if _is_state(canonical_name(a)) and not _is_state(canonical_name(b)) else a


# --- dates -----------------------------------------------------------------------------------

def date_distance(a: When | None, b: When | None, tolerance: int = DAY_TOLERANCE) -> int | None:
    """0 for the same date at the same precision, 1 for days up to `tolerance` apart, 2 for one
    period holding the other, 3 when a date is unknown; None when they cannot be one event's."""
    if a is None or b is None:
        return 3
    if a[1] == b[1] and a[0] == b[0]:
        return 0
    if a[1] == b[1] == "day":
        return 1 if abs((a[0] - b[0]).days) <= tolerance else None
    return 2 if compatible(a, b) else None


# --- linking ---------------------------------------------------------------------------------

@dataclass
class _Canonical:
    """What is known of a canonical event while linking: its type, its most precise date, the
    union of its participants, its most precise place."""

    canonical_event_id: str
    event_type: str
    when: When | None
    participants: list[str]
    place: str | None
    order: int
    articles: set[str] = field(default_factory=set)
    days: tuple[date, date] | None = None  # first and last day its day-precise reports give

    def absorb(self, ev: dict) -> None:
        when = _when(ev)
        if when and when[1] == "day":
            self.days = (min(self.days[0], when[0]), max(self.days[1], when[0])) if self.days else (when[0], when[0])
        if when and (self.when is None or PRECISION_RANK[when[1]] < PRECISION_RANK[self.when[1]]):
            self.when = when
        for p in ev["participants"] or []:
            name = canonical_name(p)
            if not any(same_name(name, q) for q in self.participants):
                self.participants.append(name)
        self.place = _finer_place(self.place, ev["place"])
        self.articles.add(ev["article_id"])


def _when(row: dict) -> When | None:
    if row["event_date"] is None or row["date_precision"] not in PRECISION_RANK:
        return None
    return row["event_date"], row["date_precision"]


@dataclass(frozen=True)
class _Report:
    """An event to link, with what scoring needs worked out once."""

    row: dict
    when: When | None
    people: list[str]
    place: str | None

    @classmethod
    def of(cls, row: dict) -> _Report:
        place = canonical_name(row["place"]) if row["place"] else None
        return cls(row, _when(row), [canonical_name(p) for p in row["participants"] or []], place)


def _score(c: _Canonical, ev: _Report, tolerance: int) -> tuple[int, int, int, int] | None:
    """How well an event fits a canonical event (lower is better), or None when it cannot be it."""
    if ev.row["article_id"] in c.articles or ev.row["event_type"] != c.event_type:
        return None
    distance = date_distance(c.when, ev.when, tolerance)
    if distance is None and c.event_type in MULTI_DAY and c.days and ev.when and ev.when[1] == "day":
        # Another day of a summit or visit whose reports already span days: within a day of one
        # of them and within the span.
        first, last = min(c.days[0], ev.when[0]), max(c.days[1], ev.when[0])
        near = (c.days[0] - ev.when[0]).days <= tolerance and (ev.when[0] - c.days[1]).days <= tolerance
        distance = 1 if near and (last - first).days <= MULTI_DAY_SPAN else None
    if distance is None or not places_agree(c.place, ev.place, same_day=distance == 0):
        return None
    common = shared(ev.people, c.participants)
    same_place = ev.place is not None and c.place is not None and ev.place == canonical_name(c.place)
    # A summit gathers many and a report names some of them; one attendee can be at one summit a
    # day. A trip is its traveller's, whoever else a report names with them (host, ministers of the
    # delegation), and one person makes one trip at a time: a visit needs one person in common on
    # days at most `tolerance` apart. Bilateral events need both sides (Putin's calls with Xi and
    # with Modi on one day).
    one_is_enough = c.event_type == "summit" or (c.event_type == "visit" and distance <= 1)
    needed = min(1 if one_is_enough else 2, len(ev.people), len(c.participants))
    # Nobody named on one side: only the place can tell; a summit is also known by its place.
    if (needed == 0 or common < needed) and not (same_place and (needed == 0 or c.event_type == "summit")):
        return None
    return distance, -common, 0 if same_place else 1, c.order


def _name_keys(name: str) -> frozenset[str]:
    """Blocking keys of a participant: two names that can match share one: the folded name, its
    last word (spelling variants, `Yuri`/`Yury Ushakov`, keep the family name), and its state,
    since a state matches its people. Variants in the last word are not looked for."""
    return _name_keys_of(canonical_name(name))


@lru_cache(maxsize=65536)
def _name_keys_of(name: str) -> frozenset[str]:
    folded = _fold(name)
    keys = {folded, folded.rsplit(" ", 1)[-1]}
    state = _state_of(name)
    if state:
        keys.add("state:" + _fold(state))
    return frozenset(keys)


def _keys(participants: Iterable[str], place: str | None) -> set[str]:
    keys = {k for p in participants for k in _name_keys(p)}
    if place:
        keys.add("place:" + _fold(canonical_name(place)))
    return keys


class _Index:
    """Canonical events by type, blocking key and year, so that an event is scored only against
    those it could match (same type, a participant or the place in common, a year near)."""

    def __init__(self) -> None:
        self.by_year: dict[tuple[str, str, int | None], dict[int, _Canonical]] = {}
        self.by_key: dict[tuple[str, str], dict[int, _Canonical]] = {}

    def put(self, c: _Canonical) -> None:
        year = c.when[0].year if c.when else None
        for key in _keys(c.participants, c.place):
            self.by_year.setdefault((c.event_type, key, year), {})[c.order] = c
            self.by_key.setdefault((c.event_type, key), {})[c.order] = c

    def pool(self, ev: _Report) -> list[_Canonical]:
        found: dict[int, _Canonical] = {}
        kind = ev.row["event_type"]
        for key in _keys(ev.people, ev.place):
            if ev.when is None:
                found.update(self.by_key.get((kind, key), {}))
                continue
            for year in (ev.when[0].year - 1, ev.when[0].year, ev.when[0].year + 1, None):
                found.update(self.by_year.get((kind, key, year), {}))
        return list(found.values())


def assign(canonical: pl.DataFrame, events: pl.DataFrame, *, tolerance: int = DAY_TOLERANCE) -> pl.DataFrame:
    """The canonical event of each new event: LINK_SCHEMA rows (event_id, canonical_event_id).

    canonical: the canonical events known so far (CANONICAL_SCHEMA columns; `status` unused),
      in the order they were founded.
    events: the events to link: event_id, article_id, event_type, event_date, date_precision,
      participants, place, position, and published_at (of their article).
    A new canonical event takes its id from the event that founds it, so the same input gives the
    same ids on every run.
    """
    index = _Index()
    count = 0
    for r in canonical.iter_rows(named=True):
        when = _when(r)
        # Its reports' spread of days is not stored: the day it is known by stands for it.
        index.put(_Canonical(r["canonical_event_id"], r["event_type"], when,
                             [canonical_name(p) for p in r["participants"] or []], r["place"], count,
                             days=(when[0], when[0]) if when and when[1] == "day" else None))
        count += 1

    ordered = events.sort(
        [pl.col("date_precision").replace_strict(PRECISION_RANK, default=9, return_dtype=pl.Int8),
         "event_date", "published_at", "article_id", "position"],
        nulls_last=True,
    )
    links = []
    for row in ordered.iter_rows(named=True):
        ev = _Report.of(row)
        scored = sorted((s, c.order, c) for c in index.pool(ev) if (s := _score(c, ev, tolerance)) is not None)
        # An undated report names no time: it joins only a happening it cannot be confused with.
        if scored and (ev.when is not None or len(scored) == 1):
            target = scored[0][2]
        else:
            target = _Canonical(stable_id("canonical", row["event_id"]), row["event_type"], None, [], None, count)
            count += 1
        target.absorb(row)
        # Under its new date, participants and place too (entries under the old ones only cost
        # a comparison that the date then refuses).
        index.put(target)
        links.append({"event_id": row["event_id"], "canonical_event_id": target.canonical_event_id})
    return pl.DataFrame(links, schema=LINK_SCHEMA)


# --- consolidation ---------------------------------------------------------------------------

def consolidate(members: pl.DataFrame) -> pl.DataFrame:
    """One row per canonical event (CANONICAL_SCHEMA) from its reports.

    members: canonical_event_id, event_type, event_date, date_precision, participants, place,
      status, report (the article, or the article it is a near-copy of) and published_at.
    The date is the most precise one reports agree on: of the finest precision any report gives,
    the date most reports give (near-copies count once); on a tie the earliest, since an outlet
    that reports a day late usually counted from its own publication day. Participants are the
    union; the place is the one most reports name, a city before its own state; the status is
    `happened` once a report says so.
    """
    groups: dict[str, list[dict]] = {}
    for r in members.sort("published_at", "report", nulls_last=True).iter_rows(named=True):
        groups.setdefault(r["canonical_event_id"], []).append(r)
    rows = [_describe(cid, group) for cid, group in groups.items()]
    return pl.DataFrame(rows, schema=CANONICAL_SCHEMA)


def _describe(cid: str, group: list[dict]) -> dict:
    """The row of one canonical event from its reports, earliest published first."""
    # One vote per report and reading: near-copies count once.
    readings = list(dict.fromkeys((r["report"], _when(r), r["place"]) for r in group))
    dated = [when for _, when, _ in readings if when]
    when = None
    if dated:
        finest = min((p for _, p in dated), key=PRECISION_RANK.__getitem__)
        votes = Counter(d for d, p in dated if p == finest)
        when = min(votes, key=lambda d: (-votes[d], d)), finest
    places = [canonical_name(p) for _, _, p in readings if p]
    place_votes = Counter(places)
    for state in [p for p in place_votes if _is_state(p)]:
        # A city's reports also vote for it over its state.
        city = next((q for q in place_votes if not _is_state(q) and _state_of(q) == state), None)
        if city:
            place_votes[city] += place_votes.pop(state)
    place = max(place_votes, key=lambda p: (place_votes[p], -places.index(p))) if place_votes else None
    people: list[str] = []
    for r in group:
        for p in r["participants"] or []:
            name = canonical_name(p)
            if not any(same_name(name, q) for q in people):
                people.append(name)
    statuses = {r["status"] for r in group if r["status"]}
    return {
        "canonical_event_id": cid, "event_type": group[0]["event_type"],
        "event_date": when[0] if when else None, "date_precision": when[1] if when else None,
        "participants": sorted(people), "place": place,
        "status": "happened" if "happened" in statuses else ("planned" if statuses else None),
    }
