"""Raw responses as fetched, kept so that articles can be re-extracted without fetching again.

Layout under the store's root (`settings.raw_dir`, or `<db stem>.raw/` beside the DuckDB file):

    ab/abcdef….gz     the response body, gzip-compressed, named by the sha256 of the body
    index.sqlite      what each body is: one row per response (`responses`), and the
                      conditional-GET validators of feeds and sitemaps (`validators`)

A body is written once whatever the number of URLs that served it. The index is SQLite rather than
DuckDB on purpose: the warehouse file may be held by an analyst (DuckDB allows one writer and no
readers beside it), and fetching must not wait for that. SQLite lets several processes and threads
write the index; each call opens its own short connection.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warta.settings import beside

SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    url          TEXT NOT NULL,   -- as requested
    final_url    TEXT NOT NULL,   -- after redirects; becomes articles.url
    kind         TEXT NOT NULL,   -- 'html', 'feed', 'sitemap'
    sha256       TEXT NOT NULL,
    raw_ref      TEXT NOT NULL,   -- path of the gzip file, relative to the store root
    content_type TEXT,
    charset      TEXT,            -- as declared by the server, when it declared one
    status       INTEGER NOT NULL,
    fetched_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS responses_url ON responses (url);
CREATE INDEX IF NOT EXISTS responses_final ON responses (final_url);
CREATE TABLE IF NOT EXISTS validators (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    raw_ref       TEXT,           -- the body that these validators vouch for
    content_type  TEXT,
    final_url     TEXT,
    fetched_at    TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class Validators:
    """What a server said about a feed or sitemap last time, for a conditional GET."""

    url: str
    etag: str | None
    last_modified: str | None
    raw_ref: str | None
    content_type: str | None
    final_url: str | None


@dataclass(frozen=True)
class StoredResponse:
    url: str
    final_url: str
    kind: str
    raw_ref: str
    content_type: str | None
    charset: str | None
    fetched_at: str


def root_for(raw_dir: Path | None, db: str | Path | None) -> Path:
    """The store's folder: the configured one, else `<db stem>.raw/` beside the DuckDB file (its own:
    a reprocess of one warehouse must not import another's pages)."""
    if raw_dir is not None:
        return Path(raw_dir).expanduser()
    if db is not None:
        return beside(db, "raw")
    raise ValueError("either raw_dir or db is needed to place the raw store")


class RawStore:
    """Gzip files addressed by sha256, plus an SQLite index of what they are."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.index_path = self.root / "index.sqlite"
        self._lock = threading.Lock()
        with self._connect() as con:
            con.executescript(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # timeout: another process (a second worker, a reprocess) may be writing the index.
        with closing(sqlite3.connect(self.index_path, timeout=30)) as con, con:
            yield con

    # bodies ---------------------------------------------------------------------------------

    def put(self, data: bytes) -> str:
        """Keep `data`; return its reference (a path relative to the root). Idempotent."""
        digest = hashlib.sha256(data).hexdigest()
        ref = f"{digest[:2]}/{digest}.gz"
        path = self.root / ref
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write to a temporary name and rename, so a reader never sees half a file.
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
                    gz.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return ref

    def path(self, ref: str) -> Path:
        return self.root / ref

    def get(self, ref: str) -> bytes:
        return gzip.decompress(self.path(ref).read_bytes())

    # index ----------------------------------------------------------------------------------

    def record(
        self,
        *,
        url: str,
        final_url: str,
        kind: str,
        raw_ref: str,
        content_type: str | None,
        charset: str | None,
        status: int,
    ) -> None:
        digest = Path(raw_ref).name.removesuffix(".gz")
        with self._lock, self._connect() as con:
            con.execute(
                "INSERT INTO responses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (url, final_url, kind, digest, raw_ref, content_type, charset, status, _now()),
            )

    def final_url(self, url: str) -> str | None:
        """Where `url` led last time it was fetched (after redirects), if it ever was."""
        with self._connect() as con:
            row = con.execute(
                "SELECT final_url FROM responses WHERE url = ? ORDER BY fetched_at DESC LIMIT 1", (url,)
            ).fetchone()
        return row[0] if row else None

    def validators(self, url: str) -> Validators | None:
        with self._connect() as con:
            row = con.execute(
                "SELECT url, etag, last_modified, raw_ref, content_type, final_url FROM validators WHERE url = ?",
                (url,),
            ).fetchone()
        if row is None or not (self.path(row[3]).exists() if row[3] else False):
            # Validators without the body they vouch for are useless: a 304 would leave nothing to parse.
            return None
        return Validators(*row)

    def save_validators(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        raw_ref: str,
        content_type: str | None,
        final_url: str,
    ) -> None:
        with self._lock, self._connect() as con:
            con.execute(
                "INSERT OR REPLACE INTO validators VALUES (?, ?, ?, ?, ?, ?, ?)",
                (url, etag, last_modified, raw_ref, content_type, final_url, _now()),
            )

    def pages(self) -> list[StoredResponse]:
        """The latest stored HTML response of every final URL: what a reprocess re-extracts."""
        with self._connect() as con:
            rows = con.execute(
                """
                SELECT url, final_url, kind, raw_ref, content_type, charset, fetched_at
                FROM responses r
                WHERE kind = 'html' AND fetched_at = (
                    SELECT max(fetched_at) FROM responses s WHERE s.final_url = r.final_url AND s.kind = 'html'
                )
                GROUP BY final_url
                ORDER BY final_url
                """
            ).fetchall()
        return [StoredResponse(*row) for row in rows]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
