"""Names in text, resolved through the gazetteer (`transforms/lexicon/entities.yaml`).

A mention is an alias (`Putin`, `Tiongkok`) or a title (`Presiden Rusia`) found in a text; it
resolves to a canonical entity. Names the gazetteer does not know come through as themselves,
with the titles in front of them stripped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

import polars as pl

from transforms import lexicon
from transforms.lexicon import Entity
from transforms.text import word_pattern
from warehouse.entities import ENTITIES

KIND_RANK = {"person": 0, "org": 1, "state": 2, "place": 3}
NAME_WORD = r"[A-Z][\w'’.-]*"
# Lower-case words allowed inside a name (`Ursula von der Leyen`, `Lula da Silva`, `bin`).
NAME_PARTICLES = {"von", "der", "van", "de", "da", "di", "bin", "binti", "al", "el", "la", "le"}


@dataclass(frozen=True)
class Mention:
    """An entity named in a text at [start, end)."""

    start: int
    end: int
    text: str
    entity: Entity
    via_title: bool = False


@cache
def _by_name() -> dict[str, Entity]:
    return {e.name: e for e in lexicon.entities()}


def entity(name: str | None) -> Entity | None:
    """The gazetteer entry of a canonical name."""
    return _by_name().get(name or "")


@cache
def _alias_index() -> tuple[re.Pattern[str], dict[str, list[Entity]]]:
    index: dict[str, list[Entity]] = {}
    for e in lexicon.entities():
        for a in e.aliases:
            index.setdefault(a, []).append(e)
    return word_pattern(list(index), ignore_case=False), index


@cache
def _title_index() -> tuple[re.Pattern[str], dict[str, list[tuple[Entity, lexicon.Title]]]]:
    index: dict[str, list[tuple[Entity, lexicon.Title]]] = {}
    for e in lexicon.entities():
        for t in e.titles:
            index.setdefault(t.text.lower(), []).append((e, t))
    return word_pattern(list(index), ignore_case=True), index


def find_mentions(text: str, on: date | None = None) -> list[Mention]:
    """Gazetteer names in `text`, left to right, longest first where they overlap. Titles
    resolve to whoever held them `on` that day (the article's publication date)."""
    found: list[Mention] = []
    pattern, index = _title_index()
    for m in pattern.finditer(text):
        key = re.sub(r"\s+", " ", m.group()).lower()
        holders = [e for e, t in index.get(key, []) if t.holds_on(on)]
        if len(holders) == 1:
            found.append(Mention(m.start(), m.end(), m.group(), holders[0], via_title=True))
    pattern, aliases = _alias_index()
    for m in pattern.finditer(text):
        key = re.sub(r"\s+", " ", m.group())
        ents = sorted(aliases.get(key, []), key=lambda e: KIND_RANK.get(e.kind, 9))
        if ents:
            found.append(Mention(m.start(), m.end(), m.group(), ents[0]))
    # Longest first; a shorter mention inside a longer one is dropped.
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    kept: list[Mention] = []
    for mention in found:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda x: x.start)


def resolve(phrase: str, on: date | None = None) -> Entity | None:
    """The entity a short phrase names (`Presiden Rusia Vladimir Putin`, `Kremlin`): its
    person if it names one, else its body, state or place."""
    mentions = find_mentions(phrase, on)
    if not mentions:
        return None
    return min(mentions, key=lambda m: (KIND_RANK.get(m.entity.kind, 9), m.start)).entity


@cache
def _title_words() -> re.Pattern[str]:
    return word_pattern(lexicon.words("speech", "titles"), ignore_case=True)


def unknown_name(phrase: str) -> str | None:
    """A name the gazetteer does not know, read from a speaker phrase: titles in front of it
    are dropped (`Juru bicara Kemlu, Lalu Iqbal` → `Lalu Iqbal`). None when no capitalised
    name is left."""
    parts = [p.strip() for p in re.split(r",", phrase) if p.strip()]
    # An appositive name after a comma wins over the description before it.
    for part in reversed(parts):
        name = _name_run(part)
        if name and not _title_words().match(part):
            return name
    for part in parts:
        rest = part
        while True:
            m = _title_words().match(rest)
            if not m:
                break
            rest = rest[m.end() :].strip()
        name = _name_run(rest)
        if name:
            return name
    return None


def _name_run(text: str) -> str | None:
    """The leading run of capitalised words (with particles inside) of a text."""
    words = text.split()
    run: list[str] = []
    for w in words:
        if re.fullmatch(NAME_WORD, w) or (run and w in NAME_PARTICLES):
            run.append(w)
        else:
            break
    while run and run[-1] in NAME_PARTICLES:
        run.pop()
    name = " ".join(run).strip(" .,'’")
    return name or None


def states_in(text: str, on: date | None = None) -> list[str]:
    """Canonical states a text names, in order: states themselves, and capitals that stand for
    their state (`Moskow dan Beijing`), but not a capital that is a place (`di Beijing`)."""
    out: list[str] = []
    for m in find_mentions(text, on):
        e = m.entity
        if e.kind == "state":
            out.append(e.name)
        elif e.kind == "place" and e.capital and e.state:
            before = text[max(0, m.start - 6) : m.start].lower()
            if not re.search(r"\b(di|ke|dari|dari kota|kota)\s+$", before):
                out.append(e.state)
    return list(dict.fromkeys(out))


def entities_frame(names: list[str]) -> pl.DataFrame:
    """The `entities` table rows for names used by the facts: gazetteer entries carry their
    kind and Wikidata id; other names come as `unknown`, not known."""
    rows = []
    for name in dict.fromkeys(n for n in names if n):
        e = entity(name)
        if e is not None:
            rows.append({"name": e.name, "kind": e.kind, "wikidata_id": e.wikidata, "known": True})
        else:
            rows.append({"name": name, "kind": "unknown", "wikidata_id": None, "known": False})
    return ENTITIES.conform(pl.DataFrame(rows, schema=ENTITIES.polars_schema()))
