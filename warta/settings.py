"""One settings object, read once at the entry point and passed down as plain values."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = PROJECT_ROOT / "corpus" / "samples"
DEFAULT_DB = PROJECT_ROOT / "warehouse" / "warta.duckdb"


def default_workers() -> int:
    """Every core this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


class Settings(BaseSettings):
    """Run-time knobs; every field can be set as `WARTA_<NAME>` in the environment."""

    model_config = SettingsConfigDict(env_prefix="WARTA_", env_file=".env", extra="ignore")

    db: Path = DEFAULT_DB
    # Documents per chunk: each chunk is transformed by one task and loaded in one transaction, so
    # memory depends on this, not on the input size. Tasks carry chunks, never one article each.
    chunk_size: int = 200
    # Worker processes that transform chunks at once (default: every core this process may use).
    workers: int = Field(default_factory=lambda: default_workers())
    # Share of a table's rows that may be quarantined before the batch counts as broken.
    max_quarantine_share: float = 0.5
    # Fetching (issue 4): a page larger than this is refused, not truncated.
    max_bytes: int = 5_000_000
    # Per socket read or connect; a server that drips bytes never trips it, hence the deadlines.
    timeout_s: float = 20.0
    # One fetch, retries and waits included: a page, feed or sitemap not complete by then fails.
    fetch_deadline_s: float = 60.0
    # Every fetch of one run (its fetch stage): what is not fetched by then is a failure row.
    fetch_stage_deadline_s: float = 1800.0
    # One chunk's transform in a worker process or on Dask: a stuck or stopped worker fails the run
    # with what to do after this long, instead of holding it forever.
    chunk_deadline_s: float = 1800.0
    user_agent: str = "warta/0.1 (+https://github.com/warta-news/warta)"
    per_host_delay_s: float = 1.0
    # Hosts that may be fetched although they are not public (loopback in tests).
    allow_hosts: list[str] = []
    # How long a load waits for another process to let go of the DuckDB file.
    lock_wait_s: float = 120.0
    # Raw responses, compressed and addressed by hash; next to the DuckDB file when unset.
    raw_dir: Path | None = None
    # --- fetching from the web (issue 4; sources/http.py, sources/pull.py) ---
    # Tries per request: 5xx, 429, time-outs and dropped connections are tried again after
    # backoff_s * 2**n seconds (capped at backoff_max_s) plus up to 50 % random jitter.
    fetch_attempts: int = 3
    backoff_s: float = 1.0
    backoff_max_s: float = 60.0
    respect_robots: bool = True
    # Article pages fetched at once (hosts still get one request per per_host_delay_s).
    fetch_workers: int = 4
    # At most this many article URLs taken from one feed or sitemap (index) per run.
    max_urls_per_source: int = 500
    # --- end of fetching settings ---
    # Near-copies (warta/linking.py): estimated Jaccard similarity of word 3-grams from which two
    # articles are the same story, and how many days apart they may have been published.
    near_duplicate_threshold: float = 0.5
    near_duplicate_window_days: int = 31

    # A folder of the user's own lexicon files (transforms/lexicon/*.yaml names), laid over the
    # bundled ones: lists are extended, mappings merged, gazetteer entries replaced by name.
    lexicon_dir: Path | None = None

    @property
    def lexicon_dir_str(self) -> str | None:
        return str(self.lexicon_dir) if self.lexicon_dir else None


def beside(db: str | Path, what: str) -> Path:
    """The folder of one warehouse's `what` (raw pages, reports) beside its file: `<db stem>.<what>`,
    so that two warehouses in one folder never share them."""
    path = Path(db).expanduser().resolve()
    return path.parent / f"{path.stem}.{what}"


def get_settings() -> Settings:
    return Settings()
