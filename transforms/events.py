"""Events an article reports: calls, meetings, summits, visits and declarations.

Each sentence outside direct quotations is read for trigger words (`transforms/lexicon/events.yaml`);
a sentence gives at most one event, of the type that comes first in the priority list (in
`bertemu di sela-sela KTT`, the summit is the meeting's occasion). The event's date is the date
expression closest to the trigger, resolved against publication, unless a cue ties it to
something else (`jelang Imlek yang jatuh pada Sabtu (10/2)`). Mentions of the same event (same
type, dates that fit, participants in common) are merged, and a mention that stays undated is
dropped: it retells an event without saying when.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from transforms import entities as ents
from transforms import lexicon
from transforms.dates import DateMention, compatible, detaching_cues, find_dates
from transforms.text import sentences, word_pattern

PAIR_CUES = re.compile(r"\b(?:kedua\s+(?:pemimpin|kepala\s+negara|presiden)|keduanya|mereka)\b", re.IGNORECASE)
PLACE = re.compile(r"\b(?:di|ke|mengunjungi|tiba\s+di)\s+(?:kota\s+|ibu\s+kota\s+|negara\s+)?"
                   r"(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
# How far (characters) before a date a detaching cue is looked for.
CUE_WINDOW = 30


@dataclass
class Event:
    """One event as read from a sentence (or several merged mentions)."""

    event_type: str
    event_date: date | None
    date_precision: str | None
    participants: list[str]
    place: str | None
    status: str
    medium: str | None
    evidence: str
    start: int
    mentions: int = 1
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def when(self) -> tuple[date, str] | None:
        if self.event_date is None or self.date_precision is None:
            return None
        return self.event_date, self.date_precision


@dataclass(frozen=True)
class _Lex:
    triggers: dict[str, re.Pattern[str]]
    priority: list[str]
    summit_bodies: re.Pattern[str]
    anaphora: set[str]
    planned: re.Pattern[str]
    medium: dict[str, re.Pattern[str]]
    not_places: set[str]
    sequence: re.Pattern[str]
    possessive: set[str]


@cache
def _lex() -> _Lex:
    data = lexicon.load("events")
    return _Lex(
        triggers={t: word_pattern(ws, ignore_case=True) for t, ws in data["triggers"].items()},
        priority=list(data["priority"]),
        summit_bodies=word_pattern(data["summit_bodies"], ignore_case=False),
        anaphora={w.lower() for w in data["anaphora"]},
        planned=word_pattern(data["planned_cues"], ignore_case=True),
        medium={k: word_pattern(v, ignore_case=True) for k, v in data["medium"].items()},
        not_places={w.lower() for w in data["not_places"]},
        sequence=word_pattern(data["sequence_cues"], ignore_case=True),
        possessive={w.lower() for w in data["possessive_anaphora"]},
    )


def _trigger(sentence: str) -> tuple[str, re.Match[str]] | None:
    """The event type of a sentence and the trigger that says so, or None."""
    lex = _lex()
    found: list[tuple[str, re.Match[str]]] = []
    for etype, pattern in lex.triggers.items():
        found.extend((etype, m) for m in pattern.finditer(sentence))
    # `pertemuan puncak` is a summit, not a `pertemuan`: a trigger inside a longer one goes
    # (even when the longer one points back, as in `pertemuan puncak itu`).
    hits: dict[str, re.Match[str]] = {}
    for etype, m in sorted(found, key=lambda x: x[1].start()):
        inside_longer = any(o is not m and o.start() <= m.start() and m.end() <= o.end()
                            and (o.end() - o.start()) > (m.end() - m.start()) for _, o in found)
        after = sentence[m.end():m.end() + 12].split()
        anaphoric = bool(after) and after[0].lower().strip(".,") in lex.anaphora
        if not inside_longer and not anaphoric:
            hits.setdefault(etype, m)
    meeting = hits.get("meeting")
    if meeting and "summit" not in hits and meeting.group().lower() == "pertemuan" and \
            lex.summit_bodies.search(sentence[meeting.end():meeting.end() + 40]):
        hits["summit"] = meeting
        del hits["meeting"]
    for etype in lex.priority:
        if etype in hits:
            return etype, hits[etype]
    return None


def _second(sentence: str, first: re.Match[str], first_date: DateMention | None,
            published: date | None) -> tuple[str, re.Match[str], DateMention] | None:
    """A second event in the same sentence: a trigger after the first one, with a date of its
    own that follows it closely (`berbicara melalui telepon pada Selasa (2/4), ... sejak
    pertemuan mereka di San Francisco pada November tahun lalu`)."""
    lex = _lex()
    for etype, pattern in lex.triggers.items():
        for m in pattern.finditer(sentence, first.end()):
            after = sentence[m.end():m.end() + 12].split()
            word = after[0].lower().strip(".,") if after else ""
            if word in lex.anaphora and word not in lex.possessive:
                continue
            if m.start() - first.end() < 15:
                continue
            dates = [d for d in find_dates(sentence[m.end():m.end() + 60], published)]
            if not dates:
                continue
            d = dates[0]
            if first_date is not None and d.value == first_date.value:
                continue
            return etype, m, replace(d, start=d.start + m.end(), end=d.end + m.end())
    return None


def _date(sentence: str, at: int, published: date | None, forward: bool = False) -> DateMention | None:
    best: tuple[int, DateMention] | None = None
    for d in find_dates(sentence, published, forward=forward):
        if detaching_cues().search(sentence[max(0, d.start - CUE_WINDOW):d.start]):
            continue
        dist = d.start - at if d.start >= at else (at - d.end) + 5  # dates after the trigger read first
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _place(sentence: str, at: int, lex: _Lex) -> str | None:
    cands = []
    for m in PLACE.finditer(sentence):
        name = m.group("place").strip()
        if name.lower() in lex.not_places:
            continue
        known = ents.resolve(name)
        if known is not None and known.kind in ("person", "org"):
            continue
        cands.append((m.start() < at, abs(m.start() - at), name))
    if not cands:
        return None
    after = [c for c in cands if not c[0]]
    pick = min(after or cands, key=lambda c: c[1])[2]
    # Keep the gazetteer's spelling and drop trailing words that are not part of the name.
    m = ents.find_mentions(pick)
    return m[0].entity.name if m and m[0].start == 0 and m[0].entity.kind in ("place", "state") else pick.split(",")[0]


def leaders(body: str, published: date | None) -> list[str]:
    """The two people an article names most, heads of state and government first: who
    `keduanya` and `kedua pemimpin` are."""
    counts = Counter(m.entity.name for m in ents.find_mentions(body, published) if m.entity.kind == "person")

    def is_leader(name: str) -> bool:
        e = ents.entity(name)
        return bool(e) and any(re.match(r"(presiden|perdana menteri|pm|pemimpin|kanselir|raja)\b", t.text, re.I)
                               for t in e.titles)

    ranked = sorted(counts, key=lambda n: (not is_leader(n), -counts[n]))
    return ranked[:2]


def mask_spans(body: str, spans: list[tuple[int, int]]) -> str:
    """The body with the given spans blanked out (same length, so offsets hold)."""
    chars = list(body)
    for a, b in spans:
        for k in range(a, min(b, len(chars))):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """The clause of a sentence around offset `at`: between commas or semicolons."""
    starts = [m.end() for m in re.finditer(r"[,;]\s", sentence[:at])]
    start = starts[-1] if starts else 0
    end_m = re.search(r"[,;]\s", sentence[at:])
    return start, at + end_m.start() if end_m else len(sentence)


def mentions(body: str, published: date | None, quoted: list[tuple[int, int]] | None = None) -> list[Event]:
    """The events told by each sentence (at most two: the first trigger's, and a later one with
    a date of its own), before merging. `quoted` spans (direct speech) are not read: what a
    speaker says is not the article's report. An undated sentence that continues the one before
    (`Kedua pemimpin kemudian ...`) takes the date of the last dated event."""
    lex = _lex()
    text = mask_spans(body, quoted or [])
    pair = leaders(body, published)
    titled = ents.titled_persons(text, published)
    titled_names = [m.entity.name for m in titled]
    out: list[Event] = []
    last_dated: Event | None = None
    for sent in sentences(text):
        found = _trigger(sent.text)
        if found is None:
            continue
        etype, trig = found
        s = sent.text
        planned = bool(lex.planned.search(s))
        d = _date(s, trig.start(), published, forward=planned)
        second = _second(s, trig, d, published)
        told = [(etype, trig, d, (0, second[1].start()) if second else (0, len(s)))]
        if second:
            told.append((second[0], second[1], second[2], (second[1].start(), len(s))))
        for k, (etype_k, trig_k, d_k, (a, b)) in enumerate(told):
            part = s[a:b]
            at = trig_k.start() - a
            persons = list(dict.fromkeys(m.entity.name for m in ents.find_mentions(part, published)
                                         if m.entity.kind == "person"))
            persons += [n for n in _people_named(part, titled_names) if n not in persons]
            ca, cb = _clause(part, at)
            # The place comes from the event's own clause, not from another one of the sentence
            # (`... bantuan militer Barat ke Kiev` is no summit's place).
            place = None if etype_k == "call" else _place(part[ca:cb], at - ca, lex)
            if (not persons or k > 0) and PAIR_CUES.search(part):
                persons = list(pair) if k == 0 or not out else list(out[-1].participants)
            if etype_k == "summit" and not persons:
                # The body that holds a summit (`para pemimpin G7 ... dalam KTT`) takes part in it.
                persons = [m.group() for m in lex.summit_bodies.finditer(part[ca:cb])]
            if not persons or persons and all(lex.summit_bodies.fullmatch(x) for x in persons):
                persons += [x for x in ents.states_in(part, published) if x != place]
            inherited = False
            if d_k is None and last_dated is not None and k == 0 and lex.sequence.search(s) \
                    and sent.start - last_dated.start < 600:
                inherited = True
            status = "planned" if planned or (d_k is not None and published and d_k.value > published) \
                else "happened"
            medium = None
            if etype_k == "call":
                medium = next((x for x in ("phone", "video") if lex.medium[x].search(part)), None)
            ev = Event(
                event_type=etype_k,
                event_date=d_k.value if d_k else (last_dated.event_date if inherited and last_dated else None),
                date_precision=d_k.precision if d_k else (last_dated.date_precision if inherited and last_dated
                                                            else None),
                participants=persons,
                place=place,
                status=status,
                medium=medium,
                evidence=body[sent.start:sent.end].strip(),
                start=sent.start + a,
            )
            out.append(ev)
            if d_k is not None and k == 0:
                last_dated = ev
    return out


def _people_named(text: str, people: list[str]) -> list[str]:
    """People known only from their titled mention, named again in `text` in full or by one of
    their names (`Tolchenov`)."""
    out = []
    for name in people:
        if any(re.search(rf"(?<![\w]){re.escape(t)}(?![\w])", text) for t in name.split() if len(t) > 3):
            out.append(name)
    return out


def _fits(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or not compatible(a.when, b.when):
        return False
    if not a.participants or not b.participants:
        return True
    return bool(set(a.participants) & set(b.participants))


def _absorb(into: Event, other: Event) -> None:
    order = {"day": 0, "month": 1, "year": 2}
    if other.when and (into.when is None or order[other.date_precision] < order[into.date_precision]):
        into.event_date, into.date_precision = other.event_date, other.date_precision
    into.participants = list(dict.fromkeys(into.participants + other.participants))
    into.place = into.place or other.place
    # A phone call said to be `daring` elsewhere is still a phone call.
    into.medium = "phone" if "phone" in (into.medium, other.medium) else into.medium or other.medium
    into.mentions += other.mentions


def merge(found: list[Event]) -> list[Event]:
    """Mentions of the same event as one row; undated mentions that match no dated event go."""
    dated = [e for e in found if e.when]
    undated = [e for e in found if not e.when]
    kept: list[Event] = []
    for e in dated:
        target = next((k for k in kept if _fits(k, e)), None)
        if target is None:
            kept.append(e)
        else:
            _absorb(target, e)
    for e in undated:
        target = next((k for k in kept if _fits(k, e)), None)
        if target is not None:
            _absorb(target, e)
    return sorted(kept, key=lambda e: e.start)


def extract(body: str, published: date | None, quoted: list[tuple[int, int]] | None = None) -> list[Event]:
    """The events of an article body, merged."""
    return merge(mentions(body, published, quoted))
