"""WARC and WARC.gz files (Common Crawl's CC-NEWS and the like), read record by record.

warcio streams the archive, so a multi-gigabyte CC-NEWS file never sits in memory: only one
record's body does. Every HTML `response` (or `resource`) record with status 200 becomes a
document whose source is the record's WARC-Target-URI; redirects, requests, metadata, revisits and
non-HTML records are passed over, as they carry no article.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sources.documents import Document, Failure, Item, PullResult
from sources.http import declared_charset, decode_html, media_type
from sources.sniff import HTML_TYPES


def pull_warc(path: Path, *, max_bytes: int = 5_000_000, skip_urls: frozenset[str] = frozenset()) -> PullResult:
    """`iter_warc`, held whole (small archives and tests)."""
    return PullResult.collect(iter_warc(path, max_bytes=max_bytes, skip_urls=skip_urls))


def iter_warc(path: Path, *, max_bytes: int = 5_000_000, skip_urls: frozenset[str] = frozenset()) -> Iterator[Item]:
    """Documents from the HTML records of a WARC file, one record at a time; a broken archive
    yields what came before the break and then a failure. Records whose URL is in `skip_urls`
    are not decoded."""
    path = Path(path)
    uri = path.resolve().as_uri()
    count = 0
    failed = False
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.format != "warc":
                    # warcio reads any line of text as an old-style ARC header: not what we were given.
                    raise ValueError(f"record {count + 1} is not a WARC record (format {record.format!r})")
                count += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI") or ""
                if record.rec_type == "response":
                    if record.http_headers is None:
                        continue
                    status = record.http_headers.get_statuscode()
                    content_type = record.http_headers.get_header("Content-Type")
                    if status != "200":
                        continue
                else:
                    content_type = record.rec_headers.get_header("Content-Type")
                if media_type(content_type) not in HTML_TYPES or not target or target in skip_urls:
                    continue
                # content_stream() undoes chunked transfer and gzip content encoding.
                body = record.content_stream().read(max_bytes + 1)
                # Only after the body: asking for the offset makes warcio skip to the record's end.
                where = f"{uri}#offset={records.get_record_offset()}"
                if len(body) > max_bytes:
                    failed = True
                    yield Failure(target, "parse",
                                  f"record larger than the limit of {max_bytes} bytes (WARTA_MAX_BYTES)", where)
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:
                    # The file ended inside this record (an interrupted download); warcio does not
                    # raise for that, but bytes the record declared are missing.
                    failed = True
                    yield Failure(uri, "parse", f"broken WARC after {count} records: the last record is truncated",
                                  str(path))
                    break
                text, _ = decode_html(body, declared_charset(content_type))
                if not text.strip():
                    failed = True
                    yield Failure(target, "parse", "empty page", where)
                    continue
                yield Document(source=target, kind="html", content=text, raw_ref=where)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        # A truncated download or a file that is not a WARC at all: keep what was read.
        failed = True
        yield Failure(uri, "parse", f"broken WARC after {count} records: {exc}", str(path))
    if count == 0 and not failed:
        yield Failure(uri, "parse", "broken WARC after 0 records: no WARC record found", str(path))
