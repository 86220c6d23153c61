"""Speed and memory of the pipeline's own work, without Prefect: pull -> articles -> facts ->
validate -> load, on N copies of the bundled samples (each under its own URL, so each is a new
article).

    .venv/bin/python benchmarks/pipeline.py [--copies 200] [--html]

Prints documents/s per stage and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from expectations.validate import validate  # noqa: E402 - after the path is set
from sources.documents import Document, documents_frame  # noqa: E402
from sources.local import pull_file  # noqa: E402
from transforms.articles import articles  # noqa: E402
from transforms.facts import facts  # noqa: E402
from warehouse.load import connect, load  # noqa: E402


def corpus(copies: int, kind: str) -> pl.DataFrame:
    seeds = [d for p in sorted((ROOT / "corpus" / "samples" / kind).iterdir()) for d in pull_file(p).documents]
    docs = [
        Document(source=f"https://bench.example/{i}/{j}", kind=d.kind, content=d.content)
        for i in range(copies) for j, d in enumerate(seeds)
    ]
    return documents_frame(docs)


def timed(label: str, n: int, fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    elapsed = time.perf_counter() - start
    print(f"{label:<10} {elapsed:8.2f} s  {n / elapsed:9.1f} documents/s")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=200, help="copies of the 5 sample articles")
    ap.add_argument("--html", action="store_true", help="use the HTML renderings (trafilatura path)")
    a = ap.parse_args()
    docs = corpus(a.copies, "html" if a.html else "text")
    n = docs.height
    print(f"{n} documents ({'html' if a.html else 'text'})")
    arts = timed("articles", n, articles, docs)
    tables = timed("facts", n, facts, arts)
    tables = {"articles": arts, **tables}
    checked = timed("validate", n, validate, tables, "bench")
    with tempfile.TemporaryDirectory() as tmp, connect(Path(tmp) / "bench.duckdb") as con:
        empty = pl.DataFrame(schema={"source": pl.String, "stage": pl.String, "reason": pl.String,
                                     "raw_ref": pl.String})
        run = {"run_id": "bench", "started_at": datetime.now(), "status": "completed"}
        timed("load", n, lambda: load(con, checked.tables, quarantine=checked.quarantine,
                                      results=checked.results, failures=empty, run=run))
    rows = {k: v.height for k, v in checked.tables.items()}
    print(f"rows: {rows}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
