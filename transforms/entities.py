"""Names in text, resolved through the gazetteer (`transforms/lexicon/entities.yaml`).

A mention is an alias (`Putin`, `Tiongkok`) or a title (`Presiden Rusia`) found in a text; it
resolves to a canonical entity. Names the gazetteer does not know come through as themselves,
with the titles in front of them stripped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import polars as pl

from transforms import lexicon
from transforms.lexicon import Entity
from transforms.text import alternation, word_pattern
from warehouse.entities import ENTITIES

KIND_RANK = {"person": 0, "org": 1, "state": 2, "place": 3}
NAME_WORD = r"[A-Z][\w'’.-]*"


@dataclass(frozen=True)
class Mention:
    """An entity named in a text at [start, end)."""

    start: int
    end: int
    text: str
    entity: Entity
    via_title: bool = False


@lexicon.derived
def _particles() -> frozenset[str]:
    """Lower-case words allowed inside a name (`Ursula von der Leyen`, `Lula da Silva`)."""
    return frozenset(lexicon.words("titles", "name_particles"))


@lexicon.derived
def _place_before() -> re.Pattern[str]:
    """Words right before a capital that make it a place (`di Beijing`), not its state."""
    data = lexicon.load("events")
    words = data["place_prepositions"] + data["origin_prepositions"] + data["place_nouns"]
    alt = alternation(words, fold=True)
    return re.compile(rf"(?<![\w])(?:{alt})(?:\s+(?:{alt}))?\s+$", re.IGNORECASE)


@lexicon.derived
def _by_name() -> dict[str, Entity]:
    return {e.name: e for e in lexicon.entities()}


def entity(name: str | None) -> Entity | None:
    """The gazetteer entry of a canonical name."""
    return _by_name().get(name or "")


def entity_written(name: str | None) -> Entity | None:
    """The gazetteer entry a name in the fact tables stands for: its canonical name, or the name
    the text gave a body (`Kemlu RI`: a quote's speaker is written so, GOLD.md), which is one of
    that body's aliases. People, states and places are always written by their canonical name."""
    found = entity(name)
    if found is not None:
        return found
    bodies = [e for e in _alias_index()[1].get(name or "", []) if e.kind == "org"]
    return bodies[0] if len(bodies) == 1 else None


@lexicon.derived
def _alias_index() -> tuple[re.Pattern[str], dict[str, list[Entity]]]:
    index: dict[str, list[Entity]] = {}
    for e in lexicon.entities():
        for a in e.aliases:
            index.setdefault(a, []).append(e)
    return word_pattern(list(index), ignore_case=False), index


@lexicon.derived
def _title_index() -> tuple[re.Pattern[str], dict[str, list[tuple[Entity, lexicon.Title]]]]:
    index: dict[str, list[tuple[Entity, lexicon.Title]]] = {}
    for e in lexicon.entities():
        for t in e.titles:
            index.setdefault(t.text.lower(), []).append((e, t))
    return word_pattern(list(index), ignore_case=True), index


# The look-ups repeat within an article, not across articles: a few articles' worth is enough.
# Keys hold whole bodies, so at 20,000 entries the cache held ~200 MB in each worker of a long run
# and made peak memory grow with the input.
_MENTION_CACHE_SIZE = 2_000


@lexicon.derived
def _mention_cache() -> dict[tuple[str, date | None], tuple[Mention, ...]]:
    # The extractors look up the same sentences and phrases again and again (half the calls on
    # real articles); cleared with the lexicon, bounded below.
    return {}


def find_mentions(text: str, on: date | None = None) -> list[Mention]:
    """Gazetteer names in `text`, left to right, longest first where they overlap. Titles
    resolve to whoever held them `on` that day (the article's publication date)."""
    cache = _mention_cache()
    found = cache.get((text, on))
    if found is None:
        found = tuple(_find_mentions(text, on))
        if len(cache) >= _MENTION_CACHE_SIZE:
            cache.clear()
        cache[(text, on)] = found
    return list(found)


def _find_mentions(text: str, on: date | None) -> list[Mention]:
    found: list[Mention] = []
    pattern, index = _title_index()
    for m in pattern.finditer(text):
        key = re.sub(r"\s+", " ", m.group()).lower()
        holders = [e for e, t in index.get(key, []) if t.holds_on(on)]
        if len(holders) == 1 and not _deputy_before(text, m.start()) \
                and not _other_state_after(text, m.end(), holders[0]):
            found.append(Mention(m.start(), m.end(), m.group(), holders[0], via_title=True))
    pattern, aliases = _alias_index()
    for m in pattern.finditer(text):
        key = re.sub(r"\s+", " ", m.group())
        ents = sorted(aliases.get(key, []), key=lambda e: KIND_RANK.get(e.kind, 9))
        if ents:
            found.append(Mention(m.start(), m.end(), m.group(), ents[0]))
    found.extend(_spelling_variants(text))
    # Longest first (a name as written before its spelling variant); a shorter mention inside a
    # longer one is dropped.
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    kept: list[Mention] = []
    for mention in found:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda x: x.start)


@lexicon.derived
def _folds() -> tuple[tuple[str, str], ...]:
    return tuple((str(a), str(b)) for a, b in lexicon.load("text").get("name_spelling_folds") or [])


@lexicon.derived
def _key_cache() -> dict[str, str]:
    # Names recur across a text's many look-ups; cleared with the lexicon, bounded below.
    return {}


def spelling_key(name: str) -> str:
    """A name as its spelling variants share it (`Dmitriy Peskov`, `Dmitri Peskov` -> `dmitri peskov`):
    accents dropped, lower-cased, hyphens as spaces, the lexicon's folds after each word's first
    letter, doubled letters made single."""
    cache = _key_cache()
    key = cache.get(name)
    if key is None:
        key = _fold(name)
        if len(cache) < 100_000:
            cache[name] = key
    return key


def _fold(name: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = []
    for word in plain.lower().replace("-", " ").split():
        rest = word[1:]
        for a, b in _folds():
            rest = rest.replace(a, b)
        words.append(word[:1] + _DOUBLED.sub(r"\1", rest))
    return " ".join(words)


@lexicon.derived
def _spelling_index() -> dict[str, Entity]:
    """Foreign people by the spelling key of their aliases: names of two words or more, and single
    names of at least five letters (shorter ones fold into too many ordinary words)."""
    index: dict[str, Entity | None] = {}
    # Names written in Latin letters at home have one spelling: `Sugiyono` is not `Sugiono`.
    home = set(lexicon.words("speech", "home_state"))
    for e in lexicon.entities():
        if e.kind != "person" or e.state in home:
            continue
        for a in e.aliases:
            if " " not in a and "-" not in a and len(a) < 5:
                continue
            key = spelling_key(a)
            index[key] = e if index.get(key, e) is e else None
    return {k: e for k, e in index.items() if e is not None}


@lexicon.derived
def _spelling_firsts() -> frozenset[str]:
    return frozenset(key.split(" ")[0] for key in _spelling_index())


_WORD = re.compile(r"\S+")
_DOUBLED = re.compile(r"(.)\1+")
_NAME_RUN = re.compile(rf"{NAME_WORD}(?: {NAME_WORD}){{0,3}}")


def _spelling_variants(text: str) -> list[Mention]:
    """People the gazetteer knows, written in a spelling it does not list (`Yury Ushakov`): the
    longest run of capitalised words at each place whose spelling key is one of theirs."""
    index, firsts = _spelling_index(), _spelling_firsts()
    out: list[Mention] = []
    for run in _NAME_RUN.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start()) for m in _WORD.finditer(run.group())]
        i = 0
        while i < len(words):
            # Only a word that can open a known name starts a look-up (most capitalised words cannot).
            if spelling_key(text[words[i][0]:words[i][1]].rstrip(".'’")).split(" ")[0] not in firsts:
                i += 1
                continue
            for j in range(len(words), i, -1):
                start, end = words[i][0], words[j - 1][1]
                while end > start and text[end - 1] in ".'’":
                    end -= 1
                e = index.get(spelling_key(text[start:end]))
                if e is not None:
                    out.append(Mention(start, end, text[start:end], e))
                    i = j - 1
                    break
            i += 1
    return out


def _other_state_after(text: str, at: int, holder: Entity) -> bool:
    """Whether a bare title is followed by another state's name (`Menhan Turki Yasar Guler`):
    then it is that state's office, not the one its domestic holder has."""
    m = re.match(r"\s+(\S+(?:\s+\S+)?)", text[at:at + 40])
    if m is None or holder.state is None:
        return False
    pattern, aliases = _alias_index()
    found = pattern.match(m.group(1))
    if found is None:
        return False
    states = [e for e in aliases.get(re.sub(r"\s+", " ", found.group()), []) if e.kind == "state"]
    return bool(states) and all(e.name != holder.state for e in states)


@lexicon.derived
def _deputy_pattern() -> re.Pattern[str]:
    words = alternation(lexicon.words("titles", "not_before_title"), fold=True)
    return re.compile(rf"(?<![\w])(?:{words})\s+$", re.IGNORECASE)


def _deputy_before(text: str, at: int) -> bool:
    return bool(_deputy_pattern().search(text[max(0, at - 20):at]))


def resolve(phrase: str, on: date | None = None) -> Entity | None:
    """The entity a short phrase names (`Presiden Rusia Vladimir Putin`, `Kremlin`): its
    person if it names one, else its body, state or place."""
    mentions = find_mentions(phrase, on)
    if not mentions:
        return None
    return min(mentions, key=lambda m: (KIND_RANK.get(m.entity.kind, 9), m.start)).entity


def honorifics() -> list[str]:
    """Words that may stand before a name or a title: of standing (`sang`, `mantan`) and of
    address (`Bapak`, `Bu`)."""
    return lexicon.words("titles", "honorifics") + lexicon.words("titles", "address_forms")


@lexicon.derived
def _title_words() -> re.Pattern[str]:
    return word_pattern(lexicon.words("titles", "heads") + honorifics(), ignore_case=True)


def is_title(phrase: str) -> bool:
    """Whether a phrase opens with a title (`Direktur Jenderal ...`, `sang Menteri`)."""
    return bool(_title_words().match(phrase.strip()))


def unknown_name(phrase: str) -> str | None:
    """A name the gazetteer does not know, read from a speaker phrase: titles in front of it
    are dropped (`Juru bicara Kemlu, Lalu Iqbal` → `Lalu Iqbal`). None when no capitalised
    name is left."""
    parts = [p.strip() for p in re.split(r",", phrase) if p.strip()]
    # An appositive name after a comma wins over the description before it.
    for part in reversed(parts):
        name = _name_run(part)
        if name and not _title_words().match(part) and not _calendar_words(name):
            return name
    for part in parts:
        if _title_words().match(part):
            name = strip_title(part)
            if name and not _calendar_words(name):
                return name
        rest = part
        while True:
            m = _title_words().match(rest)
            if not m:
                break
            rest = rest[m.end() :].strip()
        name = _name_run(rest)
        if name and not _calendar_words(name):
            return name
    return None


@lexicon.derived
def _calendar_lex() -> frozenset[str]:
    return frozenset(w.casefold() for key in ("months", "weekdays") for w in lexicon.mapping("dates", key))


def _calendar_words(name: str) -> bool:
    """Whether a capitalised run is only month or weekday names (`1 Agustus`, `Senin`): a date's
    words, never a person's name."""
    return all(t.strip(".,").casefold() in _calendar_lex() for t in name.split())


@lexicon.derived
def _title_lex() -> tuple[re.Pattern[str], set[str], set[str]]:
    heads = lexicon.words("titles", "heads")
    words = {w.lower() for w in lexicon.words("titles", "words")} | {
        p.lower() for h in heads + honorifics() for p in h.split()}
    weekdays = {w.capitalize() for w in lexicon.mapping("dates", "weekdays")}
    return word_pattern(heads, ignore_case=True), words, set(lexicon.words("titles", "not_names")) | weekdays


# A title phrase as written: capitalised words, acronyms in brackets, `/` and a few connectors.
@lexicon.derived
def _title_run() -> re.Pattern[str]:
    # Lower-case title words may stand inside it too (`Ekonom senior Indef Faisal Basri`).
    connectors = alternation(lexicon.words("titles", "connectors") + lexicon.words("titles", "words"))
    return re.compile(rf"(?:[\s/]+(?:[A-Z][\w'’.-]*|\([A-Z][\w-]{{1,12}}\)|(?:{connectors})(?![\w])))+")


def strip_title(phrase: str, on: date | None = None) -> str | None:
    """The name in a title phrase: `Menteri Perdagangan Budi Santoso` → `Budi Santoso`,
    `Duta Besar Rusia untuk Indonesia Sergei Tolchenov` → `Sergei Tolchenov`. Title words,
    connectors, acronyms and states or bodies in front are dropped; None when no name is left."""
    _, words, not_names = _title_lex()
    toks = [t for t in re.split(r"[\s/]+", phrase.strip()) if t]
    known = {m.start for m in find_mentions(phrase, on) if m.entity.kind != "person"}
    spans = []
    pos = 0
    for t in toks:
        pos = phrase.find(t, pos)
        spans.append(pos)
        pos += len(t)
    k = 0
    while k < len(toks):
        t = toks[k]
        bare = t.strip(".,()")
        if bare.lower() in words or re.fullmatch(r"\(?[A-Z][A-Za-z-]{1,11}\)?", t) and t.startswith("(") \
                or bare.isupper() and len(bare) <= 6:
            k += 1
            continue
        ahead = find_mentions(phrase[spans[k]:], on)
        hit = next((m for m in ahead if m.start == 0 and m.entity.kind != "person"), None)
        if hit is not None or spans[k] in known:
            k += len(phrase[spans[k]:spans[k] + (hit.end if hit else len(t))].split())
            continue
        break
    if k == 0 and not _title_words().match(phrase.strip()):
        return None
    rest = [t for t in toks[k:]]
    run: list[str] = []
    for t in rest:
        if t in not_names or not (re.fullmatch(NAME_WORD, t) or (run and t in _particles())):
            break
        run.append(t)
        if t.endswith(".") and len(t) > 2:
            break  # a full stop ends the sentence, and the name (`... Mevlut Cavusoglu. Lavrov`)
    while run and run[-1] in _particles():
        run.pop()
    # A long title goes on past a word the lists do not know (`Direktur Jenderal Asia Pasifik dan
    # Afrika Kemlu RI Abdul Kadir Jailani`): the name is what follows its last title word or acronym.
    marks = [i for i, t in enumerate(run) if t.lower().strip(".,") in words or
             (t.strip(".,").isupper() and len(t.strip(".,")) <= 6)]
    if marks and marks[-1] < len(run) - 1:
        run = run[marks[-1] + 1:]
    name = " ".join(run[:4]).strip(" .,'’")
    return name or None


@lexicon.derived
def _body_head() -> re.Pattern[str]:
    """Words that open a body's name (`Partai Buruh`): what follows a title with them is no person."""
    return re.compile(rf"(?:{alternation(lexicon.words('titles', 'body_heads'), fold=True)})(?![\w])", re.IGNORECASE)


def titled_persons(text: str, on: date | None = None) -> list[Mention]:
    """People the gazetteer does not know, introduced by a title (`Menteri Perdagangan Budi
    Santoso`, mid-sentence in lower case too: `anggota Komisi I DPR Hendra Kusuma`): mentions whose
    entity is an ad-hoc person named by the words after the title."""
    heads, _, _ = _title_lex()
    out: list[Mention] = []
    gaz = [m for m in find_mentions(text, on) if m.entity.kind == "person"]
    for h in heads.finditer(text):
        if out and h.start() < out[-1].end:
            continue
        run = _title_run().match(text, h.end())
        if not run:
            continue
        phrase = text[h.start():run.end()]
        name = strip_title(phrase, on)
        if not name or len(name.split()) < 2 or _body_head().match(name):
            continue
        start = text.find(name, h.start())
        if start < 0 or any(m.start <= start < m.end for m in gaz) or resolve(name, on) is not None:
            continue
        person = Entity(name=name, kind="person", aliases=(name,), titles=())
        out.append(Mention(start, start + len(name), name, person))
    # A title told in lower-case words, then the name as an apposition (`Pengamat hubungan
    # internasional dari Universitas X, Budi Hartono, menilai ...`).
    for m in _apposition().finditer(text):
        name = m.group("name").strip()
        start = m.start("name")
        if len(name.split()) < 2 or any(o.start <= start < o.end for o in out) or \
                any(g.start <= start < g.end for g in gaz) or resolve(name, on) is not None:
            continue
        title_at = [h.start() for h in heads.finditer(text, m.start(), start)]
        if title_at and any(title_at[-1] <= g.start < start for g in gaz):
            # The title already has its person (`Presiden China Xi Jinping di Villa 14, Diaoyutai
            # State Guesthouse,`): the words after the comma say where, not who.
            continue
        out.append(Mention(start, start + len(name), name, Entity(name=name, kind="person", aliases=(name,))))
    return sorted(out, key=lambda x: x.start)


@lexicon.derived
def _apposition() -> re.Pattern[str]:
    heads = alternation(lexicon.words("titles", "heads"), fold=True)
    name = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}"
    return re.compile(rf"(?<![\w])(?i:{heads})(?![\w])[^.,;:\"“”\n]{{0,80}},\s+(?P<name>{name})\s*,")


def full_name(name: str, people: list[str]) -> str:
    """The fullest form of a name among people named before (`Budi` → `Budi Santoso`), or the one
    person whose name a short form begins (`Pras` → `Prasetyo Hadi`: newsrooms clip names)."""
    toks = set(name.split())
    fuller = [p for p in people if toks < set(p.split())]
    if fuller:
        return fuller[0]
    # The same name in another spelling (`Dmitri Polyansky` after `Dmitry Polyanskiy`), or part of it.
    keys = set(spelling_key(name).split())
    alike = [p for p in people if p != name and keys <= set(spelling_key(p).split())]
    if alike:
        return alike[0]
    if len(toks) == 1 and len(name) >= 3 and name[:1].isupper():
        clipped = [p for p in people if any(t.startswith(name) and t != name for t in p.split())]
        if len(clipped) == 1:
            return clipped[0]
    return name


def _name_run(text: str) -> str | None:
    """The leading run of capitalised words (with particles inside) of a text."""
    words = text.split()
    run: list[str] = []
    for w in words:
        if re.fullmatch(NAME_WORD, w) or (run and w in _particles()):
            run.append(w)
        else:
            break
    while run and run[-1] in _particles():
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
        elif e.kind == "place" and e.capital and e.state and \
                not _place_before().search(text[max(0, m.start - 20):m.start]):
            out.append(e.state)
    return list(dict.fromkeys(out))


def entities_frame(names: list[str]) -> pl.DataFrame:
    """The `entities` table rows for names used by the facts, one row per entity: gazetteer
    entries carry their kind, state, Wikidata id and aliases; other names come as `unknown`, not
    known. A body the facts write as the text named it (`Kemlu RI`) is its gazetteer row
    (`Kementerian Luar Negeri RI`), whose aliases hold that written name. Every state (and each
    of its own states' people) is keyed by one canonical name whatever the text wrote (`Russia`,
    `Federasi Rusia` -> `Rusia`), so the aliases are what the texts said."""
    rows: dict[str, dict] = {}
    for name in dict.fromkeys(n for n in names if n):
        e = entity_written(name)
        if e is not None:
            rows.setdefault(e.name, {"name": e.name, "kind": e.kind, "wikidata_id": e.wikidata, "state": e.state,
                                     "aliases": [a for a in dict.fromkeys(e.aliases) if a != e.name],
                                     "known": True})
        else:
            rows.setdefault(name, {"name": name, "kind": "unknown", "wikidata_id": None, "state": None,
                                   "aliases": [], "known": False})
    return ENTITIES.conform(pl.DataFrame(list(rows.values()), schema=ENTITIES.polars_schema()))
