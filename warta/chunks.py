"""A run, chunk by chunk: the plain functions the ETL flow wires (flows/pipeline.py) and tests call.

    plan(...)                -> chunks of new or changed documents, with the failures met on the way
    transform_and_check(...) -> articles and facts of one chunk, checked (CPU work: a worker process)
    load_chunk(...)          -> one transaction: failures first, then rows, results, the run row
    process_chunk(...)       =  load_chunk(transform_and_check(...)): one chunk end to end

Memory depends on the chunk size, not on the input size: the sources are generators and a chunk is
dropped once it is loaded. A run killed half-way leaves its loaded chunks; the next run skips
them as unchanged and goes on. An input that failed before and has not changed is not extracted
again: its failure is recorded once more (one more attempt) unless `retry_failed`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from sources.documents import Document, Failure, Item, documents_frame, failures_frame
from transforms.ids import stable_id
from warta.settings import default_workers  # noqa: F401 - the flow's default

STATUS_OK, STATUS_UNCHANGED, STATUS_NO_ARTICLES, STATUS_FAILED = "ok", "unchanged", "no articles", "failed"


class RunFailed(RuntimeError):
    """The run is recorded (rows, failures, report) but did not work: no input gave an article, or a
    chunk broke a critical data-quality check. Raised last, so the Prefect flow run fails too."""


@dataclass
class Chunk:
    """Up to `chunk_size` new or changed documents, and the failures the stream met since the last
    chunk (inputs that could not be pulled, unchanged inputs that failed before)."""

    number: int
    documents: list[Document] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    unchanged: Counter[str] = field(default_factory=Counter)  # origin -> inputs skipped as unchanged
    retried: Counter[str] = field(default_factory=Counter)  # origin -> failed inputs tried again on purpose

    def __dask_tokenize__(self) -> tuple:
        """What names this chunk when Dask names a task by its arguments (Prefect's Dask client
        submits tasks as pure): Dask would otherwise hash every page of it, pickled, in the flow's
        process (seconds a chunk, on the cores the workers need). The content hashes are known."""
        return ("warta-chunk", self.number, tuple((d.key, d.content_hash) for d in self.documents),
                tuple((f.source, f.stage, f.reason) for f in self.failures),
                tuple(sorted(self.unchanged.items())), tuple(sorted(self.retried.items())))


@dataclass
class Transformed:
    """A chunk after transform and check, as a worker hands it back to the one writer."""

    number: int
    checked: Any  # expectations.check.Checked
    failures: pl.DataFrame  # FAILURE_SCHEMA: pull failures, then documents that gave no article
    documents_in: int
    health: dict[str, Counter[str]]  # origin -> documents, articles, failures, unchanged
    signatures: pl.DataFrame  # article_signatures rows of the checked articles, pending their grouping


def plan(items: Iterable[Item], state: Any, *, chunk_size: int, force: bool = False,
         retry_failed: bool = False) -> Iterator[Chunk]:
    """Group a stream of documents and failures into chunks, dropping documents whose article is
    loaded with the same content (unless `force`) and turning unchanged documents that failed
    before into their recorded failure (unless `retry_failed`). `state` is the
    `warehouse.load.WarehouseState` read once at the start of the run."""
    chunk = Chunk(1)
    for item in items:
        if isinstance(item, Failure):
            chunk.failures.append(item)
        elif not force and state.articles.get(stable_id(item.key)) == item.content_hash:
            chunk.unchanged[item.origin or item.source] += 1
        elif ((old := state.failed.get(stable_id(item.key, "extract"))) is not None
              and old.content_hash == item.content_hash):
            if force or retry_failed:
                chunk.retried[item.origin or item.source] += 1
                chunk.documents.append(item)
            else:
                chunk.failures.append(Failure(item.source, "extract", old.reason, old.raw_ref, item.content_hash,
                                              item.identity, item.origin))
        else:
            chunk.documents.append(item)
        if len(chunk.documents) >= chunk_size:
            yield chunk
            chunk = Chunk(chunk.number + 1)
    if chunk.documents or chunk.failures or chunk.unchanged or chunk.number == 1:
        yield chunk


def transform_and_check(chunk: Chunk, *, run_id: str, max_quarantine_share: float,
                        newest_known: date | None = None) -> Transformed:
    """Articles and facts of a chunk's documents, through the one `check`. Pure CPU work."""
    from expectations.check import check
    from transforms.articles import articles_with_failures
    from transforms.duplicates import signature_rows
    from transforms.facts import facts

    documents = documents_frame(chunk.documents)
    articles, extract_failures = articles_with_failures(documents)
    tables = {"articles": articles, **facts(articles)}
    checked = check(tables, run_id=run_id, documents_in=documents.height, max_quarantine_share=max_quarantine_share,
                    newest_known=newest_known)
    failures = pl.concat([failures_frame(chunk.failures), extract_failures], how="vertical_relaxed")
    signatures = signature_rows(checked.tables.get("articles", articles.clear()))
    return Transformed(chunk.number, checked, failures, documents.height, _health(chunk, extract_failures),
                       signatures)


def _health(chunk: Chunk, extract_failures: pl.DataFrame) -> dict[str, Counter[str]]:
    health: dict[str, Counter[str]] = {}
    failed = Counter(extract_failures["origin"].fill_null("").to_list())
    for doc in chunk.documents:
        health.setdefault(doc.origin or doc.source, Counter())["documents"] += 1
    for origin, n in failed.items():
        health.setdefault(origin, Counter())["failures"] += n
    for origin, counts in health.items():
        counts["articles"] = counts["documents"] - failed.get(origin, 0)
    for failure in chunk.failures:
        health.setdefault(failure.origin or failure.source, Counter())["failures"] += 1
    for origin, n in chunk.unchanged.items():
        health.setdefault(origin, Counter())["unchanged"] += n
    for origin, n in chunk.retried.items():
        health.setdefault(origin, Counter())["retried"] += n
    return health


class RunTally:
    """The run's row in `runs`, its DQ_RESULTS and per-source health, added up chunk by chunk."""

    def __init__(self, run_id: str, inputs: list[str], started_at: datetime | None = None) -> None:
        from expectations.check import RunResults

        self.run: dict[str, Any] = {
            "run_id": run_id, "started_at": started_at or now(), "status": "running",
            "inputs": json.dumps(inputs, ensure_ascii=False), "documents_in": 0, "articles_loaded": 0,
            "articles_unchanged": 0, "quotes_loaded": 0, "figures_loaded": 0, "events_loaded": 0,
            "quarantined": 0, "failures": 0, "chunks": 0,
        }
        self.inputs = inputs
        self.results = RunResults()
        self.health: dict[str, Counter[str]] = {}
        self.loaded: Counter[str] = Counter()
        self.critical: list[str] = []
        self.newest: date | None = None

    @property
    def run_id(self) -> str:
        return str(self.run["run_id"])

    def add(self, t: Transformed) -> None:
        tables = t.checked.tables
        self.run["documents_in"] += t.documents_in
        for table in ("articles", "quotes", "figures", "events"):
            self.run[f"{table}_loaded"] += tables[table].height if table in tables else 0
        self.run["quarantined"] += t.checked.quarantined
        self.run["failures"] += t.failures.height
        self.run["chunks"] += 1
        for origin, c in t.health.items():
            self.health.setdefault(origin, Counter()).update(c)
        self.run["articles_unchanged"] = sum(c["unchanged"] for c in self.health.values())
        self.results.add(t.checked.results)
        self.critical.extend(f"{o.expectation}: {o.message}" for o in t.checked.critical)
        if "articles" in tables and tables["articles"].height:
            newest = tables["articles"]["published_at"].max()
            if newest is not None and (self.newest is None or newest > self.newest):
                self.newest = newest  # type: ignore[assignment]

    def sources(self) -> list[dict[str, Any]]:
        """Per input: its counts and a status (ok, unchanged, no articles, failed)."""
        out = []
        for origin in [*self.inputs, *[o for o in self.health if o not in self.inputs]]:
            c = self.health.get(origin, Counter())
            if c["articles"] > 0:
                status = STATUS_OK
            elif c["documents"] > c["retried"]:
                # New or changed documents and not one article: a site that changed its layout, or
                # pages of boilerplate. (Old failures tried again on purpose do not count.)
                status = STATUS_NO_ARTICLES
            elif c["failures"] > 0 and not c["unchanged"]:
                status = STATUS_FAILED
            else:
                status = STATUS_UNCHANGED
            out.append({"input": origin, "status": status, **{k: c[k] for k in
                                                              ("documents", "articles", "unchanged", "failures")}})
        return out

    def finish(self, message: str | None = None) -> dict[str, Any]:
        """The final run row: `failed` when a chunk broke a critical check or no input worked,
        `degraded` when some input failed or gave documents but no article, else `completed`."""
        sources = self.sources()
        broken = [s for s in sources if s["status"] in (STATUS_FAILED, STATUS_NO_ARTICLES)]
        if message or self.critical:
            status = "failed"
        elif sources and len(broken) == len(sources):
            status = "failed"
            message = "no input gave an article: " + "; ".join(f"{s['input']}: {s['status']}" for s in broken)
        elif broken:
            status = "degraded"
            message = "inputs without articles: " + "; ".join(f"{s['input']}: {s['status']}" for s in broken)
        else:
            status = "completed"
        if self.critical and not message:
            message = ("critical data-quality check failed, nothing of that chunk was loaded: "
                       + "; ".join(self.critical))
        self.run.update(status=status, ended_at=now(), message=message,
                        sources=json.dumps(sources, ensure_ascii=False))
        return self.run


def load_chunk(con: duckdb.DuckDBPyConnection, t: Transformed, tally: RunTally) -> dict[str, int]:
    """Write one transformed chunk in one transaction: its failures (always, also when a critical
    check stopped its rows), its rows, its quarantine, the run's results and run row so far."""
    from warehouse.load import failure_rows, write

    tally.add(t)
    rows: dict[str, pl.DataFrame] = dict(t.checked.tables)
    rows["failures"] = failure_rows(con, t.failures, tally.run_id, tally.run["started_at"])
    if not t.checked.critical:
        rows["quarantine"] = t.checked.quarantine
    rows["dq_results"] = tally.results.frame()
    rows["runs"] = pl.DataFrame([{**tally.run, "sources": json.dumps(tally.sources(), ensure_ascii=False)}])
    rows["article_signatures"] = t.signatures
    counts = write(con, rows).rows
    # Signatures are counted by the link step that groups them.
    tally.loaded.update({k: v for k, v in counts.items() if k not in ("runs", "dq_results", "article_signatures")})
    return counts


def process_chunk(con: duckdb.DuckDBPyConnection, chunk: Chunk, tally: RunTally, *,
                  max_quarantine_share: float = 0.5) -> dict[str, int]:
    """One chunk end to end in this process: transform, check, load."""
    t = transform_and_check(chunk, run_id=tally.run_id, max_quarantine_share=max_quarantine_share,
                            newest_known=tally.newest)
    return load_chunk(con, t, tally)


def count_documents(inputs: list[str], *, newer_than: float | None = None, enough: int | None = None) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (local files; JSONL lines);
    None when an input is a URL or a WARC file. Only files modified after `newer_than` (a
    timestamp) count when it is given; counting stops once the total passes `enough`."""
    from sources.local import JSONL_SUFFIXES, WARC_SUFFIXES, expand, has_suffix

    total = 0
    for item in inputs:
        path = Path(item).expanduser()
        if "://" in item or not path.exists() or path.suffix.lower() in (".yaml", ".yml"):
            return None
        for file in expand(path):
            if has_suffix(file, WARC_SUFFIXES):
                return None
            if newer_than is not None and file.stat().st_mtime <= newer_than:
                continue
            total += _lines(file) if has_suffix(file, JSONL_SUFFIXES) else 1
            if enough is not None and total > enough:
                return total
    return total


def _lines(path: Path) -> int:
    n, last = 0, b"\n"
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            n += block.count(b"\n")
            last = block[-1:]
    return n + (last != b"\n")


def load_stack() -> None:
    """Import the transform stack and load its lexicons and language model: what a worker needs
    before its first chunk. No polars computation here: its thread pool must start in the worker."""
    import datasketch  # noqa: F401 - the near-copy signatures' MinHash (with scipy, ~1 s)
    import trafilatura  # noqa: F401

    import expectations.check  # noqa: F401
    import flows.tasks  # noqa: F401 - what a chunk's task unpickles to, Prefect's task engine with it
    import transforms.articles  # noqa: F401
    from transforms.facts import article_facts
    from transforms.metadata import detect_language

    # The lexicons (YAML) and the language model load on first use: once here, not in a chunk.
    article_facts("warm", 'Presiden Joko Widodo berkata, "Kami bertemu di Jakarta pada 8 Februari 2024."', None)
    detect_language("Presiden bertemu menteri di Jakarta.")


def warm() -> None:
    """A worker process's start (ProcessPoolTaskRunner's initializer): the transform stack, so
    that no chunk pays for it; log lines to the run's log file when there is one."""
    from warta.logfile import attach

    attach()
    load_stack()


def now() -> datetime:
    return datetime.now().replace(microsecond=0)
