"""Speed and memory of the link step (near-copies and canonical events, warta/linking.py), without
Prefect, on synthetic articles: random texts from a word list (a tenth of them agency copies of
another), each with three events among a few dozen leaders over four years.

    .venv/bin/python benchmarks/linking.py [--articles 5000] [--batches 5]

The warehouse is filled in `--batches` loads, each followed by a link step, as successive runs
would; prints the time of each link step and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transforms.ids import stable_id  # noqa: E402 - after the path is set
from warehouse.articles import ARTICLES  # noqa: E402
from warehouse.events import EVENTS  # noqa: E402
from warehouse.load import connect  # noqa: E402
from warta.linking import link  # noqa: E402

LEADERS = [f"Tokoh {chr(65 + i)}{chr(65 + j)}" for i in range(6) for j in range(6)]
WORDS = [f"kata{i}" for i in range(3000)]
TYPES = ["call", "meeting", "visit", "summit", "declaration"]
START = date(2022, 1, 1)


def batch(rng: random.Random, first: int, n: int, earlier: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    arts, events = [], []
    for k in range(first, first + n):
        aid = stable_id("bench", k)
        day = START + timedelta(days=rng.randrange(4 * 365))
        if earlier and rng.random() < 0.1:
            text = rng.choice(earlier) + " " + " ".join(rng.choices(WORDS, k=15))  # an agency copy
        else:
            text = " ".join(rng.choices(WORDS, k=400))
            earlier.append(text)
        arts.append({"article_id": aid, "url": f"https://bench.example/{k}", "outlet": f"Outlet {k % 40}",
                     "published_at": day, "body_text": text, "content_hash": aid})
        for i in range(3):
            precision = rng.choice(["day", "day", "day", "month", "year"])
            when = day - timedelta(days=rng.randrange(30))
            when = when if precision == "day" else when.replace(day=1) if precision == "month" else when.replace(
                month=1, day=1)
            events.append({"event_id": stable_id(aid, i), "article_id": aid, "event_type": rng.choice(TYPES),
                           "event_date": when, "date_precision": precision,
                           "participants": rng.sample(LEADERS, 2), "place": None, "status": "happened",
                           "position": i})
    return ARTICLES.conform(pl.DataFrame(arts)), EVENTS.conform(pl.DataFrame(events))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--batches", type=int, default=5)
    a = ap.parse_args()
    rng = random.Random(1)
    per = a.articles // a.batches
    earlier: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, connect(Path(tmp) / "bench.duckdb") as con:
        for b in range(a.batches):
            arts, evs = batch(rng, b * per, per, earlier)
            con.execute("INSERT INTO articles BY NAME SELECT * FROM arts")
            con.execute("INSERT INTO events BY NAME SELECT * FROM evs")
            start = time.perf_counter()
            counts = link(con)
            elapsed = time.perf_counter() - start
            total = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
            copies = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchall()[0][0]
            canonical = con.execute("SELECT count(*) FROM canonical_events").fetchall()[0][0]
            print(f"batch {b + 1}: +{per} articles (+{evs.height} events) into {total}: link {elapsed:6.2f} s "
                  f"({per / elapsed:7.1f} articles/s); {copies} near-copies, {canonical} canonical events; {counts}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
