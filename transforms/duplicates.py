"""Near-duplicate articles: the same story at two URLs (a page and its scraped text, an agency story
republished by another outlet).

An article is a set of word 3-grams ("shingles"); two articles are near-copies when the Jaccard
similarity of their sets reaches a threshold. datasketch's MinHash estimates that similarity from
fixed-size signatures and its LSH index finds the candidates without comparing every pair: both
are maintained, tested and the standard tool for this, and a signature is 128 integers that the
warehouse can keep, so an article loaded later is compared with those loaded before without
re-reading their texts.

Near-copies form groups; every member but the earliest (publication date, then the one already
known, then the id) names the earliest as `duplicate_of`, so that a group counts once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

if TYPE_CHECKING:
    from datasketch import LeanMinHash

NUM_PERM = 128
SHINGLE_WORDS = 3
# Fewer distinct shingles than this and a text is too short to call a copy of anything: two
# one-line texts share most of their few shingles by chance.
MIN_SHINGLES = 20
SEED = 1
# datasketch's hashing scheme since 2.0 (32-bit values, which BIGINT[] holds).
SCHEME = "affine32"
# Stored with each signature: a signature made another way cannot be compared with these.
METHOD = f"minhash-{SCHEME}-{NUM_PERM}-seed{SEED}-w{SHINGLE_WORDS}"

SIGNATURE_SCHEMA = pl.Schema({
    "article_id": pl.String(), "method": pl.String(), "text_hash": pl.String(),
    "minhash": pl.List(pl.Int64()), "duplicate_of": pl.String(), "pending": pl.Boolean(),
})
CHANGE_SCHEMA = pl.Schema({"article_id": pl.String(), "duplicate_of": pl.String()})

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The word 3-grams of a text, case and Unicode forms folded."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> list[int] | None:
    """The MinHash signature of a text; None when it is too short to compare."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    from datasketch import MinHash  # imports scipy (~0.6 s): only when there are texts to sign

    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(found))
    return [int(v) for v in m.hashvalues]


def text_hash(text: str | None) -> str:
    """What the warehouse's `md5(coalesce(body_text, ''))` gives for the same text."""
    return hashlib.md5((text or "").encode("utf-8")).hexdigest()


def signature_rows(articles: pl.DataFrame) -> pl.DataFrame:
    """Signatures of a chunk's articles, made where the chunk is transformed (a worker) so that
    the link step after the load only groups them; `pending` until it has (SIGNATURE_SCHEMA).
    Signing is most of the link step's time, and the link step runs once, after the last chunk."""
    return pl.DataFrame(
        [{"article_id": r["article_id"], "method": METHOD, "text_hash": text_hash(r["body_text"]),
          "minhash": signature(r["body_text"] or ""), "duplicate_of": None, "pending": True}
         for r in articles.select("article_id", "body_text").iter_rows(named=True)],
        schema=SIGNATURE_SCHEMA,
    )


@cache
def _permutations() -> tuple:
    """The seed's permutations, drawn once: MinHash draws them anew for every text otherwise."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(values: list[int]) -> LeanMinHash:
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=np.asarray(values, dtype=np.uint32), scheme=SCHEME)


@dataclass
class NearDuplicates:
    """`signatures`: one row per new article (SIGNATURE_SCHEMA, its `duplicate_of` set);
    `changes`: known articles whose `duplicate_of` must change (a new article is earlier than
    their group's first, or their first was re-read and is no longer a copy)."""

    signatures: pl.DataFrame
    changes: pl.DataFrame


def near_duplicates(known: pl.DataFrame, new: pl.DataFrame, *, threshold: float = 0.5) -> NearDuplicates:
    """Find the near-copies of `new` articles among themselves and among `known` ones.

    known: article_id, published_at, minhash (list of ints or null), duplicate_of — articles
      already signed: the groups' firsts of the publication window around the new ones, and the
      members of groups whose first is among the new ones.
    new: article_id, published_at, body_text, text_hash, signed, minhash — articles whose group is
      to be decided; with `signed` true, `minhash` is already this text's signature (`signature_rows`),
      else the text is signed here.
    """
    new_sigs = {r["article_id"]: r["minhash"] if r["signed"] else signature(r["body_text"] or "")
                for r in new.iter_rows(named=True)}
    new_ids = set(new_sigs)
    known = known.filter(~pl.col("article_id").is_in(list(new_ids)))
    known_rows = {r["article_id"]: r for r in known.iter_rows(named=True)}
    sigs: dict[str, list[int]] = {a: s for a, s in new_sigs.items() if s is not None}
    sigs.update({a: r["minhash"] for a, r in known_rows.items() if r["minhash"] is not None})
    published = {r["article_id"]: r["published_at"] for r in known.iter_rows(named=True)}
    published.update({r["article_id"]: r["published_at"] for r in new.iter_rows(named=True)})

    minhashes = {a: _minhash(s) for a, s in sigs.items()}
    parent = {a: a for a in [*known_rows, *new_ids]}

    def find(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    def order(a: str) -> tuple[bool, date, bool, str]:
        day = published.get(a)
        return (day is None, day or date.min, a in new_ids, a)

    # Who is looked at again: the new articles, and known ones whose group's first was re-read
    # (their link ran through it; they may still be copies of each other).
    again = sorted(new_ids | {a for a, r in known_rows.items() if r["duplicate_of"] in new_ids}, key=order)
    # The index holds one article per group, its first: an article is compared with the firsts,
    # not with every member. A story republished ten thousand times would otherwise cost ten
    # thousand comparisons per new copy, and a run's time would grow with the square of its
    # input. (A copy of a copy that no longer resembles the first starts a group of its own.)
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for a, r in sorted(known_rows.items()):
        if r["duplicate_of"] is None and a in minhashes and a not in again:
            lsh.insert(a, minhashes[a])
    for a in again:  # earliest first: a group's first is indexed before its copies come
        if a not in minhashes:
            continue
        # LSH candidates are likely, not certain: confirm with the estimated similarity.
        scored = [(minhashes[a].jaccard(minhashes[b]), b) for b in lsh.query(minhashes[a])]
        best = max(scored, default=None)
        if best is not None and best[0] >= threshold:
            union(a, best[1])
        else:
            lsh.insert(a, minhashes[a])
    # Groups among known articles stand unless one of their members was re-read.
    for a, r in known_rows.items():
        first = r["duplicate_of"]
        if first is not None and first in parent and first not in new_ids and a not in again:
            union(a, first)

    groups: dict[str, list[str]] = {}
    for a in parent:
        groups.setdefault(find(a), []).append(a)
    # Only groups with a new or re-read member are decided again; the others keep what they have.
    first_of = {a: r["duplicate_of"] for a, r in known_rows.items()}
    for members in groups.values():
        if not (set(members) & (new_ids | set(again))):
            continue
        first = min(members, key=order)
        for a in members:
            first_of[a] = None if a == first else first

    signatures = pl.DataFrame(
        [{"article_id": r["article_id"], "method": METHOD, "text_hash": r["text_hash"],
          "minhash": new_sigs[r["article_id"]], "duplicate_of": first_of[r["article_id"]], "pending": False}
         for r in new.iter_rows(named=True)],
        schema=SIGNATURE_SCHEMA,
    )
    changes = pl.DataFrame(
        [{"article_id": a, "duplicate_of": first_of[a]} for a, r in sorted(known_rows.items())
         if first_of[a] != r["duplicate_of"]],
        schema=CHANGE_SCHEMA,
    )
    return NearDuplicates(signatures, changes)
