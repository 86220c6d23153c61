"""What a source hands to the pipeline: raw documents and the failures met on the way."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

import polars as pl

DocumentKind = Literal["html", "text"]

DOCUMENT_SCHEMA = pl.Schema(
    {
        "source": pl.String(),  # becomes articles.url: an http(s) URL or a file:// URI
        "kind": pl.String(),  # "html" or "text"
        "content": pl.String(),
        "title": pl.String(),  # what the record states wins over what extraction infers
        "published": pl.String(),  # ISO date as stated by the record
        "outlet": pl.String(),
        "language": pl.String(),
        "raw_ref": pl.String(),  # where the raw bytes are kept, when they were fetched
        "content_hash": pl.String(),
        # What the article id is made of: the URL, or for a local file a name relative to the
        # input folder, so that the same files loaded from another checkout are the same articles.
        "identity": pl.String(),
        "origin": pl.String(),  # the input (folder, file, feed, URL) it came from, for per-source health
    }
)

FAILURE_SCHEMA = pl.Schema(
    {"source": pl.String(), "stage": pl.String(), "reason": pl.String(), "raw_ref": pl.String(),
     "content_hash": pl.String(), "identity": pl.String(), "origin": pl.String()}
)


def sha256(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Document:
    """One article as pulled: HTML or already-scraped text, plus what its record states."""

    source: str
    kind: DocumentKind
    content: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    raw_ref: str | None = None
    content_hash: str = field(default="")
    identity: str | None = None
    origin: str | None = None

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", sha256(self.content))

    @property
    def key(self) -> str:
        """What its article id is made of (`identity`, else `source`)."""
        return self.identity or self.source


@dataclass(frozen=True)
class Failure:
    """An input that did not become a document, and why. `raw_ref` points at the kept raw input
    (a file path, or the offending record itself when it has no other home)."""

    source: str
    stage: Literal["pull", "fetch", "parse", "extract"]
    reason: str
    raw_ref: str | None = None
    # The failed input's hash, when there was content: an unchanged input is not tried again.
    content_hash: str | None = None
    identity: str | None = None
    origin: str | None = None

    @property
    def key(self) -> str:
        return self.identity or self.source


@dataclass
class PullResult:
    documents: list[Document] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def extend(self, other: PullResult) -> None:
        self.documents.extend(other.documents)
        self.failures.extend(other.failures)

    @classmethod
    def collect(cls, items: Iterable[Document | Failure]) -> PullResult:
        """A stream of documents and failures, held whole (for small inputs and tests)."""
        result = cls()
        for item in items:
            (result.documents if isinstance(item, Document) else result.failures).append(item)  # type: ignore[arg-type]
        return result


# What every source generator yields.
Item = Document | Failure


def documents_frame(docs: list[Document]) -> pl.DataFrame:
    return pl.DataFrame([asdict(d) for d in docs], schema=DOCUMENT_SCHEMA)


def failures_frame(failures: list[Failure]) -> pl.DataFrame:
    return pl.DataFrame([asdict(f) for f in failures], schema=FAILURE_SCHEMA)
