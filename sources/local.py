"""Local inputs: `.txt`, `.html`/`.htm`, `.jsonl` and `.warc`/`.warc.gz` files, and folders of them.

Each kind is a generator (`iter_text`, `iter_html`, `iter_jsonl`, `sources.warc.iter_warc`) that
yields documents and failures one at a time: a JSONL file is read line by line and a WARC record by
record, so neither is ever held whole. One size limit (`max_bytes`, the same that caps fetched
pages) applies to a page file, a JSONL record and a WARC record alike.

A document's `identity` (what its article id is made of) is its path relative to the folder that
was given, prefixed with that folder's name, so that the same files loaded from another checkout
are the same articles. Its `source` stays the file's absolute `file://` URI (docs/CONTRACT.md).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from sources.documents import Document, Failure, Item, PullResult
from sources.http import decode_html
from sources.sniff import SNIFF_BYTES, looks_like_html

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")
ALL_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
DEFAULT_MAX_BYTES = 5_000_000


def has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in suffixes)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError):
        return False


def expand(path: Path) -> list[Path]:
    """The files a PATH stands for: itself, or every supported file below a folder, sorted.
    Symbolic links that lead out of the folder (to /etc/passwd, say) are not followed."""
    if not path.is_dir():
        return [path]
    root = path.resolve()
    found = []
    for folder, dirs, files in os.walk(path, followlinks=False):
        here = Path(folder)
        # A linked folder inside the tree is walked only when it stays inside the tree.
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink() or _inside(here / d, root))
        for name in files:
            file = here / name
            if has_suffix(file, ALL_SUFFIXES) and file.is_file() and _inside(file, root):
                found.append(file)
    return sorted(found)


def escaping_links(path: Path) -> list[Path]:
    """Links below a folder that point out of it (reported as failures, never read)."""
    if not path.is_dir():
        return []
    root = path.resolve()
    return sorted(p for p in path.rglob("*") if p.is_symlink() and not _inside(p, root))


def identity_of(file: Path, given: Path) -> str:
    """`local:<folder name>/<path below it>` for a file found in a folder, `local:<name>` for a
    file given by itself: the same on every machine and checkout."""
    if given.is_dir():
        rel = file.relative_to(given).as_posix()
        return f"local:{given.resolve().name}/{rel}"
    return f"local:{file.name}"


def read_text(data: bytes) -> str:
    """Text of a `.txt` file; bytes that are not UTF-8 are decoded as cp1252 rather than refused,
    which is what older Indonesian sites serve."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def iter_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, skip_urls: frozenset[str] = frozenset()
              ) -> Iterator[Item]:
    """Every document and failure of a file or folder, lazily."""
    files = expand(path)
    if path.is_dir() and not files:
        yield Failure(str(path), "pull", "folder holds no .html, .htm, .txt, .jsonl or .warc file")
    for link in escaping_links(path):
        yield Failure(link.absolute().as_uri(), "pull", f"symbolic link leads out of {path}; not followed",
                      identity=f"local:{path.resolve().name}/{link.relative_to(path).as_posix()}")
    for file in files:
        yield from iter_file(file, identity_of(file, path), max_bytes=max_bytes, skip_urls=skip_urls)


def iter_file(path: Path, identity: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
              skip_urls: frozenset[str] = frozenset()) -> Iterator[Item]:
    """Documents from one local file, by its kind; a file that cannot be read is a failure."""
    uri = path.resolve().as_uri()
    if not path.exists():
        yield Failure(uri, "pull", f"no such file: {path}", identity=identity)
        return
    if not has_suffix(path, ALL_SUFFIXES):
        yield Failure(uri, "pull", f"unsupported file type {path.suffix!r}; expected one of {', '.join(ALL_SUFFIXES)}",
                      identity=identity)
        return
    if has_suffix(path, WARC_SUFFIXES):
        from sources.warc import iter_warc

        yield from iter_warc(path, max_bytes=max_bytes, skip_urls=skip_urls)
        return
    if has_suffix(path, JSONL_SUFFIXES):
        yield from iter_jsonl(path, identity, max_bytes=max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Failure(uri, "pull", f"file of {size} bytes is larger than the limit of {max_bytes} "
                          "(WARTA_MAX_BYTES)", raw_ref=str(path), identity=identity)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(uri, "pull", f"cannot read file: {exc}", identity=identity)
        return
    if has_suffix(path, HTML_SUFFIXES):
        yield from iter_html(data, uri, identity, str(path))
    else:
        yield from iter_text(data, uri, identity, str(path))


def iter_text(data: bytes, uri: str, identity: str, raw_ref: str) -> Iterator[Item]:
    text = read_text(data)
    if not text.strip():
        yield Failure(uri, "parse", "empty file", raw_ref=raw_ref, identity=identity)
        return
    yield Document(source=uri, kind="text", content=text, identity=identity)


def iter_html(data: bytes, uri: str, identity: str, raw_ref: str) -> Iterator[Item]:
    """An HTML file, decoded as a browser would (BOM, `<meta charset>`, UTF-8, detection)."""
    if not data.strip():
        yield Failure(uri, "parse", "empty file", raw_ref=raw_ref, identity=identity)
        return
    if not looks_like_html(data[:SNIFF_BYTES]):
        yield Failure(uri, "parse", "not an HTML page (binary, or no HTML tag in its first 4 KB)",
                      raw_ref=raw_ref, content_hash=_hash(data), identity=identity)
        return
    text, _ = decode_html(data)
    yield Document(source=uri, kind="html", content=text, identity=identity)


def _hash(data: bytes) -> str:
    from sources.documents import sha256

    return sha256(data)


def iter_jsonl(path: Path, identity: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One article per line: an object with `html` or `text`, optionally `url`, `title`,
    `published`, `outlet`, `language`. A bad line is a failure that keeps the line itself (up
    to 2,000 characters); a line longer than `max_bytes` is refused without being held."""
    uri = path.absolute().as_uri()
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield Failure(uri, "pull", f"cannot read file: {exc}", identity=identity)
        return
    with stream:
        lineno = 0
        while True:
            raw = stream.readline(max_bytes + 1)
            if not raw:
                break
            lineno += 1
            where, key = f"{uri}#line={lineno}", f"{identity}#line={lineno}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the oversized line without holding it
                yield Failure(where, "parse", f"record larger than the limit of {max_bytes} bytes (WARTA_MAX_BYTES)",
                              raw_ref=f"{path}#line={lineno}", identity=key)
                continue
            line = read_text(raw)
            if line.strip():
                yield _record(line, where, key)


def _record(line: str, where: str, key: str) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(where, "parse", f"not JSON: {exc.msg} at column {exc.colno}", line.strip()[:2000],
                       identity=key)
    if not isinstance(record, dict):
        return Failure(where, "parse", "a record must be a JSON object", line.strip()[:2000], identity=key)
    html, body = record.get("html"), record.get("text")
    content, kind = (html, "html") if isinstance(html, str) and html.strip() else (body, "text")
    if not isinstance(content, str) or not content.strip():
        return Failure(where, "parse", "record has neither `html` nor `text`", line.strip()[:2000], identity=key)
    url = _str_or_none(record.get("url"))
    return Document(
        source=url or where,
        kind=kind,  # type: ignore[arg-type]
        content=content,
        title=_str_or_none(record.get("title")),
        published=_str_or_none(record.get("published")),
        outlet=_str_or_none(record.get("outlet")),
        language=_str_or_none(record.get("language")),
        identity=None if url else key,
    )


def pull_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> PullResult:
    """Documents from one local file, held whole (small inputs, tests, benchmarks)."""
    return PullResult.collect(iter_file(path, identity_of(path, path), max_bytes=max_bytes))


def _str_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
