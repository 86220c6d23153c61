"""Sources as generators: one size limit for every input kind, identities that do not depend on
where the checkout lives, <meta charset> for local HTML, no escaping symlinks, no file:// inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sources.documents import Document, Failure, PullResult
from sources.pull import stream
from transforms.ids import stable_id
from warta.settings import Settings

SAMPLES = Path(__file__).parent.parent / "corpus" / "samples"
SETTINGS = Settings(max_bytes=5_000_000)


def collect(inputs: list[str], settings: Settings = SETTINGS) -> PullResult:
    return PullResult.collect(stream(inputs, settings=settings, db="/nonexistent/w.duckdb"))


def test_the_same_files_from_two_checkouts_are_the_same_articles(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "samples", tmp_path / "b" / "deeper" / "samples"
    shutil.copytree(SAMPLES / "text", first)
    shutil.copytree(SAMPLES / "text", second)
    one, two = collect([str(first)]).documents, collect([str(second)]).documents
    assert len(one) == 5
    assert [stable_id(d.key) for d in one] == [stable_id(d.key) for d in two]
    # The URL still says where this copy was read from (docs/CONTRACT.md).
    assert one[0].source != two[0].source and one[0].source.startswith("file:///")
    assert one[0].identity == "local:samples/" + sorted(p.name for p in first.iterdir())[0]


def test_local_html_honours_its_meta_charset(tmp_path: Path) -> None:
    text = "Москва заявила, что переговоры продолжатся"
    page = f'<html><head><meta charset="koi8-r"><title>x</title></head><body><p>{text}</p></body></html>'
    (tmp_path / "page.html").write_bytes(page.encode("koi8-r"))
    [doc] = collect([str(tmp_path / "page.html")]).documents
    assert text in doc.content


def test_one_size_limit_for_pages_files_and_records(tmp_path: Path) -> None:
    limit = Settings(max_bytes=10_000)
    big = tmp_path / "in"
    big.mkdir()
    (big / "huge.html").write_bytes(b"<html><body><p>" + b"a" * 20_000 + b"</p></body></html>")
    (big / "huge.txt").write_bytes(b"kata " * 5_000)
    records = [json.dumps({"url": "https://x.id/1", "text": "Kalimat pendek yang cukup."}),
               json.dumps({"url": "https://x.id/2", "text": "b" * 20_000}),
               json.dumps({"url": "https://x.id/3", "text": "Kalimat lain yang juga cukup."})]
    (big / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    got = collect([str(big)], limit)
    assert sorted(d.source for d in got.documents) == ["https://x.id/1", "https://x.id/3"]
    reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in got.failures}
    assert "larger than the limit of 10000" in reasons["huge.html"]
    assert "larger than the limit of 10000" in reasons["huge.txt"]
    assert "larger than the limit of 10000" in reasons["feed.jsonl#line=2"]


def test_a_20_mb_local_page_is_refused_like_a_fetched_one(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    with page.open("wb") as f:
        f.write(b"<html><body>")
        f.truncate(20_000_000)
    [failure] = collect([str(page)]).failures
    assert failure.stage == "pull" and "20000000 bytes is larger than the limit of 5000000" in failure.reason


def test_symlinks_leaving_the_folder_are_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("rahasia: jangan dibaca", encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    shutil.copy(SAMPLES / "text" / "004_be9bd2fda5eb0877.txt", folder / "ok.txt")
    got = collect([str(folder)])
    assert [Path(d.source).name for d in got.documents] == ["ok.txt"]
    assert not any("rahasia" in d.content for d in got.documents)
    [failure] = got.failures
    assert failure.source.endswith("leak.txt") and "leads out of" in failure.reason


def test_file_urls_are_refused_with_what_to_do(tmp_path: Path) -> None:
    target = SAMPLES / "text" / "004_be9bd2fda5eb0877.txt"
    got = collect([target.as_uri()])
    assert not got.documents
    assert "give the path itself" in got.failures[0].reason


def test_a_binary_file_named_html_is_a_failure_with_its_hash(tmp_path: Path) -> None:
    (tmp_path / "x.html").write_bytes(bytes(range(256)) * 10)
    [failure] = collect([str(tmp_path / "x.html")]).failures
    assert failure.stage == "parse" and "not an HTML page" in failure.reason and failure.content_hash


def test_a_large_jsonl_is_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"url": f"https://x.id/{i}", "text": "Isi berita."}) + "\n"
                            for i in range(1000)), encoding="utf-8")
    items = stream([str(path)], settings=SETTINGS, db="/nonexistent/w.duckdb")
    first = next(items)
    assert isinstance(first, Document) and first.source == "https://x.id/0" and first.origin == str(path)
    # The generator has not read the file to its end: the rest is still to come, one at a time.
    assert sum(1 for _ in items) == 999
    assert not isinstance(first, Failure)
