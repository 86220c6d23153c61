"""The one loader for the language data in `transforms/lexicon/`: speech verbs, titles, dates,
units, event words, boilerplate, outlets and the entity gazetteer.

A user may keep a folder of their own YAML files (the setting `lexicon_dir`, `WARTA_LEXICON_DIR`);
a file there is laid over the bundled file of the same name: mappings are merged key by key,
lists are extended (a user never has to copy the bundled words to add one), and gazetteer
entries with a bundled entry's `name` replace it. Each file is read once per process and
cached; `configure` switches the user folder and drops every cache built on the old data.
This is the only place in `transforms/` that reads data files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

LEXICON_DIR = Path(__file__).with_name("lexicon")

_user_dir: Path | None = Path(os.environ["WARTA_LEXICON_DIR"]) if os.environ.get("WARTA_LEXICON_DIR") else None
_derived: list[Any] = []
F = TypeVar("F", bound=Callable[..., Any])


def derived(fn: F) -> F:
    """`functools.cache` for structures built from the lexicon (compiled patterns, indexes):
    cleared together with the data when `configure` changes the user folder."""
    cached = cache(fn)
    _derived.append(cached)
    return cached  # type: ignore[return-value]


def configure(user_dir: Path | str | None) -> None:
    """Lay the YAML files of `user_dir` over the bundled ones from now on (None: bundled only)."""
    global _user_dir
    new = Path(user_dir) if user_dir else None
    if new == _user_dir:
        return
    _user_dir = new
    for fn in _derived:
        fn.cache_clear()


def user_dir() -> Path | None:
    """The user's folder laid over the bundled files, if any."""
    return _user_dir


def _overlay(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _overlay(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        if all(isinstance(x, dict) and "name" in x for x in base + extra):
            # Gazetteer-like lists: an entry with a known name replaces the bundled one.
            names = {x["name"] for x in extra}
            return [x for x in base if x["name"] not in names] + extra
        return base + [x for x in extra if x not in base]
    return extra if extra is not None else base


# libyaml's loader where PyYAML was built with it: the gazetteer takes ~1 s to parse in pure
# Python, paid by every process of a run (the main one and each worker).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader


@derived
def load(name: str) -> Any:
    """The parsed data file `name` (without `.yaml`): the bundled file with the user's file of the
    same name laid over it."""
    data = _read(LEXICON_DIR / f"{name}.yaml")
    if _user_dir is not None and (_user_dir / f"{name}.yaml").is_file():
        data = _overlay(data, _read(_user_dir / f"{name}.yaml"))
    return data


def words(name: str, key: str) -> list[str]:
    """A list of words from a data file, e.g. `words("speech", "after_quote")`."""
    return [str(w) for w in ((load(name) or {}).get(key) or [])]


def mapping(name: str, key: str) -> dict[str, Any]:
    """A mapping from a data file, keys lower-cased, e.g. `mapping("dates", "weekdays")`."""
    return {str(k).lower(): v for k, v in ((load(name) or {}).get(key) or {}).items()}


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


@derived
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
