"""Loader for the language data in `transforms/lexicon/`: speech verbs, dates, units, event
words and the entity gazetteer.

Each file is read once per process and cached; the extractors ask for the parsed structures.
This is the only place in `transforms/` that reads files, and it reads only the package's
own data (or a folder named by `WARTA_LEXICON_DIR`, for users who keep extended copies).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).with_name("lexicon")


def lexicon_dir() -> Path:
    """The folder the data files are read from."""
    override = os.environ.get("WARTA_LEXICON_DIR")
    return Path(override) if override else LEXICON_DIR


@cache
def load(name: str) -> Any:
    """The parsed YAML data file `name` (without `.yaml`)."""
    path = lexicon_dir() / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True)
class Title:
    """A role phrase standing for a person (`Presiden Rusia`), valid between two dates."""

    text: str
    valid_from: date | None = None
    valid_to: date | None = None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            # Undated articles: trust only titles that never changed hands.
            return self.valid_from is None and self.valid_to is None
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


@dataclass(frozen=True)
class Entity:
    """One gazetteer entry."""

    name: str
    kind: str
    wikidata: str | None = None
    state: str | None = None
    aliases: tuple[str, ...] = ()
    titles: tuple[Title, ...] = field(default=())
    capital: bool = False


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@cache
def entities() -> tuple[Entity, ...]:
    """Every entry of `entities.yaml`."""
    out = []
    for raw in load("entities") or []:
        titles = []
        for t in raw.get("titles") or []:
            if isinstance(t, dict):
                titles.append(Title(str(t["title"]), _as_date(t.get("from")), _as_date(t.get("to"))))
            else:
                titles.append(Title(str(t)))
        aliases = tuple(dict.fromkeys([raw["name"], *(str(a) for a in raw.get("aliases") or [])]))
        out.append(
            Entity(
                name=raw["name"],
                kind=raw.get("kind", "unknown"),
                wikidata=raw.get("wikidata"),
                state=raw.get("state"),
                aliases=aliases,
                titles=tuple(titles),
                capital=bool(raw.get("capital")),
            )
        )
    return tuple(out)


def words(name: str, key: str) -> list[str]:
    """A list of words from a data file, e.g. `words("speech", "after_quote")`."""
    return [str(w) for w in (load(name).get(key) or [])]
