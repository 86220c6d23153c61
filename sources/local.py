"""Local inputs: `.txt`, `.html`/`.htm` and `.jsonl` files, and folders of them.

WARC files are read by `sources.warc`; this module hands them over.
"""

from __future__ import annotations

import json
from pathlib import Path

from sources.documents import Document, Failure, PullResult

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc", ".warc.gz")
ALL_SUFFIXES = HTML_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES


def has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in suffixes)


def expand(path: Path) -> list[Path]:
    """The files a PATH stands for: itself, or every supported file below a folder, sorted."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and has_suffix(p, ALL_SUFFIXES))
    return [path]


def read_text(path: Path) -> str:
    """Text of a file; bytes that are not UTF-8 are decoded as cp1252 rather than refused,
    which is what older Indonesian sites serve."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def pull_file(path: Path) -> PullResult:
    """Documents from one local file; a file that cannot be read is a failure, not an exception."""
    uri = path.resolve().as_uri()
    result = PullResult()
    if not path.exists():
        result.failures.append(Failure(uri, "pull", f"no such file: {path}"))
        return result
    if not has_suffix(path, ALL_SUFFIXES):
        result.failures.append(
            Failure(uri, "pull", f"unsupported file type {path.suffix!r}; expected one of {', '.join(ALL_SUFFIXES)}")
        )
        return result
    try:
        if has_suffix(path, WARC_SUFFIXES):
            from sources.warc import pull_warc

            return pull_warc(path)
        text = read_text(path)
    except OSError as exc:
        result.failures.append(Failure(uri, "pull", f"cannot read file: {exc}"))
        return result
    if has_suffix(path, JSONL_SUFFIXES):
        return pull_jsonl(text, uri)
    if not text.strip():
        result.failures.append(Failure(uri, "parse", "empty file", raw_ref=str(path)))
        return result
    kind = "html" if has_suffix(path, HTML_SUFFIXES) else "text"
    result.documents.append(Document(source=uri, kind=kind, content=text))
    return result


def pull_jsonl(text: str, uri: str) -> PullResult:
    """One article per line: an object with `html` or `text`, optionally `url`, `title`,
    `published`, `outlet`, `language`. A bad line is a failure that keeps the line itself."""
    result = PullResult()
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{uri}#line={lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            result.failures.append(Failure(where, "parse", f"not JSON: {exc.msg} at column {exc.colno}", line))
            continue
        if not isinstance(record, dict):
            result.failures.append(Failure(where, "parse", "a record must be a JSON object", line))
            continue
        html, body = record.get("html"), record.get("text")
        content, kind = (html, "html") if isinstance(html, str) and html.strip() else (body, "text")
        if not isinstance(content, str) or not content.strip():
            result.failures.append(Failure(where, "parse", "record has neither `html` nor `text`", line))
            continue
        url = record.get("url")
        result.documents.append(
            Document(
                source=url if isinstance(url, str) and url.strip() else where,
                kind=kind,
                content=content,
                title=_str_or_none(record.get("title")),
                published=_str_or_none(record.get("published")),
                outlet=_str_or_none(record.get("outlet")),
                language=_str_or_none(record.get("language")),
            )
        )
    return result


def _str_or_none(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
